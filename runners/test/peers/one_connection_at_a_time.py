#!/usr/bin/env python3
"""A correct echo server that serves one connection at a time, as single-threaded
servers do: the next connection waits in the listen backlog, its handshake
unanswered, until the current one is closed. The handshake is answered after
--handshake-delay seconds and each close after --close-delay seconds, so every
connection keeps the server busy at least their sum. At --jobs 2 a neighbour's
opening handshake then waits longer than an openHandshakeTimeout that the
handshake delay alone stays well inside; the verdicts must still be those of
--jobs 1.

Usage: one_connection_at_a_time.py [--handshake-delay S] [--close-delay S]"""
import time
import sys

import ws_min


def option(name):
    return float(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else 0.0


def main():
    handshake_delay, delay = option("--handshake-delay"), option("--close-delay")
    listener = ws_min.listen()
    while True:
        conn, _ = listener.accept()
        time.sleep(handshake_delay)
        if ws_min.server_handshake(conn):
            ws_min.echo(conn, masked=False, close_delay=delay)
        else:
            conn.close()


if __name__ == "__main__":
    sys.exit(main())
