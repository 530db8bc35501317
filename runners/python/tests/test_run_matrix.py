import json
import os
import sys
import xml.etree.ElementTree as ET

from wsconform_matrix.matrix_file import load_matrix
from wsconform_matrix.processes import free_port, port_open
from wsconform_matrix.progress import Progress
from wsconform_matrix.run_matrix import run_matrix
from wsconform_matrix.wsconform_cli import has_command

from .helpers import FAKES, PEERS, TempDirTest, fake_wsconform_path, require_wsconform

PY = sys.executable


def peer_toml(name, *flags, role="server", extra=""):
    if role == "client":
        cmd = [PY, str(FAKES / "tcp_client.py"), "{url}", "{agent}", *flags]
    else:
        cmd = [PY, str(FAKES / "tcp_peer.py"), "{port}", "{name}.pids", *flags]
    return f'[[peer]]\nname = "{name}"\nrole = "{role}"\ncommand = {json.dumps(cmd)}\n{extra}'


class RunMatrixWithFakeWsconformTest(TempDirTest):
    """Process handling and reporting, with a stand-in for the wsconform binary."""

    def run_matrix(self, text, **kw):
        path = self.tmp / "m.toml"
        path.write_text("[defaults]\nstartup-timeout = 5\nrun-timeout = 30\n" + text)
        os.environ.pop("FAKE_VERDICTS", None)
        os.environ.update(kw.pop("env", {}))
        self.addCleanup(os.environ.pop, "FAKE_VERDICTS", None)
        code = run_matrix(load_matrix(path), fake_wsconform_path(self.tmp), self.tmp / "out", None,
                          Progress(self.out, interval=0), self.out, **kw)
        return code, self.out.getvalue()

    def index(self):
        return json.loads((self.tmp / "out" / "report" / "index.json").read_text())

    def test_a_server_peer_is_started_tested_stopped_and_reported(self):
        code, text = self.run_matrix(peer_toml("good"))
        self.assertEqual(code, 0, text)
        for expected in ("[good] starting (server under test)", "[good] ready on 127.0.0.1:", "[good] 1/3 cases",
                         "[good] 3/3 cases  OK 3", "[good] done in"):
            self.assertIn(expected, text)
        self.assertEqual(sorted(self.index()["good"]), ["1.1.1", "1.1.2", "2.1"])
        self.assertNoOrphans(self.tmp / "good.pids")

    def test_a_client_peer_runs_against_the_fuzzing_server(self):
        code, text = self.run_matrix(peer_toml("cl", "3", role="client"))
        self.assertEqual(code, 0, text)
        self.assertIn("[cl] 3/3 cases  OK 3", text)
        self.assertEqual(len(self.index()["cl"]), 3)

    def test_a_client_that_stops_early_is_an_error(self):
        code, text = self.run_matrix(peer_toml("quitter", "1", "4", role="client"))
        self.assertEqual(code, 3, text)
        self.assertIn("client exited (exit status 4) after 1 of 3 cases", text)

    def test_a_peer_crashing_mid_run_is_reported_and_the_others_still_run(self):
        code, text = self.run_matrix(peer_toml("crashy", "--crash-after", "1") + peer_toml("good"),
                                     env={"FAKE_CASE_DELAY": "0.3"})
        self.assertEqual(code, 3, text)
        self.assertIn("[crashy] ERROR crashy: crashed mid-run (exit status 9) after 1 of 3 cases", text)
        self.assertIn("[good] done in", text)
        self.assertIn("good", self.index())
        self.assertNoOrphans(self.tmp / "crashy.pids")

    def test_a_peer_that_never_becomes_ready(self):
        code, text = self.run_matrix(peer_toml("mute", "--never-listen", extra="startup-timeout = 0.5\n"))
        self.assertEqual(code, 3, text)
        self.assertIn("[mute] ERROR mute: not ready after 0.5 s", text)
        self.assertNoOrphans(self.tmp / "mute.pids")

    def test_a_peer_that_fails_to_start(self):
        code, text = self.run_matrix(peer_toml("dead", "--exit-at-once"))
        self.assertEqual(code, 3, text)
        self.assertIn("exited (exit status 7) before it was ready", text)
        self.assertIn("cannot bind, giving up", text)
        self.assertNoOrphans(self.tmp / "dead.pids")

    def test_failures_gate_on_the_baseline(self):
        verdicts = {"FAKE_VERDICTS": "2.1=FAILED/WRONG CODE"}
        code, text = self.run_matrix(peer_toml("p", extra='baseline = "p.json"\n'), env=verdicts)
        self.assertEqual(code, 1, text)
        self.assertIn("REGRESSION p 2.1: FAILED / WRONG CODE - not in the baseline", text)
        code, text = self.run_matrix(peer_toml("p", extra='baseline = "p.json"\n'), env=verdicts, update=True)
        written = json.loads((self.tmp / "p.json").read_text())
        self.assertEqual(written["agents"]["p"]["2.1"],
                         {"behavior": "FAILED", "behaviorClose": "WRONG CODE", "reason": "TODO: explain"})
        self.out.truncate(0)
        code, text = self.run_matrix(peer_toml("p", extra='baseline = "p.json"\n'), env=verdicts)
        self.assertEqual(code, 0, text)

    def test_unknown_peer_selection(self):
        code, text = self.run_matrix(peer_toml("a"), only=["b"])
        self.assertEqual(code, 2)
        self.assertIn("no peer named b", text)


class RunMatrixWithWsconformTest(TempDirTest):
    """The real binary against our own echo server and client, and node `ws`."""

    def test_reference_peers_and_node_ws(self):
        wsconform = require_wsconform(self)
        node = PEERS / "node"
        text = f"""
[defaults]
cases = ["1.1.1", "1.1.2", "2.1", "7.1.1"]
[[peer]]
name = "reference"
role = "server"
command = ["{wsconform}", "echo-server", "--port", "{{port}}"]
[[peer]]
name = "reference-client"
role = "client"
command = ["{wsconform}", "echo-client", "--agent", "{{agent}}", "{{url}}/"]
"""
        if (node / "node_modules" / "ws").is_dir():
            text += f'[[peer]]\nname = "node-ws"\nrole = "server"\ncwd = "{node}"\n' \
                    'command = ["node", "ws_echo_server.js", "--port", "{port}"]\n'
        path = self.tmp / "m.toml"
        path.write_text(text)
        code = run_matrix(load_matrix(path), wsconform, self.tmp / "out", 2, Progress(self.out), self.out)
        self.assertEqual(code, 0, self.out.getvalue())
        index = json.loads((self.tmp / "out" / "report" / "index.json").read_text())
        self.assertEqual(len(index["reference"]), 4)
        self.assertEqual(len(index["reference-client"]), 4)
        report = self.tmp / "out" / "report"
        if has_command(wsconform, "report"):
            # One merged report for the whole matrix: HTML and JUnit beside the JSON.
            page = (report / "index.html").read_text(encoding="utf-8")
            self.assertIn("wsconform peer matrix", page)
            self.assertIn(">reference-client</th>", page)
            suites = ET.parse(report / "junit.xml").getroot()
            self.assertEqual(suites.tag, "testsuites")
            self.assertEqual(int(suites.get("tests")), sum(len(v) for v in index.values()))


class FreePortTest(TempDirTest):
    def test_free_port_is_closed(self):
        self.assertFalse(port_open(free_port()))
