"""Code tasks run programs in the sandbox, which needs Linux (as do its own tests)."""

from __future__ import annotations

import sys

import pytest

_NEEDS_LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the code sandbox needs Linux")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/code/" in item.nodeid:
            item.add_marker(_NEEDS_LINUX)
