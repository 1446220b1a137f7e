"""Small tables rendered as HTML (``st.table``) so that Persian text reads right to left."""

from __future__ import annotations

import math
import re

import pandas as pd
import streamlit as st

from ui.i18n import DIGITS_KEY, lang, shown_number

# characters that st.table's Markdown would act on inside a line ($ starts LaTeX, * and _
# emphasis, [ ] links, < > HTML, ` code, ~ strikethrough) and a leading # (a heading)
_MARKDOWN = re.compile(r"([\\`*_~\[\]<>$|])|^(#)")


WORD_JOINER = "\u2060"
NOT_A_NUMBER = "—"  # how a table shows a NaN
# where GFM's autolinking recognises an address: "://", "www." and the "@" of an e-mail
_AUTOLINK = re.compile(r"(://|(?<!\w)www(?=\.)|@)", re.IGNORECASE)


def _join(match: re.Match[str]) -> str:
    found = match.group(0)
    return f":{WORD_JOINER}//" if found == "://" else f"{found}{WORD_JOINER}"


def escape_markdown(text: str) -> str:
    """``text`` shown literally where Markdown is rendered (a label "$5 to $9" keeps its
    numbers instead of becoming LaTeX; a typed address stays text: an invisible word joiner
    breaks the automatic links Streamlit makes of bare addresses after parsing, which
    backslash escapes do not stop — seen in a real browser in a table cell)."""
    escaped = _MARKDOWN.sub(lambda m: "\\" + (m.group(1) or m.group(2)), text)
    return _AUTOLINK.sub(_join, escaped)


_LATIN = re.compile(r"[A-Za-z]")
_NEUTRAL = re.compile(r"[()\[\]{}<>/\\:;,.!?*#+=\"'-]")


def _cell(text: str, language: str) -> str:
    """A text cell as typed. In Persian, Latin text with brackets or punctuation goes in a
    first-strong isolate (U+2068 ... U+2069): the right-to-left cell would otherwise move
    its neutrals ("[Free prize](http://x)" read "(http://x)[Free prize]" in Chromium)."""
    escaped = escape_markdown(text)
    isolated = text[:1] in ("\u2066", "\u2067", "\u2068")  # ui.i18n.ltr / isolate already
    if language == "fa" and not isolated and _LATIN.search(text) and _NEUTRAL.search(text):
        return f"\u2068{escaped}\u2069"
    return escaped


def formatted(df: pd.DataFrame, digits: int = 4) -> pd.DataFrame:
    """``df`` with floats written to ``digits`` decimals (for display only); a missing or
    undefined number (NaN: a CR of a matrix nobody judged, of a 2 x 2 matrix) as a dash, never
    "nan"."""
    out = df.copy()
    language = lang()
    persian = language == "fa" and bool(st.session_state.get(DIGITS_KEY))
    for column in out.columns:
        if pd.api.types.is_float_dtype(out[column]):
            out[column] = [NOT_A_NUMBER if math.isnan(x) else shown_number(f"{x:.{digits}f}",
                                                                            language)
                           for x in out[column]]
        elif persian and pd.api.types.is_integer_dtype(out[column]):
            out[column] = [shown_number(str(x), language) for x in out[column]]
        else:  # st.table renders Markdown in cells; user text must show as typed
            out[column] = [_cell(x, language) if isinstance(x, str) else x for x in out[column]]
    return out.set_axis([escape_markdown(c) if isinstance(c, str) else c for c in out.columns],
                        axis=1)


def show_table(df: pd.DataFrame, digits: int = 4, *, index: bool = False) -> None:
    """Show a small table with floats rounded for reading."""
    st.table(formatted(df, digits), hide_index=not index)
