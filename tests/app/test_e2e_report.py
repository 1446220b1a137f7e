"""End to end in Chromium: the Persian Results page's "Download report (PDF)" gives the
report the command line makes (same SHA-256 of the model, Persian text), via a real download."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest
from e2e_support import ROOT, SCREENSHOTS, UI_TIMEOUT, chromium_page, wait_for_charts
from playwright.sync_api import expect

from swot.io import dumps_model, load_model

pytestmark = pytest.mark.e2e


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_persian_report_download(server: str, tmp_path: Path) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with chromium_page(accept_downloads=True) as page:
        page.goto(server)
        page.get_by_test_id("stSidebar").get_by_text("فارسی", exact=True).click()
        page.get_by_test_id("stSidebarNav").get_by_text("نتایج", exact=True).click()
        button = page.get_by_text("دریافت گزارش (PDF)")
        expect(button).to_be_visible(timeout=UI_TIMEOUT)
        wait_for_charts(page)  # for the picture only
        page.screenshot(path=str(SCREENSHOTS / "results-report-fa.png"))
        with page.expect_download(timeout=60_000) as download_info:
            button.click()
        target = tmp_path / "report.pdf"
        download_info.value.save_as(target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    text = subprocess.run(["pdftotext", str(target), "-"], check=True, capture_output=True,
                          timeout=60).stdout.decode("utf-8")
    assert "دیپلماسی شهری تهران" in text
    model = load_model(ROOT / "data" / "tehran_city_diplomacy.json")
    sha = hashlib.sha256(dumps_model(model).encode("utf-8")).hexdigest()
    assert sha in text.replace("\n", "")
