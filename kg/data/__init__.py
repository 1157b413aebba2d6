"""Language data of the extraction rules: word lists and tables, one entry per line, ``#`` comments."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """The entries of ``kg/data/<name>``: stripped non-empty lines that are not comments."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=None)
def table(name: str) -> dict[str, str]:
    """The rows of the two-column table ``kg/data/<name>`` (tab-separated, ``#`` comments): first cell -> second."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {row[0].strip(): row[1].strip() for row in rows}
