"""Screenshots of the seed overview map as an analyst sees it on a 1366x768 laptop, offline.

Opens exports/maps/overview.html in Debian's headless Chromium (networking off, as the map tests
run it) and saves three pictures to docs/img/: the map at opening, after a click on the most
connected person (the rest fades, the view zooms to the person, the panel quotes the evidence),
the evidence panel of one of that person's "works at" lines (the sentence that states it, with
the article and publication), and the map with the "mentions" relation switched off in the line
legend.

    python docs/make_screenshots.py [MAPS_FOLDER]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.utils.browser import console_errors, missing, offline_chromium, open_map  # noqa: E402

WIDTH, HEIGHT = 1366, 768
OUT = ROOT / "docs" / "img"
HIDDEN_RELATION = "mentions"


def _js(driver: Any, script: str, *args: Any) -> Any:
    return driver.execute_script(f"var map = window.kgMap; {script}", *args)


def _click_node(driver: Any, node: str) -> None:
    """A real mouse click on the node where the canvas draws it."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    canvas = driver.find_element(By.CSS_SELECTOR, "#network canvas")
    point = _js(driver, "return map.network.canvasToDOM(map.network.getPosition(arguments[0]))", node)
    offset = int(point["x"] - canvas.size["width"] / 2), int(point["y"] - canvas.size["height"] / 2)
    ActionChains(driver).move_to_element_with_offset(canvas, *offset).click().perform()
    time.sleep(1.0)  # the zoom is animated


def _move_away(driver: Any) -> None:
    """The mouse off the map and its hover tooltip hidden: a picture shows what a click shows."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    ActionChains(driver).move_to_element(driver.find_element(By.TAG_NAME, "h1")).perform()
    driver.execute_script("document.querySelectorAll('.vis-tooltip').forEach(function (t) { t.style.visibility = 'hidden'; });")
    time.sleep(0.3)


def _shrink(picture: Path) -> None:
    """A 256-colour palette: a screenshot of flat colours loses nothing a reader sees, and a
    quarter of its size."""
    from PIL import Image

    with Image.open(picture) as image:
        image.convert("RGB").quantize(256, method=Image.Quantize.FASTOCTREE).save(picture, optimize=True)


def main() -> None:
    maps = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "exports" / "maps"
    reason = missing()
    if reason:
        raise SystemExit(f"cannot take screenshots: {reason}")
    OUT.mkdir(parents=True, exist_ok=True)
    with offline_chromium(WIDTH, HEIGHT) as driver:
        first = open_map(driver, maps / "overview.html")
        time.sleep(1.0)  # let the layout settle as a reader would see it
        driver.save_screenshot(str(OUT / "map-overview.png"))
        person = _js(
            driver,
            "var people = map.data.nodes.filter(function (n) { return n.kind === 'person'; });"
            "var links = function (n) { return map.data.edges.filter(function (e) { return e.from === n.id || e.to === n.id; }).length; };"
            "people.sort(function (a, b) { return links(b) - links(a); });"
            "return people[0].id;",
        )
        _click_node(driver, person)
        _move_away(driver)
        driver.save_screenshot(str(OUT / "map-click.png"))
        edge = _js(
            driver,
            "var p = arguments[0], e = map.data.edges.filter(function (e) { return e.relation === 'affiliation' && (e.from === p || e.to === p); });"
            "return e.length ? e[0].id : null;",
            person,
        )
        if edge is not None:
            _js(driver, "map.showEdge(arguments[0]);", edge)
            _move_away(driver)
            driver.save_screenshot(str(OUT / "map-evidence.png"))
        open_map(driver, maps / "overview.html")
        driver.find_element("css selector", f"#relations input[value={HIDDEN_RELATION}]").click()
        time.sleep(1.0)
        _move_away(driver)
        driver.save_screenshot(str(OUT / "map-filtered.png"))
        errors = console_errors(driver)
    for picture in OUT.glob("map-*.png"):
        _shrink(picture)
    print(f"first frame {first:.0f} ms; wrote {', '.join(p.name for p in sorted(OUT.glob('map-*.png')))} to {OUT}; console errors: {len(errors)}")


if __name__ == "__main__":
    main()
