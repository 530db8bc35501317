"""Child processes in their own process groups, stopped by PID on every way out.

Each child is started with start_new_session, so its PID is also its process
group ID and one killpg reaches whatever it started (npm, node, a shell...).
Every live child is tracked; stop_all() runs from finally blocks, from atexit and
from the SIGTERM/SIGHUP handlers, so no orphan survives a failure or Ctrl-C."""
from __future__ import annotations

import atexit
import os
import queue
import re
import signal
import socket
import subprocess
import threading
import time
from collections import deque
from pathlib import Path

_live: set["Child"] = set()
_lock = threading.Lock()


class PeerError(Exception):
    """A peer that could not be started, never became ready, or died mid-run."""


class Interrupted(Exception):
    """SIGINT, SIGTERM or SIGHUP arrived; everything started is being stopped."""


class Child:
    """A command whose output lines go to a log file and to a queue for the caller."""

    def __init__(self, name: str, argv: list[str], cwd: Path | None, env: dict[str, str] | None, log_path: Path):
        self.name = name
        self.argv = argv
        self.log_path = log_path
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.tail: deque[str] = deque(maxlen=20)
        full_env = dict(os.environ)
        full_env.update(env or {})
        log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(log_path, "w", encoding="utf-8", errors="replace")
        try:
            self.proc = subprocess.Popen(argv, cwd=cwd, env=full_env, stdin=subprocess.DEVNULL,
                                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                         start_new_session=True, text=True, errors="replace", bufsize=1)
        except OSError as e:
            self._log.close()
            raise PeerError(f"{name}: cannot start {argv[0]!r}: {e.strerror}") from None
        self.pid = self.proc.pid
        with _lock:
            _live.add(self)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        for line in self.proc.stdout:
            line = line.rstrip("\n")
            self._log.write(line + "\n")
            self._log.flush()
            self.tail.append(line)
            self.lines.put(line)
        self.lines.put(None)

    def running(self) -> bool:
        return self.proc.poll() is None

    def exit_status(self) -> str:
        rc = self.proc.poll()
        if rc is None:
            return "still running"
        return f"killed by signal {-rc}" if rc < 0 else f"exit status {rc}"

    def output_tail(self) -> str:
        self._reader.join(timeout=1)
        return "\n".join("    " + line for line in list(self.tail)[-10:]) or "    (no output)"

    def wait(self, timeout: float) -> int | None:
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self, grace: float = 3.0, sig: int = signal.SIGTERM) -> None:
        """Signals the whole process group, then SIGKILL after `grace` seconds."""
        try:
            os.killpg(self.pid, sig)
        except ProcessLookupError:
            pass  # the group is gone already
        if self.wait(grace) is None:
            try:
                os.killpg(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.wait(5)
        else:
            # The leader is gone; members it left behind still share the group.
            try:
                os.killpg(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self._reader.join(timeout=2)
        if not self._reader.is_alive():
            self.proc.stdout.close()
        self._log.close()
        with _lock:
            _live.discard(self)


def stop_all() -> None:
    with _lock:
        children = list(_live)
    for child in children:
        child.stop(grace=1.0)


def _on_signal(signum, _frame):
    raise Interrupted(signal.Signals(signum).name)


def install_signal_handlers() -> None:
    """SIGINT, SIGTERM and SIGHUP unwind through the callers' finally blocks. SIGINT
    is set explicitly: a shell starts background jobs with it ignored."""
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _on_signal)
    atexit.register(stop_all)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def wait_ready(child: Child, timeout: float, port: int | None = None, log_regex: str | None = None) -> re.Match | None:
    """Waits until the port accepts connections or a line matches; PeerError when
    the child exits first or the time runs out (the caller stops it)."""
    deadline = time.monotonic() + timeout
    pattern = re.compile(log_regex) if log_regex else None
    while True:
        try:
            line = child.lines.get(timeout=0.1)
        except queue.Empty:
            line = ""
        if pattern and line:
            match = pattern.search(line)
            if match:
                return match
        if line is None or not child.running():
            child.wait(1)
            raise PeerError(f"{child.name}: exited ({child.exit_status()}) before it was ready; "
                            f"last output ({child.log_path}):\n{child.output_tail()}")
        if pattern is None and port is not None and port_open(port):
            return None
        if time.monotonic() > deadline:
            what = f"a line matching /{log_regex}/" if pattern else f"127.0.0.1:{port} to accept connections"
            raise PeerError(f"{child.name}: not ready after {timeout:g} s (waited for {what}); "
                            f"last output ({child.log_path}):\n{child.output_tail()}")
