"""Progress on a long build says which stage and source, how many are done, and the time left."""

from __future__ import annotations

import pytest

from kg.progress import PlainReporter, time_left


def test_each_line_names_the_source_and_stage_and_once_one_is_done_the_time_left(capsys: pytest.CaptureFixture[str]) -> None:
    now = [100.0]
    report = PlainReporter(clock=lambda: now[0])
    report.start(4)
    report.stage("a.txt", "extracting")
    now[0] += 30
    report.advance()
    report.stage("b.txt", "extracting")
    now[0] += 30
    report.advance()
    report.stage("c.txt", "writing RDF")
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "[0/4] a.txt: extracting",
        "[1/4] b.txt: extracting (about 2 min left)",  # 30 s a source, three to go
        "[2/4] c.txt: writing RDF (about 1 min left)",
    ]


def test_a_second_phase_counts_its_own_sources_and_time(capsys: pytest.CaptureFixture[str]) -> None:
    """Extraction, then the sources' parts: each phase says how many of its own are done and its own time left."""
    now = [0.0]
    report = PlainReporter(clock=lambda: now[0])
    report.start(3)
    for _ in range(3):
        now[0] += 60
        report.advance()
    report.start(2)
    report.stage("a.txt", "writing RDF")
    now[0] += 4
    report.advance()
    report.stage("b.txt", "writing RDF")
    assert capsys.readouterr().err.splitlines() == ["[0/2] a.txt: writing RDF", "[1/2] b.txt: writing RDF (about 4 s left)"]


@pytest.mark.parametrize(("seconds", "said"), [(0.2, "about 1 s"), (42, "about 42 s"), (150, "about 2 min"), (4 * 3600, "about 4.0 h")])
def test_time_left_is_rounded_as_a_reader_wants_it(seconds: float, said: str) -> None:
    assert time_left(seconds) == said
