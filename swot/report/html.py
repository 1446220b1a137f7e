"""Render a :class:`~swot.report.content.Report` as one self-contained HTML file.

Every string is escaped (names, labels and notes are shown literally); the Vazirmatn font is
embedded (WOFF2, base64) so the page looks the same on a machine without a Persian font; charts
are inline SVG drawn here, mirrored for a right-to-left report; no script, no external request.
"""

from __future__ import annotations

import base64
from html import escape
from importlib import resources

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

__all__ = ["render_html"]

_CSS = """
body{font-family:Vazirmatn,sans-serif;font-size:14px;line-height:1.6;color:#111;
max-width:900px;margin:2em auto;padding:0 1.5em}
h1{font-size:1.9em;margin:.2em 0}h2{font-size:1.35em;margin:1.6em 0 .4em;
border-bottom:1px solid #ccd}h3{font-size:1.1em;margin:1.1em 0 .3em}
p.small{font-size:.88em;color:#333}p.notice{font-weight:bold;background:#fff3cd;
border:1px solid #dca000;padding:.5em .8em}p{white-space:pre-line}
pre{direction:ltr;text-align:left;background:#f0f0f0;padding:.5em;white-space:pre-wrap;
word-break:break-all;font-family:Vazirmatn,monospace;font-size:.85em}
table{border-collapse:collapse;width:100%;font-size:.85em;margin:.4em 0 1em}
th{background:#e6e9ed;text-align:start}th,td{padding:.25em .5em;border-bottom:1px solid #dde}
tr:nth-child(even) td{background:#f6f7f9}td.num{text-align:end;white-space:nowrap}
td{white-space:pre-line}.quad{display:grid;grid-template-columns:1fr 1fr;gap:0 1.2em}
.quad h3{color:#fff;padding:.15em .5em;margin:.6em 0 0;font-size:1em}
figure{margin:.6em 0 1.2em}figcaption{font-weight:bold;font-size:.92em}
svg text{font-family:Vazirmatn,sans-serif}
"""


def _font_face(weight: int, name: str) -> str:
    data = (resources.files("swot.report") / "fonts" / name).read_bytes()
    encoded = base64.b64encode(data).decode("ascii")
    return (f"@font-face{{font-family:Vazirmatn;font-weight:{weight};"
            f"src:url(data:font/woff2;base64,{encoded}) format('woff2')}}")


def _heading(block: Heading) -> str:
    tag = {0: "h1", 1: "h2", 2: "h3"}[block.level]
    return f"<{tag}>{escape(block.text)}</{tag}>"


def _paragraph(block: Paragraph) -> str:
    if block.style == "code":
        return f"<pre>{escape(block.text)}</pre>"
    css = "" if block.style == "body" else f' class="{block.style}"'
    if block.direction is not None:
        css += f' dir="{block.direction}"'
    return f"<p{css}>{escape(block.text)}</p>"


def _table(block: Table) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in block.header)
    rows = []
    for row in block.rows:
        cells = "".join(f'<td class="num">{escape(v)}</td>' if num else f"<td>{escape(v)}</td>"
                        for v, num in zip(row, block.numeric, strict=True))
        rows.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _quadrants(block: Quadrants) -> str:
    cells = [f'<section><h3 style="background:{colour}">{escape(title)}</h3>{_table(table)}'
             "</section>" for title, table, colour in zip(block.titles, block.tables,
                                                          block.colours, strict=True)]
    return f'<div class="quad">{"".join(cells)}</div>'


def _fit(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _bar_chart(block: BarChart, rtl: bool) -> str:
    width, label_w, value_w, bar_h, gap = 860, 390, 50, 16, 6
    bar_w = width - label_w - value_w - 10
    height = len(block.labels) * (bar_h + gap)
    parts = []
    for k, (label, value, text, colour) in enumerate(zip(
            block.labels, block.values, block.texts, block.colours, strict=True)):
        y = k * (bar_h + gap)
        length = max(0.0, min(1.0, value)) * bar_w
        base = y + bar_h - 4
        if rtl:
            x0 = width - label_w - 6
            parts.append(f'<text x="{width}" y="{base}" text-anchor="start" direction="rtl" '
                         f'font-size="12">{escape(_fit(label))}</text>')
            parts.append(f'<rect x="{x0 - length:.1f}" y="{y + 2}" width="{length:.1f}" '
                         f'height="{bar_h - 4}" fill="{colour}"/>')
            parts.append(f'<text x="{x0 - length - 4:.1f}" y="{base}" text-anchor="end" '
                         f'direction="ltr" font-size="11">{escape(text)}</text>')
        else:
            x0 = label_w + 6
            parts.append(f'<text x="0" y="{base}" font-size="12">{escape(_fit(label))}</text>')
            parts.append(f'<rect x="{x0}" y="{y + 2}" width="{length:.1f}" '
                         f'height="{bar_h - 4}" fill="{colour}"/>')
            parts.append(f'<text x="{x0 + length + 4:.1f}" y="{base}" font-size="11">'
                         f'{escape(text)}</text>')
    return (f"<figure><figcaption>{escape(block.title)}</figcaption>"
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'width="100%" role="img" aria-label="{escape(block.title)}">'
            f"{''.join(parts)}</svg></figure>")


def _heat_map(block: HeatMap, rtl: bool) -> str:
    width, label_w, cell_h = 860, 300, 22
    cell_w = (width - label_w) / max(1, len(block.columns))
    height = (len(block.rows) + 1) * cell_h

    def x_of(k: int) -> float:
        return width - label_w - (k + 1) * cell_w if rtl else label_w + k * cell_w

    parts = [f'<text x="{x_of(k) + cell_w / 2:.1f}" y="{cell_h - 7}" text-anchor="middle" '
             f'font-size="11">{escape(name)}</text>' for k, name in enumerate(block.columns)]
    for r, (label, values, texts) in enumerate(zip(block.rows, block.values, block.texts,
                                                  strict=True)):
        y = (r + 1) * cell_h
        anchor = f'x="{width}" text-anchor="start" direction="rtl"' if rtl else 'x="0"'
        parts.append(f'<text {anchor} y="{y + cell_h - 7}" font-size="12">'
                     f"{escape(_fit(label, 44))}</text>")
        for k, (value, text) in enumerate(zip(values, texts, strict=True)):
            shade = max(0.0, min(1.0, value))
            fill = (f"#{int(255 - 200 * shade):02x}{int(255 - 130 * shade):02x}"
                    f"{int(255 - 40 * shade):02x}")
            ink = "#fff" if shade > 0.55 else "#000"
            x = x_of(k)
            parts.append(f'<rect x="{x:.1f}" y="{y}" width="{cell_w:.1f}" height="{cell_h}" '
                         f'fill="{fill}"/><text x="{x + cell_w / 2:.1f}" y="{y + cell_h - 7}" '
                         f'text-anchor="middle" font-size="11" fill="{ink}">{escape(text)}'
                         f"</text>")
    return (f"<figure><figcaption>{escape(block.title)}</figcaption>"
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'width="100%" role="img" aria-label="{escape(block.title)}">'
            f"{''.join(parts)}</svg></figure>")


def render_html(report: Report) -> bytes:
    """The report as one UTF-8 HTML document (the same report gives the same bytes)."""
    rtl = report.rtl
    body = []
    block: Block
    for block in report.blocks:
        if isinstance(block, Heading):
            body.append(_heading(block))
        elif isinstance(block, Paragraph):
            body.append(_paragraph(block))
        elif isinstance(block, Table):
            body.append(_table(block))
        elif isinstance(block, BarChart):
            body.append(_bar_chart(block, rtl))
        elif isinstance(block, Quadrants):
            body.append(_quadrants(block))
        else:
            body.append(_heat_map(block, rtl))
    fonts = _font_face(400, "Vazirmatn-Regular.woff2") + _font_face(700, "Vazirmatn-Bold.woff2")
    page = (f'<!DOCTYPE html>\n<html lang="{report.lang}" dir="{"rtl" if rtl else "ltr"}">'
            f'<head><meta charset="utf-8"><meta name="viewport" '
            f'content="width=device-width, initial-scale=1"><title>{escape(report.title)}'
            f"</title><style>{fonts}{_CSS}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")
    return page.encode("utf-8")
