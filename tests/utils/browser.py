"""Headless Debian Chromium with networking disabled, for the map tests and the map benchmark.

The browser is offline three ways: DevTools network emulation says offline, a proxy that does not
exist (127.0.0.1:9) catches anything that slips past, and background services are switched off.
Requests are still logged (DevTools performance log), so a page that tries one is caught.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
INSTALL = "apt-get install chromium chromium-driver (or `make system-deps`)"
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--proxy-server=127.0.0.1:9",
]


def missing() -> str | None:
    """Why the browser cannot run here, or None."""
    absent = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if absent:
        return f"{' and '.join(absent)} not found: {INSTALL}"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed: pip install -e '.[test]'"
    return None


def require_chromium() -> None:
    """Skip the calling test when the browser is missing, but fail under CI (where it must be there)."""
    import pytest

    reason = missing()
    if reason and os.environ.get("CI"):
        pytest.fail(f"CI needs headless Chromium: {reason}")
    if reason:
        pytest.skip(reason)


@contextmanager
def offline_chromium(width: int = 1400, height: int = 900) -> Iterator[Any]:
    """A fresh headless Chromium (new profile) that cannot reach any network."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in [*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        offline = {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0}
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", offline)
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_map(driver: Any, page: Path, timeout: float = 60) -> float:
    """Load a map page and wait for its first drawn frame; return that frame's time (ms after navigation start)."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get_log("performance")  # forget earlier pages' requests
    driver.get(page.resolve().as_uri())
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script("return window.kgMap && window.kgMap.firstDrawMs"))
    return float(driver.execute_script("return window.kgMap.firstDrawMs"))


def console_errors(driver: Any) -> list[str]:
    """Console messages of level error (script errors, CSP violations, failed loads) since the last call."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def requests(driver: Any, page: Path) -> list[str]:
    """Every URL the page tried to fetch since the last call, except the page itself, the browser's own
    start page and the files of the page's own folder (the maps' shared scripts)."""
    own = page.resolve().as_uri()
    folder = page.resolve().parent.as_uri() + "/"
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            params = message["params"]
            if not params.get("documentURL", "").startswith("chrome"):
                urls.append(params["request"]["url"])
    resources = driver.execute_script("return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
    return [url for url in urls + resources if url != own and not (url.startswith(folder) and "/" not in url[len(folder):])]


def canvas_ink(driver: Any) -> int:
    """How many pixels of the map's canvas differ from its background (0 means nothing was drawn)."""
    script = """
        var canvas = document.querySelector('#network canvas');
        var pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        var ink = 0;
        for (var i = 0; i < pixels.length; i += 4) { if (pixels[i + 3] > 0) ink++; }
        return ink;
    """
    return int(driver.execute_script(script))
