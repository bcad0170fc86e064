"""Shared pytest fixtures: a network-blocked headless Chromium page and per-test output folders.

``chromium_page``
    A Playwright page in the machine's Chromium (found by
    :func:`journeykit.chromium.find_chromium`; nothing is downloaded). Every
    request that is not ``file://`` (or an inline ``data:``/``blob:`` URL) is
    blocked and recorded, and so is every console error and uncaught page
    error, in the page and in any pop-up it opens. Use it like this::

        def test_page_works_offline(chromium_page, tmp_path):
            chromium_page.goto(tmp_path / "page.html")
            chromium_page.page.wait_for_selector(".main-svg")
            chromium_page.assert_clean()   # no network request, no console error

    When no Chromium (or no Playwright) is found the test is skipped on a
    developer's machine, and fails when the ``CI`` environment variable is set,
    so browser tests can never be skipped silently on CI.

``test_output_dir``
    ``test-output/<test name>/`` at the top of the repository, emptied at the
    start of the test: the place for screenshots and other files a person may
    want to look at after the run (the folder is git-ignored).

``require_node_package``
    ``require_node_package("mermaid")`` returns the package folder under
    ``tests/node/node_modules`` (installed by ``npm ci --prefix tests/node``),
    skipping locally / failing on CI when it is missing.

``axe_audit``
    ``axe_audit(page)`` runs axe-core (the npm package in ``tests/node``, put
    into the page from disk: nothing is fetched) on a Playwright page, or on the
    part of it a CSS selector names, and returns its violations;
    :func:`serious` keeps the critical and serious ones and :func:`describe`
    turns them into a readable assertion message.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from journeykit.chromium import HEADLESS_ARGS, find_chromium

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "tests" / "node" / "node_modules"
ON_CI = bool(os.environ.get("CI"))

#: URL schemes a page may load: local files and data built inside the page itself.
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


def missing_dependency(what: str, fix: str) -> None:
    """Skip the test on a developer's machine; fail it on CI (env ``CI`` set)."""
    message = f"{what} is not available: {fix}"
    if ON_CI:
        pytest.fail(message + " (on CI such tests must run, not skip)")
    pytest.skip(message)


@dataclass
class BrowserPage:
    """A Playwright page plus what it tried to fetch and what it logged as errors.

    Attributes
    ----------
    page : playwright.sync_api.Page
        The page itself, for ``wait_for_selector``, ``evaluate``, ``screenshot``.
    blocked_requests : list of str
        URLs of every request that was not to a local file (all were blocked).
    console_errors : list of str
        Console messages of type ``error`` and uncaught exceptions, from this page and
        from every page it opens (pop-ups such as reveal.js's speaker view) and their frames.
    """

    page: Any
    blocked_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def goto(self, path: str | Path, **kwargs: Any) -> None:
        """Open a local file (a path or a ``file://`` URL) and wait until it has loaded."""
        url = path if isinstance(path, str) and "://" in path else Path(path).resolve().as_uri()
        self.page.goto(url, wait_until="load", **kwargs)

    def assert_clean(self) -> None:
        """Fail if the page asked for anything off the machine or logged an error."""
        assert self.blocked_requests == [], f"the page tried the network: {self.blocked_requests}"
        assert self.console_errors == [], f"the page logged errors: {self.console_errors}"


def allow_only(context: Any, allowed: tuple[str, ...], blocked: list[str]) -> None:
    """Let the pages of a Playwright *context* fetch only URLs starting with *allowed*.

    Inline ``data:``, ``blob:`` and ``about:`` URLs are always allowed; every other
    request is refused and its URL appended to *blocked*.
    """
    allowed = (*allowed, "data:", "blob:", "about:")

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith(allowed):
            request_route.continue_()
        else:
            blocked.append(url)
            request_route.abort("blockedbyclient")

    context.route("**/*", route)


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[Any]:
    """One headless Chromium for the whole test session (see ``chromium_page``)."""
    executable = find_chromium()
    if executable is None:
        missing_dependency(
            "Chromium",
            "install it (Debian/Ubuntu: apt-get install chromium) "
            "or set JOURNEYKIT_CHROMIUM to a Chromium or Chrome",
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_dependency("Playwright", 'pip install -e ".[test]"')
    args = [arg for arg in HEADLESS_ARGS if not arg.startswith("--headless")]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(executable), headless=True, args=args
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def chromium_page(chromium_browser: Any) -> Iterator[BrowserPage]:
    """A fresh page in headless Chromium with the network blocked (see the module docstring)."""
    context = chromium_browser.new_context(
        viewport={"width": 1280, "height": 900}, device_scale_factor=1, service_workers="block"
    )
    page = context.new_page()
    probe = BrowserPage(page)
    allow_only(context, LOCAL_SCHEMES, probe.blocked_requests)
    # on the context, not the page: pop-ups (the speaker view) and frames are heard too
    context.on(
        "console",
        lambda msg: (
            msg.type == "error"
            and probe.console_errors.append(
                f"console ({msg.page.url if msg.page else 'worker'}): {msg.text}"
            )
        ),
    )
    context.on(
        "weberror",
        lambda error: probe.console_errors.append(
            f"uncaught ({error.page.url if error.page else 'worker'}): {error.error}"
        ),
    )
    try:
        yield probe
    finally:
        context.close()


@pytest.fixture
def test_output_dir(request: pytest.FixtureRequest) -> Path:
    """``test-output/<test name>/``, created empty for this test."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", request.node.name).strip("_")
    folder = ROOT / "test-output" / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def require_node_package() -> Callable[[str], Path]:
    """A function returning ``tests/node/node_modules/<name>``, or skipping (failing on CI)."""

    def find(name: str) -> Path:
        folder = NODE_MODULES / name
        if not (folder / "package.json").is_file():
            missing_dependency(f"the npm package {name!r}", "run: npm ci --prefix tests/node")
        return folder

    return find


#: Text that breaks naive exports: Markdown/HTML/Mermaid/CSV syntax, quotes, a line break.
AWKWARD_TEXT = (
    'Step 1: pay; then #2 "quoted" it\'s <b>bold</b> & <script>alert(1)</script> '
    "| pipe *star* _under_ `tick` [link](http://example.com) \\ $5 %% 50%"
)


@pytest.fixture
def awkward_map() -> Any:
    """A five-stage map whose learner text holds every character that troubles an export.

    Colons, semicolons, ``#``, quotes, HTML and script tags, Markdown syntax,
    spreadsheet formulas, Mermaid keywords and a line break inside the goal.
    The last stage is left empty, so exports also meet gaps.
    """
    import journeykit as jk

    m = jk.JourneyMap.new(
        "five-stage",
        title='Café: "best" #1; <i>shop</i> & more',
        persona=jk.Persona(
            "O'Brien, Jo: #1", "Says <hi> & waves; #tag", ["Pay less: 50%"], ['=HYPERLINK("x")']
        ),
    )
    m.set_lane("Awareness", "goal", "First line: ok\nSecond line; #2")
    m.set_lane(
        "Awareness",
        "actions",
        [
            AWKWARD_TEXT,
            "section leader: approves",
            "title of the post",
            "accTitle: hidden?",
            "%% comment?",
        ],
    )
    m.set_lane(
        "Awareness", "touchpoints", ["=SUM(A1:A9)", "-10% off", "+1 call", "@handle", "'quoted'"]
    )
    m.set_lane("Awareness", "emotion_score", 2)
    m.set_lane("Awareness", "emotion_words", ["Angry: very", "<em>sad</em>"])
    m.set_lane("Consideration", "actions", ["Compares | prices", "Reads *reviews*"])
    m.set_lane("Consideration", "emotion_score", 4)
    m.set_lane("Purchase", "goal", "Pay: fast\nthen leave; #done")
    m.set_lane("Purchase", "pain_points", ["Card declined; tried twice", "Ünïcödé ☕ 日本"])
    m.set_lane("Retention", "kpis", ["Returns < 5% & NPS > 40"])
    return m


#: The axe-core impacts a page must have none of.
SERIOUS_IMPACTS = ("critical", "serious")

_AXE_RUN = """async ([include, exclude, options]) => {
  const context = include ? { include: [include], exclude: exclude } : document;
  const results = await axe.run(context, options);
  return results.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html.slice(0, 160),
                               summary: n.failureSummary })) }));
}"""


def serious(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The violations with a critical or serious impact."""
    return [v for v in violations if v["impact"] in SERIOUS_IMPACTS]


def describe(violations: list[dict[str, Any]]) -> str:
    """One line per violation and element: what rule, how bad, where."""
    return "\n".join(
        f"{v['impact']} {v['id']} ({v['help']}): {node['target']}: {node['html']}"
        for v in violations
        for node in v["nodes"]
    )


@pytest.fixture
def axe_audit(require_node_package: Callable[[str], Path]) -> Callable[..., list[dict[str, Any]]]:
    """``audit(page, include=None, exclude=(), rules=None)``: axe-core's violations on *page*.

    *include* is a CSS selector to check only part of the page (the editor, not
    JupyterLab around it), *exclude* selectors inside it to leave out; *rules*
    maps rule ids to ``{"enabled": bool}``.
    """
    script = require_node_package("axe-core") / "axe.min.js"

    def audit(
        page: Any,
        include: str | None = None,
        exclude: tuple[str, ...] = (),
        rules: dict[str, dict[str, bool]] | None = None,
    ) -> list[dict[str, Any]]:
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.add_script_tag(content=script.read_text(encoding="utf-8"))
        # preload off: axe would fetch every style sheet again with XMLHttpRequest, which a
        # file:// page refuses (a console error that is the checker's, not the page's); the
        # rules read the styles the browser already applied
        options: dict[str, Any] = {"resultTypes": ["violations"], "preload": False}
        if rules:
            options["rules"] = rules
        return page.evaluate(_AXE_RUN, [include, list(exclude), options])

    return audit
