"""Setup that the pipeline derives from its own code and data alone, made once per machine.

Reading the thesaurus into a matcher, the name lists into sets and simplemma's lemma dictionary
into a lookup takes a second or more, and it came out the same in every build: a rebuild after
one changed article paid it again. Such results are kept in the user's cache folder
(``$XDG_CACHE_HOME/kg/prepared/VERSION``), where VERSION hashes the pipeline version (the code
and data that extraction reads: `kg/cache.py`) and the versions of the libraries that prepare
them, so an edited rule or data file or an upgrade makes them anew. A folder that cannot be
written costs only the time: nothing is kept, nothing fails.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from kg.cache import default_dir, pipeline_version, remove_unused

T = TypeVar("T")
LIBRARIES = ("spacy", "simplemma", "marisa-trie", "wordfreq", "rdflib")
UNUSED_DAYS = 30  # a version's prepared folder unused this long goes (each holds a few MB)


@lru_cache(maxsize=1)
def folder() -> Path:
    """Where this pipeline version keeps what it prepared (``KG_PREPARED`` moves it). Using it
    marks it used; the folders of versions unused for ``UNUSED_DAYS`` are removed."""
    base = os.environ.get("KG_PREPARED")
    if base:
        return Path(base)
    path = default_dir() / "prepared" / _version()
    try:
        path.mkdir(parents=True, exist_ok=True)
        os.utime(path)
        remove_unused(path.parent, UNUSED_DAYS)
    except OSError:
        pass  # a read-only cache: nothing is kept
    return path


def _version() -> str:
    """The pipeline version and the versions of the libraries whose output is prepared."""
    libraries = "".join(f"{name} {metadata.version(name)}\n" for name in LIBRARIES)
    return hashlib.sha256(f"{pipeline_version()}\n{libraries}".encode()).hexdigest()[:16]


def prepared(name: str, make: Callable[[], T]) -> T:
    """``make()``, pickled as ``name`` in :func:`folder` the first time and read back after."""
    path = folder() / f"{name}.pickle"
    try:
        with path.open("rb") as stream:
            return pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass  # not made yet on this machine, or left broken: make it again
    value = make()
    keep(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value


def keep(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (two builds may prepare at once); a folder
    that cannot be written is left alone: the next build prepares again."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, staging = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(staging, path)
    except OSError:
        Path(staging).unlink(missing_ok=True)


def prepared_folder(name: str, make: Callable[[Path], None]) -> Path:
    """The folder ``name`` in :func:`folder`, filled by ``make(folder)`` the first time. It is
    filled under a name of this process's own and renamed into place whole, so that builds and
    workers preparing at once never read what another is still writing (simplemma, for one,
    writes its trie in place). Where nothing can be written, ``make`` fills a temporary folder."""
    final = folder() / name
    if final.is_dir():
        return final
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=final.parent, prefix=f".{name}-"))
    except OSError:
        staging = Path(tempfile.mkdtemp(prefix=f"kg-{name}-"))
        atexit.register(shutil.rmtree, staging, True)
        make(staging)
        return staging
    try:
        make(staging)
        os.rename(staging, final)
    except OSError:
        if not final.is_dir():  # not another process that got there first
            raise
    finally:
        if staging.is_dir():
            shutil.rmtree(staging, ignore_errors=True)
    return final

