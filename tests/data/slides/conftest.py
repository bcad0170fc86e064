"""The notebooks here are test data for tests/test_slides*.py, not lessons: nbval skips them."""

collect_ignore_glob = ["*.ipynb", "make_samples.py"]
