"""Participants' submissions, Delphi rounds and the audit trail of judgment changes."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Connection as SAConnection
from sqlalchemy.engine import RowMapping

from swot.judgment_cells import changed_cells, differing_matrices
from swot.store import values
from swot.store.config import normalize_code
from swot.store.connection import run
from swot.store.errors import (
    ModelChangedError,
    UnknownParticipantError,
    UnknownWorkshopError,
    WorkshopClosedError,
)
from swot.store.records import JudgmentChange, Submission, Workshop
from swot.store.workshops import Workshops, participant_by_id, to_workshop, workshop_row

_SELECT = (
    "SELECT s.id, s.participant_id, p.name AS participant_name, "
    "(SELECT COUNT(*) FROM submissions r WHERE r.participant_id = s.participant_id "
    " AND r.id <= s.id) AS revision, s.submitted_at, s.fingerprint, s.judgments_json, "
    "s.judged_json, s.round, p.weight, p.subgroup "
    "FROM submissions s JOIN participants p ON p.id = s.participant_id "
)


# The state a submission depends on, in one row: the workshop (and its model), the participant,
# their submission count and latest submission. Read first without a lock (a consistent
# snapshot) to validate and prepare everything; read again under the write lock, where a
# submission is stored as prepared only if nothing it depends on has changed meanwhile.
_STATE = (
    "SELECT w.id, w.code, w.model_json, w.fingerprint, w.is_open, w.prefill, w.round, "
    "p.id AS participant_id, p.name, p.weight, p.subgroup, "
    "(SELECT COUNT(*) FROM submissions c WHERE c.participant_id = p.id) AS revisions, "
    "l.id AS last_id, l.judgments_json AS last_judgments, l.fingerprint AS last_fingerprint "
    "FROM workshops w LEFT JOIN participants p ON p.workshop_id = w.id AND p.id = :pid "
    "LEFT JOIN submissions l ON l.id = (SELECT MAX(m.id) FROM submissions m "
    "WHERE m.participant_id = p.id) WHERE w.code = :code"
)


@dataclass(frozen=True)
class _Prepared:
    """A submission's rows prepared from ``state`` (a row of _STATE as a dict)."""

    state: dict[str, Any]
    judged: list[str]
    changes: list[dict[str, Any]]


def _submission(row: RowMapping, model: Mapping[str, Any]) -> Submission:
    """A submission row; one stored before schema 3 (no record of what was judged) counts
    the matrices that differ from the workshop model's own judgments as judged."""
    judgments = values.from_json(row["judgments_json"], f"submission {row['id']}")
    if row["judged_json"] is None:
        try:
            judged = tuple(differing_matrices(judgments, model))
        except (KeyError, TypeError, IndexError, ValueError):  # old judgments that do not fit
            judged = ()
    else:
        judged = tuple(values.from_json(row["judged_json"], f"submission {row['id']}"))
    return Submission(
        id=row["id"],
        participant_id=row["participant_id"],
        participant_name=row["participant_name"],
        revision=row["revision"],
        submitted_at=row["submitted_at"],
        fingerprint=row["fingerprint"],
        judgments=judgments,
        judged=judged,
        round=row["round"],
        weight=row["weight"],
        subgroup=row["subgroup"],
    )


class Submissions(Workshops):
    """The submission, round and audit-trail queries of a :class:`~swot.store.Store`."""

    def submit(
        self,
        code: str,
        participant_id: int,
        judgments: dict[str, Any],
        model_fingerprint: str,
        judged: Sequence[str] | None = None,
        rationale: str = "",
    ) -> Submission:
        """Save a participant's judgments (made on the model with that fingerprint).

        ``judged`` names the matrices (paths of :func:`swot.judgment_cells.matrix_paths`) the
        participant has judged; None: all of them. Every cell that differs from their previous
        submission is added to the audit trail with ``rationale`` (one line, optional).

        The checks and the JSON are done before the write lock, on a snapshot of what the
        submission depends on; under the lock that state is read again in one statement and
        the prepared rows are stored only if it is unchanged (else prepared again there).
        """
        judgments_json = values.to_json(
            values.require_dict(judgments, "the judgments"), "the judgments", "judgments"
        )
        rationale = values.rationale(rationale)
        params = {"code": normalize_code(code), "pid": participant_id}

        def prepare(state: RowMapping) -> _Prepared:
            """The rows to store given ``state`` (a row of _STATE), or the error to raise."""
            if state is None:
                raise UnknownWorkshopError(
                    f"no workshop with code {code!r}; check the code or link")
            if state["participant_id"] is None:
                raise UnknownParticipantError(
                    f"no participant with id {participant_id!r} in workshop {state['code']}")
            if not state["is_open"]:
                raise WorkshopClosedError(
                    f"workshop {state['code']} is closed; submissions are no longer accepted"
                )
            if model_fingerprint != state["fingerprint"]:
                raise ModelChangedError(
                    f"the model of workshop {state['code']} has changed since you opened it; "
                    "reload the page (your judgments were not saved)"
                )
            model = values.from_json(state["model_json"], f"workshop {state['code']}")
            values.check_judgments_shape(judgments, model)
            judged_paths = values.judged_paths(judged, model)
            if state["last_id"] is not None and state["last_fingerprint"] == model_fingerprint:
                before = values.from_json(state["last_judgments"], "the previous submission")
            else:  # the first judgments on this model start from the prefill or from blanks
                before = model["judgments"] if state["prefill"] else None
            changes = [
                {"matrix": matrix, "i": item_i, "j": item_j, "old": old, "new": new}
                for (matrix, item_i, item_j), old, new in changed_cells(before, judgments, model)
            ]
            return _Prepared(dict(state), judged_paths, changes)

        def store(conn: SAConnection) -> tuple[_Prepared, int, str]:
            if conn.dialect.name != "sqlite":  # SQLite's write lock holds the whole file
                # no new round meanwhile, and one submission of a participant at a time (two
                # tabs): the next one reads this one as their previous. Locked first: a
                # statement that waits for a row lock reads the other tables as they were when
                # it began, so _STATE reads only once the locks are held.
                run(conn, "SELECT w.id FROM workshops w JOIN participants p "
                          "ON p.workshop_id = w.id AND p.id = :pid WHERE w.code = :code "
                          "FOR SHARE OF w FOR NO KEY UPDATE OF p", params).all()
            state = run(conn, _STATE, params).fetchone()
            ready = prepared if state is not None and dict(state) == prepared.state \
                else prepare(state)
            now = values.now()
            new_id = run(
                conn,
                "INSERT INTO submissions (participant_id, judgments_json, fingerprint, "
                "submitted_at, judged_json, round) VALUES (:pid, :judgments, :fingerprint, "
                ":now, :judged, :round) RETURNING id",
                {"pid": participant_id, "judgments": judgments_json,
                 "fingerprint": model_fingerprint, "now": now,
                 "judged": json.dumps(ready.judged), "round": state["round"]},
            ).one()["id"]
            if ready.changes:
                run(conn,
                    "INSERT INTO judgment_changes (participant_id, submission_id, round, "
                    "matrix, item_i, item_j, old_value, new_value, rationale, changed_at) "
                    "VALUES (:pid, :sid, :round, :matrix, :i, :j, :old, :new, :rationale, "
                    ":now)",
                    [{**change, "pid": participant_id, "sid": new_id, "round": state["round"],
                      "rationale": rationale, "now": now} for change in ready.changes])
            return ready, new_id, now

        prepared = prepare(self._read(lambda conn: run(conn, _STATE, params).fetchone()))
        ready, new_id, now = self._write(store)
        state = ready.state
        return Submission(
            id=new_id,
            participant_id=participant_id,
            participant_name=state["name"],
            revision=state["revisions"] + 1,
            submitted_at=now,
            fingerprint=model_fingerprint,
            judgments=values.from_json(judgments_json, "the judgments"),
            judged=tuple(ready.judged),
            round=state["round"],
            weight=state["weight"],
            subgroup=state["subgroup"],
        )

    def submission_history(self, code: str, participant_id: int) -> list[Submission]:
        """Every submission of a participant, oldest first."""

        def body(conn: SAConnection) -> list[Submission]:
            participant_by_id(conn, code, participant_id)
            model = to_workshop(workshop_row(conn, code)).model
            rows = run(conn, _SELECT + "WHERE s.participant_id = :pid ORDER BY s.id",
                       {"pid": participant_id}).all()
            return [_submission(row, model) for row in rows]

        return self._read(body)

    def latest_submission(self, code: str, participant_id: int) -> Submission | None:
        """A participant's latest submission, or None before the first."""
        history = self.submission_history(code, participant_id)
        return history[-1] if history else None

    def latest_submissions(
        self, code: str, include_excluded: bool = False, round: int | None = None
    ) -> list[Submission]:
        """Each participant's latest submission on the workshop's current model in a round
        (None: the current round).

        Participants whose latest submission was made on an older model are left out, and so
        are excluded participants unless ``include_excluded``.
        """

        def body(conn: SAConnection) -> list[Submission]:
            workshop = to_workshop(workshop_row(conn, code))
            rows = run(  # each participant's last id first, then only those rows
                conn,
                _SELECT
                + "WHERE s.id IN (SELECT MAX(l.id) FROM participants q JOIN submissions l "
                "ON l.participant_id = q.id AND l.round = :round WHERE q.workshop_id = :w "
                "GROUP BY q.id) AND s.fingerprint = :fingerprint "
                "AND (p.excluded = 0 OR :all = 1) ORDER BY p.id",
                {"round": workshop.round if round is None else round, "w": workshop.id,
                 "fingerprint": workshop.fingerprint, "all": int(include_excluded)},
            ).all()
            return [_submission(r, workshop.model) for r in rows]

        return self._read(body)

    def next_round(self, code: str) -> Workshop:
        """Close the current Delphi round and open the next.

        Each participant's latest judgments of the closed round (on the current model) start
        the new round as their first submission there, with what they had judged; they may
        keep or revise them. The closed round's submissions stay as they were.
        """

        def body(conn: SAConnection) -> Workshop:
            workshop = to_workshop(workshop_row(conn, code, lock="update"))
            new_round = workshop.round + 1
            run(conn, "UPDATE workshops SET round = :round WHERE id = :id",
                {"round": new_round, "id": workshop.id})
            run(
                conn,
                "INSERT INTO submissions (participant_id, judgments_json, fingerprint, "
                "submitted_at, judged_json, round) "
                "SELECT s.participant_id, s.judgments_json, s.fingerprint, :now, s.judged_json, "
                ":new_round FROM submissions s JOIN participants p ON p.id = s.participant_id "
                "WHERE p.workshop_id = :w AND s.round = :round AND s.fingerprint = :fingerprint "
                "AND s.id = (SELECT MAX(id) FROM submissions WHERE participant_id = p.id "
                "AND round = :round) ORDER BY s.participant_id",
                {"now": values.now(), "new_round": new_round, "w": workshop.id,
                 "round": workshop.round, "fingerprint": workshop.fingerprint},
            )
            return to_workshop(workshop_row(conn, code))

        return self._write(body)

    def judgment_changes(self, code: str) -> list[JudgmentChange]:
        """The audit trail of a workshop: every judgment change, oldest first."""

        def body(conn: SAConnection) -> list[RowMapping]:
            return run(
                conn,
                "SELECT c.id, c.participant_id, p.name AS participant_name, c.round, c.matrix, "
                "c.item_i, c.item_j, c.old_value, c.new_value, c.rationale, c.changed_at "
                "FROM judgment_changes c JOIN participants p ON p.id = c.participant_id "
                "WHERE p.workshop_id = :w ORDER BY c.id",
                {"w": workshop_row(conn, code)["id"]},
            ).all()

        return [JudgmentChange(**dict(row)) for row in self._read(body)]
