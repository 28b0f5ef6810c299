"""Find the bundled ontology, queries and default data.

In a wheel they live in ``kg/_data/`` (hatchling force-include); in a
checkout or an editable install they are the top-level ``ontology/``,
``queries/`` and ``data/`` folders beside ``kg/``.

Examples:
    >>> resource_dir("ontology").joinpath("summit.ttl").is_file()
    True
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from kg.errors import ResourceMissing

__all__ = ["ResourceKind", "default_sources", "resource_dir", "resource_file"]

ResourceKind = Literal["ontology", "queries", "data"]

_PACKAGE = Path(__file__).resolve().parent


@cache
def resource_dir(kind: ResourceKind) -> Path:
    """The folder holding the bundled ``kind`` files.

    Raises:
        ResourceMissing: neither the wheel layout nor the checkout layout has it.
    """
    for candidate in (_PACKAGE / "_data" / kind, _PACKAGE.parent / kind):
        if candidate.is_dir():
            return candidate
    raise ResourceMissing(
        f"bundled '{kind}/' folder not found next to {_PACKAGE}; reinstall summit-kg"
    )


def resource_file(kind: ResourceKind, name: str) -> Path:
    """A bundled file, e.g. ``resource_file("ontology", "shapes.ttl")``."""
    path = resource_dir(kind) / name
    if not path.is_file():
        raise ResourceMissing(f"bundled file '{kind}/{name}' not found; reinstall summit-kg")
    return path


def default_sources() -> list[Path]:
    """The embedded default articles (``data/*.md``), sorted by name."""
    return sorted(p for p in resource_dir("data").iterdir() if p.suffix in {".md", ".txt"})
