"""The sentence around a span: what an edge's evidence quotes (kg.rdf.sentences)."""

from __future__ import annotations

from kg.model import Span
from kg.rdf.sentences import LONGEST, Sentences

BODY = "Dit is een regel tekst die zo breed is als de kolom waarin hij gezet is, ja.\n"


def _around(text: str, name: str) -> str:
    start = text.index(name)
    span = Sentences(text).around(Span(start, start + len(name)))
    return text[span.start:span.end]


def test_a_wrapped_sentence_is_quoted_whole_across_its_line_breaks() -> None:
    text = BODY * 3 + "De gevolgen waren groot. Bij Movisie werden we daarentegen direct geconfron-\nteerd met de vaak schrijnende sociale gevolgen. Daarna kwam de rest.\n"
    assert _around(text, "Movisie") == "Bij Movisie werden we daarentegen direct geconfron-\nteerd met de vaak schrijnende sociale gevolgen."


def test_the_stop_of_a_title_or_an_initial_ends_no_sentence() -> None:
    text = BODY + "Volgens prof. dr. G. van der Laan van Avans Hogeschool is dat zo. Verder niets.\n"
    assert _around(text, "Avans Hogeschool") == "Volgens prof. dr. G. van der Laan van Avans Hogeschool is dat zo."


def test_a_short_byline_line_is_its_own_quote() -> None:
    text = "Kop van het stuk\n\nDoor: Olaf Stomp\n\n" + BODY * 4
    assert _around(text, "Olaf Stomp") == "Door: Olaf Stomp"


def test_a_markdown_heading_stands_alone() -> None:
    text = "## Sander ter Mors\nTeamleider Werk & Inkomen gemeente Hengelo, sinds jaar en dag werkzaam in de regio.\n" + BODY * 3
    assert _around(text, "Sander ter Mors") == "## Sander ter Mors"


def test_an_endless_sentence_is_cut_around_the_span_at_spaces() -> None:
    text = "Lijst: " + "stichting, " * 80 + "Movisie, " + "vereniging, " * 80 + "einde."
    quote = _around(text, "Movisie")
    assert "Movisie" in quote and len(quote) <= LONGEST and quote.split()[0] in ("stichting,", "vereniging,")
