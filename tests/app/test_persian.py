"""Persian details (issue 12): Persian digits as a setting, left-to-right isolates for file
names, paths and timestamps, right-to-left tabs and uploader (the layout itself is checked in
the browser test)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from swot.store import ENV_VAR
from ui.i18n import RTL_CSS, ltr, persian_digits
from ui.problems import translated


def test_persian_digits_leave_ids_alone() -> None:
    assert persian_digits("CR 0.245 > 0.10 in S1, SO12 (3 of 28)") == (
        "CR ۰٫۲۴۵ > ۰٫۱۰ in S1, SO12 (۳ of ۲۸)")


def test_persian_digits_leave_typed_text_alone() -> None:
    # text a user typed comes isolated (ui.literal): shown as typed, digits and all
    assert persian_digits("saved \u2068Plan 2024\u2069 (3 of 28)") == (
        "saved \u2068Plan 2024\u2069 (۳ of ۲۸)")


def test_uploaded_file_name_keeps_its_digits(app: AppTest) -> None:
    tehran = Path(__file__).resolve().parents[2] / "data" / "tehran_city_diplomacy.json"
    app.sidebar.radio(key="lang").set_value("fa").run()
    app.sidebar.checkbox(key="fa_digits_box").check().run()
    app.switch_page("app_pages/export_import.py").run()
    app.file_uploader[0].set_value(("plan-2024.json", tehran.read_bytes(), "application/json"))
    app.run()
    text = "\n".join(s.value for s in app.success)
    assert "plan-2024.json" in text and "۲۰۲۴" not in text, text


def test_persian_digits_setting(app: AppTest) -> None:
    app.sidebar.radio(key="lang").set_value("fa").run()
    app.switch_page("app_pages/weights.py").run()
    rows = [m.value for m in app.sidebar.markdown if " · `" in m.value]
    assert rows[0].startswith("**1** · `SO1` 0.1310")
    app.sidebar.checkbox(key="fa_digits_box").check().run()
    rows = [m.value for m in app.sidebar.markdown if " · `" in m.value]
    assert rows[0].startswith("**۱** · `SO1` ۰٫۱۳۱۰")
    app.switch_page("app_pages/results.py").run()
    table = app.table[0].value
    assert table.iloc[0, 0] == "۱" and table.iloc[0, 1] == "SO1"
    app.sidebar.radio(key="lang").set_value("en").run()
    assert str(app.table[0].value.iloc[0, 0]) == "1"  # English keeps ASCII digits
    app.sidebar.radio(key="lang").set_value("fa").run()
    assert app.table[0].value.iloc[0, 0] == "۱"  # the setting outlives the switch


def test_paths_file_names_and_timestamps_keep_their_order(
        app: AppTest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "db.sqlite3"))
    app.sidebar.radio(key="lang").set_value("fa").run()
    sources = next(c.value for c in app.caption if ".txt" in c.value)
    assert "\u2066`" in sources and "`\u2069" in sources
    app.switch_page("app_pages/scenarios.py").run()
    assert any(ltr(str(tmp_path / "db.sqlite3")) in c.value for c in app.caption)
    app.text_input(key="sc_name").input("x")
    app.button(key="sc_save").click().run()
    created = app.table[0].value.iloc[0, 2]
    assert created.startswith("\u2066") and created.endswith("\u2069")


def test_tabs_and_uploader_are_right_to_left() -> None:
    assert '[role="tablist"] { direction: rtl; }' in RTL_CSS
    assert 'content: "انتخاب پرونده"' in RTL_CSS


def test_priorities_chart_beside_a_matrix_labels_bars_with_ids(app: AppTest) -> None:
    # Long labels on the axis left ~70 px for the bars in a 1000 px window (seen in Chromium);
    # ids on the axis and the full titles on hover keep the bars readable.
    app.sidebar.radio(key="lang").set_value("fa").run()
    app.switch_page("app_pages/weights.py").run()
    app.selectbox(key="pw_matrix").set_value("judgments.strategies.S1").run()
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)["data"][0]
    model = app.session_state["model"]
    assert spec["y"] == model.strategy_ids()
    assert spec["customdata"][0].startswith("SO1 · ")


def test_invalid_upload_is_explained_in_persian(app: AppTest) -> None:
    tehran = Path(__file__).resolve().parents[2] / "data" / "tehran_city_diplomacy.json"
    bad = json.loads(tehran.read_text(encoding="utf-8"))
    bad["judgments"]["groups"][0][1] = 0
    bad["titel"] = "typo"
    app.sidebar.radio(key="lang").set_value("fa").run()
    app.switch_page("app_pages/export_import.py").run()
    app.file_uploader[0].set_value(("bad.json", json.dumps(bad).encode(), "application/json"))
    app.run()
    text = "\n".join(e.value for e in app.error)
    assert ("- گروه‌های سوات نسبت به هدف (\u2066`judgments.groups[0][1]`\u2069): "
            "\u20660\u2069 قضاوت مثبت نیست") in text
    assert "- \u2066`titel`\u2069: فیلد ناشناخته (شاید منظور «\u2066title\u2069» بوده است)" in text
    assert "is not a positive judgment" not in text


def test_unlinked_items_in_the_editor_are_named_in_persian(app: AppTest) -> None:
    app.sidebar.radio(key="lang").set_value("fa").run()
    app.switch_page("app_pages/weights.py").run()
    app.selectbox(key="pw_matrix").set_value("judgments.groups").run()
    for j in (1, 2, 3):
        app.selectbox(key=f"pw:judgments.groups:0:{j}").set_value("blank").run()
    assert any(e.value.startswith("گروه‌های سوات نسبت به هدف: قوت‌ها هنوز با ضعف‌ها")
               for e in app.error)
    assert not any("do not link" in e.value for e in app.error)


@pytest.mark.parametrize(("message", "persian"), [
    ("missing required field 'goal'", "فیلد لازم «\u2066goal\u2069» نیامده است"),
    ("group W has no factors (each group needs at least one)",
     "گروه \u2066W\u2069 عاملی ندارد (هر گروه دست‌کم یک عامل لازم دارد)"),
    ("expected a list of strategies, got 5",
     "انتظار می‌رفت: \u2066a list of strategies\u2069؛ آمده است: \u20665\u2069"),
    ("something new", "\u2066something new\u2069"),  # kept in English, in order
])
def test_problem_messages_in_persian(message: str, persian: str) -> None:
    assert translated(message, "fa") == persian
    assert translated(message, "en") == message


@pytest.mark.parametrize(("message", "persian"), [
    ("1e+300 is outside the range of judgments (1e-06 to 1e+06)",
     "\u20661e+300\u2069 بیرون از بازه‌ی قضاوت‌هاست (\u20661e-06\u2069 تا \u20661e+06\u2069)"),
    ("unsupported format version 3 (this tool reads versions 1 and 2)",
     "نسخه‌ی قالب \u20663\u2069 پشتیبانی نمی‌شود (این ابزار این نسخه‌ها را می‌خواند: "
     "\u20661 and 2\u2069)"),
])
def test_schema_era_messages_in_persian(message: str, persian: str) -> None:
    assert translated(message, "fa") == persian


def _broken_models() -> list[dict]:
    """Model files with one mistake each, covering the network fields' messages."""
    import copy

    root = Path(__file__).resolve().parents[2]
    network = json.loads((root / "data" / "tehran_city_diplomacy_network.json").read_text())
    out = []

    def broken(change) -> None:
        data = copy.deepcopy(network)
        change(data)
        out.append(data)

    links = lambda d: d["judgments"]["links"]  # noqa: E731
    broken(lambda d: links(d).update({"ZZ": {"W": {"nodes": ["W1"], "matrix": [[1]]}}}))
    broken(lambda d: links(d).update({"S1": {}}))
    broken(lambda d: links(d).update({"S1": {"Q": {"nodes": ["W1"], "matrix": [[1]]}}}))
    broken(lambda d: links(d).update({"S1": {"W": {"nodes": [], "matrix": []}}}))
    broken(lambda d: links(d).update({"S1": {"S": {"nodes": ["S1"], "matrix": [[1]]}}}))
    broken(lambda d: links(d).update({"S1": {"W": {"nodes": ["W1", "W1"],
                                                  "matrix": [[1, 1], [1, 1]]}}}))
    broken(lambda d: links(d).update({"S1": {"W": {"nodes": ["S2"], "matrix": [[1]]}}}))
    broken(lambda d: d["judgments"]["clusters"].update({"Q": {"clusters": ["S", "W"],
                                                              "matrix": [[1, 1], [1, 1]]}}))
    broken(lambda d: d["judgments"]["clusters"].update({"W": {"clusters": ["W", "W"],
                                                              "matrix": [[1, 1], [1, 1]]}}))
    broken(lambda d: d["judgments"]["clusters"].update({"W": {"clusters": ["W"],
                                                              "matrix": [[1]]}}))
    broken(lambda d: d.update({"version": 1}))
    broken(lambda d: d["factors"]["S"].append(dict(d["factors"]["S"][0])))
    broken(lambda d: d["judgments"]["groups"][0].__setitem__(1, 1e300))
    return out


def test_every_network_validation_message_reads_in_persian() -> None:
    from swot.io import validate_data

    seen = 0
    for data in _broken_models():
        problems = validate_data(data)
        assert problems, "each broken model must have a problem"
        for problem in problems:
            seen += 1
            assert translated(problem.message, "fa") != ltr(problem.message), problem.message
    assert seen >= 13


def test_persian_digits_reach_the_charts(app: AppTest) -> None:
    """With the setting on, the charts draw their numbers (ticks, bar texts) in Vazirmatn's
    digits-only cut, which the page loads; the ids on the bars' axis keep the normal font."""
    app.sidebar.radio(key="lang").set_value("fa").run()
    app.switch_page("app_pages/results.py").run()

    def ranking() -> dict:
        specs = [json.loads(c.proto.spec) for c in app.get("plotly_chart")]
        return next(s for s in specs if s["data"][0].get("type") == "bar")

    def font_loaded() -> bool:
        return any("@font-face" in str(h.proto) for h in app.get("html"))

    assert "tickfont" not in ranking()["layout"]["xaxis"] and not font_loaded()
    app.sidebar.checkbox(key="fa_digits_box").check().run()
    spec = ranking()
    assert spec["layout"]["xaxis"]["tickfont"]["family"].startswith("'Vazirmatn FD NL'")
    assert spec["data"][0]["textfont"]["family"].startswith("'Vazirmatn FD NL'")
    assert "family" not in spec["layout"]["yaxis"].get("tickfont", {})  # the ids' axis
    assert font_loaded()


def test_persian_digits_in_judgment_options_and_sensitivity_strings(app: AppTest) -> None:
    app.sidebar.radio(key="lang").set_value("fa").run()
    app.sidebar.checkbox(key="fa_digits_box").check().run()
    app.switch_page("app_pages/weights.py").run()
    app.selectbox(key="pw_matrix").set_value("judgments.groups").run()
    shown = " ".join(app.selectbox(key="pw:judgments.groups:0:1").options)  # as drawn
    assert "(۲)" in shown and "(2)" not in shown  # Saaty's numbers in Persian digits
    app.switch_page("app_pages/sensitivity.py").run()
    notes = [a.get("text", "") for c in app.get("plotly_chart")
             for a in json.loads(c.proto.spec)["layout"].get("annotations", [])]
    assert any("فعلی ۰٫" in n for n in notes), notes  # the sweep's current weight, Persian
