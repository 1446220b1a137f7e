"""The grid editor of large pairwise matrices (issue 18): one data-editor widget instead of
n (n - 1) / 2 select boxes, edits applied to the model with their reciprocals."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # the ui package lives beside app.py

from swot.model import (  # noqa: E402
    GROUPS,
    Factor,
    Strategy,
    StrategyJudgment,
    SwotModel,
)
from ui import grid_editor  # noqa: E402
from ui.pairwise import GRID_ABOVE, token_of  # noqa: E402
from ui.state import ModelSlot  # noqa: E402


def _model(strategies: int) -> SwotModel:
    """Two factors per group, ``strategies`` strategies, consistent judgments."""
    w = np.arange(1.0, strategies + 1)
    fac = {g: [Factor(f"{g}{i}", g, f"{g}{i}", "") for i in (1, 2)] for g in GROUPS}
    return SwotModel(
        title={"en": "big", "fa": ""}, goal={"en": "goal", "fa": ""}, factors=fac,
        strategies=[Strategy(f"A{k + 1}", f"A{k + 1}", "", "SO") for k in range(strategies)],
        group_judgments=np.ones((4, 4)),
        factor_judgments={g: np.ones((2, 2)) for g in GROUPS},
        strategy_judgments={f.id: StrategyJudgment("pairwise", w[:, None] / w[None, :])
                            for g in GROUPS for f in fac[g]})


def _weights_page(model: SwotModel, path: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["model"] = model
    at.run()
    at.switch_page("app_pages/weights.py").run()
    at.selectbox(key="pw_matrix").set_value(path).run()
    assert not at.exception, at.exception
    return at


def _editors(at: AppTest) -> list:
    """The editable data frames (st.data_editor) on the page; read through ``at.dataframe``,
    which every supported Streamlit's AppTest has (``at.data_editor`` is newer than 1.63)."""
    return [d for d in at.dataframe if d.proto.editing_mode]


def test_large_matrix_is_one_grid_small_one_keeps_select_boxes() -> None:
    big = GRID_ABOVE + 8
    at = _weights_page(_model(big), "judgments.strategies.S1")
    assert len(_editors(at)) == 1
    grid = _editors(at)[0].value
    assert grid.shape == (big, big) and list(grid.columns[:2]) == ["A1", "A2"]
    assert grid.loc["A4", "A2"] == "2" and grid.loc["A2", "A4"] == "1/2"
    assert not [s for s in at.selectbox if s.key and s.key.startswith("pw:judgments.strat")]
    small = _weights_page(_model(GRID_ABOVE), "judgments.strategies.S1")
    assert len(_editors(small)) == 0
    pairs = [s for s in small.selectbox if s.key and s.key.startswith("pw:judgments.strat")]
    assert len(pairs) == GRID_ABOVE * (GRID_ABOVE - 1) // 2


def test_grid_tokens_match_the_select_box_tokens() -> None:
    m = _model(14).matrix_at("judgments.strategies.S1")
    m[0, 5], m[5, 0] = 2.5, 0.4  # off the scale
    m[1, 2] = m[2, 1] = np.nan  # blank
    tokens = grid_editor.grid_tokens(m)
    assert tokens == [[token_of(float(v)) for v in row] for row in m]
    assert tokens[0][5] == "v:2.5" and tokens[1][2] == "blank" and tokens[3][3] == "1"


def test_edits_apply_with_reciprocals_and_the_diagonal_is_refused(monkeypatch) -> None:
    model = _model(14)
    path = "judgments.strategies.S1"
    box = {"model": model}
    slot = ModelSlot(lambda: box["model"], lambda m: box.__setitem__("model", m))
    state: dict[str, object] = {}
    monkeypatch.setattr(grid_editor.st, "session_state", state)
    names = [f"A{k + 1}" for k in range(14)]
    state["g"] = {"edited_rows": {0: {"A2": "5"}, 3: {"A1": "blank", "A4": "3"}, 7: {"A3": "1/9"}},
                  "added_rows": [], "deleted_rows": []}
    grid_editor._apply(slot, path, "g", "v", names, "en")
    a = box["model"].matrix_at(path)
    assert a[0, 1] == 5 and a[1, 0] == pytest.approx(1 / 5)
    assert np.isnan(a[3, 0]) and np.isnan(a[0, 3])
    assert a[7, 2] == pytest.approx(1 / 9) and a[2, 7] == pytest.approx(9)
    assert a[3, 3] == 1  # the diagonal edit was not applied...
    assert state["v"] == 1 and state["v:diagonal"] is True  # ...and is reported; grid restarts
    untouched = model.matrix_at(path)
    assert a[5, 6] == untouched[5, 6]
