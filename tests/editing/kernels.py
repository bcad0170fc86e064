"""Real IPython kernels for tests: start a few, run code in them, always stop them.

Each kernel is a separate Python process started by jupyter_client, the way
JupyterLab starts one per notebook, so two editors in two kernels share
nothing but the files on disk.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
KERNEL_START_SECONDS = 120
CELL_SECONDS = 120


class CellError(AssertionError):
    """A cell raised; the message holds the kernel's traceback."""


@dataclass
class Kernel:
    """One running kernel and its blocking client."""

    manager: Any
    client: Any

    def run(self, code: str) -> str:
        """Run *code* like a notebook cell; return what it printed (raise if it failed)."""
        printed: list[str] = []

        def hook(message: dict[str, Any]) -> None:
            kind, content = message["msg_type"], message["content"]
            if kind == "stream":
                printed.append(content["text"])
            elif kind == "error":
                printed.append("\n".join(content["traceback"]))

        reply = self.client.execute_interactive(code, output_hook=hook, timeout=CELL_SECONDS)
        if reply["content"]["status"] != "ok":
            raise CellError("".join(printed) or reply["content"].get("evalue", "failed"))
        return "".join(printed)

    def value(self, expression: str) -> Any:
        """The value of *expression* in the kernel, sent back as JSON."""
        return json.loads(self.run(f"import json as _json; print(_json.dumps({expression}))"))


@contextmanager
def kernels(count: int, cwd: Path) -> Iterator[list[Kernel]]:
    """*count* fresh kernels working in *cwd*, using this checkout of the kit."""
    from jupyter_client.manager import start_new_kernel

    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    started: list[Kernel] = []
    try:
        for _ in range(count):
            manager, client = start_new_kernel(
                startup_timeout=KERNEL_START_SECONDS, kernel_name="python3", cwd=str(cwd), env=env
            )
            started.append(Kernel(manager, client))
        yield started
    finally:
        for kernel in started:
            kernel.client.stop_channels()
            kernel.manager.shutdown_kernel(now=True)
