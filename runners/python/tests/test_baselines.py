import json

from wsconform_matrix.baselines import combine, load_baseline
from wsconform_matrix.matrix_file import load_matrix
from wsconform_matrix.progress import Progress
from wsconform_matrix.run_matrix import EXIT_USAGE, run_matrix

from .helpers import PEERS, TempDirTest, fake_wsconform_path

OK_ONLY = {"behavior": ["OK"], "behaviorClose": ["OK"]}
DEFAULT = {"behavior": ["INFORMATIONAL", "NON-STRICT", "OK", "UNIMPLEMENTED"], "behaviorClose": ["INFORMATIONAL", "OK"]}


class BaselinesTest(TempDirTest):
    def write(self, name, policy, agents):
        path = self.tmp / name
        path.write_text(json.dumps({"format": "wsconform-baseline/1", "policy": policy, "agents": agents}))
        return path

    def test_combines_agents_of_files_with_one_policy(self):
        a = self.write("a.json", OK_ONLY, {"A": {"1.1.1": {"behavior": "FAILED", "behaviorClose": "OK", "reason": "x"}}})
        b = self.write("b.json", {"behaviorClose": ["OK"], "behavior": ["OK"]}, {"B": {}})
        combined = combine([a, b])
        self.assertEqual(combined["policy"], OK_ONLY)
        self.assertEqual(sorted(combined["agents"]), ["A", "B"])

    def test_different_policies_name_both_files(self):
        a = self.write("a.json", OK_ONLY, {"A": {}})
        b = self.write("b.json", DEFAULT, {"B": {}})
        with self.assertRaisesRegex(ValueError, r"b\.json: policy: differs from the one in .*a\.json"):
            combine([a, b])

    def test_a_matrix_with_mixed_policies_stops_before_any_peer_runs(self):
        self.write("a.json", OK_ONLY, {"a": {}})
        self.write("b.json", DEFAULT, {"b": {}})
        (self.tmp / "m.toml").write_text(
            '[[peer]]\nname = "a"\nrole = "server"\ncommand = ["false"]\nbaseline = "a.json"\n'
            '[[peer]]\nname = "b"\nrole = "server"\ncommand = ["false"]\nbaseline = "b.json"\n')
        code = run_matrix(load_matrix(self.tmp / "m.toml"), fake_wsconform_path(self.tmp), self.tmp / "out", 1,
                          Progress(self.out), self.out)
        self.assertEqual(code, EXIT_USAGE)
        self.assertIn("must share a pass policy", self.out.getvalue())
        self.assertFalse((self.tmp / "out" / "logs").exists(), "no peer was started")

    def test_the_committed_peer_baselines_combine_and_every_entry_has_a_reason(self):
        paths = sorted((PEERS / "baselines").glob("*.json"))
        if not paths:
            self.skipTest("no baselines in runners/peers/baselines")
        combine(paths)
        mine = ["node-websocket", "faye-websocket", "koa-websocket", "python-websockets", "python-websockets-client"]
        for name in mine:
            path = PEERS / "baselines" / f"{name}.json"
            if not path.is_file():
                continue
            for case, entry in load_baseline(path)["agents"][name].items():
                self.assertTrue(entry["reason"] and not entry["reason"].startswith("TODO"), f"{name} {case}")
                self.assertIn("RFC", entry["reason"], f"{name} {case}: the reason cites no RFC")
