"""Baseline files (ci/README.md, format wsconform-baseline/1): combining the
per-peer files into one for the merged report, and the gate itself in Python
(docs/exit-codes.md) for when the wsconform binary has no `report` command."""
from __future__ import annotations

import json
from pathlib import Path

from .results_dir import case_key

FORMAT = "wsconform-baseline/1"
DEFAULT_POLICY = {"behavior": ["INFORMATIONAL", "NON-STRICT", "OK", "UNIMPLEMENTED"],
                  "behaviorClose": ["INFORMATIONAL", "OK"]}
# Best first (docs/exit-codes.md).
BEHAVIOR_SCALE = ["OK", "INFORMATIONAL", "NON-STRICT", "UNIMPLEMENTED", "NO_CLOSE", "FAILED"]
CLOSE_SCALE = ["OK", "INFORMATIONAL", "FAILED BY CLIENT", "WRONG CODE", "UNCLEAN", "FAILED"]


def load_baseline(path: Path) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise ValueError(f"{path}: cannot read: {e.strerror}") from None
    except ValueError as e:
        raise ValueError(f"{path}: not valid JSON: {e}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError(f"{path}: format: expected \"{FORMAT}\"")
    if not isinstance(data.get("agents", {}), dict):
        raise ValueError(f"{path}: agents: expected an object")
    return data


def _same_policy(a: dict, b: dict) -> bool:
    return all(sorted(a.get(k) or []) == sorted(b.get(k) or []) for k in ("behavior", "behaviorClose"))


def combine(paths: list[Path]) -> dict:
    """One baseline holding every agent of the given files. The merged report is
    gated with one pass policy, so files that state different policies are an
    error (a peer's entries would be judged by another peer's rule)."""
    combined = {"format": FORMAT, "policy": None, "agents": {}}
    policy_from = None
    for path in paths:
        data = load_baseline(path)
        if "policy" in data:
            if combined["policy"] is None:
                combined["policy"], policy_from = data["policy"], path
            elif not _same_policy(combined["policy"], data["policy"]):
                raise ValueError(f"{path}: policy: differs from the one in {policy_from}; the baselines of one "
                                 f"matrix must share a pass policy (docs/exit-codes.md)")
        for agent, cases in data.get("agents", {}).items():
            combined["agents"].setdefault(agent, {}).update(cases)
    if combined["policy"] is None:
        del combined["policy"]
    return combined


def _rank(scale: list[str], verdict: str) -> int:
    return scale.index(verdict) if verdict in scale else len(scale)


def regressions(index: dict, baseline: dict | None) -> list[str]:
    """The REGRESSION lines of docs/exit-codes.md for results that fail the policy
    and that the baseline does not accept."""
    policy = (baseline or {}).get("policy") or DEFAULT_POLICY
    accepted = (baseline or {}).get("agents", {})
    out = []
    for agent in sorted(index):
        for case_id in sorted(index[agent], key=case_key):
            entry = index[agent][case_id]
            behavior, close = entry.get("behavior", ""), entry.get("behaviorClose", "")
            if behavior in policy["behavior"] and close in policy["behaviorClose"]:
                continue
            known = accepted.get(agent, {}).get(case_id)
            if known and _rank(BEHAVIOR_SCALE, behavior) <= _rank(BEHAVIOR_SCALE, known["behavior"]) \
                    and _rank(CLOSE_SCALE, close) <= _rank(CLOSE_SCALE, known["behaviorClose"]):
                continue
            why = "worse than the baseline" if known else "not in the baseline"
            out.append(f"REGRESSION {agent} {case_id}: {behavior} / {close} - {why}")
    return out


def updated(index: dict, old: dict | None, agent: str) -> dict:
    """The baseline for one agent after a run (ci/README.md --update-baseline):
    failing cases get an entry, reasons of entries that stay are kept, passing
    cases lose theirs, cases the run did not cover keep theirs."""
    policy = (old or {}).get("policy") or DEFAULT_POLICY
    before = (old or {}).get("agents", {}).get(agent, {})
    results = index.get(agent, {})
    entries = {k: v for k, v in before.items() if k not in results}
    for case_id, entry in results.items():
        behavior, close = entry.get("behavior", ""), entry.get("behaviorClose", "")
        if behavior in policy["behavior"] and close in policy["behaviorClose"]:
            continue
        reason = before.get(case_id, {}).get("reason", "TODO: explain")
        entries[case_id] = {"behavior": behavior, "behaviorClose": close, "reason": reason}
    ordered = {k: entries[k] for k in sorted(entries, key=case_key)}
    return {"format": FORMAT, "policy": policy, "agents": {agent: ordered}}


def write_baseline(data: dict, path: Path) -> None:
    Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
