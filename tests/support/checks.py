"""Checks shared by the command-line and reliability tests."""

from __future__ import annotations

import io
from pathlib import Path

from kg.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    """``summit-kg ARGV`` in-process: exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every path under ``folder`` with its bytes (None for folders)."""
    return {
        str(p.relative_to(folder)): None if p.is_dir() else p.read_bytes()
        for p in sorted(folder.rglob("*"))
    }
