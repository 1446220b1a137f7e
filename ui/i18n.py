"""The session's language and what depends on it but not on any one string: the
right-to-left style for Persian, Persian digits, bidirectional isolates, columns in reading
order. The strings themselves are in :mod:`ui.strings`.
"""

from __future__ import annotations

import base64
import functools
import re
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

LANGS: tuple[str, ...] = ("en", "fa")
LANG_NAMES: dict[str, str] = {"en": "English", "fa": "فارسی"}
LANG_KEY = "lang"

def lang() -> str:
    """The session's language code ("en" or "fa")."""
    value = st.session_state.get(LANG_KEY, "en")
    return value if value in LANGS else "en"


DIGITS_KEY = "fa_digits"  # the Persian-digits setting of the sidebar
_NUMBER = re.compile(r"(?<![A-Za-z_\d])\d+(?:\.\d+)?")
_FA_DIGITS = str.maketrans("0123456789.", "۰۱۲۳۴۵۶۷۸۹٫")


def keep_digits_setting() -> None:
    """Keep the sidebar's Persian-digits box in the session (the box exists only in Persian)."""
    st.session_state[DIGITS_KEY] = st.session_state["fa_digits_box"]


_TYPED = re.compile("(\u2068[^\u2069]*\u2069)")  # text as typed (ui.literal.literal, plain)


def persian_digits(text: str) -> str:
    """``text`` with its numbers in Persian digits (and the Persian decimal separator); digits
    that belong to an id such as ``S1`` or ``SO12`` stay as they are, and so do those of text
    a user typed, which :func:`ui.literal.literal` and :func:`ui.literal.plain` put in a
    first-strong isolate (a file ``plan-2024.json``, a scenario ``Plan 2``)."""
    parts = _TYPED.split(text)  # odd items: the isolates
    return "".join(part if k % 2 else _NUMBER.sub(lambda m: m.group().translate(_FA_DIGITS),
                                                  part)
                   for k, part in enumerate(parts))


def persian_digits_on(lang: str) -> bool:
    """Whether numbers are shown in Persian digits (Persian, with the sidebar's setting on)."""
    return lang == "fa" and bool(st.session_state.get(DIGITS_KEY))


DIGITS_FONT = "Vazirmatn FD NL"  # Vazirmatn's digits-only cut: ASCII digits drawn as Persian
_DIGITS_FONT_FILE = Path(__file__).with_name("fonts") / "Vazirmatn-FD-NL-Regular.woff2"


@functools.cache
def _digits_font_css() -> str:
    data = base64.b64encode(_DIGITS_FONT_FILE.read_bytes()).decode("ascii")
    return (f"<style>@font-face {{font-family: '{DIGITS_FONT}'; font-display: block; "
            f"src: url(data:font/woff2;base64,{data}) format('woff2');}}</style>")


def shown_number(text: str, lang: str) -> str:
    """``text`` as shown in ``lang``: Persian digits in Persian when the setting is on (never
    used for files meant for machines)."""
    return persian_digits(text) if lang == "fa" and st.session_state.get(DIGITS_KEY) else text


# Right-to-left for text only: markdown, headings, captions, alerts, widget labels, HTML
# tables, expander and tab titles. Sliders, selects and charts keep their own direction,
# since a blanket ``direction: rtl`` breaks Streamlit's sliders.
RTL_CSS = """
<style>
[data-testid="stMarkdownContainer"], [data-testid="stCaptionContainer"],
[data-testid="stHeading"], [data-testid="stAlertContainer"], [data-testid="stWidgetLabel"],
[data-testid="stTable"], [data-testid="stExpander"] summary, [data-testid="stTab"],
[data-testid="stSidebarNavLink"] {
  direction: rtl;
  text-align: right;
}
[data-testid="stTable"] th, [data-testid="stTable"] td { text-align: right !important; }
[data-testid="stTabs"] [role="tablist"] { direction: rtl; }
[data-testid="stFileUploaderDropzone"] { direction: rtl; }
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] p,
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0; }
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] p::after {
  content: "انتخاب پرونده"; font-size: 0.875rem;
}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {
  content: "یک پرونده تا ۲۰۰ مگابایت"; font-size: 0.875rem;
}
</style>
"""
# The uploader's own button and limit ("Upload", "200MB per file • JSON") cannot be passed in
# another language: in Persian the CSS above hides them behind Persian text.


def ltr(text: str) -> str:
    """``text`` in a left-to-right isolate: a file name, path or timestamp keeps its order
    inside Persian text (``/tmp/x.db`` would otherwise read ``tmp/x.db/``)."""
    return f"\u2066{text}\u2069"


def isolate(text: str, lang: str) -> str:
    """``text`` in a right-to-left isolate in Persian, so that widgets and charts that lay
    text out left to right (select boxes, plotly) keep Persian sentences with Latin ids in
    reading order."""
    return f"\u2067{text}\u2069" if lang == "fa" else text


def columns(spec: int | list[float], lang: str, **kwargs: Any) -> list[DeltaGenerator]:
    """``st.columns`` in reading order: the first column is on the right in Persian."""
    if lang != "fa":
        return st.columns(spec, **kwargs)
    return st.columns(spec if isinstance(spec, int) else spec[::-1], **kwargs)[::-1]


def inject_rtl() -> None:
    """Add the right-to-left text style to the page when the language is Persian."""
    if lang() == "fa":
        st.html(RTL_CSS)
    if persian_digits_on(lang()):  # the charts draw their numbers with it (ui.charts)
        st.html(_digits_font_css())


SHOWN_LANG_KEY = "lang_shown"  # the language the browser was last sent


def mark_language_shown() -> None:
    """Record that this run's widgets went out in the session's language (end of a run)."""
    st.session_state[SHOWN_LANG_KEY] = lang()


def resend(key: str, default: object) -> None:
    """Right after a language switch, set the widget ``key`` to its own value (``default``
    when it has none) before it is drawn, so that Streamlit sends the value to the browser
    again: a keyed select box otherwise keeps showing the text of its old language
    (Streamlit 1.67). Only then, so that choices pending in an unsubmitted form survive other
    reruns."""
    switched = st.session_state.get(SHOWN_LANG_KEY, lang()) != lang()
    if switched or key not in st.session_state:
        st.session_state[key] = st.session_state.get(key, default)
