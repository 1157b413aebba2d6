"""What the endpoint serves besides ``/sparql``: the query page (YASGUI, bundled), its assets, and the HTML maps folder."""

from __future__ import annotations

import json
import mimetypes
from html import escape
from pathlib import Path
from urllib.parse import quote, unquote

from kg.sparql.guard import Refused
from kg.sparql.saved import saved_questions

ASSETS = Path(__file__).resolve().parent / "assets"

EXAMPLE = "PREFIX schema: <https://schema.org/> SELECT ?headline WHERE { ?a a schema:Article ; schema:headline ?headline } LIMIT 10"

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL endpoint</title>
<link rel="stylesheet" href="/assets/yasgui.min.css">
<style>body{{font-family:sans-serif;margin:1em 2em;line-height:1.4}}main{{max-width:52em}}pre{{background:#f4f4f4;padding:.8em;overflow-x:auto}}</style>
</head><body>
<h1>kg SPARQL endpoint</h1>
<p><label>Saved question: <select id="examples">{options}</select></label> (edit it, then run it with ▶)</p>
<div id="yasgui" data-endpoint="{endpoint}"></div>
<script type="application/json" id="kg-questions">{questions}</script>
<script src="/assets/yasgui.min.js"></script>
<script src="/assets/editor.js"></script>
<main>
<p>A read-only <a href="https://www.w3.org/TR/sparql11-protocol/">SPARQL 1.1 Protocol</a> endpoint over
<code>{graph}</code> ({triples} triples; the default graph is the union of all named graphs).</p>
<p>Endpoint: <code>{endpoint}</code> (GET or POST; JSON, XML, CSV, TSV results; Turtle, JSON-LD, N-Triples, RDF/XML
for CONSTRUCT and DESCRIBE). Point YASGUI or any SPARQL editor at it. At most {max_rows} rows per answer
(<code>X-KG-Truncated: true</code> when cut), {timeout} s per query; updates and <code>SERVICE</code> are refused.</p>
<h2>curl</h2>
<pre>curl -H 'Accept: text/csv' --data-urlencode 'query={example}' {endpoint}</pre>
<h2>Python (SPARQLWrapper)</h2>
<pre>from SPARQLWrapper import SPARQLWrapper, JSON

sparql = SPARQLWrapper("{endpoint}")
sparql.setQuery("{example}")
sparql.setReturnFormat(JSON)
for row in sparql.queryAndConvert()["results"]["bindings"]:
    print(row["headline"]["value"])</pre>
<h2>Maps</h2>
{maps}
</main>
</body></html>
"""


def index_page(endpoint: str, graph: Path, triples: int, max_rows: int, timeout: float, maps_dir: Path | None) -> bytes:
    """The page at ``/``: the query editor with every saved question as an example, how to query from elsewhere, the maps."""
    questions = saved_questions()
    data = json.dumps([{"name": q.name, "query": q.text} for q in questions], ensure_ascii=False).replace("</", "<\\/")
    options = "".join(f'<option value="{escape(q.name)}">{escape(q.name)}: {escape(q.question)}</option>' for q in questions)
    maps = "<p>No maps folder is served.</p>"
    if maps_dir is not None:
        links = "".join(f'<li><a href="/maps/{quote(name)}">{escape(name)}</a></li>' for name in _listing(maps_dir))
        maps = f"<p>The HTML maps in <code>{escape(str(maps_dir))}</code>:</p><ul>{links}</ul>"
    text = PAGE.format(
        graph=escape(graph.name),
        triples=f"{triples:,}",
        endpoint=escape(endpoint),
        max_rows=f"{max_rows:,}",
        timeout=f"{timeout:g}",
        example=escape(EXAMPLE),
        maps=maps,
        options=options,
        questions=data,
    )
    return text.encode()


def asset(name: str) -> tuple[str, bytes]:
    """A file of the query page (``/assets/NAME``): only the files in kg/sparql/assets, by exact name."""
    if name not in {entry.name for entry in ASSETS.iterdir() if entry.is_file()}:
        raise Refused(404, "no such asset")
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return (f"{kind}; charset=utf-8" if kind.startswith("text/") else kind), (ASSETS / name).read_bytes()


def static_file(maps_dir: Path, url_path: str) -> tuple[str, bytes]:
    """The content type and bytes of a file under ``maps_dir`` (a listing for a folder without index.html).

    The path is resolved (``..``, symlinks) before it is checked, so nothing outside the folder is served.
    """
    root = maps_dir.resolve()
    try:
        target = (root / unquote(url_path).lstrip("/")).resolve()
    except (OSError, ValueError):  # a NUL byte, a symlink loop
        raise Refused(404, "no such map") from None
    if not target.is_relative_to(root):
        raise Refused(403, "outside the maps folder")
    if target.is_dir() and (target / "index.html").is_file():
        target = target / "index.html"
    if target.is_dir():
        prefix = "/maps/" + "".join(quote(part) + "/" for part in target.relative_to(root).parts)
        links = "".join(f'<li><a href="{prefix}{quote(name)}">{escape(name)}</a></li>' for name in _listing(target))
        return "text/html; charset=utf-8", f"<!doctype html><meta charset='utf-8'><ul>{links}</ul>".encode()
    if not target.is_file():
        raise Refused(404, "no such map")
    kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    return (f"{kind}; charset=utf-8" if kind.startswith("text/") else kind), target.read_bytes()


def _listing(folder: Path) -> list[str]:
    return sorted(entry.name + ("/" if entry.is_dir() else "") for entry in folder.iterdir() if not entry.name.startswith("."))
