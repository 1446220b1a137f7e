"""Workshops and their participants: codes, private links, settings, joins."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection as SAConnection
from sqlalchemy.engine import RowMapping

from swot.store import values
from swot.store.config import normalize_code
from swot.store.connection import Connection, run
from swot.store.errors import (
    INVALID_LINK,
    DuplicateParticipantError,
    StoreError,
    UnknownParticipantError,
    UnknownWorkshopError,
    WorkshopClosedError,
    WorkshopFullError,
)
from swot.store.records import Participant, ParticipantStatus, Workshop

WORKSHOP_COLUMNS = (
    "id, code, title, model_json, fingerprint, is_open, created_at, facilitator_token, "
    "prefill, anonymous, max_participants, round"
)
PARTICIPANT_COLUMNS = (
    "p.id, w.code AS workshop_code, p.name, p.joined_at, p.excluded, p.token, p.subgroup, "
    "p.weight"
)
_PARTICIPANT_FROM = "FROM participants p JOIN workshops w ON w.id = p.workshop_id "


def workshop_row(conn: SAConnection, code: str, lock: str = "") -> RowMapping:
    """The workshop with this code, or :class:`UnknownWorkshopError`.

    ``lock`` ("share" or "update"): on a server, the row stays locked until the transaction
    ends (an SQLite write holds the whole database already).
    """
    locking = f" FOR {lock.upper()}" if lock and conn.dialect.name != "sqlite" else ""
    row = run(conn, f"SELECT {WORKSHOP_COLUMNS} FROM workshops WHERE code = :code{locking}",
              {"code": normalize_code(code)}).fetchone()
    if row is None:
        raise UnknownWorkshopError(f"no workshop with code {code!r}; check the code or link")
    return row


def to_workshop(row: RowMapping) -> Workshop:
    """A workshop record from a row of WORKSHOP_COLUMNS."""
    return Workshop(
        id=row["id"],
        code=row["code"],
        title=row["title"],
        model=values.from_json(row["model_json"], f"workshop {row['code']}"),
        fingerprint=row["fingerprint"],
        is_open=bool(row["is_open"]),
        created_at=row["created_at"],
        facilitator_token=row["facilitator_token"] or "",
        prefill=bool(row["prefill"]),
        anonymous=bool(row["anonymous"]),
        max_participants=row["max_participants"],
        round=row["round"],
    )


def _participant_fields(row: RowMapping) -> dict[str, Any]:
    return {
        "id": row["id"], "workshop_code": row["workshop_code"], "name": row["name"],
        "joined_at": row["joined_at"], "excluded": bool(row["excluded"]),
        "token": row["token"] or "", "subgroup": row["subgroup"], "weight": row["weight"],
    }


def participant_by_id(conn: SAConnection, code: str, participant_id: int) -> Participant:
    """The participant with this id in this workshop, or :class:`UnknownParticipantError`."""
    workshop_id = workshop_row(conn, code)["id"]
    row = run(
        conn,
        f"SELECT {PARTICIPANT_COLUMNS} {_PARTICIPANT_FROM}WHERE p.id = :id AND p.workshop_id = :w",
        {"id": participant_id, "w": workshop_id},
    ).fetchone()
    if row is None:
        raise UnknownParticipantError(
            f"no participant with id {participant_id!r} in workshop {normalize_code(code)}"
        )
    return Participant(**_participant_fields(row))


class Workshops(Connection):
    """The workshop and participant queries of a :class:`~swot.store.Store`."""

    def create_workshop(
        self,
        model: dict[str, Any],
        title: str = "",
        *,
        prefill: bool = False,
        anonymous: bool = False,
        max_participants: int | None = None,
    ) -> Workshop:
        """Open a workshop on a model; it gets a new short code and a facilitator token.

        ``prefill``: participants start from the model's judgments (still marked not judged
        until they confirm them) instead of blank matrices; ``anonymous``: participants are
        shown as "Participant 1..n"; ``max_participants``: a cap on joins (None: no cap).
        """
        model_json = values.model_json(model)
        fingerprint = values.model_fingerprint(model)
        title = values.title(title)
        cap = values.cap(max_participants)

        def body(conn: SAConnection) -> Workshop:
            for _ in range(20):
                code = values.new_code()
                try:
                    with conn.begin_nested():  # a code already taken: draw another
                        run(conn,
                            "INSERT INTO workshops (code, title, model_json, fingerprint, "
                            "is_open, created_at, facilitator_token, prefill, anonymous, "
                            "max_participants) VALUES (:code, :title, :model_json, "
                            ":fingerprint, 1, :now, :token, :prefill, :anonymous, :cap)",
                            {"code": code, "title": title, "model_json": model_json,
                             "fingerprint": fingerprint, "now": values.now(),
                             "token": values.new_token(), "prefill": int(prefill),
                             "anonymous": int(anonymous), "cap": cap})
                except sa_exc.IntegrityError:
                    continue
                return to_workshop(workshop_row(conn, code))
            raise StoreError("could not find an unused workshop code; try again")

        return self._write(body)

    def get_workshop(self, code: str) -> Workshop:
        """The workshop with this code (case-insensitive)."""
        return to_workshop(self._read(lambda conn: workshop_row(conn, code)))

    def list_workshops(self) -> list[Workshop]:
        """All workshops, oldest first."""
        rows = self._read(
            lambda conn: run(conn, f"SELECT {WORKSHOP_COLUMNS} FROM workshops ORDER BY id").all()
        )
        return [to_workshop(row) for row in rows]

    def _set_open(self, code: str, is_open: bool) -> None:
        def body(conn: SAConnection) -> None:
            run(conn, "UPDATE workshops SET is_open = :open WHERE id = :id",
                {"open": int(is_open), "id": workshop_row(conn, code)["id"]})

        self._write(body)

    def close_workshop(self, code: str) -> None:
        """Stop accepting participants and submissions."""
        self._set_open(code, False)

    def reopen_workshop(self, code: str) -> None:
        """Accept participants and submissions again."""
        self._set_open(code, True)

    def update_workshop_model(self, code: str, model: dict[str, Any]) -> Workshop:
        """Replace the workshop's model; submissions on another structure become stale."""
        model_json = values.model_json(model)
        fingerprint = values.model_fingerprint(model)

        def body(conn: SAConnection) -> Workshop:
            run(conn, "UPDATE workshops SET model_json = :model_json, fingerprint = :fingerprint "
                      "WHERE id = :id",
                {"model_json": model_json, "fingerprint": fingerprint,
                 "id": workshop_row(conn, code)["id"]})
            return to_workshop(workshop_row(conn, code))

        return self._write(body)

    def delete_workshop(self, code: str) -> None:
        """Delete a workshop with its participants and submissions."""

        def body(conn: SAConnection) -> None:
            run(conn, "DELETE FROM workshops WHERE id = :id",
                {"id": workshop_row(conn, code)["id"]})

        self._write(body)

    def workshop_by_facilitator_token(self, token: str) -> Workshop:
        """The workshop whose facilitator link carries ``token``."""

        def body(conn: SAConnection) -> RowMapping:
            row = run(conn, f"SELECT {WORKSHOP_COLUMNS} FROM workshops "
                            "WHERE facilitator_token = :token", {"token": str(token)}).fetchone()
            if row is None:
                raise UnknownWorkshopError(INVALID_LINK)
            return row

        return to_workshop(self._read(body))

    def set_workshop_options(
        self,
        code: str,
        *,
        anonymous: bool | None = None,
        max_participants: int | str | None = "keep",
    ) -> Workshop:
        """Change anonymous mode and/or the cap on joins (None: no cap; "keep": unchanged)."""

        def body(conn: SAConnection) -> Workshop:
            row = workshop_row(conn, code, lock="update")
            cap = (row["max_participants"] if max_participants == "keep"
                   else values.cap(max_participants))
            run(conn, "UPDATE workshops SET anonymous = :anonymous, max_participants = :cap "
                      "WHERE id = :id",
                {"anonymous": row["anonymous"] if anonymous is None else int(bool(anonymous)),
                 "cap": cap, "id": row["id"]})
            return to_workshop(workshop_row(conn, code))

        return self._write(body)

    # -- participants

    def join(self, code: str, name: str) -> Participant:
        """Add a participant to an open workshop; names are unique per workshop.

        The participant gets a secret ``token`` for their private link. A workshop with a cap
        on joins that is reached raises :class:`WorkshopFullError`.
        """
        name = values.clean_name(name, "the participant name")

        def body(conn: SAConnection) -> Participant:
            workshop = workshop_row(conn, code, lock="update")  # joins counted one at a time
            if not workshop["is_open"]:
                raise WorkshopClosedError(f"workshop {workshop['code']} is closed")
            cap = workshop["max_participants"]
            if cap is not None:
                count = run(conn, "SELECT COUNT(*) AS n FROM participants WHERE workshop_id = :w",
                            {"w": workshop["id"]}).one()["n"]
                if count >= cap:
                    raise WorkshopFullError(
                        f"workshop {workshop['code']} is full ({cap} participants); "
                        "ask the facilitator"
                    )
            try:
                with conn.begin_nested():  # a name taken leaves the transaction usable
                    new_id = run(
                        conn,
                        "INSERT INTO participants (workshop_id, name, name_key, joined_at, token) "
                        "VALUES (:w, :name, :key, :now, :token) RETURNING id",
                        {"w": workshop["id"], "name": name, "key": values.name_key(name),
                         "now": values.now(), "token": values.new_token()},
                    ).one()["id"]
            except sa_exc.IntegrityError as exc:
                raise DuplicateParticipantError(
                    f"the name '{name}' is already taken in workshop {workshop['code']}; "
                    "pick another name (to go on with your own judgments, reopen your "
                    "private link)"
                ) from exc
            return participant_by_id(conn, code, int(new_id))

        return self._write(body)

    def get_participant(self, code: str, name: str) -> Participant:
        """The participant of this workshop with this name (case-insensitive), to resume."""
        name = values.clean_name(name, "the participant name")
        key = values.name_key(name)

        def body(conn: SAConnection) -> Participant:
            workshop = workshop_row(conn, code)
            row = run(conn, f"SELECT {PARTICIPANT_COLUMNS} {_PARTICIPANT_FROM}"
                            "WHERE p.workshop_id = :w AND p.name_key = :key",
                      {"w": workshop["id"], "key": key}).fetchone()
            if row is None:
                raise UnknownParticipantError(
                    f"nobody named '{name}' in workshop {workshop['code']}")
            return Participant(**_participant_fields(row))

        return self._read(body)

    def participant_by_token(self, token: str) -> Participant:
        """The participant whose private link carries ``token``.

        An unknown token raises :class:`UnknownParticipantError` with a message that does
        not say whether any workshop or participant exists.
        """

        def body(conn: SAConnection) -> Participant:
            row = run(conn, f"SELECT {PARTICIPANT_COLUMNS} {_PARTICIPANT_FROM}"
                            "WHERE p.token = :token", {"token": str(token)}).fetchone()
            if row is None:
                raise UnknownParticipantError(INVALID_LINK)
            return Participant(**_participant_fields(row))

        return self._read(body)

    def set_excluded(self, code: str, participant_id: int, excluded: bool) -> None:
        """Leave a participant out of (or back into) the group results."""

        def body(conn: SAConnection) -> None:
            participant_by_id(conn, code, participant_id)
            run(conn, "UPDATE participants SET excluded = :excluded WHERE id = :id",
                {"excluded": int(bool(excluded)), "id": participant_id})

        self._write(body)

    def set_participant_group(
        self, code: str, participant_id: int, subgroup: str | None = None,
        weight: float | None = None,
    ) -> Participant:
        """Tag a participant with a subgroup and/or give them a weight (> 0, finite)."""
        if subgroup is not None:
            subgroup = values.subgroup(subgroup)
        if weight is not None:
            weight = values.weight(weight)

        def body(conn: SAConnection) -> Participant:
            person = participant_by_id(conn, code, participant_id)
            run(conn, "UPDATE participants SET subgroup = :subgroup, weight = :weight "
                      "WHERE id = :id",
                {"subgroup": person.subgroup if subgroup is None else subgroup,
                 "weight": person.weight if weight is None else weight, "id": participant_id})
            return participant_by_id(conn, code, participant_id)

        return self._write(body)

    def participants(self, code: str) -> list[ParticipantStatus]:
        """Everyone who joined, in joining order, with their submission state."""

        def body(conn: SAConnection) -> list[RowMapping]:
            workshop = workshop_row(conn, code)
            # counts from the index; time and model of the last row only: no revision's JSON
            # is read (a row's later columns lie past its judgments)
            return run(
                conn,
                f"SELECT {PARTICIPANT_COLUMNS}, "
                "(SELECT COUNT(*) FROM submissions WHERE participant_id = p.id) AS revisions, "
                "(SELECT submitted_at FROM submissions WHERE participant_id = p.id "
                " ORDER BY id DESC LIMIT 1) AS last_submitted_at, "
                "(SELECT fingerprint FROM submissions WHERE participant_id = p.id "
                " ORDER BY id DESC LIMIT 1) = w.fingerprint AS current "
                f"{_PARTICIPANT_FROM}WHERE p.workshop_id = :w ORDER BY p.id",
                {"w": workshop["id"]},
            ).all()

        return [
            ParticipantStatus(
                **_participant_fields(row),
                revisions=row["revisions"],
                last_submitted_at=row["last_submitted_at"],
                current=bool(row["current"]),
            )
            for row in self._read(body)
        ]

    def submissions_version(self, code: str) -> tuple[int, int, int, str]:
        """A cheap key that changes whenever the workshop's group results may change:
        (latest submission id, participants, round, digest of the exclusions, weights and
        subgroups and of the workshop's model, values included: a replaced model changes it)."""

        def body(conn: SAConnection) -> tuple[int, int, int, str]:
            workshop = workshop_row(conn, code)
            last = run(
                conn, "SELECT COALESCE(MAX(s.id), 0) AS last FROM submissions s JOIN "
                      "participants p ON p.id = s.participant_id WHERE p.workshop_id = :w",
                {"w": workshop["id"]},
            ).one()["last"]
            people = run(
                conn, "SELECT id, excluded, weight, subgroup FROM participants "
                      "WHERE workshop_id = :w ORDER BY id", {"w": workshop["id"]},
            ).all()
            digest = hashlib.sha256(json.dumps(
                [list(p.values()) for p in people] + [workshop["model_json"]]).encode()
            ).hexdigest()
            return last, len(people), workshop["round"], digest

        return self._read(body)
