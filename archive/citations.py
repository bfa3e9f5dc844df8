"""Ready-made citations for a passage or quote: APA 7, MLA 9, Chicago, BibTeX, RIS, CSL-JSON.

Each style cites the document (article or transcript) and, for a person quoted in it, says so the
style's way: APA "(Roth, as cited in ...)", MLA "qtd. in", Chicago "quoted in". The paragraph
number is the pinpoint, and the archive's permanent link is the URL when the original has none.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date as Date
from urllib.parse import quote as percent

from markupsafe import Markup, escape

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MLA_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


@dataclass(frozen=True)
class Cited:
    """What a citation needs, gathered from the index and the catalogue."""

    id: str
    kind: str  # quote, narrative, ...
    text: str
    speaker: str | None
    speaker_kind: str | None
    paragraph: int
    doc_title: str
    source: str | None
    date: str | None  # ISO, possibly yyyy-mm or yyyy
    author: str | None
    original_url: str | None
    permalink: str
    form: str = "article"  # article or interview (transcripts, testimony)
    interviewer: str | None = None
    author_is_group: bool = False  # an organisation's name is never inverted or cut to initials

    @property
    def url(self) -> str:
        return self.original_url or self.permalink

    @property
    def is_person_quoted(self) -> bool:
        return bool(self.speaker) and self.speaker_kind in ("person", None) and self.speaker != self.author


@dataclass(frozen=True)
class Citation:
    style: str
    label: str
    text: str  # plain text, for the clipboard
    html: Markup  # with italics, for the page


def _date_parts(iso: str | None) -> list[int]:
    if not iso:
        return []
    return [int(p) for p in iso.split("-")[:3] if p.isdigit()]


def _family(name: str) -> str:
    return name.split()[-1] if name else name


def _with_period(text: str) -> str:
    """A citation element closed by one full stop: "King, Robert R." takes none more, "Reuters" one."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


def _accessed_today(months: list[str], day_first: bool) -> str:
    """Today as MLA ("29 Nov. 2026") or Chicago ("November 29, 2026") write an access date."""
    today = Date.today()
    month = months[today.month - 1]
    return f"{today.day} {month} {today.year}" if day_first else f"{month} {today.day}, {today.year}"


# A document without a title is cited by a description in square brackets (APA 9.22; MLA and Chicago
# set a description without quotation marks), never by its file name.
UNTITLED = "[Untitled document]"


def _described(title: str) -> bool:
    """A title wholly in square brackets is a description of the work, not its title."""
    return title.startswith("[") and title.endswith("]")


def _quoted(title: str, closing: str) -> str:
    """A title in quotation marks with the punctuation inside them, “Title,”; a description bare, as
    MLA and Chicago set one (APA keeps its square brackets)."""
    return f"{title[1:-1]}{closing}" if _described(title) else f"“{title}{closing}”"


def _short_title_cited(title: str, year_or_pin: str, keep_brackets: bool = True) -> str:
    """A shortened title in an author-less in-text citation: its first words, no ellipsis (APA 8.14,
    MLA 6.8), with the comma inside the closing quotation mark as both styles punctuate."""
    described = _described(title)
    words = (title[1:-1] if described else title).split()
    short = " ".join(words[:4]).rstrip(",;:–—- ")  # "ruling," or "unjustified -" must not give ",," or " ,"
    if described:
        short = f"[{short}]" if keep_brackets else short
        return f"{short}, {year_or_pin}" if year_or_pin else short
    return f"“{short},” {year_or_pin}" if year_or_pin else f"“{short}”"


def _initials(name: str) -> str:
    parts = name.split()
    return ", ".join([parts[-1], " ".join(f"{p[0]}." for p in parts[:-1])]) if len(parts) > 1 else name


def _initials_first(name: str) -> str:
    parts = name.split()
    return " ".join([f"{p[0]}." for p in parts[:-1]] + parts[-1:])


def _inverted(name: str) -> str:
    parts = name.split()
    return f"{parts[-1]}, {' '.join(parts[:-1])}" if len(parts) > 1 else name


def _nested(title: str) -> str:
    """A title set inside double quotation marks takes single ones for its own quotations."""
    return re.sub(r'"([^"]*)"', "‘\\1’", title).replace("“", "‘").replace("”", "’")


def _italic(text: str) -> tuple[str, str]:
    return text, f"<i>{escape(text)}</i>"


def _as_interview(c: Cited) -> Cited:
    """A transcript turn or testimony is cited as an interview: the speaker is its author. An
    anonymous speaker ("Question", "Another trader") is nobody's name, so the turn stays author-less."""
    if c.form != "interview" or not c.speaker or c.speaker_kind == "anonymous":
        return c
    return Cited(**{**c.__dict__, "author": c.speaker, "speaker": None,
                    "author_is_group": c.speaker_kind == "organisation"})


def _author_listed(c: Cited, inverted: bool = True) -> str:
    """The author as a works-cited list starts: "Doe, Jane" (a group as written), closed by one full stop."""
    return _with_period(c.author if c.author_is_group or not inverted else _inverted(c.author))


def apa(c: Cited) -> Citation:
    c = _as_interview(c)
    parts = _date_parts(c.date)
    when = "n.d." if not parts else ", ".join(
        [str(parts[0])] + ([f"{MONTHS[parts[1] - 1]}{' ' + str(parts[2]) if len(parts) > 2 else ''}"] if len(parts) > 1 else []))
    lead = f"{_with_period(c.author if c.author_is_group else _initials(c.author))} ({when})." if c.author else None
    bare = c.doc_title.rstrip(".")
    src_plain, src_html = _italic(c.source) if c.source else ("", "")
    described = ""
    if c.form == "interview":
        by = f"Interview by {_initials_first(c.interviewer)}. " if c.interviewer else ""
        described = f" [Interview transcript]. {by}".rstrip(". ")
    title = bare + described
    # A work that stands alone (no periodical named) has its title in italics (APA 9.19); an article
    # in a named source keeps a plain title and the source is italic. A [description] is never
    # italic: it follows the italic title in roman type (APA 9.21), as does who interviewed.
    title_html = escape(title) if c.source or _described(bare) else \
        Markup(f"<i>{escape(bare)}</i>{escape(described)}")
    if lead:
        plain = f"{lead} {title}. {src_plain + '. ' if src_plain else ''}{c.url}"
        html = f"{escape(lead)} {title_html}. {src_html + '. ' if src_html else ''}{escape(c.url)}"
    else:
        plain = f"{title}. ({when}). {src_plain + '. ' if src_plain else ''}{c.url}"
        html = f"{title_html}. ({escape(when)}). {src_html + '. ' if src_html else ''}{escape(c.url)}"
    year = parts[0] if parts else "n.d."
    pin = f", para. {c.paragraph}" if c.paragraph else ""
    cited_html = None
    if c.author:
        cited_as = f"{c.author if c.author_is_group else _family(c.author)}, {year}{pin}"
    elif title_html != escape(title):  # italic in the reference, italic in the text (8.14), no quotation marks
        short = " ".join(bare.split()[:4]).rstrip(",;:–—- ")
        cited_as, cited_html = f"{short}, {year}{pin}", f"<i>{escape(short)}</i>, {escape(f'{year}{pin}')}"
    else:
        cited_as = _short_title_cited(_nested(title), f"{year}{pin}")
    cited_html = cited_html or str(escape(cited_as))
    who = f"{_family(c.speaker)}, as cited in " if c.is_person_quoted else ""
    in_text = f"({who}{cited_as})"
    return Citation("apa", "APA 7", f"{plain}\nIn text: {in_text}",
                    Markup(f"{html}<br><span class=in-text>In text: ({escape(who)}{cited_html})</span>"))


def mla(c: Cited) -> Citation:
    c = _as_interview(c)
    parts = _date_parts(c.date)
    when = " ".join(str(x) for x in ([parts[2]] if len(parts) > 2 else []) +
                    ([MLA_MONTHS[parts[1] - 1]] if len(parts) > 1 else []) + ([parts[0]] if parts else []))
    author = f"{_author_listed(c)} " if c.author else ""
    title = _nested(c.doc_title.rstrip("."))
    rest_plain = ", ".join(x for x in [c.source, when, c.url] if x)
    rest_html = ", ".join(x for x in [f"<i>{escape(c.source)}</i>" if c.source else "", escape(when), escape(c.url)] if x)
    kind = (f"Interview by {c.interviewer}. " if c.interviewer else "Interview. ") if c.form == "interview" else ""
    # MLA 9 asks for the date of access when the source gives no date of its own; it ends the entry.
    accessed = "" if parts else f" Accessed {_accessed_today(MLA_MONTHS, day_first=True)}."
    plain = f"{author}{_quoted(title, '.')} {kind}{rest_plain}.{accessed}"
    html = f"{escape(author)}{escape(_quoted(title, '.'))} {escape(kind)}{rest_html}.{escape(accessed)}"
    # A locator follows the name after a comma: (Doe, par. 8), MLA 9's 6.19.
    pin = f"par. {c.paragraph}" if c.paragraph else ""
    if c.author:
        cited_as = (c.author if c.author_is_group else _family(c.author)) + (f", {pin}" if pin else "")
    else:
        cited_as = _short_title_cited(title, pin, keep_brackets=False)
    in_text = f"(qtd. in {cited_as})" if c.is_person_quoted else f"({cited_as})"
    return Citation("mla", "MLA 9", f"{plain}\nIn text: {in_text}",
                    Markup(f"{html}<br><span class=in-text>In text: {escape(in_text)}</span>"))


def chicago(c: Cited) -> Citation:
    c = _as_interview(c)
    parts = _date_parts(c.date)
    # Chicago (14.12, 14.233) gives an access date only when the source has no date of its own.
    accessed = None if parts else _accessed_today(MONTHS, day_first=False)
    when = (f"{MONTHS[parts[1] - 1]} {parts[2]}, {parts[0]}" if len(parts) > 2 else
            f"{MONTHS[parts[1] - 1]} {parts[0]}" if len(parts) > 1 else str(parts[0]) if parts else f"accessed {accessed}")
    title = _nested(c.doc_title.rstrip("."))
    source = c.source or ""
    who = f"{c.speaker}, quoted in " if c.is_person_quoted else ""
    by = f"{c.author}, " if c.author else ""
    interview = (f"interview by {c.interviewer}, " if c.interviewer else "interview, ") if c.form == "interview" else ""
    # "Name, interview, “Title,”" as Chicago words it; with nobody named the note opens on the title.
    by, after_title = (by + interview, "") if c.author else (by, interview)
    pin = f", para. {c.paragraph}" if c.paragraph else ""
    note_plain = f"1. {who}{by}{_quoted(title, ',')} {after_title}{source + ', ' if source else ''}{when}{pin}, {c.url}."
    note_html = (f"1. {escape(who)}{escape(by)}{escape(_quoted(title, ','))} {escape(after_title)}"
                 f"{('<i>' + str(escape(source)) + '</i>, ') if source else ''}{escape(when)}{escape(pin)}, {escape(c.url)}.")
    bib_author = f"{_author_listed(c)} " if c.author else ""
    # In the bibliography an access date is a sentence of its own: “Title.” Site. Accessed May 1, 2020. URL.
    bib_when, joint = (when, ", ") if parts else (f"Accessed {accessed}", ". ")
    bib_plain = f"{bib_author}{_quoted(title, '.')} {source + joint if source else ''}{bib_when}. {c.url}."
    bib_html = (f"{escape(bib_author)}{escape(_quoted(title, '.'))} {('<i>' + str(escape(source)) + '</i>' + joint) if source else ''}"
                f"{escape(bib_when)}. {escape(c.url)}.")
    return Citation("chicago", "Chicago (notes and bibliography)", f"Note: {note_plain}\nBibliography: {bib_plain}",
                    Markup(f"<span class=in-text>Note:</span> {note_html}<br><span class=in-text>Bibliography:</span> {bib_html}"))


def styles(c: Cited) -> list[Citation]:
    return [apa(c), mla(c), chicago(c)]


# downloads
# Every value is made inert for its format: in BibTeX a brace must never close a field early. Classic
# BibTeX counts braces without looking at backslashes, so "\}" still closes the field there; braces
# become \textbraceleft{} and \textbraceright{} (balanced), and URLs are percent-encoded instead.
_BIB_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "%": r"\%",
                "&": r"\&", "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}",
                "^": r"\textasciicircum{}"}
# RFC 3986's characters, less the ones BibTeX or LaTeX read as syntax ({ } \ and spaces are encoded).
_URL_SAFE = "-._~:/?#[]@!$&'()*+,;=%"


def _one_line(text: str) -> str:
    """Whitespace (line breaks of every kind included) as single spaces, control characters dropped."""
    text = re.sub(r"[\x00-\x08\x0e-\x1b\x7f]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _bib(text: str) -> str:
    return "".join(_BIB_ESCAPES.get(ch, ch) for ch in _one_line(text))


def _bib_url(url: str) -> str:
    return percent(_one_line(url), safe=_URL_SAFE)


def _bib_name(name: str) -> str:
    """'Given Family' as 'Family, Given', the form every BibTeX style splits right; an 'and' inside a
    name is braced so it cannot split one person into two."""
    name = _bib(name)
    given, _, family = name.rpartition(" ")
    person = f"{family}, {given}" if given and "," not in name else name
    return re.sub(r"\b(and)\b", r"{\1}", person, flags=re.I)


def bibtex(c: Cited) -> str:
    """biblatex fields (journaltitle, date, urldate) and the classic ones beside them (journal, year,
    author), so both biblatex and a plain BibTeX style print the author, source and year."""
    c = _as_interview(c)
    entry = "article" if c.source and c.form != "interview" else "online"
    parts = _date_parts(c.date)
    fields = [
        # A group's name in braces: BibTeX would otherwise read "Human Rights Watch" as Watch, H. R.
        ("author", (f"{{{_bib(c.author)}}}" if c.author_is_group else _bib_name(c.author)) if c.author else None),
        ("title", f"{{{_bib(c.doc_title)}}}"),
        ("journaltitle", _bib(c.source) if c.source and entry == "article" else None),
        ("journal", _bib(c.source) if c.source and entry == "article" else None),
        ("organization", _bib(c.source) if c.source and entry == "online" else None),
        ("howpublished", _bib(c.source) if c.source and entry == "online" else None),
        ("date", "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(parts)) or None),
        ("year", f"{parts[0]:04d}" if parts else None),
        ("url", _bib_url(c.url)),
        ("urldate", Date.today().isoformat()),
        ("note", _bib(_quote_note(c) + (f" Interview by {c.interviewer}." if c.interviewer else ""))),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@{entry}{{{_bib_key(c.id)},\n{body}\n}}\n"


def _bib_key(citation_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_:.-]", "-", citation_id) or "passage"


def _quote_note(c: Cited) -> str:
    words = c.text if len(c.text) <= 300 else c.text[:297] + "..."
    who = f"{c.speaker}: " if c.speaker else ""
    return f"{who}“{words}” (para. {c.paragraph}). Archive link: {c.permalink}"


def ris(c: Cited) -> str:
    parts = _date_parts(c.date)
    lines = [("TY", "INTV" if c.form == "interview" else "NEWS" if c.source else "ELEC")]
    interviewed = _as_interview(c)
    if interviewed.author and c.form == "interview":
        lines.append(("AU", interviewed.author if interviewed.author_is_group else _inverted(interviewed.author)))
    elif c.author:
        lines.append(("AU", _inverted(c.author)))
    lines.append(("TI", c.doc_title))
    if c.source:
        lines.append(("T2", c.source))
    if parts:
        lines.append(("PY", str(parts[0])))
        lines.append(("DA", "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))))
    lines += [("UR", c.url), ("N1", _quote_note(c)), ("ID", c.id), ("ER", "")]
    return "".join(f"{tag}  - {_one_line(value)}\r\n" for tag, value in lines)


def csl_json(c: Cited) -> str:
    item = {
        "id": c.id,
        "type": "interview" if c.form == "interview" else "article-newspaper" if c.source else "webpage",
        "title": c.doc_title,
        "URL": c.url,
        "note": _quote_note(c),
        "accessed": {"date-parts": [_date_parts(Date.today().isoformat())]},
    }
    if c.source:
        item["container-title"] = c.source
    # No date is no "issued" at all: each style then writes its own "n.d." or access date.
    parts = _date_parts(c.date)
    if parts:
        item["issued"] = {"date-parts": [parts]}
    credited = _as_interview(c)
    if credited.author:
        given, _, family = credited.author.rpartition(" ")
        item["author"] = [{"literal": credited.author} if credited.author_is_group or not given
                          else {"family": family, "given": given}]
    if c.form == "interview" and c.interviewer:
        item["interviewer"] = [{"literal": c.interviewer}]
    return json.dumps([item], ensure_ascii=False, indent=2)


def text_fragment(url: str, quoted: str) -> str:
    """The original URL with #:~:text= so a browser scrolls to the words (WICG Text Fragments).

    '-', ',' and '&' are syntax inside a text directive and must be percent-encoded; a long quote
    becomes 'start,end' with a few words from each end.
    """
    def enc(words: str) -> str:
        return percent(words, safe="").replace("-", "%2D")

    words = re.sub(r"\s+", " ", quoted).strip().strip(",.;:")
    base = url.split("#", 1)[0]
    if len(words) <= 80:
        return f"{base}#:~:text={enc(words)}"
    parts = words.split(" ")
    return f"{base}#:~:text={enc(' '.join(parts[:5]))},{enc(' '.join(parts[-5:]))}"


def coins(c: Cited) -> str:
    """An OpenURL 1.0 ContextObject (KEV) for a COinS span's title attribute, as Zotero reads it: the
    journal format with genre 'article' for a sourced article, Dublin Core otherwise. Every value is
    percent-encoded, so no value can add a key of its own."""
    c = _as_interview(c)
    parts = _date_parts(c.date)
    when = "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(parts))
    if c.source and c.form != "interview":
        pairs = [("rft_val_fmt", "info:ofi/fmt:kev:mtx:journal"), ("rft.genre", "article"),
                 ("rft.atitle", c.doc_title), ("rft.jtitle", c.source)]
        if c.author:
            given, _, family = c.author.rpartition(" ")
            pairs += [("rft.aulast", family or c.author)] + ([("rft.aufirst", given)] if given else [])
            pairs.append(("rft.au", c.author))
        pairs.append(("rft.date", when))
    else:
        pairs = [("rft_val_fmt", "info:ofi/fmt:kev:mtx:dc"), ("rft.type", "interview" if c.form == "interview" else "text"),
                 ("rft.title", c.doc_title), ("rft.creator", c.author), ("rft.publisher", c.source), ("rft.date", when)]
    pairs.append(("rft_id", c.url))
    return "ctx_ver=Z39.88-2004&" + "&".join(
        f"{key}={percent(_one_line(value), safe='')}" for key, value in pairs if value)


def credited_author(c: Cited) -> str | None:
    """Who a citation manager should list as the author: the writer, or the person interviewed."""
    return _as_interview(c).author
