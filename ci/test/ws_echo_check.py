#!/usr/bin/env python3
"""Sends one message to ws://127.0.0.1:PORT/ and checks it comes back."""
import asyncio
import sys

import websockets


async def main(port):
    async with websockets.connect("ws://127.0.0.1:%d/" % port, open_timeout=10) as ws:
        await ws.send("conformance")
        reply = await asyncio.wait_for(ws.recv(), 10)
        assert reply == "conformance", reply


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
