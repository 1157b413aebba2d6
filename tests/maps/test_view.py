"""`kg view GRAPH` as a user types it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

GRAPH = Path(__file__).resolve().parents[1] / "evaluate" / "fixtures" / "graph.ttl"


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg.cli", "view", *args], check=False, capture_output=True, text=True, timeout=300)


def test_view_draws_every_map_with_an_index(tmp_path: Path) -> None:
    done = _kg(str(GRAPH), "--out", str(tmp_path), "--limit", "2", "--title", "Fixture")
    assert done.returncode == 0, done.stderr
    names = sorted(path.name for path in tmp_path.iterdir())
    assert len(names) == 9 and {"index.html", "overview.html", "coauthors.html", "theme-coronacrisis.html", "vis-network.min.js", "map.js"} <= set(names)
    assert "overview.html" in (tmp_path / "index.html").read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".*")), "temporary files left behind"


def test_view_draws_one_theme_found_by_label_in_any_case(tmp_path: Path) -> None:
    done = _kg(str(GRAPH), "--out", str(tmp_path), "--theme", "HUISELIJK GEWELD")
    assert done.returncode == 0, done.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["map.js", "theme-huiselijk-geweld.html", "vis-network.min.js"]
    page = (tmp_path / "theme-huiselijk-geweld.html").read_text(encoding="utf-8")
    assert "<title>Theme: huiselijk geweld — graph.ttl</title>" in page and 'href="index.html"' not in page


def test_view_suggests_close_labels_for_an_unknown_organisation(tmp_path: Path) -> None:
    done = _kg(str(GRAPH), "--out", str(tmp_path), "--organisation", "Hogeschool Utrect")
    assert done.returncode == 2
    assert "no organisation labelled 'Hogeschool Utrect'" in done.stdout and "Hogeschool Utrecht" in done.stdout
    assert not tmp_path.exists() or not any(tmp_path.iterdir())


def test_view_names_a_missing_graph_file(tmp_path: Path) -> None:
    done = _kg(str(tmp_path / "nowhere.ttl"))
    assert done.returncode == 2 and "nowhere.ttl does not exist" in done.stdout


def test_view_refuses_a_broken_graph_in_one_line_with_exit_2(tmp_path: Path) -> None:
    (tmp_path / "kapot.ttl").write_text("<a> <b> ", encoding="utf-8")
    done = _kg(str(tmp_path / "kapot.ttl"), "--out", str(tmp_path / "kaarten"))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"kg view: error: could not read {tmp_path / 'kapot.ttl'}")


def test_view_refuses_a_theme_with_another_map() -> None:
    done = _kg(str(GRAPH), "--map", "overview", "--theme", "wijkteams")
    assert done.returncode == 2 and "--theme draws a theme map" in done.stdout
