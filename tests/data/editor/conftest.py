"""The notebook here is test data for tests/test_editor_browser.py, not a lesson: nbval skips it."""

collect_ignore_glob = ["*.ipynb"]
