"""End-to-end test in a real browser: Debian's Chromium driven by Playwright.

Starts ``streamlit run app.py`` on a free loopback port, raises the Weaknesses group weight
with the keyboard so that the top strategy changes (the expected change is computed from the
model with the ``swot`` API first), reads the Results page, downloads the ranking CSV and
parses it, switches to Persian on the Weights page (the matrix picker must show its value in
Persian), checks the right-to-left layout (tabs run right to left, the uploader's English text
is hidden behind Persian), reloads the page (the model, the language and the page come back
from the autosaved draft), and saves full-page screenshots of the Results page in English and
Persian to ``artifacts/screenshots/`` (or ``$SWOT_ANP_SCREENSHOTS``).

Every wait has an explicit timeout (:data:`UI_TIMEOUT`): Playwright's ``expect`` keeps its own
5 s default otherwise, and a busy 2-core machine needs more; no sleeps.

Skipped only when ``/usr/bin/chromium`` is missing and ``SWOT_ANP_REQUIRE_BROWSER`` is not
``"1"`` (CI sets it, so there the test fails instead of skipping).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from e2e_support import ROOT, SCREENSHOTS, UI_TIMEOUT, VIEW_HEIGHT, chromium_page, wait_for_charts
from playwright.sync_api import Locator, Page, expect

from swot.analysis import evaluate
from swot.export import ranking_csv
from swot.io import load_model
from swot.verdict import verdict

pytestmark = pytest.mark.e2e


def _expected() -> tuple[str, str, bytes]:
    """Top strategy in direct-weight mode before and after the Weaknesses weight goes to 100,
    and the ranking CSV after it (the bytes the command line writes)."""
    model = load_model(ROOT / "data" / "tehran_city_diplomacy.json").set_weighting("direct")
    before = evaluate(model).strategies["id"].iloc[0]
    ranking = evaluate(model.set_direct_weight("group", "W", 1.0)).strategies
    after = ranking["id"].iloc[0]
    assert before != after, "the slider move must change the top strategy on the shipped data"
    assert not verdict(evaluate(model.set_direct_weight("group", "W", 1.0))).tied
    return before, after, ranking_csv(ranking, "en")


def test_browser_weight_change_ranking_and_csv(server: str, tmp_path: Path) -> None:
    before, after, csv_bytes = _expected()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with chromium_page(accept_downloads=True) as page:
        page.goto(server)
        expect(page.get_by_text("Strengths", exact=True)).to_be_visible(timeout=UI_TIMEOUT)

        def go(title: str) -> None:
            page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()

        def top_strategy() -> str:
            heading = page.get_by_text("Top strategy:")
            expect(heading).to_be_visible(timeout=UI_TIMEOUT)
            return heading.inner_text().split(": ", 1)[1].split(" · ")[0]

        def weaknesses() -> Locator:
            return page.locator('input[type="range"][aria-label="Weaknesses"]')

        go("Weights & judgments")
        page.get_by_text("Direct weights", exact=True).click()
        expect(weaknesses()).to_have_value("30", timeout=UI_TIMEOUT)
        go("Results")
        assert top_strategy() == before

        go("Weights & judgments")
        thumb = weaknesses()
        thumb.focus()
        thumb.press("End")
        expect(page.get_by_text("Weaknesses 59%")).to_be_visible(timeout=UI_TIMEOUT)

        go("Results")
        expect(page.get_by_text(f"Top strategy: {after}")).to_be_visible(timeout=UI_TIMEOUT)
        assert top_strategy() == after
        shown = page.get_by_test_id("stTable").first.locator("tbody tr")
        shown_ids = [row.locator("td").nth(1).inner_text() for row in shown.all()]
        assert shown_ids[0] == after
        _screenshot(page, SCREENSHOTS / "results-en.png")

        go("Export / import")
        with page.expect_download(timeout=UI_TIMEOUT) as download_info:
            page.get_by_text("Download the ranking (CSV)").click()
        target = tmp_path / "ranking.csv"
        download_info.value.save_as(target)
        ranking = pd.read_csv(target, encoding="utf-8-sig")
        assert list(ranking.columns) == ["rank", "id", "label", "tows", "priority", "ideal"]
        assert list(ranking["id"]) == shown_ids
        assert list(ranking["rank"]) == sorted(ranking["rank"])
        assert ranking["priority"].sum() == pytest.approx(1.0)
        assert target.read_bytes() == csv_bytes

        go("Weights & judgments")
        picker = page.get_by_test_id("stSelectbox").first.locator("input")
        expect(picker).to_have_value(re.compile("^Strategies with respect to"),
                                     timeout=UI_TIMEOUT)
        page.get_by_test_id("stSidebar").get_by_text("فارسی", exact=True).click()
        # the picker's displayed value follows the language (it stayed English before)
        expect(picker).to_have_value(re.compile("راهبردها نسبت به"), timeout=UI_TIMEOUT)

        go("نتایج")
        expect(page.get_by_text(f"راهبرد برتر: {after}")).to_be_visible(timeout=UI_TIMEOUT)
        tabs = page.get_by_test_id("stTab")
        expect(tabs.first).to_be_visible(timeout=UI_TIMEOUT)
        first, second = tabs.nth(0).bounding_box(), tabs.nth(1).bounding_box()
        assert first["x"] > second["x"], "tabs must run right to left in Persian"
        _screenshot(page, SCREENSHOTS / "results-fa.png")

        page.reload()  # the autosaved draft brings back model, language and page
        expect(page.get_by_text(f"راهبرد برتر: {after}")).to_be_visible(timeout=UI_TIMEOUT)
        assert "draft=" in page.url and page.url.split("?")[0].endswith("/results")

        go("خروجی / ورودی")
        upload = page.get_by_test_id("stFileUploaderDropzone")
        expect(upload).to_be_visible(timeout=UI_TIMEOUT)
        button_text = upload.get_by_test_id("stBaseButton-secondary").locator("p")
        assert button_text.evaluate("e => getComputedStyle(e).fontSize") == "0px"
        assert "انتخاب پرونده" in button_text.evaluate(
            "e => getComputedStyle(e, '::after').content")


def _screenshot(page: Page, path: Path) -> None:
    """A full-page screenshot once the charts (ranking, factors, first heat map) are drawn."""
    expect(page.locator(".js-plotly-plot").nth(2)).to_be_visible(timeout=UI_TIMEOUT)
    height = page.evaluate(
        "document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": page.viewport_size["width"], "height": height})
    # plotly redraws at the new size: wait until every chart's drawing is in place
    wait_for_charts(page)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": page.viewport_size["width"], "height": VIEW_HEIGHT})
