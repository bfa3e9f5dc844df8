"""Snippets mark every word whose stem the query asks for, escaped, around the first of them."""
import re

import pytest
from markupsafe import escape

from indexer.engine.snippets import _ANALYZER, highlight_snippet

ANALYZED = lambda text: frozenset(_ANALYZER.stem_list(text))  # noqa: E731  the query's stems, as the index has them


@pytest.mark.parametrize("text, query, expected", [
    ("The winning team won.", "win", "The <mark>winning</mark> team won."),
    ("Planning ahead: PLANS and a planner.", "plan", "<mark>Planning</mark> ahead: <mark>PLANS</mark> and a planner."),
    ("Tom & Jerry <said> no.", "said", "Tom &amp; Jerry &lt;<mark>said</mark>&gt; no."),
    ("U.S. officials met.", "u.s", "<mark>U.S</mark>. officials met."),
    ("Nothing here matches.", "harbour", None),
    ("", "harbour", None),
])
def test_marks_every_word_with_the_querys_stem(text, query, expected):
    snippet = highlight_snippet(text, ANALYZED(query))
    assert (str(snippet) if snippet is not None else None) == expected


def test_no_terms_no_snippet():
    assert highlight_snippet("The winning team.", frozenset()) is None


def test_a_long_text_is_cut_around_the_first_mark():
    text = " ".join(["filler"] * 200) + " the harbour closed " + " ".join(["after"] * 200)
    snippet = str(highlight_snippet(text, ANALYZED("harbour")))
    assert snippet.startswith("… ") and snippet.endswith(" …") and "<mark>harbour</mark>" in snippet
    assert len(re.sub(r"</?mark>", "", snippet)) <= 300 + 4


@pytest.mark.parametrize("text", [
    "Ça va? Señor Núñez said the co-operative's 3.5% rise was 'unlikely'.",
    "İstanbul's mayor—and the council—said: \"no\"; ÆSIR and straße.",
    "e.g. the U.N.'s 2,000 troops, said officials.",
    # ASCII texts are read with the pattern compiled for ASCII: the same words, underscores,
    # digits, dots and asterisks included
    "snake_case and CamelCase 3.14.15 a*b wild** said_so, Dots...between words.And..more _x_ 9",
    "The café said: cafe, CAFÉ and Café are one word twice over.",
])
def test_marks_the_words_the_analyzer_finds(text):
    for stem in set(_ANALYZER.stem_list(text)):
        expected = [(a, b) for s, a, b in _ANALYZER.stems(text) if s == stem]
        snippet = str(highlight_snippet(text, frozenset([stem]), width=10_000))
        marked = [m.group(1) for m in re.finditer(r"<mark>(.*?)</mark>", snippet)]
        assert len(marked) == len(expected), stem


@pytest.mark.parametrize("text", [
    "Ships waited. The harbour-master said the U.S. ships' 3.5 knots were 'slow', said_he.",
    "Réunion's harbour: the maître d' said 2,000 ships; harbour_master a*b*c.",
])
def test_marks_are_exactly_the_analyzers_words(text):
    """Every word the analyzer reads with a stem is marked at the analyzer's own offsets, ASCII or not."""
    for stem in set(_ANALYZER.stem_list(text)):
        expected = [text[a:b] for s, a, b in _ANALYZER.stems(text) if s == stem]
        snippet = str(highlight_snippet(text, frozenset([stem]), width=10_000))
        marked = [m.group(1) for m in re.finditer(r"<mark>(.*?)</mark>", snippet)]
        assert [str(escape(word)) for word in expected] == marked, stem


STEMS = lambda text: tuple(_ANALYZER.stem_list(text))  # noqa: E731  a phrase's stems, in order


@pytest.mark.parametrize("text, words, phrases, expected", [
    ("A pay rise. Harbour pay is due.", "", ["harbour pay"], "A pay rise. <mark>Harbour</mark> <mark>pay</mark> is due."),
    # punctuation between the words does not part them, as it does not in the phrase search
    ("Pay the harbour. Pay again.", "", ["harbour pay"], "Pay the <mark>harbour</mark>. <mark>Pay</mark> again."),
    ("Ships paid harbours, ships paying.", "ship", ["harbour pay"],
     "<mark>Ships</mark> paid harbours, <mark>ships</mark> paying."),
    ("The three harbour pilots' pay.", "", ["harbour pilot pay"],
     "The three <mark>harbour</mark> <mark>pilots</mark>&#39; <mark>pay</mark>."),
    # negative cases: the words apart, or in another order, are not the phrase
    ("Pay at the harbour was low.", "", ["harbour pay"], None),
    ("Harbour fees and pay.", "", ["harbour pay"], None),
    ("Harbour fees and pay.", "pay", ["harbour pay"], "Harbour fees and <mark>pay</mark>."),
])
def test_a_phrase_is_marked_only_where_its_words_stand_together(text, words, phrases, expected):
    snippet = highlight_snippet(text, ANALYZED(words) if words else frozenset(),
                                phrases=frozenset(STEMS(p) for p in phrases))
    assert (str(snippet) if snippet is not None else None) == expected
