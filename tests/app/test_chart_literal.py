"""Text a user typed is drawn literally in charts: plotly reads <b>, <i>, <br> and
<a href=...> in trace texts, names and axis labels as markup (in Chromium a strategy labelled
"<a href='http://evil.example'>prize</a>" was a link in the Results chart, "<b>" bold)."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from swot.analysis import evaluate
from swot.io import load_model
from ui.charts import factor_weights_chart, literal_figure, ranking_chart
from ui.comparison import comparison_chart

ROOT = Path(__file__).resolve().parents[2]
EVIL = "<a href='http://evil.example'>p</a><b>b</b>&"  # short enough not to be cut


def _strategies() -> pd.DataFrame:
    table = evaluate(load_model(ROOT / "data" / "tehran_city_diplomacy.json")).strategies.copy()
    table.loc[0, "label_en"] = EVIL
    return table


def test_typed_labels_are_escaped_in_the_figure_only() -> None:
    fig = ranking_chart(_strategies(), "en")
    assert any(EVIL in str(v) for v in fig.data[0].y)  # the builder keeps the text as typed
    shown = literal_figure(fig)
    labels = [str(v) for v in shown.data[0].y]
    assert not any("<" in v or "'>" in v for v in labels), labels
    # plotly decodes &lt; &gt; &amp;: the label reads as typed
    assert any("&lt;a href='http://evil.example'&gt;p&lt;/a&gt;&lt;b&gt;b&lt;/b&gt;&amp;" in v
               for v in labels), labels
    assert any(EVIL in str(v) for v in fig.data[0].y)  # the figure given is not changed


def test_labels_in_numpy_string_arrays_are_escaped() -> None:
    """The factor weights chart's labels come as a numpy array of fixed-width strings (not
    objects): in Chromium its typed labels were still links."""
    fig = literal_figure(go.Figure(go.Bar(x=[1.0], y=np.array([EVIL]))))
    assert "<" not in str(list(fig.data[0].y)), fig.data[0].y
    factors = evaluate(load_model(ROOT / "data" / "tehran_city_diplomacy.json")).factors.copy()
    factors.loc[0, "label_en"] = EVIL
    shown = literal_figure(factor_weights_chart(factors, "en"))
    texts = [str(v) for trace in shown.data for v in (trace.y if trace.y is not None else ())]
    assert any("evil.example" in v for v in texts) and not any("<" in v for v in texts), texts
    # the category order names the same (escaped) labels: plotly drew the unescaped ones of
    # the order as extra categories, links again
    order = [str(v) for v in shown.layout.yaxis.categoryarray]
    assert set(order) == set(texts), (order, texts)


def test_a_scenario_name_is_not_part_of_a_hover_template() -> None:
    """The comparison chart wrote the scenario name into its hover template, where it was
    markup (and %{...} a placeholder): the name comes from the trace, escaped with it."""
    table = pd.DataFrame({"id": ["A"], "label_en": ["a"], "label_fa": ["a"],
                          "rank: <b>x</b>": [1.0], "priority: <b>x</b>": [0.6]})
    fig = literal_figure(comparison_chart(table, ["<b>x</b>"], "en", title="t"))
    assert fig.data[0].name == "&lt;b&gt;x&lt;/b&gt;"
    assert "<b>" not in fig.data[0].hovertemplate
    assert "%{fullData.name}" in fig.data[0].hovertemplate


def test_every_chart_of_the_app_is_drawn_through_show_figure() -> None:
    sources = [*ROOT.glob("ui/*.py"), *ROOT.glob("app_pages/*.py")]
    calls = {str(p.relative_to(ROOT)) for p in sources
             if re.search(r"\bplotly_chart\(", p.read_text(encoding="utf-8"))}
    assert calls == {"ui/charts.py"}  # show_figure's own call
