"""vis-network options, set through a pyvis Network object (what pyvis is good at).

Only the options are taken from pyvis; its node/edge lists (add_edge is quadratic), templates and
menus are not used (see docs/maps.md). Physics is off: positions come from kg.maps.layout.
"""

from __future__ import annotations

import json
from typing import Any

from pyvis.network import Network

from kg.maps.style import kinds, style

LARGE = 2000  # edges from which panning hides them, so that dragging stays smooth


def vis_options(edge_count: int) -> dict[str, Any]:
    network = Network(cdn_resources="in_line")
    network.toggle_physics(False)
    network.toggle_stabilization(False)
    network.options.edges.smooth.enabled = False
    network.options.edges.inherit_colors(False)
    network.toggle_hide_edges_on_drag(edge_count >= LARGE)
    options = json.loads(network.options.to_json())
    edge = style()["edge"]
    options["edges"]["color"] = {"color": edge["color"], "highlight": edge["highlight"], "hover": edge["hover"], "inherit": False}
    options["edges"]["selectionWidth"] = 1.5
    options["interaction"].update(hover=True, tooltipDelay=120, multiselect=False, navigationButtons=False, keyboard=False)
    options["layout"] = {"improvedLayout": False, "randomSeed": 7}
    options["nodes"] = {"borderWidth": 1, "borderWidthSelected": 3, "font": {"size": 0}}
    options["groups"] = {kind["kind"]: {"shape": kind["shape"], "color": _colour(kind["color"], kind["border"])} for kind in kinds()}
    return options


def _colour(fill: str, border: str) -> dict[str, Any]:
    state = {"background": fill, "border": "#111111"}
    return {"background": fill, "border": border, "highlight": state, "hover": state}
