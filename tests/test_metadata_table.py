"""metadata.csv / metadata.jsonl beside the documents: rows matched to files, headers win, bad rows named."""
import json
from pathlib import Path

import pytest

from indexer.catalog import Catalog
from indexer.ingest import ingest
from indexer.metadata_table import read_tables

HEADERLESS = "The committee heard from three witnesses on Tuesday.\n"
WITH_HEADER = "Title: The header's own title\nDate: 2020-02-02\n\nThe committee met again on Thursday.\n"


def _tables(folder: Path, name: str, table: str, documents: list[str]):
    folder.mkdir(parents=True, exist_ok=True)
    for document in documents:
        (folder / document).parent.mkdir(parents=True, exist_ok=True)
        (folder / document).write_text(HEADERLESS, encoding="utf-8")
    (folder / name).write_text(table, encoding="utf-8")
    return read_tables([folder / name], [folder / document for document in documents])


@pytest.mark.parametrize("name, table, rows, problems", [
    ("metadata.csv", "file,title,source,date,url,author,place,kind\na.txt,Hearing one,Gazette,2021-03-04,"
     "https://example.org/1,Jo Writer,Lyon,testimony\n",
     {"a.txt": {"title": "Hearing one", "source": "Gazette", "date": "2021-03-04", "url": "https://example.org/1",
                "author": "Jo Writer", "place": "Lyon", "kind": "testimony"}}, []),
    ("metadata.csv", "\ufeffFile;Title\nsub/b.txt;Semicolons from a spreadsheet\n",
     {"sub/b.txt": {"title": "Semicolons from a spreadsheet"}}, []),
    ("metadata.csv", 'file,title\na.txt,"Quoted, with a comma"\n\nmissing.txt,Nothing\n,No file\n',
     {"a.txt": {"title": "Quoted, with a comma"}},
     ["row 4: names 'missing.txt', which is not a document", "row 5: names no file"]),
    ("metadata.jsonl", '{"file": "a.txt", "title": "From JSON", "author": ["Ana", "Ben"]}\n\n{"title": "no file"}\n',
     {"a.txt": {"title": "From JSON", "author": "Ana; Ben"}}, ["row 3: names no file"]),
    ("metadata.csv", "title,source\nNo file column,Gazette\n", {}, ["its first line must name the columns"]),
    ("metadata.jsonl", '{"file": "a.txt"}\nnot json\n', {}, ["line 2 is not JSON"]),
    # a quote never closed swallowed every row after it into one value: b.txt silently lost its row
    ("metadata.csv", 'file,title\na.txt,"Never closed\nsub/b.txt,Second\n', {},
     ['a quote (") opened in the row at line 2 is never closed']),
    ("metadata.csv", 'file,title\na.txt,"Two\nlines"\nsub/b.txt,Second\n',  # closed: a value over two lines
     {"a.txt": {"title": "Two\nlines"}, "sub/b.txt": {"title": "Second"}}, []),
    ("metadata.csv", 'file,title\na.txt,A 5" floppy\nsub/b.txt,Second\n',  # an inch mark, not a quote
     {"a.txt": {"title": 'A 5" floppy'}, "sub/b.txt": {"title": "Second"}}, []),
])
def test_rows_are_matched_to_files_and_problems_named(tmp_path, name, table, rows, problems):
    found = _tables(tmp_path, name, table, ["a.txt", "sub/b.txt"])
    assert {file: found.for_file(tmp_path / file) for file in rows} == rows
    assert found.for_file(tmp_path / "other.txt") == {}
    assert len(found.problems) == len(problems)
    for (where, reason), expected in zip(found.problems, problems):
        assert expected in f"{where}: {reason}"


def test_ingest_reads_the_table_and_the_header_wins(tmp_path):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    docs.mkdir()
    (docs / "plain.txt").write_text(HEADERLESS, encoding="utf-8")
    (docs / "headed.txt").write_text(WITH_HEADER, encoding="utf-8")
    (docs / "datelined.txt").write_text("NASHUA, N.H. — The council met late on Tuesday.\n", encoding="utf-8")
    table = docs / "metadata.csv"
    table.write_text("file,title,source,date,place,kind\n"
                     "plain.txt,Hearing one,Gazette,2021-03-04,Lyon,testimony\n"
                     "headed.txt,Table title,Gazette,2019-01-01,,\n"
                     "datelined.txt,,,,,\n"
                     "gone.txt,Nothing,,,,\n", encoding="utf-8")
    summary = ingest([docs], index_dir)
    assert summary.added == 3 and [reason for _, reason in summary.failures] == [
        "names 'gone.txt', which is not a document file in " + str(docs)]
    catalog = Catalog(index_dir)
    plain, headed, datelined = (catalog.document(doc_id) for doc_id in ("plain", "headed", "datelined"))
    assert (plain.title, plain.source, plain.date, plain.place) == ("Hearing one", "Gazette", "2021-03-04", "Lyon")
    assert json.loads(plain.meta)["kind"] == "testimony"
    assert (headed.title, headed.date, headed.source) == ("The header's own title", "2020-02-02", "Gazette")
    assert datelined.place == "Nashua, N.H."
    catalog.close()

    assert ingest([docs], index_dir).skipped == 3
    table.write_text(table.read_text(encoding="utf-8").replace("Hearing one", "Hearing one (revised)"), encoding="utf-8")
    changed = ingest([docs], index_dir)
    assert (changed.updated, changed.skipped) == (1, 2)  # an edited row re-indexes its document only
    catalog = Catalog(index_dir)
    assert catalog.document("plain").title == "Hearing one (revised)"
    catalog.close()
