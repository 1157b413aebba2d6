"""Interactive network maps: self-contained, offline HTML pages drawn with vis-network (via pyvis).

``render_maps(network, title)`` gives every map of an annotated analysis graph (kg.network) as
relative path -> bytes; see docs/maps.md for what the maps show and how they are kept safe.
"""

from kg.maps.render import render_maps

__all__ = ["render_maps"]
