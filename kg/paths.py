"""Where the project's data lives: ``ontology/`` beside the package in a checkout."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def ontology_dir() -> Path:
    """``KG_ONTOLOGY`` if set, else the ``ontology/`` folder of the checkout."""
    configured = os.environ.get("KG_ONTOLOGY")
    folder = Path(configured) if configured else PACKAGE.parent / "ontology"
    if not (folder / "kg.ttl").is_file():
        raise FileNotFoundError(f"ontology folder not found at {folder} (set KG_ONTOLOGY to the folder holding kg.ttl)")
    return folder
