"""Open a page in headless Chromium and report what happened, with the stdlib only.

Talks the Chrome DevTools Protocol over ``--remote-debugging-pipe`` (file
descriptors 3 and 4, NUL-separated JSON), so it needs no websocket client,
Selenium or Playwright. Every wait has a deadline and the browser is killed
on the way out: a page that freezes cannot hang the tests. Used by
``tests/test_viz.py`` and ``benchmarks/bench_viz.py``.
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
        target = pipe.send("Target.createTarget", url="about:blank")["targetId"]
        session = pipe.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            pipe.send(f"{domain}.enable", session)
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

        def evaluate(expression: str) -> Any:
            reply = pipe.send(
                "Runtime.evaluate", session, expression=expression, returnByValue=True
            )
            if "exceptionDetails" in reply:
                raise BrowserError(f"{expression!r} threw: {reply['exceptionDetails']}")
            return reply["result"].get("value")

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
            if method == "Runtime.exceptionThrown":
                report.console_errors.append(json.dumps(params["exceptionDetails"])[:500])
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                report.console_errors.append(json.dumps(params.get("args"))[:500])
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                report.console_errors.append(params["entry"].get("text", "")[:500])
            elif method == "Network.requestWillBeSent":
                url = params["request"]["url"]
                if not url.startswith(_LOCAL_SCHEMES):
                    report.requests.append(url)
            elif method == "Page.javascriptDialogOpening":
                report.dialogs.append(params.get("message", ""))
        return report
    finally:
        pipe.close()
