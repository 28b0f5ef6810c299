"""Resolve SOURCE arguments to files and read them safely.

A SOURCE is a local file, a directory (its articles and RDF files, sorted)
or a glob. URLs are refused: summit-kg never fetches. Text is decoded as
strict UTF-8 (a BOM is allowed) and capped in size.

Examples:
    >>> expand_sources(["http://example.org/a.md"])
    Traceback (most recent call last):
    ...
    kg.errors.LoaderError: http://example.org/a.md: inputs must be local files, not URLs
"""

from __future__ import annotations

import codecs
import glob
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from kg.errors import LoaderError

__all__ = [
    "MAX_SOURCE_BYTES",
    "STDIN",
    "expand_sources",
    "read_bytes",
    "read_text",
    "spooled_stdin",
]

MAX_SOURCE_BYTES = 5 * 1024 * 1024
"""Sources larger than this (5 MiB) are refused."""

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
STDIN = "-"
"""The SOURCE that names standard input."""
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|main)\b", re.IGNORECASE)
_RDF_START = re.compile(rb"(?:@prefix|@base|prefix\s|base\s|<[^>\s]*>\s*<|_:)", re.IGNORECASE)


def stdin_suffix(data: bytes) -> str:
    """The suffix that says how to read piped bytes: a saved page, Turtle, or article text.

    Examples:
        >>> stdin_suffix(b"<!DOCTYPE html><html><body>...</body></html>")
        '.html'
        >>> stdin_suffix(b"@prefix skg: <https://w3id.org/summit-kg/ontology#> .")
        '.ttl'
        >>> stdin_suffix(b"# Leaders meet in Hanoi\\n\\nTalks are planned.")
        '.md'
    """
    head = data[:4096].lstrip(codecs.BOM_UTF8 + b" \t\r\n")
    if _HTML_START.match(head):
        return ".html"
    if _RDF_START.match(head):
        return ".ttl"
    return ".md"


@contextmanager
def spooled_stdin(sources: list[str], stream: BinaryIO) -> Iterator[list[str]]:
    """``sources`` with ``-`` replaced by a temporary file holding what ``stream`` gives.

    The bytes are read once (at most :data:`MAX_SOURCE_BYTES`) into
    ``stdin.md``, ``stdin.html`` or ``stdin.ttl`` (see :func:`stdin_suffix`) in
    a temporary folder, removed when the block ends.

    Raises:
        LoaderError: more than :data:`MAX_SOURCE_BYTES` on stdin.
    """
    if STDIN not in sources:
        yield sources
        return
    data = stream.read(MAX_SOURCE_BYTES + 1)
    if len(data) > MAX_SOURCE_BYTES:
        raise LoaderError(f"over the {MAX_SOURCE_BYTES}-byte limit", path="<stdin>")
    with tempfile.TemporaryDirectory(prefix="summit-kg-stdin-") as folder:
        path = Path(folder) / f"stdin{stdin_suffix(data)}"
        path.write_bytes(data)
        yield [str(path) if source == STDIN else source for source in sources]


def _known_suffixes() -> set[str]:
    from kg.loaders import known_suffixes

    return known_suffixes()


def _leaves(folder: Path, path: Path) -> bool:
    """Whether ``path``, found inside ``folder``, is a link to a file outside it."""
    return path.is_symlink() and not path.resolve().is_relative_to(folder.resolve())


def expand_sources(
    sources: Iterable[str | Path],
    *,
    follow_links: bool = False,
    on_link_out: Callable[[LoaderError], None] | None = None,
) -> list[Path]:
    """Turn files, directories and globs into a list of files to load.

    A link inside a directory to a file outside it is not read unless
    ``follow_links``: ``on_link_out`` is told (and the link left out), or,
    without it, the error is raised. Files named themselves are always read.

    Raises:
        LoaderError: a URL, a missing path, a glob or directory that holds no
            loadable file; a link out of a directory (without ``on_link_out``).
    """
    files: list[Path] = []
    suffixes = _known_suffixes()
    for source in sources:
        text = str(source)
        if _URL.match(text):
            raise LoaderError("inputs must be local files, not URLs", path=text)
        path = Path(text)
        if path.is_dir():
            found, links_out = [], []
            for p in sorted(path.rglob("*")):
                if not (p.is_file() and p.suffix.lower() in suffixes):
                    continue
                if not follow_links and _leaves(path, p):
                    error = LoaderError(
                        f"a link to a file outside {text} ({p.resolve()}); not read "
                        "(name the file itself, or build --follow-links)",
                        path=p,
                    )
                    if on_link_out is None:
                        raise error
                    links_out.append(error)
                    continue
                found.append(p)
            for error in links_out if found else ():
                assert on_link_out is not None
                on_link_out(error)
            if links_out and not found:
                raise links_out[0]
            if not found:
                looked_for = ", ".join(sorted(suffixes))
                raise LoaderError(
                    f"no articles or RDF files in this directory (looked for {looked_for})",
                    path=text,
                )
            files.extend(found)
        elif path.exists():
            if not path.is_file():
                raise LoaderError("not a regular file", path=text)
            files.append(path)
        elif glob.has_magic(text):
            matched = sorted(Path(p) for p in glob.glob(text, recursive=True) if Path(p).is_file())
            if not matched:
                raise LoaderError("no file matches this pattern", path=text)
            files.extend(matched)
        else:
            raise LoaderError("no such file or directory", path=text)
    return files


def read_bytes(path: Path) -> bytes:
    """The bytes of ``path``, refusing files larger than :data:`MAX_SOURCE_BYTES`.

    Raises:
        LoaderError: unreadable, or over the size limit.
    """
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise LoaderError(
                f"file is {size} bytes, over the {MAX_SOURCE_BYTES}-byte limit", path=path
            )
        return path.read_bytes()
    except OSError as exc:
        raise LoaderError(f"cannot read: {exc.strerror or exc}", path=path) from exc


def read_text(path: Path) -> str:
    """Read ``path`` as strict UTF-8 text (BOM allowed), refusing binary and huge files.

    Raises:
        LoaderError: unreadable, larger than :data:`MAX_SOURCE_BYTES`, not
            UTF-8 (the message gives the line and byte offset), or holding NUL bytes.
    """
    data = read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start + (len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)
        line = data.count(b"\n", 0, offset) + 1
        raise LoaderError(
            f"not UTF-8 text (invalid byte at offset {offset})", path=path, line=line
        ) from exc
    if "\x00" in text:
        offset = text.index("\x00")
        raise LoaderError(f"not a text file (NUL character at offset {offset})", path=path)
    return text
