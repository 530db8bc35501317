"""`wsconform-matrix run`: each peer in turn on 127.0.0.1, tested by wsconform,
stopped by PID; then one merged report for the whole matrix."""
from __future__ import annotations

import json
import queue
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import baselines, results_dir
from .matrix_file import Matrix, Peer, expand
from .processes import Child, Interrupted, PeerError, free_port, wait_ready
from .progress import Progress, parse_case_line
from .wsconform_cli import has_command

EXIT_PASS, EXIT_REGRESSION, EXIT_USAGE, EXIT_PEER, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


@dataclass
class Outcome:
    peer: str
    results: Path
    error: str | None = None
    counts: dict = field(default_factory=dict)


def _selection_args(peer: Peer) -> list[str]:
    args = ["--cases", ",".join(peer.cases)]
    if peer.exclude_cases:
        args += ["--exclude-cases", ",".join(peer.exclude_cases)]
    return args


def _check_requires(peer: Peer) -> None:
    missing = [str(p) for p in peer.requires if not p.exists()]
    if missing:
        raise PeerError(f"{peer.name}: not installed ({', '.join(missing)} missing); run scripts/setup-peers.sh")


def _follow(run: Child, peer: str, progress: Progress, timeout: float, watch: Child | None = None,
            first_case_within: float | None = None, stop_when_watch_exits: bool = False) -> tuple[int, int]:
    """Reads wsconform's case lines until it exits. Returns (done, total).
    `watch` is the peer: a server under test that dies is a crash; a client
    under test that exits has finished (stop_when_watch_exits)."""
    deadline = time.monotonic() + timeout
    started = time.monotonic()
    done = total = 0
    watch_gone_at = None
    while True:
        try:
            line = run.lines.get(timeout=0.2)
        except queue.Empty:
            line = ""
        if line is None:
            if watch is not None and not stop_when_watch_exits and watch.wait(0.5) is not None:
                raise PeerError(f"{peer}: crashed mid-run ({watch.exit_status()}) after {done} of "
                                f"{total or '?'} cases; last output ({watch.log_path}):\n{watch.output_tail()}")
            return done, total
        parsed = parse_case_line(line) if line else None
        if parsed:
            done, total = parsed[0], parsed[1]
            progress.case_done(peer, done, total, parsed[3])
        if watch is not None and not watch.running():
            if not stop_when_watch_exits:
                watch.wait(1)
                raise PeerError(f"{peer}: crashed mid-run ({watch.exit_status()}) after {done} of "
                                f"{total or '?'} cases; last output ({watch.log_path}):\n{watch.output_tail()}")
            # Let the fuzzing server print the last case's line, then stop it.
            watch_gone_at = watch_gone_at or time.monotonic()
            if time.monotonic() - watch_gone_at > 1.5 and run.lines.empty():
                return done, total
        if first_case_within and done == 0 and time.monotonic() - started > first_case_within:
            raise PeerError(f"{peer}: no case finished within {first_case_within:g} s")
        if time.monotonic() > deadline:
            raise PeerError(f"{peer}: did not finish within the run-timeout of {timeout:g} s "
                            f"({done} of {total or '?'} cases done)")


def _wsconform_status(run: Child, peer: str) -> None:
    rc = run.wait(10)
    if rc in (0, 1):
        return
    if rc == EXIT_INTERRUPTED:
        raise Interrupted("wsconform was interrupted")
    what = {2: "a usage or spec error", 3: "the peer unreachable"}.get(rc, f"exit status {rc}")
    raise PeerError(f"{peer}: wsconform stopped with {what}; its output ({run.log_path}):\n{run.output_tail()}")


def run_server_peer(peer: Peer, wsconform: str, outdir: Path, jobs: int, progress: Progress) -> Outcome:
    results = outdir / "peers" / peer.name
    outcome = Outcome(peer.name, results)
    _check_requires(peer)
    port = free_port()
    argv = expand(peer.command, port=str(port), name=peer.name, agent=peer.agent)
    progress.starting(peer.name, "server", argv)
    t0 = time.monotonic()
    server = Child(peer.name, argv, peer.cwd, peer.env, outdir / "logs" / f"{peer.name}.log")
    try:
        wait_ready(server, peer.startup_timeout, port=port, log_regex=peer.ready_log)
        progress.ready(peer.name, f"127.0.0.1:{port}", time.monotonic() - t0)
        url = peer.url.replace("{port}", str(port))
        run_argv = [wsconform, "client", url, "--agent", peer.agent, "--outdir", str(results),
                    "--jobs", str(jobs)] + _selection_args(peer)
        t1 = time.monotonic()
        run = Child(f"{peer.name}/wsconform", run_argv, None, None, outdir / "logs" / f"{peer.name}.wsconform.log")
        try:
            _follow(run, peer.name, progress, peer.run_timeout, watch=server)
            _wsconform_status(run, peer.name)
        finally:
            run.stop()
        if not server.running():
            raise PeerError(f"{peer.name}: crashed during the last case ({server.exit_status()}); "
                            f"last output ({server.log_path}):\n{server.output_tail()}")
        outcome.counts = _counts(results, peer.agent)
        progress.done(peer.name, outcome.counts, time.monotonic() - t1)
    finally:
        server.stop()
    return outcome


def run_client_peer(peer: Peer, wsconform: str, outdir: Path, progress: Progress) -> Outcome:
    results = outdir / "peers" / peer.name
    outcome = Outcome(peer.name, results)
    _check_requires(peer)
    fuzz_argv = [wsconform, "server", "--port", "0", "--outdir", str(results)] + _selection_args(peer)
    fuzzer = Child(f"{peer.name}/wsconform", fuzz_argv, None, None, outdir / "logs" / f"{peer.name}.wsconform.log")
    try:
        # runners/cli prints "listening on ws://127.0.0.1:PORT/ (N cases)" for --port 0.
        match = wait_ready(fuzzer, 30, log_regex=r"listening on (wss?://[^/ ]+)/")
        url = match.group(1)
        argv = expand(peer.command, url=url, agent=peer.agent, name=peer.name)
        progress.starting(peer.name, "client", argv)
        t0 = time.monotonic()
        client = Child(peer.name, argv, peer.cwd, peer.env, outdir / "logs" / f"{peer.name}.log")
        try:
            done, total = _follow(fuzzer, peer.name, progress, peer.run_timeout, watch=client,
                                  first_case_within=peer.startup_timeout + 10, stop_when_watch_exits=True)
            client.wait(5)
            if client.proc.returncode != 0 or (total and done < total):
                raise PeerError(f"{peer.name}: client exited ({client.exit_status()}) after {done} of "
                                f"{total or '?'} cases; last output ({client.log_path}):\n{client.output_tail()}")
        finally:
            client.stop()
        outcome.counts = _counts(results, peer.agent)
        progress.done(peer.name, outcome.counts, time.monotonic() - t0)
    finally:
        fuzzer.stop(sig=2)  # SIGINT: wsconform server stops cleanly; results are on disk per case
    return outcome


def _counts(results: Path, agent: str) -> dict:
    try:
        return results_dir.verdict_counts(results_dir.read_index(results).get(agent, {}))
    except ValueError:
        return {}


def make_report(wsconform: str, outcomes: list[Outcome], matrix: Matrix, outdir: Path, out) -> int:
    """Merges every peer's results into outdir/report and gates them on the peers'
    baselines. Returns 0 (pass) or 1 (regression), or 2 when nothing can be merged."""
    dirs = [o.results for o in outcomes if (o.results / "index.json").is_file()]
    if not dirs:
        print("no results to report", file=out)
        return EXIT_USAGE
    report = outdir / "report"
    paths = [p.baseline for p in matrix.peers if p.baseline and p.baseline.is_file()]
    combined = baselines.combine(paths)
    baseline_file = outdir / "baseline.json"
    baseline_file.write_text(json.dumps(combined, indent=2) + "\n", encoding="utf-8")
    if has_command(wsconform, "report"):
        argv = [wsconform, "report", "merge", *map(str, dirs), "-o", str(report), "--junit",
                str(report / "junit.xml"), "--baseline", str(baseline_file), "--title", "wsconform peer matrix"]
        done = subprocess.run(argv, capture_output=True, text=True)
        out.write(done.stdout + done.stderr)
        return done.returncode
    index = results_dir.merge_dirs(dirs, report)
    lines = baselines.regressions(index, combined)
    for line in lines:
        print(line, file=out)
    print(f"merged results: {report / 'index.json'} (this wsconform has no `report` command, so no HTML "
          f"or JUnit; the gate ran in Python)", file=out)
    return EXIT_REGRESSION if lines else EXIT_PASS


def update_baselines(matrix: Matrix, outcomes: list[Outcome], out) -> None:
    by_name = {p.name: p for p in matrix.peers}
    for o in outcomes:
        peer = by_name[o.peer]
        if not peer.baseline or not (o.results / "index.json").is_file():
            continue
        old = baselines.load_baseline(peer.baseline) if peer.baseline.is_file() else None
        new = baselines.updated(results_dir.read_index(o.results), old, peer.agent)
        peer.baseline.parent.mkdir(parents=True, exist_ok=True)
        baselines.write_baseline(new, peer.baseline)
        print(f"[{peer.name}] baseline written: {peer.baseline} ({len(new['agents'][peer.agent])} entries)", file=out)


def run_matrix(matrix: Matrix, wsconform: str, outdir: Path, jobs: int | None, progress: Progress, out,
               only: list[str] | None = None, update: bool = False) -> int:
    outdir.mkdir(parents=True, exist_ok=True)
    jobs = jobs or matrix.jobs
    peers = [p for p in matrix.peers if not only or p.name in only]
    unknown = set(only or []) - {p.name for p in matrix.peers}
    if unknown:
        print(f"{matrix.path}: no peer named {', '.join(sorted(unknown))}", file=out)
        return EXIT_USAGE
    try:  # before any peer runs: the baselines must load and share one pass policy
        baselines.combine([p.baseline for p in matrix.peers if p.baseline and p.baseline.is_file()])
    except ValueError as e:
        print(f"wsconform-matrix: {e}", file=out)
        return EXIT_USAGE
    outcomes: list[Outcome] = []
    for peer in peers:
        try:
            if peer.role == "server":
                outcomes.append(run_server_peer(peer, wsconform, outdir, jobs, progress))
            else:
                outcomes.append(run_client_peer(peer, wsconform, outdir, progress))
        except PeerError as e:
            progress.failed(peer.name, str(e))
            outcomes.append(Outcome(peer.name, outdir / "peers" / peer.name, error=str(e)))
    if update:
        update_baselines(matrix, outcomes, out)
    code = make_report(wsconform, outcomes, matrix, outdir, out)
    failed = [o for o in outcomes if o.error]
    for o in outcomes:
        state = f"ERROR ({o.error.splitlines()[0]})" if o.error else "ok"
        print(f"  {o.peer}: {state}", file=out)
    if failed:
        print(f"{len(failed)} peer(s) could not be tested to the end", file=out)
        return EXIT_PEER
    return code
