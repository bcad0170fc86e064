"""Test data for tests/editing/test_editor_browser.py, not a lesson: nbval skips it."""

collect_ignore_glob = ["*.ipynb"]
