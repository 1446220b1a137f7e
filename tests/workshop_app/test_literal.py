"""Typed text shown literally: Markdown, HTML, bare links, bidi overrides, long texts."""

from __future__ import annotations

from ui.literal import FSI, PDI, literal, plain
from ui.literal import WORD_JOINER as WJ


def test_markdown_links_and_html_are_escaped() -> None:
    # Streamlit links bare addresses after parsing (escapes do not stop it): a word joiner does
    out = literal("[Free prize](http://evil.example)")
    assert out == f"{FSI}\\[Free prize\\](http:{WJ}//evil.example){PDI}"
    assert literal("<b>x</b>") == f"{FSI}\\<b\\>x\\</b\\>{PDI}"
    assert literal("www.evil.example a@b.c") == f"{FSI}www{WJ}.evil.example a@{WJ}b.c{PDI}"
    assert literal("awww.x") == f"{FSI}awww.x{PDI}"  # not an address
    assert literal("# head") == f"{FSI}\\# head{PDI}"


def test_bidi_overrides_stay_inside_an_isolate() -> None:
    out = literal("\u202eevil")
    assert out.startswith(FSI) and out.endswith(PDI) and "\u202e" in out
    assert plain("\u202eevil") == f"{FSI}\u202eevil{PDI}"


def test_long_text_is_cut_and_says_so() -> None:
    out = literal("a" * 10_000, limit=300)
    assert out == f"{FSI}{'a' * 300}… (+9700){PDI}"
    assert literal("x\ny\x00") == f"{FSI}x y\ufffd{PDI}"  # one line, no control characters
