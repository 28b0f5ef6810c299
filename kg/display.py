"""Rich display in notebooks: small, escaped HTML for graphs, query results and reports.

Jupyter (and any front end that speaks IPython's display protocol) calls an
object's ``_repr_html_`` to show it; :class:`~kg.SummitGraph`,
:class:`~kg.sparql.runner.QueryResult` and
:class:`~kg.rdf.validation.ValidationReport` answer with the helpers here.
Every value is escaped (labels and quotes come from articles: they are data,
never markup), long tables stop at :data:`ROWS_SHOWN` rows with a note, and
nothing refers to any other host. :class:`InlineView` wraps an interactive
view page in a sandboxed ``<iframe srcdoc>``, so the page runs with its own
Content-Security-Policy and cannot touch the notebook.

Examples:
    >>> table = html_table(["topic"], [["Arms <control>"]])
    >>> table[table.index("<tbody>") :]
    '<tbody><tr><td>Arms &lt;control&gt;</td></tr></tbody></table>'
    >>> "2 more rows not shown" in html_table(["n"], [[1], [2], [3]], limit=1)
    True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.sparql.runner import QueryResult

__all__ = ["ROWS_SHOWN", "InlineView", "html_table", "result_html"]

ROWS_SHOWN = 50
"""Rows a table shows in a notebook before it says how many more there are."""


def html_table(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    limit: int = ROWS_SHOWN,
    caption: str = "",
    note: str = "",
) -> str:
    """An escaped HTML table of the first ``limit`` rows, saying how many were left out.

    ``None`` cells are empty; anything else is shown as ``str(value)``.
    """
    head = "".join(f"<th>{escape(str(name))}</th>" for name in headers)
    body: list[str] = []
    hidden = 0
    for index, row in enumerate(rows):
        if index >= limit:
            hidden += 1
            continue
        cells = "".join(f"<td>{'' if v is None else escape(str(v))}</td>" for v in row)
        body.append(f"<tr>{cells}</tr>")
    notes = [note] if note else []
    if hidden:
        notes.insert(0, f"{hidden:,} more row{'' if hidden == 1 else 's'} not shown")
    parts = ['<table class="summit-kg">']
    if caption:
        parts.append(f"<caption>{escape(caption)}</caption>")
    parts.append(f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")
    if notes:
        parts.append(f"<p><small>{escape('; '.join(notes))}.</small></p>")
    return "".join(parts)


def result_html(result: QueryResult) -> str:
    """A query's answer as a notebook shows it: a table (cut short, with a note), yes/no, triples.

    >>> from kg.sparql.runner import QueryResult
    >>> result_html(QueryResult("ASK", boolean=True))
    '<p>ASK: <strong>yes</strong></p>'
    """
    from kg.sparql.results import short_term

    if result.type == "ASK":
        return f"<p>ASK: <strong>{'yes' if result.boolean else 'no'}</strong></p>"
    if result.type == "SELECT":
        count = f"{len(result.rows):,} row{'' if len(result.rows) == 1 else 's'}"
        return html_table(
            result.vars,
            ([short_term(row.get(name)) for name in result.vars] for row in result.rows),
            caption=f"SELECT: {count}",
            note="the row cap stopped the query early" if result.truncated else "",
        )
    triples = sorted(result.graph or (), key=lambda t: tuple(map(str, t)))
    return html_table(
        ["subject", "predicate", "object"],
        ([short_term(term) for term in triple] for triple in triples),
        caption=f"{result.type}: {len(triples):,} triple{'' if len(triples) == 1 else 's'}",
    )


@dataclass(frozen=True)
class InlineView:
    """An interactive view for a notebook: shown as a sandboxed iframe of the page.

    ``page`` is the self-contained HTML document
    (:func:`kg.network.page.render_html`); ``height`` is the frame's height in
    pixels. The frame may run the page's scripts but has no origin of its own
    (``sandbox="allow-scripts"``), so the page cannot read the notebook, its
    cookies or its kernel.

    >>> view = InlineView("<p>a & b</p>", height=300)
    >>> view._repr_html_()[:69]
    '<iframe sandbox="allow-scripts" srcdoc="&lt;p&gt;a &amp; b&lt;/p&gt;"'
    """

    page: str
    height: int = 600

    def _repr_html_(self) -> str:
        return (
            f'<iframe sandbox="allow-scripts" srcdoc="{escape(self.page, quote=True)}" '
            f'style="width: 100%; height: {int(self.height)}px; border: 0"></iframe>'
        )
