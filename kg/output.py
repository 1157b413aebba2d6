"""Output folders that are never seen half-written, with one writer at a time.

A build writes its exports into a new folder beside ``--out`` and then swaps the two folders in
one step (Linux ``renameat2(RENAME_EXCHANGE)``; elsewhere two renames), so a reader, a crash or a
``kill -9`` sees either the whole previous build or the whole new one, never a mix. Files in
``--out`` that the build does not write (a README, notes) are carried into the new folder as
hard links. While a build runs it holds a lock beside the folder that names it; leftovers of a
killed build (the staging folder, the old folder) are removed by the next build.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import glob
import os
import shutil
import socket
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class OutputBusy(Exception):
    """Another build holds the output folder."""


def lock_path(out: Path) -> Path:
    return out.parent / f".{out.name}.lock"


def own_files(out: Path) -> Callable[[Path], bool]:
    """Whether a path is the build's own: the output folder, its lock, or a staging or old
    folder of it. A source folder that holds the output folder (``kg build notes --out
    notes/exports``) must not read the build's own text exports back as sources."""
    out = out.resolve()
    prefix = f".{out.name}."

    def own(path: Path) -> bool:
        path = path.resolve()
        return path == out or path.parent == out.parent and path.name.startswith(prefix)

    return own


def _leftovers(out: Path) -> list[Path]:
    """Staging and old folders of earlier builds into ``out`` that did not finish."""
    return [p for prefix in (".new-", ".old-") for p in out.parent.glob(f".{glob.escape(out.name)}{prefix}*")]


@contextmanager
def exclusive(out: Path, command: str = "kg build") -> Iterator[None]:
    """Hold ``out`` for one writer: a second one is refused with who holds it. The lock is an
    ``flock`` (released by the kernel when its holder dies, so it never goes stale); the holder's
    pid, host and start time are written into the lock file for the message."""
    out.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(lock_path(out), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(handle, 512, 0).decode("utf-8", "replace").strip() or "another process"
            raise OutputBusy(f"{out} is being written by {holder}; wait for it to finish or choose another --out") from None
        started = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime())
        os.ftruncate(handle, 0)
        os.pwrite(handle, f"{command} (pid {os.getpid()} on {socket.gethostname()}, since {started})\n".encode(), 0)
        for leftover in _leftovers(out):
            shutil.rmtree(leftover, ignore_errors=True)
        try:
            yield
        finally:
            os.ftruncate(handle, 0)
    finally:
        os.close(handle)  # closing releases the flock


class Apart:
    """A file made in a process of its own (forked) while the build writes the others: for a file
    that takes long to make and that nothing else in the build waits on."""

    def __init__(self, make: Callable[[], Iterable[bytes]]) -> None:
        self.make = make


Content = bytes | Callable[[], Iterable[bytes]] | Apart  # a file's bytes, or what makes them, piece by piece, when it is written


def publish(files: Mapping[str, Content], out: Path) -> list[Path]:
    """Replace the folder ``out`` by one holding exactly ``files`` (names may hold sub-folders)
    plus what ``out`` held beside them; return the written paths. Call it under :func:`exclusive`.
    A file given as a function is made when it is written, one at a time."""
    out = out.resolve() if out.is_symlink() else out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    apart: dict[str, int] = {}
    try:
        os.chmod(stage, 0o755)
        apart = {name: _start(stage / name, data.make) for name, data in sorted(files.items()) if isinstance(data, Apart)}
        for name, data in sorted(files.items()):
            if not isinstance(data, Apart):
                _write(stage / name, data() if callable(data) else [data])
        _finish(apart)
        if out.is_dir():
            _carry_over(out, stage, {name.split("/", 1)[0] for name in files})
        _sync(stage)
        _swap(stage, out)
    finally:
        _finish(apart, quietly=True)  # a failed build waits for its writers before removing their folder
        shutil.rmtree(stage, ignore_errors=True)  # after the swap: the previous exports
    _sync(out.parent)
    return [out / name for name in sorted(files)]


def _start(target: Path, make: Callable[[], Iterable[bytes]]) -> int:
    """Fork a process that writes ``target`` and exits (1, with the error on stderr, on failure)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            _write(target, make())
            code = 0
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(code)
    return pid


def _finish(apart: dict[str, int], quietly: bool = False) -> None:
    """Wait for the processes writing files apart; a file one could not write fails the build."""
    failed = []
    while apart:
        name, pid = apart.popitem()
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            failed.append(name)
    if failed and not quietly:
        raise OSError(f"could not write {', '.join(sorted(failed))} (the error is above)")


def _write(target: Path, pieces: Iterable[bytes]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as stream:
        for piece in pieces:
            stream.write(piece)
        stream.flush()
        os.fsync(stream.fileno())
    os.chmod(target, 0o644)


def _carry_over(old: Path, new: Path, written: set[str]) -> None:
    """Hard-link into ``new`` what ``old`` holds at its top level and this build does not write."""
    for entry in sorted(old.iterdir()):
        if entry.name in written or (entry.name.startswith(".") and entry.name.endswith(".tmp")):
            continue  # rewritten now, or a temporary of a killed earlier build
        target = new / entry.name
        if entry.is_symlink():
            os.symlink(os.readlink(entry), target)
        elif entry.is_dir():
            shutil.copytree(entry, target, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(str(entry), str(target))


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _sync(folder: Path) -> None:
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _swap(new: Path, target: Path) -> None:
    """Put ``new`` at ``target`` in one step; the previous ``target`` ends up at ``new``."""
    if not target.exists():
        os.rename(new, target)
        return
    if _exchange(new, target):
        return
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    os.rename(target, old)
    try:
        os.rename(new, target)
    except BaseException:
        os.rename(old, target)
        raise
    os.rename(old, new)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths with ``renameat2``; False where the system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def write_atomically(files: dict[str, bytes], out_dir: Path) -> list[Path]:
    """Write all files (names may hold sub-folders) to temporaries beside their targets, then rename
    them into place one by one (each file whole; `kg view` adds maps to a folder this way)."""
    pending: list[tuple[Path, Path]] = []
    try:
        for name, data in sorted(files.items()):
            target = out_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            pending.append((Path(temp), target))
            os.close(handle)
            _write(Path(temp), [data])
    except BaseException:
        for temp, _ in pending:
            temp.unlink(missing_ok=True)
        raise
    for temp, target in pending:
        os.replace(temp, target)
    return [target for _, target in pending]
