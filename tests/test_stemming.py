"""Snowball (Porter2) stems: doubled consonants removed, every inflected form found, old indexes rebuilt."""
import re
from pathlib import Path

import pytest

from indexer.engine import SearchEngine, SearchRequest
from indexer.engine import index_format, schema
from indexer.engine.analysis import StemmedWords
from indexer.ingest import ingest

SNOWBALL = StemmedWords()
PORTER = StemmedWords(stemmer="porter")
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def stem(word: str) -> str:
    return SNOWBALL.stem_list(word)[0]


# (word, word): the same stem when `same`, different stems otherwise.
STEM_PAIRS = [
    ("win", "winning", True), ("win", "wins", True), ("plan", "planning", True), ("plan", "planned", True),
    ("stop", "stopped", True), ("stop", "stopping", True), ("run", "running", True), ("abuse", "abuses", True),
    ("abused", "abuses", True), ("Committed", "commit", True), ("hoping", "hope", True),
    # Negative cases: irregular forms are a dictionary's job, not a stemmer's; nor are unrelated words merged.
    ("win", "won", False), ("run", "ran", False), ("plan", "planet", False), ("hop", "hoping", False),
    ("stop", "store", False), ("new", "news", False),
]


@pytest.mark.parametrize("first, second, same", STEM_PAIRS)
def test_stem_table(first, second, same):
    assert (stem(first) == stem(second)) is same


@pytest.mark.parametrize("word, snowball, porter", [("winning", "win", "winn"), ("planning", "plan", "plann"),
                                                   ("stopped", "stop", "stopp"), ("generously", "generous", "gener")])
def test_snowball_stems_where_whoosh_porter_left_doubles(word, snowball, porter):
    assert (stem(word), PORTER.stem_list(word)[0]) == (snowball, porter)


def sample_words() -> set[str]:
    words = set()
    for path in SAMPLES.iterdir():
        words |= {w.lower() for w in re.findall(r"[A-Za-z]+", path.read_text(encoding="utf-8"))}
    return words


def roots_in(words: set[str], word: str) -> list[str]:
    """The words of `words` that `word` inflects: "planned" -> "plan", "abuses" -> "abuse"."""
    found = re.match(r"(.+?)(ing|ed|es|s)$", word)
    if not found:
        return []
    base = found.group(1)
    candidates = [base, base + "e"] + ([base[:-1]] if len(base) > 2 and base[-1] == base[-2] else [])
    return [root for root in candidates if root in words and root != word and len(root) > 2]


def test_the_sample_articles_inflected_words_stem_as_their_roots():
    words = sample_words()
    pairs = [(word, root) for word in words for root in roots_in(words, word)]
    assert len(pairs) >= 10, "the samples have inflected words beside their roots"
    assert [(word, root) for word, root in pairs if stem(word) != stem(root)] == []


FORMS = {"win": ["win", "wins", "winning", "Winning"], "plan": ["plan", "planned", "planning", "plans"],
         "stop": ["stop", "stopped", "stopping", "stops"]}


def write_forms(folder: Path) -> None:
    folder.mkdir()
    for forms in FORMS.values():
        for form in forms:
            (folder / f"doc_{form}_{forms.index(form)}.txt").write_text(
                f"Title: Report on {form}\n\nThe council said the word {form} twice in the debate. It is {form}.\n",
                encoding="utf-8")


def totals(index_dir: Path) -> dict[str, int]:
    engine = SearchEngine(index_dir)
    try:
        return {word: engine.search(SearchRequest(f"text:{word}")).total for word in FORMS}
    finally:
        engine.close()


@pytest.fixture()
def forms_folder(tmp_path) -> Path:
    write_forms(tmp_path / "docs")
    return tmp_path / "docs"


def test_a_search_for_the_stem_finds_every_inflected_form_and_marks_it(forms_folder, tmp_path):
    index_dir = tmp_path / "ix"
    assert ingest([forms_folder], index_dir).failed == 0
    engine = SearchEngine(index_dir)
    try:
        for word, forms in FORMS.items():
            page = engine.search(SearchRequest(f"text:{word}", page_size=50))
            marked = {m.lower() for hit in page.hits for m in re.findall(r"<mark>(\w+)</mark>", hit.snippet)}
            assert marked == {form.lower() for form in forms}
            assert page.total == len(forms)  # one passage per document
        assert engine.search(SearchRequest("text:won")).total == 0
    finally:
        engine.close()


def test_an_index_of_the_old_stems_is_rebuilt_by_the_next_ingest(forms_folder, tmp_path, monkeypatch):
    index_dir = tmp_path / "ix"
    with monkeypatch.context() as old_engine:  # the engine before Snowball: Porter stems, no format file
        old_engine.setattr(schema, "_TEXT", PORTER)
        old_engine.setattr(index_format, "write", lambda index_dir: None)
        ingest([forms_folder], index_dir)
    assert index_format.read(index_dir) == 1
    assert totals(index_dir) == {"win": 2, "plan": 2, "stop": 2}  # "winning", "planned", "stopping"... missed
    again = ingest([forms_folder], index_dir)
    assert again.rebuilt and "Snowball" in again.line() and "rebuilt" in again.line()
    assert again.added == len(sum(FORMS.values(), [])) and again.skipped == 0
    assert index_format.read(index_dir) == index_format.CURRENT
    assert totals(index_dir) == {word: len(forms) for word, forms in FORMS.items()}
    third = ingest([forms_folder], index_dir)
    assert (third.rebuilt, third.added, third.skipped) == (None, 0, len(sum(FORMS.values(), [])))
