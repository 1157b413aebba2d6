"""The look of the maps (colours, shapes, sizes per node kind), kept as data in assets/style.json."""

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
