"""AppTest of the Network page and the network parts of Results.

Widget keys (ui/influence.py, app_pages/network.py): ``net_example`` (load the Tehran network),
``net_structure``, ``net_from`` / ``net_to`` with the ``net_add`` / ``net_remove`` form
buttons, ``net_matrix`` (link set or comparison to judge), ``net_cc_add_<cluster>``,
``pwn:<path>:<i>:<j>`` (pairs of the network's pairwise editor).
"""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from ui.strings import tr

NETWORK, RESULTS = "app_pages/network.py", "app_pages/results.py"


def _ok(at: AppTest) -> AppTest:
    assert not at.exception, at.exception
    return at


def _model(at: AppTest):
    return at.session_state["model"]


def test_adding_a_link_opens_its_judgments_and_results_compare(app: AppTest) -> None:
    at = _ok(app.switch_page(NETWORK).run())
    assert _model(at).structure == "hierarchy"
    at.radio(key="net_structure").set_value("network").run()
    _ok(at)
    assert _model(at).structure == "network"
    at.selectbox(key="net_from").set_value("S2")
    at.selectbox(key="net_to").set_value("W6")
    at.button(key="net_add").click().run()
    _ok(at)
    assert _model(at).link_set("S2.W").nodes == ("W6",)
    # the new link set is the one open in the editor
    assert at.selectbox(key="net_matrix").value == "judgments.links.S2.W"
    at.selectbox(key="net_from").set_value("S2")
    at.selectbox(key="net_to").set_value("W1")
    at.button(key="net_add").click().run()
    _ok(at)
    path = "judgments.links.S2.W"
    assert at.selectbox(key="net_matrix").value == path
    at.selectbox(key=f"pwn:{path}:0:1").set_value("3").run()
    _ok(at)
    assert _model(at).matrix_at(path)[0, 1] == 3
    # cluster S now links to W and the strategies: equal weights, said so
    assert any("equal weights" in i.value for i in at.info)
    at.button(key="net_cc_add_S").click().run()
    _ok(at)
    assert at.selectbox(key="net_matrix").value == "judgments.clusters.S"
    at.switch_page(RESULTS).run()
    _ok(at)
    assert any("Ranked with the structure: Network" in i.value for i in at.info)
    assert tr("network.with_without", "en") in [h.value for h in at.subheader]
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    names = {trace.get("name") for c in charts for trace in c["data"]}
    assert {tr("network.with", "en"), tr("network.without", "en")} <= names


def test_tehran_network_example_in_persian(app: AppTest) -> None:
    at = _ok(app.switch_page(NETWORK).run())
    at.button(key="net_example").click().run()
    _ok(at)
    assert _model(at).structure == "network" and _model(at).links
    at.sidebar.radio(key="lang").set_value("fa").run()
    _ok(at)
    at.switch_page(RESULTS).run()
    _ok(at)
    assert tr("network.with_without", "fa") in [h.value for h in at.subheader]


def test_cluster_weight_sweep_on_the_sensitivity_page(app: AppTest) -> None:
    at = _ok(app.switch_page(NETWORK).run())
    at.button(key="net_example").click().run()
    _ok(at)
    at.switch_page("app_pages/sensitivity.py").run()
    _ok(at)
    at.radio(key="sens_kind").set_value("cluster").run()
    _ok(at)
    assert at.selectbox(key="sens_cluster_from").options  # S, W and O link to 2+ clusters
    at.selectbox(key="sens_cluster_from").set_value("W").run()
    at.selectbox(key="sens_cluster_to").set_value("strategies").run()
    _ok(at)
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert len([d for d in chart["data"] if d.get("mode") == "lines"]) == 9  # one per strategy


def test_titles_of_link_sets_and_cluster_comparisons() -> None:
    from swot.io import load_model
    from ui.pairwise import matrix_title
    from ui.state import DEFAULT_MODEL_PATH

    model = load_model(DEFAULT_MODEL_PATH.with_name("tehran_city_diplomacy_network.json"))
    link = matrix_title(model, "judgments.links.S2.W", "en")
    assert link.startswith("S2 · ") and link.endswith("Weaknesses factors it depends on")
    # a workshop or diff path into the entry names the same matrix
    assert matrix_title(model, "judgments.links.S2.W.matrix", "en") == link
    assert matrix_title(model, "judgments.clusters.W.matrix", "fa") == (
        "خوشه‌ها نسبت به عامل‌های ضعف‌ها")


def test_grid_changes_apply_as_links_and_open_the_last_added() -> None:
    from swot.io import load_model
    from ui.influence import apply_links, network_paths
    from ui.state import DEFAULT_MODEL_PATH

    model = load_model(DEFAULT_MODEL_PATH)  # the hierarchy model: no links
    changed, opened = apply_links(model, [("S2", "W6", True), ("SO1", "S1", True),
                                          ("S2", "W6", False), ("S2", "W1", True)])
    assert changed.link_set("S2.W").nodes == ("W1",)
    assert changed.link_set("SO1.S").nodes == ("S1",)
    assert opened == "judgments.links.S2.W"
    assert network_paths(changed) == ["judgments.links.S2.W", "judgments.links.SO1.S"]
    unchanged, none = apply_links(model, [("S2", "W6", False)])
    assert unchanged is model and none is None


def test_a_link_note_is_shown_literally(app: AppTest) -> None:
    """A note's text and source file are typed in the model file: no Markdown made of them."""
    from swot.io import model_from_dict, model_to_dict
    from ui.literal import literal

    typed = "**bold** [prize](http://evil.example) <b>x</b>"
    at = _ok(app.switch_page(NETWORK).run())
    at.button(key="net_example").click().run()
    data = model_to_dict(_model(_ok(at)))
    note = data["judgments"]["links"]["S2"]["W"]["notes"]["W6"]
    note["text"], note["source"]["file"] = typed, "*x*.txt"
    at.session_state["model"] = model_from_dict(data)
    at.run()
    at.selectbox(key="net_matrix").set_value("judgments.links.S2.W").run()
    _ok(at)
    (caption,) = [c.value for c in at.caption if literal(typed) in c.value]
    assert literal("*x*.txt") in caption and "**bold**" not in caption


def test_an_unrankable_model_is_explained_in_the_page_language(app: AppTest) -> None:
    """The Network page says what keeps the model from being ranked as Results does: a
    sentence per matrix in Persian with a button to it (it showed the evaluation's English
    message with its JSON path, "judgments.factors.S: the known judgments do not link ...")."""
    from pathlib import Path

    from swot.io import dumps_model, load_model
    from swot.model import Factor

    tehran = load_model(Path(__file__).resolve().parents[2] / "data" / "tehran_city_diplomacy.json")
    blank = tehran.add_factor("S", Factor(id="S50", group="S", label_en="New", label_fa="تازه"))
    app.sidebar.radio(key="lang").set_value("fa").run()
    app.switch_page("app_pages/export_import.py").run()
    app.file_uploader[0].set_value(("blank.json", dumps_model(blank).encode(), "application/json"))
    at = _ok(app.run())
    at = _ok(at.switch_page(NETWORK).run())
    shown = " ".join([*(e.value for e in at.error), *(m.value for m in at.markdown)])
    assert tr("trust.cannot_rank", "fa") in shown
    assert "judgments.factors.S" not in shown and "the known judgments" not in shown, shown
    assert any(b.key == "net:why:0" for b in at.button)


def test_cannot_rank_without_a_matrix_to_blame_shows_the_evaluations_messages() -> None:
    def page() -> None:
        from pathlib import Path

        from swot.io import load_model
        from ui.todo_view import cannot_rank

        root = Path.cwd()
        cannot_rank(load_model(root / "data" / "tehran_city_diplomacy.json"), "en", "x",
                    ["supermatrix: **not** irreducible"])

    at = _ok(AppTest.from_function(page, default_timeout=60).run())
    assert [m.value for m in at.markdown] == [
        "- \u2068supermatrix: \\*\\*not\\*\\* irreducible\u2069"]
