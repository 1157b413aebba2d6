"""A small hand-made analysis network (the kg.network contract), also in a version full of script payloads."""

from __future__ import annotations

import networkx as nx

from kg.network.metrics import annotate

BASE = "https://w3id.org/sociaal-kg/id/"
THEME = "https://w3id.org/sociaal-kg/theme/"

# Each would run (set window.__pwned, change the title, open an alert) if it reached the DOM as HTML.
PAYLOADS = [
    "<script>window.__pwned='script'</script>",
    "<img src=x onerror=\"window.__pwned='img'\">",
    '"><svg onload="window.__pwned=\'svg\'">',
    "<a href=\"javascript:window.__pwned='href'\" onmouseover=\"window.__pwned='href'\">href</a>",
    "</script><script>window.__pwned='close'</script>",
    "<img src=x onerror=\"document.title='pwned'\">",
    "<img src=x onerror=alert(1)>",
    "'\"--></title></textarea><svg/onload=window.__pwned='title'>",
]

# kind, key, label, info, theme keys, organisation keys, articles
NODES = [
    ("theme", "armoede", "Armoede", "Bestaanszekerheid", ["armoede"], [], 2),
    ("theme", "wonen", "Wonen", "", ["wonen"], [], 1),
    ("organisation", "movisie", "Movisie", "Landelijk kennisinstituut", ["armoede", "wonen"], ["movisie"], 1),
    ("organisation", "hu", "Hogeschool Utrecht", "HU", [], ["hu"], 0),
    ("organisation", "gemeente", "Gemeente Utrecht", "", ["armoede"], ["gemeente"], 1),
    ("person", "anna", "Anna de Vries", "onderzoeker", ["armoede", "wonen"], ["movisie"], 2),
    ("person", "bram", "Bram Jansen", "lector", ["armoede"], ["hu"], 1),
    ("person", "carla", "Carla Smit", "wijkcoach", ["armoede"], ["gemeente"], 1),
    ("article", "a1", "Schulden in de wijk", "Movisies · interview", ["armoede"], ["gemeente", "hu", "movisie"], 1),
    ("article", "a2", "Wonen en zorg", "Movisies · column", ["armoede", "wonen"], ["movisie"], 1),
]
EDGES = [
    ("a1", "anna", "author"),
    ("a1", "bram", "author"),
    ("a1", "carla", "interviewed"),
    ("a1", "gemeente", "mentions"),
    ("a1", "armoede", "about"),
    ("a2", "anna", "author"),
    ("a2", "movisie", "mentions"),
    ("a2", "wonen", "about"),
    ("a2", "armoede", "about"),
    ("anna", "movisie", "affiliation"),
    ("bram", "hu", "affiliation"),
    ("carla", "gemeente", "affiliation"),
]


def network(hostile: bool = False) -> nx.Graph:
    """The ten-node network above; ``hostile`` puts a payload into every text a user can see, and one IRI."""

    def payload(n: int) -> str:
        return PAYLOADS[n % len(PAYLOADS)]

    ids = {key: (f"{THEME}{key}" if kind == "theme" else f"{BASE}{kind}/{key}") for kind, key, *_ in NODES}
    labels = {key: f"{payload(n)} {label}" if hostile else label for n, (_, key, label, *_) in enumerate(NODES)}
    if hostile:
        ids["carla"] += payload(4)
    graph = nx.Graph()
    for n, (kind, key, _, info, themes, organisations, articles) in enumerate(NODES):
        graph.add_node(
            ids[key],
            kind=kind,
            label=labels[key],
            info=payload(n + 3) if hostile else info,
            source=(payload(n + 5) if hostile else f"{key}.txt") if kind == "article" else "",
            evidence=[_quote(labels[key], payload(n + 1) if hostile else "")],
            themes=sorted(labels[k] for k in themes),
            organisations=sorted(labels[k] for k in organisations),
            articles=articles,
        )
    for n, (a, b, relation) in enumerate(EDGES):
        article = a if a in ("a1", "a2") else b
        quote = _quote(labels[article], payload(n + 2) if hostile else "")
        graph.add_edge(ids[a], ids[b], relations=[relation], weight=2.5 if relation == "about" else 1.0, evidence=[quote])
    return annotate(graph)


def _quote(article: str, payload: str) -> dict[str, str]:
    if payload:
        return {"quote": payload, "source": payload, "article": article}
    return {"quote": f"zoals {article} schrijft", "source": "001_seed.txt", "article": article}
