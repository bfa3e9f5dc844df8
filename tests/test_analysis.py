"""The one-pass analyzer gives exactly the tokens of Whoosh's StemmingAnalyzer(stoplist=None)."""
import pickle

from hypothesis import given, settings, strategies as st
from whoosh.analysis import StemmingAnalyzer

from indexer.analysis import StemmedWords

WHOOSH = StemmingAnalyzer(stoplist=None)
OURS = StemmedWords()


def tokens(analyzer, text, **options):
    return [(t.text, t.pos, t.startchar, t.endchar, getattr(t, "original", None), t.boost, t.stopped)
            for t in analyzer(text, positions=True, chars=True, **options)]


TEXTS = ["", "The regime's abuses were 'endemic,' Roth said.", "U.S. officials — 3.5% of G7.doc — run, running, ran",
         "Ärzte ohne Grenzen: «ça va» 北朝鮮 naïve café", "a\u00a0b\tc\nd", "x" * 300]


def test_same_tokens_on_known_text():
    for text in TEXTS:
        for mode in ("index", "query"):
            assert tokens(OURS, text, mode=mode) == tokens(WHOOSH, text, mode=mode)
            assert tokens(OURS, text, keeporiginal=True, start_pos=4, start_char=9) == \
                tokens(WHOOSH, text, keeporiginal=True, start_pos=4, start_char=9)
        assert tokens(OURS, text, tokenize=False) == tokens(WHOOSH, text, tokenize=False)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_same_tokens_on_any_text(text):
    assert tokens(OURS, text) == tokens(WHOOSH, text)


def test_survives_the_schema_pickle():
    again = pickle.loads(pickle.dumps(OURS))
    assert again == OURS and tokens(again, TEXTS[1]) == tokens(WHOOSH, TEXTS[1])
