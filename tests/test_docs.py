"""The README and docs/ stay short, complete and linked.

The README stays under 10 KB, names every subcommand, and its question table
lists exactly the catalogue (name, title, parameters with their example).
Every relative link in the README, ``docs/`` and ``benchmarks/README.md``
points at a file of the checkout, and a ``#fragment`` at one of its headings.
(The README's command-line session is checked in ``tests/cli/test_readme_session.py``.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import kg
from tests.support.paths import ROOT

README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))
PAGES = [README, *DOCS, ROOT / "benchmarks" / "README.md"]
SUBCOMMANDS = (
    "analyze",
    "build",
    "documents",
    "export",
    "queries",
    "query",
    "remove",
    "validate",
    "viz",
)
MAX_README_BYTES = 10 * 1024
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
TABLE_HEADER = "| name | title | parameters |"


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _slug(heading: str) -> str:
    """The anchor a Markdown renderer gives a heading (GitHub's rule)."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _question_row(name: str) -> str:
    query = kg.catalogue()[name]
    params = ", ".join(
        f"`{p.name}` (e.g. {p.example})" if p.example else f"`{p.name}`" for p in query.params
    )
    return f"| `{name}` | {query.title} | {params} |".replace("|  |", "| |")


def test_the_readme_is_at_most_10_kb() -> None:
    size = len(README.read_bytes())
    assert size <= MAX_README_BYTES, f"README.md is {size} bytes; move detail to docs/"


def test_the_readme_mentions_every_subcommand() -> None:
    text = _text(README)
    missing = [c for c in SUBCOMMANDS if f"summit-kg {c}" not in text]
    assert not missing, f"README.md does not mention: {missing}"


def test_the_question_table_lists_the_whole_catalogue() -> None:
    lines = _text(README).splitlines()
    start = lines.index(TABLE_HEADER) + 2
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append(line)
    assert rows == [_question_row(name) for name in kg.catalogue()]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(page: Path) -> None:
    broken = []
    for target in LINK.findall(_text(page)):
        if re.match(r"^[a-z]+:", target):
            continue  # an absolute URL
        path_part, _, fragment = target.partition("#")
        linked = (page.parent / path_part).resolve() if path_part else page
        if not linked.is_file():
            broken.append(target)
        elif fragment and linked.suffix == ".md":
            headings = re.findall(r"^#+ (.+)$", _text(linked), flags=re.MULTILINE)
            if fragment not in {_slug(h) for h in headings}:
                broken.append(target)
    assert not broken, f"{page.relative_to(ROOT)}: links to nothing: {broken}"


def test_docs_has_the_pages_the_readme_promises() -> None:
    names = {p.name for p in DOCS}
    assert names >= {
        "cli.md",
        "development.md",
        "how-it-works.md",
        "library.md",
        "queries.md",
        "reliability.md",
        "stores.md",
        "views.md",
    }
