#!/usr/bin/env python3
"""A stand-in peer: listens on 127.0.0.1:PORT (or never listens, or exits, or
crashes after N connections), and records its own PID and a child's PID in
PIDFILE so tests can check that nothing is left running.

    tcp_peer.py PORT PIDFILE [--never-listen] [--exit-at-once] [--crash-after N]"""
import os
import socket
import subprocess
import sys
import time

port, pidfile = int(sys.argv[1]), sys.argv[2]
flags = sys.argv[3:]
# A grandchild in the same process group, as npm or a shell wrapper would leave.
helper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
with open(pidfile, "w") as f:
    f.write(f"{os.getpid()} {helper.pid}\n")
print("peer starting", flush=True)
if "--exit-at-once" in flags:
    print("peer: cannot bind, giving up", flush=True)
    sys.exit(7)
if "--never-listen" in flags:
    time.sleep(600)
crash_after = int(flags[flags.index("--crash-after") + 1]) if "--crash-after" in flags else None
listener = socket.create_server(("127.0.0.1", port))
print(f"listening on 127.0.0.1:{port}", flush=True)
accepted = 0
while True:
    conn, _ = listener.accept()
    conn.close()
    accepted += 1
    if crash_after is not None and accepted > crash_after:
        os._exit(9)
