"""Render a :class:`~swot.report.content.Report` as PDF with fpdf2.

Text is shaped by HarfBuzz (fpdf2's text shaping through ``uharfbuzz``) in the Vazirmatn font
shipped in ``swot/report/fonts`` (SIL Open Font License), which covers Persian and Latin; fpdf2
applies the Unicode bidirectional algorithm, so a Latin id inside Persian text keeps its place.
In a Persian report paragraphs are right-aligned and right-to-left, table columns run from the
right and charts are mirrored. Charts are drawn as PDF vector graphics (no browser, no image
library). The creation date is the report's date and the file id a hash of the content, so the
same report gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from importlib import resources

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from swot.report.blocks import (
    BarChart,
    Block,
    Heading,
    HeatMap,
    Paragraph,
    Quadrants,
    Report,
    Table,
)

__all__ = ["render_pdf"]

FONT = "vazirmatn"
BODY_PT = 9.5
LINE = 5.2  # mm per body line


def _font_path(name: str) -> str:
    return str(resources.files("swot.report") / "fonts" / name)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


class _Pdf(FPDF):
    """A4 portrait with a page number in the footer."""

    def __init__(self, report: Report):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.report = report
        self.rtl = report.rtl
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=16)
        self.add_font(FONT, "", _font_path("Vazirmatn-Regular.ttf"))
        self.add_font(FONT, "B", _font_path("Vazirmatn-Bold.ttf"))
        self._direction(self.rtl)
        self.align = "R" if self.rtl else "L"

    def footer(self) -> None:
        # a page may break inside a paragraph set in the other direction
        saved = self.text_shaping
        self._direction(self.rtl)
        self.set_y(-11)
        self.set_font(FONT, "", 8)
        self.set_text_color(110)
        number = str(self.page_no())
        if self.rtl:
            number = number.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
        self.cell(0, 5, f"{self.report.title} — {number}", align="C")
        self.set_text_color(0)
        self.text_shaping = saved

    # ------------------------------------------------------------------ blocks

    def heading(self, block: Heading) -> None:
        size = {0: 18, 1: 13.5, 2: 11}[block.level]
        # keep a heading with what follows it: not in the last lines of a page
        if self.get_y() > self.h - {0: 60, 1: 60, 2: 50}[block.level]:
            self.add_page()
        self.ln(2 if block.level == 2 else 4)
        self.set_font(FONT, "B", size)
        self.multi_cell(0, size * 0.5, block.text, align=self.align,
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1.5)

    def _direction(self, rtl: bool) -> None:
        if rtl:
            self.set_text_shaping(True, direction="rtl", script="arab", language="fa")
        else:
            self.set_text_shaping(True, direction="ltr")

    def paragraph(self, block: Paragraph) -> None:
        if block.direction is not None and (block.direction == "rtl") != self.rtl:
            self._direction(block.direction == "rtl")
            align, self.align = self.align, "R" if block.direction == "rtl" else "L"
            try:
                self._paragraph(block)
            finally:
                self._direction(self.rtl)
                self.align = align
        else:
            self._paragraph(block)

    def _paragraph(self, block: Paragraph) -> None:
        style = block.style
        size = {"body": BODY_PT, "notice": BODY_PT + 0.5, "small": 8.5, "code": 8}[style]
        self.set_font(FONT, "B" if style == "notice" else "", size)
        if style == "notice":
            self.set_fill_color(255, 243, 205)
            self.set_draw_color(220, 160, 0)
            self.multi_cell(0, LINE, block.text, border=1, fill=True, align=self.align,
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT, padding=2)
            self.set_draw_color(0)
        elif style == "code":
            # commands and hashes read left to right in either language
            self._direction(False)
            self.set_fill_color(240, 240, 240)
            self.multi_cell(0, LINE - 0.6, block.text, fill=True, align="L",
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT,
                            padding=1.5)  # type: ignore[arg-type]  # fpdf2 takes floats
            self._direction(self.rtl)
        else:
            self.multi_cell(0, LINE if style == "body" else LINE - 0.8, block.text,
                            align=self.align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1.5)

    def data_table(self, block: Table, width: float | None = None, align: str = "CENTER"
                   ) -> None:
        self.set_font(FONT, "", 8)
        self.set_fill_color(246, 247, 249)
        order = list(range(len(block.header)))
        if self.rtl:
            order.reverse()
        aligns = ["R" if (num or self.rtl) else "L" for num in block.numeric]
        with super().table(
            col_widths=[block.widths[k] for k in order], width=width or self.epw, align=align,
            text_align=tuple(aligns[k] for k in order), line_height=4.2,
            headings_style=FontFace(emphasis="BOLD", fill_color=(230, 233, 237)),
            borders_layout="HORIZONTAL_LINES", padding=(0.8, 1.2),
            cell_fill_mode="ROWS",
        ) as table:
            for row in [block.header, *block.rows]:
                cells = table.row()
                for k in order:
                    cells.cell(row[k])
        self.ln(3)

    def quadrants(self, block: Quadrants) -> None:
        """S and W side by side, then O and T (S on the reading side); a quadrant that breaks
        the page sends its neighbour below it instead of beside it."""
        gap = 5.0
        half = (self.epw - gap) / 2
        sides = ("RIGHT", "LEFT") if self.rtl else ("LEFT", "RIGHT")
        for pair in ((0, 1), (2, 3)):
            if self.get_y() > self.h - self.b_margin - 80:
                self.add_page()
            y0, page0, ends = self.get_y(), self.page, []
            for k, side in zip(pair, sides, strict=True):
                if self.page == page0:
                    self.set_y(y0)
                x = self.l_margin if side == "LEFT" else self.l_margin + half + gap
                self.set_xy(x, self.get_y())
                self.set_font(FONT, "B", 9.5)
                self.set_fill_color(*_rgb(block.colours[k]))
                self.set_text_color(255)
                self.cell(half, 6, block.titles[k], fill=True, align=self.align,
                          new_x=XPos.LEFT, new_y=YPos.NEXT)
                self.set_text_color(0)
                self.data_table(block.tables[k], width=half, align=side)
                ends.append((self.page, self.get_y()))
            self.set_y(max(ends)[1])

    def _keep_together(self, height: float) -> None:
        """Start a new page when ``height`` mm do not fit below but do fit on a fresh page."""
        below = self.h - self.b_margin - self.get_y()
        if height > below and height <= self.h - self.b_margin - self.t_margin:
            self.add_page()

    def _room(self, y: float, height: float) -> float:
        """``y``, or the top of a new page when ``height`` mm do not fit below ``y`` (a chart
        taller than a page continues on the next)."""
        if y + height > self.h - self.b_margin:
            self.add_page()
            return self.get_y()
        return y

    def _fit(self, text: str, width: float) -> str:
        """``text`` cut with an ellipsis to fit ``width`` mm at the current font."""
        if self.get_string_width(text) <= width:
            return text
        while text and self.get_string_width(text + "…") > width:
            text = text[:-1]
        return text.rstrip() + "…"

    def bar_chart(self, block: BarChart) -> None:
        bar_h, gap = 4.4, 1.4
        height = 8 + len(block.labels) * (bar_h + gap)
        self._keep_together(height)
        self.set_font(FONT, "B", 9)
        self.multi_cell(0, 5, block.title, align=self.align, new_x=XPos.LMARGIN,
                        new_y=YPos.NEXT)
        self.set_font(FONT, "", 7.5)
        label_w, value_w = self.epw * 0.45, 12
        bar_w = self.epw - label_w - value_w - 4
        y = self.get_y() + 1
        left, right = self.l_margin, self.w - self.r_margin
        for label, value, text, colour in zip(block.labels, block.values, block.texts,
                                              block.colours, strict=True):
            y = self._room(y, bar_h)
            length = max(0.0, min(1.0, value)) * bar_w
            self.set_fill_color(*_rgb(colour))
            if self.rtl:
                self.set_xy(right - label_w, y)
                self.cell(label_w, bar_h, self._fit(label, label_w - 1), align="R")
                x0 = right - label_w - 2
                self.rect(x0 - length, y + 0.4, length, bar_h - 0.8, style="F")
                self.set_xy(x0 - length - value_w - 1, y)
                self.cell(value_w, bar_h, text, align="R")
            else:
                self.set_xy(left, y)
                self.cell(label_w, bar_h, self._fit(label, label_w - 1), align="L")
                x0 = left + label_w + 2
                self.rect(x0, y + 0.4, length, bar_h - 0.8, style="F")
                self.set_xy(x0 + length + 1, y)
                self.cell(value_w, bar_h, text, align="L")
            y += bar_h + gap
        self.set_xy(left, y + 2)

    def heat_map(self, block: HeatMap) -> None:
        cell_h = 5.2
        height = 14 + (len(block.rows) + 1) * cell_h
        self._keep_together(height)
        self.set_font(FONT, "B", 9)
        self.multi_cell(0, 5, block.title, align=self.align, new_x=XPos.LMARGIN,
                        new_y=YPos.NEXT)
        label_w = self.epw * 0.34
        cell_w = (self.epw - label_w) / max(1, len(block.columns))
        left, right = self.l_margin, self.w - self.r_margin
        y = self.get_y() + 1

        def column_x(k: int) -> float:
            return (right - label_w - (k + 1) * cell_w) if self.rtl else (left + label_w
                                                                          + k * cell_w)

        self.set_font(FONT, "", 7)
        for k, name in enumerate(block.columns):
            self.set_xy(column_x(k), y)
            self.cell(cell_w, cell_h, name, align="C")
        y += cell_h
        for label, values, texts in zip(block.rows, block.values, block.texts, strict=True):
            y = self._room(y, cell_h)
            self.set_xy(right - label_w if self.rtl else left, y)
            self.cell(label_w, cell_h, self._fit(label, label_w - 2), align=self.align)
            for k, (value, text) in enumerate(zip(values, texts, strict=True)):
                shade = max(0.0, min(1.0, value))
                colour = (int(255 - 200 * shade), int(255 - 130 * shade), int(255 - 40 * shade))
                self.set_fill_color(*colour)
                self.set_text_color(255 if shade > 0.55 else 0)
                self.set_xy(column_x(k), y)
                self.cell(cell_w, cell_h, text, align="C", fill=True, border=0)
            self.set_text_color(0)
            y += cell_h
        self.set_xy(left, y + 3)


def _rtl_clusters_in_visual_order(pdf: FPDF) -> None:
    """Write the text of each glyph that stands for several right-to-left characters (the
    lam-alef ligature, a letter with its hamza mark) in visual order in the ToUnicode map.

    Text extractors (poppler's pdftotext, MuPDF, pdfminer) turn a right-to-left line back into
    logical order by reversing its glyphs, but keep each glyph's own text as it is: with the
    logical order there, "لا" came back as "ال" and "هٔ" as "ٔه". Mutating ``unicode`` is safe:
    a glyph's hash is its id only.
    """
    for font in pdf.fonts.values():
        subset = getattr(font, "subset", None)
        if subset is None:
            continue
        for glyph, _ in subset.items():
            codes = getattr(glyph, "unicode", None)
            if (isinstance(codes, tuple) and len(codes) > 1
                    and all(unicodedata.bidirectional(chr(c)) in ("AL", "R", "NSM")
                            for c in codes)):
                glyph.unicode = codes[::-1]


def render_pdf(report: Report) -> bytes:
    """The report as PDF bytes (the same report gives the same bytes)."""
    pdf = _Pdf(report)
    pdf.set_title(report.title)
    pdf.set_lang(report.lang)
    pdf.set_creator("swot-anp")
    pdf.set_creation_date(dt.datetime.combine(report.day, dt.time(12), tzinfo=dt.UTC))
    pdf.add_page()
    draw = {Heading: pdf.heading, Paragraph: pdf.paragraph, Table: pdf.data_table,
            BarChart: pdf.bar_chart, HeatMap: pdf.heat_map, Quadrants: pdf.quadrants}
    block: Block
    for block in report.blocks:
        draw[type(block)](block)  # type: ignore[operator]
    _rtl_clusters_in_visual_order(pdf)
    return bytes(pdf.output())
