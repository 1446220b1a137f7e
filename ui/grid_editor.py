"""The pairwise editor of a large matrix: one grid (``st.data_editor``) instead of one select box
per pair, so the widgets on the page do not grow with the square of the items.

:func:`ui.pairwise.pairwise_editor` uses it for matrices of more than
:data:`ui.pairwise.GRID_ABOVE` items.
Row i, column j holds the judgment ``A[i, j]`` as a token of Saaty's scale ("3": the row item is
moderately more important than the column item, "1/3": the reverse, "blank": no judgment); a
cell is chosen from the scale. An edit sets the cell and its reciprocal in the model; the
diagonal is always 1 and cannot be changed. Widget keys: ``<prefix>:<path>:grid:<version>``;
the version moves on after each applied edit, so the grid restarts from the model.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from ui.pairwise import BLANK, REL_TOL, SCALE_TOKENS, token_of, value_of
from ui.state import ModelSlot
from ui.strings import tr


def grid_tokens(matrix: np.ndarray) -> list[list[str]]:
    """The token of every cell (as :func:`ui.pairwise.token_of`, computed for the whole
    matrix at once)."""
    scale = np.array([value_of(t) for t in SCALE_TOKENS], dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        nearest = np.abs(np.log(matrix)[..., None] - np.log(scale)).argmin(axis=-1)
    exact = np.isclose(matrix, scale[nearest], rtol=REL_TOL, atol=0.0)
    names = np.array(SCALE_TOKENS, dtype=object)[nearest]
    out = names.tolist()
    for i, j in zip(*np.nonzero(~exact), strict=True):  # blanks and off-scale values
        out[i][j] = token_of(float(matrix[i, j]))
    return out


def _version_key(key_prefix: str, path: str) -> str:
    return f"{key_prefix}:{path}:grid_version"


def _apply(slot: ModelSlot, path: str, key: str, version_key: str,
           columns: list[str], lang: str) -> None:
    """Apply the grid's edited cells to the model, then restart the grid from it."""
    edits = st.session_state[key].get("edited_rows", {})
    model = slot.get()
    diagonal = False
    for row, cells in edits.items():
        for column, token in cells.items():
            i, j = int(row), columns.index(column)
            if i == j:
                diagonal = True
                continue
            model = model.set_judgment(path, i, j, None if token is None else value_of(token))
    slot.set(model)
    st.session_state[version_key] = st.session_state.get(version_key, 0) + 1
    if diagonal:
        st.session_state[f"{version_key}:diagonal"] = True


def grid_editor(slot: ModelSlot, path: str, lang: str, key_prefix: str,
                names: list[str]) -> None:
    """One data-editor grid for the judgments of the matrix at ``path``; ``names`` label its
    rows and columns (unique, in the matrix's order)."""
    matrix = slot.get().matrix_at(path)
    tokens = grid_tokens(matrix)
    options = [*SCALE_TOKENS, BLANK]
    options += sorted({t for row in tokens for t in row} - set(options))
    version_key = _version_key(key_prefix, path)
    key = f"{key_prefix}:{path}:grid:{st.session_state.get(version_key, 0)}"
    st.caption(tr("pairwise.grid_note", lang))
    if st.session_state.pop(f"{version_key}:diagonal", False):
        st.warning(tr("pairwise.grid_diagonal", lang))

    def label(option: str | int | float | bool) -> str:
        token = str(option)  # the options are all tokens (strings)
        if token == BLANK:
            return tr("pairwise.grid_blank", lang)
        value = value_of(token)
        return token if not token.startswith("v:") else f"{value:.4g}"

    st.data_editor(
        pd.DataFrame(tokens, index=names, columns=names),
        key=key,
        column_config={name: st.column_config.SelectboxColumn(
            name, options=options, format_func=label, required=True) for name in names},
        num_rows="fixed",
        on_change=_apply,
        args=(slot, path, key, version_key, names, lang),
    )
