import sys
import time

from wsconform_matrix.processes import Child, PeerError, free_port, port_open, wait_ready

from .helpers import FAKES, TempDirTest

PEER = [sys.executable, str(FAKES / "tcp_peer.py")]


class PeerProcessTest(TempDirTest):
    def start(self, *flags, port=None):
        self.port = port or free_port()
        self.pidfile = self.tmp / "pids"
        child = Child("peer", PEER + [str(self.port), str(self.pidfile), *flags], None, None, self.tmp / "peer.log")
        self.addCleanup(child.stop)
        while not self.pidfile.exists() and child.running():
            time.sleep(0.02)
        return child

    def test_ready_when_the_port_answers_then_stopped_with_its_group(self):
        child = self.start()
        self.assertIsNone(wait_ready(child, 10, port=self.port))
        self.assertTrue(port_open(self.port))
        child.stop()
        self.assertNoOrphans(self.pidfile)

    def test_ready_on_a_log_line(self):
        child = self.start()
        match = wait_ready(child, 10, log_regex=r"listening on 127\.0\.0\.1:(\d+)")
        self.assertEqual(int(match.group(1)), self.port)
        self.assertIn("listening on", (self.tmp / "peer.log").read_text())

    def test_a_peer_that_exits_before_ready_says_why(self):
        child = self.start("--exit-at-once")
        with self.assertRaises(PeerError) as caught:
            wait_ready(child, 10, port=self.port)
        message = str(caught.exception)
        self.assertIn("exited (exit status 7) before it was ready", message)
        self.assertIn("cannot bind, giving up", message)
        child.stop()
        self.assertNoOrphans(self.pidfile)

    def test_a_peer_that_never_becomes_ready_times_out_and_leaves_nothing(self):
        child = self.start("--never-listen")
        t0 = time.monotonic()
        with self.assertRaises(PeerError) as caught:
            wait_ready(child, 0.5, port=self.port)
        self.assertLess(time.monotonic() - t0, 5)
        self.assertIn(f"not ready after 0.5 s (waited for 127.0.0.1:{self.port} to accept connections)",
                      str(caught.exception))
        child.stop(grace=0.5)
        self.assertNoOrphans(self.pidfile)

    def test_a_command_that_does_not_exist(self):
        with self.assertRaises(PeerError) as caught:
            Child("ghost", ["/nonexistent/peer"], None, None, self.tmp / "ghost.log")
        self.assertIn("cannot start '/nonexistent/peer'", str(caught.exception))
