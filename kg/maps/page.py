"""HTML pages: one file per map, the index that links them, and the two scripts they share.

Jinja autoescapes every value; the only unescaped pieces are our own CSS (checked to hold no
closing tag) and the map data, escaped by ``script_json`` so that it cannot leave its element.
vis-network 9.1.2 (dual Apache-2.0/MIT, its licence header kept) is read from the installed pyvis
0.3.2 and written once beside the pages (``SHARED``), as is the page script: every map loads both by
a relative ``<script src>``, which works from a folder on disk (file://) as from a server. The
Content-Security-Policy allows no network at all and only scripts from the page's own folder
('self', and file: for a folder on disk); no inline script runs, so an injected script or event
handler would not either.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from kg.maps.payload import script_json

VIS_VERSION = "9.1.2"
VIS_NOTICE = f"vis-network {VIS_VERSION} (c) Almende B.V. and visjs contributors, dual licensed Apache-2.0 / MIT"


@dataclass(frozen=True)
class Reachable:
    """A theme or organisation as the index lists it: a link that opens the overview focused on it."""

    kind: str
    label: str
    address: str
    articles: int


@dataclass(frozen=True)
class Entry:
    """One map as the index lists it."""

    file: str
    title: str
    description: str
    nodes: int
    edges: int


VIS_FILE = "vis-network.min.js"
MAP_FILE = "map.js"
# 'self' covers a served folder, and a folder on disk in Chromium; file: covers browsers for which a
# file:// page is an origin of its own (Firefox's strict file origins). Neither allows an inline script.
SCRIPTS = "'self' file:"
POLICY = f"default-src 'none'; script-src {SCRIPTS}; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
INDEX_POLICY = POLICY.replace(f"script-src {SCRIPTS}", "script-src 'none'")


def shared_files() -> dict[str, bytes]:
    """The scripts every map page loads from its own folder: file name -> bytes."""
    return {VIS_FILE: _vis_js().encode("utf-8"), MAP_FILE: _asset("map.js").encode("utf-8")}


def render_map(data: dict[str, Any], title: str, description: str, index_link: bool = True) -> bytes:
    return (
        _environment()
        .get_template("map.html")
        .render(
            title=title,
            description=description,
            index_link=index_link,
            csp=POLICY,
            css=_inline(_asset("map.css"), "style"),
            data=Markup(script_json(data)),
            scripts=[VIS_FILE, MAP_FILE],
            notice=VIS_NOTICE,
        )
        .encode("utf-8")
    )


def render_index(title: str, entries: list[Entry], reachable: list[Reachable]) -> bytes:
    page = _environment().get_template("index.html")
    return page.render(title=title, entries=entries, reachable=reachable, csp=INDEX_POLICY, notice=VIS_NOTICE).encode("utf-8")


def _inline(text: str, element: str) -> Markup:
    if f"</{element}" in text.lower() or "<!--" in text:
        raise ValueError(f"inline {element} would end its element early")
    return Markup(text)


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(files("kg.maps") / "assets")), autoescape=True, keep_trailing_newline=True)


@cache
def _asset(name: str) -> str:
    return (files("kg.maps") / "assets" / name).read_text(encoding="utf-8")


@cache
def _vis_js() -> str:
    text = (files("pyvis") / "lib" / f"vis-{VIS_VERSION}" / "vis-network.min.js").read_text(encoding="utf-8")
    if f"@version {VIS_VERSION}" not in text[:400]:
        raise RuntimeError(f"pyvis does not ship vis-network {VIS_VERSION}; install pyvis==0.3.2")
    return text
