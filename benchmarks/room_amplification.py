"""A client that asks a room's page for plotly.js again and again, and never reads.

The preview widget of an editor answered the custom message
``{"kind": "send-plotly"}`` with the whole plotly.min.js (about 4.8 MB) each
time; a client that never reads its websocket made the participants' server
buffer every reply. This opens a real room (``journeykit workshop`` on
127.0.0.1, no pre-heated kernels), joins it as one scripted page
(``tests/workshop/room_client.py``), stops reading and sends ``--requests``
such messages of a few hundred bytes each, then prints the participants'
server's RSS before, at its highest while the client stays connected, and
after the client is gone.

``--tree PATH`` measures the kit in another checkout (a ``git worktree`` of an
older commit) with this script and this Python: the room and its kernels import
``journeykit`` from *PATH*, so the same run can give the before and the after.

Usage: ``python benchmarks/room_amplification.py [--requests 60] [--tree PATH]``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.workshop import room_session  # noqa: E402
from tests.workshop.room_client import RoomClient, message  # noqa: E402


def mb(room: room_session.RunningRoom) -> float:
    return float(room.servers()[0].memory_info().rss) / 2**20


async def flood(room: room_session.RunningRoom, requests: int) -> dict[str, float]:
    client = RoomClient(room.join_url, address="127.0.0.4")
    await client.open()
    plot = await client.wait_for(lambda c: c.find(lambda m: "plotly_url" in m.state))
    await asyncio.sleep(3)
    figures = {"before": mb(room)}
    assert client._reader is not None
    client._reader.cancel()  # from now on nothing is read
    content = {"method": "custom", "content": {"kind": "send-plotly"}}
    for _ in range(requests):
        await client.send(message("comm_msg", {"comm_id": plot.comm_id, "data": content}))
    highest, deadline = figures["before"], time.monotonic() + 60
    while time.monotonic() < deadline:
        await asyncio.sleep(1)
        highest = max(highest, mb(room))
    figures["highest"] = highest
    await client.shut_down_kernel()
    with contextlib.suppress(Exception):
        client._socket.close()
    await asyncio.sleep(10)
    figures["after"] = mb(room)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--tree", type=Path, default=None, help="another checkout to measure")
    args = parser.parse_args()
    env: dict[str, str] = {}
    if args.tree is not None:
        tree = args.tree.resolve()
        room_session.ROOT = tree  # the launcher runs there, its kernels import from there
        env["PYTHONPATH"] = os.pathsep.join([str(tree), os.environ.get("PYTHONPATH", "")])
    with (
        tempfile.TemporaryDirectory() as folder,
        room_session.running_room(
            Path(folder) / "rooms", "--preheat", "0", name="Flood", env=env
        ) as room,
    ):
        figures = asyncio.run(flood(room, args.requests))
    where = args.tree or ROOT
    print(
        f"{where}: {args.requests} send-plotly requests, client never reading: participants' "
        f"server {figures['before']:.0f} MB before, {figures['highest']:.0f} MB at most, "
        f"{figures['after']:.0f} MB 10 s after the client left"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
