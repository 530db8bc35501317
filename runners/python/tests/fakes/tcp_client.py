#!/usr/bin/env python3
"""A stand-in client under test: connects N times to the fake fuzzing server
(each connection is one case there), sending its agent name, then exits.

    tcp_client.py ws://127.0.0.1:PORT AGENT N [EXIT_STATUS]"""
import socket
import sys
import urllib.parse

port = urllib.parse.urlparse(sys.argv[1]).port
for _ in range(int(sys.argv[3])):
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(sys.argv[2].encode())
sys.exit(int(sys.argv[4]) if len(sys.argv) > 4 else 0)
