"""Command line: `wsconform-matrix run|autobahn|import ...`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .matrix_file import MatrixError, load_matrix
from .processes import Interrupted, install_signal_handlers, stop_all
from .progress import Progress
from .run_matrix import EXIT_INTERRUPTED, EXIT_USAGE, run_matrix
from .wsconform_cli import find_wsconform


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="wsconform-matrix",
                                description="Runs wsconform (and Autobahn's wstest, where installed) against a "
                                            "matrix of WebSocket peers on 127.0.0.1 and merges one report.")
    sub = p.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="test every peer of a matrix file with wsconform")
    run.add_argument("matrix", help="matrix file (.toml or .json)")
    run.add_argument("--outdir", default="reports-out/matrix",
                     help="results, logs and the merged report (default reports-out/matrix)")
    run.add_argument("--jobs", type=int, help="cases at once per server under test (default: the matrix's)")
    run.add_argument("--peer", action="append", help="only this peer (repeatable)")
    run.add_argument("--wsconform", help="the wsconform binary (default $WSCONFORM, PATH, build/)")
    run.add_argument("--update-baselines", action="store_true",
                     help="rewrite each peer's baseline from this run (reasons are kept; new ones say TODO)")
    ab = sub.add_parser("autobahn", help="run Autobahn's wstest (or its Docker image) against the same peers")
    ab.add_argument("matrix")
    ab.add_argument("--outdir", default="reports-out/matrix")
    ab.add_argument("--peer", action="append")
    ab.add_argument("--wsconform", help="for the side-by-side report (default as for run)")
    ab.add_argument("--docker-image", default="crossbario/autobahn-testsuite")
    imp = sub.add_parser("import", help="import an Autobahn report directory as agent autobahn:<peer>")
    imp.add_argument("source", help="Autobahn outdir (index.json + per-case JSON)")
    imp.add_argument("--outdir", required=True)
    imp.add_argument("--peer", help="name for the agent (default: the report's agent)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    install_signal_handlers()
    out = sys.stdout
    try:
        if args.command == "import":
            from .autobahn_import import import_report, print_notes
            result = import_report(Path(args.source), Path(args.outdir), args.peer)
            print_notes(result, out)
            return 0
        matrix = load_matrix(args.matrix)
        if args.command == "run":
            wsconform = find_wsconform(args.wsconform)
            return run_matrix(matrix, wsconform, Path(args.outdir), args.jobs, Progress(out), out,
                              only=args.peer, update=args.update_baselines)
        from .autobahn_driver import run_autobahn
        return run_autobahn(matrix, Path(args.outdir), Progress(out), out, only=args.peer,
                            docker_image=args.docker_image, wsconform_hint=args.wsconform)
    except (MatrixError, FileNotFoundError, ValueError) as e:
        print(f"wsconform-matrix: {e}", file=sys.stderr)
        return EXIT_USAGE
    except (KeyboardInterrupt, Interrupted) as e:
        print(f"wsconform-matrix: interrupted ({e or 'SIGINT'}); stopping every peer", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        stop_all()
