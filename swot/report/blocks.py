"""The report's building blocks: a :class:`Report` is a list of these, every string final.

Both renderers (:mod:`swot.report.pdf`, :mod:`swot.report.html`) lay out exactly these blocks,
so the PDF and the HTML carry the same content.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from dataclasses import dataclass, field
from importlib import resources

__all__ = [
    "BarChart",
    "Block",
    "Heading",
    "HeatMap",
    "Paragraph",
    "Quadrants",
    "Report",
    "Table",
    "missing_glyphs",
    "text_direction",
]


@dataclass(frozen=True)
class Heading:
    """A section (level 1) or subsection (level 2) title."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    """Running text; ``style`` is "body", "notice" (boxed warning), "small" or "code";
    ``direction`` "ltr" or "rtl" overrides the report's (e.g. an English reference in a
    Persian report), None keeps it."""

    text: str
    style: str = "body"
    direction: str | None = None


def text_direction(text: str) -> str:
    """"rtl" when the first letter of ``text`` is Arabic-script (Persian), else "ltr"."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


@dataclass(frozen=True)
class Table:
    """A table of final strings; ``numeric`` marks columns aligned as numbers, ``widths``
    are relative column widths."""

    header: list[str]
    rows: list[list[str]]
    numeric: list[bool]
    widths: list[float]


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars: one per label, value in [0, max], its text shown beside the bar."""

    title: str
    labels: list[str]
    values: list[float]
    texts: list[str]
    colours: list[str]


@dataclass(frozen=True)
class HeatMap:
    """A matrix of shares in [0, 1] with row and column labels and cell texts."""

    title: str
    rows: list[str]
    columns: list[str]
    values: list[list[float]]
    texts: list[list[str]]


@dataclass(frozen=True)
class Quadrants:
    """The SWOT matrix: four titled tables, S and W side by side above O and T (mirrored in
    a right-to-left report)."""

    titles: list[str]
    tables: list[Table]
    colours: list[str]


Block = Heading | Paragraph | Table | BarChart | HeatMap | Quadrants


@dataclass(frozen=True)
class Report:
    """The report's blocks in reading order, in one language."""

    lang: str
    title: str
    day: dt.date
    blocks: list[Block] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # why the model cannot be ranked

    @property
    def rtl(self) -> bool:
        """Right-to-left (Persian)."""
        return self.lang == "fa"


_IGNORED = {"\n", "\u200c", "\u200d", "\u2066", "\u2069"}


def _strings(block: Block) -> list[str]:
    if isinstance(block, Heading | Paragraph):
        return [block.text]
    if isinstance(block, Table):
        return [*block.header, *(c for row in block.rows for c in row)]
    if isinstance(block, Quadrants):
        return [*block.titles, *(s for t in block.tables for s in _strings(t))]
    if isinstance(block, BarChart):
        return [block.title, *block.labels, *block.texts]
    return [block.title, *block.rows, *block.columns, *(t for row in block.texts for t in row)]


def missing_glyphs(blocks: list[Block]) -> set[str]:
    """Characters of the report's text that the report font (Vazirmatn) has no glyph for."""
    cmap = _font_cmap()
    return {ch for block in blocks for text in _strings(block) for ch in text
            if ord(ch) not in cmap and ch not in _IGNORED}


@functools.cache
def _font_cmap() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with (resources.files("swot.report") / "fonts" / "Vazirmatn-Regular.ttf").open("rb") as f:
        return frozenset(TTFont(f).getBestCmap())


