"""HTML pages: one self-contained file per map, and the index that links them.

Jinja autoescapes every value; the only unescaped pieces are our own CSS and scripts (checked to
hold no closing tag) and the map data, escaped by ``script_json`` so that it cannot leave its
element. vis-network 9.1.2 (dual Apache-2.0/MIT, its licence header kept) is read from the
installed pyvis 0.3.2 and inlined. The Content-Security-Policy allows no network at all and only
the page's own scripts, by hash: an injected inline script or event handler would not run.
"""

from __future__ import annotations

import base64
import hashlib
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
class Entry:
    """One map as the index lists it."""

    file: str
    title: str
    description: str
    nodes: int
    edges: int


def render_map(data: dict[str, Any], title: str, description: str, index_link: bool = True) -> bytes:
    scripts = [_vis_js(), _asset("map.js")]
    csp = _policy(scripts)
    return (
        _environment()
        .get_template("map.html")
        .render(
            title=title,
            description=description,
            index_link=index_link,
            csp=csp,
            css=_inline(_asset("map.css"), "style"),
            data=Markup(script_json(data)),
            scripts=[_inline(script, "script") for script in scripts],
            notice=VIS_NOTICE,
        )
        .encode("utf-8")
    )


def render_index(title: str, entries: list[Entry]) -> bytes:
    return _environment().get_template("index.html").render(title=title, entries=entries, csp=_policy([]), notice=VIS_NOTICE).encode("utf-8")


def _policy(scripts: list[str]) -> str:
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode('utf-8')).digest()).decode()}'" for s in scripts)
    script_src = hashes or "'none'"
    return f"default-src 'none'; script-src {script_src}; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


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
