"""Python websockets (Debian's python3-websockets) as a client under test, driven
by Autobahn's fuzzing-server URL protocol: /getCaseCount, /runCase?case=N&agent=A
for N = 1..count (echoing every message until the server closes), /updateReports.

    /usr/bin/python3 fuzzing_client.py ws://127.0.0.1:9001 AGENT
"""
import asyncio
import sys
import urllib.parse

import websockets

MESSAGE_LIMIT = 64 * 1024 * 1024


async def session(url, echo):
    """One connection; returns the first message (getCaseCount) or None."""
    first = None
    try:
        async with websockets.connect(url, max_size=MESSAGE_LIMIT, ping_interval=None) as ws:
            async for message in ws:
                if first is None:
                    first = message
                if echo:
                    await ws.send(message)
    except (websockets.exceptions.WebSocketException, OSError):
        # A case that fails the connection on purpose lands here; the fuzzer has the verdict.
        pass
    return first


async def main(base, agent):
    root = base.rstrip("/")
    quoted = urllib.parse.quote(agent, safe="")
    count = await session(f"{root}/getCaseCount", echo=False)
    if count is None:
        sys.exit("getCaseCount gave no answer")
    for n in range(1, int(count) + 1):
        await session(f"{root}/runCase?case={n}&agent={quoted}", echo=True)
    await session(f"{root}/updateReports?agent={quoted}", echo=False)
    print(f"ran {count} cases", flush=True)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: fuzzing_client.py URL [AGENT]")
    asyncio.run(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "python-websockets-client"))
