import json
import os
import signal
import subprocess
import sys
import time

from .helpers import FAKES, TempDirTest, fake_wsconform_path

SCRIPT = FAKES.parent.parent / "wsconform-matrix"


class InterruptTest(TempDirTest):
    def test_sigint_and_sigterm_stop_every_peer(self):
        for sig in (signal.SIGINT, signal.SIGTERM):
            pidfile = self.tmp / f"pids-{sig}"
            matrix = self.tmp / "m.toml"
            cmd = [sys.executable, str(FAKES / "tcp_peer.py"), "{port}", str(pidfile)]
            matrix.write_text(f'[[peer]]\nname = "p"\nrole = "server"\ncommand = {json.dumps(cmd)}\n')
            run = subprocess.Popen([sys.executable, str(SCRIPT), "run", str(matrix), "--outdir", str(self.tmp / "o"),
                                    "--wsconform", fake_wsconform_path(self.tmp)],
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                   env=dict(os.environ, FAKE_CASE_DELAY="5"))
            self.assertIn("starting", run.stdout.readline())
            while not pidfile.exists():
                time.sleep(0.05)
            time.sleep(0.5)
            run.send_signal(sig)
            rest = run.communicate(timeout=20)[0]
            self.assertEqual(run.returncode, 130, rest)
            self.assertIn(f"interrupted ({signal.Signals(sig).name}); stopping every peer", rest)
            self.assertNoOrphans(pidfile)
