"""Open a page in headless Chromium and report what happened, with the stdlib only.

Talks the Chrome DevTools Protocol over ``--remote-debugging-pipe`` (file
descriptors 3 and 4, NUL-separated JSON), so it needs no websocket client,
Selenium or Playwright. Every wait has a deadline and the browser is killed
on the way out: a page that freezes cannot hang the tests. Used by
``tests/test_viz.py`` and ``benchmarks/bench_viz.py``; :func:`browse` walks
through pages of a local server (``tests/serve``).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = next(
    (path for name in ("chromium", "chromium-browser") if (path := shutil.which(name))), None
)
_LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")


class BrowserError(RuntimeError):
    """Raised when Chromium cannot be started, answers an error, or misses a deadline."""


@dataclass
class PageReport:
    """What a page did in the browser."""

    result: dict[str, Any]
    """The value of the ``probe`` expression (JSON), or {} if there was none."""
    ready_ms: float | None
    """Milliseconds from navigation start to vis-network's first drawing."""
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    """URLs requested that are not local (file:, data:, about:, blob:)."""
    dialogs: list[str] = field(default_factory=list)
    screenshot: bytes | None = None


class _Pipe:
    def __init__(self, timeout: float) -> None:
        if CHROMIUM is None:
            raise BrowserError("chromium is not installed")
        self.deadline = time.monotonic() + timeout
        self.profile = tempfile.mkdtemp(prefix="kg-chromium-")
        cmd_r, self.cmd_w = os.pipe()
        self.res_r, res_w = os.pipe()
        # Chromium reads commands from fd 3 and writes replies to fd 4. A tiny Python
        # trampoline moves the pipe ends there and execs the browser (no preexec_fn,
        # which is unsafe in a process with threads).
        trampoline = (
            "import fcntl, os, sys\n"
            "a, b = (fcntl.fcntl(int(fd), fcntl.F_DUPFD, 10) for fd in sys.argv[1:3])\n"
            "os.dup2(a, 3); os.dup2(b, 4); os.close(a); os.close(b)\n"
            "os.execv(sys.argv[3], sys.argv[3:])\n"
        )
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                trampoline,
                str(cmd_r),
                str(res_w),
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--no-first-run",
                "--no-default-browser-check",
                "--remote-debugging-pipe",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(cmd_r, res_w),
        )
        os.close(cmd_r)
        os.close(res_w)
        self.messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.events: list[dict[str, Any]] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        buffer = b""
        while True:
            try:
                chunk = os.read(self.res_r, 1 << 20)
            except OSError:
                chunk = b""
            if not chunk:
                self.messages.put(None)
                return
            buffer += chunk
            *whole, buffer = buffer.split(b"\0")
            for raw in whole:
                self.messages.put(json.loads(raw))

    def left(self) -> float:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise BrowserError("the browser missed its deadline (a frozen page?)")
        return remaining

    def _take(self) -> dict[str, Any]:
        try:
            message = self.messages.get(timeout=self.left())
        except queue.Empty:
            raise BrowserError("the browser missed its deadline (a frozen page?)") from None
        if message is None:
            raise BrowserError("chromium closed the DevTools pipe")
        return message

    def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session
        os.write(self.cmd_w, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._take()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})  # type: ignore[no-any-return]
            self.events.append(reply)

    def wait_for(self, method: str) -> dict[str, Any]:
        for event in self.events:
            if event.get("method") == method:
                return event
        while True:
            event = self._take()
            self.events.append(event)
            if event.get("method") == method:
                return event

    def pump(self, seconds: float) -> None:
        """Collect events for ``seconds`` (or until the deadline)."""
        end = min(time.monotonic() + seconds, self.deadline)
        while (remaining := end - time.monotonic()) > 0:
            try:
                message = self.messages.get(timeout=remaining)
            except queue.Empty:
                return
            if message is None:
                return
            self.events.append(message)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.cmd_w)
        if self.proc.poll() is None:
            self.proc.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=10)
        with contextlib.suppress(OSError):
            os.close(self.res_r)
        shutil.rmtree(self.profile, ignore_errors=True)


def _new_tab(pipe: _Pipe) -> str:
    """Open a blank tab with the page, script, log and network events on; its session id."""
    target = pipe.send("Target.createTarget", url="about:blank")["targetId"]
    session: str = pipe.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
    for domain in ("Page", "Runtime", "Log", "Network"):
        pipe.send(f"{domain}.enable", session)
    return session


def _evaluator(pipe: _Pipe, session: str) -> Callable[[str], Any]:
    """A function that runs a JavaScript expression in the tab and returns its value."""

    def evaluate(expression: str) -> Any:
        reply = pipe.send("Runtime.evaluate", session, expression=expression, returnByValue=True)
        if "exceptionDetails" in reply:
            raise BrowserError(f"{expression!r} threw: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    return evaluate


def _console_error(method: str | None, params: dict[str, Any]) -> str | None:
    """The text of a DevTools event that reports a script error, else ``None``."""
    if method == "Runtime.exceptionThrown":
        return json.dumps(params["exceptionDetails"])[:500]
    if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
        return json.dumps(params.get("args"))[:500]
    if method == "Log.entryAdded" and params["entry"].get("level") == "error":
        return str(params["entry"].get("text", ""))[:500]
    return None


def open_page(
    path: Path,
    *,
    probe: str | None = None,
    timeout: float = 60.0,
    screenshot: bool = False,
    size: tuple[int, int] = (1400, 900),
    settle: float = 0.3,
) -> PageReport:
    """Load ``path`` in headless Chromium, wait until vis-network drew, run ``probe``.

    ``probe`` is a JavaScript expression whose value is returned as JSON
    (``window.kgView`` holds the network and its DataSets).

    Raises:
        BrowserError: chromium is missing, fails, or the page is not drawn by the deadline.
    """
    pipe = _Pipe(timeout)
    try:
        session = _new_tab(pipe)
        width, height = size
        pipe.send(
            "Emulation.setDeviceMetricsOverride",
            session,
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        pipe.send("Page.navigate", session, url=path.resolve().as_uri())
        pipe.wait_for("Page.loadEventFired")

        evaluate = _evaluator(pipe, session)

        ready = None
        while pipe.left():
            ready = evaluate("window.kgView ? window.kgView.drawnAt : -1")
            if ready is not None and ready != -1:
                break
            if ready == -1 and evaluate("document.getElementById('kg-data') === null"):
                ready = None  # an empty-graph page: nothing to draw
                break
            pipe.pump(0.05)
        pipe.pump(settle)
        result = json.loads(evaluate(f"JSON.stringify({probe})")) if probe else {}
        shot = None
        if screenshot:
            shot = base64.b64decode(pipe.send("Page.captureScreenshot", session)["data"])
        pipe.pump(0.05)
        report = PageReport(result=result, ready_ms=ready, screenshot=shot)
        for event in pipe.events:
            method, params = event.get("method"), event.get("params", {})
            error = _console_error(method, params)
            if error is not None:
                report.console_errors.append(error)
            elif method == "Network.requestWillBeSent":
                url = params["request"]["url"]
                if not url.startswith(_LOCAL_SCHEMES):
                    report.requests.append(url)
            elif method == "Page.javascriptDialogOpening":
                report.dialogs.append(params.get("message", ""))
        return report
    finally:
        pipe.close()


@dataclass
class BrowseReport:
    """What a walk through a site did: each step's value, where it ended, what went wrong."""

    results: list[Any] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    """``location.href`` after each step (the first: after the first page loaded)."""
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    """Every URL requested, in order."""


def _loads(pipe: _Pipe) -> int:
    return sum(1 for event in pipe.events if event.get("method") == "Page.loadEventFired")


def browse(url: str, steps: list[tuple[str, bool]], *, timeout: float = 60.0) -> BrowseReport:
    """Open ``url`` in headless Chromium and run ``steps``: (JavaScript expression, navigates).

    Each expression's value (JSON) is kept; a step that navigates (a click on a
    link, a form submitted) is followed by a wait for the next page's load event.

    Raises:
        BrowserError: chromium is missing, fails, a step throws or a page misses the deadline.
    """
    pipe = _Pipe(timeout)
    report = BrowseReport()
    try:
        session = _new_tab(pipe)

        evaluate = _evaluator(pipe, session)

        def wait_for_load(seen: int) -> None:
            while _loads(pipe) <= seen:
                pipe.pump(0.05)
                pipe.left()

        seen = _loads(pipe)
        pipe.send("Page.navigate", session, url=url)
        wait_for_load(seen)
        report.locations.append(evaluate("location.href"))
        for expression, navigates in steps:
            seen = _loads(pipe)
            report.results.append(evaluate(expression))
            if navigates:
                wait_for_load(seen)
            report.locations.append(evaluate("location.href"))
        pipe.pump(0.2)
        for event in pipe.events:
            method, params = event.get("method"), event.get("params", {})
            error = _console_error(method, params)
            if error is not None:
                report.console_errors.append(error)
            elif method == "Network.requestWillBeSent":
                report.requests.append(params["request"]["url"])
        return report
    finally:
        pipe.close()
