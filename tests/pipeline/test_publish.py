"""The output folder: swapped whole, the user's files kept, one writer at a time, leftovers cleaned."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.output import Apart, OutputBusy, exclusive, publish

ROOT = Path(__file__).resolve().parents[2]


def test_publish_replaces_the_exports_and_keeps_the_users_files(tmp_path: Path) -> None:
    out = tmp_path / "exports"
    publish({"kg.ttl": b"old", "maps/theme-oud.html": b"<p>oud</p>", "maps/index.html": b"1"}, out)
    (out / "LEESMIJ.txt").write_text("notities")
    (out / "notities").mkdir()
    (out / "notities" / "a.txt").write_text("a")
    (out / ".kg.ttl.abc.tmp").write_bytes(b"half")  # left by a build killed under an older version
    written = publish({"kg.ttl": b"new", "maps/index.html": b"2"}, out)
    assert written == [out / "kg.ttl", out / "maps" / "index.html"]
    assert (out / "kg.ttl").read_bytes() == b"new"
    assert sorted(p.name for p in (out / "maps").iterdir()) == ["index.html"]  # a stale map is gone
    assert (out / "LEESMIJ.txt").read_text() == "notities"
    assert (out / "notities" / "a.txt").read_text() == "a"
    assert not (out / ".kg.ttl.abc.tmp").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exports"]  # no staging or old folder beside it


def test_a_failure_while_writing_leaves_the_previous_exports(tmp_path: Path) -> None:
    out = tmp_path / "exports"
    publish({"kg.ttl": b"old"}, out)
    with pytest.raises(TypeError):
        publish({"kg.ttl": b"new", "kg.trig": "not bytes"}, out)  # type: ignore[dict-item]
    assert (out / "kg.ttl").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exports"]


def test_publishing_through_a_link_replaces_the_folder_it_points_to(tmp_path: Path) -> None:
    real = tmp_path / "real"
    publish({"kg.ttl": b"old"}, real)
    (tmp_path / "link").symlink_to(real)
    publish({"kg.ttl": b"new"}, tmp_path / "link")
    assert (tmp_path / "link").is_symlink() and (real / "kg.ttl").read_bytes() == b"new"


def test_a_second_writer_is_refused_with_who_holds_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "exports"
    with exclusive(out):
        with pytest.raises(OutputBusy, match=r"is being written by kg build \(pid \d+ on .*since"):
            with exclusive(out):
                pass
    with exclusive(out):  # released when the holder is done
        pass


def test_the_lock_is_taken_by_another_process_too(tmp_path: Path) -> None:
    out = tmp_path / "exports"
    holder = "import sys, time; from pathlib import Path; from kg.output import exclusive\n" \
        "with exclusive(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(30)"
    process = subprocess.Popen([sys.executable, "-c", holder, str(out)], stdout=subprocess.PIPE, cwd=ROOT)
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == b"held"
        with pytest.raises(OutputBusy, match=f"pid {process.pid}"):
            with exclusive(out):
                pass
    finally:
        process.kill()
        process.wait()
    with exclusive(out):  # a killed holder's lock goes with it
        pass


def test_leftovers_of_a_killed_build_are_removed_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "exports"
    (tmp_path / ".exports.new-abc").mkdir()
    (tmp_path / ".exports.new-abc" / "kg.ttl").write_bytes(b"half")
    (tmp_path / ".exports.old-123").mkdir()
    (tmp_path / ".other.new-abc").mkdir()  # another folder's: not ours to remove
    with exclusive(out):
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == [".exports.lock", ".other.new-abc"]


def test_killed_and_concurrent_builds_leave_one_whole_build() -> None:
    """benchmarks/faults.py with a few runs (it does 50 kills and 20 pairs on its own)."""
    result = subprocess.run(
        [sys.executable, "faults.py", "--kills", "2", "--pairs", "1"], cwd=ROOT / "benchmarks", capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "MIXED" not in result.stdout and "processes left: 0" in result.stdout


def test_a_file_made_apart_is_written_beside_the_others(tmp_path: Path) -> None:
    out = tmp_path / "out"
    publish({"kg.ttl": b"turtle", "kg.jsonld": Apart(lambda: iter([b"{", b"}"])), "maps/index.html": b"<html>"}, out)
    assert (out / "kg.jsonld").read_bytes() == b"{}"
    assert (out / "kg.ttl").read_bytes() == b"turtle" and (out / "maps" / "index.html").is_file()


def test_a_file_made_apart_that_fails_fails_the_build_and_keeps_the_previous_exports(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    publish({"kg.ttl": b"old", "kg.jsonld": b"old"}, out)

    def broken() -> list[bytes]:
        raise ValueError("the rows of a part are unreadable")

    with pytest.raises(OSError, match="could not write kg.jsonld"):
        publish({"kg.ttl": b"new", "kg.jsonld": Apart(broken)}, out)
    assert (out / "kg.ttl").read_bytes() == b"old" and (out / "kg.jsonld").read_bytes() == b"old"
    assert "the rows of a part are unreadable" in capfd.readouterr().err
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.new-")]
