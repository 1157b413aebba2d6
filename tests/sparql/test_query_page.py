"""The query page at `/` in headless Chromium: YASGUI from the bundle, a typed query run against the endpoint, rows shown."""

from __future__ import annotations

import json
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kg.sparql.pool import StoreSpec, WorkerPool
from kg.sparql.server import Endpoint, EndpointServer
from tests.sparql.test_server import FIXTURE, NAMES
from tests.utils.browser import CHROMEDRIVER, CHROMIUM, FLAGS, require_chromium

TYPED = "PREFIX schema: <https://schema.org/> SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name"


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    graph = tmp_path_factory.mktemp("page") / "graph.trig"
    graph.write_text(FIXTURE, encoding="utf-8")
    pool = WorkerPool(StoreSpec(graph, None, 100), 1, lambda line: None)
    server = EndpointServer("127.0.0.1", 0, Endpoint(pool, graph, 10.0, 100, None, lambda line: None))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.url
    finally:
        server.shutdown()
        pool.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium that reaches loopback only (every other address goes to a proxy that does not exist)."""
    require_chromium()
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in [*FLAGS, f"--user-data-dir={profile}", "--window-size=1400,900"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def test_type_a_query_run_it_and_see_rows(url: str, browser: Any) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{url}/")
    WebDriverWait(browser, 60).until(lambda d: d.execute_script("return !!(window.kgEditor && document.querySelector('.CodeMirror'))"))
    shown = browser.execute_script("return window.kgEditor.getTab().getQuery()")
    assert "SELECT" in shown  # the first saved question, ready to run
    options = [option.text for option in browser.find_elements(By.CSS_SELECTOR, "#examples option")]
    assert any(option.startswith("co-authors:") for option in options)

    browser.find_element(By.CSS_SELECTOR, ".CodeMirror").click()
    ActionChains(browser).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).send_keys(Keys.DELETE).send_keys(TYPED).perform()
    assert " ".join(browser.execute_script("return window.kgEditor.getTab().getQuery()").split()) == TYPED
    browser.find_element(By.CSS_SELECTOR, ".yasqe_queryButton").click()
    WebDriverWait(browser, 60).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".yasr table tbody tr")) >= len(NAMES))
    cells = [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, ".yasr table tbody td")]
    assert all(any(name in cell for cell in cells) for name in NAMES)

    fetched = _requested(browser)
    assert fetched and all(address.startswith(url) or address.startswith(("data:", "blob:")) for address in fetched), fetched


def _requested(driver: Any) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent" and not message["params"].get("documentURL", "").startswith("chrome"):
            urls.append(message["params"]["request"]["url"])  # the page's requests, not the browser's own start page
    return urls


def test_the_page_names_the_endpoint_and_its_assets_are_served(url: str) -> None:
    import requests

    page = requests.get(f"{url}/", timeout=10).text
    assert f'data-endpoint="{url}/sparql"' in page and "/assets/yasgui.min.js" in page
    assert requests.get(f"{url}/assets/yasgui.min.js", timeout=10).headers["Content-Type"].startswith("text/javascript")
    assert requests.get(f"{url}/assets/../site.py", timeout=10).status_code == 404
    assert Path(__file__).resolve().parents[2].joinpath("kg/sparql/assets/yasgui.min.css").is_file()
