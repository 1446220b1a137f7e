"""The workshop in a real browser (Debian's Chromium): hostile typed text is shown literally
(no link, no HTML element), the participant page in Persian reads right to left, and the
projector view draws its charts and QR code. Screenshots go where the other browser test puts
them (``artifacts/screenshots/`` or ``$SWOT_ANP_SCREENSHOTS``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_support import (
    ROOT,
    SCREENSHOTS,
    UI_TIMEOUT,
    chromium_page,
    require_browser,
    streamlit_server,
)
from playwright.sync_api import expect

from swot.io import load_model, model_to_dict
from swot.store import Store

EVIL_TITLE = "[Free prize](http://evil.example) <b>bold</b>"
EVIL_NAME = "<img src=x onerror=alert(1)>\u202eevil"

pytestmark = pytest.mark.e2e


@pytest.fixture
def workshop_server(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """A server on a fresh database holding one workshop with a hostile title and name."""
    require_browser()
    db = tmp_path / "ws.sqlite3"
    with Store(db) as store:
        model = model_to_dict(load_model(ROOT / "data" / "tehran_city_diplomacy.json"))
        workshop = store.create_workshop(model, EVIL_TITLE, prefill=True)
        ann = store.join(workshop.code, EVIL_NAME)
        bob = store.join(workshop.code, "Bob")
        for person, value in ((ann, 9.0), (bob, 1 / 9)):
            judgments = model["judgments"]
            judgments["groups"][0][1], judgments["groups"][1][0] = value, 1 / value
            store.submit(workshop.code, person.id, judgments, workshop.fingerprint,
                         judged=["judgments.groups"], rationale="**why** <i>")
    with streamlit_server(str(db), tmp_path / "streamlit.log") as base:
        yield base, {"participant": ann.token, "facilitator": workshop.facilitator_token,
                     "db": str(db)}


def test_workshop_pages_in_a_browser(workshop_server: tuple[str, dict[str, str]]) -> None:
    base, tokens = workshop_server
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with chromium_page() as page:
        # the facilitator's view: the hostile title and name as text, never as a link
        page.goto(f"{base}/?facilitate={tokens['facilitator']}")
        expect(page.get_by_text("Group results", exact=True)).to_be_visible(timeout=UI_TIMEOUT)
        # as typed (a word joiner, invisible, after "http:" keeps it from becoming a link)
        expect(page.get_by_text("[Free prize](http:").first).to_be_visible(timeout=UI_TIMEOUT)
        expect(page.get_by_text("evil.example) <b>bold</b>").first).to_be_visible(
            timeout=UI_TIMEOUT)
        links = page.locator('a[href*="evil.example"]')
        assert links.count() == 0, [links.nth(k).evaluate(
            "e => e.closest('[data-testid]').outerHTML.slice(0, 800)")
            for k in range(links.count())]
        assert page.locator("img[src='x']").count() == 0
        assert page.locator("[data-testid='stMain'] b").count() == 0
        page.screenshot(path=str(SCREENSHOTS / "workshop-facilitator-en.png"), full_page=True)
        # a new participant's submission shows without any click: the view refreshes every
        # 4 s (REFRESH_SECONDS); 10 s leaves room for a busy machine
        with Store(tokens["db"]) as store:
            workshop = store.workshop_by_facilitator_token(tokens["facilitator"])
            newcomer = store.join(workshop.code, "Newcomer Cy")
            store.submit(workshop.code, newcomer.id, workshop.model["judgments"],
                         workshop.fingerprint, judged=["judgments.groups"])
        expect(page.get_by_text("Newcomer Cy").first).to_be_visible(timeout=10_000)
        # the projector view draws its charts and the QR code
        page.goto(f"{base}/?facilitate={tokens['facilitator']}&view=projector")
        expect(page.locator(".js-plotly-plot").nth(3)).to_be_visible(timeout=UI_TIMEOUT)
        expect(page.get_by_text("Scan to join")).to_be_visible(timeout=UI_TIMEOUT)
        page.screenshot(path=str(SCREENSHOTS / "workshop-projector-en.png"), full_page=True)
        # the participant's private page, in Persian: right to left, no way elsewhere
        page.goto(f"{base}/?p={tokens['participant']}")
        page.get_by_text("فارسی").click()
        header = page.locator("[data-testid='stHeading']").first
        expect(header).to_contain_text("کارگاه", timeout=UI_TIMEOUT)
        expect(header).to_have_css("direction", "rtl", timeout=UI_TIMEOUT)
        page.screenshot(path=str(SCREENSHOTS / "workshop-participant-fa.png"), full_page=True)
        assert page.get_by_test_id("stSidebarNav").count() == 0
        assert page.locator('a[href*="evil.example"]').count() == 0


def test_report_buttons_come_with_the_first_group_result(tmp_path: Path) -> None:
    """The facilitator's view refreshes by itself; the report buttons refresh with it (they
    were drawn once with the page: a view opened before anyone judged never offered them,
    and one opened earlier reported the submissions of that moment)."""
    require_browser()
    db = tmp_path / "ws.sqlite3"
    with Store(db) as store:
        model = model_to_dict(load_model(ROOT / "data" / "tehran_city_diplomacy.json"))
        workshop = store.create_workshop(model, "Reports", prefill=True)
        ann = store.join(workshop.code, "Ann")
    with streamlit_server(str(db), tmp_path / "streamlit.log") as base, \
            chromium_page(accept_downloads=True) as page:
        page.goto(f"{base}/?facilitate={workshop.facilitator_token}")
        expect(page.get_by_text("Group results appear once")).to_be_visible(timeout=UI_TIMEOUT)
        pdf = page.get_by_test_id("stDownloadButton").filter(has_text="Download report (PDF)")
        assert pdf.count() == 0
        with Store(db) as store:
            store.submit(workshop.code, ann.id, model["judgments"], workshop.fingerprint,
                         judged=["judgments.groups"])
        # no click: the view refreshes every 4 s (REFRESH_SECONDS); 10 s for a busy machine
        expect(pdf).to_be_visible(timeout=10_000)
        # the report reads the submissions when asked: it is the workshop's group result
        html = page.get_by_test_id("stDownloadButton").filter(has_text="Download report (HTML)")
        with page.expect_download(timeout=UI_TIMEOUT) as download:
            html.locator("button").click()
        text = Path(download.value.path()).read_text(encoding="utf-8")
        assert workshop.code in text
