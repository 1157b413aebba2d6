from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.build import BuildError
from kg.ingest import RefusedSource, collect, left_out, read_source
from tests.utils.building import run_build

ARTICLE = "Samenwerken loont\n\nDoor: Anna de Vries\n\nGemeenten werken samen met Movisie aan een betere aanpak van eenzaamheid.\n" * 3


def test_cp1252_file_is_decoded_with_a_warning_that_names_it(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Cliënten en ‘zorg’ café".encode("cp1252"))
    source, warnings = read_source(path)
    assert source.text == "Cliënten en ‘zorg’ café"
    assert source.encoding == "cp1252"
    assert warnings and "latin.txt" in warnings[0]


@pytest.mark.parametrize("content, reason", [(b"", "empty"), (b"  \n\n ", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary")])
def test_empty_and_binary_files_are_refused_by_name(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(RefusedSource) as refused:
        read_source(path)
    assert "bad.txt" in str(refused.value) and reason in str(refused.value)


def test_folders_expand_to_text_and_markdown_and_unknown_types_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("y")
    (tmp_path / "c.rtf").write_bytes(b"{\\rtf1 x}")
    (tmp_path / "d.pdf").write_bytes(b"%PDF")
    (tmp_path / "e.htm").write_text("<p>x</p>")
    found, refused = collect([tmp_path, tmp_path / "c.rtf", tmp_path / "missing.txt"])
    assert [p.name for p in found] == ["a.txt", "b.md", "d.pdf", "e.htm"]
    assert {r.path.name for r in refused} == {"c.rtf", "missing.txt"}


def test_refused_files_are_skipped_and_the_rest_builds(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    result = run_build([corpus], tmp_path / "out", tmp_path / "cache")
    assert [e.source_name for e in result.extractions] == ["good.txt"]
    assert [r.path.name for r in result.refused] == ["empty.txt"]
    assert (tmp_path / "out" / "kg.ttl").exists()


def test_strict_makes_a_refusal_fail_the_build_and_write_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02")
    with pytest.raises(BuildError, match="binary.txt"):
        run_build([corpus], tmp_path / "out", tmp_path / "cache", strict=True)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_byte_order_marks_decode_and_are_no_text(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("Mariëtte de Vries werkt bij Movisie.".encode(encoding))
    source, warnings = read_source(path)
    assert source.text == "Mariëtte de Vries werkt bij Movisie." and warnings == []


@pytest.mark.parametrize(("content", "kind"), [(b"%PDF-1.3\n%\xe2\xe3\n1 0 obj", "a PDF document"), (b"PK\x03\x04\x14\x00", "ZIP archive")])
def test_a_file_that_is_not_text_is_refused_with_what_it_looks_like(tmp_path: Path, content: bytes, kind: str) -> None:
    path = tmp_path / "renamed.txt"
    path.write_bytes(content)
    with pytest.raises(RefusedSource, match=kind):
        read_source(path)


def test_documents_in_a_folder_are_refused_and_data_files_counted(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "paper.rtf").write_bytes(b"{\\rtf1 x}")
    (tmp_path / "gold.json").write_text("{}")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "linked").symlink_to(tmp_path / "elsewhere")
    found, refused = collect([tmp_path])
    assert [p.name for p in found] == ["a.txt"]
    assert {r.path.name for r in refused} == {"paper.rtf", "linked"}
    assert [p.name for p in left_out([tmp_path])] == ["gold.json"]


def test_pipes_and_devices_are_refused_not_read(tmp_path: Path) -> None:
    """Reading a pipe named like a source, or /dev/zero, would wait or never end."""
    os.mkfifo(tmp_path / "pipe.txt")
    found, refused = collect([tmp_path, Path("/dev/zero")])
    assert {r.path.name: r.reason for r in refused} == {"zero": "is not a regular file (a pipe, socket or device)"}
    with pytest.raises(RefusedSource, match="not a regular file"):
        read_source(found[0])
