"""Web pages (.html, .htm, saved pages): the main text without navigation, with the page's metadata.

trafilatura finds the main text (the field's standard; benchmarks/web_readers.py measures it on saved
pages). The text starts as a web page prints an article: its title, a "Door: ..." line when the page
names its author, then the paragraphs with a blank line between them (the layout of gold-web), so the
extractors find headline and author with evidence in text/NAME.txt. Site name, date and canonical
address, which the page states only in its metadata, travel as :class:`PageMeta` to the graph.
"""

from __future__ import annotations

import logging

from kg.readers import PageMeta, Reading, Unreadable

MEDIA_TYPE = "text/html"
MIN_WORDS = 20  # less main text than this is a menu or a notice that trafilatura fell back to, not an article


def read(data: bytes) -> Reading:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)  # its own warnings would interleave with the build's
    document = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False, include_tables=True, deduplicate=False)
    body = (document.text or "").strip() if document is not None else ""
    if len(body.split()) < MIN_WORDS:
        raise Unreadable("has no main text that can be found (an empty page, or one that JavaScript fills in?); save the page after it has loaded, or copy its text into a .txt file")
    meta = PageMeta(
        title=_clean(document.title),
        author=_clean(document.author),
        date=_clean(document.date),
        site_name=_clean(document.sitename),
        url=_clean(document.url),
    )
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    if meta.title and paragraphs[0] != meta.title:
        paragraphs.insert(0, meta.title)
    if meta.author:
        paragraphs.insert(1, "Door: " + " en ".join(part.strip() for part in meta.author.split(";") if part.strip()))
    return Reading("\n\n".join(paragraphs) + "\n", MEDIA_TYPE, metadata=meta)


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None
