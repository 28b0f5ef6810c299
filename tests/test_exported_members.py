"""The public surface of ``kg``: exactly the names in ``kg.__all__``, each one importable.

A name added to or dropped from the package's top level must be added to or
dropped from the list below too, on purpose.
"""

from __future__ import annotations

import re
import types

import kg
from tests.support.paths import ROOT

EXPORTED = [
    "DocumentInfo",
    "FileReport",
    "IngestSummary",
    "KGError",
    "LoaderError",
    "NetworkRefused",
    "QueryError",
    "QueryFile",
    "QueryRejected",
    "QueryResult",
    "QueryTimeout",
    "ResourceMissing",
    "Store",
    "StoreError",
    "SummitGraph",
    "UsageError",
    "ValidationReport",
    "Violation",
    "__version__",
    "catalogue",
    "load",
]


def _public_names() -> set[str]:
    """Top-level names that are neither private nor submodules (nor the ``__future__`` flag).

    ``dir(kg)`` also lists the names ``kg`` imports on first use.
    """
    return {
        name
        for name, value in ((name, getattr(kg, name)) for name in dir(kg))
        if (not name.startswith("_") or name == "__version__")
        and not isinstance(value, types.ModuleType)
        and name != "annotations"  # bound by ``from __future__ import annotations``
    }


def test_all_is_the_pinned_list() -> None:
    assert kg.__all__ == EXPORTED


def test_all_is_sorted() -> None:
    def group(name: str) -> tuple[int, str]:  # classes, then dunders, then functions
        return (0 if name[0].isupper() else 1 if name.startswith("__") else 2, name)

    assert sorted(kg.__all__, key=group) == kg.__all__


def test_every_public_name_is_exported() -> None:
    assert sorted(_public_names()) == sorted(EXPORTED)


def test_every_exported_name_resolves() -> None:
    namespace: dict[str, object] = {}
    exec("from kg import *", namespace)
    for name in kg.__all__:
        assert getattr(kg, name) is not None, name
        assert namespace.get(name) is getattr(kg, name), name


def test_exported_errors_are_one_tree() -> None:
    exported = [getattr(kg, name) for name in EXPORTED]
    errors = [e for e in exported if isinstance(e, type) and issubclass(e, BaseException)]
    assert len(errors) == 9
    assert all(issubclass(e, kg.KGError) for e in errors)


def test_version_has_one_source() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", kg.__version__)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert not re.search(r"(?m)^version\s*=", pyproject)
    assert '[tool.hatch.version]\npath = "kg/__init__.py"' in pyproject
