"""Bad PDFs made on the spot, for the refusal tests and the benchmark."""

from __future__ import annotations

from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas


def _canvas_pdf(draw: str = "text", encrypt: str | None = None, pages: int = 1) -> bytes:
    stream = BytesIO()
    canvas = Canvas(stream, pagesize=A4, encrypt=encrypt, invariant=1)
    for number in range(1, pages + 1):
        if draw == "text":
            canvas.setFont("Helvetica", 11)
            for row in range(40):
                canvas.drawString(72, 760 - 16 * row, f"Pagina {number}, regel {row + 1}: de gemeente werkt samen met Movisie aan zorg.")
        else:  # a scan: only shapes, no text layer
            for row in range(40):
                canvas.rect(72, 760 - 16 * row, 400, 6, fill=1)
        canvas.showPage()
    canvas.save()
    return stream.getvalue()


def unmapped_symbol() -> bytes:
    """A PDF whose line opens with a symbol its font has no glyph for (a check mark in Liberation
    Sans Narrow): PDFium gives that glyph the character NUL."""
    from tests.ingest.magazine import FONT, register_fonts

    register_fonts()
    stream = BytesIO()
    canvas = Canvas(stream, pagesize=A4, invariant=1)
    canvas.setFont(FONT, 11)
    canvas.drawString(72, 700, "\u2713 Coachende houding en steunende interactie")
    canvas.showPage()
    canvas.save()
    return stream.getvalue()


def scanned() -> bytes:
    """A PDF whose pages are pictures of text: nothing to read without OCR."""
    return _canvas_pdf("shapes", pages=2)


def encrypted() -> bytes:
    """A PDF that opens only with a password."""
    return _canvas_pdf(encrypt="geheim")


def truncated() -> bytes:
    """A PDF cut off halfway (an interrupted download)."""
    data = _canvas_pdf(pages=3)
    return data[: len(data) // 2]


def damaged() -> bytes:
    """A file named .pdf that starts and ends like one but holds no PDF structure."""
    return b"%PDF-1.7\n" + bytes(range(256)) * 20 + b"\n%%EOF\n"


def plain(pages: int) -> bytes:
    """A PDF of ``pages`` pages of text, for the scaling benchmark."""
    return _canvas_pdf(pages=pages)


def rasterised(pdf: bytes, dpi: int = 200) -> bytes:
    """The PDF as a scanner gives it back: every page a picture, no text layer."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    images = [document[number].render(scale=dpi / 72).to_pil().convert("L") for number in range(len(document))]
    document.close()
    stream = BytesIO()
    images[0].save(stream, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return stream.getvalue()
