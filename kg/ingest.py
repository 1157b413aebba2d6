"""Read source files: find them, decode them, refuse what cannot be read.

A refused file never stops the other files: the caller decides (``--strict``) whether a
refusal fails the build.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.readers import FORMATS, PageMeta, Unreadable, reader

SUFFIXES = {".txt": "text/plain", ".md": "text/markdown"}
READ = set(FORMATS)  # documents a reader in kg.readers turns into text


class RefusedSource(Exception):
    """A source that cannot be ingested; the message names the file and the reason."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Original:
    """The file a source's text was read from, when that is not the text itself (a PDF)."""

    name: str
    sha256: str
    media_type: str


@dataclass(frozen=True)
class Source:
    """One source. ``text`` is what every offset in the graph points into; ``sha256`` and
    ``media_type`` are those of the text file (for a PDF: the text read from it, written to
    text/``text_name``), ``original`` the file it was read from. ``page_starts[i]`` is the offset
    where page i + 1 begins."""

    path: Path
    name: str
    text: str
    sha256: str
    encoding: str
    media_type: str
    original: Original | None = None
    page_starts: tuple[int, ...] = ()
    metadata: PageMeta | None = None

    @property
    def text_name(self) -> str:
        """The name of the text the offsets point into: the file itself, or NAME.txt for a document read into text."""
        return f"{self.name}.txt" if self.original else self.name


DOCUMENTS = {".pdf", ".docx", ".doc", ".odt", ".rtf", ".html", ".htm", ".epub"}  # publications a user expects read


_EXPECTED = ", ".join(sorted(SUFFIXES.keys() | READ))


def _nothing(path: Path) -> bool:
    return False


def collect(paths: list[Path], skip: Callable[[Path], bool] = _nothing) -> tuple[list[Path], list[RefusedSource]]:
    """Expand folders into their sources, text (.txt, .md) and documents a reader reads (.pdf,
    .html, .htm, .docx, .odt),
    recursively, sorted; refuse what is missing.

    In a folder, a document of a type that is not read yet (.doc, .rtf, .epub), an
    unreadable subfolder and a linked subfolder (not followed) are refused with their reason;
    other files (data, images) are left out silently: :func:`left_out` counts them. In a folder,
    what ``skip`` says (the build's own output and cache) is not entered."""
    found: list[Path] = []
    refused: list[RefusedSource] = []
    for path in paths:
        if path.is_dir():
            found.extend(_walk(path, refused, skip))
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES or path.suffix.lower() in READ:
                found.append(path)
            else:
                refused.append(RefusedSource(path, f"unsupported file type {path.suffix or '(none)'}; expected {_EXPECTED}"))
        elif path.exists():
            refused.append(RefusedSource(path, "is not a regular file (a pipe, socket or device)"))
        else:
            refused.append(RefusedSource(path, "no such file or folder"))
    unique: dict[Path, Path] = {p.resolve(): p for p in found}
    return sorted(unique.values(), key=lambda p: (p.name, str(p))), refused


def _walk(folder: Path, refused: list[RefusedSource], skip: Callable[[Path], bool]) -> list[Path]:
    found: list[Path] = []
    for path in _files(folder, refused, skip):
        if path.suffix.lower() in SUFFIXES or path.suffix.lower() in READ:
            found.append(path)
        elif path.suffix.lower() in DOCUMENTS:
            refused.append(RefusedSource(path, f"{path.suffix.lower()} files are not read yet; convert it to one of {_EXPECTED}"))
    return found


def _files(folder: Path, refused: list[RefusedSource], skip: Callable[[Path], bool]) -> Iterator[Path]:
    """Every file below ``folder``, sorted; a linked or unreadable subfolder is refused, not
    entered; what ``skip`` says is passed over."""

    def unreadable(error: OSError) -> None:
        refused.append(RefusedSource(Path(error.filename or folder), f"folder cannot be read ({error.strerror or error})"))

    for root, folders, files in os.walk(folder, onerror=unreadable):
        for name in sorted(folders):
            if (Path(root) / name).is_symlink():
                refused.append(RefusedSource(Path(root) / name, "is a linked folder; give it as a source of its own to read it"))
        folders[:] = sorted(f for f in folders if not (Path(root) / f).is_symlink() and not skip(Path(root) / f))
        yield from (Path(root) / name for name in sorted(files) if not skip(Path(root) / name))


def left_out(paths: list[Path], skip: Callable[[Path], bool] = _nothing) -> list[Path]:
    """Files in the source folders that are neither read nor refused (data, images), found by
    the same walk as :func:`collect`."""
    return [
        p
        for folder in paths
        if folder.is_dir()
        for p in _files(folder, [], skip)
        if p.suffix.lower() not in SUFFIXES and p.suffix.lower() not in READ and p.suffix.lower() not in DOCUMENTS
    ]


_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .odt file is one)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Word or Excel file"),
    (b"{\\rtf", "an RTF document"),
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _what_it_is(data: bytes) -> str | None:
    """What a file that is not text looks like, from its first bytes."""
    return next((kind for magic, kind in _MAGIC if data.startswith(magic)), None)


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    sample = data[:4096]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """Decode bytes by their byte-order mark (UTF-8, UTF-16, UTF-32; the mark itself is no
    text: offsets count the code points after it), else as UTF-8, else as cp1252 (then
    latin-1); return (text, encoding)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def read_source(path: Path, ocr: bool = False) -> tuple[Source, list[str]]:
    """Read one file; return the source and warnings, or raise RefusedSource. ``ocr``: read a PDF
    without a text layer with Tesseract."""
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):  # reading a pipe or a device would wait or never end
            raise RefusedSource(path, "is not a regular file (a pipe, socket or device)")
        data = path.read_bytes()
    except OSError as exc:
        raise RefusedSource(path, f"cannot be read ({exc.strerror or exc})") from exc
    if path.suffix.lower() in READ:
        return _read_document(path, data, ocr)
    kind = _what_it_is(data)
    if kind:
        raise RefusedSource(path, f"is {kind}, not text (binary)")
    has_bom = any(data.startswith(bom) for bom, _ in _BOMS)
    if not has_bom and _looks_binary(data):
        raise RefusedSource(path, "looks like a binary file, not text")
    try:
        text, encoding = decode(path, data)
    except UnicodeDecodeError as exc:
        raise RefusedSource(path, f"its byte-order mark promises {exc.encoding}, but it does not decode as such") from exc
    if not text.strip():
        raise RefusedSource(path, "is empty")
    warnings = []
    if encoding in ("cp1252", "latin-1"):
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


def _read_document(path: Path, data: bytes, ocr: bool) -> tuple[Source, list[str]]:
    """A document read into text by its reader; any failure of the reader's library is a refusal."""
    try:
        reading = reader(path.suffix.lower(), ocr)(data)
    except Unreadable as exc:
        raise RefusedSource(path, str(exc)) from exc
    except Exception as exc:  # a third-party parser on a damaged file: refuse the file, keep building the others
        raise RefusedSource(path, f"cannot be read as {path.suffix.lower()} ({type(exc).__name__}: {exc})") from exc
    text_bytes = reading.text.encode("utf-8")
    source = Source(
        path=path,
        name=path.name,
        text=reading.text,
        sha256=hashlib.sha256(text_bytes).hexdigest(),
        encoding="utf-8",
        media_type="text/plain",
        original=Original(path.name, hashlib.sha256(data).hexdigest(), reading.media_type),
        page_starts=reading.page_starts,
        metadata=reading.metadata,
    )
    return source, [f"{path.name}: {warning}" for warning in reading.warnings]
