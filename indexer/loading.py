"""Reading a file into a Document: decoding, header block or front matter, dateline.

Nothing here guesses: a date that does not parse is kept as text with a warning, and a file
that cannot be decoded raises UnreadableFile with a reason a person can act on.
"""
from __future__ import annotations

import codecs
import dataclasses
import hashlib
import re
from pathlib import Path

import ftfy
import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .constants import HEADER_KEYS
from .dates import parse_date
from .datelines import read_dateline
from .model import Document
from .reading import UnreadableFile, read_bytes, stored_name

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}


def decode(data: bytes) -> str:
    """UTF-8 (BOM or not), UTF-16 with a BOM or without one, else Windows-1252 (Latin-1 where it
    has no character) for legacy files like one BBC story."""
    if not data.strip():
        raise UnreadableFile("empty file")
    wide = _utf16_without_bom(data[:4096])
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or wide:
        try:
            text = data.decode(wide or "utf-16")
        except UnicodeDecodeError as err:
            raise UnreadableFile(f"broken UTF-16 ({err.reason})") from None
    else:
        sample = data[:4096]
        # Control bytes other than tab/newline/carriage return/form feed mean a binary file.
        controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
        if b"\x00" in sample or controls > len(sample) // 100 + 2:
            raise UnreadableFile("binary file, not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _legacy(data)
    if not text.strip():
        raise UnreadableFile("no text (whitespace only)")
    return text


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for text saved as UTF-16 without its byte-order mark (some
    Windows tools do), known by a zero in every other byte; a binary file's zeros fall anywhere."""
    even, odd = sample[0::2], sample[1::2]
    if len(odd) < 8:
        return None
    for zeros, others, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and others.count(0) <= 0.02 * len(others):
            return codec
    return None


# Share of a legacy file's visible bytes above 127 past which it is not a Western European text:
# accented letters are about one in twenty in French or Portuguese, while in a Cyrillic, Greek or
# Japanese file in its own 8-bit encoding nearly every letter is a byte above 127.
FOREIGN_BYTES = 0.3


def _legacy(data: bytes) -> str:
    """Text that is not UTF-8: Windows-1252 (whose curly quotes Latin-1 reads as control
    characters, so no quotation was found); refused when it is plainly another encoding, whose
    letters would be indexed as gibberish ('óÏ×ÅÔ' for Cyrillic 'Совет')."""
    visible = sum(1 for b in data if b > 32)
    high = sum(1 for b in data if b > 127)
    if visible >= 20 and high > FOREIGN_BYTES * visible:
        raise UnreadableFile(f"not UTF-8, and not Western European text either ({100 * high // visible} % of its "
                             "characters are not ASCII): probably a Cyrillic, Greek or Asian encoding; "
                             "save it as UTF-8 and ingest again")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # one of the five bytes Windows-1252 leaves undefined
        return data.decode("latin-1")


def doc_id_for(path: Path, root: Path | None = None) -> str:
    """A readable, URL-safe id from the path below the folder ingested: business/001.txt -> business-001.

    Ingest keeps a document's id when its file is moved or renamed (same content), so links to
    /d/<id> survive; passage ids never depend on it.
    """
    try:
        relative = path.relative_to(root) if root else Path(path.name)
    except ValueError:
        relative = Path(path.name)
    stem = str(relative.with_suffix("")) if relative.suffix else str(relative)
    slug = re.sub(r"[^\w]+", "-", stem.lower(), flags=re.UNICODE).strip("-")
    return slug[:80] or hashlib.blake2b(stored_name(path).encode(), digest_size=5).hexdigest()


_HEADER_LINE = re.compile(r"[ \t]*([A-Za-z][A-Za-z \-]{0,24}?)[ \t]*:[ \t]*(.*?)[ \t]*\r?$")
_FRONT_MATTER = re.compile(r"---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", re.S)


def read_header(text: str, start: int) -> tuple[dict[str, str], int]:
    """Key: value lines at the top (a header block or Markdown's meta lines).

    The first line must use a known key, so that a transcript's "QUESTION: ..." is never taken
    for metadata; the block ends at the first blank line or the first line that is not a pair.
    """
    meta: dict[str, str] = {}
    pos = start
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        match = _HEADER_LINE.fullmatch(line)
        if not match or (not meta and match.group(1).strip().lower() not in HEADER_KEYS):
            break
        if not meta and match.group(1).isupper() and len(match.group(1)) > 3:
            break  # "INTERVIEWER: ..." in capitals opens a transcript; "URL:" and "ID:" are metadata
        key = match.group(1).strip().lower()
        if key not in HEADER_KEYS and len(key.split()) > 2:
            break
        meta.setdefault(key, match.group(2))
        pos = end + 1
    return (meta, pos) if meta else ({}, start)


def read_front_matter(text: str, start: int) -> tuple[dict[str, str], int, list[str]]:
    """A Markdown '---' block of simple YAML pairs; list items join with '; '."""
    match = _FRONT_MATTER.match(text, start)
    if not match:
        if text.startswith("---", start):
            return {}, start, ["front matter opened with '---' but never closed; read as text"]
        return {}, start, []
    meta: dict[str, str] = {}
    warnings = []
    last_key = None
    for line in match.group(1).splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = re.match(r"\s*-\s+(.*)", line)
        if item and last_key:
            value = item.group(1).strip().strip("'\"")
            meta[last_key] = f"{meta[last_key]}; {value}" if meta[last_key] else value
            continue
        pair = re.match(r"([A-Za-z_][\w \-]*?)\s*:\s*(.*)", line)
        if not pair:
            warnings.append(f"front matter line not understood: {line.strip()[:60]!r}")
            continue
        last_key = pair.group(1).strip().lower().replace("_", " ")
        meta[last_key] = pair.group(2).strip().strip("'\"")
    return meta, match.end(), warnings


def load(path: Path, data: bytes | None = None, root: Path | None = None,
         table_row: dict[str, str] | None = None) -> Document:
    """Decode one file and read its metadata; raises UnreadableFile with the reason."""
    if data is None:
        data = read_bytes(path)
    text, repaired = repair_mojibake(decode(data))
    doc = parse(text, path, root, table_row)
    if repaired:
        doc = dataclasses.replace(doc, warnings=doc.warnings + ("mis-decoded characters repaired (e.g. 'Ã¶' read as 'ö')",))
    return doc


# UTF-8 read as Latin-1 or Windows-1252 leaves a lead byte (Â to ô) before a continuation byte
# (\x80-\xbf) or a Windows-1252 letter or punctuation mark: "KÃ¶rner", "â€œ". Only text with one of
# these pairs goes to ftfy; it is slower than the rest of loading on text that needs nothing.
_MOJIBAKE_PAIR = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                            "\u02c6\u02dc\u2013-\u2122]")


def repair_mojibake(text: str) -> tuple[str, bool]:
    """Text with mis-decoded characters repaired by ftfy, and whether anything was repaired.

    Only ftfy's encoding repair runs: quotation marks, ligatures, widths and line ends stay as
    the author wrote them (passage offsets and quote finding depend on them).
    """
    if not _MOJIBAKE_PAIR.search(text):
        return text, False
    fixed = ftfy.fix_encoding(text)
    return fixed, fixed != text


def parse(text: str, path: Path, root: Path | None = None, table_row: dict[str, str] | None = None) -> Document:
    """``table_row``: the file's row of a metadata table (metadata_table); its own header wins."""
    warnings: list[str] = []
    start = len(text) - len(text.lstrip("\ufeff"))
    is_markdown = path.suffix.lower() in (".md", ".markdown")
    meta: dict[str, str] = {}
    lead = len(text) - len(text.lstrip())
    if is_markdown and text.startswith("---", lead):
        meta, start, problems = read_front_matter(text, lead)
        warnings += problems
    if not meta:
        meta, start = read_header(text, start if start else 0)
    meta = {**(table_row or {}), **meta}
    body_start = start

    dateline, _ = read_dateline(text, _skip_blank(text, body_start))
    date_text = meta.get("date") or meta.get("published") or dateline.get("date")
    date = None
    if date_text:
        date = parse_date(date_text)
        if date is None:
            warnings.append(f"date {date_text!r} could not be read; kept as text")
    source = meta.get("source") or meta.get("publisher") or meta.get("publication") or dateline.get("source")
    return Document(
        doc_id=doc_id_for(path, root),
        path=stored_name(path),
        text=text,
        body_start=body_start,
        title=meta.get("title") or None,
        source=_short_source(source),
        date=date,
        date_text=date_text,
        place=meta.get("place") or meta.get("location") or meta.get("dateline") or dateline.get("place"),
        url=meta.get("url") or meta.get("link"),
        author=meta.get("author") or meta.get("authors") or meta.get("byline"),
        language=meta.get("language") or meta.get("lang"),
        form="markdown" if is_markdown else "article",
        meta=tuple(sorted(meta.items())),
        warnings=tuple(warnings),
    )


def _short_source(source: str | None) -> str | None:
    """The publication's name for facets: "Hansard (UK House of Commons), Volume 580, ..." is Hansard."""
    if not source:
        return None
    short = re.split(r"\s*[,;(]\s*|\s+via\s+|\s+by\s+", source.strip(), maxsplit=1)[0]
    return short.strip() or source.strip()


def _skip_blank(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n\ufeff":
        pos += 1
    return pos


class _KeepTree(Treeprocessor):
    """Keeps the element tree Python-Markdown built, after its inline patterns (bold, links) ran."""

    def run(self, root):
        self.md.kept_tree = root


class _KeepTreeExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(_KeepTree(md), "keep_tree", 1)  # after "inline" (20), before serialising


_MARKDOWN = markdown.Markdown(extensions=[_KeepTreeExtension()])
_LIST_MARKER = re.compile(r"[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+")


def bold_turn_label(chunk: str) -> tuple[str, int] | None:
    """(label, where the spoken words start in `chunk`) when a Markdown paragraph opens with a bold label.

    ``**NAME:** words``, ``**NAME**: words``, ``__Q:__ words``, a list item ``- **NAME:** words``,
    and a label that is a link ``**[NAME](url):**``. The paragraph is read by Python-Markdown and its
    tree walked: the label is the text of a first <strong> with nothing before it and a colon
    at its end or just after it. Emphasis in mid-sentence ("**Bold claim** is ...") is no label.
    """
    opening = _LIST_MARKER.match(chunk)
    lead = opening.end() if opening else 0
    marker = chunk[lead:lead + 2]
    if marker not in ("**", "__"):
        return None  # cheap test first: most paragraphs of a Markdown file open with no emphasis
    _MARKDOWN.reset()
    _MARKDOWN.convert(chunk.split("\n", 1)[0])
    block = next(iter(_MARKDOWN.kept_tree), None)
    if block is not None and block.tag in ("ul", "ol"):
        block = next(iter(block), None)
    if block is None or block.tag not in ("p", "li") or (block.text or "").strip():
        return None
    strong = next(iter(block), None)
    if strong is None or strong.tag != "strong":
        return None
    label = "".join(strong.itertext()).strip()
    tail = strong.tail or ""
    if not (label.endswith(":") or tail.lstrip().startswith(":")):
        return None
    close = chunk.find(marker, lead + 2)
    if close < 0:
        return None
    after = close + 2
    while after < len(chunk) and chunk[after] in " \t:":
        after += 1
    label = label.rstrip(": ").strip()
    return (label, after) if label and after < len(chunk) else None
