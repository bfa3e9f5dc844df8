"""Markdown documents render as Markdown, and nothing planted in them can run."""
import re

import pytest

from archive.markdown_view import QuoteSpan, render


@pytest.mark.parametrize("source, expected", [
    ("Some **bold** and *emphasis*.", "<p>Some <strong>bold</strong> and <em>emphasis</em>.</p>"),
    ("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
    ("1. first\n2. second", "<ol>\n<li>first</li>\n<li>second</li>\n</ol>"),
    ("[a link](https://example.org/x)", '<p><a href="https://example.org/x" rel="noopener noreferrer nofollow">a link</a></p>'),
    ("| a | b |\n|---|---|\n| 1 | 2 |", "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>"),
    ("### A heading", "<h3>A heading</h3>"),
    ("plain 5 < 6 & 7 > 2", "<p>plain 5 &lt; 6 &amp; 7 &gt; 2</p>"),
])
def test_markdown_renders(source, expected):
    html, _ = render(source)
    assert str(html) == expected


@pytest.mark.parametrize("source", [
    "<script>alert(1)</script>",
    "text <SCRIPT src=//evil.example/x.js></SCRIPT>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](  javascript:alert(1) )",
    '<a href="javascript:alert(1)">x</a>',
    "<img src=x onerror=alert(1)>",
    '<p onclick="alert(1)">x</p>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "![x](javascript:alert(1))",
    '<iframe src="https://evil.example"></iframe>',
    '<svg onload=alert(1)><circle/></svg>',
    "<a href='data:text/html,<script>alert(1)</script>'>x</a>",
    '<form action="https://evil.example"><input name=q></form>',
    "<!-- <script>alert(1)</script> -->",
    '<span class="inline-quote" id="q-forged">forged</span>',
    "\ue000" + "0\ue001planted\ue002",
])
def test_planted_markup_cannot_run(source):
    html, placed = render(source)
    lowered = str(html).lower()
    for bad in ("<script", "javascript:", "onerror", "onclick", "onload", "<iframe", "<svg", "<img", "<form",
                "<input", "style=", "data:", 'id="q-forged"', "\ue000", "\ue002"):
        assert bad not in lowered
    assert not placed


def test_quotes_are_marked_in_place_with_their_anchor():
    text = 'She said "we are *very* sure" today.'
    start, end = text.index("we"), text.index('" today')
    html, placed = render(text, [QuoteSpan(start, end, "abc", highlighted=True)])
    assert placed == {"abc"}
    assert '<span class="inline-quote highlighted" id="q-abc">we are <em>very</em> sure</span>' in str(html)


def test_a_quote_that_would_not_nest_is_left_unmarked():
    text = "- first \"part\n- second part\" end"
    html, placed = render(text, [QuoteSpan(text.index("part"), text.index("\" end"), "xyz")])
    assert not placed and "q-xyz" not in str(html) and str(html).count("<li>") == 2
    assert not re.search("[\ue000-\ue002]", str(html))
