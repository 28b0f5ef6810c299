"""The wheel carries its resources and works installed, away from the checkout.

One wheel is built per module from a copy of the repository (``python -m build
--wheel --no-isolation``: hatchling comes from the current environment, so no
network). The install test puts it in a fresh ``--system-site-packages`` venv
whose dependencies come from the current environment (a ``.pth`` file adds its
site-packages after the venv's own), then runs the installed ``summit-kg`` and
``python -m kg`` from an unrelated folder.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.support.paths import ROOT

COPY_IGNORE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "venv",
    "build",
    "dist",
    "__pycache__",
    "*.pyc",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    ".hypothesis",
    "*.egg-info",
    ".coverage",
    "htmlcov",
)
QUERY_NAMES = sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))


def _env() -> dict[str, str]:
    """The environment for child processes: nothing pointing back at the checkout."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PIP_", "COV_"))}
    env.update(PYTHONNOUSERSITE="1", PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INDEX="1")
    return env


def _run(
    argv: list[str | Path], cwd: Path, timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in argv],
        cwd=cwd,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _ok(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 0, f"{proc.args}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    return proc.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    shutil.copytree(ROOT, source, ignore=COPY_IGNORE)
    dist = work / "dist"
    _ok(
        _run(
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist, source],
            cwd=work,
        )
    )
    wheels = sorted(dist.glob("*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def wheel_files(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


@pytest.mark.parametrize(
    "member",
    [
        "kg/_data/ontology/summit.ttl",
        "kg/_data/ontology/shapes.ttl",
        "kg/_data/ontology/gazetteer.ttl",
        "kg/_data/data/alaska-summit-briefing.md",
        "kg/network/templates/view.html.j2",
        "kg/py.typed",
        "kg/__main__.py",
        *(f"kg/_data/queries/{name}.rq" for name in QUERY_NAMES),
    ],
)
def test_wheel_contains(wheel_files: set[str], member: str) -> None:
    assert member in wheel_files


def test_wheel_has_every_module_and_query_and_nothing_else(wheel_files: set[str]) -> None:
    modules = {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "kg").rglob("*.py")
        if "__pycache__" not in p.parts
    }
    assert modules <= wheel_files, sorted(modules - wheel_files)
    queries = {f.removeprefix("kg/_data/queries/") for f in wheel_files if "/_data/queries/" in f}
    assert queries == {f"{name}.rq" for name in QUERY_NAMES}
    assert not [f for f in wheel_files if f.startswith(("tests/", ".git", "benchmarks/"))]
    assert not [f for f in wheel_files if "__pycache__" in f or f.endswith(".pyc")]
    metadata = next(f for f in wheel_files if f.endswith(".dist-info/entry_points.txt"))
    assert metadata


def _site_packages(venv: Path) -> Path:
    proc = _run(
        [venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        cwd=venv,
    )
    return Path(_ok(proc).strip())


def _install(wheel: Path, venv: Path) -> None:
    """Install ``wheel`` without network: pip of this environment targets the new venv."""
    proc = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            venv / "bin" / "python",
            "install",
            "--no-deps",
            "--no-index",
            "--no-cache-dir",
            wheel,
        ],
        cwd=venv,
    )
    if proc.returncode != 0 and "no such option" in proc.stderr:  # pip < 22.3: use the venv's
        _ok(_run([venv / "bin" / "python", "-m", "ensurepip", "--default-pip"], cwd=venv))
        proc = _run(
            [venv / "bin" / "python", "-m", "pip", "install", "--no-deps", "--no-index", wheel],
            cwd=venv,
        )
    _ok(proc)


def test_installed_wheel_works_away_from_the_checkout(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _ok(
        _run(
            [sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", venv],
            tmp_path,
        )
    )
    site = _site_packages(venv)
    # dependencies from the current environment, searched after the venv's own site-packages
    here = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (site / "_summit_kg_test_deps.pth").write_text(
        "".join(f"import site; site.addsitedir({path!r})\n" for path in sorted(here)),
        encoding="utf-8",
    )
    _install(wheel, venv)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = venv / "bin" / "summit-kg"
    python = venv / "bin" / "python"
    assert script.is_file()

    where = _ok(
        _run(
            [
                python,
                "-c",
                "import kg, kg.resources as r; print(r.resource_dir('ontology')); "
                "print(r.resource_dir('queries')); print(r.default_sources()[0]); "
                "print(kg.__file__)",
            ],
            cwd=elsewhere,
        )
    ).splitlines()
    installed = (site / "kg").resolve()
    assert Path(where[0]).resolve() == installed / "_data" / "ontology"
    assert Path(where[1]).resolve() == installed / "_data" / "queries"
    assert Path(where[2]).resolve() == installed / "_data" / "data" / "alaska-summit-briefing.md"
    assert Path(where[3]).resolve() == installed / "__init__.py"
    assert not any(str(ROOT) in line for line in where)

    built = _ok(_run([script, "build"], cwd=elsewhere))
    assert built.startswith("1 document,") and "14 outcomes" in built

    answer = _ok(
        _run(
            [
                script,
                "query",
                "outcomes-by-topic",
                "--param",
                "topic=Cybersecurity",
                "--format",
                "csv",
            ],
            cwd=elsewhere,
        )
    )
    header, *rows = list(csv.reader(io.StringIO(answer)))
    assert len(rows) == 3
    assert {r[header.index("outcome")] for r in rows} == {
        "Strengthened Cyber Defenses",
        "Establishment of cyber norms",
        "Increased trust and fewer cyber incidents",
    }

    viz = _ok(_run([script, "viz", "-o", "v.html"], cwd=elsewhere))
    assert " nodes, " in viz
    assert (elsewhere / "v.html").stat().st_size > 0

    listing = _ok(_run([python, "-m", "kg", "queries"], cwd=elsewhere))  # piped: CSV
    assert [line.split(",")[0] for line in listing.splitlines()[1:]] == QUERY_NAMES

    assert sorted(p.name for p in elsewhere.iterdir()) == ["v.html"]
