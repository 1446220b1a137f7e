"""End to end in Chromium: the Persian Results page's "Download report (PDF)" gives the
report the command line makes (same SHA-256 of the model, Persian text), via a real download."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright
from test_e2e_browser import (  # the server fixture and browser settings of the e2e test
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    SCREENSHOTS,
    UI_TIMEOUT,
    VIEW_HEIGHT,
    server,
)

from swot.io import dumps_model, load_model

pytestmark = pytest.mark.e2e
__all__ = ["server"]  # a fixture: used by name


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_persian_report_download(server: str, tmp_path: Path) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                    args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": VIEW_HEIGHT},
                                    accept_downloads=True)
            page.set_default_timeout(UI_TIMEOUT)
            page.goto(server)
            page.get_by_test_id("stSidebar").get_by_text("فارسی", exact=True).click()
            page.get_by_test_id("stSidebarNav").get_by_text("نتایج", exact=True).click()
            button = page.get_by_text("دریافت گزارش (PDF)")
            expect(button).to_be_visible(timeout=UI_TIMEOUT)
            page.wait_for_timeout(1000)  # let the charts settle for the picture only
            page.screenshot(path=str(SCREENSHOTS / "results-report-fa.png"))
            with page.expect_download(timeout=60_000) as download_info:
                button.click()
            target = tmp_path / "report.pdf"
            download_info.value.save_as(target)
        finally:
            browser.close()
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    text = subprocess.run(["pdftotext", str(target), "-"], check=True, capture_output=True,
                          timeout=60).stdout.decode("utf-8")
    assert "دیپلماسی شهری تهران" in text
    model = load_model(ROOT / "data" / "tehran_city_diplomacy.json")
    sha = hashlib.sha256(dumps_model(model).encode("utf-8")).hexdigest()
    assert sha in text.replace("\n", "")
