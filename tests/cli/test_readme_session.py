"""The README's command-line session is real: each command, run in-process, prints what it shows.

The session is the ``console`` block under the README's "Command line" heading:
``$ summit-kg …`` lines are commands, the lines up to the next ``$`` are what the
command prints (stderr, then stdout; CSV's CRLF line ends shown as a terminal
shows them). Commands run through ``kg.cli.main`` in an
empty folder, one after the other, so a later one can read a file an earlier one
wrote.
"""

from __future__ import annotations

import io
import re
import shlex
from pathlib import Path

import pytest

from kg.cli import main
from tests.support.paths import ROOT

README = ROOT / "README.md"
PROMPT = "$ "


def session_block(text: str, heading: str = "## Command line") -> str:
    """The first ``console`` block after ``heading``."""
    start = text.index(heading)
    match = re.search(r"^```console\n(.*?)^```$", text[start:], flags=re.MULTILINE | re.DOTALL)
    assert match, f"no console block under {heading!r}"
    return match.group(1)


def commands(block: str) -> list[tuple[str, str]]:
    """``(command line, expected output)`` pairs of a console block."""
    pairs: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith(PROMPT):
            pairs.append((line[len(PROMPT) :], []))
        else:
            assert pairs, f"output before the first command: {line!r}"
            pairs[-1][1].append(line)
    return [(command, "".join(f"{line}\n" for line in lines)) for command, lines in pairs]


SESSION = commands(session_block(README.read_text(encoding="utf-8")))


def test_the_session_shows_summit_kg_commands_only() -> None:
    assert SESSION, "the README's session is empty"
    for command, _ in SESSION:
        assert shlex.split(command)[0] == "summit-kg", command


def test_each_command_prints_what_the_readme_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for command, expected in SESSION:
        out, err = io.StringIO(), io.StringIO()
        code = main(shlex.split(command)[1:], out=out, err=err)
        assert code == 0, f"{command}: exit {code}: {err.getvalue()}"
        shown = (err.getvalue() + out.getvalue()).replace("\r\n", "\n")
        assert shown == expected, command
