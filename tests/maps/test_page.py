"""The pages: self-contained, deterministic, and no text from the data can become markup."""

from __future__ import annotations

import html
import json
import re

from kg.maps import render_maps
from kg.maps.payload import map_data, script_json
from tests.maps.graphs import PAYLOADS, network

SCRIPT = re.compile(r"<script([^>]*)>(.*?)</script>", re.DOTALL)


def test_script_json_cannot_close_its_element_and_reads_back_unchanged() -> None:
    value = {"label": '</script><!-- <img src=x> & \u2028 "quoted"'}
    text = script_json(value)
    assert not set("<>&\u2028") & set(text)
    assert json.loads(text) == value


def test_render_maps_writes_the_index_and_every_map_deterministically() -> None:
    files = render_maps(network(), "Sociaal domein", limit=1)
    assert sorted(files) == [
        "maps/coauthors.html",
        "maps/index.html",
        "maps/map.js",
        "maps/organisation-gemeente-utrecht.html",
        "maps/overview.html",
        "maps/theme-armoede.html",
        "maps/vis-network.min.js",
    ]
    assert files == render_maps(network(), "Sociaal domein", limit=1)
    index = files["maps/index.html"].decode()
    assert '<a href="theme-armoede.html">Theme: Armoede</a>' in index
    for address, label in (("theme/wonen", "Wonen"), ("organisation/hu", "Hogeschool Utrecht"), ("organisation/movisie", "Movisie")):
        assert f'<a href="overview.html#node={address}">{label}</a>' in index  # every theme and organisation, without a map of its own
    assert re.search(r"overview\.html.*?<td class=\"count\">10</td><td class=\"count\">12</td>", index, re.DOTALL)


def test_a_map_loads_only_the_two_scripts_beside_it_and_allows_no_inline_script() -> None:
    files = render_maps(network(), "t", limit=0)
    page = files["maps/overview.html"].decode()
    assert not re.search(r"<(link|iframe|object|embed|img)\b", page)
    assert not re.search(r"\b(src|href)\s*=\s*[\"']?(https?:|//)", page)
    policy = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    assert "default-src 'none'" in policy and policy.split("script-src")[1].split(";")[0].strip() == "'self' file:"
    scripts = SCRIPT.findall(page)
    assert [attrs for attrs, _ in scripts] == [' type="application/json" id="kg-data"', ' src="vis-network.min.js"', ' src="map.js"']
    assert all(body == "" for _, body in scripts[1:])
    library = files["maps/vis-network.min.js"].decode()
    assert "@version 9.1.2" in library and "MIT License" in library
    assert b"kgMap" in files["maps/map.js"]


def test_payloads_in_every_text_stay_data() -> None:
    files = render_maps(network(hostile=True), PAYLOADS[0], limit=8)
    assert len(files) == 10
    for name, content in files.items():
        page = content.decode()
        for payload in PAYLOADS:
            assert payload not in page, (name, payload)
        assert len(SCRIPT.findall(page)) == (0 if name.endswith(("index.html", ".js")) else 3)
        assert not re.search(r"<(img|svg)\b", page), name
    overview = files["maps/overview.html"].decode()
    assert "<title>Overview — &lt;script&gt;window.__pwned=&#39;script&#39;&lt;/script&gt;</title>" in overview
    data = json.loads(SCRIPT.findall(overview)[0][1])
    assert {node["label"] for node in data["nodes"]} == {data["label"] for _, data in network(hostile=True).nodes(data=True)}



def test_labels_go_to_people_and_organisations_then_themes_then_headlines_and_platforms_last() -> None:
    graph = network()
    facebook = "https://w3id.org/sociaal-kg/id/organization/facebook"
    graph.add_node(facebook, kind="organisation", label="Facebook", evidence=[], themes=[], organisations=[])
    for node in sorted(graph)[:7]:  # the best linked node of the map, yet named last
        graph.add_edge(facebook, node, relations=["mentions"], weight=1.0, evidence=[])
    nodes = sorted(map_data(graph)["nodes"], key=lambda n: n["rank"])
    assert {n["kind"] for n in nodes[:6]} == {"person", "organisation"} and [n["kind"] for n in nodes[6:10]] == ["theme"] * 2 + ["article"] * 2
    assert nodes[-1]["label"] == "Facebook" and nodes[-1]["links"] == max(n["links"] for n in nodes)
    assert nodes[-1]["size"] == max(n["size"] for n in nodes)  # size is links on this map


def test_edges_carry_the_relation_they_are_drawn_as_and_the_legend_counts_them() -> None:
    data = map_data(network())
    assert {e["relation"] for e in data["edges"]} == {"author", "interviewed", "mentions", "about", "affiliation"}
    legend = {r["relation"]: r["count"] for r in data["relations"]}
    assert legend == {"author": 3, "interviewed": 1, "affiliation": 3, "about": 3, "mentions": 2}
    assert [r["relation"] for r in data["relations"]] == ["author", "interviewed", "affiliation", "about", "mentions"]
    assert all(isinstance(n["community"], int) for n in data["nodes"])


def test_on_the_co_authorship_map_a_person_is_sized_by_co_authors() -> None:
    from kg.network.projections import coauthorship

    data = map_data(coauthorship(network()))
    people = {n["label"]: n for n in data["nodes"]}
    assert {label: n["links"] for label, n in people.items()} == {"Anna de Vries": 1, "Bram Jansen": 1}
    assert [e["relation"] for e in data["edges"]] == ["co-author"] and data["relations"][0]["name"] == "wrote together"
