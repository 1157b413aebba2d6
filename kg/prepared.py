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
from typing import Any, TypeVar

from kg.cache import default_dir, pipeline_version, remove_older, write_whole

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
        remove_older(path.parent, UNUSED_DAYS * 86400)
    except OSError:
        pass  # a read-only cache: nothing is kept
    return path


def _version() -> str:
    """The pipeline version and the versions of the libraries whose output is prepared."""
    libraries = "".join(f"{name} {metadata.version(name)}\n" for name in LIBRARIES)
    return hashlib.sha256(f"{pipeline_version()}\n{libraries}".encode()).hexdigest()[:16]


def prepared(name: str, make: Callable[[], T]) -> T:
    """``make()``, pickled as ``name`` in :func:`folder` the first time and read back after."""
    value = read(name)
    if value is None:
        value = make()
        store(name, value)
    return value


def read(name: str) -> Any:
    """What was stored as ``name``, or None: not made yet on this machine, or left broken."""
    try:
        with (folder() / f"{name}.pickle").open("rb") as stream:
            return pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def store(name: str, value: object) -> None:
    write_whole(folder() / f"{name}.pickle", pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


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

