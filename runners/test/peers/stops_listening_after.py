#!/usr/bin/env python3
"""A correct echo server that stops accepting after N connections: it closes its
listening socket (later connects are refused) and, with --die, exits once those
N connections are done. The gate must call such a run incomplete, not a pass.

Usage: stops_listening_after.py N [--die]"""
import sys
import threading

import ws_min


def serve(conn):
    if ws_min.server_handshake(conn):
        ws_min.echo(conn, masked=False)
    else:
        conn.close()


def main():
    n = int(sys.argv[1])
    die = "--die" in sys.argv[2:]
    listener = ws_min.listen()
    workers = []
    for _ in range(n):
        conn, _ = listener.accept()
        t = threading.Thread(target=serve, args=(conn,), daemon=True)
        t.start()
        workers.append(t)
    listener.close()
    for t in workers:
        t.join()
    if die:
        return 0
    threading.Event().wait()  # alive, but no longer listening, until the test stops it


if __name__ == "__main__":
    sys.exit(main())
