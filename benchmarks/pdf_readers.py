"""PDF text extraction: reading-order errors, furniture kept, pages per second and licence of
the candidate libraries, on the seed texts typeset as two-column magazines (tests/ingest/magazine.py).

Rows: each library's own text extraction (pypdfium2's text page, pdfplumber's extract_text,
pdfminer.six's extract_text with its layout analysis), and kg's reader (pypdfium2's glyph boxes
ordered by kg.readers.layout). Columns:

* displaced: runs of 5+ words that come out somewhere else than in the text's own order (a
  column read across, a box or header dropped into a sentence): reading-order errors;
* furniture: lines that are the running header or a bare page number;
* words: share of the text's words found in order (difflib ratio over words, hyphens undone);
* pages/s: over all pages, one process, one run on this machine.

Also the scaling rows: a 500-page PDF read by kg's reader in a fresh process (time, max RSS), and what each bad
PDF gives. Nothing here asserts a time.

    python benchmarks/pdf_readers.py
"""

from __future__ import annotations

import io
import re
import sys
import tempfile
import subprocess
import time
from collections.abc import Callable
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.ingest import RefusedSource, read_source  # noqa: E402
from kg.readers.pdf import read  # noqa: E402
from tests.ingest import pdfs  # noqa: E402
from tests.ingest.magazine import render  # noqa: E402

TITLE = "Magazine Sociaal Domein"
MIN_RUN = 5


def _pdfium(data: bytes) -> list[str]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    pages = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    document.close()
    return pages


def _pdfplumber(data: bytes) -> list[str]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as document:
        return [page.extract_text() or "" for page in document.pages]


def _pdfminer(data: bytes) -> list[str]:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data)).split("\f")


def _kg(data: bytes) -> list[str]:
    return read(data).text.split("\f")


READERS: list[tuple[str, str, Callable[[bytes], list[str]]]] = [
    ("pypdfium2 text page", "Apache-2.0 / BSD-3-Clause", _pdfium),
    ("pdfplumber extract_text", "MIT", _pdfplumber),
    ("pdfminer.six extract_text", "MIT", _pdfminer),
    ("kg reader (pypdfium2 + layout)", "Apache-2.0 / BSD-3-Clause", _kg),
]


def _words(text: str) -> list[str]:
    text = re.sub(r"[-\u2010\u00ad\x02\ufffe]\s*[\r\n]+\s*", "", text)
    return re.findall(r"\w+", text.casefold())


def _displaced(expected: list[str], got: list[str]) -> int:
    """Runs of MIN_RUN+ words that the in-order alignment cannot place: read out of order."""
    opcodes = SequenceMatcher(None, expected, got, autojunk=False).get_opcodes()
    return sum(1 for tag, _, _, j1, j2 in opcodes if tag in ("insert", "replace") and j2 - j1 >= MIN_RUN)


def _furniture(pages: list[str]) -> int:
    lines = [line.strip() for page in pages for line in re.split(r"[\r\n]+", page)]
    return sum(1 for line in lines if TITLE in line or "nummer 3" in line or re.fullmatch(r"\d{1,3}", line))


def _compare(folder: Path) -> None:
    magazines = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        pdf = folder / f"{path.stem}.pdf"
        pages = render(text, pdf, TITLE)
        magazines.append((text, pdf.read_bytes(), pages))
    total_pages = sum(pages for _, _, pages in magazines)
    print(f"{len(magazines)} seed texts typeset as {total_pages} magazine pages (two columns, header, page numbers, boxes, hyphenation)\n")
    print(f"| {'reader':32} | {'licence':26} | displaced | furniture | words | pages/s |")
    print(f"|{'-' * 34}|{'-' * 28}|----------:|----------:|------:|--------:|")
    for name, licence, reader in READERS:
        displaced = furniture = 0
        ratios = []
        started = time.perf_counter()
        outputs = [reader(data) for _, data, _ in magazines]
        elapsed = time.perf_counter() - started
        for (text, _, _), pages in zip(magazines, outputs):
            expected, got = _words(text), _words("\n".join(pages))
            displaced += _displaced(expected, got)
            furniture += _furniture(pages)
            ratios.append(SequenceMatcher(None, expected, got, autojunk=False).ratio())
        print(f"| {name:32} | {licence:26} | {displaced:9} | {furniture:9} | {sum(ratios) / len(ratios):5.3f} | {total_pages / elapsed:7.1f} |")


_SCALING = """
import resource, sys, time
sys.path.insert(0, sys.argv[1])
from kg.readers.pdf import read
data = open(sys.argv[2], "rb").read()
started = time.perf_counter()
reading = read(data)
elapsed = time.perf_counter() - started
print(elapsed, len(reading.text), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def _scaling() -> None:
    """The 500-page PDF read in a fresh process (no other reader's memory, no tracer slowing it)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "500.pdf"
        path.write_bytes(pdfs.plain(500))
        done = subprocess.run([sys.executable, "-c", _SCALING, str(ROOT), str(path)], capture_output=True, text=True, check=True)
        elapsed, characters, rss = (float(value) for value in done.stdout.split())
        print(f"\n500-page PDF ({path.stat().st_size / 1e6:.1f} MB): kg reader {elapsed:.1f} s ({500 / elapsed:.0f} pages/s), "
              f"{characters / 1e6:.2f} M characters, max RSS of the reading process {rss:.0f} MB")


def _bad(folder: Path) -> None:
    print("\n| bad input | refusal |\n|---|---|")
    for name, make in (("scanned (no text layer)", pdfs.scanned), ("encrypted", pdfs.encrypted), ("truncated", pdfs.truncated), ("damaged", pdfs.damaged)):
        path = folder / f"{name.split()[0]}.pdf"
        path.write_bytes(make())
        try:
            read_source(path)
            outcome = "read (not refused)"
        except RefusedSource as refusal:
            outcome = str(refusal).replace(str(folder) + "/", "")
        print(f"| {name} | {outcome} |")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        _compare(Path(folder))
        _scaling()
        _bad(Path(folder))


if __name__ == "__main__":
    main()
