"""Shared by the tests: paths, temporary directories, orphan checks, the real
wsconform binary (WSCONFORM) when it can run cases."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
FAKES = HERE / "fakes"
REPO = HERE.parents[2]
PEERS = REPO / "runners" / "peers"
FIXTURE = Path(os.environ.get("WSC_FIXTURES", REPO.parent / "shared" / "fixtures")) / "autobahn-deno-server"
FAKE_WSCONFORM = [sys.executable, str(FAKES / "fake_wsconform.py")]


def fake_wsconform_path(tmp: Path) -> str:
    """An executable wrapper, since the runner takes one path for the binary."""
    path = tmp / "wsconform"
    path.write_text(f"#!/bin/sh\nexec {sys.executable} {FAKES / 'fake_wsconform.py'} \"$@\"\n")
    path.chmod(0o755)
    return str(path)


def alive(pid: int) -> bool:
    """True if the process exists and is not a zombie waiting to be reaped."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def pids_from(pidfile: Path) -> list[int]:
    return [int(p) for p in pidfile.read_text().split()] if pidfile.exists() else []


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="wsc-matrix-")
        self.tmp = Path(self._tmp.name)
        self.out = io.StringIO()

    def tearDown(self):
        self._tmp.cleanup()

    def assertNoOrphans(self, pidfile: Path):
        pids = pids_from(pidfile)
        self.assertTrue(pids, f"{pidfile} lists no PIDs")
        deadline = time.monotonic() + 3
        while any(alive(p) for p in pids) and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertEqual([p for p in pids if alive(p)], [], "processes left running")


def real_wsconform() -> str | None:
    """WSCONFORM, if set and able to run cases (the engine may not be built)."""
    path = os.environ.get("WSCONFORM")
    if not path or not os.access(path, os.X_OK):
        return None
    probe = subprocess.run([path, "client", "--help"], capture_output=True, timeout=30)
    return path if probe.returncode == 0 else None


def require_wsconform(test: unittest.TestCase) -> str:
    path = real_wsconform()
    if path is None:
        test.skipTest("WSCONFORM is unset, missing, or its `client`/`server` are not built "
                      "(set WSCONFORM=/path/to/build/runners/cli/wsconform)")
    return path
