"""An HTML page as the browser would see its elements, plus the view's JSON data block."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any


class Page(HTMLParser):
    """Collects what the browser would see as elements, plus the JSON data block."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, str] = {}
        self._open: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open = dict(attrs).get("id") or tag

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self.text[self._open] = self.text.get(self._open, "") + data

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def count(self, tag: str) -> int:
        return sum(1 for name, _ in self.tags if name == tag)

    def data(self) -> dict[str, Any]:
        return json.loads(self.text["kg-data"])  # type: ignore[no-any-return]

    def legend(self) -> dict[str, str | None]:
        return {
            attrs["data-cls"] or "": attrs.get("checked")
            for name, attrs in self.tags
            if name == "input" and "data-cls" in attrs
        }
