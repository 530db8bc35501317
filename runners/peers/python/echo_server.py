"""Python websockets (Debian's python3-websockets) as a server under test: every
message goes back with its type; permessage-deflate is on (the library's default).

    /usr/bin/python3 echo_server.py [--port N]
"""
import argparse
import asyncio

import websockets

# Autobahn's section 9 sends messages of up to 16 MiB: allow more than that.
MESSAGE_LIMIT = 64 * 1024 * 1024


async def echo(ws):
    async for message in ws:
        await ws.send(message)


async def main(port):
    async with websockets.serve(echo, "127.0.0.1", port, max_size=MESSAGE_LIMIT, ping_interval=None) as server:
        bound = next(iter(server.sockets)).getsockname()[1]
        print(f"listening on 127.0.0.1:{bound}", flush=True)
        await asyncio.Future()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=9001)
    asyncio.run(main(parser.parse_args().port))
