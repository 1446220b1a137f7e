"""New factors and strategies keep the model rankable (issue 12): placeholders marked as not
yet judged, the to-do list, fill-blanks buttons, the pairwise/ratings choice per factor, and
messages at the Model page's forms."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from swot import todo

RESULTS, WEIGHTS = "app_pages/results.py", "app_pages/weights.py"


def add_o6_and_so4(app: AppTest, kind: str = "pairwise") -> AppTest:
    app.selectbox(key="f0_new_group").set_value("O")
    app.text_input(key="f0_new_id").set_value("O6")
    app.text_input(key="f0_new_label_en").set_value("New opening")
    app.radio(key="f0_new_kind").set_value(kind)
    app.button(key="factor_save").click().run()
    app.text_input(key="s0_new_id").set_value("SO4")
    app.text_input(key="s0_new_label_en").set_value("New strategy")
    app.button(key="strategy_save").click().run()
    assert not app.exception, app.exception
    assert "O6" in app.session_state["model"].factor_ids()
    assert "SO4" in app.session_state["model"].strategy_ids()
    return app


def test_the_issues_example_stays_rankable(app: AppTest) -> None:
    add_o6_and_so4(app)
    model = app.session_state["model"]
    waiting = len(todo.open_items(model))
    assert waiting > 0
    app.switch_page(RESULTS).run()
    assert not app.exception, app.exception
    assert any(m.value.startswith("### Top strategy") or m.value.startswith("### Practically")
               for m in app.markdown)
    assert any(w.value.startswith(f"This ranking rests on {waiting} placeholder comparisons")
               for w in app.warning)


def test_todo_list_opens_the_editor_and_judging_clears_a_placeholder(app: AppTest) -> None:
    add_o6_and_so4(app)
    app.switch_page(WEIGHTS).run()
    model = app.session_state["model"]
    waiting = len(todo.open_items(model))
    assert any(e.label == f"Not yet judged: {waiting} comparisons" for e in app.expander)
    path = "judgments.factors.O"
    app.button(key=f"todo:open:{path}").click().run()
    assert app.selectbox(key="pw_matrix").value == path
    last = len(model.factors["O"]) - 1  # O6 is the last opportunity
    box = app.selectbox(key=f"pw:{path}:0:{last}")
    assert box.label.endswith("◌ (to be judged)")
    assert not app.selectbox(key=f"pw:{path}:0:1").label.endswith("(to be judged)")
    box.set_value("3").run()
    assert len(todo.open_items(app.session_state["model"])) == waiting - 1
    assert not app.selectbox(key=f"pw:{path}:0:{last}").label.endswith("(to be judged)")
    app.button(key=f"pw:{path}:accept").click().run()
    assert path not in todo.open_by_matrix(app.session_state["model"])
    app.button(key="todo:accept_all").click().run()
    assert todo.open_items(app.session_state["model"]) == []


def test_unrankable_model_fills_its_blanks_in_one_click(app: AppTest) -> None:
    app.switch_page(WEIGHTS).run()
    app.selectbox(key="pw_matrix").set_value("judgments.groups").run()
    for j in (1, 2, 3):
        app.selectbox(key=f"pw:judgments.groups:0:{j}").set_value("blank").run()
    app.switch_page(RESULTS).run()
    assert any(e.value == "The model cannot be ranked yet:" for e in app.error)
    app.button(key="res:fill_all").click().run()
    assert not app.exception, app.exception
    assert any(m.value.startswith("### ") for m in app.markdown)
    model = app.session_state["model"]
    assert [(a, b) for _, a, b, _ in todo.open_items(model)] == [("S", "W"), ("S", "O"),
                                                                 ("S", "T")]


def test_new_factor_can_be_rated_and_switched(app: AppTest) -> None:
    add_o6_and_so4(app, kind="ratings")
    model = app.session_state["model"]
    assert model.strategy_judgments["O6"].kind == "ratings"
    app.switch_page(WEIGHTS).run()
    app.selectbox(key="pw_matrix").set_value("judgments.strategies.O6").run()
    assert app.number_input(key="pw:rating:O6:0").label.endswith("(to be judged)")
    app.radio(key="kind:O6").set_value("pairwise").run()
    assert not app.exception, app.exception
    model = app.session_state["model"]
    assert model.strategy_judgments["O6"].kind == "pairwise"
    m = len(model.strategies)
    assert len(todo.open_by_matrix(model)["judgments.strategies.O6"]) == m * (m - 1) // 2
    assert app.selectbox(key="pw:judgments.strategies.O6:0:1").label.endswith("(to be judged)")


def test_form_messages_sit_at_the_form_which_stays_open(app: AppTest) -> None:
    app.text_input(key="f0_new_id").set_value("S 6")
    app.button(key="factor_save").click().run()
    factor_box = next(e for e in app.expander if e.label == "Add, edit or remove a factor")
    assert any("S 6" in e.value for e in factor_box.error)  # inside the expander, at the form
    assert factor_box.proto.expanded
    app.text_input(key="f0_new_id").set_value("S6")
    app.text_input(key="f0_new_label_en").set_value("New strength")
    app.button(key="factor_save").click().run()
    factor_box = next(e for e in app.expander if e.label == "Add, edit or remove a factor")
    assert any(s.value == "Saved S6." for s in factor_box.success)
    assert factor_box.proto.expanded


def test_todo_list_stays_open_after_its_buttons(app: AppTest) -> None:
    add_o6_and_so4(app)
    app.switch_page(WEIGHTS).run()
    box = next(e for e in app.expander if e.label.startswith("Not yet judged"))
    assert not box.proto.expanded
    app.button(key="todo:accept_all").click().run()
    box = next(e for e in app.expander if e.label.startswith("Not yet judged"))
    assert box.label == "Not yet judged: 0 comparisons" and box.proto.expanded


def test_a_rejected_id_is_shown_literally(app: AppTest) -> None:
    """The id in the rejection message is the user's: no Markdown made of it."""
    app.text_input(key="f0_new_id").set_value("**S6** <b>")
    app.button(key="factor_save").click().run()
    assert not app.exception, app.exception
    factor_box = next(e for e in app.expander if e.label == "Add, edit or remove a factor")
    shown = " ".join(e.value for e in factor_box.error)
    assert "\\*\\*S6\\*\\*" in shown and "\\<b\\>" in shown and "**S6**" not in shown


def test_typed_labels_in_widget_labels_are_escaped(app: AppTest) -> None:
    """A widget label renders Markdown: a factor's or strategy's typed label is escaped."""
    from dataclasses import replace

    model = app.session_state["model"]
    app.session_state["model"] = replace(
        model,
        factors={g: [replace(f, label_en="**bold**") if f.id == "S1" else f for f in fs]
                 for g, fs in model.factors.items()},
        strategies=[replace(s, label_en="*it*") if i == 0 else s
                    for i, s in enumerate(model.strategies)])
    app.switch_page(WEIGHTS).run()
    assert not app.exception, app.exception
    app.selectbox(key="pw_matrix").set_value("judgments.factors.S").run()
    labels = [b.label for b in app.selectbox if "S1" in b.label]
    assert labels and all("\\*\\*bold\\*\\*" in x for x in labels)
    app.selectbox(key="pw_matrix").set_value("judgments.strategies.O1").run()
    widgets = [*app.get("number_input"), *app.selectbox]
    assert any("\\*it\\*" in w.label for w in widgets)
    assert not any("*it*" in w.label.replace("\\*", "") for w in widgets)
