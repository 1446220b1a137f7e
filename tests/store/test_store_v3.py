"""Schema 3: migration from every earlier version, private links, what was judged, caps,
subgroups and weights, Delphi rounds and the audit trail."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from store_testdata import old_database, tiny_model

from swot.judgment_cells import matrix_paths
from swot.store import (
    INVALID_LINK,
    SCHEMA_VERSION,
    InvalidDataError,
    Store,
    UnknownParticipantError,
    UnknownWorkshopError,
    WorkshopFullError,
    model_fingerprint,
)


@pytest.mark.parametrize("version", [1, 2])
def test_every_version_before_3_migrates_to_the_current(db_path: Path, version: int) -> None:
    old_database(db_path, version)
    with Store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION >= 3
        assert store.integrity_check() == ["ok"]
        workshop = store.get_workshop("ABC234")
        assert len(workshop.facilitator_token) == 32
        assert workshop.prefill and not workshop.anonymous and workshop.round == 1
        people = store.participants("ABC234")
        tokens = {p.token for p in people}
        assert len(tokens) == 2 and all(len(t) == 32 for t in tokens)
        assert store.participant_by_token(people[0].token).name == "Ali"
        assert store.workshop_by_facilitator_token(workshop.facilitator_token).code == "ABC234"
        # before v3 nothing recorded what was judged: the matrices that differ from the
        # model's own judgments count (Ali changed the groups; Sara left everything prefilled)
        judged = {s.participant_name: s.judged for s in store.latest_submissions("ABC234")}
        assert judged == {"Ali": ("judgments.groups",), "Sara": ()}
        # the new tables and columns work on the migrated file
        store.set_participant_group("ABC234", people[1].id, subgroup="NGO", weight=2)
        model = tiny_model()
        store.submit("ABC234", people[1].id, model["judgments"], model_fingerprint(model),
                     judged=["judgments.factors.S"], rationale="agree")
        assert store.judgment_changes("ABC234") == []  # same judgments as before: no change
        (sara,) = [s for s in store.latest_submissions("ABC234") if s.participant_name == "Sara"]
        assert (sara.judged, sara.subgroup, sara.weight) == (("judgments.factors.S",), "NGO", 2)


def test_migrated_audit_trail_records_changes(db_path: Path) -> None:
    old_database(db_path, 2)
    model = tiny_model()
    with Store(db_path) as store:
        sara = store.participants("ABC234")[1]
        changed = model["judgments"]
        changed["groups"][0][2], changed["groups"][2][0] = 3, 1 / 3
        store.submit("ABC234", sara.id, changed, model_fingerprint(model), rationale=" why \n")
        (row,) = store.judgment_changes("ABC234")
    assert (row.participant_name, row.matrix, row.item_i, row.item_j) == (
        "Sara", "judgments.groups", "S", "O")
    assert (row.old_value, row.new_value, row.rationale, row.round) == (1, 3, "why", 1)


def test_private_tokens_and_unknown_links(store: Store, model: dict[str, Any]) -> None:
    workshop = store.create_workshop(model, "t")
    ann, bob = store.join(workshop.code, "Ann"), store.join(workshop.code, "Bob")
    assert ann.token != bob.token and len(ann.token) == 32
    assert store.participant_by_token(bob.token).id == bob.id
    with pytest.raises(UnknownParticipantError, match="this link is not valid") as unknown:
        store.participant_by_token("0" * 32)
    assert str(unknown.value) == INVALID_LINK  # says nothing about what exists
    with pytest.raises(UnknownWorkshopError, match="this link is not valid") as bad:
        store.workshop_by_facilitator_token(ann.token)
    assert str(bad.value) == INVALID_LINK
    assert workshop.facilitator_token not in {ann.token, bob.token}


def test_cap_on_joins(store: Store, model: dict[str, Any]) -> None:
    code = store.create_workshop(model, max_participants=2).code
    store.join(code, "a")
    store.join(code, "b")
    with pytest.raises(WorkshopFullError, match="full"):
        store.join(code, "c")
    store.set_workshop_options(code, max_participants=None)
    store.join(code, "c")
    with pytest.raises(InvalidDataError, match="whole number"):
        store.create_workshop(model, max_participants=0)


def test_titles_and_rationales_are_bounded(store: Store, model: dict[str, Any]) -> None:
    with pytest.raises(InvalidDataError, match="title is longer"):
        store.create_workshop(model, "x" * 201)
    code = store.create_workshop(model).code
    ann = store.join(code, "Ann")
    with pytest.raises(InvalidDataError, match="rationale is longer"):
        store.submit(code, ann.id, model["judgments"], model_fingerprint(model),
                     rationale="y" * 501)


def test_judged_paths_are_checked_and_kept(store: Store, model: dict[str, Any]) -> None:
    code = store.create_workshop(model).code
    ann = store.join(code, "Ann")
    fingerprint = model_fingerprint(model)
    with pytest.raises(InvalidDataError, match="does not have"):
        store.submit(code, ann.id, model["judgments"], fingerprint, judged=["judgments.nope"])
    sub = store.submit(code, ann.id, model["judgments"], fingerprint,
                       judged=["judgments.strategies.S1", "judgments.groups"])
    assert sub.judged == ("judgments.groups", "judgments.strategies.S1")  # model order
    assert store.submit(code, ann.id, model["judgments"], fingerprint).judged == tuple(
        matrix_paths(model))


def test_blank_ratings_are_accepted_until_all_are_given(store: Store,
                                                       model: dict[str, Any]) -> None:
    code = store.create_workshop(model).code
    ann = store.join(code, "Ann")
    judgments = model["judgments"]
    judgments["strategies"]["O1"]["ratings"] = [None, None, None]
    store.submit(code, ann.id, judgments, model_fingerprint(model), judged=[])
    judgments["strategies"]["O1"]["ratings"] = [0, 0, 0]
    with pytest.raises(InvalidDataError, match="at least one rating must be positive"):
        store.submit(code, ann.id, judgments, model_fingerprint(model))


def test_rounds_carry_judgments_forward(store: Store, model: dict[str, Any]) -> None:
    code = store.create_workshop(model).code
    fingerprint = model_fingerprint(model)
    ann, bob = store.join(code, "Ann"), store.join(code, "Bob")
    first = model["judgments"]
    first["groups"][0][1], first["groups"][1][0] = 5, 0.2
    store.submit(code, ann.id, first, fingerprint, judged=["judgments.groups"])
    store.submit(code, bob.id, model["judgments"], fingerprint, judged=[])
    assert store.next_round(code).round == 2
    carried = {s.participant_name: s for s in store.latest_submissions(code)}
    assert carried["Ann"].judgments == first and carried["Ann"].judged == ("judgments.groups",)
    assert carried["Ann"].round == 2 and carried["Bob"].judged == ()
    revised = json.loads(json.dumps(first))
    revised["groups"][0][1], revised["groups"][1][0] = 3, 1 / 3
    store.submit(code, ann.id, revised, fingerprint, judged=["judgments.groups"],
                 rationale="closer to the group")
    by_round = {r: store.latest_submissions(code, round=r)[0].judgments["groups"][0][1]
                for r in (1, 2)}
    assert by_round == {1: 5, 2: 3}
    last = store.judgment_changes(code)[-1]
    assert (last.round, last.old_value, last.new_value, last.rationale) == (
        2, 5, 3, "closer to the group")


def test_subgroups_and_weights(store: Store, model: dict[str, Any]) -> None:
    code = store.create_workshop(model).code
    ann = store.join(code, "Ann")
    store.set_participant_group(code, ann.id, subgroup="  municipality ", weight=2.5)
    store.submit(code, ann.id, model["judgments"], model_fingerprint(model))
    (sub,) = store.latest_submissions(code)
    assert (sub.subgroup, sub.weight) == ("municipality", 2.5)
    for bad in (0, -1, float("nan"), True):
        with pytest.raises(InvalidDataError, match="weight"):
            store.set_participant_group(code, ann.id, weight=bad)
    with pytest.raises(InvalidDataError, match="control characters"):
        store.set_participant_group(code, ann.id, subgroup="\x00overall")


def test_version_key_changes_with_submissions(store: Store, model: dict[str, Any]) -> None:
    code = store.create_workshop(model).code
    before = store.submissions_version(code)
    ann = store.join(code, "Ann")
    joined = store.submissions_version(code)
    store.submit(code, ann.id, model["judgments"], model_fingerprint(model))
    submitted = store.submissions_version(code)
    store.set_excluded(code, ann.id, True)
    excluded = store.submissions_version(code)
    assert len({before, joined, submitted, excluded}) == 4
    assert store.submissions_version(code) == excluded
