"""Writing output folders so that a failed or killed run leaves the previous files whole."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(files: dict[str, bytes], out_dir: Path) -> list[Path]:
    """Write all files (names may hold sub-folders) to temporaries beside their targets, then rename them into place."""
    pending: list[tuple[Path, Path]] = []
    try:
        for name, data in sorted(files.items()):
            target = out_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            pending.append((Path(temp), target))
            os.chmod(temp, 0o644)
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
    except BaseException:
        for temp, _ in pending:
            temp.unlink(missing_ok=True)
        raise
    for temp, target in pending:
        os.replace(temp, target)
    return [target for _, target in pending]


def remove_stale(folder: Path, written: list[Path]) -> None:
    """Delete files in ``folder`` that this build did not write (maps of themes no longer present)."""
    keep = set(written)
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        if path.is_file() and path not in keep:
            path.unlink()
