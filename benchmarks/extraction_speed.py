"""Words per second of the extraction stage on the seeds, stage by stage.

The whole stage is timed first, on a cold pass right after pipeline setup: every word, lemma and
tokenizer cache is empty, as in a cold build. Then each row adds one stage to the ones above it,
so the difference between rows is that stage's cost (these passes find the caches warm). One
process, one core; the numbers are for one run on this machine. Pipeline setup (loading the
lexicons, building the tokenizers and matchers) is timed apart and not in words/s.

    python benchmarks/extraction_speed.py

To compare two trees back to back, run it once per tree with that tree first on the path:
``PYTHONPATH=/path/to/other/tree python benchmarks/extraction_speed.py``.
"""

from __future__ import annotations

import time
from pathlib import Path

from kg.extract.source import extract
from kg.ingest import read_source
from kg.nlp.pipeline import COMPONENTS, make_nlp
from kg.normalise import normalise
from kg.segment.articles import segment
from kg.segment.lines import split_lines

ROOT = Path(__file__).resolve().parents[1]


def _timed(run: object) -> float:
    """CPU seconds of this process: on a shared machine, wall time also counts the other jobs."""
    started = time.process_time()
    run()  # type: ignore[operator]
    return time.process_time() - started


def main() -> None:
    sources = [read_source(path)[0] for path in sorted((ROOT / "seeds").glob("*.txt"))]
    words = sum(len(s.text.split()) for s in sources)
    texts = [normalise(s.text).text for s in sources]
    setup = _timed(lambda: make_nlp()("warm up"))
    nlp = make_nlp()
    rows = [
        ("whole extraction stage (kg.extract.source), cold", _timed(lambda: [extract(s) for s in sources])),
        ("normalise", _timed(lambda: [normalise(s.text) for s in sources])),
        ("segment into articles", _timed(lambda: [segment(split_lines(s.text)) for s in sources])),
    ]
    for upto in range(len(COMPONENTS) + 1):
        disabled = list(COMPONENTS[upto:])
        with nlp.select_pipes(disable=disabled):
            label = "spaCy: tokenizer + sentencizer" + "".join(f" + {c}" for c in COMPONENTS[:upto])
            rows.append((label, _timed(lambda: list(nlp.pipe(texts)))))
    rows.append(("whole extraction stage (kg.extract.source), warm", _timed(lambda: [extract(s) for s in sources])))
    print(f"{'stage':<75}{'seconds':>9}{'words/s':>10}")
    for label, seconds in rows:
        print(f"{label:<75}{seconds:>9.2f}{words / seconds:>10.0f}")
    print(f"({words} words in {len(sources)} seed files; pipeline setup {setup:.2f} s, not counted)")


if __name__ == "__main__":
    main()
