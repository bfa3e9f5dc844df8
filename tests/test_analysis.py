"""The one-pass analyzer gives exactly the tokens of Whoosh's StemmingAnalyzer(stoplist=None) with the
Snowball stemmer, and its positions format exactly the postings of Whoosh's Positions."""
import pickle

from hypothesis import given, settings, strategies as st
from whoosh.analysis import StemmingAnalyzer
from whoosh.formats import Positions

from indexer.engine.analysis import StemmedWords, WordPositions, snowball_stem

WHOOSH = StemmingAnalyzer(stoplist=None, stemfn=snowball_stem)  # Whoosh's own seam for another stemmer
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


def postings(fmt, text):
    return list(fmt.word_values(text, OURS, mode="index"))


@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from([1.0, 1.5, 0.25]))
def test_same_postings_on_any_text(text, boost):
    assert postings(WordPositions(field_boost=boost), text) == postings(Positions(field_boost=boost), text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)), st.sampled_from([1.0, 1.5]))
def test_same_postings_on_any_ascii_text(text, boost):
    # ASCII text is lowered whole and split by findall (StemmedWords.stem_list): the same words.
    assert postings(WordPositions(field_boost=boost), text) == postings(Positions(field_boost=boost), text)
    assert OURS.stem_list(text) == [token[0] for token in tokens(WHOOSH, text)]


def test_same_postings_on_known_text():
    long_text = " ".join(f"w{n % 5000}" for n in range(9000))  # positions past the looked-up ones
    unique_words = " ".join(f"w{n}" for n in range(5000))  # each once, some past the looked-up positions
    for text in TEXTS + ["the cat and the hat and the bat the end", long_text, unique_words, "A.B.C. a.b.c. *x* X*Y"]:
        assert postings(WordPositions(), text) == postings(Positions(), text)
    assert postings(WordPositions(), "x y x")[0] == ("x", 2, 2.0, Positions().encode([0, 2]))
    # Another analyzer or a pre-split value takes Whoosh's own way.
    assert list(WordPositions().word_values(["a", "b"], WHOOSH)) == list(Positions().word_values(["a", "b"], WHOOSH))
