"""A Markdown document's passage shown as Markdown: rendered by `markdown`, then sanitised by `nh3`.

A document is untrusted: whatever Markdown or raw HTML it holds goes through nh3 with a short list
of tags and attributes, so a planted <script>, an onerror= or a javascript: link never reaches the
page. Quotes found in the passage are marked in place (for their anchors and highlighting) with
private-use characters set around them before rendering and turned into spans after sanitising;
a quote whose span would not nest (it crosses a list item or a table cell) is left unmarked and
the page lists it beside the passage instead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import markdown
import nh3
from markupsafe import Markup, escape

TAGS = {"p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "b", "i", "del", "s", "sub", "sup",
        "code", "pre", "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "abbr"}
ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
EXTENSIONS = ["tables", "sane_lists", "fenced_code"]

# Markers: U+E000 n U+E001 opens quote n, U+E002 closes it. Private-use characters in the text
# itself are dropped first, so a document cannot plant markers of its own.
OPEN, SEP, CLOSE = "\ue000", "\ue001", "\ue002"
_PRIVATE = re.compile("[\ue000-\ue002]")
_MARKED = re.compile(f"{OPEN}(\\d+){SEP}(.*?){CLOSE}", re.S)
_INLINE_TAG = re.compile(r"</?(em|strong|b|i|code|a|del|s|sub|sup|abbr)\b[^>]*>")
_LEFT_MARKERS = re.compile(f"{OPEN}\\d+{SEP}|{CLOSE}")


@dataclass(frozen=True)
class QuoteSpan:
    """A quote inside the passage: character offsets into the passage's text, and its citation id."""

    start: int
    end: int
    id: str
    highlighted: bool = False


def sanitise(html: str) -> str:
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel="noopener noreferrer nofollow", strip_comments=True)


def render(text: str, quotes: list[QuoteSpan] = ()) -> tuple[Markup, frozenset[str]]:
    """The passage's Markdown as safe HTML, and the ids of the quotes marked in it."""
    text = _PRIVATE.sub("", text)
    marked, pos, order = [], 0, []
    for quote in sorted(quotes, key=lambda q: q.start):
        if quote.start < pos or quote.end > len(text) or quote.start >= quote.end:
            continue
        marked += [text[pos:quote.start], f"{OPEN}{len(order)}{SEP}", text[quote.start:quote.end], CLOSE]
        order.append(quote)
        pos = quote.end
    marked.append(text[pos:])
    html = sanitise(markdown.markdown("".join(marked), extensions=EXTENSIONS, output_format="html"))
    placed: set[str] = set()

    def span(match: re.Match) -> str:
        quote, inner = order[int(match.group(1))], match.group(2)
        if not _nests(inner):
            return inner
        placed.add(quote.id)
        css = "inline-quote highlighted" if quote.highlighted else "inline-quote"
        return f'<span class="{css}" id="q-{escape(quote.id)}">{inner}</span>'

    html = _LEFT_MARKERS.sub("", _MARKED.sub(span, html))
    return Markup(html), frozenset(placed)


def _nests(inner: str) -> bool:
    """Whether a span around this HTML would be well formed: only inline tags, each one closed."""
    if _LEFT_MARKERS.search(inner):
        return False
    stripped = _INLINE_TAG.sub("", inner)
    if "<" in stripped:
        return False
    opened = [m.group(0).startswith("</") for m in _INLINE_TAG.finditer(inner)]
    return opened.count(True) == opened.count(False)


def render_inline(text: str) -> Markup:
    """A heading's Markdown (emphasis, links, code) without the paragraph around it."""
    html, _ = render(text)
    inner = re.fullmatch(r"<p>(.*)</p>", str(html), re.S)
    return Markup(inner.group(1)) if inner else html
