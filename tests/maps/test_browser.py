"""The maps in a real browser: Debian's headless Chromium, with networking disabled."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kg.maps import render_maps
from tests.maps.graphs import BASE, PAYLOADS, network
from tests.utils.browser import canvas_ink, console_errors, offline_chromium, open_map, requests, require_chromium


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require_chromium()
    with offline_chromium() as driver:
        yield driver


def _maps(folder: Path, hostile: bool = False) -> Path:
    for name, data in render_maps(network(hostile), PAYLOADS[0] if hostile else "Test", limit=8).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder / "maps"


def _js(driver: Any, script: str, *args: Any) -> Any:
    return driver.execute_script(f"var map = window.kgMap; {script}", *args)


def test_overview_draws_offline_with_no_request_and_no_error(browser: Any, tmp_path: Path) -> None:
    page = _maps(tmp_path) / "overview.html"
    console_errors(browser)
    first_frame = open_map(browser, page)
    assert _js(browser, "return map.nodes.length") == 10
    assert len(_js(browser, "return Object.keys(map.network.getPositions())")) == 10
    assert canvas_ink(browser) > 2000, "the canvas is blank"
    labels = _js(browser, "return map.labels().map(function (id) { return map.data.nodes[id]; })")
    assert len(labels) >= 5 and labels[0]["rank"] == 0  # the most central node is named first
    assert console_errors(browser) == []
    assert requests(browser, page) == []
    shot = tmp_path / "overview.png"
    browser.save_screenshot(str(shot))
    print(f"overview drawn {first_frame:.0f} ms after navigation; screenshot: {shot}")


def test_search_filters_and_evidence_panel(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    open_map(browser, _maps(tmp_path) / "overview.html")
    browser.find_element(By.ID, "search").send_keys("anna")
    browser.find_element(By.CSS_SELECTOR, "#results button").click()
    panel = browser.find_element(By.ID, "panel").text
    assert "Anna de Vries" in panel and "zoals Anna de Vries schrijft" in panel and "Schulden in de wijk" in panel
    Select(browser.find_element(By.ID, "theme")).select_by_visible_text("Wonen")
    assert browser.find_element(By.ID, "status").text == "Showing 4 of 10 nodes."
    browser.find_element(By.CSS_SELECTOR, "#legend input").click()  # hide themes
    assert browser.find_element(By.ID, "status").text == "Showing 3 of 10 nodes."
    browser.find_element(By.ID, "reset").click()
    browser.find_element(By.ID, "search").send_keys("wonen en", Keys.ENTER)
    assert browser.find_element(By.CSS_SELECTOR, "#panel h2").text == "Wonen en zorg"
    assert console_errors(browser) == []


def test_a_focused_map_opens_with_its_theme_or_organisation_in_the_panel(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    folder = _maps(tmp_path)
    for page, heading in (("theme-wonen.html", "Wonen"), ("organisation-movisie.html", "Movisie")):
        open_map(browser, folder / page)
        assert browser.find_element(By.CSS_SELECTOR, "#panel h2").text == heading
        assert _js(browser, "return map.network.getSelectedNodes().map(function (id) { return map.data.nodes[id].label; })") == [heading]
    assert console_errors(browser) == []


def _pointer(driver: Any, canvas: Any, x: float, y: float, click: bool) -> None:
    """A real mouse move (and click) at a point of the canvas; a hover waits for the tooltip delay."""
    from selenium.webdriver.common.action_chains import ActionChains

    actions = ActionChains(driver).move_to_element_with_offset(canvas, int(x - canvas.size["width"] / 2), int(y - canvas.size["height"] / 2))
    actions.click() if click else actions.pause(0.2)
    actions.perform()


def _show_everything(driver: Any) -> set[str]:
    """Open every node and edge in the panel through the page's own handlers; return the node headings shown."""
    shown = "var seen = []; map.data.nodes.forEach(function (n) { map.select(n.id); seen.push(document.querySelector('#panel h2').textContent); });"
    return set(_js(driver, shown + " map.data.edges.forEach(function (e) { map.showEdge(e.id); }); return seen;"))


def _use_everything(driver: Any) -> set[str]:
    """Hover and click every node and edge with the mouse, then search and filter; return the node headings shown."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    shown: set[str] = set()
    canvas = driver.find_element(By.CSS_SELECTOR, "#network canvas")
    where = _js(driver, "var n = map.network; return map.data.nodes.map(function (d) { return n.canvasToDOM(n.getPosition(d.id)); })")
    for edge in _js(driver, "return map.data.edges"):
        a, b = where[edge["from"]], where[edge["to"]]
        _pointer(driver, canvas, (a["x"] + b["x"]) / 2, (a["y"] + b["y"]) / 2, click=True)
    for point in where:
        _pointer(driver, canvas, point["x"], point["y"], click=False)
        assert _js(driver, "var t = document.querySelector('div.vis-tooltip'); return t && t.style.visibility") == "visible"
        _pointer(driver, canvas, point["x"], point["y"], click=True)  # zooms to the node and its neighbours
        shown.add(driver.find_element(By.CSS_SELECTOR, "#panel h2").get_attribute("textContent"))
        _js(driver, "map.network.fit({ maxZoomLevel: 1.6, animation: false })")  # back to the view the points were taken in
    for text in ("<", "script", "img", "href", '"', "'"):
        search = driver.find_element(By.ID, "search")
        search.clear()
        search.send_keys(text)
        for button in driver.find_elements(By.CSS_SELECTOR, "#results button")[:3]:
            button.click()
    for menu in ("theme", "organisation"):
        for index in range(len(Select(driver.find_element(By.ID, menu)).options)):
            Select(driver.find_element(By.ID, menu)).select_by_index(index)
    for box in driver.find_elements(By.CSS_SELECTOR, "#legend input, #relations input, #community"):
        box.click()
        box.click()
    driver.find_element(By.ID, "reset").click()
    return shown | _show_everything(driver)


def _assert_nothing_ran(driver: Any, title: str) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    assert driver.execute_script("return window.__pwned") is None
    assert driver.title == title
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert  # noqa: B018 - the property raises when no alert is open
    assert console_errors(driver) == []  # a script blocked by the page's policy would be reported here


def test_the_payloads_run_when_parsed_as_html_so_the_check_below_can_fail(browser: Any) -> None:
    browser.get("data:text/html,<title>control</title><div id=d></div>")
    browser.execute_script("document.getElementById('d').innerHTML = arguments[0];", PAYLOADS[1])
    browser.implicitly_wait(0)
    assert browser.execute_script("return new Promise(function (done) { setTimeout(function () { done(window.__pwned); }, 300); })") == "img"


def test_no_payload_runs_whatever_is_hovered_clicked_searched_or_filtered(browser: Any, tmp_path: Path) -> None:
    folder = _maps(tmp_path, hostile=True)
    labels = {data["label"] for _, data in network(hostile=True).nodes(data=True)}
    for page in sorted(folder.glob("*.html")):
        if page.name == "index.html":
            browser.get(page.as_uri())
            _assert_nothing_ran(browser, PAYLOADS[0])
            continue
        open_map(browser, page)
        title = browser.execute_script("return document.title")
        assert title.endswith(" — " + PAYLOADS[0])
        shown = _use_everything(browser) if page.name == "overview.html" else _show_everything(browser)
        assert shown and shown <= labels, "the panel shows the payloads as text"
        _assert_nothing_ran(browser, title)
        assert requests(browser, page) == []


def test_a_missing_browser_skips_locally_and_fails_under_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from tests.utils import browser as helper

    monkeypatch.setattr(helper, "CHROMEDRIVER", tmp_path / "chromedriver")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium chromium-driver"):
        helper.require_chromium()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="chromedriver not found"):
        helper.require_chromium()


def test_a_click_fades_the_rest_and_zooms_and_the_line_legend_filters_relations(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    open_map(browser, _maps(tmp_path) / "overview.html")
    scale = _js(browser, "return map.network.getScale()")
    anna = _js(browser, "return map.data.nodes.filter(function (n) { return n.label === 'Anna de Vries'; })[0].id")
    canvas = browser.find_element(By.CSS_SELECTOR, "#network canvas")
    point = _js(browser, "return map.network.canvasToDOM(map.network.getPosition(arguments[0]))", anna)
    _pointer(browser, canvas, point["x"], point["y"], click=True)
    time.sleep(0.5)  # the zoom is animated
    assert _js(browser, "return map.network.getScale()") > scale
    opacity = _js(browser, "var o = {}; map.nodes.forEach(function (n) { o[map.data.nodes[n.id].label] = n.opacity === undefined ? 1 : n.opacity; }); return o")
    assert opacity["Anna de Vries"] == opacity["Movisie"] == opacity["Schulden in de wijk"] == 1  # her neighbours
    assert opacity["Bram Jansen"] < 0.5 and opacity["Wonen"] < 0.5
    drawn = "return map.edges.get().filter(function (e) { return !e.hidden; }).map(function (e) { return map.data.edges[e.id].relation; })"
    assert "about" in _js(browser, drawn)
    browser.find_element(By.CSS_SELECTOR, "#relations input[value=about]").click()
    assert "about" not in _js(browser, drawn) and len(_js(browser, drawn)) == 9
    colours = "return map.nodes.get().map(function (n) { return n.color ? n.color.background : null; })"
    before = _js(browser, colours)
    browser.find_element(By.ID, "community").click()
    after = _js(browser, colours)
    assert after != before and len(set(after)) == len({n["community"] for n in _js(browser, "return map.data.nodes")})
    assert console_errors(browser) == []


def test_an_address_opens_the_overview_on_any_node_and_search_folds_accents_and_reads_aliases_and_roles(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    graph = network()
    graph.nodes[f"{BASE}person/carla"]["aliases"] = ["Daniëlle Smit"]
    for name, data in render_maps(graph, "Test", limit=0).items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    page = tmp_path / "maps" / "overview.html"
    console_errors(browser)
    browser.get_log("performance")  # forget earlier pages' requests
    browser.get(page.resolve().as_uri() + "#node=organisation/hu")
    WebDriverWait(browser, 60).until(lambda d: d.execute_script("return window.kgMap && window.kgMap.firstDrawMs"))
    assert browser.find_element(By.CSS_SELECTOR, "#panel h2").text == "Hogeschool Utrecht"
    browser.execute_script("window.location.hash = '#node=Wonen'")  # a name works too, in any case
    WebDriverWait(browser, 5).until(lambda d: d.find_element(By.CSS_SELECTOR, "#panel h2").text == "Wonen")
    assert browser.execute_script("return window.location.hash") == "#node=theme/wonen"  # the address of what is selected
    browser.execute_script("window.location.hash = '#node=nobody'")
    WebDriverWait(browser, 5).until(lambda d: "no node" in d.find_element(By.ID, "status").text)
    search = browser.find_element(By.ID, "search")
    for query, first, count in (("DANIELLE", "Carla Smit", "1 match"), ("lector", "Bram Jansen", "1 match"), ("e", None, "10 matches")):
        search.clear()
        search.send_keys(query)
        items = [item.text for item in browser.find_elements(By.CSS_SELECTOR, "#results li")]
        assert items[0] == count and (first is None or items[1].startswith(first)), items
    assert console_errors(browser) == []
    assert requests(browser, page) == []
