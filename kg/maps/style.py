"""The look of the maps (colours, shapes, sizes per node kind and edge relation), kept as data in assets/style.json."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def style() -> dict[str, Any]:
    return json.loads((files("kg.maps") / "assets" / "style.json").read_text(encoding="utf-8"))


def kinds() -> list[dict[str, str]]:
    """One entry per node kind, in legend order: kind, name, color, border, shape."""
    return style()["kinds"]


def relations() -> list[dict[str, Any]]:
    """One entry per edge relation, in the order an edge of several relations is drawn by: relation, name, color, dashes."""
    return style()["relations"]


@cache
def background() -> frozenset[str]:
    """Organisation names (case-folded) that the maps label last: platforms, media, passing companies."""
    text = (files("kg.maps") / "assets" / "background_organisations.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines() if line.strip() and not line.startswith("#"))
