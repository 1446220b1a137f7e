"""The facilitator's and the projector's data: one workshop's report, computed once per change
of its submissions (kept across reruns and sessions, keyed by the store's version key), and
the QR code of a link."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path
from typing import Any

import segno
import streamlit as st

from swot.io import model_from_dict
from swot.model import SwotModel
from swot.store import Store, Workshop
from swot.workshop_report import WorkshopReport, build_report
from swot.workshop_text import display_names
from ui.strings import t


@dataclasses.dataclass(frozen=True)
class Snapshot:
    """A workshop's people and report at one version of its submissions."""

    version: tuple[Any, ...]
    names: dict[str, str]  # stored name -> name shown (itself, or "Participant k")
    people: list[Any]
    report: WorkshopReport


def _renamed(subs: list[Any], names: dict[str, str]) -> list[Any]:
    return [dataclasses.replace(s, participant_name=names[s.participant_name]) for s in subs]


@st.cache_data(max_entries=64, show_spinner=False)
def _snapshot(path: str, code: str, version: tuple[Any, ...], anonymous: bool,
              label: str) -> Snapshot:
    with Store(path) as store:
        workshop = store.get_workshop(code)
        people = store.participants(code)
        names = display_names([p.name for p in people], anonymous, label)
        everyone = _renamed(store.latest_submissions(code, include_excluded=True), names)
        included = _renamed(store.latest_submissions(code), names)
        rounds = {r: _renamed(store.latest_submissions(code, round=r), names)
                  for r in range(1, workshop.round + 1)}
    return Snapshot(version, names, people, build_report(workshop.model, everyone, included,
                                                         rounds))


def live_workshop(path: Path | str, code: str) -> tuple[Workshop, Snapshot, SwotModel]:
    """The workshop ``code`` as stored now, its :func:`snapshot` (people named as its anonymity
    setting says) and its model: what the facilitator's and the projector's views redraw."""
    with Store(path) as store:
        workshop = store.get_workshop(code)
    snap = snapshot(path, code, workshop.anonymous,
                    t("workshop.participant_n", ascii_digits=True, n="{n}"))
    return workshop, snap, model_from_dict(workshop.model, source=f"workshop {code}")


def snapshot(path: Path | str, code: str, anonymous: bool, label: str) -> Snapshot:
    """The workshop's report, recomputed only when its submissions, participants, exclusions,
    weights, subgroups, round or anonymity changed."""
    with Store(path) as store:
        version = store.submissions_version(code)
    return _snapshot(str(path), code, version, anonymous, label)


@st.cache_data(max_entries=64, show_spinner=False)
def qr_png(link: str) -> bytes:
    """A QR code of ``link`` as PNG bytes (segno, pure Python)."""
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=8, border=2)
    return buffer.getvalue()
