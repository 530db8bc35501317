import json

from wsconform_matrix.matrix_file import MatrixError, expand, load_matrix

from .helpers import PEERS, TempDirTest

GOOD = """
format = "wsconform-matrix/1"
[defaults]
cases = ["1.*"]
jobs = 2
[[peer]]
name = "a"
role = "server"
command = ["node", "a.js", "--port", "{port}"]
ready = { log = "^listening" }
env = { DEBUG = "1" }
baseline = "baselines/a.json"
[[peer]]
name = "b"
role = "client"
command = ["b", "{url}", "{agent}"]
exclude-cases = ["1.1.2"]
"""


class MatrixFileTest(TempDirTest):
    def write(self, text, name="m.toml"):
        path = self.tmp / name
        path.write_text(text)
        return path

    def assertProblem(self, text, key, words, name="m.toml"):
        path = self.write(text, name)
        with self.assertRaises(MatrixError) as caught:
            load_matrix(path)
        message = str(caught.exception)
        self.assertTrue(message.startswith(f"{path}: {key}: "), message)
        self.assertIn(words, message)

    def test_reads_a_toml_matrix_with_defaults(self):
        m = load_matrix(self.write(GOOD))
        self.assertEqual(m.jobs, 2)
        a, b = m.peers
        self.assertEqual((a.role, a.ready_log, a.env, a.cases), ("server", "^listening", {"DEBUG": "1"}, ["1.*"]))
        self.assertEqual(a.baseline, self.tmp / "baselines/a.json")
        self.assertEqual((b.role, b.agent, b.exclude_cases), ("client", "b", ["1.1.2"]))

    def test_reads_the_same_matrix_as_json(self):
        data = {"defaults": {"cases": ["2.*"]},
                "peers": [{"name": "x", "role": "server", "command": ["x", "{port}"], "ready": {"tcp": True}}]}
        m = load_matrix(self.write(json.dumps(data), "m.json"))
        self.assertEqual((m.peers[0].name, m.peers[0].cases, m.peers[0].ready_log), ("x", ["2.*"], None))

    def test_the_committed_peer_matrix_is_valid(self):
        m = load_matrix(PEERS / "matrix.toml")
        self.assertIn("node-ws", [p.name for p in m.peers])
        self.assertEqual({p.role for p in m.peers}, {"server", "client"})

    def test_syntax_errors_name_the_file(self):
        self.assertProblem("[[peer]\nname=", "(root)", "not valid TOML")
        self.assertProblem("{", "(root)", "not valid JSON", name="m.json")

    def test_missing_and_mistyped_keys(self):
        self.assertProblem('[[peer]]\nname = "a"\ncommand = ["x"]\n', "peer[0].role", "missing")
        self.assertProblem('[[peer]]\nname = "a"\nrole = "srv"\ncommand = ["x"]\n', "peer[0].role",
                           'expected "server" or "client", got \'srv\'')
        self.assertProblem('[[peer]]\nname = "a"\nrole = "server"\ncommand = "x"\n', "peer[0].command",
                           "expected a list of strings, got a string")
        self.assertProblem('[[peer]]\nname = "a"\nrole = "server"\ncommand = ["x", 1]\n', "peer[0].command[1]",
                           "expected a string, got an integer")
        self.assertProblem('[[peer]]\nname = "a"\nrole = "server"\ncommand = ["x"]\nstartup-timeout = -1\n',
                           "peer[0].startup-timeout", "must be positive")

    def test_unknown_keys_are_errors(self):
        self.assertProblem('[[peer]]\nname = "a"\nrole = "server"\ncommand = ["x"]\ncomand = 1\n',
                           "peer[0].comand", "unknown key")
        self.assertProblem('[defaults]\nretries = 3\n[[peer]]\nname="a"\nrole="server"\ncommand=["x"]\n',
                           "defaults.retries", "unknown key")

    def test_peer_consistency(self):
        two = '[[peer]]\nname = "a"\nrole = "server"\ncommand = ["x"]\n'
        self.assertProblem(two + two, "peer[1].name", "duplicate peer name 'a' (also peer[0])")
        self.assertProblem('[[peer]]\nname = "c"\nrole = "client"\ncommand = ["c"]\n', "peer[0].command",
                           "must contain {url}")
        self.assertProblem('[[peer]]\nname = "a"\nrole = "server"\ncommand = ["x"]\nurl = "ws://example.com/"\n',
                           "peer[0].url", "on 127.0.0.1")
        self.assertProblem('[[peer]]\nname = "a"\nrole = "server"\ncommand = ["x"]\nready = { log = "(" }\n',
                           "peer[0].ready.log", "bad regular expression")
        self.assertProblem("[defaults]\n", "peer", "no peer listed")

    def test_expand_replaces_only_known_placeholders(self):
        self.assertEqual(expand(["{url}/x", "{port}", "{other}"], url="ws://h:1", port="1"),
                         ["ws://h:1/x", "1", "{other}"])
