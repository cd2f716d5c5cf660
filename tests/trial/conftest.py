"""Trial-engine fixtures: slow reference tests run only when asked for with ``-m reference``.

The default suite must stay fast, and nothing in the project deselects the marker by
itself, so a reference test not selected by name skips with a note saying how to run it.
"""

from __future__ import annotations

import numpy as np
import pytest


@pytest.fixture(autouse=True)
def reference_only_when_asked(request: pytest.FixtureRequest) -> None:
    chosen = str(request.config.getoption("markexpr", ""))
    if request.node.get_closest_marker("reference") and "reference" not in chosen:
        pytest.skip("slow reference test: run with -m reference")


@pytest.fixture
def rng() -> np.random.Generator:
    """A generator seeded the same way in every test, so every run sees the same data."""
    return np.random.Generator(np.random.PCG64(20260315))
