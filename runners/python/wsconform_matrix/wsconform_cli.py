"""Finding the wsconform binary and asking which subcommands it has."""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def find_wsconform(explicit: str | None = None) -> str:
    for candidate in (explicit, os.environ.get("WSCONFORM")):
        if candidate:
            if not os.access(candidate, os.X_OK):
                raise FileNotFoundError(f"wsconform binary {candidate!r} is missing or not executable")
            return candidate
    on_path = shutil.which("wsconform")
    if on_path:
        return on_path
    built = REPO / "build" / "runners" / "cli" / "wsconform"
    if os.access(built, os.X_OK):
        return str(built)
    raise FileNotFoundError("no wsconform binary: pass --wsconform, set WSCONFORM or build it (./scripts/setup.sh)")


@functools.cache
def has_command(wsconform: str, command: str) -> bool:
    """True when `wsconform COMMAND --help` works (older builds lack `report`)."""
    try:
        done = subprocess.run([wsconform, command, "--help"], capture_output=True, timeout=20)
    except OSError:
        return False
    return done.returncode == 0


@functools.cache
def has_option(wsconform: str, command: str, option: str) -> bool:
    try:
        done = subprocess.run([wsconform, command, "--help"], capture_output=True, text=True, timeout=20)
    except OSError:
        return False
    return option in done.stdout
