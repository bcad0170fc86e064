"""The participants' kernels: one per connected page, owned by one browser, never too many.

:class:`RoomKernelManager` is Jupyter Server's kernel manager with what a room
open to a whole Wi-Fi needs (``--VoilaConfiguration.multi_kernel_manager_class``):

* **Owners.** Each kernel is noted as the kernel of the browser whose page
  request started it or was handed it from the pool (:meth:`assign`, with the
  :class:`~.identity.Identity` of that request); :class:`~.auth.RoomAuthorizer`
  lets only that browser connect to the kernel or shut it down, and the kernel
  learns whose page it serves from a file the manager writes
  (:func:`~.identity.tell_kernel`).
* **A kernel per connected page, not per page load.** A page request that
  never connects to its kernel (a link preview, a script, a page abandoned
  while loading) loses it after :attr:`connect_grace` seconds; a browser that
  opens the room again frees its older kernels whose pages are gone. So bare
  page loads cannot fill the room.
* **A share per device.** One network address holds at most :attr:`per_device`
  kernels at once (this computer is never limited); the page handler
  (:mod:`.serving`) refuses a page beyond that before any kernel is taken. Pages
  of that address still loading count too (:meth:`page_request`): a script sending
  a dozen requests at once would otherwise pass the check before any kernel
  is noted as theirs.
* **A cap.** At most :attr:`max_kernels` kernels run at once, the pool included,
  so nothing a page or a script does can exhaust the laptop's memory.
* **Pre-heated kernels** (Voila's ``--preheat_kernel``/``--pool_size``: kernels
  that already ran the app and built an editor, :mod:`.participant`) warm up
  :attr:`warming_at_once` at a time, never while pages are being handed out
  (the refill waits for :data:`REFILL_QUIET` seconds without one), and the pool
  never grows beyond the room's free places. A page gets a kernel that is ready
  before one still warming, and never one whose start failed.
* **Bounded buffers.** Messages for a page whose connection dropped are kept
  for its return up to :attr:`offline_buffer_bytes`; past that they are dropped
  (the page reloads), so a client that stops reading cannot grow the server.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial
from pathlib import Path
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado import web
from traitlets import Float, Int

from .identity import Identity, forget_kernel, tell_kernel
from .settings import VARIABLES

#: The identity of the page request being served (set by :mod:`.serving`'s page handler);
#: a kernel started or handed out while it is set belongs to that browser.
PAGE_REQUEST: ContextVar[Identity | None] = ContextVar("journeykit_page_request", default=None)
#: The address of the page request being served, while it has no kernel noted as its own
#: (emptied once it has): see :meth:`RoomKernelManager.page_request`.
_LOADING: ContextVar[list[str] | None] = ContextVar("journeykit_page_loading", default=None)
#: Seconds without a page handed out before the pool starts refilling.
REFILL_QUIET = 10.0
#: Seconds between two looks for kernels whose page never connected.
SWEEP_SECONDS = 5.0


class RoomKernelManager(AsyncMappingKernelManager):
    """Jupyter Server's kernel manager with owners, a share per device, a cap and a calm pool.

    See the module notes.
    """

    max_kernels = Int(0, config=True, help="Most kernels running at once (0: no limit).")
    warming_at_once = Int(1, config=True, help="Pre-heated kernels warming up at once.")
    per_device = Int(0, config=True, help="Kernels one network address may hold (0: no limit).")
    connect_grace = Float(
        30.0, config=True, help="Seconds a page has to connect to its kernel before it is freed."
    )
    offline_buffer_bytes = Int(
        8 * 2**20, config=True, help="Bytes kept for a page whose connection dropped."
    )
    places = Int(
        0, config=True, help="Participants the room takes: the pool never holds more (0: no bound)."
    )

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._warming: asyncio.Semaphore | None = None
        self._tasks: set[asyncio.Future[Any]] = set()
        self._owners: dict[str, Identity] = {}
        self._handed_at: dict[str, float] = {}
        self._ever_connected: set[str] = set()
        self._last_handout = 0.0
        self._loading: Counter[str] = Counter()
        self._starting = 0
        self._sweeper: asyncio.Task[None] | None = None
        run = os.environ.get(VARIABLES["run_dir"], "")
        self.run_dir = Path(run) if run else None
        # Voila's pool (with --preheat) is a class made around this one, so handing out a
        # pool kernel is wrapped here rather than overridden.
        handout = getattr(self, "get_rendered_notebook", None)
        if handout is not None:
            self.get_rendered_notebook = self._noting_owner(handout)
        fill = getattr(self, "fill_if_needed", None)
        if fill is not None:
            self.fill_if_needed = self._bounded_fill(fill)
        pool_size = getattr(self, "get_pool_size", None)
        if pool_size is not None:  # Voila's page handler asks it just before every hand-out

            def usable_pool_size(notebook_name: str) -> int:
                self._ready_first()
                return int(pool_size(notebook_name))

            self.get_pool_size = usable_pool_size

    # ----- owners ------------------------------------------------------------------------
    def assign(self, kernel_id: str, identity: Identity) -> None:
        """Note *kernel_id* as the kernel of *identity*'s page and tell the kernel so.

        The same browser's older kernels whose pages have gone (a reload, a phone that
        slept) are shut down: their maps are saved as they stop.
        """
        self._owners[kernel_id] = identity
        self._done_loading()
        self._handed_at[kernel_id] = time.monotonic()
        self._last_handout = time.monotonic()
        if self.run_dir is not None:
            tell_kernel(self.run_dir, kernel_id, identity)
        for other, owner in list(self._owners.items()):
            if (
                other != kernel_id
                and owner.user == identity.user
                and other in self._ever_connected
                and not self._kernel_connections.get(other)
            ):
                self._spawn(self._shut_down_quietly(other, "its browser opened the room again"))
        if self._sweeper is None:
            self._sweeper = asyncio.ensure_future(self._sweep())

    def owner_of(self, kernel_id: str) -> Identity | None:
        """The browser *kernel_id* belongs to (None for a pool kernel or an unknown id)."""
        return self._owners.get(kernel_id)

    def device_full(self, address: str) -> bool:
        """True when *address* already holds :attr:`per_device` kernels, its pages still
        loading included (never this computer)."""
        if not self.per_device or Identity("", address).this_computer:
            return False
        held = sum(1 for owner in self._owners.values() if owner.address == address)
        return held + self._loading[address] >= self.per_device

    @contextmanager
    def page_request(self, identity: Identity) -> Iterator[None]:
        """Serve a page request of *identity* in this block (see :data:`PAGE_REQUEST`).

        Until a kernel is noted as the page's own (:meth:`assign`) the request counts
        towards its address's share.
        """
        loading = [identity.address]
        self._loading[identity.address] += 1
        tokens = PAGE_REQUEST.set(identity), _LOADING.set(loading)
        try:
            yield
        finally:
            self._done_loading()
            PAGE_REQUEST.reset(tokens[0])
            _LOADING.reset(tokens[1])

    def _done_loading(self) -> None:
        """The page request being served has its kernel, or ended: it no longer counts."""
        loading = _LOADING.get()
        if loading:
            address = loading.pop()
            self._loading[address] -= 1
            if self._loading[address] <= 0:
                del self._loading[address]

    def _noting_owner(
        self, handout: Callable[..., Awaitable[tuple[Any, Any, str]]]
    ) -> Callable[..., Awaitable[tuple[Any, Any, str]]]:
        async def handed_out(*args: Any, **kwargs: Any) -> tuple[Any, Any, str]:
            task, rendered, kernel_id = await handout(*args, **kwargs)
            identity = PAGE_REQUEST.get()
            if identity is not None:
                self.assign(kernel_id, identity)
            return task, rendered, kernel_id

        return handed_out

    # ----- connections -------------------------------------------------------------------
    def notify_connect(self, kernel_id: str) -> None:
        super().notify_connect(kernel_id)
        self._ever_connected.add(kernel_id)

    async def _sweep(self) -> None:
        """Free the kernels whose page never connected within :attr:`connect_grace`."""
        while True:
            await asyncio.sleep(SWEEP_SECONDS)
            now = time.monotonic()
            for kernel_id, handed in list(self._handed_at.items()):
                if (
                    kernel_id not in self._ever_connected
                    and now - handed > self.connect_grace
                    and kernel_id in self
                ):
                    await self._shut_down_quietly(kernel_id, "its page never connected")

    async def _shut_down_quietly(self, kernel_id: str, why: str) -> None:
        if kernel_id not in self:
            return
        self.log.info("Freeing kernel %s: %s", kernel_id, why)
        try:
            await self.shutdown_kernel(kernel_id)
        except Exception:  # gone already, or stopping: nothing to free
            self.log.debug("Kernel %s was already stopping", kernel_id, exc_info=True)

    def _spawn(self, work: Awaitable[Any]) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _forget(self, kernel_id: str) -> None:
        self._owners.pop(kernel_id, None)
        self._handed_at.pop(kernel_id, None)
        self._ever_connected.discard(kernel_id)
        if self.run_dir is not None:
            forget_kernel(self.run_dir, kernel_id)

    # jupyter_client types the synchronous MultiKernelManager's methods; the async managers
    # (this one's bases) override them with coroutines, as these are.
    async def shutdown_kernel(  # type: ignore[override]
        self, kernel_id: str, *args: Any, **kwargs: Any
    ) -> None:
        try:
            await super().shutdown_kernel(kernel_id, *args, **kwargs)
        finally:
            self._forget(kernel_id)

    def remove_kernel(self, kernel_id: str) -> Any:
        """A kernel that died is removed like one shut down (its owner forgotten too)."""
        self._forget(kernel_id)
        return super().remove_kernel(kernel_id)

    # ----- the cap and the pool ----------------------------------------------------------
    async def start_kernel(self, *args: Any, **kwargs: Any) -> str:  # type: ignore[override]
        pooled = (kwargs.get("env") or {}).get("VOILA_PREHEAT") == "True"
        if not pooled:
            # kernels still starting count too: a burst of page loads must not overshoot
            if (
                self.max_kernels
                and len(self.list_kernel_ids()) + self._starting >= self.max_kernels
            ):
                raise web.HTTPError(503, reason="This room is full")
            self._starting += 1
            try:
                kernel_id: str = await super().start_kernel(*args, **kwargs)
            finally:
                self._starting -= 1
            identity = PAGE_REQUEST.get()
            if identity is not None:
                self.assign(kernel_id, identity)
            return kernel_id
        if self._warming is None:
            self._warming = asyncio.Semaphore(max(1, self.warming_at_once))
        await self._warming.acquire()
        try:
            await self._quiet_moment()
            if self.max_kernels and len(self.list_kernel_ids()) >= self.max_kernels:
                raise web.HTTPError(503, reason="The room has no place for another kernel")
            kernel_id = await super().start_kernel(*args, **kwargs)
        except BaseException:
            self._warming.release()
            raise
        self._spawn(self._release_when_warm(kernel_id))
        return kernel_id

    def _bounded_fill(self, fill: Callable[..., None]) -> Callable[..., None]:
        """Voila's pool refill, filling the pool up to the room's free places only."""
        wanted: list[int] = []

        def fill_bounded(*args: Any, **kwargs: Any) -> None:
            # kernel_pools_config is a setting of Voila's pool class, made around this one
            config = dict(getattr(self, "kernel_pools_config", {}).get("default", {}))
            if not wanted:
                wanted.append(int(config.get("pool_size", 0)))
            size = wanted[0]
            if self.places:
                size = max(0, min(size, self.places - len(self._owners)))
            setattr(self, "kernel_pools_config", {"default": {**config, "pool_size": size}})  # noqa: B010
            fill(*args, **kwargs)

        return fill_bounded

    async def _quiet_moment(self) -> None:
        """Wait until no page was handed out for :data:`REFILL_QUIET` seconds."""
        while time.monotonic() - self._last_handout < REFILL_QUIET:
            await asyncio.sleep(REFILL_QUIET / 3)

    async def _release_when_warm(self, kernel_id: str) -> None:
        """Let the next pool kernel start once *kernel_id* has run the app.

        The pool entry of a kernel is filled in just after it started; a kernel whose
        entry is gone was handed out to a page. Three minutes at most in any case.
        """
        started = time.monotonic()
        found = False
        try:
            while time.monotonic() - started < 180 and kernel_id in self:
                rendering = self._pool_rendering(kernel_id)
                found = found or rendering is not None
                gone = rendering is None and (found or time.monotonic() - started > 10)
                if gone or (rendering is not None and rendering.done()):
                    self.log.info("Pre-heated kernel %s is ready", kernel_id)
                    break
                await asyncio.sleep(0.25)
        finally:
            assert self._warming is not None
            self._warming.release()

    def _ready_first(self) -> None:
        """Order each pool so a page is handed a kernel that is ready before one still
        warming up, and drop the entries whose kernel could not start (a full room):
        handed to a page, such an entry would leave it empty."""
        for pool in getattr(self, "_pools", {}).values():  # Voila's pre-heated kernels
            usable = [
                entry
                for entry in pool
                if not (entry.done() and (entry.cancelled() or entry.exception() is not None))
            ]
            pool[:] = sorted(usable, key=lambda entry: not entry.done())

    def _pool_rendering(self, kernel_id: str) -> asyncio.Future[Any] | None:
        """The task running the app in pool kernel *kernel_id*, if it is in a pool."""
        for pool in getattr(self, "_pools", {}).values():  # Voila's pre-heated kernels
            for entry in pool:
                if (
                    entry.done()
                    and not entry.cancelled()
                    and entry.exception() is None
                    and entry.result().get("kernel_id") == kernel_id
                ):
                    return entry.result().get("task")
        return None

    # ----- messages for a page that is away ----------------------------------------------
    def start_buffering(self, kernel_id: str, session_key: str, channels: dict[str, Any]) -> None:
        """Keep messages for a page whose connection dropped, up to :attr:`offline_buffer_bytes`.

        Jupyter Server keeps every one (its own note calls for a bound): a client that
        asks for large answers and then drops its connection would grow the server
        without limit. Past the bound the buffer is dropped, as for a page that never
        comes back; a page that does come back reloads.
        """
        super().start_buffering(kernel_id, session_key, channels)
        info = self._kernel_buffers.get(kernel_id)
        if info is None or info.get("session_key") != session_key:
            return  # buffering is off
        kept = [0]

        def buffer_msg(channel: str, msg_parts: list[bytes]) -> None:
            kept[0] += sum(len(part) for part in msg_parts)
            if kept[0] > self.offline_buffer_bytes:
                self.log.warning(
                    "Dropping the messages kept for kernel %s: more than %d bytes",
                    kernel_id,
                    self.offline_buffer_bytes,
                )
                self.stop_buffering(kernel_id)
                return
            info["buffer"].append((channel, msg_parts))

        for channel, stream in channels.items():
            stream.on_recv(partial(buffer_msg, channel))
