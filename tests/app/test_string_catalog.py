"""The string catalog (ui/strings): every key in both languages with the same placeholders,
every key used by the app, every key the app asks for in the catalog, a missing key loud."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
import streamlit as st

from ui.i18n import DIGITS_KEY, LANG_KEY
from ui.strings import CATALOG, FAMILIES, NAMESPACES, MissingStringError, family, t, tr

ROOT = Path(__file__).resolve().parents[2]
# the code that asks for strings: the app, its pages, ui/ (not the catalog's data modules)
SOURCES = sorted([ROOT / "app.py", *(ROOT / "app_pages").glob("*.py"),
                  *(ROOT / "ui").glob("*.py"), ROOT / "ui" / "strings" / "__init__.py"])
KEY = re.compile(rf"^(?:{'|'.join(NAMESPACES)})\.\w+$", re.ASCII)
FILE_NAME = re.compile(r"\.(?:json|csv|html|pdf|xlsx|png|py)$")  # "model.json" is not a key
LOOKUPS = {"t", "tr"}


def _fields(text: str) -> list[tuple[str, str]]:
    return sorted((name, spec) for _, name, spec, _ in string.Formatter().parse(text)
                  if name is not None)


def _scan(sources: list[Path]) -> tuple[set[str], set[str], list[str]]:
    """(string constants that look like keys, family prefixes asked for, lookups whose key is
    built in a way the scan cannot follow) in ``sources``."""
    literals: set[str] = set()
    prefixes: set[str] = set()
    opaque: list[str] = []
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        prefix_nodes = {id(node.args[0]) for node in ast.walk(tree)
                        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                        and node.func.id == "family" and node.args}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and KEY.match(node.value) and not FILE_NAME.search(node.value) \
                    and id(node) not in prefix_nodes:
                literals.add(node.value)
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.args):
                continue
            first = node.args[0]
            where = f"{path.name}:{node.lineno}"
            if node.func.id == "family":
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    prefixes.add(first.value)
                else:
                    opaque.append(f"{where}: family prefix not a literal")
            elif node.func.id in LOOKUPS and isinstance(first, ast.JoinedStr | ast.BinOp):
                opaque.append(f"{where}: key built from pieces (use ui.strings.family)")
    return literals, prefixes, opaque


def _field_mismatches(sources: list[Path]) -> list[str]:
    """Lookups of a literal key whose keyword fields are not the placeholders of its string (a
    missing one would show "{name}"; lookups with ``**fields`` are not checked)."""
    out = []
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in LOOKUPS and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and node.args[0].value in CATALOG
                    and all(k.arg is not None for k in node.keywords)):
                continue
            given = {k.arg for k in node.keywords} - {"ascii_digits"}
            needed = {name for name, _ in _fields(CATALOG[node.args[0].value]["en"])}
            if given != needed:
                out.append(f"{path.name}:{node.lineno}: {node.args[0].value} given {given}, "
                           f"needs {needed}")
    return out


def _family_keys(prefix: str) -> set[str]:
    return {family(prefix, value) for value in FAMILIES[prefix]}


@pytest.fixture(scope="module")
def scan() -> tuple[set[str], set[str], list[str]]:
    return _scan(SOURCES)


def test_every_key_is_namespaced_and_in_both_languages() -> None:
    assert len(CATALOG) == sum(len(m.STRINGS) for m in NAMESPACES.values())  # no key twice
    for key, texts in CATALOG.items():
        assert KEY.match(key), key
        assert set(texts) == {"en", "fa"}, key
        assert all(text.strip() for text in texts.values()), key


def test_placeholders_match_between_languages() -> None:
    for key, texts in CATALOG.items():
        assert _fields(texts["en"]) == _fields(texts["fa"]), key


def test_every_family_is_complete() -> None:
    for prefix in FAMILIES:
        assert prefix.split(".")[0] in NAMESPACES, prefix
        assert _family_keys(prefix) <= set(CATALOG), prefix


def test_every_key_asked_for_exists(scan: tuple[set[str], set[str], list[str]]) -> None:
    literals, prefixes, opaque = scan
    assert not opaque
    assert literals - set(CATALOG) == set()
    assert prefixes - set(FAMILIES) == set()


def test_every_key_is_used(scan: tuple[set[str], set[str], list[str]]) -> None:
    literals, prefixes, _ = scan
    used = literals | {key for prefix in prefixes for key in _family_keys(prefix)}
    assert set(CATALOG) - used == set()
    assert set(FAMILIES) - prefixes == set()  # a declared family nobody builds keys of


def test_every_lookup_passes_the_fields_of_its_string() -> None:
    assert _field_mismatches(SOURCES) == []


def test_scan_sees_missing_and_built_keys(tmp_path: Path) -> None:
    """The scan itself: a key missing from the catalog, an undeclared family and a key made
    with an f-string are all reported."""
    source = tmp_path / "page.py"
    source.write_text('t("results.no_such_key")\nfamily("results.nope_", x)\n'
                      't(f"results.step_tab_{k}")\n', encoding="utf-8")
    literals, prefixes, opaque = _scan([source])
    assert prefixes == {"results.nope_"}
    assert literals == {"results.no_such_key", "results.step_tab_"}  # the f-string's piece
    assert len(opaque) == 1 and "family" in opaque[0]
    source.write_text('t("scenarios.saved")\nt("model.saved", id=1, name=2)\n', encoding="utf-8")
    assert len(_field_mismatches([source])) == 2


def test_a_missing_key_fails_loudly() -> None:
    with pytest.raises(MissingStringError, match=r"results\.no_such_key"):
        tr("results.no_such_key", "en")
    with pytest.raises(MissingStringError, match="no_such_key"):
        t("no_such_key")
    with pytest.raises(MissingStringError, match="'X' is not in the string family"):
        family("common.group_", "X")
    with pytest.raises(MissingStringError, match="de"):
        tr("common.yes", "de")
    with pytest.raises(MissingStringError, match="needs the field 'name'"):
        tr("scenarios.saved", "en", nmae="A")
    assert not issubclass(MissingStringError, KeyError)  # an `except KeyError` cannot hide it


def test_lookup_formats_fields_and_keeps_ascii_digits() -> None:
    assert tr("scenarios.saved", "en", name="A1") == "Saved scenario A1."
    assert tr("model.saved", "fa", id="S7") == "S7 ذخیره شد."
    assert family("workshop.band_", "very high") == "workshop.band_very_high"
    assert tr(family("workshop.band_", "n/a"), "en") == CATALOG["workshop.band_n_a"]["en"]


def test_digits_follow_the_setting_unless_ascii() -> None:
    """t() shows numbers in Persian digits when the setting is on; ascii_digits=True (the
    workshop, scenario and network texts) keeps ASCII; tr() keeps ASCII unless told."""
    st.session_state[LANG_KEY], st.session_state[DIGITS_KEY] = "fa", True
    try:
        assert t("sensitivity.done", n=1000, s=1.5) == "۱۰۰۰ نمونه در ۱٫۵۰ ثانیه"
        assert t("sensitivity.done", ascii_digits=True, n=1000, s=1.5) == "1000 نمونه در 1.50 ثانیه"
        assert tr("sensitivity.done", "fa", n=1000, s=1.5) == "1000 نمونه در 1.50 ثانیه"
        assert tr("sensitivity.done", "fa", ascii_digits=False, n=2, s=1) == "۲ نمونه در ۱٫۰۰ ثانیه"
        st.session_state[DIGITS_KEY] = False
        assert t("sensitivity.done", n=1000, s=1.5) == "1000 نمونه در 1.50 ثانیه"
    finally:
        del st.session_state[LANG_KEY], st.session_state[DIGITS_KEY]
