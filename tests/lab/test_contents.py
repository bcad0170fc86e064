"""The kit's contents manager serves notebooks with the language_info the kernel reports."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import nbformat
import pytest

from journeykit.lab.contents import KernelLanguageContentsManager, kernel_language_info

ROOT = Path(__file__).resolve().parents[2]


def stored(folder: Path, name: str, language_info: dict, kernel: str = "python3") -> Path:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1", id="one")])
    nb.metadata["kernelspec"] = {"name": kernel, "display_name": kernel, "language": "python"}
    nb.metadata["language_info"] = language_info
    path = folder / name
    nbformat.write(nb, path)
    return path


def run(coroutine: Any) -> Any:
    """Await *coroutine* in a thread of its own (a browser test may own this thread's loop)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def served(folder: Path, name: str) -> dict:
    manager = KernelLanguageContentsManager(root_dir=str(folder))
    return run(manager.get(name))["content"]


def test_language_info_is_what_a_real_kernel_on_this_python_reports():
    """Read from a running ipykernel, the way JupyterLab gets it (kernel_info_reply)."""
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3")
    try:
        reply = client.kernel_info(reply=True, timeout=60)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    assert reply["content"]["language_info"] == kernel_language_info()


@pytest.mark.parametrize(
    "language_info",
    [
        {"name": "python", "version": "3.0.1", "mimetype": "text/x-python"},  # another Python
        {"name": "python"},  # what the refresh tool used to store
    ],
)
def test_a_python_notebook_is_served_with_the_kernels_language_info(tmp_path, language_info):
    path = stored(tmp_path, "lesson.ipynb", language_info)
    on_disk = path.read_bytes()
    assert served(tmp_path, "lesson.ipynb")["metadata"]["language_info"] == kernel_language_info()
    assert path.read_bytes() == on_disk, "the file itself is never changed"


def test_other_kernels_and_languages_are_served_as_stored(tmp_path):
    r_info = {"name": "R", "version": "4.3.0"}
    stored(tmp_path, "r.ipynb", r_info, kernel="ir")
    stored(
        tmp_path, "other_env.ipynb", {"name": "python", "version": "3.0.1"}, kernel="conda-env-py"
    )
    assert served(tmp_path, "r.ipynb")["metadata"]["language_info"] == r_info
    assert served(tmp_path, "other_env.ipynb")["metadata"]["language_info"]["version"] == "3.0.1"


def test_folders_files_and_listings_are_untouched(tmp_path):
    stored(tmp_path, "lesson.ipynb", {"name": "python", "version": "3.0.1"})
    (tmp_path / "notes.txt").write_text("plain text", encoding="utf-8")
    manager = KernelLanguageContentsManager(root_dir=str(tmp_path))
    listing = run(manager.get(""))
    assert sorted(item["name"] for item in listing["content"]) == ["lesson.ipynb", "notes.txt"]
    assert run(manager.get("notes.txt"))["content"] == "plain text"
    assert run(manager.get("lesson.ipynb", content=False))["content"] is None
