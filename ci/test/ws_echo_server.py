#!/usr/bin/env python3
"""A tiny WebSocket echo server (Debian's python3-websockets) standing in for the
server a library's CI would start. Usage: ws_echo_server.py PORT"""
import asyncio
import signal
import sys

import websockets


async def echo(ws, *_):
    async for message in ws:
        await ws.send(message)


async def main(port):
    stop = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set_result, None)
    async with websockets.serve(echo, "127.0.0.1", port):
        await stop


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
