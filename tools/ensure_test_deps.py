"""Install what the tests need beyond pip: Chromium, its fonts, Java and the npm test packages.

Run by ``make test`` before pytest. Chromium comes from the operating system
(Debian/Ubuntu: the ``chromium`` package, installed here when missing), and so do the fonts
the browser tests measure text in: the figures and the editor name Arial (as plotly's font
stack does), which Windows and macOS have, and a Linux without it draws in its fallback
(often DejaVu Sans, about a tenth wider), so the tests that check that no label is cut off or
drawn over another would be measuring another font (``fonts-liberation``: Liberation Sans has
Arial's metrics). So does
the Java runtime Spark needs for the test that measures a journey on Spark in local
mode (``default-jre-headless``: Java 17 or newer); the npm packages in ``tests/node``
(the Mermaid parser, axe-core, and configurable-http-proxy for the workshop room's
JupyterHub test) are installed from their lock file, again whenever it asks for a
package or version not installed. On CI (``CI`` set) anything missing is an error, so
no browser or Spark test can be skipped there; on a learner's machine it is a warning.
"""

from __future__ import annotations

import json
import os
import re
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


def apt_install(package: str) -> bool:
    """Install a Debian/Ubuntu package (as root, or with sudo that asks no password)."""
    apt = shutil.which("apt-get")
    if not (apt and sys.platform.startswith("linux")):
        return False
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    return run([*sudo, apt, "update", "-qq"]) and run(
        [*sudo, apt, "install", "-y", "-qq", "--no-install-recommends", package]
    )


def ensure_chromium() -> bool:
    if find_chromium() is not None:
        return True
    return apt_install("chromium") and find_chromium() is not None


def has_arial_metrics() -> bool:
    """True when text asked for in Arial is drawn in Arial or a font with its metrics
    (Liberation Sans, Arimo), or when fontconfig is not what picks fonts (Windows, macOS)."""
    fc_match = shutil.which("fc-match")
    if not (fc_match and sys.platform.startswith("linux")):
        return True
    found = subprocess.run(
        [fc_match, "-f", "%{family}", "Arial"], capture_output=True, text=True, timeout=60
    ).stdout
    return any(name in found for name in ("Arial", "Liberation Sans", "Arimo"))


def ensure_fonts() -> bool:
    if has_arial_metrics():
        return True
    return apt_install("fonts-liberation") and has_arial_metrics()


#: The oldest Java that the Spark the tests install (pyspark 4.0) runs on.
JAVA_AT_LEAST = 17


def java_version() -> int | None:
    """The major version of the ``java`` on the PATH (or in ``JAVA_HOME``), or None."""
    home = os.environ.get("JAVA_HOME")
    java = shutil.which("java", path=os.path.join(home, "bin") if home else None)
    java = java or shutil.which("java")
    if java is None:
        return None
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    found = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not found:
        return None
    major = int(found.group(1))
    return int(found.group(2) or 0) if major == 1 else major  # "1.8" is Java 8


#: Where OpenJDK's Debian package links its manual pages while it installs. Slim Debian
#: images (``python:3.11-slim``) leave out ``/usr/share/man``, and the package's set-up
#: script then fails (``update-alternatives: error: error creating symbolic link
#: '/usr/share/man/man1/java.1.gz.dpkg-tmp'``), so the folder is made first.
MAN1 = Path("/usr/share/man/man1")


def make_man1(folder: Path) -> bool:
    """Make ``folder`` (as root, or with sudo that asks no password) unless it exists.

    Parameters
    ----------
    folder : Path
        The manual-page folder OpenJDK's package writes links into.

    Returns
    -------
    bool
        Whether the folder exists afterwards.
    """
    if folder.is_dir():
        return True
    if os.geteuid() == 0:
        folder.mkdir(parents=True, exist_ok=True)
    else:
        run(["sudo", "-n", "mkdir", "-p", str(folder)])
    return folder.is_dir()


def ensure_java() -> bool:
    """Java ``JAVA_AT_LEAST`` or newer on the PATH, from Debian's packages if missing."""
    if (java_version() or 0) >= JAVA_AT_LEAST:
        return True
    if not (shutil.which("apt-get") and sys.platform.startswith("linux")):
        return False
    make_man1(MAN1)
    return apt_install("default-jre-headless") and (java_version() or 0) >= JAVA_AT_LEAST


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
    if not ensure_fonts():
        missing.append(
            "a font with Arial's metrics (Debian/Ubuntu: apt-get install fonts-liberation)"
        )
    if not ensure_java():
        missing.append(
            f"Java {JAVA_AT_LEAST} or newer for the Spark test (Debian/Ubuntu: apt-get "
            "install default-jre-headless; else a JDK from your system's packages)"
        )
    if not ensure_node_packages():
        missing.append(
            "the npm packages in tests/node (install Node.js, then npm ci --prefix tests/node)"
        )
    for item in missing:
        print(
            f"{'error' if ON_CI else 'warning'}: missing {item}; the tests that need it "
            f"{'cannot run' if ON_CI else 'will be skipped'}",
            file=sys.stderr,
        )
    return 1 if missing and ON_CI else 0


if __name__ == "__main__":
    sys.exit(main())
