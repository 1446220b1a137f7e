"""Strings of the shared database (Scenarios and Workshop pages), in English and Persian
(namespace ``store.`` of :mod:`ui.strings`)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "db_bad": {"en": "The database cannot be used: {message}",
               "fa": "پایگاه داده قابل استفاده نیست: {message}"},
    "db_where": {"en": "Database: {path}", "fa": "پایگاه داده: {path}"},
    "failed": {"en": "Not done: {message}", "fa": "انجام نشد: {message}"},
}
