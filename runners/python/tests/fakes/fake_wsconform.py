#!/usr/bin/env python3
"""Test double for our own `wsconform` binary, so the matrix runner's process
handling is testable without the C++ build. It speaks the same command line
and progress lines and writes Autobahn-layout results, but runs no real case:
`client` opens one TCP connection to the peer per case; `server` counts each
TCP connection a client makes as one case. `report` is missing, as in builds
without the report command. FAKE_VERDICTS="id=BEHAVIOR/CLOSE,..." overrides."""
import json
import os
import socket
import sys
import time
import urllib.parse

CASES = os.environ.get("FAKE_CASES", "1.1.1,1.1.2,2.1").split(",")


def opt(args, name, default=None):
    return args[args.index(name) + 1] if name in args else default


def verdict(case_id):
    for item in filter(None, os.environ.get("FAKE_VERDICTS", "").split(",")):
        cid, v = item.split("=")
        if cid == case_id:
            return v.split("/")
    return ["OK", "OK"]


def write(outdir, agent, done):
    os.makedirs(outdir, exist_ok=True)
    safe = "".join(c if c.isalnum() else " " for c in agent.lower()).strip().replace(" ", "_")
    index = {agent: {}}
    for cid in done:
        b, c = verdict(cid)
        name = f"{safe}_case_{cid.replace('.', '_')}.json"
        index[agent][cid] = {"behavior": b, "behaviorClose": c, "duration": 1, "remoteCloseCode": 1000,
                             "reportfile": name}
        with open(os.path.join(outdir, name), "w") as f:
            json.dump({"agent": agent, "id": cid, "behavior": b, "behaviorClose": c}, f)
    with open(os.path.join(outdir, "index.json"), "w") as f:
        json.dump(index, f, indent=3, sort_keys=True)


def client(args):
    url = urllib.parse.urlparse(args[0])
    agent, outdir = opt(args, "--agent"), opt(args, "--outdir")
    done = []
    for i, cid in enumerate(CASES, 1):
        try:
            socket.create_connection(("127.0.0.1", url.port), timeout=2).close()
        except OSError:
            print(f"cannot connect to {args[0]}", flush=True)
            return 3
        done.append(cid)
        write(outdir, agent, done)
        b, c = verdict(cid)
        print(f"[{i}/{len(CASES)}] {cid} {b}/{c} 1 ms", flush=True)
        time.sleep(float(os.environ.get("FAKE_CASE_DELAY", "0.05")))
    return 0


def server(args):
    outdir = opt(args, "--outdir")
    listener = socket.create_server(("127.0.0.1", int(opt(args, "--port", "0"))))
    print(f"listening on ws://127.0.0.1:{listener.getsockname()[1]}/ ({len(CASES)} cases)", flush=True)
    done = []
    while True:
        conn, _ = listener.accept()
        agent = conn.recv(200).decode().strip() or "client"
        conn.close()
        if len(done) < len(CASES):
            done.append(CASES[len(done)])
            write(outdir, agent, done)
            b, c = verdict(done[-1])
            print(f"[{len(done)}/{len(CASES)}] {done[-1]} {b}/{c} 1 ms", flush=True)


if __name__ == "__main__":
    command, rest = sys.argv[1], sys.argv[2:]
    if command == "client":
        sys.exit(client(rest))
    if command == "server":
        try:
            server(rest)
        except KeyboardInterrupt:
            sys.exit(130)
    print(f"wsconform: unknown command '{command}'", file=sys.stderr)
    sys.exit(2)
