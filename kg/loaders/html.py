"""The saved-page loader: an ``.html``/``.htm`` file → its article's Document → one named graph.

The file is read locally and never followed anywhere: no link, image, script
or canonical URL is fetched. Its bytes are decoded by the charset the page
declares (a byte-order mark, ``<meta charset>``, ``<meta http-equiv>`` or an
XML declaration, in the first 4 KiB; ``latin-1`` and ``ascii`` read as
``windows-1252``, as browsers do) and as strict UTF-8 when it declares none.
Files above 5 MiB and binary files are refused. The article body becomes a
:class:`~kg.text.document.Document` (:func:`kg.text.html.read_page`) and goes
through the same extraction and mapping as an article, so claims come out the
same way; what the page said about itself (title, authors, date, site name,
canonical URL) is the document's ``dcterms`` metadata, and every part of the
page left out is a warning ``build --report`` shows, with its source line.

Examples:
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.html"
    >>> _ = path.write_text(
    ...     "<html><head><title>Trump and Putin Set to Meet in Alaska</title></head>"
    ...     "<body><article><p>Talks are planned for Friday at a base near Anchorage,"
    ...     " officials on both sides said on Monday.</p></article></body></html>"
    ... )
    >>> loaded = read(path)
    >>> (iri,) = identify(path)
    >>> [(graph_iri == iri, len(triples) > 10) for graph_iri, triples in loaded.graphs]
    [(True, True)]
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef

from kg.errors import LoaderError
from kg.loaders import Loaded
from kg.loaders.sources import read_bytes
from kg.rdf.iris import document_iri
from kg.rdf.mapping import to_graph, to_triples
from kg.text.budget import reading
from kg.text.document import Document
from kg.text.extract import extract
from kg.text.html import read_page
from kg.text.normalize import content_hash

__all__ = ["declared_charset", "identify", "load", "read", "read_html"]

_PRESCAN_BYTES = 4096
_META_CHARSET = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_XML_ENCODING = re.compile(rb"^\s*<\?xml[^>]*\bencoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.I)
# labels browsers read as another encoding (WHATWG Encoding Standard)
_AS_BROWSERS_DO = {
    "ascii": "cp1252",
    "latin1": "cp1252",
    "iso8859-1": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "utf-16-le": "utf-8",  # a <meta> cannot declare UTF-16: the bytes read it
    "utf-16-be": "utf-8",
    "utf-16": "utf-8",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def declared_charset(data: bytes) -> str | None:
    """The Python codec a page's bytes declare (BOM, ``<meta>``, XML declaration), or ``None``.

    Raises:
        LoaderError: the page declares a charset no codec reads (no path named).

    Examples:
        >>> declared_charset(b'<html><head><meta charset="ISO-8859-1">')
        'cp1252'
        >>> declared_charset(b'<meta http-equiv=Content-Type content="text/html;charset=KOI8-R">')
        'koi8-r'
        >>> declared_charset(b"<html><p>no declaration</p>") is None
        True
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    head = data[:_PRESCAN_BYTES]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        raise LoaderError(f"the page declares an unknown charset '{label}'") from None
    return _AS_BROWSERS_DO.get(name, name)


def read_html(path: Path) -> str:
    """The text of a saved page: decoded by its declared charset (else strict UTF-8).

    Raises:
        LoaderError: unreadable, larger than :data:`~kg.loaders.sources.MAX_SOURCE_BYTES`,
            an unknown charset, bytes its charset does not allow (the message gives the
            line and byte offset), or binary (NUL characters).
    """
    data = read_bytes(path)
    try:
        codec = declared_charset(data) or "utf-8"
    except LoaderError as exc:
        raise LoaderError(exc.message, path=path) from None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        what = "UTF-8" if codec == "utf-8" else f"{codec} text (the charset the page declares)"
        raise LoaderError(
            f"not {what} (invalid byte at offset {exc.start})", path=path, line=line
        ) from exc
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        offset = text.index("\x00")
        raise LoaderError(f"not a text file (NUL character at offset {offset})", path=path)
    return text


def _document(path: Path) -> Document:
    """The article of the saved page at ``path``, remembered while the file is unchanged.

    An ingest asks :func:`identify` and then :func:`read` for the same file: the page
    is read once.
    """
    try:
        stat = path.stat()
    except OSError as exc:
        raise LoaderError(f"cannot read: {exc.strerror or exc}", path=path) from exc
    return _read_document(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=2)
def _read_document(path: str, mtime_ns: int, size: int) -> Document:
    return read_page(read_html(Path(path)), source=path)


def identify(path: Path) -> tuple[URIRef, ...]:
    """The document IRI of a saved page: the hash of its extracted text (no claims read).

    Raises:
        LoaderError: the file cannot be read as a page or holds no article.
    """
    return (document_iri(content_hash(_document(path).text)),)


def read(path: Path, *, budget: float | None = None) -> Loaded:
    """Read one saved page into its named graph, with the parts of the page it left out.

    Reading the page and extracting its claims together stop at the per-document time
    budget (:mod:`kg.text.budget`: 30 s unless ``SUMMIT_KG_DOCUMENT_BUDGET`` or ``budget``
    says).

    Raises:
        LoaderError: the file cannot be read as a page or holds no article, or reading it
            ran past the budget.
    """
    with reading(path, budget):
        page = _document(path)
        return Loaded(path, (to_triples(extract(page)),), page.warnings)


def load(path: Path, *, budget: float | None = None) -> Iterator[tuple[URIRef, Graph]]:
    """Read one saved page into its named graph, as an rdflib Graph (see :func:`read`)."""
    with reading(path, budget):
        claims = extract(_document(path))
    yield to_graph(claims)
