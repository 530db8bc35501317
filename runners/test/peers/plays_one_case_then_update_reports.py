#!/usr/bin/env python3
"""A client under test that asks a fuzzing server how many cases it offers, plays
only the first (echoing correctly), then calls /updateReports and exits, as a
client that crashed or gave up after one case would. The cases it never played
must count as missing for its agent.

Usage: plays_one_case_then_update_reports.py HOST:PORT AGENT"""
import socket
import sys
import urllib.parse

import ws_min


def open_ws(hostport, target):
    host, port = hostport.rsplit(":", 1)
    sock = socket.create_connection((host, int(port)), timeout=30)
    if not ws_min.client_handshake(sock, hostport, target):
        raise SystemExit("handshake for %s refused" % target)
    return sock


def read_text_then_close(sock):
    text = b""
    try:
        while True:
            fin, opcode, payload = ws_min.read_frame(sock)
            if opcode == 0x1:
                text = payload
            if opcode == 0x8:
                ws_min.send_frame(sock, 0x8, payload[:2], masked=True)
                break
    except EOFError:
        pass
    sock.close()
    return text.decode()


def main():
    hostport, agent = sys.argv[1], sys.argv[2]
    quoted = urllib.parse.quote(agent)
    count = int(read_text_then_close(open_ws(hostport, "/getCaseCount")))
    print("offered %d cases; playing 1" % count, flush=True)
    ws_min.echo(open_ws(hostport, "/runCase?case=1&agent=" + quoted), masked=True)
    read_text_then_close(open_ws(hostport, "/updateReports?agent=" + quoted))
    return 0


if __name__ == "__main__":
    sys.exit(main())
