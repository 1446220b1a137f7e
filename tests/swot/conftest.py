"""Shared fixtures of the swot tests."""

from __future__ import annotations

import pytest
from swot_testdata import tiny_data

from swot.io import model_from_dict
from swot.model import SwotModel


@pytest.fixture
def tiny() -> SwotModel:
    """The tiny model of ``swot_testdata.TINY``."""
    return model_from_dict(tiny_data())
