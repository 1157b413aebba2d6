"""trafilatura on saved web pages: main text recovered, page chrome leaked, metadata found, pages/s.

The gold-web texts (../shared/gold-web) are saved as web pages (tests/ingest/pages.py: menu,
sidebar, footer, metadata in the head) and read by kg.readers.html. Columns: *text*: share of the
article's words found in order (difflib ratio over words); *chrome*: pages on which a menu, sidebar
or footer phrase got into the text; *metadata*: pages whose site name, date and canonical address
were all found; pages/s over all pages, one run on this machine. Nothing here asserts a time.

    python benchmarks/web_readers.py
"""

from __future__ import annotations

import re
import sys
import time
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.readers.html import read  # noqa: E402
from tests.ingest.pages import html_page  # noqa: E402

CHROME = ("Meest gelezen", "nieuwsbrief", "Privacyverklaring", "Alle rechten", "Agenda")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def main() -> None:
    texts = sorted((ROOT.parent / "shared" / "gold-web").glob("*.txt"))
    pages = [(path.read_text(encoding="utf-8"), html_page(path.read_text(encoding="utf-8"), path.stem)) for path in texts]
    started = time.perf_counter()
    readings = [read(page) for _, page in pages]
    elapsed = time.perf_counter() - started
    ratios = [SequenceMatcher(None, _words(text), _words(reading.text), autojunk=False).ratio() for (text, _), reading in zip(pages, readings)]
    chrome = sum(any(phrase in reading.text for phrase in CHROME) for reading in readings)
    meta = sum(bool(r.metadata and r.metadata.site_name and r.metadata.date and r.metadata.url) for r in readings)
    print("| reader | pages | text (mean / min) | chrome | metadata | pages/s |\n|---|--:|--:|--:|--:|--:|")
    print(f"| trafilatura (kg.readers.html) | {len(pages)} | {sum(ratios) / len(ratios):.3f} / {min(ratios):.3f} | {chrome} | {meta} | {len(pages) / elapsed:.1f} |")


if __name__ == "__main__":
    main()
