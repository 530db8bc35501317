"""Importing Autobahn|Testsuite reports (index.json + <agent>_case_<id>.json)
into our results layout under the agent name `autobahn:<peer>`.

The layouts are the same (catalogue.md §7), so importing is copying with the
agent renamed — except for reports made with older catalogues, whose cases are
mapped or flagged instead of being compared with a different test:
- 7.9.x had 13 invalid close codes before 2016 and 11 until 2018 (catalogue.md
  §0). 1012–1015 were dropped because RFC 6455 §7.4.1 registers them now
  (IANA), so those old cases are `retired`; the codes after them moved down
  (old 7.9.10 = 1016 is today's 7.9.6) and are renumbered.
- 13.3, 13.5 and 13.7 offered window bits 8 until March 2021; today they use
  9, because zlib refuses raw deflate with 8 bits. They stay comparable in
  shape but are flagged `parameters differ (8 vs 9)`."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .results_dir import case_key, dump_autobahn_json, read_index, report_file_name

# Today's 7.9.1–7.9.9 (catalogue.md §2 §7).
CURRENT_7_9 = [0, 999, 1004, 1005, 1006, 1016, 1100, 2000, 2999]
OLD_7_9 = {13: [0, 999, 1004, 1005, 1006, 1012, 1013, 1014, 1015, 1016, 1100, 2000, 2999],
           11: [0, 999, 1004, 1005, 1006, 1014, 1015, 1016, 1100, 2000, 2999]}
RETIRED_CODES = {1012, 1013, 1014, 1015}
BITS_CASES = ("13.3.", "13.5.", "13.7.")
CATALOGUE_DIR = Path(__file__).resolve().parents[3] / "cases" / "autobahn"


@dataclass
class Note:
    status: str  # "renumbered", "retired", "parameters differ (8 vs 9)", "unknown case"
    explanation: str
    original_id: str


@dataclass
class ImportResult:
    outdir: Path
    agents: dict[str, str] = field(default_factory=dict)  # Autobahn's name -> ours
    imported: dict[str, int] = field(default_factory=dict)
    notes: dict[str, dict[str, Note]] = field(default_factory=dict)  # our agent -> key -> note


def current_case_ids() -> set[str] | None:
    """The 517 IDs of our catalogue, or None when cases/ is not beside us."""
    if not CATALOGUE_DIR.is_dir():
        return None
    ids = set()
    for path in CATALOGUE_DIR.glob("*.json"):
        ids.update(c["id"] for c in json.loads(path.read_text(encoding="utf-8")).get("cases", []))
    return ids or None


def _close_code_of(case: dict | None) -> int | None:
    if not case:
        return None
    m = re.search(r"close code (\d+)", str(case.get("description", "")))
    return int(m.group(1)) if m else None


def _old_7_9_layout(ids: list[str]) -> int | None:
    numbers = [int(i.split(".")[2]) for i in ids if i.startswith("7.9.")]
    if not numbers or max(numbers) <= 9:
        return None
    return 13 if max(numbers) >= 12 else 11


def _uses_bits_8(case: dict | None, suite_version: tuple | None) -> bool:
    if case:
        text = " ".join(str(case.get(k, "")) for k in ("description", "httpRequest", "httpResponse"))
        if re.search(r"max_window_bits=8\b|, 8\)", text):
            return True
        if re.search(r"max_window_bits=9\b|, 9\)", text):
            return False
    # No case file to look at: go by the suite version (9 since 0.8.2, March 2021).
    return suite_version is not None and suite_version < (0, 8, 2)


def _suite_version(cases: list[dict]) -> tuple | None:
    for case in cases:
        text = str(case.get("httpRequest", "")) + str(case.get("httpResponse", ""))
        m = re.search(r"AutobahnTestSuite/(\d+)\.(\d+)\.(\d+)", text)
        if m:
            return tuple(int(x) for x in m.groups())
    return None


def _map_7_9(case_id: str, case: dict | None, layout: int | None) -> tuple[str | None, Note | None]:
    """(today's ID or None if retired, note) for one old 7.9.x case."""
    code = _close_code_of(case)
    if code is None and layout:
        n = int(case_id.split(".")[2])
        code = OLD_7_9[layout][n - 1] if n <= len(OLD_7_9[layout]) else None
    if code is None:
        return case_id, None
    if code in RETIRED_CODES:
        return None, Note("retired", f"close code {code} was in Autobahn's invalid list until 2016/2018; "
                                     f"RFC 6455 §7.4.1 codes 1012–1015 are registered with IANA since, so no "
                                     f"current case sends it", case_id)
    if code in CURRENT_7_9:
        new_id = f"7.9.{CURRENT_7_9.index(code) + 1}"
        if new_id != case_id:
            return new_id, Note("renumbered", f"old {case_id} (close code {code}) is today's {new_id}", case_id)
        return case_id, None
    return case_id, None


def import_report(source: Path, outdir: Path, peer: str | None = None) -> ImportResult:
    index = read_index(source)
    known = current_case_ids()
    result = ImportResult(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    merged = read_index(outdir) if (outdir / "index.json").is_file() else {}
    for agent, cases in index.items():
        ours = f"autobahn:{peer}" if peer and len(index) == 1 else \
            f"autobahn:{peer}-{agent}" if peer else \
            agent if agent.startswith("autobahn:") else f"autobahn:{agent}"
        result.agents[agent] = ours
        notes = result.notes.setdefault(ours, {})
        loaded = {cid: _load_case(source, e) for cid, e in cases.items()}
        version = _suite_version([c for c in loaded.values() if c])
        layout = _old_7_9_layout(list(cases))
        target = {}
        for case_id in sorted(cases, key=case_key):
            entry, case = dict(cases[case_id]), loaded[case_id]
            new_id, note = case_id, None
            if case_id.startswith("7.9.") and (layout or _close_code_of(case) in RETIRED_CODES):
                new_id, note = _map_7_9(case_id, case, layout)
            elif case_id.startswith(BITS_CASES) and _uses_bits_8(case, version):
                note = Note("parameters differ (8 vs 9)", "this report offered window bits 8 where today's "
                            "case offers 9 (zlib cannot do raw deflate with 8 bits), so the verdicts compare "
                            "different negotiations", case_id)
            if new_id and known is not None and new_id not in known:
                new_id, note = None, Note("unknown case", "not in this catalogue (517 cases); left out", case_id)
            if note:
                notes[new_id or f"{case_id} (old)"] = note
            if new_id is None:
                continue
            entry["reportfile"] = report_file_name(ours, new_id)
            if case is not None:
                case["agent"], case["id"] = ours, new_id
                if note:
                    case["wsconformImport"] = {"status": note.status, "originalId": case_id,
                                               "explanation": note.explanation}
                dump_autobahn_json(case, outdir / entry["reportfile"])
            elif (outdir / entry["reportfile"]).exists():
                (outdir / entry["reportfile"]).unlink()
            target[new_id] = entry
        merged[ours] = target
        result.imported[ours] = len(target)
    dump_autobahn_json(merged, outdir / "index.json")
    _write_notes(result)
    return result


def _load_case(source: Path, entry: dict) -> dict | None:
    name = entry.get("reportfile")
    path = source / name if name else None
    if not path or not path.is_file():
        return None  # a published index.json alone still carries the verdicts
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError as e:
        raise ValueError(f"{path}: not valid JSON: {e}") from None


def _write_notes(result: ImportResult) -> None:
    path = result.outdir / "import-notes.json"
    existing = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    for agent, notes in result.notes.items():
        existing[agent] = {k: {"status": n.status, "originalId": n.original_id, "explanation": n.explanation}
                           for k, n in sorted(notes.items(), key=lambda kv: case_key(kv[0].split()[0]))}
    path.write_text(json.dumps(existing, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def print_notes(result: ImportResult, out) -> None:
    for theirs, ours in result.agents.items():
        print(f"imported {result.imported[ours]} cases of {theirs!r} as {ours!r} into {result.outdir}", file=out)
        for key, note in result.notes.get(ours, {}).items():
            print(f"  {key}: {note.status} - {note.explanation}", file=out)

