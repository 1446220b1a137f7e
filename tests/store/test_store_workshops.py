"""Workshops: codes, participants, submissions, revisions, exclusion, and their errors."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from store_testdata import tiny_model

from swot.store import (
    CODE_ALPHABET,
    CODE_LENGTH,
    DuplicateParticipantError,
    InvalidDataError,
    ModelChangedError,
    Store,
    UnknownParticipantError,
    UnknownWorkshopError,
    WorkshopClosedError,
    model_fingerprint,
    normalize_code,
    workshop_link,
)
from swot.store.connection import run


def _judgments(model: dict[str, Any], marker: float = 2.0) -> dict[str, Any]:
    judgments = copy.deepcopy(model["judgments"])
    judgments["groups"][0][1] = marker
    judgments["groups"][1][0] = 1 / marker
    return judgments


# -- workshops and codes


def test_create_and_get_workshop(store: Store, model: dict[str, Any]) -> None:
    workshop = store.create_workshop(model, title=" Board ")
    assert len(workshop.code) == CODE_LENGTH
    assert set(workshop.code) <= set(CODE_ALPHABET)
    assert workshop.title == "Board" and workshop.is_open
    assert workshop.model == model
    assert workshop.fingerprint == model_fingerprint(model)
    assert store.get_workshop(workshop.code.lower()) == workshop
    assert store.get_workshop(f" {workshop.code[:3]}-{workshop.code[3:]} ") == workshop
    assert [w.code for w in store.list_workshops()] == [workshop.code]


def test_codes_are_unique(store: Store, model: dict[str, Any]) -> None:
    codes = {store.create_workshop(model).code for _ in range(40)}
    assert len(codes) == 40


def test_unknown_code_names_the_code(store: Store, model: dict[str, Any]) -> None:
    store.create_workshop(model)
    with pytest.raises(UnknownWorkshopError, match="ZZZ999"):
        store.get_workshop("ZZZ999")
    for call in (
        lambda: store.join("ZZZ999", "Ali"),
        lambda: store.participants("ZZZ999"),
        lambda: store.latest_submissions("ZZZ999"),
        lambda: store.close_workshop("ZZZ999"),
        lambda: store.submit("ZZZ999", 1, model["judgments"], model_fingerprint(model)),
    ):
        with pytest.raises(UnknownWorkshopError, match="no workshop with code 'ZZZ999'"):
            call()


def test_workshop_link() -> None:
    assert workshop_link("http://localhost:8501/", "abc234") == (
        "http://localhost:8501/?workshop=ABC234"
    )
    assert workshop_link("https://x.org/app?lang=fa&workshop=OLD", "Q2W3E4") == (
        "https://x.org/app?lang=fa&workshop=Q2W3E4"
    )
    assert normalize_code(" ab-c 234") == "ABC234"


def test_close_and_reopen(store: Store, model: dict[str, Any]) -> None:
    code = store.create_workshop(model).code
    ali = store.join(code, "Ali")
    store.close_workshop(code)
    assert not store.get_workshop(code).is_open
    with pytest.raises(WorkshopClosedError, match=code):
        store.join(code, "Sara")
    with pytest.raises(WorkshopClosedError, match=f"workshop {code} is closed; submissions"):
        store.submit(code, ali.id, _judgments(model), model_fingerprint(model))
    store.reopen_workshop(code)
    store.submit(code, ali.id, _judgments(model), model_fingerprint(model))
    assert [p.name for p in store.participants(code)] == ["Ali"]


def test_delete_workshop_removes_its_rows(store: Store, model: dict[str, Any]) -> None:
    keep = store.create_workshop(model).code
    gone = store.create_workshop(model).code
    for code in (keep, gone):
        person = store.join(code, "Ali")
        store.submit(code, person.id, _judgments(model), model_fingerprint(model))
    store.delete_workshop(gone)
    with pytest.raises(UnknownWorkshopError, match=f"no workshop with code '{gone}'"):
        store.get_workshop(gone)
    assert len(store.latest_submissions(keep)) == 1
    rows = store._read(lambda conn: run(conn, "SELECT COUNT(*) AS n FROM submissions").one())
    assert rows["n"] == 1


# -- participants


def test_join_and_duplicate_names(store: Store, model: dict[str, Any]) -> None:
    code = store.create_workshop(model).code
    ali = store.join(code.lower(), "  Ali  Rezaei ")
    assert (ali.name, ali.workshop_code, ali.excluded) == ("Ali Rezaei", code, False)
    for again in ("ali rezaei", "ALI   REZAEI", " Ali Rezaei"):
        with pytest.raises(DuplicateParticipantError, match="already taken"):
            store.join(code, again)
    assert store.get_participant(code, "ALI rezaei") == ali
    other = store.create_workshop(model).code
    assert store.join(other, "Ali Rezaei").id != ali.id  # names are per workshop
    assert [p.name for p in store.participants(code)] == ["Ali Rezaei"]


def test_persian_names_compare_case_insensitively(store: Store, model: dict[str, Any]) -> None:
    code = store.create_workshop(model).code
    store.join(code, "سارا")
    store.join(code, "Straße")
    with pytest.raises(DuplicateParticipantError, match="'STRASSE' is already taken"):
        store.join(code, "STRASSE")
    assert store.get_participant(code, "سارا").name == "سارا"


def test_unknown_participant(store: Store, model: dict[str, Any]) -> None:
    code = store.create_workshop(model).code
    other = store.create_workshop(model).code
    stranger = store.join(other, "Stranger")
    with pytest.raises(UnknownParticipantError, match="Nobody"):
        store.get_participant(code, "Nobody")
    with pytest.raises(UnknownParticipantError, match=code):
        store.submit(code, stranger.id, _judgments(model), model_fingerprint(model))
    with pytest.raises(UnknownParticipantError, match=f"no participant with id {stranger.id} in"):
        store.set_excluded(code, stranger.id, True)
    with pytest.raises(InvalidDataError, match="participant name is empty"):
        store.join(code, "   ")


# -- submissions


def test_submit_revise_and_latest(store: Store, model: dict[str, Any]) -> None:
    code = store.create_workshop(model).code
    fingerprint = model_fingerprint(model)
    ali, sara, reza = (store.join(code, n) for n in ("Ali", "Sara", "Reza"))
    first = store.submit(code, ali.id, _judgments(model, 2), fingerprint)
    assert (first.participant_name, first.revision) == ("Ali", 1)
    assert first.judgments == _judgments(model, 2)
    store.submit(code, sara.id, _judgments(model, 5), fingerprint)
    second = store.submit(code, ali.id, _judgments(model, 3), fingerprint)
    assert second.revision == 2
    latest = store.latest_submissions(code)
    assert [(s.participant_name, s.judgments["groups"][0][1]) for s in latest] == [
        ("Ali", 3),
        ("Sara", 5),
    ]
    assert store.latest_submission(code, ali.id) == second
    assert store.latest_submission(code, reza.id) is None
    assert [s.id for s in store.submission_history(code, ali.id)] == [first.id, second.id]
    status = {p.name: (p.status, p.revisions) for p in store.participants(code)}
    assert status == {"Ali": ("submitted", 2), "Sara": ("submitted", 1), "Reza": ("joined", 0)}
    ali_status = store.participants(code)[0]
    assert ali_status.last_submitted_at == second.submitted_at


def test_exclusion(store: Store, model: dict[str, Any]) -> None:
    code = store.create_workshop(model).code
    fingerprint = model_fingerprint(model)
    people = [store.join(code, n) for n in ("A", "B", "C")]
    for person in people:
        store.submit(code, person.id, _judgments(model), fingerprint)
    store.set_excluded(code, people[1].id, True)
    assert [s.participant_name for s in store.latest_submissions(code)] == ["A", "C"]
    everyone = store.latest_submissions(code, include_excluded=True)
    assert [s.participant_name for s in everyone] == ["A", "B", "C"]
    assert [p.excluded for p in store.participants(code)] == [False, True, False]
    store.set_excluded(code, people[1].id, False)
    assert len(store.latest_submissions(code)) == 3


def test_model_changed_since_opening(store: Store, model: dict[str, Any]) -> None:
    code = store.create_workshop(model).code
    opened_on = model_fingerprint(model)
    ali = store.join(code, "Ali")
    store.submit(code, ali.id, _judgments(model), opened_on)
    changed = tiny_model()
    changed["factors"]["T"].append({"id": "T2", "label_en": "Law", "label_fa": ""})
    changed["judgments"]["factors"]["T"] = [[1, 2], [0.5, 1]]
    changed["judgments"]["strategies"]["T2"] = {"ratings": [1, 1, 1]}
    version = store.submissions_version(code)
    workshop = store.update_workshop_model(code, changed)
    assert workshop.fingerprint != opened_on
    assert store.submissions_version(code) != version  # cached group results recomputed
    with pytest.raises(ModelChangedError, match="changed since you opened it"):
        store.submit(code, ali.id, _judgments(model), opened_on)
    assert len(store.submission_history(code, ali.id)) == 1
    assert store.latest_submissions(code) == []  # the old one is on another structure
    assert store.participants(code)[0].status == "stale"
    store.submit(code, ali.id, _judgments(changed), workshop.fingerprint)
    assert store.participants(code)[0].status == "submitted"


@pytest.mark.parametrize(
    "damage, where",
    [
        (lambda j: j.pop("groups"), r"judgments: missing required field 'groups'"),
        (lambda j: j["factors"].__setitem__("S", [[1]]), r"judgments\.factors\.S"),
        (lambda j: j["factors"]["S"][0].__setitem__(1, -3), r"judgments\.factors\.S\[0\]\[1\]"),
        (lambda j: j["factors"]["S"][0].__setitem__(1, "3"), r"judgments\.factors\.S\[0\]\[1\]"),
        (
            lambda j: j["strategies"].pop("T1"),
            r'judgments\.strategies: missing judgments for factor "T1"',
        ),
        (lambda j: j["strategies"]["O1"].__setitem__("ratings", [0, 0, 0]), r"O1\.ratings"),
        (
            lambda j: j["strategies"].__setitem__("O1", {"pairwise": [[1] * 3] * 3}),
            r"judgments\.strategies\.O1",
        ),
        (
            lambda j: j.__setitem__(
                "group_dependence", {"S": {"groups": ["S", "O"], "matrix": [[1]]}}
            ),
            "group_dependence",
        ),
        (lambda j: j["groups"][2].__setitem__(3, float("nan")), r"judgments\.groups\[2\]\[3\]"),
    ],
)
def test_malformed_judgments_are_refused(
    store: Store, model: dict[str, Any], damage: Any, where: str
) -> None:
    code = store.create_workshop(model).code
    ali = store.join(code, "Ali")
    judgments = _judgments(model)
    damage(judgments)
    with pytest.raises(InvalidDataError, match=where):
        store.submit(code, ali.id, judgments, model_fingerprint(model))
    assert store.submission_history(code, ali.id) == []


def test_group_dependence_is_checked_against_the_model(store: Store, model: dict[str, Any]) -> None:
    model["judgments"]["group_dependence"] = {
        "O": {"groups": ["S", "O"], "matrix": [[1, 2], [0.5, 1]]}
    }
    code = store.create_workshop(model).code
    ali = store.join(code, "Ali")
    good = _judgments(model)
    assert store.submit(code, ali.id, good, model_fingerprint(model)).judgments == good
    good["group_dependence"]["O"]["matrix"] = [[1]]
    with pytest.raises(InvalidDataError, match=r"group_dependence\.O"):
        store.submit(code, ali.id, good, model_fingerprint(model))


# -- fingerprints


def test_fingerprint_ignores_values_but_not_structure(model: dict[str, Any]) -> None:
    base = model_fingerprint(model)
    values = tiny_model()
    values["judgments"] = _judgments(values, 9)
    values["judgments"]["strategies"]["O1"]["ratings"] = [1, 2, 3]
    values["title"]["en"] = "Another title"
    values["factors"]["S"][0]["label_en"] = "Relabelled"
    assert model_fingerprint(values) == base

    def changed(edit: Any) -> str:
        other = tiny_model()
        edit(other)
        return model_fingerprint(other)

    variants = [
        changed(lambda m: m["factors"]["S"].reverse()),
        changed(lambda m: m["strategies"].pop()),
        changed(lambda m: m["factors"]["W"][0].__setitem__("id", "W9")),
        changed(lambda m: m["judgments"]["strategies"].__setitem__("O1", {"pairwise": []})),
        changed(
            lambda m: m["judgments"].__setitem__(
                "group_dependence", {"S": {"groups": ["S", "W"], "matrix": []}}
            )
        ),
    ]
    assert base not in variants
    assert len(set(variants)) == len(variants)


def test_fingerprint_needs_a_structure() -> None:
    with pytest.raises(InvalidDataError, match="structure"):
        model_fingerprint({"factors": {}})


def _meanwhile(monkeypatch: pytest.MonkeyPatch, action: Any) -> None:
    """Run ``action`` once, after a submission was prepared and before its write lock."""
    from swot.store import values

    real = values.check_judgments_shape
    pending = [action]

    def checked(*args: Any) -> None:
        real(*args)
        while pending:
            pending.pop()()

    monkeypatch.setattr(values, "check_judgments_shape", checked)


def test_a_change_between_preparing_and_storing_a_submission_is_seen(
    database: Any, model: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A submission is prepared before the write lock; what changed meanwhile (a new round,
    a closed workshop, another submission of the same participant) is seen under the lock."""
    fingerprint = model_fingerprint(model)
    with Store(database) as store:
        code = store.create_workshop(model).code
        ann = store.join(code, "Ann").id
        store.submit(code, ann, model["judgments"], fingerprint)

    def another_tab_submits() -> None:
        changed = copy.deepcopy(model["judgments"])
        changed["groups"][0][1], changed["groups"][1][0] = 7, 1 / 7
        with Store(database) as other:
            other.submit(code, ann, changed, fingerprint)
            other.next_round(code)

    _meanwhile(monkeypatch, another_tab_submits)
    mine = copy.deepcopy(model["judgments"])
    mine["groups"][0][1], mine["groups"][1][0] = 5, 1 / 5
    with Store(database) as store:
        stored = store.submit(code, ann, mine, fingerprint)
        assert (stored.round, stored.revision) == (2, 4)  # after the other tab's and the carry
        change = [c for c in store.judgment_changes(code) if (c.item_i, c.item_j) == ("S", "W")]
        assert [(c.old_value, c.new_value, c.round) for c in change][-1] == (7, 5, 2)

    def facilitator_closes() -> None:
        with Store(database) as other:
            other.close_workshop(code)

    _meanwhile(monkeypatch, facilitator_closes)
    with Store(database) as store, pytest.raises(WorkshopClosedError):
        store.submit(code, ann, model["judgments"], fingerprint)
    with Store(database) as store:
        assert len(store.submission_history(code, ann)) == 4  # nothing stored


def test_a_submission_waiting_on_a_new_round_sees_the_round_complete(
    model: dict[str, Any],
) -> None:
    """PostgreSQL: a submission whose lock on the workshop waits for a facilitator's new round
    (its row locked FOR UPDATE, the carried-over submissions inserted, not yet committed) reads
    the participant's submissions after that commit, not from before its wait: its revision
    counts the carried-over one (1 before, the carry 2, this one 3)."""
    import threading
    import time

    from sqlalchemy import create_engine, text
    from store_testdata import postgres_url

    url = postgres_url()
    fingerprint = model_fingerprint(model)
    with Store(url) as store:
        code = store.create_workshop(model).code
        ann = store.join(code, "Ann").id
        store.submit(code, ann, model["judgments"], fingerprint)
    engine = create_engine(url)
    facilitator = engine.connect()
    stored: list[Any] = []
    try:
        with facilitator.begin():  # next_round's statements, held open while Ann submits
            facilitator.execute(text("SELECT id FROM workshops WHERE code = :c FOR UPDATE"),
                                {"c": code})
            facilitator.execute(text("UPDATE workshops SET round = 2 WHERE code = :c"),
                                {"c": code})
            facilitator.execute(text(
                "INSERT INTO submissions (participant_id, judgments_json, fingerprint, "
                "submitted_at, judged_json, round) SELECT participant_id, judgments_json, "
                "fingerprint, submitted_at, judged_json, 2 FROM submissions"))

            def ann_submits() -> None:
                with Store(url) as other:
                    stored.append(other.submit(code, ann, _judgments(model, 5), fingerprint))

            writer = threading.Thread(target=ann_submits)
            writer.start()
            time.sleep(0.5)  # Ann's write now waits on the workshop's row
            assert writer.is_alive()
        writer.join(timeout=10)
    finally:
        facilitator.close()
        engine.dispose()
    with Store(url) as store:
        history = store.submission_history(code, ann)
    assert [s.revision for s in history] == [1, 2, 3]
    assert (stored[0].round, stored[0].revision) == (2, 3)


def test_two_tabs_of_one_participant_submitting_at_once_are_stored_one_after_the_other(
    database: Any, model: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two submissions of one participant at once (two tabs, on PostgreSQL perhaps through
    two replicas): the second is stored only after the first has committed, so its revision
    and its audit-trail rows start from the first's judgments (old value 5, not the model's
    blank), as on SQLite, where the write lock orders them anyway."""
    import threading

    from swot.store import values

    fingerprint = model_fingerprint(model)
    with Store(database) as store:
        code = store.create_workshop(model).code
        ann = store.join(code, "Ann").id
    first_inside, release = threading.Event(), threading.Event()
    real_now = values.now

    def first_waits_inside_its_transaction() -> str:
        if threading.current_thread().name == "first":
            first_inside.set()
            release.wait(timeout=10)
        return real_now()

    monkeypatch.setattr(values, "now", first_waits_inside_its_transaction)
    stored: dict[str, Any] = {}

    def submit(marker: float) -> None:
        with Store(database) as other:
            stored[threading.current_thread().name] = other.submit(
                code, ann, _judgments(model, marker), fingerprint)

    first = threading.Thread(target=submit, args=(5,), name="first")
    second = threading.Thread(target=submit, args=(7,), name="second")
    first.start()
    assert first_inside.wait(timeout=10)  # the first holds its locks, not yet inserted
    second.start()
    second.join(timeout=0.5)  # the second waits for the first
    release.set()
    first.join(timeout=10)
    second.join(timeout=10)
    assert (stored["first"].revision, stored["second"].revision) == (1, 2)
    with Store(database) as store:
        pair = [(c.old_value, c.new_value) for c in store.judgment_changes(code)
                if (c.item_i, c.item_j) == ("S", "W")]
    assert pair == [(None, 5), (5, 7)]  # the model's blank (prefilled) -> 5 -> 7


def test_a_taken_or_unknown_participant_name_is_quoted_literally(
    store: Store, model: dict[str, Any]
) -> None:
    """A name with a quote or a backslash reads as typed, not as Python's repr."""
    code = store.create_workshop(model).code
    store.join(code, r"O'Brien \ Co")
    with pytest.raises(DuplicateParticipantError) as taken:
        store.join(code, r"O'Brien \ Co")
    assert str(taken.value).startswith(r"the name 'O'Brien \ Co' is already taken")
    with pytest.raises(UnknownParticipantError) as unknown:
        store.get_participant(code, r"  D'Arcy \  ")
    assert str(unknown.value) == rf"nobody named 'D'Arcy \' in workshop {code}"


def test_a_model_with_new_values_only_changes_the_results_key(store: Store,
                                                              model: dict[str, Any]) -> None:
    """Same structure, other prefilled values: the fingerprint stays (submissions still fit)
    but the key the facilitator's cached group results hang on must change."""
    code = store.create_workshop(model).code
    version = store.submissions_version(code)
    changed = copy.deepcopy(model)
    changed["judgments"]["groups"][0][1] = 7
    changed["judgments"]["groups"][1][0] = 1 / 7
    workshop = store.update_workshop_model(code, changed)
    assert workshop.fingerprint == model_fingerprint(model)
    assert store.submissions_version(code) != version
