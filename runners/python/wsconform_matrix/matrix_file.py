"""Reads a peer matrix (TOML or JSON). Every problem is reported as
`<file>: <key path>: <problem>`, the format of the case catalogue's loader."""
from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

FORMAT = "wsconform-matrix/1"
REPO = Path(__file__).resolve().parents[3]


def build_dir() -> str:
    """{build} in commands and requires: $WSC_BUILD_DIR, else the repository's build/."""
    return os.environ.get("WSC_BUILD_DIR") or str(REPO / "build")
ROLES = ("server", "client")
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class MatrixError(Exception):
    """A matrix file that cannot be used; the message names file, key and problem."""


@dataclass
class Peer:
    name: str
    role: str  # the role of the implementation under test
    command: list[str]
    cwd: Path
    env: dict[str, str] = field(default_factory=dict)
    ready_log: str | None = None  # regex on the peer's output; None: the TCP port answers
    startup_timeout: float = 30.0
    run_timeout: float = 3600.0
    url: str = "ws://127.0.0.1:{port}/"
    agent: str = ""
    cases: list[str] = field(default_factory=lambda: ["*"])
    exclude_cases: list[str] = field(default_factory=list)
    baseline: Path | None = None
    requires: list[Path] = field(default_factory=list)


@dataclass
class Matrix:
    path: Path
    peers: list[Peer]
    jobs: int = 1


class _Reader:
    def __init__(self, path: Path):
        self.path = path

    def fail(self, key: str, problem: str) -> MatrixError:
        return MatrixError(f"{self.path}: {key}: {problem}")

    def typed(self, value, kind, key, what):
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            raise self.fail(key, f"expected {what}, got {_type_name(value)}")
        return value

    def strings(self, value, key, non_empty=False):
        self.typed(value, list, key, "a list of strings")
        for i, item in enumerate(value):
            self.typed(item, str, f"{key}[{i}]", "a string")
        if non_empty and not value:
            raise self.fail(key, "must not be empty")
        return list(value)

    def positive(self, value, key):
        number = self.typed(value, float, key, "a number of seconds")
        if number <= 0:
            raise self.fail(key, f"must be positive, got {value}")
        return number

    def unknown(self, table: dict, allowed: set, where: str):
        for key in table:
            if key not in allowed:
                raise self.fail(f"{where}{key}", f"unknown key (allowed: {', '.join(sorted(allowed))})")


def _type_name(value) -> str:
    return {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)


DEFAULT_KEYS = {"cases", "exclude-cases", "startup-timeout", "run-timeout", "jobs"}
PEER_KEYS = {"name", "role", "command", "cwd", "env", "ready", "startup-timeout", "run-timeout", "url",
             "agent", "cases", "exclude-cases", "baseline", "requires"}


def load_matrix(path: str | Path) -> Matrix:
    path = Path(path)
    r = _Reader(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise MatrixError(f"{path}: (root): cannot read: {e.strerror}") from None
    try:
        if path.suffix == ".json":
            data = json.loads(raw)
        else:
            data = tomllib.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as e:
        raise MatrixError(f"{path}: (root): not valid {'JSON' if path.suffix == '.json' else 'TOML'}: {e}") from None
    r.typed(data, dict, "(root)", "a table")
    r.unknown(data, {"format", "defaults", "peer", "peers"}, "")
    if "format" in data and data["format"] != FORMAT:
        raise r.fail("format", f"expected \"{FORMAT}\", got {data['format']!r}")
    defaults = r.typed(data.get("defaults", {}), dict, "defaults", "a table")
    r.unknown(defaults, DEFAULT_KEYS, "defaults.")
    base = Peer(name="", role="server", command=[], cwd=path.parent)
    if "cases" in defaults:
        base.cases = r.strings(defaults["cases"], "defaults.cases", non_empty=True)
    if "exclude-cases" in defaults:
        base.exclude_cases = r.strings(defaults["exclude-cases"], "defaults.exclude-cases")
    if "startup-timeout" in defaults:
        base.startup_timeout = r.positive(defaults["startup-timeout"], "defaults.startup-timeout")
    if "run-timeout" in defaults:
        base.run_timeout = r.positive(defaults["run-timeout"], "defaults.run-timeout")
    jobs = r.typed(defaults.get("jobs", 1), int, "defaults.jobs", "an integer")
    if jobs < 1:
        raise r.fail("defaults.jobs", f"must be at least 1, got {jobs}")

    key = "peers" if "peers" in data and "peer" not in data else "peer"
    entries = r.typed(data.get(key, []), list, key, "a list of peer tables")
    if not entries:
        raise r.fail(key, "no peer listed")
    peers = []
    for i, entry in enumerate(entries):
        peers.append(_read_peer(r, entry, f"{key}[{i}]", base))
    seen = {}
    for i, p in enumerate(peers):
        if p.name in seen:
            raise r.fail(f"{key}[{i}].name", f"duplicate peer name {p.name!r} (also {key}[{seen[p.name]}])")
        seen[p.name] = i
    return Matrix(path=path, peers=peers, jobs=jobs)


def _read_peer(r: _Reader, entry, where: str, base: Peer) -> Peer:
    r.typed(entry, dict, where, "a table")
    r.unknown(entry, PEER_KEYS, f"{where}.")
    for required in ("name", "role", "command"):
        if required not in entry:
            raise r.fail(f"{where}.{required}", "missing")
    name = r.typed(entry["name"], str, f"{where}.name", "a string")
    if not NAME_RE.match(name):
        raise r.fail(f"{where}.name", f"{name!r} may hold only letters, digits, '.', '_' and '-'")
    role = r.typed(entry["role"], str, f"{where}.role", "a string")
    if role not in ROLES:
        raise r.fail(f"{where}.role", f"expected \"server\" or \"client\", got {role!r}")
    command = expand(r.strings(entry["command"], f"{where}.command", non_empty=True), build=build_dir())
    peer = Peer(name=name, role=role, command=command,
                cwd=base.cwd, startup_timeout=base.startup_timeout, run_timeout=base.run_timeout,
                cases=list(base.cases), exclude_cases=list(base.exclude_cases), agent=name)
    if "cwd" in entry:
        peer.cwd = (base.cwd / r.typed(entry["cwd"], str, f"{where}.cwd", "a string")).resolve()
        if not peer.cwd.is_dir():
            raise r.fail(f"{where}.cwd", f"no such directory: {peer.cwd}")
    if "env" in entry:
        env = r.typed(entry["env"], dict, f"{where}.env", "a table of strings")
        for k, v in env.items():
            r.typed(v, str, f"{where}.env.{k}", "a string")
        peer.env = dict(env)
    if "ready" in entry:
        if role == "client":
            raise r.fail(f"{where}.ready", "a client under test is not waited for; it connects to us")
        ready = r.typed(entry["ready"], dict, f"{where}.ready", "a table ({tcp = true} or {log = \"regex\"})")
        r.unknown(ready, {"tcp", "log"}, f"{where}.ready.")
        if len(ready) != 1:
            raise r.fail(f"{where}.ready", "give exactly one of tcp = true or log = \"regex\"")
        if "log" in ready:
            pattern = r.typed(ready["log"], str, f"{where}.ready.log", "a regular expression")
            try:
                re.compile(pattern)
            except re.error as e:
                raise r.fail(f"{where}.ready.log", f"bad regular expression: {e}") from None
            peer.ready_log = pattern
        elif r.typed(ready["tcp"], bool, f"{where}.ready.tcp", "a boolean") is not True:
            raise r.fail(f"{where}.ready.tcp", "must be true (or use log = \"regex\")")
    for k, attr in (("startup-timeout", "startup_timeout"), ("run-timeout", "run_timeout")):
        if k in entry:
            setattr(peer, attr, r.positive(entry[k], f"{where}.{k}"))
    if "url" in entry:
        if role == "client":
            raise r.fail(f"{where}.url", "only a server under test has a URL; a client gets {url} in its command")
        url = r.typed(entry["url"], str, f"{where}.url", "a string")
        if not re.match(r"^wss?://(127\.0\.0\.1|localhost|\[::1\])(:[0-9]+|:\{port\})?(/|$)", url):
            raise r.fail(f"{where}.url", f"must be a ws:// or wss:// URL on 127.0.0.1, got {url!r}")
        peer.url = url
    if role == "client" and not any("{url}" in a for a in peer.command):
        raise r.fail(f"{where}.command", "a client's command must contain {url} (where our fuzzing server is)")
    if "agent" in entry:
        peer.agent = r.typed(entry["agent"], str, f"{where}.agent", "a string")
        if not peer.agent.strip():
            raise r.fail(f"{where}.agent", "must not be empty")
    if "cases" in entry:
        peer.cases = r.strings(entry["cases"], f"{where}.cases", non_empty=True)
    if "exclude-cases" in entry:
        peer.exclude_cases = r.strings(entry["exclude-cases"], f"{where}.exclude-cases")
    if "baseline" in entry:
        peer.baseline = base.cwd / r.typed(entry["baseline"], str, f"{where}.baseline", "a path")
    if "requires" in entry:
        requires = expand(r.strings(entry["requires"], f"{where}.requires"), build=build_dir())
        peer.requires = [peer.cwd / p for p in requires]
    return peer


def expand(argv: list[str], **values: str) -> list[str]:
    """Substitutes {port}, {url}, {agent}, {name} and {build}; other braces stay as they are."""
    out = []
    for arg in argv:
        for key, value in values.items():
            arg = arg.replace("{" + key + "}", value)
        out.append(arg)
    return out
