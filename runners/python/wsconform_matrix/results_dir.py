"""Autobahn-compatible results directories (catalogue.md §7): index.json plus
one <agent>_case_<id>.json per case, read, written and merged in Python for
when the wsconform binary lacks `report merge`."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path


def case_key(case_id: str) -> tuple:
    """Tuple order: 7.9 < 7.13 (IDs are dot-separated integers)."""
    return tuple(int(p) if p.isdigit() else 0 for p in case_id.split("."))


def report_file_name(agent: str, case_id: str) -> str:
    # §7.1: lower-case, anything outside [a-z0-9] becomes a space, trim, spaces become '_'.
    sanitised = re.sub(r"[^a-z0-9]", " ", agent.lower()).strip().replace(" ", "_")
    return f"{sanitised}_case_{case_id.replace('.', '_')}.json"


def dump_autobahn_json(data, path: Path) -> None:
    """Autobahn's own layout: 3-space indent, keys sorted as strings."""
    path.write_text(json.dumps(data, indent=3, sort_keys=True, separators=(",", ": ")) + "\n", encoding="utf-8")


def read_index(directory: Path) -> dict:
    index_path = Path(directory) / "index.json"
    try:
        index = json.loads(index_path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ValueError(f"{index_path}: cannot read: {e.strerror}") from None
    except ValueError as e:
        raise ValueError(f"{index_path}: not valid JSON: {e}") from None
    if not isinstance(index, dict) or not all(isinstance(v, dict) for v in index.values()):
        raise ValueError(f"{index_path}: expected an object of agents, each an object of cases")
    return index


def merge_dirs(inputs: list[Path], output: Path) -> dict:
    """Copies every input's index entries and case files into `output`."""
    output.mkdir(parents=True, exist_ok=True)
    merged: dict = {}
    for directory in inputs:
        for agent, cases in read_index(directory).items():
            into = merged.setdefault(agent, {})
            for case_id, entry in cases.items():
                into[case_id] = entry
                name = entry.get("reportfile")
                if name and (Path(directory) / name).is_file():
                    shutil.copyfile(Path(directory) / name, output / name)
    dump_autobahn_json(merged, output / "index.json")
    return merged


def verdict_counts(cases: dict) -> dict[str, int]:
    counts: dict[str, int] = {}
    for entry in cases.values():
        counts[entry.get("behavior", "?")] = counts.get(entry.get("behavior", "?"), 0) + 1
    return counts
