"""Text people typed, shown exactly as typed wherever Streamlit renders Markdown.

:func:`literal` escapes Markdown (:func:`ui.tables.escape_markdown`), breaks the automatic
links GitHub-flavoured Markdown makes of bare addresses (``http://``, ``www.``, ``a@b.c``) with
an invisible word joiner (U+2060; Streamlit links them after parsing, so backslash escapes do
not stop it: seen in a real browser), and puts the text in a bidirectional isolate (U+2068 ...
U+2069) so that override characters in it (U+202E and the like) cannot reorder anything
outside it. Long texts are cut to ``limit`` characters with an ellipsis, and the cut is said.
"""

from __future__ import annotations

import re

from ui.tables import WORD_JOINER, escape_markdown

__all__ = ["FSI", "PDI", "WORD_JOINER", "literal", "plain"]

FSI, PDI = "\u2068", "\u2069"
_CONTROL = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f]")


def literal(text: str, limit: int = 300) -> str:
    """``text`` for a Markdown string: no emphasis, links, HTML or headings, no bidi leaks."""
    text = _CONTROL.sub("\ufffd", str(text))
    if len(text) > limit:
        text = text[:limit] + f"… (+{len(text) - limit})"
    escaped = escape_markdown(text).replace("\n", " ")  # also breaks autolinks
    return f"{FSI}{escaped}{PDI}"


def plain(text: str, limit: int = 300) -> str:
    """``text`` for places shown as plain text (select box options, table cells, chart
    labels): only the bidi isolate and the length cut."""
    text = _CONTROL.sub("\ufffd", str(text))
    if len(text) > limit:
        text = text[:limit] + f"… (+{len(text) - limit})"
    return f"{FSI}{text}{PDI}"
