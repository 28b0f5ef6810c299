"""Large curated tables of realistic rows, as CSV and as an article's Markdown pipe table
(used by the table scale tests and ``benchmarks/large_table.py``).

Examples:
    >>> curated_csv(2).splitlines()[0]
    'Summit,Topic,Focus Area,Outcome,Likelihood,Source,Significance,Analyst Note'
    >>> len(markdown_table(3).splitlines())
    11
"""

from __future__ import annotations

import csv
import io

__all__ = ["MAKERS", "curated_csv", "markdown_table"]

_TOPICS = ("Arms Control", "Cybersecurity", "Trade Relations", "Energy Security", "Fisheries")
_FOCUS = ("Treaty verification; Warhead limits", "Tariffs", "", "Shipping lanes; Ice-breakers")
_LIKELIHOODS = ("possible", "likely", "expected", "unlikely", "", "agreed", "projected")
_SUMMITS = ("Trump–Putin summit in Alaska", "G7 summit in Kananaskis", "Harbour summit", "")
_ACTORS = ("Trump", "Putin", "Zelensky", "Macron", "Starmer", "the European Union", "NATO")


def _rows(count: int) -> list[list[str]]:
    """Rows of a realistic outcome table: repeated topics, named actors, some empty cells."""
    rows = []
    for i in range(count):
        topic = _TOPICS[i % len(_TOPICS)]
        rows.append(
            [
                _SUMMITS[i % len(_SUMMITS)],
                f"{topic} {i // len(_TOPICS) % 40}",
                _FOCUS[i % len(_FOCUS)],
                f"{_ACTORS[i % len(_ACTORS)]} and {_ACTORS[(i + 3) % len(_ACTORS)]} agree on "
                f"step {i} of the {topic.lower()} plan",
                _LIKELIHOODS[i % len(_LIKELIHOODS)],
                f"https://example.org/briefing/{i}",
                f"Sets the tone for round {i}",
                f"second source needed ({i})" if i % 3 else "",
            ]
        )
    return rows


def curated_csv(count: int) -> str:
    """A curated table of ``count`` rows with every column the loader knows, and a note."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "Summit",
            "Topic",
            "Focus Area",
            "Outcome",
            "Likelihood",
            "Source",
            "Significance",
            "Analyst Note",
        ]
    )
    writer.writerows(_rows(count))
    return out.getvalue()


def markdown_table(count: int) -> str:
    """An article whose body is one pipe table of ``count`` rows."""
    lines = [
        "# Trump and Putin Meet in Alaska",
        "",
        "Officials shared the expected outcomes in the table below:",
        "",
        "| Topic | Focus Area | Expected Outcome | Likelihood | Key Risk | Why It Matters |",
        "|---|---|---|---|---|---|",
    ]
    for summit, topic, focus, outcome, likelihood, _, significance, _ in _rows(count):
        risk = f"Delay by {summit or 'Congress'}"
        lines.append(f"| {topic} | {focus} | {outcome} | {likelihood} | {risk} | {significance} |")
    lines += ["", "The leaders meet again in the spring."]
    return "\n".join(lines) + "\n"


MAKERS = {".csv": curated_csv, ".md": markdown_table}
"""A table of N rows by file suffix."""
