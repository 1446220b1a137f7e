"""Shared start-up of the tests that run the app for real: ``streamlit run app.py`` on a free
loopback port (stopped afterwards) and Debian's Chromium driven by Playwright.

Every wait has an explicit timeout: :data:`START_TIMEOUT` for the server, :data:`UI_TIMEOUT`
for the page (Playwright's ``expect`` keeps its own 5 s default otherwise).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

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
STOP_TIMEOUT = 10.0  # seconds for the server to exit after SIGTERM before it is killed
VIEW_HEIGHT = 1000  # pixels; screenshots grow the viewport to the page's height
UI_TIMEOUT = 60_000  # milliseconds for the page to show an expected element (every wait)


def require_browser() -> None:
    """Skip without ``/usr/bin/chromium``, unless ``SWOT_ANP_REQUIRE_BROWSER=1`` (CI): fail."""
    if CHROMIUM.exists():
        return
    if os.environ.get("SWOT_ANP_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{CHROMIUM} is missing and SWOT_ANP_REQUIRE_BROWSER=1 (install chromium)")
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium); CI runs this test")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode().strip() == "ok"
    except OSError:
        return False


@contextmanager
def streamlit_server(db: str, log: Path, *,
                     start_timeout: float = START_TIMEOUT) -> Iterator[str]:
    """``streamlit run app.py`` on a free loopback port with ``SWOT_ANP_DB=db``: yields its
    base URL once ``/_stcore/health`` answers (fails with the server's log after
    ``start_timeout`` seconds or if it exits); terminated (killed if need be) afterwards."""
    port = free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true",
             "--browser.gatherUsageStats", "false"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "SWOT_ANP_DB": db},
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + start_timeout
            while not healthy(f"{base}/_stcore/health"):
                if process.poll() is not None or time.monotonic() > deadline:
                    out.flush()
                    pytest.fail(f"streamlit did not start within {start_timeout:g} s:\n"
                                + log.read_text(errors="replace"))
                time.sleep(0.25)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextmanager
def chromium_page(*, accept_downloads: bool = False) -> Iterator[Page]:
    """A Chromium page 1400 x :data:`VIEW_HEIGHT` with :data:`UI_TIMEOUT` as its default
    timeout; the browser is closed afterwards. Skips or fails as :func:`require_browser`."""
    require_browser()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                    args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": VIEW_HEIGHT},
                                    accept_downloads=accept_downloads)
            page.set_default_timeout(UI_TIMEOUT)
            yield page
        finally:
            browser.close()


def wait_for_charts(page: Page) -> None:
    """Wait (:data:`UI_TIMEOUT`) for a plotly chart, then until every one on the page is drawn."""
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=UI_TIMEOUT)
    page.wait_for_function(
        "[...document.querySelectorAll('.js-plotly-plot')].every("
        "p => p.querySelector('.main-svg') && p._fullLayout)", timeout=UI_TIMEOUT)
