"""What a read-only endpoint checks before it evaluates a query: well-formed, not an update, no SERVICE.

The check walks rdflib's parse tree rather than searching the text, so ``SERVICE`` inside a string
literal, an IRI or a comment is not mistaken for a call, and a real call cannot hide behind odd
spacing, case or prefixes.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from pyparsing import ParseBaseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from kg.sparql.results import Kind

READ_ONLY = "read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, ...) is refused"
KINDS: dict[str, Kind] = {"SelectQuery": "solutions", "AskQuery": "boolean", "ConstructQuery": "graph", "DescribeQuery": "graph"}


class Refused(Exception):
    """A request the endpoint will not answer, with the HTTP status that says why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@lru_cache(maxsize=512)
def check(query: str) -> Kind:
    """The kind of result ``query`` gives; Refused(400) if malformed or calling SERVICE, Refused(403) if an update."""
    try:
        tree = parseQuery(query)
    except ParseBaseException as error:
        if _is_update(query):
            raise Refused(403, READ_ONLY) from None
        raise Refused(400, f"malformed SPARQL at line {error.lineno}, column {error.col}: {_explained(error)}") from None
    form = tree[1]
    if any(node.name == "ServiceGraphPattern" for node in _nodes(form)):
        raise Refused(400, "SERVICE is refused: this endpoint does not call other endpoints")
    return KINDS[form.name]


def _explained(error: ParseBaseException) -> str:
    """pyparsing's message without its own position suffix (``Expected X, found 'y'``)."""
    return str(error).split("  (at char")[0]


def _is_update(text: str) -> bool:
    try:
        parseUpdate(text)
    except ParseBaseException:
        return False
    return True


def _nodes(value: object) -> Iterator[CompValue]:
    """Every CompValue in a parse tree, depth first."""
    if isinstance(value, CompValue):
        yield value
        for child in value.values():
            yield from _nodes(child)
    elif isinstance(value, (list, tuple, ParseResults)):
        for child in value:
            yield from _nodes(child)
