"""The ``summit-kg`` command line: build, query, queries, documents, remove, viz, analyze,
export, validate.

Arguments in, an exit code and text out. ``main(argv)`` returns the exit code
instead of exiting, so tests call it in-process. Exit codes: 0 ok, 1 a check
failed (validate found violations), 2 bad usage or bad input (one line naming
the file and line), 3 an internal error.

Each command is a handler ``_cmd_NAME(args, out, err)`` with its arguments
stacked on it as decorators: ``@command(...)`` names it and gives its help and
examples, ``@option(...)``/``@argument(...)`` add one argument each, and the
shared groups (:data:`data_options`, :func:`store_option`, :data:`query_limits`,
:func:`format_option`, :func:`output_option`) add the options several commands
share. Choices come from where the facts live: views from
:mod:`kg.network.views`, RDF formats from :mod:`kg.rdf.formats`, result formats from
:mod:`kg.sparql.results`, export targets from :mod:`kg.network.exports`, store
kinds from :mod:`kg.stores`.

Conventions, as in Jena's ``arq``/``riot`` and sqlite-utils: ``-`` is stdin or
stdout wherever a file is named; an output's format follows the suffix of
``-o`` unless ``--format`` names one (and a suffix that names another format
is an error); a table on a terminal and CSV otherwise; no option is silently
ignored (one that does nothing in its context is an error or a warning that
names it); mistyped commands, options, queries and parameters get a "did you
mean". Notes and warnings go to stderr, answers to stdout.

Examples:
    >>> main(["queries", "--format", "table"]) == 0  # doctest: +ELLIPSIS
    name ...
    True
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from rdflib import URIRef
from rdflib.term import Identifier

from kg.errors import KGError, UsageError
from kg.ingest import COUNTED, EXECUTORS
from kg.loaders import LOADERS
from kg.network.exports import EXPORT_TARGETS
from kg.network.views import MAX_NODES, SIZE_MEASURES, VIEWS
from kg.rdf.formats import RDF_FORMATS
from kg.rdf.namespaces import SKG
from kg.sparql.results import GRAPH_FORMATS, SELECT_FORMATS, short_term, text_table
from kg.sparql.runner import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT
from kg.stores import DEFAULT_STORE, STORES, store_syntax

if TYPE_CHECKING:
    from kg.graph import DocumentInfo, FileReport, SummitGraph
    from kg.sparql.catalogue import QueryFile

__all__ = ["main"]

PROG = "summit-kg"

# --- commands as data: a handler, its help, its examples and its arguments ----------------

Handler = Callable[[argparse.Namespace, TextIO, TextIO], int]
"""A command: parsed arguments, stdout, stderr in; the exit code out."""
Declare = Callable[[argparse.ArgumentParser], object]
"""Adds one argument (or a few) to a command's parser."""


@dataclass(frozen=True)
class _Command:
    """A command of the command line: its handler and how its parser is declared."""

    run: Handler
    declares: tuple[Declare, ...] = ()
    name: str = ""
    help: str = ""
    examples: tuple[str, ...] = ()
    notes: Callable[[], str] = str
    """Text after the examples, written when the parser is built."""


Decorator = Callable[[Handler | _Command], _Command]
_COMMANDS: dict[str, _Command] = {}
"""Every command, in the order ``--help`` lists them (the order they are defined below)."""


def _as_command(target: Handler | _Command) -> _Command:
    return target if isinstance(target, _Command) else _Command(target)


def options(*declares: Declare) -> Decorator:
    """A decorator adding arguments to the command below it, in the order written.

    Decorators apply from the bottom up, so each one puts its arguments first:
    the parser gets them in the order they are read top to bottom.

    Examples:
        >>> declared = options(_add("--x"), _add("--y"))(lambda args, out, err: 0)
        >>> parser = argparse.ArgumentParser()
        >>> _ = [declare(parser) for declare in declared.declares]
        >>> parser.parse_args(["--y", "2"])
        Namespace(x=None, y='2')
    """

    def decorate(target: Handler | _Command) -> _Command:
        command = _as_command(target)
        return replace(command, declares=(*declares, *command.declares))

    return decorate


def _add(*flags: str, **settings: Any) -> Declare:
    """``parser.add_argument(*flags, **settings)``, declared now, run when the parser is built."""
    return lambda parser: parser.add_argument(*flags, **settings)


def option(*flags: str, **settings: Any) -> Decorator:
    """One ``add_argument(*flags, **settings)`` for the command below it.

    Examples:
        >>> _build_parser().parse_args(["viz", "--depth", "2"]).depth  # @option("--depth", ...)
        2
    """
    return options(_add(*flags, **settings))


argument = option
"""A positional argument: ``@argument("sources", nargs="*")``."""


def command(
    name: str, help: str, *, examples: Sequence[str], notes: Callable[[], str] = str
) -> Callable[[Handler | _Command], Handler]:
    """Register the handler below as command ``name``; ``notes`` follow its examples.

    Examples:
        >>> list(_COMMANDS)[:3], _COMMANDS["queries"].examples[0]
        (['build', 'query', 'queries'], 'summit-kg queries')
    """

    def register(target: Handler | _Command) -> Handler:
        command = replace(
            _as_command(target), name=name, help=help, examples=tuple(examples), notes=notes
        )
        _COMMANDS[name] = command
        return command.run

    return register


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line, exit code 2, with a "did you mean"."""

    commands: dict[str, argparse.ArgumentParser] | None = None
    """The command parsers, by name (on the top-level parser)."""
    argv: Sequence[str] = ()

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        self.argv = list(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message}{self._suggestion(message)} (see '{self.prog} --help')")

    def _suggestion(self, message: str) -> str:
        """The closest choices to a mistyped value, option or command, or ``""``."""
        from kg.sparql.catalogue import did_you_mean

        choice = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)$", message)
        if choice:
            return did_you_mean(choice.group(1), re.findall(r"'([^']*)'", choice.group(2)))
        if not message.startswith("unrecognized arguments: "):
            return ""
        tokens = message.split(": ", 1)[1].split()
        named = [t for t in self.argv if self.commands and t in self.commands]
        parser = self.commands[named[0]] if self.commands and named else self
        flags = [flag for action in parser._actions for flag in action.option_strings]
        hints = [did_you_mean(t.split("=")[0], flags) for t in tokens if t.startswith("-")]
        if any(hints):
            return next(hint for hint in hints if hint)
        if "--data" in self.argv and any(not t.startswith("-") for t in tokens):
            return " (--data takes one source per flag: --data a.md --data b.ttl)"
        return ""


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
    from kg import __version__

    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    parser.commands = {}
    for command in _COMMANDS.values():
        sub = parser.commands[command.name] = commands.add_parser(
            command.name,
            help=command.help,
            description=command.help,
            epilog=_examples(*command.examples) + command.notes(),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        for declare in command.declares:
            declare(sub)
    return parser


# --- argument values ------------------------------------------------------------------------


def _seconds(text: str) -> float:
    """``--timeout`` values: a non-negative number of seconds."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: '{text}'") from None
    from kg.sparql.runner import MAX_TIMEOUT

    if not 0 <= value <= MAX_TIMEOUT:  # NaN fails both
        raise argparse.ArgumentTypeError(
            f"not a number of seconds from 0 to {MAX_TIMEOUT:,}: '{text}'"
        )
    return value


def _whole_number(text: str) -> int:
    """``--depth``/``--top``/``--max-nodes`` values: a whole number of at least 0."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"not a whole number: '{text}'")
    return int(text)


def _positive_int(text: str) -> int:
    """``--max-rows`` values: a whole number of at least 1."""
    if not text.isdigit() or _whole_number(text) < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: '{text}'")
    return int(text)


# --- option groups several commands share ---------------------------------------------------


def _suffixes(loader: str) -> str:
    """The file suffixes one loader of :data:`kg.loaders.LOADERS` reads, for help texts."""
    return ", ".join(LOADERS[loader].suffixes)


def _store(what: str) -> Declare:
    def declare(parser: argparse.ArgumentParser) -> object:  # reads the registry as it is now
        kinds = store_syntax("", default=" (default)")
        return parser.add_argument(
            "--store", default=None, metavar="S", help=f"where the graph lives: {kinds} ({what})"
        )

    return declare


def store_option(what: str) -> Decorator:
    """``--store S``; the kinds of store and their syntax come from :data:`kg.stores.STORES`."""
    return options(_store(what))


data_options = options(
    _add(
        "--data",
        action="append",
        default=[],
        metavar="SOURCE",
        help=f"an article ({_suffixes('article')}), curated table ({_suffixes('table')}), "
        "RDF file, folder or glob; repeat for more (default: the embedded briefing)",
    ),
    _store("read the graph 'summit-kg build --store S' wrote there"),
)
"""``--data SOURCE`` (repeatable) and ``--store S``: the graph a reading command works on."""


def format_option(choices: Iterable[str], help: str, default: str | None = None) -> Decorator:
    """``--format``, one of ``choices``."""
    return option("--format", choices=tuple(choices), default=default, help=help)


def output_option(help: str, **settings: Any) -> Decorator:
    """``-o/--output FILE``."""
    settings.setdefault("metavar", "FILE")
    return option("-o", "--output", help=help, **settings)


csv_safe_option = option(
    "--csv-safe",
    action="store_true",
    help="in CSV (and TSV) output, put ' before text a spreadsheet would run as a formula "
    "(starting =, +, -, @)",
)


def param_option(help: str) -> Decorator:
    """``--param NAME=VALUE``, repeatable."""
    return option("--param", action="append", default=[], metavar="NAME=VALUE", help=help)


query_limits = options(
    _add(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"stop the query after this long (default {DEFAULT_TIMEOUT:g}; 0 for no limit)",
    ),
    _add(
        "--max-rows",
        type=_positive_int,
        default=None,
        metavar="N",
        help=f"stop a SELECT after N rows (default {DEFAULT_MAX_ROWS})",
    ),
    _add(
        "--allow-remote",
        action="store_true",
        help="let SERVICE and FROM/FROM NAMED reach other graphs and the network (off by default)",
    ),
)
"""``--timeout``, ``--max-rows`` and ``--allow-remote``: what a query may cost and reach."""


# --- helpers several commands share ---------------------------------------------------------


def _count(number: int, plural: str) -> str:
    """``_count(1, "summits")`` → ``"1 summit"``."""
    return f"{number} {plural if number != 1 else plural[:-1]}"


EMBEDDED_NOTICE = (
    f"{PROG}: note: no --data or --store given: reading the embedded default "
    "(a briefing on the 2025 Trump–Putin summit in Alaska)\n"
)


def _open_graph(args: argparse.Namespace, err: TextIO | None = None) -> SummitGraph:
    """The graph a command reads: ``--data`` loaded (into memory, or a temporary Oxigraph
    store when large: see :class:`~kg.graph.SummitGraph`), or a store opened read-only.

    With neither, the embedded default, and a one-line notice when ``err`` is a
    terminal (scripts and pipes stay quiet).
    """
    from kg.graph import SummitGraph, load

    if args.store in (None, DEFAULT_STORE):
        if args.data:
            return load(*args.data, store=args.store)
        if err is not None and err.isatty():
            err.write(EMBEDDED_NOTICE)
        from kg.stores.prebuilt import embedded_default

        return SummitGraph(store=embedded_default())
    if args.data:
        raise UsageError(
            "--data reads files into memory; to add them to a store run "
            f"'{PROG} build SOURCE… --store {args.store}'"
        )
    return SummitGraph(store=args.store, read_only=True)


def _table_width(out: TextIO) -> int | None:
    """The terminal's width when ``out`` is a terminal, else ``None`` (no limit)."""
    if not out.isatty():
        return None
    import shutil

    return shutil.get_terminal_size().columns


def _listing_format(args: argparse.Namespace, out: TextIO) -> str:
    """``--format``, or a table on a terminal and CSV in a pipe or file."""
    return str(args.format) if args.format else ("table" if out.isatty() else "csv")


def _csv_text(
    columns: Sequence[str], rows: Sequence[Mapping[str, object]], *, safe: bool = False
) -> str:
    """``rows`` as CSV; with ``safe`` (``--csv-safe``) no text cell can start a formula."""
    import csv
    import io

    if safe:
        from kg.sparql.results import formula_safe

        rows = [
            {k: formula_safe(v) if isinstance(v, str) else v for k, v in r.items()} for r in rows
        ]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


# --- the commands, in the order --help lists them -------------------------------------------


def _store_kinds() -> str:
    """``build --help``'s list of the kinds of store, from :data:`kg.stores.STORES`."""
    return "\n\nstores (--store S):\n" + "\n".join(
        f"  {kind.syntax:<15} {kind.description}" + (" (default)" if name == DEFAULT_STORE else "")
        for name, kind in STORES.items()
    )


@command(
    "build",
    "Read articles and RDF files into a graph; write it with -o.",
    examples=(
        "summit-kg build",
        "summit-kg build articles/*.md -o summit.ttl",
        "summit-kg build briefing.md -o summit.trig",
        "summit-kg build articles/ --store oxigraph:summit.oxigraph --jobs 4",
        "summit-kg build articles/ --store oxigraph:summit.oxigraph --reread",
    ),
    notes=_store_kinds,
)
@argument(
    "sources",
    nargs="*",
    metavar="SOURCE",
    help=f"articles ({_suffixes('article')}), saved pages ({_suffixes('html')}), "
    f"curated tables ({_suffixes('table')}), "
    f"RDF ({', '.join(fmt.suffix for fmt in RDF_FORMATS.values())}) or folders",
)
@store_option(
    "persistent stores keep what earlier builds put there; with no --store, 256 kB of input "
    "or more go through a temporary Oxigraph store"
)
@option(
    "--strict",
    action="store_true",
    help="read every file before writing any; stop at the first bad one and write nothing "
    "(default: report bad files, write the rest as they are read)",
)
@option(
    "--jobs",
    type=_positive_int,
    default=None,
    metavar="N",
    help="processes reading files in parallel (default: the cores less one, for the writer)",
)
@option(
    "--executor",
    choices=EXECUTORS,
    default="processes",
    help="where files are read: a process pool here (default), or a Dask cluster into N-Quads "
    "shards that the store bulk-loads (needs summit-kg[dask]; see docs/scale-out.md)",
)
@option(
    "--scheduler",
    metavar="ADDRESS",
    help="the Dask scheduler to use (default: a local cluster of --jobs workers on loopback)",
)
@option(
    "--shards",
    type=Path,
    metavar="DIR",
    help="keep the Dask executor's N-Quads shards and manifest.json in DIR (needed with "
    "--scheduler: a folder every worker can write and this machine can read)",
)
@option("--quiet", action="store_true", help="no progress bar (it is shown only on a terminal)")
@option(
    "--follow-links",
    action="store_true",
    help="read links in a folder to files outside it (by default they are reported, not read)",
)
@option(
    "--report",
    action="store_true",
    help="list per file the tables, lists and claims read and every line skipped",
)
@option(
    "--reread",
    action="store_true",
    help="read every file again, even those whose graphs the store holds already (by default "
    "a persistent store skips them, unless an older version of the reader made them)",
)
@output_option("write the graph here ('-' for stdout)")
@format_option(RDF_FORMATS, "output format (default: from the file suffix, else turtle)")
@option(
    "--no-ontology",
    dest="ontology",
    action="store_false",
    help="leave the ontology's named graph out of an N-Quads or TriG export",
)
def _cmd_build(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from kg.graph import SummitGraph
    from kg.ingest import default_jobs

    _check_output_format(args.format, args.output, RDF_SUFFIXES, "--format")
    stream = err if args.output == "-" else out
    with SummitGraph(store=args.store) as graph:
        persistent = graph.store.persistent
        if args.reread and not persistent:
            err.write(
                f"{PROG}: warning: --reread is for a persistent store (--store); "
                "ignored: the memory store reads every file anyway\n"
            )
        try:
            summary = graph.ingest(
                args.sources,
                strict=args.strict,
                jobs=args.jobs or default_jobs(),
                follow_links=args.follow_links,
                progress=False if args.quiet else None,
                on_file=(lambda report: _write_report(report, stream)) if args.report else None,
                executor=args.executor,
                scheduler=args.scheduler,
                shards=args.shards,
                reread=args.reread,
            )
        except KeyboardInterrupt:
            if persistent:
                err.write(
                    f"{PROG}: interrupted; the documents written so far are kept whole; "
                    "run the same command again to go on\n"
                )
            raise
        for error in summary.errors:
            err.write(f"{PROG}: error: {printable(error)}\n")
        if summary.failed and not summary.written and not summary.skipped:
            return 2  # nothing loaded: nothing to write
        if args.output == "-":
            out.write(graph.serialize(format=args.format or "turtle", ontology=args.ontology))
        elif args.output:
            graph.write(args.output, format=args.format, ontology=args.ontology)
        plurals = {klass: plural for plural, klass in COUNTED.items()}
        parts = ", ".join(
            _count(number, plurals.get(SKG[name], f"{name.lower()}s"))
            for name, number in graph.counts().items()
        )
        documents, triples = len(graph.store.graph_names()), len(graph)
    target = f" → {args.output}" if args.output and args.output != "-" else ""
    if persistent:
        reread = f" ({summary.reread} re-read: newer reader)" if summary.reread else ""
        stream.write(
            f"{_count(summary.written, 'documents')} written{reread}, {summary.skipped} unchanged "
            f"(skipped), {summary.failed} failed; {args.store} holds "
            f"{_count(documents, 'documents')}, {triples} triples: {parts}{target}\n"
        )
    else:
        stream.write(f"{_count(documents, 'documents')}, {triples} triples: {parts}{target}\n")
        if graph.spilled:
            stream.write(
                f"({graph.spilled / 1e6:.1f} MB of input: built in a temporary Oxigraph store, now "
                "removed, instead of the memory store; --store oxigraph:DIR keeps one)\n"
            )
        elif not args.output:
            stream.write("(the memory store is not kept: pass -o FILE to save the graph)\n")
    if summary.failed:
        stream.write(
            f"{_count(summary.failed, 'files')} not loaded (--strict stops at the first)\n"
        )
        return 2
    return 0


RDF_SUFFIXES = {fmt.suffix: fmt.name for fmt in RDF_FORMATS.values()}
"""File suffix → RDF format (``.ttl`` → ``turtle``), for ``build -o``."""


def _check_output_format(
    chosen: str | None, output: str | None, suffixes: Mapping[str, str], flag: str
) -> None:
    """A format flag needs ``-o``, and must agree with the format the suffix of ``-o`` names.

    Raises:
        UsageError: ``flag`` without ``-o``, or a suffix that names another format.

    Examples:
        >>> _check_output_format("nt", "x.ttl", RDF_SUFFIXES, "--format")
        Traceback (most recent call last):
        ...
        kg.errors.UsageError: --format nt does not match 'x.ttl', a turtle file: drop --format \
or name the file *.nt
    """
    if chosen is None:
        return
    if not output:
        raise UsageError(f"{flag} {chosen} sets the format of -o FILE; pass -o FILE (- for stdout)")
    if output == "-":
        return
    from pathlib import Path

    implied = suffixes.get(Path(output).suffix.lower())
    if implied is not None and implied != chosen:
        wanted = [suffix for suffix, name in suffixes.items() if name == chosen]
        rename = f" or name the file *{wanted[0]}" if wanted else ""
        raise UsageError(
            f"{flag} {chosen} does not match '{output}', a {implied} file: drop {flag}{rename}"
        )


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: object) -> str:
    r"""``text`` safe for one terminal line: control characters as escapes.

    File names and article text reach messages; an escape sequence in them must
    not clear or recolour the terminal, nor a newline fake another line.

    >>> print(printable("a" + chr(27) + "[2Jb" + chr(10) + "c"))
    a\x1b[2Jb\nc
    """
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


def _write_report(report: FileReport, out: TextIO) -> None:
    """``build --report``: one paragraph for one file, what was read, then each skipped line."""
    if report.error is not None:
        out.write(f"{printable(report.error)} (not loaded)\n")
        return
    if report.unchanged:
        out.write(f"{printable(report.path)}: unchanged, already in the store (not read again)\n")
        return
    counts = report.counts
    reread = " (re-read: newer reader)" if report.reread else ""
    out.write(
        f"{printable(report.path)}: {report.triples} triples{reread}; "
        f"{_count(counts['tables'], 'tables')} ({_count(counts['rows'], 'rows')}), "
        f"{_count(counts['lists'], 'lists')} ({_count(counts['items'], 'items')}); "
        f"{_count(counts['summits'], 'summits')}, {_count(counts['topics'], 'topics')}, "
        f"{_count(counts['outcomes'], 'outcomes')}, {_count(counts['concerns'], 'concerns')}, "
        f"{_count(counts['recommendations'], 'recommendations')}\n"
    )
    for line, message in report.warnings:
        out.write(f"  line {line}: {printable(message)}\n" if line else f"  {printable(message)}\n")


@command(
    "query",
    "Answer a question: a catalogue name, a .rq file, or '-' for stdin.",
    examples=(
        "summit-kg query topics",
        "summit-kg query outcomes-by-topic --param topic=Cybersecurity --format csv",
        "summit-kg query my-question.rq --data summit.ttl",
    ),
)
@argument("query", metavar="QUERY")
@data_options
@param_option("bind a parameter: text becomes a literal, <…> an IRI (repeatable)")
@format_option(
    SELECT_FORMATS + GRAPH_FORMATS, "table on a terminal, csv otherwise; turtle for CONSTRUCT"
)
@output_option("write the answer to FILE ('-' for stdout); its suffix sets the format")
@query_limits
@csv_safe_option
@option(
    "--ask-exit-code",
    action="store_true",
    help="for an ASK query, exit 1 when the answer is false",
)
def _cmd_query(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from kg.sparql.catalogue import check_params, declare_prefixes, parse_header, resolve_query

    if args.query == "-":
        query = parse_header("<stdin>", sys.stdin.read())
        query = replace(query, text=declare_prefixes(query.text))
    else:
        query = resolve_query(args.query)
    given = _given_params(args.param)
    check_params(query, given)
    to_file = args.output not in (None, "-")
    if args.format is not None and to_file:
        _check_output_format(args.format, args.output, _suffix_formats(args.format), "--format")
    with _open_graph(args, err) as graph:
        bound, params = _bind_params(graph, query, given)
        result = graph.query(
            bound,
            timeout=args.timeout or None,
            max_rows=args.max_rows or DEFAULT_MAX_ROWS,
            allow_remote=args.allow_remote,
            **params,
        )
        empty = result.type == "SELECT" and not result.rows
        notes = _empty_answer_notes(graph, query, given) if empty and given else []
    fmt = args.format or _format_for(args.output if to_file else None, result.type)
    if fmt is None:
        fmt = "table" if result.type in ("SELECT", "ASK") and out.isatty() and not to_file else None
    text = _result_text(result, fmt, _table_width(out) if not to_file else None, safe=args.csv_safe)
    if to_file:
        from kg._io import atomic_write_text

        atomic_write_text(args.output, text)
    else:
        out.write(text)
    for note in notes:
        err.write(f"{PROG}: note: {note}\n")
    if result.truncated:
        err.write(
            f"{PROG}: warning: stopped after {len(result.rows)} rows; pass --max-rows N for more\n"
        )
    if args.max_rows is not None and result.type != "SELECT":
        err.write(f"{PROG}: warning: --max-rows limits SELECT rows; ignored for {result.type}\n")
    if args.ask_exit_code and result.type != "ASK":
        err.write(f"{PROG}: warning: --ask-exit-code is for ASK; ignored for {result.type}\n")
    if args.ask_exit_code and result.type == "ASK" and not result.boolean:
        return 1
    return 0


_SELECT_SUFFIXES = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".json": "json",
    ".srj": "json",
    ".xml": "xml",
    ".srx": "xml",
    ".txt": "table",
}
"""Suffix → SELECT/ASK result format (``.srj``/``.srx``: the W3C's own suffixes)."""
_GRAPH_SUFFIXES = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld"}
"""Suffix → CONSTRUCT/DESCRIBE result format."""


def _suffix_formats(chosen: str) -> dict[str, str]:
    """The suffix table ``chosen`` is checked against: a ``.json`` file suits json and json-ld."""
    table = {**_GRAPH_SUFFIXES, **_SELECT_SUFFIXES}
    if chosen == "json-ld":
        table[".json"] = "json-ld"
    return table


def _format_for(output: str | None, kind: str) -> str | None:
    """The format the suffix of ``output`` names for a result of ``kind``; else the default.

    Examples:
        >>> _format_for("t.json", "SELECT"), _format_for("t.json", "CONSTRUCT")
        ('json', 'json-ld')
        >>> _format_for("t.out", "SELECT"), _format_for(None, "CONSTRUCT")
        (None, 'turtle')
    """
    from pathlib import Path

    graph = kind not in ("SELECT", "ASK")
    if output is not None:
        suffix = Path(output).suffix.lower()
        named = (_GRAPH_SUFFIXES if graph else _SELECT_SUFFIXES).get(suffix)
        if named is None and suffix in (_SELECT_SUFFIXES if graph else _GRAPH_SUFFIXES):
            raise UsageError(f"'{output}' names a format a {kind} result cannot be written in")
        if named is not None:
            return named
    return "turtle" if graph else None


def _result_text(result: Any, fmt: str | None, width: int | None, *, safe: bool = False) -> str:
    """The answer written in ``fmt`` (``None``: CSV); tables fit ``width`` columns."""
    from kg.sparql.results import format_result

    if fmt != "table" or result.type != "SELECT":
        return format_result(result, fmt or "csv", spreadsheet_safe=safe)
    cells = [[short_term(row.get(v)) for v in result.vars] for row in result]
    rows = len(result.rows)
    table = text_table(result.vars, cells, width=width)
    return table + f"({rows} row{'s' if rows != 1 else ''})\n"


def _given_params(specs: Sequence[str]) -> dict[str, list[str]]:
    """``--param`` values by name, in the order given; a repeated name keeps every value."""
    from kg.sparql.catalogue import parse_param

    given: dict[str, list[str]] = {}
    for spec in specs:
        name, value = parse_param(spec)
        given.setdefault(name, []).append(value)
    return given


_NODE_LOOKUP = """SELECT DISTINCT ?node {
  ?node skos:prefLabel|skos:altLabel|rdfs:label ?name .
  FILTER (isIRI(?node) && LCASE(STR(?name)) = LCASE(STR(?label)))
}"""


def _bind_params(
    graph: SummitGraph, query: QueryFile, given: Mapping[str, Sequence[str]]
) -> tuple[QueryFile, dict[str, object]]:
    """The query and its parameters, typed as its header declares them.

    A parameter given once is bound by the runner; one given several times
    becomes a ``VALUES`` block with a row per value (per combination, for
    several such parameters) placed in the query's text, so the query answers
    for each value.

    Raises:
        UsageError: a value that is not of the declared type, or a label that
            names no node (or several) for a ``[node]`` parameter given several times.
    """
    import itertools

    from kg.sparql.catalogue import param_value
    from kg.sparql.engines import with_rows
    from kg.sparql.gate import compile_readonly

    declared = {p.name: p for p in query.params}
    single: dict[str, object] = {}
    several: dict[str, list[Identifier]] = {}
    for name, texts in given.items():
        values = [param_value(declared.get(name), text) for text in texts]
        if len(values) == 1:
            single[name] = values[0]
            continue
        param = declared.get(name)
        several[name] = [
            _node(graph, name, v) if param is not None and param.node else _as_term(v)
            for v in values
        ]
    if not several:
        return query, single
    kind = compile_readonly(query.text, source=str(query.path or query.name)).kind
    rows = [list(row) for row in itertools.product(*several.values())]
    try:
        text = with_rows(query.text, kind, list(several), rows)
    except ValueError as exc:
        raise UsageError(f"cannot bind several values: {exc}") from exc
    kept = tuple(p for p in query.params if p.name not in several)
    return replace(query, text=text, params=kept), single


def _as_term(value: object) -> Identifier:
    """A ``--param`` value as an RDF term: ``<…>`` an IRI, other text a literal."""
    from rdflib import Literal

    if isinstance(value, Identifier):
        return value
    text = str(value)
    if text.startswith("<") and text.endswith(">") and len(text) > 2:
        return URIRef(text[1:-1])
    return Literal(text)


def _node(graph: SummitGraph, name: str, value: object) -> Identifier:
    """The one node a ``[node]`` parameter's label names (an IRI passes as it is)."""
    term = _as_term(value)
    if isinstance(term, URIRef):
        return term
    nodes = sorted({str(row["node"]) for row in graph.query(_NODE_LOOKUP, label=term)})
    if len(nodes) != 1:
        what = "nothing is" if not nodes else f"{len(nodes)} nodes are"
        raise UsageError(f"--param {name}={value}: {what} labelled '{value}'; pass one as <IRI>")
    return URIRef(nodes[0])


_LABELS = """SELECT DISTINCT ?label {
  ?node skos:prefLabel|skos:altLabel|rdfs:label ?label . FILTER (isLiteral(?label))
}"""


def _empty_answer_notes(
    graph: SummitGraph, query: QueryFile, given: Mapping[str, Sequence[str]]
) -> list[str]:
    """For an empty answer, the labels in the graph closest to each text value given."""
    from kg.sparql.catalogue import did_you_mean

    declared = {p.name: p for p in query.params}
    labels: list[str] | None = None
    notes = []
    for name, texts in given.items():
        param = declared.get(name)
        if param is not None and param.type not in ("string", "node"):
            continue
        for text in texts:
            if text.startswith("<"):
                continue
            if labels is None:
                labels = sorted({str(row["label"]) for row in graph.query(_LABELS)})
            if text.casefold() in {label.casefold() for label in labels}:
                continue
            close = did_you_mean(text, labels)
            if close:
                notes.append(f"no rows: nothing is labelled '{text}'{close}")
    return notes


_LISTING_FORMATS = ("table", "csv", "json")


@command(
    "queries",
    "List the question catalogue (name, title, parameters), or show one query in full.",
    examples=(
        "summit-kg queries",
        "summit-kg queries outcomes-by-topic",
        "summit-kg queries --format json",
    ),
)
@argument(
    "name",
    nargs="?",
    metavar="NAME",
    help="show this query: its description, parameters and SPARQL",
)
@format_option(_LISTING_FORMATS, "the list: table on a terminal, csv otherwise; NAME: its page")
def _cmd_queries(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import json

    from kg.sparql.catalogue import catalogue, resolve_query

    if args.name is not None:
        fmt = args.format or "table"  # one query: the page, on a terminal or not
        query = resolve_query(args.name)
        if fmt == "json":
            out.write(json.dumps(_query_record(query, sparql=True), indent=2, ensure_ascii=False))
            out.write("\n")
        elif fmt == "csv":
            out.write(_csv_text(_QUERY_COLUMNS, [_query_row(query, sparql=True)]))
        else:
            out.write(_query_page(query))
        return 0
    fmt = _listing_format(args, out)
    queries = list(catalogue().values())
    if fmt == "json":
        records = [_query_record(q) for q in queries]
        out.write(json.dumps(records, indent=2, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        out.write(_csv_text(_QUERY_COLUMNS[:-1], [_query_row(q) for q in queries]))
    else:
        rows = [(q.name, q.title, _param_list(q)) for q in queries]
        out.write(text_table(("name", "title", "parameters"), rows, width=_table_width(out)))
    return 0


_QUERY_COLUMNS = ("name", "title", "parameters", "description", "sparql")


def _param_list(query: QueryFile) -> str:
    """``topic (e.g. Cybersecurity), n [integer]``: the parameters as the listing shows them."""
    return ", ".join(
        p.name
        + (f" [{p.type}]" if p.type != "string" else "")
        + (f" (e.g. {p.example})" if p.example else "")
        for p in query.params
    )


def _query_record(query: QueryFile, sparql: bool = False) -> dict[str, object]:
    record: dict[str, object] = {
        "name": query.name,
        "title": query.title,
        "description": query.description,
        "parameters": [
            {"name": p.name, "type": p.type, "meaning": p.meaning, "example": p.example}
            for p in query.params
        ],
    }
    if sparql:
        record["sparql"] = query.text
    return record


def _query_row(query: QueryFile, sparql: bool = False) -> dict[str, object]:
    row: dict[str, object] = {
        "name": query.name,
        "title": query.title,
        "parameters": _param_list(query),
        "description": query.description,
    }
    if sparql:
        row["sparql"] = query.text
    return row


def _query_page(query: QueryFile) -> str:
    """One query for people: title, description, parameters, then its SPARQL (header dropped)."""
    import textwrap

    lines = [f"{query.name}: {query.title}" if query.title else query.name]
    if query.description:
        lines += textwrap.wrap(query.description, 88)
    if query.params:
        lines.append("parameters:")
        for p in query.params:
            kind = f" [{p.type}]" if p.type != "string" else ""
            example = f" (e.g. {p.example})" if p.example else ""
            lines.append(f"  {p.name}{kind}: {p.meaning}{example}")
    if query.path is not None:
        lines.append(f"file: {query.path}")
    body = query.text.split("\n")
    while body and (not body[0].strip() or body[0].lstrip().startswith("#")):
        body.pop(0)
    return "\n".join(lines) + "\n\n" + "\n".join(body).rstrip("\n") + "\n"


_DOCUMENT_FORMATS = ("table", "csv", "json")


DOCUMENT_COLUMNS = ("iri", "title", "hash", "triples", "file")
"""The columns of ``summit-kg documents`` as CSV and JSON."""


@command(
    "documents",
    "List the documents in the graph: IRI, title, content hash, triples, file name.",
    examples=(
        "summit-kg documents",
        "summit-kg documents --store oxigraph:summit.oxigraph --format csv",
    ),
)
@data_options
@format_option(_DOCUMENT_FORMATS, "table on a terminal, csv otherwise")
@csv_safe_option
def _cmd_documents(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import json

    fmt = _listing_format(args, out)
    with _open_graph(args, err) as graph:
        documents = graph.documents()
    rows = [
        {
            "iri": d.iri,
            "title": d.title or "",
            "hash": d.hash or "",
            "triples": d.triples,
            "file": d.file or "",
        }
        for d in documents
    ]
    if fmt == "json":
        out.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        out.write(_csv_text(tuple(DOCUMENT_COLUMNS), rows, safe=args.csv_safe))
    else:
        out.write(
            text_table(
                ("document", "title", "hash", "triples", "file"),
                [
                    (
                        short_term(URIRef(d.iri)),
                        d.title or "",
                        (d.hash or "")[:16],
                        d.triples,
                        d.file or "",
                    )
                    for d in documents
                ],
                width=_table_width(out),
            )
        )
        out.write(f"({_count(len(documents), 'documents')})\n")
    return 0


@command(
    "remove",
    "Remove documents from a persistent store, with their triples no other document holds.",
    examples=(
        "summit-kg remove 0b5d3b4a3f1cd7ed --store oxigraph:summit.oxigraph",
        "summit-kg remove articles/old.md --store oxigraph:summit.oxigraph",
    ),
)
@argument(
    "documents",
    nargs="+",
    metavar="DOC",
    help="a graph IRI, the start of a content hash (8+ hex digits) or the source file",
)
@store_option("required")
def _cmd_remove(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from kg.graph import SummitGraph

    if args.store in (None, DEFAULT_STORE):
        kept = " or ".join(kind.syntax for kind in STORES.values() if kind.where is not None)
        raise UsageError(f"remove works on a persistent store: pass --store {kept}")
    with SummitGraph(store=args.store) as graph:
        documents = graph.documents()
        chosen = [_find_document(name, documents) for name in args.documents]  # all found first
        for document in dict.fromkeys(chosen):
            graph.remove(document.iri)
            title = f" ({document.title})" if document.title else ""
            out.write(f"removed <{document.iri}>{title}: {document.triples} triples\n")
    return 0


def _find_document(name: str, documents: list[DocumentInfo]) -> DocumentInfo:
    """The one document ``name`` means: its IRI (full, ``<>`` or ``id:`` form), a hash
    prefix of 8+ hex digits, or the file it came from (see :func:`kg.stores.find_document`).

    Raises:
        UsageError: nothing, or more than one document, matches; a hash prefix too short.
    """
    from kg.graph import _graphs_of_file
    from kg.stores import find_document

    return find_document(name, documents, files=_graphs_of_file)


_VIEW_HELP = "; ".join(f"{view.name} = {view.description}" for view in VIEWS.values())


@command(
    "viz",
    "Write a self-contained interactive HTML view of the graph.",
    examples=(
        "summit-kg viz",
        "summit-kg viz --view topics -o topics.html",
        "summit-kg viz --focus NATO --depth 2 -o nato.html",
        "summit-kg viz --query topic-network -o network.html",
        "summit-kg viz --data summit.ttl --view sources -o sources.html",
    ),
)
@data_options
@option(
    "--view",
    choices=tuple(VIEWS),
    default=None,
    help=f"which part of the graph to draw (default: overview): {_VIEW_HELP}",
)
@option(
    "--focus",
    metavar="LABEL",
    help="draw only what lies within --depth links of the node with this label",
)
@option(
    "--depth",
    type=_whole_number,
    default=None,
    metavar="N",
    help="links from the --focus node (default: 1)",
)
@option(
    "--through-hubs",
    action="store_true",
    help="let --focus walk through hubs (the summit, documents, far-better-connected nodes)",
)
@option(
    "--query",
    metavar="QUERY",
    help="draw the graph a CONSTRUCT query builds: a .rq file or a catalogue name",
)
@param_option("bind a --query parameter (repeatable)")
@option(
    "--size-by",
    choices=SIZE_MEASURES,
    default="degree",
    help="what node size shows (default: degree)",
)
@option(
    "--max-nodes",
    type=_whole_number,
    default=None,
    metavar="N",
    help=f"above N nodes draw only the N best-connected, and say so (default: {MAX_NODES})",
)
@option("--title", default=None, help="page heading")
@output_option(
    "where to write the page (default: summit.html)",
    default="summit.html",
    metavar="FILE.html",
)
def _cmd_viz(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from kg.network.page import view_title, write_html

    if args.output != "-" and not args.output.lower().endswith((".html", ".htm")):
        raise UsageError(f"the view is an HTML page: name it *.html, not '{args.output}'")
    if args.query is not None and args.view is not None:
        raise UsageError("--view and --query cannot be combined: a query makes its own view")
    if args.param and args.query is None:
        raise UsageError("--param binds a --query parameter; pass --query too")
    if args.max_nodes == 0:
        raise UsageError("--max-nodes must be at least 1")
    if args.depth is not None and args.focus is None:
        raise UsageError("--depth counts links from the --focus node; pass --focus LABEL too")
    if args.through_hubs and args.focus is None:
        raise UsageError("--through-hubs changes the walk from the --focus node; pass --focus too")
    depth = 1 if args.depth is None else args.depth
    query = None
    params: dict[str, object] = {}
    if args.query is not None:
        from kg.sparql.catalogue import parse_param, resolve_query

        query = resolve_query(args.query)
        params = dict(parse_param(p) for p in args.param)
    with _open_graph(args, err) as graph:
        network = graph.to_networkx(
            view=args.view,
            focus=args.focus,
            depth=depth,
            through_hubs=args.through_hubs,
            query=query,
            params=params,
        )
    what = f"query {query.name}" if query is not None else f"{args.view or 'overview'} view"
    if args.focus is not None:
        what += f", around {args.focus}"
    title = args.title or view_title(view=args.view, query=query, focus=args.focus, depth=depth)
    max_nodes = args.max_nodes or MAX_NODES
    stream = out
    if args.output == "-":
        from kg.network.page import render_html

        out.write(render_html(network, title=title, size_by=args.size_by, max_nodes=max_nodes))
        path, stream = "stdout", err
    else:
        written = write_html(
            network, args.output, title=title, size_by=args.size_by, max_nodes=max_nodes
        )
        path = str(written)
    shown = ""
    if network.number_of_nodes() > max_nodes:
        shown = f"; the page shows the {max_nodes} best-connected"
    stream.write(
        f"{path}: {network.number_of_nodes()} nodes, {network.number_of_edges()} edges "
        f"({what}{shown})\n"
    )
    return 0


_ANALYSIS_FORMATS = ("table", "json", "csv")


@command(
    "analyze",
    "Graph analytics: the most central topics and actors, communities of topics, "
    "agreement between sources; or how two entities are linked (--path); or which "
    "expected outcomes came true and which sources called it (--calls).",
    examples=(
        "summit-kg analyze",
        "summit-kg analyze --top 5 --format json",
        "summit-kg analyze --path NATO Arctic",
        "summit-kg analyze --calls --data preview.md --data report.md",
        "summit-kg analyze --data articles/ --format csv > analysis.csv",
    ),
)
@data_options
@format_option(
    _ANALYSIS_FORMATS,
    "table on a terminal, csv otherwise (one table with a 'section' column), or json",
)
@option(
    "--top",
    type=_whole_number,
    default=None,
    metavar="N",
    help="rows per centrality table (default: 10)",
)
@option(
    "--path",
    nargs=2,
    metavar=("FROM", "TO"),
    help="explain how the nodes with these labels are linked (shortest chain)",
)
@option(
    "--calls",
    action="store_true",
    help="the outcomes sources expected before the summit, what came of them after it, "
    "and how each source's calls turned out",
)
@csv_safe_option
def _cmd_analyze(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import json

    from kg.network import analytics

    if args.path and args.top is not None:
        raise UsageError("--top sizes the centrality tables; --path shows one chain: drop --top")
    if args.calls and (args.path or args.top is not None):
        given = "--path" if args.path else "--top"
        raise UsageError(f"--calls is its own analysis: drop {given}")
    fmt = _listing_format(args, out)
    if args.calls:
        return _analyze_calls(args, fmt, out, err)
    with _open_graph(args, err) as graph:
        network = graph.to_networkx()
        measured = graph.to_networkx(provenance=True)
    if args.path:
        explanation = analytics.explain_path(network, *args.path)
        steps = [
            {
                "step": i,
                "label": s.label,
                "type": s.type,
                "link": s.link or "",
                "direction": "" if s.link is None else ("forward" if s.forward else "backward"),
                "node": s.node,
            }
            for i, s in enumerate(explanation.steps)
        ]
        if fmt == "json":
            out.write(json.dumps({"links": len(explanation), "steps": steps}, indent=2) + "\n")
        elif fmt == "csv":
            columns = ("step", "label", "type", "link", "direction", "node")
            out.write(_csv_text(columns, steps, safe=args.csv_safe))
        else:
            links = len(explanation)
            out.write(f"{explanation}\n({links} link{'' if links == 1 else 's'})\n")
        return 0
    # Centrality counts text passages too (an actor named in six paragraphs is central).
    top = 10 if args.top is None else args.top
    result = analytics.summary(network, top=top, measured=measured)
    if fmt == "json":
        out.write(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        out.write(_csv_text(_CSV_COLUMNS, _analysis_rows(result), safe=args.csv_safe))
    else:
        out.write(_analysis_table(result, _table_width(out)))
    return 0


def _analyze_calls(args: argparse.Namespace, fmt: str, out: TextIO, err: TextIO) -> int:
    """``analyze --calls``: the calls table and the sources' scores; a note when nothing settles."""
    import json

    from kg.network.calls import calls

    with _open_graph(args, err) as graph:
        report = calls(graph)
    if not report.calls:
        err.write(
            f"{PROG}: note: no expectations: no source describes a summit before it took "
            "place with outcomes below agreed\n"
        )
    elif not report.reported:
        err.write(
            f"{PROG}: note: no source reports on these topics after the summit: "
            "every call is open\n"
        )
    if fmt == "json":
        out.write(json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        out.write(_csv_text(_CALLS_COLUMNS, _calls_rows(report), safe=args.csv_safe))
    else:
        out.write(_calls_table(report, _table_width(out)))
    return 0


_CALLS_COLUMNS = (
    "section", "topic", "expected", "likelihood", "hedge", "source", "date", "result",
    "reported", "reported_by", "verdict", "match", "calls", "came_true", "missed", "open",
    "brier",
)  # fmt: skip


def _calls_rows(report: Any) -> list[dict[str, object]]:
    """``analyze --calls`` as one table of rows keyed by :data:`_CALLS_COLUMNS`."""
    from dataclasses import asdict

    rows: list[dict[str, object]] = [{"section": "calls", **asdict(c)} for c in report.calls]
    rows += [{"section": "sources", **asdict(s)} for s in report.sources]
    return rows


def _calls_table(report: Any, width: int | None = None) -> str:
    calls_part = "Calls: what sources expected before the summit and what came of it\n" + (
        text_table(
            ("topic", "expected", "likelihood", "source", "reported", "result", "verdict"),
            [
                (
                    c.topic,
                    c.expected,
                    c.likelihood,
                    c.source,
                    c.reported or "nothing",
                    c.result or "",
                    c.verdict,
                )
                for c in report.calls
            ],
            width=width,
        )
    )
    sources_part = (
        "Sources by their calls (Brier score over settled, ranked calls: 0 is perfect)\n"
        + text_table(
            ("source", "calls", "came true", "missed", "open", "brier"),
            [
                (
                    s.source,
                    s.calls,
                    s.came_true,
                    s.missed,
                    s.open,
                    "" if s.brier is None else f"{s.brier:.3f}",
                )
                for s in report.sources
            ],
            width=width,
        )
    )
    return calls_part + "\n" + sources_part


_CENTRALITY_COLUMNS = ("degree", "betweenness", "pagerank", "mentioned")
_CSV_COLUMNS = (
    "section", "rank", "label", "type", *_CENTRALITY_COLUMNS,
    "members", "sources", "outcomes", "likelihoods", "agreement",
)  # fmt: skip


def _analysis_rows(result: dict[str, Any]) -> list[dict[str, object]]:
    """The analysis as one table of rows keyed by :data:`_CSV_COLUMNS`."""
    rows: list[dict[str, object]] = []
    for section in ("topics", "actors"):
        for rank, row in enumerate(result[section], 1):
            rows.append({"section": section, "rank": rank, **row})
    for rank, community in enumerate(result["communities"], 1):
        rows.append(
            {
                "section": "communities",
                "rank": rank,
                "label": "; ".join(community["topics"]),
                "members": "; ".join(community["members"]),
            }
        )
    for rank, row in enumerate(result["agreement"], 1):
        rows.append(
            {
                "section": "agreement",
                "rank": rank,
                "label": row["topic"],
                "sources": row["sources"],
                "outcomes": row["outcomes"],
                "likelihoods": "; ".join(row["likelihoods"]),
                "agreement": row["agreement"],
            }
        )
    return rows


def _analysis_table(result: dict[str, Any], width: int | None = None) -> str:
    parts = []
    for section, what in (("topics", "topics"), ("actors", "actors")):
        rows = result[section]
        parts.append(
            f"Most central {what} ({len(rows)} of {result['counts'][section]}; by PageRank "
            "over claims and the passages that state them)\n"
            + text_table(
                ("rank", what[:-1], "class", *_CENTRALITY_COLUMNS),
                [
                    (
                        i,
                        r["label"],
                        r["type"],
                        r["degree"],
                        f"{r['betweenness']:.3f}",
                        f"{r['pagerank']:.3f}",
                        r["mentioned"],
                    )
                    for i, r in enumerate(rows, 1)
                ],
                width=width,
            )
        )
    parts.append(
        "Communities of topics (Louvain, seed 42)\n"
        + text_table(
            ("#", "topics", "with"),
            [
                (i, "; ".join(c["topics"]), "; ".join(c["members"]))
                for i, c in enumerate(result["communities"], 1)
            ],
            width=width,
        )
    )
    parts.append(
        "Topics by source agreement\n"
        + text_table(
            ("topic", "sources", "outcomes", "likelihoods", "agreement"),
            [
                (
                    r["topic"],
                    r["sources"],
                    r["outcomes"],
                    ", ".join(r["likelihoods"]),
                    r["agreement"],
                )
                for r in result["agreement"]
            ],
            width=width,
        )
    )
    return "\n".join(parts)


@command(
    "export",
    "Write the graph (or one view of it) for other tools: GraphML, GEXF (Gephi), "
    "Cytoscape.js JSON.",
    examples=(
        "summit-kg export --to graphml -o summit.graphml",
        "summit-kg export --view topics -o topics.gexf",
        "summit-kg export --data articles/ --to cytoscape -o summit.json",
        "summit-kg export --focus Cybersecurity --depth 2 -o cyber.gexf",
        "summit-kg export --query topic-network -o network.graphml",
    ),
)
@data_options
@option(
    "--to",
    choices=tuple(EXPORT_TARGETS),
    help=f"format (default: from the suffix: {', '.join(EXPORT_TARGETS.values())})",
)
@option("--view", choices=tuple(VIEWS), default=None, help="default: overview")
@option("--focus", metavar="LABEL", help="only what lies within --depth links of this node")
@option(
    "--depth", type=_whole_number, default=None, metavar="N", help="links from --focus (default: 1)"
)
@option("--through-hubs", action="store_true", help="let --focus walk through hub nodes")
@option("--query", metavar="QUERY", help="the graph a CONSTRUCT query builds (.rq or name)")
@param_option("bind a --query parameter (repeatable)")
@output_option("where to write ('-' for stdout, with --to)", required=True)
def _cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from kg.network.exports import render, target_format, write

    suffixes = {suffix: name for name, suffix in EXPORT_TARGETS.items()}
    _check_output_format(args.to, args.output, suffixes, "--to")
    if args.output == "-" and args.to is None:
        raise UsageError(f"-o - writes to stdout: pass --to ({', '.join(EXPORT_TARGETS)})")
    to = target_format(args.output, args.to)  # a bad suffix fails before any work
    if args.query is not None and args.view is not None:
        raise UsageError("--view and --query cannot be combined: a query makes its own view")
    if args.param and args.query is None:
        raise UsageError("--param binds a --query parameter; pass --query too")
    if args.depth is not None and args.focus is None:
        raise UsageError("--depth counts links from the --focus node; pass --focus LABEL too")
    if args.through_hubs and args.focus is None:
        raise UsageError("--through-hubs changes the walk from the --focus node; pass --focus too")
    query, params = None, {}
    if args.query is not None:
        from kg.sparql.catalogue import parse_param, resolve_query

        query = resolve_query(args.query)
        params = dict(parse_param(p) for p in args.param)
    with _open_graph(args, err) as graph:
        network = graph.to_networkx(
            view=None if query is not None else (args.view or "overview"),
            focus=args.focus,
            depth=1 if args.depth is None else args.depth,
            through_hubs=args.through_hubs,
            query=query,
            params=params,
        )
    what = f"query {query.name}" if query is not None else f"{args.view or 'overview'} view"
    if args.focus is not None:
        what += f", around {args.focus}"
    if args.output == "-":
        out.write(render(network, to))
        where, stream = "stdout", err
    else:
        where, stream = str(write(network, args.output, to)), out
    stream.write(
        f"{where}: {network.number_of_nodes()} nodes, {network.number_of_edges()} edges ({what})\n"
    )
    return 0


_REPORT_FORMATS = ("text", "turtle", "json-ld")


@command(
    "validate",
    "Check the graph against the SHACL shapes; exit 1 on violations.",
    examples=(
        "summit-kg validate",
        "summit-kg validate --data summit.ttl",
        "summit-kg validate --data summit.ttl --shapes my-shapes.ttl --format turtle",
    ),
)
@data_options
@option(
    "--shapes",
    metavar="FILE",
    help="check against these SHACL shapes instead of ontology/shapes.ttl (any RDF suffix)",
)
@format_option(
    _REPORT_FORMATS,
    "text (default), or the W3C SHACL validation report as turtle or json-ld",
    default="text",
)
def _cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from kg.rdf.validation import read_shapes, validate

    shapes = read_shapes(args.shapes) if args.shapes is not None else None  # fails before loading
    with _open_graph(args, err) as graph:
        report = validate(graph.data(), graph.store.ontology(), shapes)
    if args.format != "text":
        from kg.rdf.namespaces import bind_prefixes

        assert report.graph is not None
        out.write(bind_prefixes(report.graph).serialize(format=args.format))
        return 0 if report.conforms else 1
    if report.conforms:
        where = args.shapes if args.shapes is not None else "ontology/shapes.ttl"
        out.write(f"conforms: the data meets every shape in {where}\n")
        return 0
    out.write(f"{len(report.violations)} violation(s):\n")
    for violation in report.violations:
        path = short_term(URIRef(violation.path)) if violation.path else ""
        out.write(f"  {short_term(URIRef(violation.focus))} {path}: {violation.message}\n")
    return 1


_LOOPBACK = ("127.0.0.1", "localhost", "::1")


@command(
    "serve",
    "Serve the graph read-only: a SPARQL 1.1 endpoint, the questions as web pages, "
    "Linked Data pages for every entity.",
    examples=(
        "summit-kg serve",
        "summit-kg serve --data articles/ --port 8080",
        "summit-kg serve --store oxigraph:summit.oxigraph --timeout 10",
    ),
)
@data_options
@option("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, loopback)")
@option("--port", type=_whole_number, default=8000, help="port (default: 8000; 0 picks a free one)")
@option(
    "--timeout",
    type=_seconds,
    default=DEFAULT_TIMEOUT,
    metavar="SECONDS",
    help=f"stop each query after this long (default {DEFAULT_TIMEOUT:g}; 0 for no limit)",
)
@option(
    "--max-rows",
    type=_positive_int,
    default=DEFAULT_MAX_ROWS,
    metavar="N",
    help=f"stop a SELECT after N rows (default {DEFAULT_MAX_ROWS})",
)
@option(
    "--cors",
    action="append",
    default=[],
    metavar="ORIGIN",
    help="let pages from ORIGIN query the endpoint (CORS; repeatable; default: none)",
)
def _cmd_serve(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import socket

    import uvicorn

    from kg.serve import create_app

    if args.host not in _LOOPBACK:
        err.write(
            f"{PROG}: warning: --host {args.host} is not loopback: anyone who can reach it "
            "can query the graph\n"
        )
    with _open_graph(args, err) as graph:
        listener = socket.socket(socket.AF_INET6 if ":" in args.host else socket.AF_INET)
        try:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind((args.host, args.port))
        except OSError as exc:
            listener.close()
            raise UsageError(f"cannot listen on {args.host}:{args.port}: {exc.strerror}") from None
        app = create_app(
            graph,
            timeout=args.timeout or None,
            max_rows=args.max_rows,
            cors_origins=args.cors or None,
        )
        port = listener.getsockname()[1]
        host = f"[{args.host}]" if ":" in args.host else args.host
        out.write(f"serving {len(graph)} triples at http://{host}:{port}/ (Ctrl-C stops)\n")
        out.flush()
        config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
        uvicorn.Server(config).run(sockets=[listener])
    return 0


# --- the entry point ------------------------------------------------------------------------


@contextlib.contextmanager
def _stdin_sources(args: argparse.Namespace) -> Iterator[None]:
    """``-`` among a command's sources (``build -``, ``--data -``) reads standard input."""
    from kg.loaders.sources import STDIN, spooled_stdin

    field = next(
        (name for name in ("sources", "data") if STDIN in (getattr(args, name, None) or ())),
        None,
    )
    if field is None:
        yield
        return
    if getattr(args, "query", None) == STDIN:
        raise UsageError("stdin can be read once: give the query or the data as a file")
    with spooled_stdin(list(getattr(args, field)), sys.stdin.buffer) as sources:
        setattr(args, field, sources)
        yield


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
        with _stdin_sources(args):
            return _COMMANDS[args.command].run(args, out, err)
    except KGError as exc:
        err.write(f"{PROG}: error: {printable(exc)}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        err.write(f"{PROG}: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the CLI edge: never a traceback for the user
        err.write(f"{PROG}: internal error: {type(exc).__name__}: {printable(exc)}\n")
        return 3
