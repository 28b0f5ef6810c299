"""The ``summit-kg`` command line: build, query, queries, viz, validate.

``main(argv)`` returns the exit code instead of exiting, so tests call it
in-process. Exit codes: 0 ok, 1 a check failed (validate found violations),
2 bad usage or bad input (one line naming the file and line), 3 an internal
error.

Examples:
    >>> main(["queries"]) == 0  # doctest: +ELLIPSIS
    name ...
    True
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from rdflib import URIRef

from kg.errors import KGError, UsageError
from kg.results import GRAPH_FORMATS, SELECT_FORMATS, short_term

__all__ = ["main"]

PROG = "summit-kg"
VIEWS: dict[str, list[str] | None] = {
    "overview": None,
    "topics": ["Topic", "FocusArea", "Outcome"],
    "actors": ["Summit", "Person", "State", "Organization", "Group", "Actor", "Place", "Topic"],
}


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Turn coverage of a diplomatic summit into an RDF knowledge graph you can "
        "query and look at. With no SOURCE, commands use the embedded default: a briefing on "
        "the 2025 Trump–Putin summit in Alaska.",
        epilog=_examples(
            "summit-kg build articles/ -o summit.ttl",
            "summit-kg query outcomes-by-topic --param topic=Cybersecurity",
            "summit-kg viz -o summit.html",
        )
        + "\n\nexit codes: 0 ok, 1 a check failed, 2 bad usage or input, 3 internal error",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help: str, *examples: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name,
            help=help,
            description=help,
            epilog=_examples(*examples),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    def data_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--data",
            action="extend",
            nargs="+",
            default=[],
            metavar="SOURCE",
            help="articles (.md, .txt), RDF files or folders (default: the embedded briefing)",
        )
        sub.add_argument(
            "--store", default=None, metavar="S", help="where the graph lives: 'memory' (default)"
        )

    build = command(
        "build",
        "Read articles and RDF files into a graph; write it with -o.",
        "summit-kg build",
        "summit-kg build articles/*.md -o summit.ttl",
        "summit-kg build briefing.md -o summit.trig",
    )
    build.add_argument(
        "sources",
        nargs="*",
        metavar="SOURCE",
        help="articles (.md, .txt), RDF (.ttl, .nt, .nq, .trig, .jsonld) or folders",
    )
    build.add_argument("--store", default=None, metavar="S", help="'memory' (default)")
    build.add_argument(
        "-o", "--output", metavar="FILE", help="write the graph here ('-' for stdout)"
    )
    build.add_argument(
        "--format",
        choices=("turtle", "nt", "nquads", "trig", "json-ld"),
        help="output format (default: from the file suffix, else turtle)",
    )

    query = command(
        "query",
        "Answer a question: a catalogue name, a .rq file, or '-' for stdin.",
        "summit-kg query topics",
        "summit-kg query outcomes-by-topic --param topic=Cybersecurity --format csv",
        "summit-kg query my-question.rq --data summit.ttl",
    )
    query.add_argument("query", metavar="QUERY")
    data_option(query)
    query.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="bind a parameter: text becomes a literal, <…> an IRI (repeatable)",
    )
    query.add_argument(
        "--format",
        choices=SELECT_FORMATS + GRAPH_FORMATS,
        help="table on a terminal, csv otherwise; turtle for CONSTRUCT",
    )
    query.add_argument("-o", "--output", metavar="FILE", help="write the answer to FILE")

    command("queries", "List the question catalogue: name, title, parameters.", "summit-kg queries")

    viz = command(
        "viz",
        "Write a self-contained interactive HTML view of the graph.",
        "summit-kg viz",
        "summit-kg viz --view topics -o topics.html",
        "summit-kg viz --data summit.ttl -o summit.html",
    )
    data_option(viz)
    viz.add_argument(
        "--view",
        choices=tuple(VIEWS),
        default="overview",
        help="which part of the graph to draw (default: overview)",
    )
    viz.add_argument("--title", default=None, help="page heading")
    viz.add_argument(
        "-o",
        "--output",
        default="summit.html",
        metavar="FILE.html",
        help="where to write the page (default: summit.html)",
    )

    validate = command(
        "validate",
        "Check the graph against the SHACL shapes; exit 1 on violations.",
        "summit-kg validate",
        "summit-kg validate --data summit.ttl",
    )
    data_option(validate)
    return parser


def _count(number: int, plural: str) -> str:
    """``_count(1, "summits")`` → ``"1 summit"``."""
    return f"{number} {plural if number != 1 else plural[:-1]}"


def _cmd_build(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from kg.store import load

    graph = load(*args.sources, store=args.store)
    if args.output == "-":
        out.write(graph.serialize(format=args.format or "turtle"))
    elif args.output:
        graph.serialize(args.output, format=args.format)
    counts = graph.query(
        """PREFIX skg: <https://w3id.org/summit-kg/ontology#>
        SELECT ?class (COUNT(DISTINCT ?s) AS ?n) {
          VALUES ?class { skg:Summit skg:Topic skg:Outcome skg:Concern skg:Recommendation }
          ?s a ?class } GROUP BY ?class"""
    )
    summary = {short_term(r["class"]).split(":")[1]: int(str(r["n"])) for r in counts}
    documents = graph.documents()
    target = f" → {args.output}" if args.output and args.output != "-" else ""
    parts = ", ".join(
        _count(summary.get(k, 0), name)
        for k, name in (
            ("Summit", "summits"),
            ("Topic", "topics"),
            ("Outcome", "outcomes"),
            ("Concern", "concerns"),
            ("Recommendation", "recommendations"),
        )
    )
    stream = err if args.output == "-" else out
    stream.write(f"{_count(len(documents), 'documents')}, {len(graph)} triples: {parts}{target}\n")
    if not args.output:
        stream.write("(the memory store is not kept: pass -o FILE to save the graph)\n")
    return 0


def _cmd_query(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from kg.query import parse_header, parse_param, resolve_query
    from kg.results import format_result
    from kg.store import load

    params = dict(parse_param(p) for p in args.param)
    if args.query == "-":
        query = parse_header("<stdin>", sys.stdin.read())
    else:
        query = resolve_query(args.query)
    graph = load(*args.data, store=args.store)
    result = graph.query(query, **params)
    fmt = args.format
    if fmt is None:
        graph_result = result.type not in ("SELECT", "ASK")
        fmt = "turtle" if graph_result else ("table" if out.isatty() and not args.output else "csv")
    text = format_result(result, fmt)
    if args.output:
        from kg._io import atomic_write_text

        atomic_write_text(args.output, text)
    else:
        out.write(text)
    return 0


def _cmd_queries(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from kg.query import catalogue

    rows = [
        (
            name,
            q.title,
            ", ".join(
                f"{p.name}" + (f" (e.g. {p.example})" if p.example else "") for p in q.params
            ),
        )
        for name, q in catalogue().items()
    ]
    widths = [max(len(r[i]) for r in [("name", "title", "parameters"), *rows]) for i in range(2)]
    out.write(f"{'name'.ljust(widths[0])}  {'title'.ljust(widths[1])}  parameters\n")
    for name, title, params in rows:
        out.write(f"{name.ljust(widths[0])}  {title.ljust(widths[1])}  {params}".rstrip() + "\n")
    return 0


def _cmd_viz(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from kg.store import load
    from kg.viz import write_html

    if not args.output.lower().endswith((".html", ".htm")):
        raise UsageError(f"the view is an HTML page: name it *.html, not '{args.output}'")
    graph = load(*args.data, store=args.store)
    network = graph.to_networkx(classes=VIEWS[args.view])
    title = args.title or f"summit-kg · {args.view}"
    path = write_html(network, args.output, title=title)
    out.write(
        f"{path}: {network.number_of_nodes()} nodes, {network.number_of_edges()} edges "
        f"({args.view} view)\n"
    )
    return 0


def _cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from kg.store import load

    report = load(*args.data, store=args.store).validate()
    if report.conforms:
        out.write("conforms: the data meets every shape in ontology/shapes.ttl\n")
        return 0
    out.write(f"{len(report.violations)} violation(s):\n")
    for violation in report.violations:
        path = short_term(URIRef(violation.path)) if violation.path else ""
        out.write(f"  {short_term(URIRef(violation.focus))} {path}: {violation.message}\n")
    return 1


_COMMANDS = {
    "build": _cmd_build,
    "query": _cmd_query,
    "queries": _cmd_queries,
    "viz": _cmd_viz,
    "validate": _cmd_validate,
}


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; return the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = _build_parser()
    try:
        try:
            with contextlib.redirect_stdout(out):
                args = parser.parse_args(argv)
        except SystemExit as exc:  # --help
            return int(exc.code or 0)
        if args.command is None:
            parser.print_help(out)
            return 2
        return _COMMANDS[args.command](args, out, err)
    except KGError as exc:
        err.write(f"{PROG}: error: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        err.write(f"{PROG}: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the CLI edge: never a traceback for the user
        err.write(f"{PROG}: internal error: {type(exc).__name__}: {exc}\n")
        return 3
