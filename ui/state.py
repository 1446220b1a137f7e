"""Session state: the current model, its revision, and messages kept across one rerun.

The model is the single source of truth; widgets read their values from it on every run and
write back through callbacks. :func:`set_model` with ``replaced=True`` (an upload) bumps the
revision, which is part of every editing widget's key, so all widgets start afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from swot.analysis import Evaluation, evaluate
from swot.errors import PROJECT_ERRORS
from swot.io import ModelFileError, load_model
from swot.model import SwotModel

DEFAULT_MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "tehran_city_diplomacy.json"

MODEL_KEY = "model"
LOADED_KEY = "loaded_model"  # the model as last loaded (shipped, uploaded or a scenario)
REVISION_KEY = "model_revision"
FLASH_KEY = "flash"
CHOSEN_MATRIX_KEY = "pw_matrix_chosen"  # the matrix to edit on the Weights page, across pages


@dataclass(frozen=True)
class ModelSlot:
    """Where an editor reads and writes its model (the session's model or, e.g., a
    workshop participant's draft)."""

    get: Callable[[], SwotModel]
    set: Callable[[SwotModel], None]


def init_state() -> list[str]:
    """Load the shipped model into a new session; returns problems (empty when all is well)."""
    if MODEL_KEY in st.session_state:
        return []
    try:
        st.session_state[MODEL_KEY] = st.session_state[LOADED_KEY] = load_model(DEFAULT_MODEL_PATH)
    except ModelFileError as exc:
        return exc.lines()
    st.session_state[REVISION_KEY] = 0
    return []


def get_model() -> SwotModel:
    """The session's current model."""
    return st.session_state[MODEL_KEY]


def revision() -> int:
    """The revision counter, bumped whenever the model is replaced wholesale."""
    return st.session_state.get(REVISION_KEY, 0)


def set_model(model: SwotModel, *, replaced: bool = False) -> None:
    """Make ``model`` current; ``replaced`` (e.g. after an upload) resets every widget."""
    st.session_state[MODEL_KEY] = model
    if replaced:
        st.session_state[LOADED_KEY] = model
        st.session_state[REVISION_KEY] = revision() + 1


def loaded_model() -> SwotModel | None:
    """The session's model as last loaded (shipped, uploaded or a scenario)."""
    return st.session_state.get(LOADED_KEY)


def main_slot() -> ModelSlot:
    """The slot of the session's main model."""
    return ModelSlot(get=get_model, set=set_model)


def flash(kind: str, text: str, where: str = "") -> None:
    """Keep a message (kind: "success" or "error") to show on the next run, at the place
    ``where`` (a form's name; "" = the page's usual place)."""
    st.session_state[FLASH_KEY] = (kind, text, where)


def show_flash(where: str | None = "") -> None:
    """Show and forget the kept message, if any, when it belongs at ``where`` (None: wherever
    it belongs, for a page that cannot draw its forms)."""
    message = st.session_state.get(FLASH_KEY)
    if message is not None and where in (None, message[2]):
        del st.session_state[FLASH_KEY]
        kind, text, _ = message
        (st.success if kind == "success" else st.error)(text)


EVAL_KEY = "evaluation"


def current_evaluation() -> Evaluation | list[str]:
    """The evaluation of the session's model, or the problems that keep it from being
    ranked; recomputed only when the model changed (kept per session, not shared)."""
    model = get_model()
    kept = st.session_state.get(EVAL_KEY)
    if kept is not None and kept[0] is model:
        return kept[1]
    try:
        result: Evaluation | list[str] = evaluate(model)
    except PROJECT_ERRORS as exc:  # swot's and anp's errors (never a traceback in the UI)
        problems = getattr(exc, "problems", None)
        result = [str(p) for p in problems] if problems else [str(exc)]
    st.session_state[EVAL_KEY] = (model, result)
    return result
