"""Which renderer can draw the overview of a corpus 100 times the seeds: vis-network (canvas 2D, what
the maps use) against sigma.js 3 with graphology (WebGL), at 5k, 20k and 50k nodes.

Both draw the same graph at the same precomputed positions, physics off, no labels (the maps draw
their own): nodes in clusters, about two edges per node, sizes by degree, colours by kind. Measured in
headless Chromium (Debian's, offline), per renderer and size:

- first frame: milliseconds from navigation start to the first animation frame after the first
  render (vis-network's 'afterDrawing'; sigma renders in its constructor), data parsing included;
- frames per second while the camera zooms and pans: for 3 seconds, move the camera, render (vis
  ``redraw()``, sigma ``render()``: what each runs on the next frame after a move) and read one pixel
  back from every canvas, so that the frame is really drawn (GPU included); not capped at the
  display's 60 Hz.

vis-network is read from pyvis as the maps do. sigma and graphology come from npm, bundled offline
into one IIFE file (no CDN, nothing fetched by the page):

    mkdir /tmp/sigma && cd /tmp/sigma && npm init -y && npm install sigma@3 graphology@0.26 esbuild
    printf 'import Graph from "graphology";\\nimport Sigma from "sigma";\\nwindow.Graph = Graph;\\nwindow.Sigma = Sigma;\\n' > entry.js
    ./node_modules/.bin/esbuild entry.js --bundle --minify --format=iife --outfile=sigma-bundle.js
    python benchmarks/map_renderers.py --sigma /tmp/sigma/sigma-bundle.js [--sizes 5000 20000 50000]

WebGL needs a GPU or Chromium's software rasteriser (SwiftShader, enabled here with
--enable-unsafe-swiftshader): on a machine without a GPU both renderers run on the CPU, so the
numbers compare the two on the same footing, not what a laptop with a GPU would show.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COLOURS = {"theme": "#CC79A7", "organisation": "#009E73", "person": "#E69F00", "article": "#56B4E9"}
SECONDS = 3
FPS = f"""
window.__fps = function (move, render, canvases) {{
  var start = performance.now(), frames = 0, pixel = new Uint8Array(4);
  while (performance.now() - start < {SECONDS * 1000}) {{
    frames++;
    move(1 + 0.5 * Math.sin(frames / 5), 60 * Math.cos(frames / 7), 60 * Math.sin(frames / 7));
    render();
    canvases.forEach(function (canvas) {{  // wait until the frame is really drawn, on the GPU too
      var gl = canvas.getContext("webgl2") || canvas.getContext("webgl");
      if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
      else canvas.getContext("2d").getImageData(0, 0, 1, 1);
    }});
  }}
  return frames / ((performance.now() - start) / 1000);
}};
"""
VIS = """
var data = JSON.parse(document.getElementById("data").textContent);
var network = new vis.Network(document.getElementById("graph"), {}, {
  physics: false, layout: { improvedLayout: false }, edges: { smooth: false, color: { color: "#B8BEC6" } },
  nodes: { shape: "dot", borderWidth: 1, font: { size: 0 } }, interaction: { hover: false }
});
network.once("afterDrawing", function () { requestAnimationFrame(function () { window.__first = performance.now(); }); });
network.setData({ nodes: new vis.DataSet(data.nodes.map(function (n, i) { return { id: i, x: n[0], y: n[1], size: n[2], color: n[3] }; })),
                  edges: new vis.DataSet(data.edges.map(function (e, i) { return { id: i, from: e[0], to: e[1] }; })) });
network.fit();
var base = network.getScale();
window.__move = function (zoom, dx, dy) { network.moveTo({ scale: base * zoom, position: { x: dx, y: dy }, animation: false }); };
window.__render = function () { network.redraw(); };
window.__canvases = Array.prototype.slice.call(document.querySelectorAll("#graph canvas"));
"""
SIGMA = """
var data = JSON.parse(document.getElementById("data").textContent);
var graph = new Graph();
data.nodes.forEach(function (n, i) { graph.addNode(i, { x: n[0], y: -n[1], size: n[2] / 2, color: n[3] }); });
data.edges.forEach(function (e, i) { graph.addEdgeWithKey(i, e[0], e[1], { color: "#B8BEC6", size: 0.5 }); });
var renderer = new Sigma(graph, document.getElementById("graph"), { renderLabels: false, renderEdgeLabels: false });
requestAnimationFrame(function () { window.__first = performance.now(); });
var camera = renderer.getCamera();
window.__move = function (zoom, dx, dy) { camera.setState({ ratio: 1 / zoom, x: 0.5 + dx / 2000, y: 0.5 + dy / 2000 }); };
window.__render = function () { renderer.render(); };  // what sigma runs on the next frame after a camera move
window.__canvases = Array.prototype.slice.call(document.querySelectorAll("#graph canvas"));
"""


def synthetic(nodes: int, seed: int = 1) -> dict[str, Any]:
    """``nodes`` nodes in clusters of about 50 (positions in pixels), about two edges per node, mostly
    inside a cluster; sizes grow with degree. Same seed, same graph."""
    rng = random.Random(seed)
    clusters = max(1, nodes // 50)
    side = math.ceil(math.sqrt(clusters))
    kinds = ["article"] * 2 + ["person"] * 4 + ["organisation"] * 3 + ["theme"]
    home = [rng.randrange(clusters) for _ in range(nodes)]
    members: dict[int, list[int]] = {}
    for node, cluster in enumerate(home):
        members.setdefault(cluster, []).append(node)
    edges: set[tuple[int, int]] = set()
    while len(edges) < 2 * nodes:
        a = rng.randrange(nodes)
        group = members[home[a]] if rng.random() < 0.85 else range(nodes)
        b = rng.choice(group)
        if a != b:
            edges.add((min(a, b), max(a, b)))
    degree = [0] * nodes
    for a, b in edges:
        degree[a] += 1
        degree[b] += 1
    placed = []
    for node in range(nodes):
        cx, cy = (home[node] % side) * 600, (home[node] // side) * 600
        placed.append([round(cx + rng.gauss(0, 110), 1), round(cy + rng.gauss(0, 110), 1), round(5 + 2.5 * math.sqrt(degree[node]), 1), COLOURS[rng.choice(kinds)]])
    return {"nodes": placed, "edges": sorted(edges)}


def page(folder: Path, name: str, library: str, script: str, data: dict[str, Any]) -> Path:
    body = json.dumps(data, separators=(",", ":"))
    html = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>bench</title>'
        "<style>html,body{margin:0;height:100%}#graph{width:100vw;height:100vh}</style></head><body>"
        f'<div id="graph"></div><script type="application/json" id="data">{body}</script>'
        f'<script src="{library}"></script><script src="{name}.js"></script></body></html>'
    )
    (folder / f"{name}.js").write_text(FPS + script, encoding="utf-8")
    path = folder / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    return path


def measure(driver: Any, path: Path) -> tuple[float, float]:
    """First frame (ms after navigation start) and frames per second while the camera moves."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(path.resolve().as_uri())
    WebDriverWait(driver, 600).until(lambda d: d.execute_script("return window.__first"))
    first = float(driver.execute_script("return window.__first"))
    driver.set_script_timeout(SECONDS + 120)
    fps = float(driver.execute_script("return window.__fps(window.__move, window.__render, window.__canvases);"))
    errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    if errors:
        raise RuntimeError(f"{path.name}: {errors[0]}")
    return first, fps


def browser() -> Any:
    """Headless Chromium with the maps' offline flags, but with WebGL on (software, if no GPU)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    from tests.utils.browser import CHROMEDRIVER, CHROMIUM, FLAGS

    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in [*FLAGS, "--enable-unsafe-swiftshader", "--window-size=1366,768"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sigma", type=Path, required=True, help="the sigma + graphology bundle (see above)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000, 50000])
    args = parser.parse_args()
    if not args.sigma.is_file():
        parser.exit(2, f"error: {args.sigma} does not exist: build the bundle first (see --help)\n")
    from kg.maps.page import VIS_FILE, shared_files

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / VIS_FILE).write_bytes(shared_files()[VIS_FILE])
        (folder / "sigma-bundle.js").write_bytes(args.sigma.read_bytes())
        driver = browser()
        try:
            print("WebGL renderer:", driver.execute_script("var c = document.createElement('canvas').getContext('webgl2'); return c ? c.getParameter(c.RENDERER) : 'none'"), file=sys.stderr)
            for size in args.sizes:
                data = synthetic(size)
                vis_first, vis_fps = measure(driver, page(folder, f"vis-{size}", VIS_FILE, VIS, data))
                sigma_first, sigma_fps = measure(driver, page(folder, f"sigma-{size}", "sigma-bundle.js", SIGMA, data))
                rows.append((size, len(data["edges"]), vis_first, vis_fps, sigma_first, sigma_fps))
                print(rows[-1], file=sys.stderr)
        finally:
            driver.quit()
    print("| nodes | edges | vis-network first frame (ms) | vis-network fps | sigma.js first frame (ms) | sigma.js fps |")
    print("|---:|---:|---:|---:|---:|---:|")
    for size, edges, vis_first, vis_fps, sigma_first, sigma_fps in rows:
        print(f"| {size:,} | {edges:,} | {vis_first:,.0f} | {vis_fps:.1f} | {sigma_first:,.0f} | {sigma_fps:.1f} |")


if __name__ == "__main__":
    main()
