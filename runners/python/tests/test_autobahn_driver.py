import json
import os
import sys
import textwrap

from wsconform_matrix.autobahn_driver import AutobahnUnavailable, detect, run_autobahn
from wsconform_matrix.matrix_file import load_matrix
from wsconform_matrix.progress import Progress
from wsconform_matrix.results_dir import read_index

from .helpers import FAKES, FIXTURE, TempDirTest, require_wsconform

PY = sys.executable


class AutobahnDriverTest(TempDirTest):
    """Drives a fake `wstest` (Autobahn needs Python 2; it cannot be installed
    here); the import path runs on the report it writes from real fixture data."""

    def setUp(self):
        super().setUp()
        if not (FIXTURE / "unknownserver_case_1_1_1.json").is_file():
            self.skipTest(f"fixture {FIXTURE} is absent")
        self.bin = self.tmp / "bin"
        self.bin.mkdir()
        self.log = self.tmp / "wstest.log"
        self.saved = {k: os.environ.get(k)
                      for k in ("PATH", "FAKE_WSTEST_LOG", "FAKE_WSTEST_FIXTURE", "FAKE_WSTEST_FAIL")}
        os.environ.update(FAKE_WSTEST_LOG=str(self.log),
                          FAKE_WSTEST_FIXTURE=str(FIXTURE / "unknownserver_case_1_1_1.json"),
                          PATH=f"{self.bin}:/usr/bin:/bin")
        self.addCleanup(self.restore)

    def restore(self):
        for k, v in self.saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v

    def matrix(self):
        path = self.tmp / "m.toml"
        path.write_text(textwrap.dedent(f"""
            [defaults]
            cases = ["1.*", "2.*"]
            exclude-cases = ["2.2"]
            startup-timeout = 5
            [[peer]]
            name = "srv"
            role = "server"
            command = {json.dumps([PY, str(FAKES / "tcp_peer.py"), "{port}", "srv.pids"])}
            [[peer]]
            name = "cli"
            role = "client"
            command = {json.dumps([PY, str(FAKES / "tcp_client.py"), "{url}", "{agent}", "1"])}
            """))
        return load_matrix(path)

    def test_runs_wstest_in_both_modes_and_imports_the_reports(self):
        os.symlink(FAKES / "wstest", self.bin / "wstest")
        code = run_autobahn(self.matrix(), self.tmp / "out", Progress(self.out), self.out, wsconform_hint=None)
        text = self.out.getvalue()
        self.assertEqual(code, 0, text)
        calls = [json.loads(line) for line in self.log.read_text().splitlines()]
        self.assertEqual([c["argv"][1] for c in calls], ["fuzzingclient", "fuzzingserver"])
        client_spec, server_spec = calls[0]["spec"], calls[1]["spec"]
        self.assertRegex(client_spec["servers"][0]["url"], r"^ws://127\.0\.0\.1:\d+/$")
        self.assertEqual(client_spec["servers"][0]["agent"], "srv")
        self.assertEqual((client_spec["cases"], client_spec["exclude-cases"]), (["1.*", "2.*"], ["2.2"]))
        self.assertEqual(client_spec["options"], {"failByDrop": False})
        self.assertRegex(server_spec["url"], r"^ws://127\.0\.0\.1:\d+$")
        self.assertIn("--webport", calls[1]["argv"])
        imported = self.tmp / "out" / "autobahn" / "imported"
        srv = read_index(imported / "srv")
        self.assertEqual(sorted(srv["autobahn:srv"]), ["1.1.1", "2.1"])
        case = json.loads((imported / "srv" / "autobahn_srv_case_2_1.json").read_text())
        self.assertEqual((case["agent"], case["id"]), ("autobahn:srv", "2.1"))
        self.assertEqual(list(read_index(imported / "cli")), ["autobahn:cli"])
        self.assertIn("imported 2 cases of 'srv' as 'autobahn:srv'", text)
        self.assertNoOrphans(self.tmp / "srv.pids")

    def test_without_wstest_or_docker_says_so(self):
        with self.assertRaisesRegex(AutobahnUnavailable, "no `wstest` on PATH and no `docker`"):
            detect("crossbario/autobahn-testsuite")
        code = run_autobahn(self.matrix(), self.tmp / "out", Progress(self.out), self.out)
        self.assertEqual(code, 2)

    def test_docker_without_a_running_engine_is_reported_clearly(self):
        docker = self.bin / "docker"
        docker.write_text("#!/bin/sh\necho 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. "
                          "Is the docker daemon running?' >&2\nexit 1\n")
        docker.chmod(0o755)
        with self.assertRaisesRegex(AutobahnUnavailable, "engine is not running.*Is the docker daemon running"):
            detect("crossbario/autobahn-testsuite")

    def test_docker_without_the_image_does_not_pull(self):
        docker = self.bin / "docker"
        docker.write_text('#!/bin/sh\n[ "$1" = info ] && exit 0\nexit 1\n')
        docker.chmod(0o755)
        with self.assertRaisesRegex(AutobahnUnavailable, "docker pull crossbario/autobahn-testsuite"):
            detect("crossbario/autobahn-testsuite")

    def test_side_by_side_with_our_results_in_one_report(self):
        """`run` then `autobahn` on the same matrix with the real wsconform: the
        merged report holds both tools' verdicts, and the comparison page lists
        the case where they differ."""
        wsconform = require_wsconform(self)
        from wsconform_matrix.run_matrix import run_matrix
        from wsconform_matrix.wsconform_cli import has_command
        if not has_command(wsconform, "report"):
            self.skipTest("this wsconform has no `report` command")
        os.symlink(FAKES / "wstest", self.bin / "wstest")
        os.environ["FAKE_WSTEST_FAIL"] = "2.1"
        path = self.tmp / "m.toml"
        path.write_text(textwrap.dedent(f"""
            [defaults]
            cases = ["1.1.1", "2.1"]
            [[peer]]
            name = "reference"
            role = "server"
            command = {json.dumps([wsconform, "echo-server", "--port", "{port}"])}
            """))
        matrix = load_matrix(path)
        out = self.tmp / "out"
        self.assertEqual(run_matrix(matrix, wsconform, out, 1, Progress(self.out), self.out), 0, self.out.getvalue())
        code = run_autobahn(matrix, out, Progress(self.out), self.out, wsconform_hint=wsconform)
        self.assertEqual(code, 0, self.out.getvalue())
        side = out / "autobahn" / "side-by-side"
        index = read_index(side)
        self.assertEqual(sorted(index), ["autobahn:reference", "reference"])
        self.assertEqual(index["autobahn:reference"]["2.1"]["behavior"], "FAILED")
        self.assertEqual(index["reference"]["2.1"]["behavior"], "OK")
        page = (side / "index.html").read_text(encoding="utf-8")
        self.assertIn(">autobahn:reference</th>", page)
        self.assertIn(">reference</th>", page)
        compare = (out / "autobahn" / "compare" / "reference" / "index.html").read_text(encoding="utf-8")
        self.assertIn("Changes:", compare)
        self.assertRegex(compare, r"<tr class=\"better\"><td>reference</td><td>2\.1</td><td>FAILED / OK</td>"
                                  r"<td>OK / OK</td>")
        self.assertIn("2 cases compared; 1 changed", compare)
