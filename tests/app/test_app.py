"""AppTest tests of the Streamlit app (``streamlit.testing.v1``).

Widget keys used (documented in the page modules):

- sidebar: ``lang`` ("en" / "fa");
- Weights & judgments: ``weighting`` ("direct" / "pairwise"), ``w_group_<G>`` and
  ``w_factor_<id>`` (direct weights, slider 0..100), ``pw_matrix`` (matrix path),
  ``pw:<path>:<i>:<j>`` (pair token "9".."1".."1/9" or "blank"),
  ``pw:<path>:fix:<i>:<j>`` (apply a suggested value);
- Export / import: ``csv_lang``, ``dl_ranking``, ``dl_factors``, ``dl_model``,
  ``upload_<revision>``;
- Model: ``factor_pick``, ``strategy_pick``, form fields ``f<rev>_<id|new>_<field>``,
  ``factor_save``, ``factor_remove``, ``strategy_save``, ``strategy_remove``.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

import anp
from swot.analysis import evaluate
from swot.io import load_model
from ui.pairwise import token_of
from ui.strings import tr

ROOT = Path(__file__).resolve().parents[2]
TEHRAN = ROOT / "data" / "tehran_city_diplomacy.json"
WEIGHTS, RESULTS, IO = "app_pages/weights.py", "app_pages/results.py", "app_pages/export_import.py"
PERSIAN = re.compile("[\u0600-\u06ff]")


def top_strategy(at: AppTest) -> str:
    """The id of the top strategy shown on the Results page."""
    at.switch_page(RESULTS).run()
    assert not at.exception, at.exception
    heading = next(m.value for m in at.markdown if "Top strategy" in m.value)
    return heading.split(": ", 1)[1].split(" · ")[0]


def consistency_text(at: AppTest) -> str:
    """The lambda_max/CR line of the pairwise editor (a success or an error box)."""
    texts = [e.value for e in [*at.success, *at.error] if "CR =" in e.value]
    assert len(texts) == 1, texts
    return texts[0]


def cr_of(text: str) -> float:
    return float(re.search(r"CR = ([0-9.]+)", text).group(1))


def chart_priorities(at: AppTest) -> list[float]:
    """The bar values of the pairwise editor's priorities chart."""
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    return charts[0]["data"][0]["x"]


def open_group_matrix(at: AppTest) -> AppTest:
    at.switch_page(WEIGHTS).run()
    at.selectbox(key="pw_matrix").set_value("judgments.groups").run()
    assert not at.exception, at.exception
    return at


def test_starts_on_tehran_without_exception(app: AppTest) -> None:
    model = load_model(TEHRAN)
    assert app.header[0].value == model.title["en"]
    assert any("illustrative" in i.value for i in app.info)
    assert not app.error
    assert top_strategy(app) == evaluate(model).strategies["id"].iloc[0]
    assert any("illustrative" in i.value for i in app.info)  # on every page


def test_group_weight_slider_changes_the_ranking(app: AppTest) -> None:
    model = load_model(TEHRAN).set_weighting("direct")
    before = evaluate(model).strategies["id"].iloc[0]
    expected = evaluate(model.set_direct_weight("group", "W", 1.0)).strategies["id"].iloc[0]
    assert expected != before  # the move below must matter on the shipped data
    app.switch_page(WEIGHTS).run()
    app.radio(key="weighting").set_value("direct").run()
    assert top_strategy(app) == before
    app.switch_page(WEIGHTS).run()
    assert app.slider(key="w_group_W").value == pytest.approx(30.0)  # shipped W = 0.30, x 100
    app.slider(key="w_group_W").set_value(100.0).run()
    assert not app.exception, app.exception
    shares = next(c.value for c in app.caption if "Weaknesses" in c.value)
    assert "Weaknesses 59%" in shares  # 1.0 / (0.25 + 1.0 + 0.25 + 0.2): shipped S, O, T
    assert top_strategy(app) == expected


def test_changing_a_judgment_changes_cr_and_priorities(app: AppTest) -> None:
    open_group_matrix(app)
    cr_before, weights_before = cr_of(consistency_text(app)), chart_priorities(app)
    box = app.selectbox(key="pw:judgments.groups:0:1")
    assert box.value == token_of(load_model(TEHRAN).group_judgments[0, 1])
    assert box.value != "9"
    box.set_value("9").run()  # S is extremely more important than W
    assert not app.exception, app.exception
    assert cr_of(consistency_text(app)) != pytest.approx(cr_before, abs=1e-3)
    weights_after = chart_priorities(app)
    assert weights_after[0] > weights_before[0] and weights_after[1] < weights_before[1]
    assert app.session_state["model"].group_judgments[1, 0] == pytest.approx(1 / 9)


def test_applying_a_suggestion_lowers_cr(app: AppTest) -> None:
    open_group_matrix(app)
    app.selectbox(key="pw:judgments.groups:0:1").set_value("9").run()
    text = consistency_text(app)
    assert any(text == e.value for e in app.error)  # red: over the threshold
    cr_before = cr_of(text)
    fixes = [b for b in app.button if b.key and ":fix:" in b.key]
    assert fixes
    fixes[0].click().run()
    assert not app.exception, app.exception
    assert cr_of(consistency_text(app)) < cr_before


def test_blank_judgment_is_allowed_and_disconnection_is_reported(app: AppTest) -> None:
    open_group_matrix(app)
    app.selectbox(key="pw:judgments.groups:0:1").set_value("blank").run()
    assert not app.exception and not app.error
    assert "missing" not in consistency_text(app)
    for j in (2, 3):
        app.selectbox(key=f"pw:judgments.groups:0:{j}").set_value("blank").run()
    assert not app.exception
    # one readable sentence for the matrix, never its JSON path (issue 12)
    sentence = ("- SWOT groups with respect to the goal: Strengths not yet compared with "
                "Weaknesses or anything linked to it;")
    assert any(m.value.startswith(sentence) for m in app.markdown)
    app.switch_page(RESULTS).run()
    assert not app.exception
    assert any(m.value.startswith(sentence) for m in app.markdown)
    assert not any("judgments." in e.value for e in [*app.error, *app.markdown])


def _upload_refused(app: AppTest, name: str, data: dict[str, Any]) -> str:
    """Upload ``data`` as ``name`` on the import page; the model must stay the one before it.
    Returns the page's errors, joined."""
    model = app.session_state["model"]
    app.switch_page(IO).run()
    app.file_uploader[0].set_value((name, json.dumps(data).encode(), "application/json"))
    app.run()
    assert not app.exception, app.exception
    assert app.session_state["model"] is model
    return " ".join(e.value for e in app.error)


def test_invalid_upload_shows_problems_and_keeps_the_model(app: AppTest) -> None:
    bad = json.loads(TEHRAN.read_text(encoding="utf-8"))
    bad["judgments"]["groups"][0][1] = 0
    errors = _upload_refused(app, "bad.json", bad)
    assert "bad.json" in errors and "judgments.groups[0][1]" in errors


def test_upload_with_a_lone_surrogate_names_its_path(app: AppTest) -> None:
    bad = json.loads(TEHRAN.read_text(encoding="utf-8"))
    bad["factors"]["S"][0]["label_en"] = "\ud800"
    errors = _upload_refused(app, "lone.json", bad)
    assert "factors.S[0].label_en" in errors and "lone surrogate" in errors


def test_valid_upload_replaces_the_model(app: AppTest) -> None:
    example = ROOT / "data" / "example_firm.json"
    app.switch_page(IO).run()
    app.file_uploader[0].set_value(("firm.json", example.read_bytes(), "application/json"))
    app.run()
    assert not app.exception, app.exception
    assert any("firm.json" in s.value for s in app.success)
    assert app.session_state["model"] == load_model(example)


def test_persian_shows_persian_labels(app: AppTest) -> None:
    model = load_model(TEHRAN)
    app.sidebar.radio(key="lang").set_value("fa").run()
    assert not app.exception, app.exception
    assert app.header[0].value == model.title["fa"]
    assert PERSIAN.search(app.info[0].value)
    app.switch_page(RESULTS).run()
    assert not app.exception, app.exception
    table = app.table[0].value
    assert "رتبه" in table.columns
    assert table.iloc[0, 2] == evaluate(model).strategies["label_fa"].iloc[0]
    figure = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert PERSIAN.search(figure["data"][0]["y"][0])


def test_add_factor_validation(app: AppTest) -> None:
    app.text_input(key="f0_new_id").set_value("S 6")
    app.text_input(key="f0_new_label_en").set_value("New strength")
    app.button(key="factor_save").click().run()
    assert not app.exception
    assert any("S 6" in e.value for e in app.error)
    app.text_input(key="f0_new_id").set_value("S6")
    app.text_input(key="f0_new_label_en").set_value("New strength")
    app.button(key="factor_save").click().run()
    assert not app.exception
    assert "S6" in app.session_state["model"].factor_ids()
    assert any("S6" in s.value for s in app.success)


def test_consistency_matches_anp(app: AppTest) -> None:
    open_group_matrix(app)
    matrix = load_model(TEHRAN).group_judgments
    # the editor writes CR to 3 decimals: it can differ from anp's by half a unit, 5e-4
    assert cr_of(consistency_text(app)) == pytest.approx(anp.consistency(matrix).cr, abs=5e-4)


def test_removing_a_strategy_updates_the_ranking(app: AppTest) -> None:
    app.selectbox(key="strategy_pick").set_value("ST3").run()
    app.button(key="strategy_remove").click().run()
    assert not app.exception, app.exception
    assert "ST3" not in app.session_state["model"].strategy_ids()
    app.switch_page(RESULTS).run()
    assert len(app.table[0].value) == len(load_model(TEHRAN).strategies) - 1


def test_all_group_weights_zero_shows_a_message(app: AppTest) -> None:
    app.switch_page(WEIGHTS).run()
    app.radio(key="weighting").set_value("direct").run()
    for g in "SWOT":
        app.slider(key=f"w_group_{g}").set_value(0.0).run()
    assert not app.exception, app.exception
    sentence = "- Direct weights: every group weight is 0; at least one must be above 0."
    assert any(m.value == sentence for m in app.markdown)
    app.switch_page(RESULTS).run()
    assert not app.exception, app.exception
    assert any(m.value == sentence for m in app.markdown)


def test_persian_text_is_right_to_left_but_not_the_sliders(app: AppTest) -> None:
    app.sidebar.radio(key="lang").set_value("fa").run()
    css = " ".join(h.proto.body for h in app.get("html"))
    assert "direction: rtl" in css and "stMarkdownContainer" in css
    assert "stSlider" not in css


def test_direct_mode_without_direct_weights_starts_from_pairwise_weights(app: AppTest) -> None:
    model = load_model(TEHRAN)
    app.session_state["model"] = dataclasses.replace(
        model, direct_group_weights={}, direct_factor_weights={})
    app.switch_page(WEIGHTS).run()
    app.radio(key="weighting").set_value("direct").run()
    assert not app.exception and not app.error
    pairwise = evaluate(model)
    seeded = app.session_state["model"]
    assert seeded.weighting == "direct"
    for g in "SWOT":
        # seeded weights are rounded to 4 decimals (page_weights._seeded): off by <= 5e-5
        assert seeded.direct_group_weights[g] == pytest.approx(pairwise.group_weights[g], abs=1e-4)
    assert top_strategy(app) == pairwise.strategies["id"].iloc[0]


def test_rejected_rename_keeps_the_edited_form(app: AppTest) -> None:
    app.selectbox(key="factor_pick").set_value("S1").run()
    app.text_input(key="f0_S1_id").set_value("S2")  # already used
    app.text_input(key="f0_S1_label_en").set_value("my careful edit")
    app.button(key="factor_save").click().run()
    assert not app.exception, app.exception
    assert any("S2" in e.value for e in app.error)
    assert app.selectbox(key="factor_pick").value == "S1"
    assert app.text_input(key="f0_S1_label_en").value == "my careful edit"
    app.selectbox(key="strategy_pick").set_value("SO1").run()
    app.text_input(key="s0_SO1_id").set_value("SO 2")  # not a valid id
    app.text_input(key="s0_SO1_label_en").set_value("my strategy edit")
    app.button(key="strategy_save").click().run()
    assert not app.exception, app.exception
    assert any("SO 2" in e.value for e in app.error)
    assert app.selectbox(key="strategy_pick").value == "SO1"
    assert app.text_input(key="s0_SO1_label_en").value == "my strategy edit"


def test_off_scale_judgment_is_shown_not_a_traceback(app: AppTest) -> None:
    app.session_state["model"] = load_model(TEHRAN).set_judgment("judgments.groups", 0, 1, 2.5)
    open_group_matrix(app)
    box = app.selectbox(key="pw:judgments.groups:0:1")
    assert box.value == "v:2.5"
    assert "2.5" in box.format_func(box.value)
    box.set_value("3").run()
    assert not app.exception, app.exception
    assert app.session_state["model"].group_judgments[0, 1] == 3.0


def test_direct_weight_above_one_gets_a_wider_slider(app: AppTest) -> None:
    model = load_model(TEHRAN).set_weighting("direct").set_direct_weight("group", "S", 2.0)
    app.session_state["model"] = model
    app.switch_page(WEIGHTS).run()
    assert not app.exception, app.exception
    assert app.slider(key="w_group_S").value == pytest.approx(200.0)
    assert app.slider(key="w_group_S").max == pytest.approx(200.0)


def test_read_only_database_gives_a_message_not_a_traceback(
    app: AppTest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from swot import store

    monkeypatch.setenv(store.ENV_VAR, str(tmp_path / "scenarios.sqlite3"))
    app.switch_page("app_pages/scenarios.py").run()
    app.text_input(key="sc_name").set_value("first")
    app.button(key="sc_save").click().run()
    assert not app.exception, app.exception
    opened = store.Store._open

    def read_only(self: store.Store) -> None:  # as a read-only file would be
        opened(self)
        self._conn.execute("PRAGMA query_only = ON")

    monkeypatch.setattr(store.Store, "_open", read_only)
    for key in ("sc_save", "sc_rename", "sc_duplicate"):
        app.text_input(key="sc_name").set_value("second")
        app.text_input(key="sc_new_name").set_value("third")
        app.button(key=key).click().run()
        assert not app.exception, (key, app.exception)
        assert any("scenarios.sqlite3" in e.value and "readonly" in e.value for e in app.error)
    app.button(key="sc_load").click().run()  # reading still works
    assert not app.exception, app.exception
    assert any("first" in s.value for s in app.success)


def test_labels_show_literally_not_as_markdown(app: AppTest) -> None:
    top = evaluate(load_model(TEHRAN)).strategies["id"].iloc[0]
    app.selectbox(key="strategy_pick").set_value(top).run()
    app.text_input(key=f"s0_{top}_label_en").set_value("Price $5 to $9, *now*")
    app.button(key="strategy_save").click().run()
    assert not app.exception, app.exception
    app.switch_page(RESULTS).run()
    assert not app.exception, app.exception
    escaped = r"Price \$5 to \$9, \*now\*"  # st.table and st.markdown render Markdown ($ = LaTeX)
    assert escaped in app.table[0].value.iloc[:, 2].tolist()
    assert any(escaped in m.value for m in app.markdown if "Top strategy" in m.value)


def test_illustrative_notice_says_when_judgments_were_changed(app: AppTest) -> None:
    note = load_model(TEHRAN).judgments_note
    assert note and any(note in i.value for i in app.info)
    open_group_matrix(app)
    box = app.selectbox(key="pw:judgments.groups:0:1")
    shipped = box.value
    box.set_value("9").run()
    notices = [i.value for i in [*app.info, *app.warning] if "illustrative" in i.value]
    assert len(notices) == 1 and notices[0].startswith(tr("trust.illustrative_edited", "en"))
    assert note not in notices[0]  # the file's note no longer shown
    app.selectbox(key="pw:judgments.groups:0:1").set_value(shipped).run()
    assert any(note in i.value for i in app.info)  # back to the shipped judgments


def test_consistency_summary_shows_labels_literally(app: AppTest) -> None:
    app.selectbox(key="factor_pick").set_value("S1").run()
    app.text_input(key="f0_S1_label_en").set_value("Budget $5 to $9")
    app.button(key="factor_save").click().run()
    assert not app.exception, app.exception
    app.switch_page(WEIGHTS).run()
    titles = app.table[0].value.iloc[:, 0].tolist()  # the CR summary of every matrix
    assert any(r"Budget \$5 to \$9" in title for title in titles), titles


def test_chosen_matrix_survives_a_visit_to_another_page(app: AppTest) -> None:
    app.switch_page(WEIGHTS).run()
    app.selectbox(key="pw_matrix").set_value("judgments.factors.W").run()
    app.switch_page(RESULTS).run()
    app.switch_page(WEIGHTS).run()
    assert not app.exception, app.exception
    assert app.selectbox(key="pw_matrix").value == "judgments.factors.W"


def test_tows_type_other_is_shown_in_persian(app: AppTest) -> None:
    model = load_model(TEHRAN)
    app.session_state["model"] = model.update_strategy("SO1", tows="other")
    app.sidebar.radio(key="lang").set_value("fa").run()
    assert not app.exception, app.exception
    strategies = app.table[-1].value  # the Model page's strategy table, under the quadrants
    assert list(strategies.iloc[:, 2])[:2] == [tr("common.tows_other", "fa"), "SO"]
    app.switch_page(RESULTS).run()
    assert not app.exception, app.exception
    ranking = app.table[0].value.set_index(app.table[0].value.columns[1])
    assert ranking.iloc[:, 2]["SO1"] == tr("common.tows_other", "fa")
