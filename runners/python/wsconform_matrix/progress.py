"""What the matrix runner prints while it works: per peer, starting, ready,
running case counts (from the wsconform progress lines) and a verdict summary."""
from __future__ import annotations

import re
import sys
import time

# `wsconform client|server` without a terminal prints one line per finished case:
# "[12/301] 2.3 OK/OK 3 ms" (runners/cli/progress.cpp).
CASE_LINE = re.compile(r"^\[(\d+)/(\d+)\] (\S+) (\S+?)/(.+) \d+ ms$")


def parse_case_line(line: str):
    """(done, total, case id, behavior, behaviorClose) or None."""
    m = CASE_LINE.match(line.strip())
    if not m:
        return None
    return int(m.group(1)), int(m.group(2)), m.group(3), m.group(4), m.group(5)


def summary(counts: dict[str, int]) -> str:
    order = ["OK", "NON-STRICT", "INFORMATIONAL", "UNIMPLEMENTED", "FAILED"]
    keys = sorted(counts, key=lambda k: (order.index(k) if k in order else len(order), k))
    return ", ".join(f"{k} {counts[k]}" for k in keys) or "no results"


class Progress:
    def __init__(self, out=None, interval: float = 5.0):
        self.out = out or sys.stdout
        self.interval = interval
        self._last: dict[str, float] = {}
        self._counts: dict[str, dict[str, int]] = {}

    def say(self, peer: str, text: str) -> None:
        print(f"[{peer}] {text}", file=self.out, flush=True)

    def starting(self, peer: str, role: str, argv: list[str]) -> None:
        self._counts[peer] = {}
        self.say(peer, f"starting ({role} under test): {' '.join(argv)}")

    def ready(self, peer: str, where: str, seconds: float) -> None:
        self.say(peer, f"ready on {where} after {seconds:.1f} s")

    def case_done(self, peer: str, done: int, total: int, behavior: str) -> None:
        counts = self._counts.setdefault(peer, {})
        counts[behavior] = counts.get(behavior, 0) + 1
        now = time.monotonic()
        if done == total or done == 1 or now - self._last.get(peer, 0) >= self.interval:
            self._last[peer] = now
            self.say(peer, f"{done}/{total} cases  {summary(counts)}")

    def done(self, peer: str, cases: dict[str, int], seconds: float) -> None:
        self.say(peer, f"done in {seconds:.0f} s: {sum(cases.values())} cases  {summary(cases)}")

    def failed(self, peer: str, message: str) -> None:
        self.say(peer, f"ERROR {message}")
