"""Hostile input, one case a row: what `kg` says, its exit code, what it built and what it kept.

Every build case starts from an output folder that holds a whole earlier build, next to one good
source (the shortest seed), so a row shows whether the good file still built and whether a
refused or failed build left the earlier exports whole. Runs each case as a user would, in a
process of its own. Prints a table (Markdown); the numbers are for one run on this machine.

    python benchmarks/hostile_inputs.py [--only WORD]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

from faults import snapshot

ROOT = Path(__file__).resolve().parents[1]
GOOD = min((ROOT / "seeds").glob("*.txt"), key=lambda p: p.stat().st_size)
ARTICLE = "Samen sterk in de wijk\n\nDoor Mariëtte Hélène de Vries\n\nGemeenten werken samen met Movisie aan de aanpak van eenzaamheid.\n"
Setup = Callable[[Path], list[str]]  # makes files in a fresh folder; returns the command's arguments


def sources(folder: Path, files: dict[str, bytes]) -> Path:
    src = folder / "bronnen"
    src.mkdir(exist_ok=True)
    shutil.copy(GOOD, src / GOOD.name)
    for name, data in files.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_bytes(data)
    return src


def build_with(files: dict[str, bytes], *extra: str) -> Setup:
    return lambda folder: ["build", str(sources(folder, files)), "--out", str(folder / "exports"), *extra]


def pdf_in_folder(folder: Path) -> list[str]:
    return build_with({"magazine.pdf": b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"})(folder)


def linked_folder(folder: Path) -> list[str]:
    args = build_with({})(folder)
    (folder / "elders").mkdir()
    (folder / "elders" / "b.txt").write_text(ARTICLE)
    (folder / "bronnen" / "link").symlink_to(folder / "elders")
    return args


def fifo(folder: Path) -> list[str]:
    args = build_with({})(folder)
    os.mkfifo(folder / "bronnen" / "pijp.txt")
    return args


def same_name(folder: Path) -> list[str]:
    return build_with({"a/artikel.txt": ARTICLE.encode(), "b/artikel.txt": ARTICLE.encode()})(folder)


def out_is_file(folder: Path) -> list[str]:
    (folder / "bestand").write_text("x")
    return ["build", str(sources(folder, {})), "--out", str(folder / "bestand")]


def cache_is_file(folder: Path) -> list[str]:
    (folder / "cache-bestand").write_text("x")
    return build_with({}, "--cache-dir", str(folder / "cache-bestand"))(folder)


def corrupt_cache(folder: Path) -> list[str]:
    cache = folder / "cache"
    args = build_with({}, "--cache-dir", str(cache))(folder)
    subprocess.run([sys.executable, "-m", "kg.cli", *args], cwd=ROOT, capture_output=True, check=True)
    for entry in cache.rglob("*.pickle"):
        entry.write_bytes(b"\x80\x05garbage")
    return args


def out_inside_sources(folder: Path) -> list[str]:
    """The folder that holds the sources also holds --out, with an earlier build's maps (.html)
    in it: they must not be read back as sources."""
    sources(folder, {})
    return ["build", str(folder), "--out", str(folder / "exports")]


def long_article(folder: Path) -> list[str]:
    return build_with({"lang.txt": (ARTICLE + ("Gemeenten moeten investeren in het sociaal werk in de wijk. " * 16 + "\n\n") * 1100).encode()})(folder)


def gold_file(content: bytes, graph_name: str = "kg.ttl", graph: bytes | None = None, *extra: str) -> Setup:
    def setup(folder: Path) -> list[str]:
        (folder / "gold").mkdir()
        if content:
            (folder / "gold" / "a.json").write_bytes(content)
        target = folder / graph_name
        if graph is None:
            shutil.copy(folder / "exports" / "kg.ttl", target)
        else:
            target.write_bytes(graph)
        return ["eval", "--gold", str(folder / "gold"), "--graph", str(target), *extra]

    return setup


GOLD = b'{"source": "000.txt", "articles": []}'
CASES: list[tuple[str, Setup]] = [
    ("UTF-8 with a byte-order mark", build_with({"bom.txt": b"\xef\xbb\xbf" + ARTICLE.encode()})),
    ("UTF-16 (LE, with BOM)", build_with({"utf16.txt": ARTICLE.encode("utf-16")})),
    ("UTF-32 (with BOM)", build_with({"utf32.txt": ARTICLE.encode("utf-32")})),
    ("decomposed accents (NFD)", build_with({"nfd.txt": unicodedata.normalize("NFD", ARTICLE).encode()})),
    ("old-Mac CR line endings", build_with({"cr.txt": ARTICLE.replace("\n", "\r").encode()})),
    ("Windows CRLF line endings", build_with({"crlf.txt": ARTICLE.replace("\n", "\r\n").encode()})),
    ("cp1252, not UTF-8", build_with({"cp1252.txt": ARTICLE.encode("cp1252")})),
    ("a PDF renamed .txt", build_with({"blad.txt": b"%PDF-1.3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"})),
    ("a PNG renamed .md", build_with({"foto.md": b"\x89PNG\r\n\x1a\n" + bytes(64)})),
    ("an empty file", build_with({"leeg.txt": b""})),
    ("NUL bytes in a .txt", build_with({"nul.txt": ARTICLE.encode() + b"\x00\x01\x02" * 50})),
    ("a PDF in the source folder", pdf_in_folder),
    ("a linked subfolder", linked_folder),
    ("a pipe named pijp.txt in the folder", fifo),
    ("/dev/zero as a source", lambda folder: ["build", str(sources(folder, {})), "/dev/zero", "--out", str(folder / "exports")]),
    ("a source that does not exist", lambda folder: ["build", str(sources(folder, {})), str(folder / "weg.txt"), "--out", str(folder / "exports")]),
    ("two files with one name", same_name),
    ("--out inside the source folder", out_inside_sources),
    ("a refused file under --strict", build_with({"leeg.txt": b""}, "--strict")),
    ("an article of 1.1 M characters", long_article),
    ("--out is a file", out_is_file),
    ("--out where nobody can write (/proc)", lambda folder: ["build", str(sources(folder, {})), "--out", "/proc/kg-exports"]),
    ("--cache-dir is a file", cache_is_file),
    ("a corrupt cache entry", corrupt_cache),
    ("eval: gold that is not JSON", gold_file(b"{not json")),
    ("eval: gold with wrong types", gold_file(b'{"source": 3, "articles": {"a": 1}}')),
    ("eval: binary gold", gold_file(b"\x89PNG\r\n\x1a\n" + bytes(32))),
    ("eval: an empty gold folder", gold_file(b"")),
    ("eval: a .txt given as the graph", gold_file(GOLD, "kg.txt", ARTICLE.encode())),
    ("eval: a broken .ttl graph", gold_file(GOLD, "kapot.ttl", b"@prefix x: <urn:x#> .\nx:a x:b ")),
    ("view: a broken .ttl graph", lambda folder: (folder / "kapot.ttl").write_bytes(b"<a> <b> ") and ["view", str(folder / "kapot.ttl"), "--out", str(folder / "kaarten")]),
    ("push: nobody listening", lambda folder: ["push", "--endpoint", "http://127.0.0.1:9/store", "--graph", str(folder / "exports" / "kg.trig"), "--user", "u", "--password", "p"]),
]


def message(stderr: str, stdout: str) -> str:
    """The line a user reads: the first error, refusal or warning, else what the summary table
    counts (articles, persons, organisations; the good seed's included)."""
    lines = [line.strip() for line in (stderr + "\n" + stdout).splitlines() if line.strip()]
    text = [line for line in lines if not line.startswith(("│", "┃", "┏", "┡", "└", "━"))]
    keys = ("Traceback", "error", "failed", "refused", "warning", "left out")
    rows = [[cell.strip() for cell in line.split("│") if cell.strip()] for line in lines if line.startswith("│ ")]
    counted = [" ".join(row) for row in rows if row and row[0] in ("articles", "persons", "organisations")]
    found = next((line for key in keys for line in text if key in line), ", ".join(counted) or (text[-1] if text else ""))
    return found if len(found) <= 110 else found[:107] + "..."


def run_case(base: Path, reference: Path, name: str, setup: Setup) -> tuple[str, int, str, str, str]:
    folder = base / hashlib.sha1(name.encode()).hexdigest()[:8]
    folder.mkdir()
    shutil.copytree(reference, folder / "exports")
    before = snapshot(folder / "exports")
    args = setup(folder)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "COLUMNS": "200"}
    done = subprocess.run([sys.executable, "-m", "kg.cli", *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=900)
    after = snapshot(folder / "exports")
    if args[0] == "build":
        built = "yes" if after != before else "no"
        kept = "-" if built == "yes" else ("whole" if after == before else "CHANGED")
    else:
        built, kept = "-", "whole" if after == before else "CHANGED"
    said = message(done.stderr.replace(f"{folder}/", ""), done.stdout.replace(f"{folder}/", ""))
    return name, done.returncode, said, built, kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="run only the cases whose name holds this word")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        reference = base / "reference"
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1600000000"}
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(GOOD), "--out", str(reference)], cwd=ROOT, env=env, capture_output=True, check=True)
        rows = [run_case(base, reference, name, setup) for name, setup in CASES if not args.only or args.only in name]
    print("| case | exit | message | built | earlier exports |")
    print("|---|---|---|---|---|")
    for name, code, said, built, kept in rows:
        print(f"| {name} | {code} | {said.replace('|', '/')} | {built} | {kept} |")


if __name__ == "__main__":
    main()
