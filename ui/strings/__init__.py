"""The string catalog of the user interface: every text the app shows, in English and Persian,
under a namespaced key such as ``results.ranking`` or ``workshop.join``.

The texts live in one module per namespace (``ui/strings/<namespace>.py``, a plain ``STRINGS``
dict of ``{"en": ..., "fa": ...}``); :data:`CATALOG` joins them. Look a string up with
``t(key, **fields)`` in the session's language, or ``tr(key, lang, **fields)`` in a given one
(pure functions such as the chart builders, and the option labels of select boxes). A key made
at run time belongs to a family declared in its module's ``FAMILIES`` and is built with
:func:`family`, so that tests/app/test_string_catalog.py can check that every key is used and
every key asked for exists. A missing key raises :class:`MissingStringError`.
"""

from __future__ import annotations

import re
from types import ModuleType

from ui.i18n import lang, shown_number
from ui.strings import (
    app,
    common,
    export,
    model,
    network,
    pairwise,
    results,
    scenarios,
    sensitivity,
    store,
    trust,
    weights,
    workshop,
)

NAMESPACES: dict[str, ModuleType] = {
    module.__name__.rsplit(".", 1)[1]: module
    for module in (app, common, model, weights, pairwise, results, export, trust, scenarios,
                   store, workshop, network, sensitivity)
}
CATALOG: dict[str, dict[str, str]] = {
    f"{name}.{key}": texts
    for name, module in NAMESPACES.items() for key, texts in module.STRINGS.items()
}
FAMILIES: dict[str, tuple[str, ...]] = {
    f"{name}.{prefix}": values
    for name, module in NAMESPACES.items()
    for prefix, values in getattr(module, "FAMILIES", {}).items()
}


class MissingStringError(LookupError):
    """A key that is not in the catalog, a value outside its family or a field the string
    needs and was not given. Not a KeyError, so that no ``except KeyError`` meant for a model
    lookup hides it."""


def family(prefix: str, value: object) -> str:
    """The key of ``value`` in the family ``prefix`` (e.g. ``family("common.group_", "S")`` is
    ``common.group_S``); characters other than letters, digits and ``_`` become ``_``."""
    if str(value) not in FAMILIES.get(prefix, ()):
        raise MissingStringError(f"{value!r} is not in the string family {prefix!r}")
    return prefix + re.sub(r"\W", "_", str(value), flags=re.ASCII)


def tr(key: str, language: str, /, *, ascii_digits: bool = True, **fields: object) -> str:
    """The string ``key`` in ``language``, formatted with ``fields``; numbers as written (ASCII
    digits) unless ``ascii_digits`` is False, then as the Persian-digits setting says."""
    try:
        text = CATALOG[key][language]
    except KeyError:
        raise MissingStringError(f"no string {key!r} in {language!r} in ui/strings") from None
    try:
        text = text.format(**fields) if fields else text
    except KeyError as exc:
        raise MissingStringError(f"string {key!r} needs the field {exc}") from None
    return text if ascii_digits else shown_number(text, language)


def t(key: str, /, *, ascii_digits: bool = False, **fields: object) -> str:
    """The string ``key`` in the session's language, formatted with ``fields``; numbers in
    Persian digits when that setting is on, unless ``ascii_digits``."""
    return tr(key, lang(), ascii_digits=ascii_digits, **fields)


def group_name(group: str, lang: str) -> str:
    """The name of a SWOT group (S, W, O, T) in ``lang``."""
    return tr(family("common.group_", group), lang)


def tows_name(tows: str, lang: str) -> str:
    """A TOWS type as shown: SO, ST, WO and WT as they are, "other" in ``lang``."""
    return tr("common.tows_other", lang) if tows == "other" else tows


def cluster_title(key: str, lang: str) -> str:
    """The name of a model cluster (S, W, O, T or strategies)."""
    if key == "strategies":
        return tr("network.cluster_strategies", lang)
    return tr("network.cluster_factors", lang, group=group_name(key, lang))
