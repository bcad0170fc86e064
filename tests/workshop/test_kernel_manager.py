"""The participants' kernel manager on its own: a device's share and the pool's order.

The room's tests (``test_room_attacks.py``) send real page requests; these check the
same rules without a server, where the timing that hides a race cannot.
"""

from __future__ import annotations

import asyncio
from typing import Any

from journeykit.workshop.identity import Identity
from journeykit.workshop.kernels import RoomKernelManager
from tests.workshop.room_client import run_apart

PHONE = "10.0.0.5"


def test_pages_still_loading_count_towards_their_device_share() -> None:
    """A script sending page requests at once passes the check before any kernel is
    noted as its own; pages still loading count, and stop counting once they have one."""

    async def requests() -> list[bool]:
        manager = RoomKernelManager(per_device=2)
        seen = []
        with manager.page_request(Identity("a1" * 16, PHONE)):
            seen.append(manager.device_full(PHONE))
            with manager.page_request(Identity("b2" * 16, PHONE)):
                seen.append(manager.device_full(PHONE))  # two pages loading: full
                manager.assign("kernel-b", Identity("b2" * 16, PHONE))
                seen.append(manager.device_full(PHONE))  # one kernel and one page
            seen.append(manager.device_full(PHONE))  # b's kernel, a still loading: full
        seen.append(manager.device_full(PHONE))  # a's request ended without a kernel
        seen.append(manager.device_full("10.0.0.6"))
        return seen

    assert run_apart(requests()) == [False, True, True, True, False, False]


def test_a_page_gets_a_ready_pool_kernel_first_and_never_a_failed_one() -> None:
    async def order() -> list[str]:
        manager = RoomKernelManager()
        loop = asyncio.get_running_loop()
        warming: asyncio.Future[Any] = loop.create_future()
        failed: asyncio.Future[Any] = loop.create_future()
        failed.set_exception(RuntimeError("The room has no place for another kernel"))
        ready: asyncio.Future[Any] = loop.create_future()
        ready.set_result({"kernel_id": "ready"})
        names = {id(warming): "warming", id(failed): "failed", id(ready): "ready"}
        manager._pools = {"app.ipynb": [warming, failed, ready]}  # type: ignore[attr-defined]
        manager._ready_first()
        order = [names[id(entry)] for entry in manager._pools["app.ipynb"]]  # type: ignore[attr-defined]
        warming.cancel()
        return order

    assert run_apart(order()) == ["ready", "warming"]
