#!/usr/bin/env python3
"""A correct echo server that serves one connection at a time, as single-threaded
servers do: the next connection waits in the listen backlog, its handshake
unanswered, until the current one is closed. Each close is answered after
--close-delay seconds, so every connection keeps the server busy at least that
long. At --jobs 2 a neighbour's opening handshake then waits longer than a short
openHandshakeTimeout; the verdicts must still be those of --jobs 1.

Usage: one_connection_at_a_time.py [--close-delay S]"""
import sys

import ws_min


def main():
    delay = 0.0
    if "--close-delay" in sys.argv:
        delay = float(sys.argv[sys.argv.index("--close-delay") + 1])
    listener = ws_min.listen()
    while True:
        conn, _ = listener.accept()
        if ws_min.server_handshake(conn):
            ws_min.echo(conn, masked=False, close_delay=delay)
        else:
            conn.close()


if __name__ == "__main__":
    sys.exit(main())
