"""The facilitator's view of one workshop: links and QR code, settings, who has judged what,
the group results (only what people judged), subgroups and weights, Delphi rounds, the audit
trail and the downloads. It refreshes by itself every few seconds.

Widget keys (``<c>`` = the workshop code): ``ws_base_url``, ``ws_toggle``, ``ws_anon:<c>``,
``ws_cap:<c>``, ``ws_ex:<c>:<participant id>``, ``ws_groups:<c>``, ``ws_round_ok``,
``ws_next_round``, ``ws_dl_<what>``.
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import SplitResult, urlencode, urlsplit, urlunsplit

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from swot.export import dataframe_csv, ranking_csv
from swot.model import SwotModel
from swot.scenarios import GROUP_COLUMN, priority_column, rank_column
from swot.store import Store, Workshop, workshop_link
from swot.workshop_report import EVERYONE, INCLUDED, OVERALL, WorkshopReport
from swot.workshop_text import local_time, saaty_text
from ui.charts import FONT_FA, legend_below, persian_numbers, show_figure, title_layout
from ui.comparison import comparison_chart, comparison_view
from ui.i18n import isolate, lang, shown_number
from ui.literal import literal, plain
from ui.report_buttons import workshop_report_buttons
from ui.routes import language_param
from ui.state import flash
from ui.store_view import store_action
from ui.strings import family, t
from ui.tables import show_table
from ui.workshop_labels import (
    audit_view,
    item_label,
    labelled_judgments,
    matrix_label,
    status_mark,
)
from ui.workshop_results import Snapshot, live_workshop, qr_png

REFRESH_SECONDS = 4
MEMO_KEY = "ws_memo"  # (key, labelled judgments, CSV files) of the results last shown
FACILITATE_PARAM = "facilitate"
BASE_URL_KEY = "ws_base_url"
VIEW_PARAM = "view"


# an http(s) address with a host (a name or a bracketed IPv6 address) and an optional numeric
# port: checked before urlsplit, which raises ValueError on a typo such as "http://[::1"
_WEB_ADDRESS = re.compile(r"https?://(?:[\w.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?(?:[/?#]\S*)?",
                          re.ASCII)


def _web_address(text: str) -> SplitResult | None:
    """``text`` split as an http(s) address with a host, or None (a typo such as
    ``http://[::1`` or ``http://host:port``, a ``javascript:`` address)."""
    text = text.strip()
    return urlsplit(text) if _WEB_ADDRESS.fullmatch(text) else None


def app_url(**params: str) -> str:
    """The app's address with ``params``: the address the facilitator set (``ws_base_url``)
    when it is a web address, else this page's, without its path and query."""
    parts = (_web_address(st.session_state.get(BASE_URL_KEY) or "")
             or _web_address(st.context.url or "") or urlsplit("http://localhost:8501"))
    path = parts.path.rstrip("/").removesuffix("/workshop")
    return urlunsplit((parts.scheme, parts.netloc, path or "/", urlencode(params), ""))


def _links(workshop: Workshop) -> None:
    st.session_state.setdefault(BASE_URL_KEY, app_url())
    st.text_input(t("workshop.base_url"), key=BASE_URL_KEY)
    typed = st.session_state.get(BASE_URL_KEY) or ""
    if typed.strip() and _web_address(typed) is None:  # empty: this page's address, quietly
        st.warning(t("workshop.base_url_bad", ascii_digits=True, url=app_url()))
    join = workshop_link(app_url(), workshop.code)
    left, right = st.columns([3, 1])
    with left:
        st.markdown(t("workshop.code_is", ascii_digits=True, code=workshop.code))
        st.caption(t("workshop.join_link"))
        st.code(join, language=None)
        st.caption(t("workshop.facilitator_link"))
        own = {FACILITATE_PARAM: workshop.facilitator_token, **language_param(lang())}
        st.code(app_url(**own), language=None)  # opens in the facilitator's language
        st.caption(t("workshop.projector_link"))
        st.code(app_url(**own, **{VIEW_PARAM: "projector"}), language=None)
    with right:
        st.image(qr_png(join), caption=t("workshop.qr_caption"), width=180)


def _on_toggle(path: Path | str, code: str, is_open: bool) -> None:
    store_action(path, lambda s: (s.close_workshop if is_open else s.reopen_workshop)(code))


def _on_options(path: Path | str, code: str) -> None:
    cap = int(st.session_state.get(f"ws_cap:{code}") or 0)
    store_action(path, lambda s: s.set_workshop_options(
        code, anonymous=st.session_state.get(f"ws_anon:{code}", False),
        max_participants=cap or None))


def _settings(path: Path | str, workshop: Workshop) -> None:
    code = workshop.code
    st.session_state[f"ws_anon:{code}"] = workshop.anonymous
    st.session_state[f"ws_cap:{code}"] = workshop.max_participants or 0
    st.checkbox(t("workshop.anonymous", ascii_digits=True), key=f"ws_anon:{code}",
                on_change=_on_options,
                args=(path, code))
    st.number_input(t("workshop.cap", ascii_digits=True), min_value=0, step=1, key=f"ws_cap:{code}",
                    on_change=_on_options, args=(path, code))
    if not workshop.is_open:
        st.warning(t("workshop.is_closed"))
    st.button(t("workshop.close") if workshop.is_open else t("workshop.reopen"), key="ws_toggle",
              on_click=_on_toggle, args=(path, code, workshop.is_open))


def _on_exclude(path: Path | str, code: str, participant_id: int, key: str) -> None:
    store_action(path, lambda s: s.set_excluded(code, participant_id, st.session_state[key]))


def _participants(path: Path | str, workshop: Workshop, snap: Snapshot, language: str) -> None:
    st.subheader(t("workshop.participants"))
    if not snap.people:
        st.info(t("workshop.nobody"))
        return
    status = snap.report.status
    rows = []
    for p in snap.people:
        shown = snap.names[p.name]
        mine = status[status["participant"] == shown] if status is not None else None
        judged = int((mine["status"] == "judged").sum()) if mine is not None else 0
        total = len(mine) if mine is not None and len(mine) else 0
        rows.append((plain(shown), t(family("workshop.status_", p.status)), p.revisions,
                     shown_number(local_time(p.last_submitted_at, language), language)
                     if p.last_submitted_at else "",
                     shown_number(f"{judged}/{total}", language) if total else "",
                     float(mine["cr"].max()) if mine is not None and mine["cr"].notna().any()
                     else float("nan"),
                     plain(p.subgroup), p.weight,
                     t("common.yes") if p.excluded else t("common.no")))
    show_table(pd.DataFrame(rows, columns=[
        t("common.col_name"), t("workshop.col_status"), t("workshop.col_revisions"),
        t("workshop.col_last"), t("workshop.col_judged"), t("workshop.col_max_cr"),
        t("workshop.col_subgroup"), t("common.col_weight"), t("workshop.col_excluded")]), digits=3)
    for p in snap.people:
        key = f"ws_ex:{workshop.code}:{p.id}"
        st.session_state[key] = p.excluded
        st.checkbox(t("workshop.exclude", ascii_digits=True, name=literal(snap.names[p.name])),
                    key=key,
                    on_change=_on_exclude, args=(path, workshop.code, p.id, key))


def _status_grid(snap: Snapshot, model: SwotModel, language: str) -> None:
    status = snap.report.status
    if status is None or status.empty:
        return
    with st.expander(t("workshop.status_grid")):
        cells = status.assign(cell=[
            status_mark(s) + ("" if pd.isna(c) else f" {c:.2f}")
            for s, c in zip(status["status"], status["cr"], strict=True)])
        grid = cells.pivot(index="matrix", columns="participant", values="cell")
        grid = grid.reindex(index=list(dict.fromkeys(status["matrix"])),
                            columns=list(dict.fromkeys(status["participant"])))
        grid.index = [matrix_label(model, m, language) for m in grid.index]
        grid.columns = [plain(c) for c in grid.columns]
        st.dataframe(grid)


def _on_groups(path: Path | str, code: str, people: list, key: str) -> None:
    edited = st.session_state[key].get("edited_rows", {})
    for row, change in edited.items():
        store_action(path, partial(_set_group, code, people[int(row)].id, change))


def _set_group(code: str, participant_id: int, change: dict[str, Any], store: Store) -> None:
    """Store one row's edit; a subgroup cell emptied by the facilitator (the editor gives None)
    removes the tag, an emptied weight keeps the weight."""
    weight = change.get("weight")
    subgroup = change.get("subgroup")
    if "subgroup" in change and subgroup is None:
        subgroup = ""
    store.set_participant_group(code, participant_id, subgroup=subgroup,
                                weight=None if weight is None else float(weight))


def _subgroups(path: Path | str, workshop: Workshop, snap: Snapshot, language: str) -> None:
    if not snap.people:
        return
    with st.expander(t("workshop.subgroups_title")):
        key = f"ws_groups:{workshop.code}"
        table = pd.DataFrame({"name": [snap.names[p.name] for p in snap.people],
                              "subgroup": [p.subgroup for p in snap.people],
                              "weight": [p.weight for p in snap.people]})
        st.data_editor(table, key=key, hide_index=True, disabled=["name"],
                       column_config={"name": t("common.col_name"),
                                      "subgroup": t("workshop.col_subgroup"),
                                      "weight": st.column_config.NumberColumn(
                                          t("common.col_weight"), min_value=0.01)},
                       on_change=_on_groups, args=(path, workshop.code, snap.people, key))
        report = snap.report
        if report.subgroups is not None:
            st.markdown(f"**{t('workshop.by_subgroup')}**")
            table, names = _translated(report.subgroups, report.subgroup_names)
            show_table(comparison_view(table, [plain(n) for n in names], language))


_GROUP_NAMES = {EVERYONE: "workshop.with_everyone", INCLUDED: "workshop.without_left_out",
                OVERALL: "workshop.overall"}


def _translated(table: pd.DataFrame, names: tuple[str, ...]) -> tuple[pd.DataFrame, list[str]]:
    """A compare_rankings table with its fixed group names in the session's language (subgroup
    names, typed by the facilitator, stay as they are)."""
    shown = [t(_GROUP_NAMES[n]) if n in _GROUP_NAMES else n for n in names]
    columns = {}
    for name, new in zip(names, shown, strict=True):
        columns[rank_column(name)] = rank_column(new)
        columns[priority_column(name)] = priority_column(new)
    return table.rename(columns=columns), shown


def _on_next_round(path: Path | str, code: str) -> None:
    if not st.session_state.get("ws_round_ok"):
        flash("error", t("common.confirm_first"))
        return
    workshop = store_action(path, lambda s: s.next_round(code))
    if workshop is not None:
        st.session_state["ws_round_ok"] = False
        flash("success", t("workshop.round_opened", n=workshop.round))


def _rounds_chart(snap: Snapshot, language: str) -> go.Figure:
    rounds, ranks = snap.report.rounds, snap.report.round_rankings
    assert rounds is not None and ranks is not None  # drawn only once there are rounds
    fig = go.Figure()
    fig.add_scatter(x=rounds["round"], y=rounds["mean_consensus"], name="S* (mean)",
                    mode="lines+markers", line={"width": 4})
    for sid, rows in ranks.groupby("id", sort=False):
        fig.add_scatter(x=rows["round"], y=rows["priority"], name=str(sid),
                        mode="lines+markers", yaxis="y2", line={"dash": "dot"})
    rtl = language == "fa"
    fig.update_layout(
        height=380, title=title_layout(isolate(t("workshop.rounds_chart"), language), language),
        font={"family": FONT_FA} if rtl else None, legend=legend_below(language, -0.2),
        xaxis={"dtick": 1, "title": t("workshop.col_round")},
        yaxis={"range": [0, 1], "title": "S*"},
        yaxis2={"overlaying": "y", "side": "right", "tickformat": ".1%"},
        margin={"l": 10, "r": 10, "t": 50, "b": 10})
    return persian_numbers(fig, language, ("xaxis", "yaxis", "yaxis2"))


def _rounds(path: Path | str, workshop: Workshop, snap: Snapshot, language: str) -> None:
    st.subheader(t("workshop.rounds_title"))
    rounds = snap.report.rounds
    if rounds is not None and not rounds.empty:
        show_table(pd.DataFrame({
            t("workshop.col_round"): rounds["round"].astype(str),
            t("workshop.col_submitted"): rounds["submitted"].astype(str),
            t("workshop.col_mean_consensus"): rounds["mean_consensus"],
            t("workshop.col_lowest_consensus"): rounds["lowest_consensus"],
        }), digits=3)
        show_figure(_rounds_chart(snap, language), key="ws_rounds_chart")
    st.checkbox(t("workshop.next_round_confirm"), key="ws_round_ok")
    st.button(t("workshop.next_round", n=workshop.round, m=workshop.round + 1),
              key="ws_next_round",
              on_click=_on_next_round, args=(path, workshop.code))


def _results(workshop: Workshop, snap: Snapshot, model: SwotModel, language: str) -> dict:
    """The group results on screen; returns the CSV files to download."""
    st.subheader(t("workshop.results"))
    report = snap.report
    if not report.submitted:
        st.info(t("workshop.no_results"))
        return {}
    if not report.included:
        st.warning(t("workshop.everyone_out"))
    if report.error:
        st.error(literal(t("workshop.cannot_group", ascii_digits=True, message=report.error), 600))
        return {}
    if report.unjudged:
        st.warning(t("workshop.unjudged_warning", n=len(report.unjudged)))
        with st.expander(t("workshop.unjudged_list")):
            st.dataframe(pd.DataFrame({t("common.col_matrix"): [
                matrix_label(model, m, language) for m in report.unjudged]}), hide_index=True)
    st.markdown(f"**{t('workshop.group_ranking')}**")
    table, names = _translated(report.rankings, report.ranking_names)
    show_table(comparison_view(table, names, language))
    show_figure(comparison_chart(table, names, language, title=t("workshop.ws_chart_title")),
                    key="ws_chart")
    st.markdown(f"**{t('workshop.consensus', ascii_digits=True)}**")
    st.caption(t("workshop.consensus_note", ascii_digits=True))
    consensus, disputes = report.consensus, report.disputes
    assert consensus is not None and disputes is not None  # computed: the report has no error
    judged = consensus[consensus["judges"] > 0]
    show_table(pd.DataFrame({
        t("common.col_matrix"): [matrix_label(model, m, language) for m in judged["matrix"]],
        t("workshop.col_judges"): judged["judges"].astype(str),
        t("workshop.col_consensus"): ["—" if pd.isna(v) else f"{v:.3f}"
                                      for v in judged["consensus"]],
        t("workshop.col_band"): [t(family("workshop.band_", b)) for b in judged["band"]],
    }), digits=3)
    st.markdown(f"**{t('workshop.disagreements')}**")
    disputes = disputes[disputes["dispersion"] > 1 + 1e-9].head(15)
    show_table(pd.DataFrame({
        t("common.col_matrix"): [matrix_label(model, m, language) for m in disputes["matrix"]],
        t("workshop.col_item_i"): [item_label(model, x, language) for x in disputes["item_i"]],
        t("workshop.col_item_j"): [item_label(model, x, language) for x in disputes["item_j"]],
        t("workshop.col_judges"): disputes["judges"].astype(str),
        t("workshop.col_dispersion"): disputes["dispersion"],
        t("workshop.col_lowest"): [labelled_value(v) for v in disputes["lowest"]],
        t("workshop.col_highest"): [labelled_value(v) for v in disputes["highest"]],
        t("workshop.col_opposed"): [t("common.yes") if o else t("common.no")
                                    for o in disputes["opposed"]],
    }), digits=2)
    st.markdown(f"**{t('workshop.group_judgments')}**")
    memo = st.session_state.get(MEMO_KEY)
    key = (workshop.code, snap.version, tuple(snap.names.values()), language)
    if memo is None or memo[0] != key:  # labels and files once per change of the results
        memo = (key, *_labelled(report, model, language))
        st.session_state[MEMO_KEY] = memo
    st.dataframe(memo[1], hide_index=True)
    return dict(memo[2])


def _labelled(report: WorkshopReport, model: SwotModel, language: str
              ) -> tuple[pd.DataFrame, dict[str, bytes]]:
    """The judgments side by side as labels and Saaty values, and the CSV files."""
    side, consensus = report.side, report.consensus
    disputes, status = report.disputes, report.status
    assert side is not None and consensus is not None  # computed: the report has no error
    assert disputes is not None and status is not None
    people = [c for c in side.columns if c not in ("matrix", "item_i", "item_j", GROUP_COLUMN)]
    view = labelled_judgments(side, model, language, [*people, GROUP_COLUMN]).rename(
        columns={GROUP_COLUMN: t("common.col_group")} | {p: plain(p) for p in people})
    files = {
        "group_ranking": ranking_csv(report.ranking, "both"),
        "group_judgments": dataframe_csv(
            view.rename(columns={plain(p): p for p in people}).assign(
                **{f"{GROUP_COLUMN} (value)": side[GROUP_COLUMN]})),
        "consensus": dataframe_csv(consensus.assign(
            label=[matrix_label(model, m, language) for m in consensus["matrix"]])),
        "disagreements": dataframe_csv(disputes.assign(
            matrix_label=[matrix_label(model, m, language) for m in disputes["matrix"]],
            item_i_label=[item_label(model, x, language) for x in disputes["item_i"]],
            item_j_label=[item_label(model, x, language) for x in disputes["item_j"]])),
        "status": dataframe_csv(status.assign(
            matrix_label=[matrix_label(model, m, language) for m in status["matrix"]])),
    }
    return view, files


def labelled_value(value: float) -> str:
    """A judgment in a table: its Saaty value."""
    return saaty_text(value)


def _audit(store: Store, workshop: Workshop, snap: Snapshot, model: SwotModel,
           language: str) -> bytes | None:
    """The audit trail on demand (it grows with every change): table and CSV."""
    st.subheader(t("workshop.audit_title"))
    if not st.toggle(t("workshop.show_audit"), key="ws_audit"):
        return None
    table = audit_view(store.judgment_changes(workshop.code), model, snap.names, language)
    st.dataframe(table.tail(300), hide_index=True)
    return dataframe_csv(table)


def _downloads(workshop: Workshop, files: dict[str, bytes], language: str) -> None:
    st.markdown(f"**{t('workshop.downloads')}**")
    rtl = language == "fa"
    row = st.container(horizontal=True, horizontal_alignment="right" if rtl else "left")
    for what, data in (reversed(files.items()) if rtl else files.items()):
        row.download_button(t(family("workshop.dl_", what)), data,
                            file_name=f"workshop-{workshop.code}-{what}.csv",
                            mime="text/csv", key=f"ws_dl_{what}", on_click="ignore")


def render_workshop(path: Path | str, code: str, language: str) -> None:
    """The facilitator's view of the workshop ``code`` (refreshing every few seconds)."""

    @st.fragment(run_every=REFRESH_SECONDS)
    def live() -> None:
        workshop, snap, model = live_workshop(path, code)
        with Store(path) as store:
            _participants(path, workshop, snap, language)
            _status_grid(snap, model, language)
            _subgroups(path, workshop, snap, language)
            files = _results(workshop, snap, model, language)
            _rounds(path, workshop, snap, language)
            audit = _audit(store, workshop, snap, model, language)
            if audit is not None:
                files["audit"] = audit
        _downloads(workshop, files, language)
        if snap.report.included and not snap.report.error:  # in the refreshing part: the
            # buttons come with the first group result, not at the next click elsewhere
            workshop_report_buttons(path, code, workshop.model, language)

    with Store(path) as store:
        workshop = store.get_workshop(code)
    st.subheader(literal(workshop.title) if workshop.title else workshop.code, anchor=False)
    _links(workshop)
    _settings(path, workshop)
    live()
