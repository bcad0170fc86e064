"""Install what the browser tests need beyond pip: Chromium and the npm test packages.

Run by ``make test`` before pytest. Chromium comes from the operating system
(Debian/Ubuntu: the ``chromium`` package, installed here when missing); the
npm packages in ``tests/node`` (the Mermaid parser, axe-core, and configurable-http-proxy
for the workshop room's JupyterHub test) are installed from
their lock file, again whenever it asks for a package or version not installed.
On CI (``CI`` set) anything missing is an error, so no browser test can be
skipped there; on a learner's machine it is a warning.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from journeykit.chromium import find_chromium  # noqa: E402

ON_CI = bool(os.environ.get("CI"))


def run(command: list[str]) -> bool:
    print("+ " + " ".join(command), flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    return subprocess.call(command, env=env, stdin=subprocess.DEVNULL) == 0


def ensure_chromium() -> bool:
    if find_chromium() is not None:
        return True
    apt = shutil.which("apt-get")
    if apt and sys.platform.startswith("linux"):
        sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
        if run([*sudo, apt, "update", "-qq"]) and run(
            [*sudo, apt, "install", "-y", "-qq", "chromium"]
        ):
            return find_chromium() is not None
    return False


def locked_versions(folder: Path) -> dict[str, str]:
    """``{package: version}`` the lock file asks for (direct dependencies only)."""
    lock = json.loads((folder / "package-lock.json").read_text(encoding="utf-8"))
    wanted = lock.get("packages", {}).get("", {}).get("dependencies", {})
    return {
        name: lock["packages"].get(f"node_modules/{name}", {}).get("version", "?")
        for name in wanted
    }


def installed_version(folder: Path, name: str) -> str | None:
    manifest = folder / "node_modules" / name / "package.json"
    if not manifest.is_file():
        return None
    return json.loads(manifest.read_text(encoding="utf-8")).get("version")


def ensure_node_packages() -> bool:
    folder = ROOT / "tests" / "node"
    if not (folder / "package-lock.json").exists():
        return True
    if all(
        installed_version(folder, name) == version
        for name, version in locked_versions(folder).items()
    ):
        return True
    npm = shutil.which("npm")
    return bool(npm) and run([npm, "ci", "--no-audit", "--no-fund", "--prefix", str(folder)])


def main() -> int:
    missing = []
    if not ensure_chromium():
        missing.append("Chromium (Debian/Ubuntu: apt-get install chromium; else Google Chrome)")
    if not ensure_node_packages():
        missing.append(
            "the npm packages in tests/node (install Node.js, then npm ci --prefix tests/node)"
        )
    for item in missing:
        print(
            f"{'error' if ON_CI else 'warning'}: missing {item}; browser tests "
            f"{'cannot run' if ON_CI else 'will be skipped'}",
            file=sys.stderr,
        )
    return 1 if missing and ON_CI else 0


if __name__ == "__main__":
    sys.exit(main())
