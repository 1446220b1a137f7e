"""Where the database lives, and workshop codes and links.

:func:`default_db_path`, first match wins:

1. a command-line flag (``--db PATH``), passed in as ``cli_value`` (the app's own flag, after
   ``streamlit run app.py --``, is read by :func:`cli_db_path`);
2. the environment variable ``SWOT_ANP_DB``;
3. ``db_path`` in Streamlit secrets (``.streamlit/secrets.toml``), passed in as ``secrets``;
4. ``~/.local/share/swot-anp/swot-anp.sqlite3``.

Each may be a database URL: ``sqlite:///PATH`` (the default kind; a bare path means SQLite too)
or ``postgresql+psycopg://USER:PASSWORD@HOST/DATABASE`` for a shared database server.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from swot.store.errors import StoreError

ENV_VAR = "SWOT_ANP_DB"
SECRETS_KEY = "db_path"
DEFAULT_DB_PATH = Path("~/.local/share/swot-anp/swot-anp.sqlite3")
WORKSHOP_QUERY_PARAM = "workshop"


def cli_db_path(argv: Sequence[str]) -> str | None:
    """The ``--db PATH`` of the app's command line (``streamlit run app.py -- --db PATH``); a
    ``--db`` without a value is a :class:`StoreError` (argparse would end the process)."""
    args = list(argv[1:])
    if "--" in args:
        args = args[args.index("--") + 1:]
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False, exit_on_error=False)
    parser.add_argument("--db")
    try:
        return parser.parse_known_args(args)[0].db
    except argparse.ArgumentError as exc:
        raise StoreError(f"the app's command line: {exc} (--db PATH or --db URL)") from None


def default_db_path(
    cli_value: str | None = None, secrets: Mapping[str, Any] | None = None
) -> Path | str:
    """The database: CLI flag, then ``SWOT_ANP_DB``, then secrets, then the default.

    An SQLite database comes back as its path (its folder created when missing), a server's
    as its URL.
    """
    chosen: str | os.PathLike[str] | None = cli_value or os.environ.get(ENV_VAR) or None
    if chosen is None and secrets is not None:
        chosen = secrets.get(SECRETS_KEY) or None
    target = database_target(chosen if chosen is not None else DEFAULT_DB_PATH)
    if isinstance(target, Path):
        target.parent.mkdir(parents=True, exist_ok=True)
    return target


def database_target(value: str | os.PathLike[str]) -> Path | str:
    """A bare path or ``sqlite:///PATH`` as a path; a server's URL as it is.

    Only SQLite and PostgreSQL (``postgresql+psycopg://``) are known; anything else that looks
    like a URL is refused with a :class:`StoreError`.
    """
    text = os.fspath(value)
    if "://" not in text:
        return Path(text).expanduser()
    scheme = text.split("://", 1)[0].lower()
    if scheme == "sqlite":
        path = text.split("://", 1)[1]
        if not path.startswith("/") or path == "/":
            raise StoreError(f"{text!r}: an SQLite URL is sqlite:///PATH (three slashes)")
        return Path(path[1:]).expanduser()
    if scheme in ("postgresql+psycopg", "postgresql"):  # psycopg 3 is the driver installed
        url = "postgresql+psycopg://" + text.split("://", 1)[1]
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            make_url(url).port  # noqa: B018  (a port that is not a number raises here)
        except (ArgumentError, ValueError):  # not shown: the text may hold the password
            raise StoreError(
                "the database URL cannot be read; the form is "
                "postgresql+psycopg://USER:PASSWORD@HOST[:PORT]/DATABASE"
            ) from None
        return url
    raise StoreError(
        f"{scheme}:// databases are not supported; use a file path, sqlite:///PATH or "
        "postgresql+psycopg://USER:PASSWORD@HOST/DATABASE"
    )


def shown_target(target: Path | str) -> str:
    """The database as it may be shown: a path, or a URL without its password (given as
    ``USER:PASSWORD@`` or as libpq's ``?password=`` parameter)."""
    if isinstance(target, Path):
        return str(target)
    from sqlalchemy.engine import make_url

    url = make_url(target)
    hidden = [key for key in url.query if key.lower() == "password"]
    shown = url.difference_update_query(hidden).render_as_string(hide_password=True)
    if hidden:
        shown += ("&" if url.query.keys() - set(hidden) else "?") + "password=***"
    return shown


def normalize_code(code: str) -> str:
    """A workshop code as stored: upper case, without spaces or dashes."""
    return "".join(str(code).split()).replace("-", "").upper()


def workshop_link(base_url: str, code: str) -> str:
    """``base_url`` with the workshop code as its ``workshop`` query parameter."""
    parts = urlsplit(base_url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != WORKSHOP_QUERY_PARAM]
    query.append((WORKSHOP_QUERY_PARAM, normalize_code(code)))
    return urlunsplit(parts._replace(query=urlencode(query)))
