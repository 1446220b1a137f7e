"""Where the database lives, and workshop codes and links.

:func:`default_db_path`, first match wins:

1. a command-line flag (``--db PATH``), passed in as ``cli_value``;
2. the environment variable ``SWOT_ANP_DB``;
3. ``db_path`` in Streamlit secrets (``.streamlit/secrets.toml``), passed in as ``secrets``;
4. ``~/.local/share/swot-anp/swot-anp.sqlite3``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

ENV_VAR = "SWOT_ANP_DB"
SECRETS_KEY = "db_path"
DEFAULT_DB_PATH = Path("~/.local/share/swot-anp/swot-anp.sqlite3")
WORKSHOP_QUERY_PARAM = "workshop"


def default_db_path(cli_value: str | None = None, secrets: Mapping[str, Any] | None = None) -> Path:
    """The database path: CLI flag, then ``SWOT_ANP_DB``, then secrets, then the default.

    The parent folder is created when missing.
    """
    chosen: str | os.PathLike[str] | None = cli_value or os.environ.get(ENV_VAR) or None
    if chosen is None and secrets is not None:
        chosen = secrets.get(SECRETS_KEY) or None
    path = Path(chosen if chosen is not None else DEFAULT_DB_PATH).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def normalize_code(code: str) -> str:
    """A workshop code as stored: upper case, without spaces or dashes."""
    return "".join(str(code).split()).replace("-", "").upper()


def workshop_link(base_url: str, code: str) -> str:
    """``base_url`` with the workshop code as its ``workshop`` query parameter."""
    parts = urlsplit(base_url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != WORKSHOP_QUERY_PARAM]
    query.append((WORKSHOP_QUERY_PARAM, normalize_code(code)))
    return urlunsplit(parts._replace(query=urlencode(query)))
