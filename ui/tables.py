"""Small tables rendered as HTML (``st.table``) so that Persian text reads right to left."""

from __future__ import annotations

import pandas as pd
import streamlit as st


def formatted(df: pd.DataFrame, digits: int = 4) -> pd.DataFrame:
    """``df`` with floats written to ``digits`` decimals (for display only)."""
    out = df.copy()
    for column in out.columns:
        if pd.api.types.is_float_dtype(out[column]):
            out[column] = [f"{x:.{digits}f}" for x in out[column]]
    return out


def show_table(df: pd.DataFrame, digits: int = 4, *, index: bool = False) -> None:
    """Show a small table with floats rounded for reading."""
    st.table(formatted(df, digits), hide_index=not index)
