"""`wsconform-matrix autobahn`: the same peers under Autobahn's own wstest —
fuzzingclient for servers under test, fuzzingserver for clients — with the
reports imported as `autobahn:<peer>` next to ours for the comparison view.

wstest is found on PATH; otherwise Docker with the crossbario/autobahn-testsuite
image is used (host networking, so everything stays on 127.0.0.1)."""
from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path

from .autobahn_import import import_report, print_notes
from .matrix_file import Matrix, Peer, expand
from .processes import Child, PeerError, free_port, wait_ready
from .progress import Progress
from .run_matrix import EXIT_PASS, EXIT_PEER, EXIT_USAGE, _check_requires
from .wsconform_cli import find_wsconform, has_command


class AutobahnUnavailable(Exception):
    pass


def detect(docker_image: str) -> list[str]:
    """The command prefix that runs wstest, or AutobahnUnavailable saying why not."""
    wstest = shutil.which("wstest")
    if wstest:
        return [wstest]
    docker = shutil.which("docker")
    if not docker:
        raise AutobahnUnavailable("Autobahn|Testsuite is not available: no `wstest` on PATH and no `docker` "
                                  "(install the crossbario/autobahn-testsuite image, or put wstest on PATH)")
    info = subprocess.run([docker, "info"], capture_output=True, text=True, timeout=30)
    if info.returncode != 0:
        why = (info.stderr or info.stdout).strip().splitlines()
        raise AutobahnUnavailable("docker is installed but its engine is not running or not reachable "
                                  f"(`docker info`: {why[-1] if why else 'exit status ' + str(info.returncode)})")
    image = subprocess.run([docker, "image", "inspect", docker_image], capture_output=True, timeout=30)
    if image.returncode != 0:
        raise AutobahnUnavailable(f"docker works but the image {docker_image} is not present; "
                                  f"fetch it with `docker pull {docker_image}` (this tool does not download)")
    return [docker, "run", "--rm", "--network", "host", "-v", "{workdir}:{workdir}", "-w", "{workdir}",
            docker_image, "wstest"]


def _wstest(prefix: list[str], workdir: Path, mode: str, spec: Path, extra: list[str] = ()) -> list[str]:
    argv = [a.replace("{workdir}", str(workdir)) for a in prefix]
    return argv + ["-m", mode, "-s", str(spec), *extra]


def _spec_common(peer: Peer, outdir: Path) -> dict:
    return {"outdir": str(outdir), "cases": peer.cases, "exclude-cases": peer.exclude_cases,
            "exclude-agent-cases": {}, "options": {"failByDrop": False}}


def run_server_peer(peer: Peer, prefix: list[str], work: Path, progress: Progress) -> Path:
    """fuzzingclient against one server under test; returns the report directory."""
    _check_requires(peer)
    reports = work / "reports"
    port = free_port()
    argv = expand(peer.command, port=str(port), name=peer.name, agent=peer.agent)
    progress.starting(peer.name, "server", argv)
    server = Child(peer.name, argv, peer.cwd, peer.env, work / "peer.log")
    try:
        t0 = time.monotonic()
        wait_ready(server, peer.startup_timeout, port=port, log_regex=peer.ready_log)
        progress.ready(peer.name, f"127.0.0.1:{port}", time.monotonic() - t0)
        spec = _spec_common(peer, reports)
        spec["servers"] = [{"agent": peer.agent, "url": peer.url.replace("{port}", str(port))}]
        spec_path = work / "fuzzingclient.json"
        spec_path.write_text(json.dumps(spec, indent=2) + "\n", encoding="utf-8")
        wstest = Child(f"{peer.name}/wstest", _wstest(prefix, work, "fuzzingclient", spec_path), work, None,
                       work / "wstest.log")
        try:
            if wstest.wait(peer.run_timeout) is None:
                raise PeerError(f"{peer.name}: wstest did not finish within {peer.run_timeout:g} s")
            if wstest.proc.returncode != 0:
                raise PeerError(f"{peer.name}: wstest failed ({wstest.exit_status()}):\n{wstest.output_tail()}")
        finally:
            wstest.stop()
    finally:
        server.stop()
    return reports


def run_client_peer(peer: Peer, prefix: list[str], work: Path, progress: Progress) -> Path:
    """fuzzingserver, then the client under test pointed at it."""
    _check_requires(peer)
    reports = work / "reports"
    port = free_port()
    spec = _spec_common(peer, reports)
    spec["url"] = f"ws://127.0.0.1:{port}"
    spec_path = work / "fuzzingserver.json"
    spec_path.write_text(json.dumps(spec, indent=2) + "\n", encoding="utf-8")
    fuzzer = Child(f"{peer.name}/wstest", _wstest(prefix, work, "fuzzingserver", spec_path, ["--webport", "0"]),
                   work, None, work / "wstest.log")
    try:
        wait_ready(fuzzer, 60, port=port)
        argv = expand(peer.command, url=f"ws://127.0.0.1:{port}", agent=peer.agent, name=peer.name)
        progress.starting(peer.name, "client", argv)
        client = Child(peer.name, argv, peer.cwd, peer.env, work / "peer.log")
        try:
            if client.wait(peer.run_timeout) is None:
                raise PeerError(f"{peer.name}: the client did not finish within {peer.run_timeout:g} s")
            if client.proc.returncode != 0:
                raise PeerError(f"{peer.name}: client failed ({client.exit_status()}):\n{client.output_tail()}")
        finally:
            client.stop()
    finally:
        fuzzer.stop()
    return reports


def run_autobahn(matrix: Matrix, outdir: Path, progress: Progress, out, only: list[str] | None = None,
                 docker_image: str = "crossbario/autobahn-testsuite", wsconform_hint: str | None = None) -> int:
    try:
        prefix = detect(docker_image)
    except AutobahnUnavailable as e:
        print(f"wsconform-matrix autobahn: {e}", file=out)
        return EXIT_USAGE
    imported = outdir / "autobahn" / "imported"
    status = EXIT_PASS
    for peer in matrix.peers:
        if only and peer.name not in only:
            continue
        work = (outdir / "autobahn" / "runs" / peer.name).resolve()
        work.mkdir(parents=True, exist_ok=True)
        try:
            runner = run_server_peer if peer.role == "server" else run_client_peer
            t0 = time.monotonic()
            reports = runner(peer, prefix, work, progress)
            result = import_report(reports, imported / peer.name, peer.name)
            progress.say(peer.name, f"wstest done in {time.monotonic() - t0:.0f} s")
            print_notes(result, out)
        except (PeerError, ValueError) as e:
            progress.failed(peer.name, str(e))
            status = EXIT_PEER
    _side_by_side(outdir, imported, wsconform_hint, out)
    return status


def _side_by_side(outdir: Path, imported: Path, wsconform_hint: str | None, out) -> None:
    """Autobahn's columns next to ours: one merged report of both result sets, and
    per peer a `report compare` page (one agent each side, so names may differ)."""
    theirs = [d for d in sorted(imported.glob("*")) if (d / "index.json").is_file()]
    if not theirs:
        return
    ours = [outdir / "peers" / d.name for d in theirs if (outdir / "peers" / d.name / "index.json").is_file()]
    try:
        wsconform = find_wsconform(wsconform_hint)
    except FileNotFoundError:
        wsconform = None
    if not wsconform or not has_command(wsconform, "report"):
        print(f"Autobahn results: {imported} (a wsconform with `report` renders them beside ours)", file=out)
        return
    side = outdir / "autobahn" / "side-by-side"
    runs = [[wsconform, "report", "merge", *map(str, ours + theirs), "-o", str(side),
             "--title", "wsconform and Autobahn"]]
    runs += [[wsconform, "report", "compare", str(imported / d.name), str(d), "--html",
              str(outdir / "autobahn" / "compare" / d.name)] for d in ours]
    for argv in runs:
        done = subprocess.run(argv, capture_output=True, text=True)
        out.write(done.stdout + done.stderr)
