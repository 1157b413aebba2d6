"""Read source files: find them, decode them, refuse what cannot be read.

A refused file never stops the other files: the caller decides (``--strict``) whether a
refusal fails the build.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = {".txt": "text/plain", ".md": "text/markdown"}


class RefusedSource(Exception):
    """A source that cannot be ingested; the message names the file and the reason."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Source:
    """One decoded source file. ``text`` is what every offset in the graph points into."""

    path: Path
    name: str
    text: str
    sha256: str
    encoding: str
    media_type: str


def collect(paths: list[Path]) -> tuple[list[Path], list[RefusedSource]]:
    """Expand folders into their .txt/.md files (recursively, sorted); refuse what is missing."""
    found: list[Path] = []
    refused: list[RefusedSource] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                found.append(path)
            else:
                refused.append(RefusedSource(path, f"unsupported file type {path.suffix or '(none)'}; expected .txt or .md"))
        else:
            refused.append(RefusedSource(path, "no such file or folder"))
    unique: dict[Path, Path] = {p.resolve(): p for p in found}
    return sorted(unique.values(), key=lambda p: (p.name, str(p))), refused


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    sample = data[:4096]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8, else as cp1252 (then latin-1); return (text, encoding)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def read_source(path: Path) -> tuple[Source, list[str]]:
    """Read one file; return the source and warnings, or raise RefusedSource."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RefusedSource(path, f"cannot be read ({exc.strerror or exc})") from exc
    if _looks_binary(data):
        raise RefusedSource(path, "looks like a binary file, not text")
    text, encoding = decode(path, data)
    if not text.strip():
        raise RefusedSource(path, "is empty")
    warnings = []
    if encoding != "utf-8":
        warnings.append(f"{path.name}: not valid UTF-8; decoded as {encoding}")
    source = Source(
        path=path,
        name=path.name,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        media_type=SUFFIXES[path.suffix.lower()],
    )
    return source, warnings
