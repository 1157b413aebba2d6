"""Where the project's data lives: ``ontology/`` beside the package in a checkout, or the copy an
installed wheel carries in ``<prefix>/share/kg-sociaal/ontology``."""

from __future__ import annotations

import os
import sys
import sysconfig
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
INSTALLED = Path("share") / "kg-sociaal" / "ontology"  # pyproject.toml's data-files put it here


def _candidates() -> list[Path]:
    configured = os.environ.get("KG_ONTOLOGY")
    if configured:
        return [Path(configured)]
    prefixes = dict.fromkeys([sysconfig.get_path("data"), sys.prefix, sys.base_prefix])
    return [PACKAGE.parent / "ontology", *(Path(prefix) / INSTALLED for prefix in prefixes)]


def ontology_dir() -> Path:
    """``KG_ONTOLOGY`` if set, else the checkout's ``ontology/``, else the installed copy."""
    candidates = _candidates()
    found = next((folder for folder in candidates if (folder / "kg.ttl").is_file()), None)
    if found is None:
        raise FileNotFoundError(f"ontology folder not found at {', '.join(map(str, candidates))} (set KG_ONTOLOGY to the folder holding kg.ttl)")
    return found
