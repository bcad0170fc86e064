"""Serve notebooks with the ``language_info`` the kernel will report.

As soon as a kernel connects, JupyterLab writes the kernel's whole
``language_info`` (name, version, mimetype, ...) into the open notebook, and
if that differs from what the file holds the notebook counts as modified: its
tab shows the dirty dot and closing it asks to save, although the learner
changed nothing. A course notebook stored on one machine always differs on a
learner's machine with another Python version (``language_info.version``).

:class:`KernelLanguageContentsManager` is jupyter_server's default contents
manager, except that a Python notebook it serves carries the ``language_info``
of this interpreter's ipykernel, which is what the kernel will report: the
kernel ``journeykit lab`` starts for a ``python3`` notebook runs on the same
interpreter as the server. The file on disk is never changed; a learner who
saves stores what JupyterLab would have stored anyway.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager

#: ipykernel's own kernel name: it runs on the server's interpreter.
NATIVE_KERNEL = "python3"


@cache
def kernel_language_info() -> dict[str, Any]:
    """What ipykernel on this interpreter reports as ``language_info`` (read from ipykernel).

    Examples
    --------
    >>> import sys
    >>> kernel_language_info()["version"] == sys.version.split()[0]
    True
    """
    from ipykernel.ipkernel import IPythonKernel

    return dict(IPythonKernel.language_info)


def match_kernel_language(notebook: dict[str, Any]) -> bool:
    """Give a Python *notebook* (nbformat dict) the kernel's ``language_info``; say if it changed.

    Notebooks for other kernels or languages are left as they are.

    Examples
    --------
    >>> nb = {"metadata": {"kernelspec": {"name": "python3"},
    ...                    "language_info": {"name": "python", "version": "3.0.1"}}}
    >>> match_kernel_language(nb), nb["metadata"]["language_info"] == kernel_language_info()
    (True, True)
    >>> match_kernel_language(nb)
    False
    >>> match_kernel_language({"metadata": {"kernelspec": {"name": "ir"}}})
    False
    """
    metadata = notebook.get("metadata")
    if not isinstance(metadata, dict):
        return False
    kernel = (metadata.get("kernelspec") or {}).get("name")
    language = (metadata.get("language_info") or {}).get("name", "python")
    wanted = kernel_language_info()
    if kernel != NATIVE_KERNEL or language != "python" or metadata.get("language_info") == wanted:
        return False
    metadata["language_info"] = copy.deepcopy(wanted)
    return True


class KernelLanguageContentsManager(AsyncLargeFileManager):
    """jupyter_server's contents manager; notebooks come with the kernel's ``language_info``."""

    async def get(
        self,
        path: str,
        content: bool = True,
        type: str | None = None,
        format: str | None = None,
        require_hash: bool = False,
    ) -> dict[str, Any]:
        # require_hash (jupyter_server 2.11 on) is passed on only when asked for: an older
        # server's get() has no such parameter, and such a server never asks for it
        asked = {"require_hash": True} if require_hash else {}
        model = await super().get(path, content=content, type=type, format=format, **asked)
        if content and model.get("type") == "notebook" and model.get("content"):
            match_kernel_language(model["content"])
        return model
