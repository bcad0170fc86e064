"""Fixtures the room's browser tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture
def blocked() -> Iterator[list[str]]:
    """The requests a room page tried off the machine (each refused); none by the end."""
    refused: list[str] = []
    yield refused
    assert refused == [], f"a page tried the network: {refused}"
