"""Test data for tests/slides/test_slides*.py, not lessons: nbval skips these notebooks."""

collect_ignore_glob = ["*.ipynb", "make_samples.py"]
