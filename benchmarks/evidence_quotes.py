"""How well the maps' evidence says why: per node and edge kind, how many quotes are whole sentences.

Reads a built graph (default exports/kg.ttl), computes the analysis network as the maps do, and
prints one row per edge relation and node kind: items, items with a quote, quotes of 8 or more
words, quotes that are a whole sentence (opening with a capital, digit, quote mark or bullet
and ending with a stop), and short quotes without a stop (a byline, signature, caption, heading
or list line: all the text states there). The issue that asked for sentences measured 0 of 676 overview edge quotes
with 8 or more words.

    python benchmarks/evidence_quotes.py [GRAPH]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_OPENS = re.compile(r"^[\"'‘“(]?[A-Z0-9À-Þ■▪●◼•]")
_ENDS = re.compile(r"[.!?…][’'”\")\]]*$")


def whole(quote: str) -> bool:
    """A quote that opens and ends like a sentence."""
    return bool(_OPENS.match(quote) and _ENDS.search(quote))


def line(quote: str) -> bool:
    """A short quote that opens like a sentence but has no stop: a byline, caption or heading line."""
    return bool(_OPENS.match(quote)) and not _ENDS.search(quote) and len(quote.split()) <= 15


def main() -> None:
    from kg.network import analyse
    from kg.rdf.load import load_graph

    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "exports" / "kg.ttl"
    network = analyse(load_graph(path))
    rows: dict[str, Counter[str]] = {}
    items = [(" + ".join(d["relations"]), d["evidence"]) for _, _, d in network.edges(data=True)]
    items += [(f"node: {d['kind']}", d["evidence"]) for _, d in network.nodes(data=True)]
    for name, evidence in items:
        row = rows.setdefault(name, Counter())
        row["items"] += 1
        row["quoted"] += bool(evidence)
        for item in evidence:
            row["quotes"] += 1
            row["8+ words"] += len(item["quote"].split()) >= 8
            row["whole sentence"] += whole(item["quote"])
            row["line"] += line(item["quote"])
    print(f"{'kind':<28}{'items':>7}{'quoted':>8}{'quotes':>8}{'8+ words':>10}{'sentence':>10}{'line':>6}")
    for name, row in sorted(rows.items()):
        print(f"{name:<28}{row['items']:>7}{row['quoted']:>8}{row['quotes']:>8}{row['8+ words']:>10}{row['whole sentence']:>10}{row['line']:>6}")
    edges = [row for name, row in rows.items() if not name.startswith("node:")]
    total, long, sentences, lines = (sum(row[key] for row in edges) for key in ("quotes", "8+ words", "whole sentence", "line"))
    print(f"edge quotes: {total}; 8+ words {_share(long, total)}; whole sentences {_share(sentences, total)}; short lines {_share(lines, total)}")


def _share(count: int, total: int) -> str:
    return f"{count} ({count / max(total, 1):.0%})"


if __name__ == "__main__":
    main()
