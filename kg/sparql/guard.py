"""What a read-only endpoint checks before it evaluates a query: its size and shape, not an update, no SERVICE.

The check is one linear pass over the text, so it costs the same for any query and cannot itself
recurse or run long (rdflib's parser, used here before, hit Python's recursion limit at about 25
nested parentheses and spent about 6 ms per FILTER alternative). Strings, IRIs, comments, variables
and language tags are blanked first (after SPARQL's ``\\u`` escapes are decoded, as Oxigraph does),
so ``SERVICE`` inside a literal is not mistaken for a call. What is left is searched conservatively:
``SERVICE`` anywhere a keyword could start is refused, also glued to what follows (Oxigraph's
parser does not need a space after a keyword). Full syntax is Oxigraph's to check, with its own
line and column.

The limits keep every query within what the engines handle: Oxigraph's recursive evaluator
overflowed its stack on a FILTER of 10,000 alternatives and took 5 s to plan 2,000.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.sparql.results import Kind

READ_ONLY = "read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, ...) is refused"
MAX_CHARS = 100_000
MAX_DEPTH = 32
MAX_CHAIN = 1_000
"""At most this many ``||``, ``&&`` and ``UNION`` in one query."""

KINDS: dict[str, Kind] = {"SELECT": "solutions", "ASK": "boolean", "CONSTRUCT": "graph", "DESCRIBE": "graph"}
UPDATES = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})
PROLOGUE = frozenset({"PREFIX", "BASE"})

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_OPAQUE = re.compile(
    r"""'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\""""  # long strings
    r"""|'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*\""""  # short strings
    r"""|<[^<>"{}|^`\\\x00-\x20]*>"""  # IRIs (a lone < is the operator)
    r"""|\#[^\n\r]*|[?$][\w\u00B7\u0300-\u036F\u203F\u2040]+|@[A-Za-z]+(?:-[A-Za-z0-9]+)*""",  # comments, variables, language tags
    re.DOTALL,
)
_WORD = re.compile(r"[A-Za-z_][\w\-.:]*")
_SERVICE = re.compile(r"(?<![A-Za-z_:\-\u00B7\u00C0-\U000EFFFF])SERVICE", re.IGNORECASE)
_CHAIN = re.compile(r"\|\||&&|(?<![\w:])UNION(?![\w:])", re.IGNORECASE)


class Refused(Exception):
    """A request the endpoint will not answer, with the HTTP status that says why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@lru_cache(maxsize=512)
def check(query: str) -> Kind:
    """The kind of result ``query`` gives; Refused(400) if too large, too deep, not a query or calling SERVICE,
    Refused(403) if an update."""
    if len(query) > MAX_CHARS:
        raise Refused(400, f"the query is {len(query):,} characters long; at most {MAX_CHARS:,} are accepted")
    code = blanked(query)
    if (depth := _depth(code)) > MAX_DEPTH:
        raise Refused(400, f"the query nests brackets {depth} deep; at most {MAX_DEPTH} levels are accepted")
    if (chain := len(_CHAIN.findall(code))) > MAX_CHAIN:
        raise Refused(400, f"the query has {chain:,} ||, && and UNION; at most {MAX_CHAIN:,} are accepted (use VALUES or IN for long lists)")
    if _SERVICE.search(code):
        raise Refused(400, "SERVICE is refused: this endpoint does not call other endpoints")
    if undeclared := _undeclared_prefixes(code):
        raise Refused(400, f"malformed SPARQL: the prefix {', '.join(f'{p}:' for p in undeclared)} is not declared (PREFIX {undeclared[0]}: <…>)")
    form = _form(code)
    if form in UPDATES:
        raise Refused(403, READ_ONLY)
    if form not in KINDS:
        raise Refused(400, f"malformed SPARQL: expected SELECT, ASK, CONSTRUCT or DESCRIBE, found {form or 'nothing'!r}")
    return KINDS[form]


def blanked(query: str) -> str:
    """The query with escapes decoded and every string, IRI, comment, variable and language tag made spaces."""
    text = _ESCAPE.sub(lambda m: _codepoint(m.group(1) or m.group(2)), query)
    return _OPAQUE.sub(lambda m: " " * len(m.group(0)), text)


def _codepoint(digits: str) -> str:
    value = int(digits, 16)
    return chr(value) if value <= 0x10FFFF else "\ufffd"


def _depth(code: str) -> int:
    depth = deepest = 0
    for char in code:
        if char in "({[":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")}]":
            depth -= 1
    return deepest


def _undeclared_prefixes(code: str) -> list[str]:
    """The prefixes of prefixed names (``bif:contains``) that no ``PREFIX p: <…>`` declares."""
    words = [match.group(0) for match in _WORD.finditer(code)]
    declared = {words[i + 1][:-1] for i in range(len(words) - 1) if words[i].upper() == "PREFIX" and words[i + 1].endswith(":")}
    used = dict.fromkeys(word.split(":", 1)[0] for word in words if ":" in word and not word.endswith(":"))
    return [prefix for prefix in used if prefix not in declared and prefix != "_"]  # _:b is a blank node


def _form(code: str) -> str:
    """The first keyword after the prologue (``PREFIX p: <…>``, ``BASE <…>``), upper-cased."""
    for match in _WORD.finditer(code):
        word = match.group(0).upper()
        if word not in PROLOGUE and not word.endswith(":"):
            return word
    return ""
