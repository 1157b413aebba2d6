"""Split the tail of a signature, "bestuurder Movisie", into a role and an organisation."""

from __future__ import annotations

import re

from kg.extract.roles import job_titles
from kg.model import Mention, Span

_LINK = re.compile(r"\s+(?:bij|van|aan|at|of)\s+(?=[A-Z])")


def role_and_organisation(tail: Mention) -> tuple[Mention | None, Mention | None]:
    """The role is the lowercase opening words; the organisation the capitalised rest.

    "bestuurder Movisie" -> ("bestuurder", "Movisie"); "onderzoeker bij Avans Hogeschool" ->
    ("onderzoeker", "Avans Hogeschool"); "lector Veiligheid" alone stays a role. A role noun
    capitalised in a heading and linked to the name ("Ervaringsdeskundige bij Werkplaats X") is
    still a role, not part of the name.
    """
    text = tail.text
    link = _LINK.search(text)
    if text[:1].isupper() and not (link and _is_role(text[: link.start()])):
        return None, _mention(tail, 0, len(text))  # "Paul van Yperen, Movisie": no role printed
    if link:
        role, org_at = text[:link.start()], link.end()
    else:
        words = text.split(" ")
        cut = next((i for i, w in enumerate(words) if i > 0 and w[:1].isupper()), None)
        if cut is None:
            return _mention(tail, 0, len(text)), None
        role = " ".join(words[:cut])
        org_at = len(role) + 1
    org = text[org_at:].strip(" ,.")
    role_mention = _mention(tail, 0, len(role.rstrip())) if role.strip() else None
    org_mention = _mention(tail, org_at, org_at + len(org)) if org else None
    return role_mention, org_mention


def _is_role(phrase: str) -> bool:
    """Is the phrase a role, whatever its case? Multiword roles count by their last word
    ("Senior adviseur"), as in the job-title list; "Hogeschool" before "van Amsterdam" is none."""
    words = phrase.lower().split()
    return bool(words) and words[-1] in job_titles()


def _mention(tail: Mention, start: int, end: int) -> Mention:
    return Mention(tail.text[start:end], Span(tail.span.start + start, tail.span.start + end), tail.confidence)
