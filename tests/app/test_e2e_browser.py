"""End-to-end test in a real browser: Debian's Chromium driven by Playwright.

Starts ``streamlit run app.py`` on a free loopback port, raises the Weaknesses group weight
with the keyboard so that the top strategy changes (the expected change is computed from the
model with the ``swot`` API first), reads the Results page, downloads the ranking CSV and
parses it, and saves full-page screenshots of the Results page in English and Persian to
``artifacts/screenshots/`` (or ``$SWOT_ANP_SCREENSHOTS``).

Skipped only when ``/usr/bin/chromium`` is missing and ``SWOT_ANP_REQUIRE_BROWSER`` is not
``"1"`` (CI sets it, so there the test fails instead of skipping).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Locator, Page, expect, sync_playwright

from swot.analysis import evaluate
from swot.export import ranking_csv
from swot.io import load_model

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
# Screenshots go to artifacts/ (ignored by git); set SWOT_ANP_SCREENSHOTS=docs/screenshots to
# refresh the README's pictures.
SCREENSHOTS = ROOT / os.environ.get("SWOT_ANP_SCREENSHOTS", "artifacts/screenshots")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
START_TIMEOUT = 60.0  # seconds for the server to report healthy
VIEW_HEIGHT = 1000  # pixels; screenshots grow the viewport to the page's height
UI_TIMEOUT = 30_000  # milliseconds for the page to show an expected element

pytestmark = pytest.mark.e2e


def _require_browser() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("SWOT_ANP_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{CHROMIUM} is missing and SWOT_ANP_REQUIRE_BROWSER=1 (install chromium)")
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium); CI runs this test")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode().strip() == "ok"
    except OSError:
        return False


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """The base URL of ``streamlit run app.py`` on a free port; stopped afterwards."""
    _require_browser()
    port = _free_port()
    log = (tmp_path / "streamlit.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not _healthy(f"{base}/_stcore/health"):
            if process.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail("streamlit did not start:\n"
                            + (tmp_path / "streamlit.log").read_text(errors="replace"))
            time.sleep(0.25)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _expected() -> tuple[str, str, bytes]:
    """Top strategy in direct-weight mode before and after the Weaknesses weight goes to 100,
    and the ranking CSV after it (the bytes the command line writes)."""
    model = load_model(ROOT / "data" / "tehran_city_diplomacy.json").set_weighting("direct")
    before = evaluate(model).strategies["id"].iloc[0]
    ranking = evaluate(model.set_direct_weight("group", "W", 1.0)).strategies
    after = ranking["id"].iloc[0]
    assert before != after, "the slider move must change the top strategy on the shipped data"
    return before, after, ranking_csv(ranking, "en")


def test_browser_weight_change_ranking_and_csv(server: str, tmp_path: Path) -> None:
    before, after, csv_bytes = _expected()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                    args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": VIEW_HEIGHT},
                                    accept_downloads=True)
            page.set_default_timeout(UI_TIMEOUT)
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

            page.get_by_test_id("stSidebar").get_by_text("فارسی", exact=True).click()
            go("نتایج")
            expect(page.get_by_text("راهبرد برتر")).to_be_visible(timeout=UI_TIMEOUT)
            _screenshot(page, SCREENSHOTS / "results-fa.png")
        finally:
            browser.close()


def _screenshot(page: Page, path: Path) -> None:
    """A full-page screenshot once the charts (ranking, factors, first heat map) are drawn."""
    expect(page.locator(".js-plotly-plot").nth(2)).to_be_visible(timeout=UI_TIMEOUT)
    height = page.evaluate(
        "document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": page.viewport_size["width"], "height": height})
    page.wait_for_timeout(1500)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": page.viewport_size["width"], "height": VIEW_HEIGHT})
