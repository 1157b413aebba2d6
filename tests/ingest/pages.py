"""Saved web pages and Word files made from plain texts, for the reader tests.

A text in the gold-web layout (title line, blank line, paragraphs separated by blank lines) becomes
a page as a browser saves it: metadata in the head (title, author, date, site name, canonical
address), a navigation menu, a sidebar of other articles and a footer around the article; or a
.docx or .odt with the title as a Heading 1, the paragraphs, a Heading 2 for each short line, and one
footnote.
"""

from __future__ import annotations

import zipfile
from datetime import datetime, timezone
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

SITE = "Sociaal Nieuws"
SUBHEAD = 60  # a line this short without a full stop is a subhead
NAVIGATION = """<header><a href="/">Sociaal Nieuws</a><nav><ul><li><a href="/">Home</a></li><li><a href="/nieuws">Nieuws</a></li>
<li><a href="/themas">Thema's</a></li><li><a href="/agenda">Agenda</a></li><li><a href="/contact">Contact</a></li></ul></nav></header>"""
SIDEBAR = """<aside><h3>Meest gelezen</h3><ul><li><a href="/a">Gemeenten zoeken meer vrijwilligers voor de wijk</a></li>
<li><a href="/b">Nieuwe subsidie voor buurtinitiatieven aangekondigd</a></li></ul><p>Schrijf je in voor de nieuwsbrief!</p></aside>"""
FOOTER = """<footer><p>© 2020 Sociaal Nieuws. Alle rechten voorbehouden.</p><p><a href="/privacy">Privacyverklaring</a> |
<a href="/cookies">Cookies</a></p></footer>"""


def _parts(text: str) -> tuple[str, list[str]]:
    blocks = [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]
    return blocks[0], blocks[1:]


def _subhead(block: str) -> bool:
    """A short line without a full stop or a colon: a byline ("Auteur: ...") or dateline stays a paragraph."""
    return len(block) <= SUBHEAD and ":" not in block and not block.endswith((".", "?", "!", "”", "’"))


def html_page(text: str, slug: str, author: str | None = None) -> bytes:
    """A saved web page holding ``text`` as its article."""
    title, blocks = _parts(text)
    body = "\n".join(f"<h2>{escape(b)}</h2>" if _subhead(b) else f"<p>{escape(b)}</p>" for b in blocks)
    author_meta = f'<meta name="author" content={quoteattr(author)}>' if author else ""
    return f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>{escape(title)} | {SITE}</title>
<meta property="og:title" content={quoteattr(title)}><meta property="og:site_name" content="{SITE}">{author_meta}
<meta property="article:published_time" content="2020-06-12T09:30:00+02:00">
<link rel="canonical" href="https://sociaalnieuws.example/nieuws/{slug}"></head>
<body>{NAVIGATION}<main><article><h1>{escape(title)}</h1>
{body}
</article>{SIDEBAR}</main>{FOOTER}</body></html>
""".encode("utf-8")


FOOTNOTES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:t>{note}</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""


def word_file(text: str, path: Path, note: str) -> None:
    """A .docx holding ``text``: title as Heading 1, subheads as Heading 2, and ``note`` as its one footnote."""
    import docx

    title, blocks = _parts(text)
    document = docx.Document()
    document.core_properties.created = datetime(2020, 6, 12, tzinfo=timezone.utc)  # fixed: the same text makes the same file
    document.add_heading(title, level=1)
    for block in blocks:
        if _subhead(block):
            document.add_heading(block, level=2)
        else:
            document.add_paragraph(block)
    stream = BytesIO()
    document.save(stream)
    path.write_bytes(_with_footnote(stream.getvalue(), note))


def _with_footnote(data: bytes, note: str) -> bytes:
    """The package with word/footnotes.xml added, as Word stores footnotes (part, relationship, content type)."""
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            elif item.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
                )
            target.writestr(item, content)
        target.writestr("word/footnotes.xml", FOOTNOTES.format(note=escape(note)))
    return out.getvalue()


ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3">
<office:automatic-styles>{styles}</office:automatic-styles>
<office:body><office:text><text:sequence-decls/>{body}</office:text></office:body></office:document-content>"""
ODT_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""


def odt_package(body: str, styles: str = "") -> bytes:
    """An OpenDocument text package as LibreOffice writes one: the mimetype first and stored, the
    content (``body``: the XML inside office:text; ``styles``: automatic styles) and a manifest."""
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(zipfile.ZipInfo("mimetype", (2020, 6, 12, 0, 0, 0)), "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        for name, content in (("content.xml", ODT_CONTENT.format(body=body, styles=styles)), ("META-INF/manifest.xml", ODT_MANIFEST)):
            package.writestr(zipfile.ZipInfo(name, (2020, 6, 12, 0, 0, 0)), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def odt_file(text: str, path: Path, note: str) -> None:
    """A .odt holding ``text``: title as a level-1 heading, subheads at level 2, and ``note`` as a
    footnote of the first paragraph."""
    title, blocks = _parts(text)
    cited = f'<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>{escape(note)}</text:p></text:note-body></text:note>'
    body = [f'<text:h text:outline-level="1">{escape(title)}</text:h>']
    for block in blocks:
        if _subhead(block):
            body.append(f'<text:h text:outline-level="2">{escape(block)}</text:h>')
        else:
            body.append(f"<text:p>{escape(block)}{cited}</text:p>")
            cited = ""
    path.write_bytes(odt_package("\n".join(body)))
