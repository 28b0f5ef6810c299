"""A clean line → the kind of page furniture it is (byline, share bar, advert…), or ``None``.

Coverage copied from the web carries bylines, share bars, breadcrumbs,
adverts, "Related" links, date lines, tickers and footers between the
paragraphs. The word lists here are the parser's own data: the block reader
skips every line :func:`noise_kind` names, with a warning that names the line.

Examples:
    >>> noise_kind("Stay tuned for further coverage as the talks progress.")
    'footer'
    >>> noise_kind("Leaders met in Oslo on Tuesday.") is None
    True
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["WIDGET_TITLES", "credit_kind", "glued_widget", "noise_kind"]

_NOISE_EXACT = {
    "advertisement": "advert",
    "advertisements": "advert",
    "sponsored": "advert",
    "sponsored content": "advert",
    "ad": "advert",
    "comments": "comments",
    "latest": "navigation",
    "latest news": "navigation",
    "trending": "navigation",
    "hot posts": "navigation",
    "top stories": "navigation",
    "menu": "navigation",
    "search": "navigation",
    "home": "navigation",
    "share": "share bar",
    "share this": "share bar",
    "related": "related",
    "tags": "related",
    "print": "share bar",
    "listen": "share bar",
    "subscribe": "advert",
    "cancel reply": "comments",
    "website": "comments",
    "impact shorts": "widget",
    "more shorts": "widget",
    "shorts": "widget",
    "most read": "widget",
    "most popular": "widget",
    "must read": "widget",
    "editor's picks": "widget",
    "editor’s picks": "widget",
    "watch": "widget",
    "watch now": "widget",
    "article ad box": "advert",
    "ad box": "advert",
    "advertisement - scroll to continue": "advert",
    "back to library": "navigation",
    "back to top": "navigation",
    "go to comments": "navigation",
    "listen to article": "share bar",
    "save": "share bar",
    "image source": "caption",
    "image caption": "caption",
    "media caption": "caption",
}
_NOISE_PREFIXES = (
    ("stay tuned", "footer"),
    ("stay connected", "footer"),
    ("skip to content", "navigation"),
    ("skip to main", "navigation"),
    ("jump to", "navigation"),
    ("browsing:", "navigation"),
    ("share this", "share bar"),
    ("share on ", "share bar"),
    ("share:", "share bar"),
    ("related:", "related"),
    ("related posts", "related"),
    ("related articles", "related"),
    ("related stories", "related"),
    ("related coverage", "related"),
    ("related news", "related"),
    ("related reading", "related"),
    ("read also", "related"),
    ("also read", "related"),
    ("read more", "related"),
    ("see also:", "related"),
    ("you may also like", "related"),
    ("recommended for you", "related"),
    ("more from ", "related"),
    ("read the full article", "footer"),
    ("read the full story", "footer"),
    ("leave a reply", "comments"),
    ("leave a comment", "comments"),
    ("your email address will not be published", "comments"),
    ("save my name, email", "comments"),
    ("reference:", "footer"),
    ("references:", "footer"),
    ("reference(s):", "footer"),
    ("source:", "footer"),
    ("sources:", "footer"),
    ("©", "footer"),
    ("(c) 20", "footer"),
    ("copyright", "footer"),
    ("all rights reserved", "footer"),
    ("tags:", "related"),
    ("filed under", "related"),
    ("follow us", "share bar"),
    ("sign up for", "advert"),
    ("subscribe to", "advert"),
    ("continue reading", "advert"),
    ("story continues below", "advert"),
    ("scroll to continue", "advert"),
    ("click here", "advert"),
    ("listen to this article", "share bar"),
    ("updated:", "byline"),
    ("published:", "byline"),
    ("posted on", "byline"),
    ("posted:", "byline"),
    ("last updated", "byline"),
    ("last modified", "byline"),
    ("first published", "byline"),
    ("reporting by ", "byline"),
    ("additional reporting by ", "byline"),
    ("edited by ", "byline"),
    ("written by ", "byline"),
    ("compiled by ", "byline"),
    ("prepared by ", "byline"),
    ("lead author", "byline"),
    ("author:", "byline"),
    ("authors:", "byline"),
    ("photo caption", "caption"),
    ("image source,", "caption"),
    ("image source:", "caption"),
    ("image caption,", "caption"),
    ("image caption:", "caption"),
    ("media caption,", "caption"),
    ("photograph:", "caption"),
    ("caption:", "caption"),
    ("photo:", "caption"),
    ("photo credit", "caption"),
    ("image:", "caption"),
    ("image credit", "caption"),
    ("file photo", "caption"),
    ("(photo", "caption"),
    ("(image", "caption"),
    ("(ap photo", "caption"),
)
_NOISE_PREFIX_STRINGS = tuple(prefix for prefix, _ in _NOISE_PREFIXES)
_SHARE_SEPARATOR = re.compile(r"\s*[|•·,/]\s*|\s+")
_SOCIAL = frozenset(
    "facebook twitter x linkedin whatsapp telegram reddit email e-mail print pinterest "
    "tumblr messenger flipboard share copy link threads bluesky mastodon instagram youtube "
    "tiktok rss".split()
)
_BYLINE = re.compile(r"^by\s+\S+(?:\s+\S+){0,4}?\s*(?:$|[|•·]|[–—]\s*\w)", re.IGNORECASE)
_BYLINE_NAME = re.compile(r"^[Bb][Yy]\s+[A-Z]")
_READING_TIME = re.compile(r"\b\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read\b", re.IGNORECASE)
_CRAWLER_DATE = re.compile(r"^date\s+\d{4}-\d{2}-\d{2}\b", re.IGNORECASE)
_DATE_LINE = re.compile(
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})(?:[\s,]+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?"
    r"(?:\s+[A-Z]{2,4})?)?$",
    re.IGNORECASE,
)
_STAMP = re.compile(
    r"(?:(?:first|last|originally)\s+)?(?:published|updated|posted|modified)(?:\s+on)?:?\s+",
    re.IGNORECASE,
)
_BREADCRUMB_SEP = re.compile(r"\s*(?:›|»|▸|▶|→|>|/|\\)\s*")
_TICKER = re.compile(
    r"\b[A-Z]{2,6}(?:/[A-Z]{2,6})?\s*[$€£]?\d[\d,.]*\s*[▲▼+\-−]?\s*\d*[.,]?\d*\s*%"
)


@lru_cache(maxsize=4096)  # pure; the block reader and its look-aheads ask about a line again
def noise_kind(line: str) -> str | None:
    """What kind of page furniture a (clean) line is, or ``None`` for content.

    The rules are tried in order; the first that names the line wins. A line
    of more than 30 words is only checked against the listed phrases and the
    ticker: the other rules read short lines.

    Examples:
        >>> noise_kind("By Jane Roe | Updated Aug 3, 2025 | 5 min read")
        'byline'
        >>> noise_kind("Facebook | X | LinkedIn")
        'share bar'
        >>> noise_kind("HOME › WORLD › EUROPE"), noise_kind("Desk ▸ Latin America ▸ Security")
        ('breadcrumb', 'breadcrumb')
        >>> noise_kind("By Friday, the talks will have ended.") is None
        True
    """
    text = line.strip()
    if not text:
        return None
    if text.count(" ") > _SHORT_LINE_SPACES:
        return _listed(text) or (_ticker(text) if "%" in text else None)
    for rule in _RULES:
        kind = rule(text)
        if kind is not None:
            return kind
    return None


def _listed(text: str) -> str | None:
    """A line that is, or starts with, one of the listed furniture phrases."""
    lowered = text.lower().lstrip("([*_")  # "(Reporting by …)", "*Prepared by …*": credits
    bare = lowered.strip(" .:!|•·-–—*#")
    if bare in _NOISE_EXACT:
        return _NOISE_EXACT[bare]
    if lowered.startswith(_NOISE_PREFIX_STRINGS):
        for prefix, kind in _NOISE_PREFIXES:
            if lowered.startswith(prefix):
                return kind
    if "all rights reserved" in lowered:
        return "footer"
    return None


def _byline(text: str) -> str | None:
    """``By Jane Roe | Aug 3``, a short line that gives a reading time, or short cells between
    pipes one of which is a date (``Explainer | 8 May 2026 | Middle East desk``).

    Examples:
        >>> _byline("Explainer | 8 May 2026 | Middle East desk")
        'byline'
        >>> _byline("Trade | Tariffs | Steel") is None
        True
    """
    count = len(text.split())
    if count <= 24 and _READING_TIME.search(text):
        return "byline"
    if _BYLINE_NAME.match(text) and count <= 14 and _BYLINE.match(text):
        return "byline"
    if count <= _DATED_CELLS_WORDS and text.count("|") >= 2 and not text.startswith("|"):
        cells = [c.strip(" *_") for c in text.split("|")]  # not a table row: no outer pipes
        if any(_DATE_LINE.match(c) for c in cells if c):
            return "byline"
    return None


_DATED_CELLS_WORDS = 16


def _date_line(text: str) -> str | None:
    """A line that is only a date (and a time), or a publication stamp with its date.

    Examples:
        >>> _date_line("Published 16 March 2026"), _date_line("Updated on Aug. 3, 2025 10:15")
        ('byline', 'byline')
        >>> _date_line("Published plans for the summit") is None
        True
    """
    if _CRAWLER_DATE.match(text) or _DATE_LINE.match(text):
        return "date line"
    stamp = _STAMP.match(text)
    if stamp is not None and _DATE_LINE.match(text[stamp.end() :]):
        return "byline"
    return None


def _share_bar(text: str) -> str | None:
    """Two or more social-network names and nothing else."""
    tokens = [t for t in _SHARE_SEPARATOR.split(text.lower()) if t]
    if len(tokens) >= 2 and all(t.strip(":") in _SOCIAL for t in tokens):
        return "share bar"
    return None


def _breadcrumb(text: str) -> str | None:
    """``Home › World › Europe``: short parts between ``›``, ``»`` (or ``/``… after "Home")."""
    count = len(text.split())
    marked = count <= 14 and any(mark in text for mark in "›»▸▶")
    from_home = count <= 10 and text.lower().startswith("home") and _BREADCRUMB_SEP.search(text)
    if marked or from_home:
        parts = [p for p in _BREADCRUMB_SEP.split(text) if p]
        if len(parts) >= 2 and all(len(p.split()) <= 4 for p in parts):
            return "breadcrumb"
    return None


def _ticker(text: str) -> str | None:
    """Two or more market quotes (``EUR/USD 1.08 ▲ 0.3%``)."""
    return "ticker" if len(_TICKER.findall(text)) >= 2 else None


_RULES = (_listed, _byline, _date_line, _share_bar, _breadcrumb, _ticker)
_SHORT_LINE_SPACES = 30
"""Bylines, date lines, share bars and breadcrumbs are short (see each rule's limit)."""


# --- captions and credits (read on the source line, before cleaning drops the credit) -------

_AGENCY = (
    r"(?:AFP|REUTERS|Reuters|AP|AP Photo|EPA|EPA-EFE|Getty Images|Xinhua|Bloomberg|Anadolu|"
    r"Kyodo|Yonhap|TASS|Sputnik|ANI|PTI|Pool|Shutterstock|Alamy|DPA|dpa|KCNA)"
)
_CREDIT_ALONE = re.compile(
    rf"^\(?\s*(?:(?:photo|image|picture|file)s?\s*[:/]?\s*)?{_AGENCY}"
    rf"(?:\s*(?:/|via|,)\s*(?:{_AGENCY}|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}))*\s*\)?$",
    re.IGNORECASE,
)
# a caption ends with its credit after a stop or a bar; a sentence with "(Photo: …)" is prose
_CREDIT_END = re.compile(
    rf"(?:(?:[.!?)]\s+|\s[-–—|]\s*|\s/\s*)(?:Photo(?:graph)?|Image|Picture|Credit)s?\s*:"
    rf"\s*[^.()]{{1,60}}|(?:[.!?)]\s+|\(\s*|\s[-–—|]\s*|\s/\s*){_AGENCY}(?:\s+Photo)?"
    rf"(?:\s*(?:/|via)\s*[\w .'’-]{{1,40}})?\s*\)?)$"
)
_CAPTION_WORDS = 35
_IMAGE_LINE = re.compile(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,500}\)$")

#: Widget titles a page shows between paragraphs; copied text often glues one to the next line.
WIDGET_TITLES = (
    "Impact Shorts",
    "More Shorts",
    "Also Read",
    "Read More",
    "Read Also",
    "Most Read",
    "Must Read",
    "Top Stories",
    "Related Stories",
    "Related Articles",
    "Related",
    "Recommended",
    "Trending",
    "ARTICLE AD BOX",
    "Advertisement",
    "ADVERTISEMENT",
)


def credit_kind(source_line: str) -> str | None:
    """``"caption"`` for a photo caption or an agency credit, read on the *source* line.

    Cleaning removes ``(Photo: …)`` credits, so the line is judged before it:
    a credit alone ("AFP via Getty Images"), or a short line that ends with one
    ("Leaders at the 2019 summit in Osaka. REUTERS/Kim Lee").

    Examples:
        >>> credit_kind("AFP via Getty Images"), credit_kind("Xi and Biden in 2023. Photo: AP")
        ('caption', 'caption')
        >>> credit_kind("![Leaders at the 2019 summit](summit-2019.jpg)")
        'caption'
        >>> credit_kind("The talks ended, according to AFP.") is None
        True
        >>> credit_kind("Erdoğan will host the talks next week. (Photo: Press Office)") is None
        True
    """
    text = source_line.strip().strip("*_ ")
    if _IMAGE_LINE.match(text):
        return "caption"  # "![Leaders at the 2019 summit](photo.jpg)": an image and its alt text
    if not text or len(text.split()) > _CAPTION_WORDS:
        return None
    if _CREDIT_ALONE.match(text) or _CREDIT_END.search(text):
        return "caption"
    return None


def glued_widget(source_line: str) -> str | None:
    """The widget title glued to the start of a line ("More ShortsSecurity guarantees"), if any.

    Examples:
        >>> glued_widget("More ShortsSecurity guarantees for Ukraine")
        'More Shorts'
        >>> glued_widget("More Shorts are coming") is None
        True
    """
    text = source_line.lstrip()
    for title in WIDGET_TITLES:
        if text.startswith(title):
            rest = text[len(title) :]
            if rest[:1].isupper() or rest[:1].isdigit():
                return title
    return None
