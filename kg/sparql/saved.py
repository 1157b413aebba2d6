"""Saved questions: the ``.rq`` files of ``ontology/queries/`` and what their leading comment says.

Each file starts with comment lines ``# title: …``, ``# answers: …`` (may continue over several lines)
and optionally ``# parameters: ?var (what to bind it to) …``, followed by the SPARQL query itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.paths import ontology_dir

FIELD = re.compile(r"#\s*(title|answers|parameters)\s*:\s*(.*)")
VARIABLE = re.compile(r"[?$]([A-Za-z_][A-Za-z0-9_]*)")
DESCRIBED = re.compile(r"[?$]([A-Za-z_][A-Za-z0-9_]*)\s*\(([^)]*)\)")
"""A parameter with its description: ``?person (a person IRI)``."""


@dataclass(frozen=True)
class SavedQuestion:
    name: str
    path: Path
    title: str
    answers: str
    parameters: tuple[str, ...]
    text: str
    nodes: frozenset[str] = frozenset()
    """The parameters that expect a node (described as an IRI, not a literal): a name bound to one is looked up."""

    @property
    def question(self) -> str:
        """The one-line question it answers: the first sentence of ``# answers:``, else the title."""
        first = re.match(r".*?[?.](?=\s|$)", self.answers)
        return first.group(0) if first else self.answers or self.title


def queries_dir() -> Path:
    """``ontology/queries/`` of the checkout (or of ``KG_ONTOLOGY``)."""
    return ontology_dir() / "queries"


def saved_questions(folder: Path | None = None) -> list[SavedQuestion]:
    """Every saved question, by name."""
    return [read(path) for path in sorted((folder or queries_dir()).glob("*.rq"))]


def find(name: str, folder: Path | None = None) -> SavedQuestion | None:
    """The saved question called ``name`` (the file name without ``.rq``), or None."""
    path = (folder or queries_dir()) / f"{name}.rq"
    return read(path) if re.fullmatch(r"[\w-]+", name) and path.is_file() else None


def read(path: Path) -> SavedQuestion:
    """A saved question from its file; the leading ``#`` lines give its title, question and parameters."""
    text = path.read_text(encoding="utf-8")
    fields: dict[str, list[str]] = {"title": [], "answers": [], "parameters": []}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = FIELD.match(line)
        if match:
            fields[match.group(1)].append(match.group(2).strip())
    described = " ".join(fields["parameters"])
    parameters = tuple(dict.fromkeys(VARIABLE.findall(described)))
    nodes = frozenset(name for name, about in DESCRIBED.findall(described) if "IRI" in about and "literal" not in about)
    return SavedQuestion(path.stem, path, " ".join(fields["title"]) or path.stem, " ".join(fields["answers"]), parameters, text, nodes)
