"""Atomic file output: write beside the target, fsync, then rename over it.

A failure at any point leaves the previous file byte-identical and no
temporary file behind.

Examples:
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> atomic_write_text(target, "Путин 🇷🇺\\n") == target
    True
    >>> target.read_text(encoding="utf-8")
    'Путин 🇷🇺\\n'
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from kg.errors import StoreError, UsageError

__all__ = ["atomic_write_bytes", "atomic_write_text", "atomic_write_with", "format_for_suffix"]


def format_for_suffix(
    path: str | Path, formats: dict[str, str], option: str, what: str = "format"
) -> str:
    """The name in ``formats`` (name → suffix) whose suffix ``path`` has.

    Examples:
        >>> format_for_suffix("out.TTL", {"turtle": ".ttl"}, "--format")
        'turtle'

    Raises:
        UsageError: no format has that suffix (the message names ``option``).
    """
    suffix = Path(path).suffix.lower()
    for name, known in formats.items():
        if suffix == known:
            return name
    raise UsageError(
        f"cannot tell the {what} of '{path}' from its suffix; pass {option} ({', '.join(formats)})"
    )


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _read_umask()  # read once, at import: changing it later would race other threads


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically and return the path.

    Raises:
        StoreError: the folder does not exist or the write failed; the old
            file, if any, is unchanged.
    """
    return atomic_write_with(path, lambda handle: handle.write(data))


def atomic_write_with(path: str | Path, write: Callable[[BinaryIO], object]) -> Path:
    """Let ``write`` fill a temporary file beside ``path``, then put it in place atomically.

    So a writer can stream its output; if it raises, the old file is unchanged and the
    temporary file is removed.

    Raises:
        StoreError: the folder does not exist or the file cannot be written.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise StoreError(f"cannot write: folder '{folder}' does not exist", path=target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:  # a read-only folder or file system: nothing was written
        raise StoreError(f"cannot write: {exc.strerror or exc}", path=target) from exc
    try:
        os.fchmod(fd, 0o666 & ~_UMASK)
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(exc, OSError):
            raise StoreError(f"cannot write: {exc.strerror or exc}", path=target) from exc
        raise
    return target


def atomic_write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` as UTF-8 to ``path`` atomically (see :func:`atomic_write_bytes`)."""
    return atomic_write_bytes(path, text.encode("utf-8"))
