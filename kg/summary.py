"""The table printed at the end of a build."""

from __future__ import annotations

from collections import Counter

from rich.table import Table

from kg.build import BuildResult
from kg.rdf.iris import name_key


def counts(result: BuildResult) -> dict[str, int]:
    articles = [a for e in result.extractions for a in e.articles]
    persons = {name_key(p.name.text) for a in articles for p in [*a.authors, *a.interviewees]}
    persons |= {name_key(p.name.text) for a in articles for p in a.persons}
    organisations = {name_key(m.text) for a in articles for m in a.organisations}
    organisations |= {name_key(o.text) for a in articles for p in [*a.authors, *a.interviewees, *a.persons] for o in p.affiliations}
    return {
        "sources": len(result.extractions),
        "refused": len(result.refused),
        "cached": result.cached,
        "articles": len(articles),
        "persons": len(persons),
        "organisations": len(organisations),
        "themes": len({t.concept for a in articles for t in a.themes}),
        "recommendations": sum(len(a.recommendations) for a in articles),
        "triples": result.triples,
        "warnings": len(result.warnings) + len(result.refused),
    }


def candidate_themes(result: BuildResult, limit: int = 15) -> list[tuple[str, int]]:
    """Frequent phrases of the corpus that no thesaurus concept covers: where it could grow."""
    totals: Counter[str] = Counter()
    for extraction in result.extractions:
        totals.update(dict(extraction.candidate_themes))
    return sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:limit]


def table(result: BuildResult) -> Table:
    view = Table(title="kg build", show_header=True)
    view.add_column("what")
    view.add_column("count", justify="right")
    for key, value in counts(result).items():
        view.add_row(key, str(value))
    return view
