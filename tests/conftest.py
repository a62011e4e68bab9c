"""Shared test configuration: hypothesis profiles and the location of ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("ARCLEAN_HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ARCLEAN_SHARED", ROOT.parent / "shared"))


def shared_dir(name: str) -> Path:
    """A folder of ../shared; under CI=true a missing folder fails the test instead of skipping it."""
    path = SHARED / name
    if not path.is_dir():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{path} is missing: CI must provide ../shared/{name}")
        pytest.skip(f"{path} is not available")
    return path
