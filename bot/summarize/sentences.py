"""Splitting a notice into paragraphs, sentences and clauses (Chinese in either script, and English)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.dates import MONTH_NAME
from bot.summarize import cues
from bot.summarize.lang import Lang, fold
from bot.summarize.prefilter import SPACES, end_reach, finditer_at

__all__ = ["DATELINE", "MONTH_DAY", "Clause", "Sentence", "outline_level", "quote_open", "split"]

# Outline markers of official documents (GB/T 9704): 一、 / （一） / 1. / （1） / 第一条; English 1. / (a).
# A month and day after an item's number ("2.5月27日"): the number is a marker, not a decimal (rank._DATE_ONLY too).
MONTH_DAY = r"(?:1[0-2]|0?[1-9])月(?:3[01]|[12]\d|0?[1-9])[日号]"
_OUTLINE = (
    (1, re.compile(r"[一二三四五六七八九十]{1,3}[、.．]")),
    (2, re.compile(r"\([一二三四五六七八九十]{1,3}\)")),
    (5, re.compile(r"第[一二三四五六七八九十百零〇\d]{1,5}[条章节]")),
    # "1." before a digit is a decimal ("1.5倍"), but not before a month and day: "2.5月27日,由学生处…" is item 2,
    # a list led by its date.
    (3, re.compile(rf"\d{{1,2}}(?:[、．]|\.(?!\d)|\.(?={MONTH_DAY}))")),
    (4, re.compile(r"\(\d{1,2}\)|[①-⑳]")),
    (4, re.compile(r"\([a-z]\)\s")),
)
# Every character but digits an outline marker can start with (see _OUTLINE).
_OUTLINE_FIRST = frozenset("一二三四五六七八九十(第") | frozenset(chr(c) for c in range(0x2460, 0x2474))
# A sentence end: 。!? (repeated) and closing quotes, or ; at a line's end. Written to open with one class
# (the other end mark checked behind it), so that sre skips ahead by that class instead of trying both
# branches at every character.
_ZH_END = re.compile(r"[。!?！？;；](?:(?<=[;；])(?=\s*$)|(?<![;；])[。!?！？]*[”’\"」』)]*)")
# An English sentence end: a run of . ! ? (not one inside a run) and closing quotes, before a blank and a
# capital, a digit or an opening quote. Written as "(?<![.!?])[.!?]+" with its mark first and the look back
# after it: opening with a lookbehind, the pattern was tried at every character; opening with a class, sre
# skips ahead to the marks (three times faster on English text).
_EN_END = re.compile(r"[.!?](?<![.!?][\s\S])[.!?]*[\"”’')]*(?=\s+[\"“(A-Z0-9])")
_EN_ABBREV = re.compile(
    r"(?:\b(?:U\.S|U\.K|Mr|Mrs|Ms|Dr|No|St|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
    r"|e\.g|i\.e|etc|vs|Gov|Sen|Rep|Gen|Prof"
    # Office memoranda and circulars: rupees, dated, with effect from, numbers, government, department.
    r"|Rs|dt|w\.e\.f|Nos|viz|Govt|Deptt?|Hon|approx)|\b[A-Z])\.$"
)
# A range of dates or times ("3 – 14 July", "2 March – 9 April", "9:15 – 11:40"): a figure or a month before the
# dash, a day and its month or a clock time after it. One range, no clause break. Anchored at the dash's ends:
# each part a bounded run.
_EN_RANGE_AFTER = re.compile(
    rf"\s*\d{{1,2}}(?:(?:st|nd|rd|th)?\s+{MONTH_NAME}\b(?:,?\s+\d{{4}}\b)?|(?P<time>[:.]\d\d|(?=\s?(?:am|pm|a\.m|p\.m|AM|PM|hrs)\b)))"
)
_EN_RANGE_BEFORE = re.compile(rf"(?:\d[\w:.]{{0,8}}|\b{MONTH_NAME}\.?)$")
# A clock time's left end: a bare hour or a time, never a year or a month ("Update, 4 June 2031 – 14:00" is a
# dateline's stamp, not a range).
_EN_TIME_BEFORE = re.compile(r"(?<![\d:.])\d{1,2}(?:[:.]\d\d)?\s?(?:am|pm|a\.m\.?|p\.m\.?|hrs|nn)?$", re.I)
# A figure after a label ("Phase 2 – 14 July", "Stage 3 – 1 May"): the label's number, not a range's first day.
# Only a label's noun: "From 3 – 14 July", "On 3 – 14 July", "Closed 3 – 14 July" are ranges.
_EN_RANGE_LABEL = re.compile(
    r"\b(?:Phase|Stage|Part|Section|Round|Week|Lot|Zone|Block|Item|Unit|Level|Grade|Year|Class|No|Nos)\.?\s+"
    r"\d{1,3}\s*$"
)
# What may follow a range: its am/pm, the clause's end, or a word that goes on with it ("and", "inclusive", "on
# weekdays"). A pronoun or a new subject ("– 12 May it reopens", "– 12 May the hall …") starts a clause of its
# own: the dash broke there.
_EN_RANGE_GOES_ON = re.compile(
    r"(?:\s?(?:am|pm|a\.m\.?|p\.m\.?|hrs|nn|noon)\b)?"
    r"(?:\s*(?:$|[\n,;:.)(!?–—-])|\s+(?:and|or|inclusive|only|from|at|between|for|in|on|with|during|excluding"
    r"|including|until|till|by|each|every|daily|weekly)\b)",
    re.I,
)
# A dateline's opening: a place (up to four capitalised words) and a comma at the line's start, then its date
# ("HARBOURTON, 2 March 2031 – …"): the dash after it ends the dateline, whatever follows.
_EN_RANGE_DATELINE = re.compile(r"[ \t]*[A-Z][^\s,]*(?:[ \t]+[A-Z][^\s,]*){0,3},[ \t]*[^,:;\n]{1,30}")


def _en_range(folded: str, start: int, end: int) -> bool:
    """Whether the dash at folded[start:end] joins a range of dates or times ("3 – 14 July"), not two clauses."""
    after = _EN_RANGE_AFTER.match(folded, end)
    if not after or not _EN_RANGE_BEFORE.search(folded, max(0, start - 12), start):
        return False
    if _EN_RANGE_LABEL.search(folded, max(0, start - 16), start):
        return False
    if after.group("time") is not None and not _EN_TIME_BEFORE.search(folded, max(0, start - 12), start):
        return False
    if not _EN_RANGE_GOES_ON.match(folded, after.end()):
        return False
    line = folded.rfind("\n", 0, start) + 1
    return not (start - line <= 80 and _EN_RANGE_DATELINE.fullmatch(folded, line, start))


_OPEN = "(“《「『[【"
_CLOSE = ")”》」』]】"
_ZH_MARK = re.compile("[" + re.escape(_OPEN + _CLOSE) + ",;:]")
# English clause breaks: coordinated main clauses and trailing add-ons a push message can drop.
# A break that opens on spaces is tried at a run's first space only ((?<!\s)): from every space of a long
# run, each try would scan the rest of the run.
# What follows the first blank of a break that opens on blanks (a dash; which/where/whose; a purpose's words),
# shared with _EN_BREAK_AT below, which looks for these after a blank.
_EN_DASHES = "[–—-]"
_EN_RELATIVE = "(?:which|where|whose) "
_EN_PURPOSE_NEXT = f"{cues.EN_PURPOSE} "
# ", per the circular" attributes and is a tail; ", per household," is a rate inside the phrase it prices
# ("a one-off, per household, $20.00 waste levy", "or both, per charge."), so "per" breaks before a determiner, a
# possessive or a demonstrative ("per our policy"), a name, or a phrase of more than one word ("per university
# policy"), not before a lone word and a mark.
# A unit after "per" makes it a rate whatever follows ("£25, per person per night", "$10 applies, per day late").
_EN_PER = (
    r"per (?!(?:person|people|child|children|adult|head|day|night|hour|week|month|year|annum"
    r"|cent|unit|item|page|copy|charge|semester|term|student|household|property|vehicle|square|cubic|kilo\w*|litre"
    r"|liter|mile|metre|meter)\b)"
    r"(?=(?:the|an?|our|your|their|its|his|her|this|these|that|those)\b|[A-Z]|[\w'’-]+ [\w'’-])"
)
_EN_BREAK = re.compile(
    rf";\s+|(?<!\s)\s+{_EN_DASHES}{{1,2}}\s+|,\s+(?=(?:and|but|which|while|whereas|as well as|including|such as|{_EN_PER}|according to"
    r"|so that|with|where|announced|issued|released|adopted|launched|published|signed|approved"
    r"|the (?:circular|document|notice|statement|guideline|order|department|ministry) said)\b)"
    # ... not after "except"/"only" ("… from the council, except where …"): the exception opens there, and a split
    # would leave the clause before it ending on the word that limits it.
    rf"|(?<!\s)(?<!\bexcept)(?<!\bonly)\s+(?={_EN_RELATIVE})"
    # Purpose and alternative tails ("… in order to slow transmission", "…, or until it is rescinded"):
    # why and what else, which a push can leave to the original.
    rf"|,?(?<!\s)\s+(?={_EN_PURPOSE_NEXT})|,\s+(?=or (?:until|unless) )"
    # ", to allow maintenance works": after a comma, "to" and a verb give the purpose; after a date it is
    # what the date is for ("have until July 31, 2026, to file returns").
    r"|(?<!\d),\s+(?=to (?!(?:the|a|an|all|any|each|every|this|that|these|those|its|their|his|her|our|your|be)\b)[a-z]{3,} )"
)
# Where an _EN_BREAK match can start, and _EN_BREAK tried only there (prefilter.finditer_at): a comma or a
# semicolon, or the first blank of a run after which comes what a break on blanks looks for next (a dash, which/
# where/whose, a purpose's words). Its branches open with lookbehinds and optional commas, so sre tries every
# one at every character otherwise; a scan for any blank (starts_of) still tries three branches at each space
# of English text, this one only a dash or a few words' first letters. One class first, so that sre skips ahead
# by its bitmap. Any place a match of _EN_BREAK starts is one of these (tests/test_summarize_fastpaths.py; and
# tests/test_summarize_shortcuts.py, with texts made from each of _EN_BREAK's branches).
_EN_BREAK_AT = re.compile(
    rf"[,;{SPACES}](?:(?<=[,;])|(?<![{SPACES}][{SPACES}])[{SPACES}]*"
    rf"(?={_EN_DASHES}|{_EN_RELATIVE}|{_EN_PURPOSE_NEXT}))"
)
# A relative clause opens with its pronoun or with the preposition the pronoun governs ("during which",
# "from which"): a break before the pronoun moves back before such a preposition, so no clause ends on one
# ("… open for one month, during." is no sentence). Looked for only behind a break (at most PREP_MAX
# characters), not at every blank as _EN_BREAK_AT would.
_EN_PREP_BEFORE = re.compile(rf"(?<![\w'’-]){cues.EN_RELATIVE_PREP}$")
_EN_WH = re.compile(_EN_RELATIVE)
PREP_MAX = end_reach(_EN_PREP_BEFORE)
# "of which" after a quantifier ("three events in May, all of which are free", "two of which"): the quantifier
# is the relative clause's too, and the break moves back before it (no clause ends on ", all").
_EN_QUANT_BEFORE = re.compile(rf"(?<![\w'’-]){cues.EN_QUANTIFIER}\s$")
QUANT_MAX = 9  # the longest quantifier ("several", "neither") and its blank, and one more character
# Quotation marks that open (at the start or after a blank; a single one before a digit is a decade's or a
# year's apostrophe: "the '70s") and that close (after any mark but a blank: a word, "30%", "(online)", before
# no word). An apostrophe inside a word ("Where’s") is neither.
EN_QUOTE_OPEN = re.compile(r"(?<!\S)(?:['‘](?!\d)|[\"“])")
EN_QUOTE_CLOSE = re.compile(r"(?<=\S)['’\"”](?!\w)")
_QUOTE_MARKS = "'‘’\"“”"


# Not cuts._open_quote, on purpose: a headline piece may start inside a quotation and close it ('… minor
# offences," the letter said.'), which a count of double quotes takes for one left open; telling opening
# marks from closing ones by position does not, and catches a single-quoted name cut open ("the 'whole").
def quote_open(text: str) -> bool:
    """Whether English text opens a quotation it does not close ("Gauba said the 'whole")."""
    return len(EN_QUOTE_OPEN.findall(text)) > len(EN_QUOTE_CLOSE.findall(text))


def _quoted(text: str) -> list[int]:
    """For each quotation mark of text, in order, its position times two, plus one if it opens a quotation (an
    odd value opens, an even one closes): a break inside a quotation is no clause boundary."""
    marks = [m.start() * 2 + 1 for m in EN_QUOTE_OPEN.finditer(text)]
    marks += [m.start() * 2 for m in EN_QUOTE_CLOSE.finditer(text)]
    return sorted(marks)


_DASH = re.compile(rf"[{SPACES}][–—-]{{1,2}}\s")  # \s as its characters: sre skips ahead by a bitmap
# Datelines open news reports ("WASHINGTON –", "LONDON, May 3 (Reuters) --", "本报上海6月5日电(记者 李明)").
DATELINE = {
    "en": re.compile(
        r"^[A-Z][A-Z .']{2,30}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^)]{1,30}\))?\s*[–—-]{1,2}\s*"
    ),
    "zh": re.compile(r"^[^,。]{0,20}?\d{1,2}月\d{1,2}日(?:电|讯)\s*(?:\([^)]{0,30}\))?"),
}
_ASCII_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DATELINE_SECOND = _ASCII_UPPER | frozenset(" .'")
_EN_OPENER = re.compile(
    r"(?!(?:Starting|Beginning|From|By|As of|Effective|Until|On|No later than)\s+(?:[A-Z][a-z]+day|[A-Z][a-z]+ \d|\d"
    rf"|today|tomorrow|midnight|noon|{MONTH_NAME}))"
    r"(?:If|When|Where|To|In order to|Adhering to|Under|According to|As|After|Since|Following|Besides"
    r"|In addition|Meanwhile|Moreover|Also|However|Starting|From|By|With)\b"
    # The opener runs to its last comma: past a year's ("May 3, 2031") and past a list of single words
    # ("If a due date falls on a Saturday, Sunday or legal holiday,", "If the mark is illegible, erroneous or
    # omitted,", "on Monday, Tuesday, or Wednesday,"), whose items are the condition's, not the start of the
    # main clause.
    # The list must close with a comma of its own: "When the alarm sounds, staff, students and visitors must
    # leave" has a list after the condition's comma, and that list is the main clause's subject.
    r"(?:[^,]|,\s*\d{4}\b|,(?=(?:\s+[\w'’-]+,){0,8}\s+(?:(?:or|and)\s+[\w'’-]+|[\w'’-]+\s+(?:or|and)\s+[\w'’-]+)"
    r"(?:\s+[\w'’-]+)?,)){0,120},\s+"
)


# init=False and an __init__ of their own: mypyc compiles that one; the one dataclass writes runs as Python,
# and every clause and sentence of every notice is built through it. Equality and repr stay the dataclass's.
@dataclass(slots=True, init=False)
class Clause:
    """A comma/semicolon-delimited piece of a sentence: the unit a long directive is trimmed to."""

    text: str
    folded: str
    start: int  # offset in the notice text
    first: bool  # the sentence's first clause (usually subject and main verb)

    def __init__(self, text: str, folded: str, start: int, first: bool) -> None:
        self.text = text
        self.folded = folded
        self.start = start
        self.first = first


@dataclass(slots=True, init=False)
class Sentence:
    """One sentence (or heading line) with its place in the document."""

    index: int
    para: int
    pos: int  # position within its paragraph
    start: int
    text: str
    folded: str
    level: int  # outline level of a leading marker, 0 when none
    heading: bool  # a line without sentence punctuation (section title, date line, signature)
    clauses: list[Clause]

    def __init__(
        self,
        index: int,
        para: int,
        pos: int,
        start: int,
        text: str,
        folded: str,
        level: int,
        heading: bool,
        clauses: list[Clause] | None = None,
    ) -> None:
        self.index = index
        self.para = para
        self.pos = pos
        self.start = start
        self.text = text
        self.folded = folded
        self.level = level
        self.heading = heading
        self.clauses = [] if clauses is None else clauses


def outline_level(folded: str) -> tuple[int, int]:
    """The outline level of a leading marker and the marker's length, (0, 0) when there is none."""
    if not folded or (folded[0] not in _OUTLINE_FIRST and not folded[0].isdigit()):
        return 0, 0  # most sentences open with no marker: one set lookup instead of six regexes
    for level, pattern in _OUTLINE:
        m = pattern.match(folded)
        if m:
            return level, m.end()
    return 0, 0


def _dateline(folded: str, lang: Lang) -> int:
    # Cheap tests of what every dateline holds before the regex: "日电"/"日讯" near the start, or two
    # capitals ("WASHINGTON").
    if lang == "zh":
        head = folded[:30]
        if "日电" not in head and "日讯" not in head:
            return 0
    elif not (folded[:1] in _ASCII_UPPER and folded[1:2] in _DATELINE_SECOND):
        return 0
    m = DATELINE[lang].match(folded)
    return m.end() if m else 0


def _zh_clauses(text: str, folded: str, start: int) -> list[Clause]:
    clauses: list[Clause] = []
    depth = 0
    begin = _dateline(folded, "zh")
    n = len(folded)
    # Only brackets and clause marks matter; jump from one to the next instead of walking every character.
    for m in _ZH_MARK.finditer(folded, begin):
        i = m.start()
        ch = folded[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        # "1,000" and "6:4" are numbers, not clause breaks; "完成,2031年5月" is a break.
        elif depth == 0 and not (0 < i < n - 1 and folded[i + 1].isdigit() and folded[i - 1].isdigit()):
            _add(clauses, text, folded, start, begin, i + 1)
            begin = i + 1
    _add(clauses, text, folded, start, begin, n)
    return clauses


def _en_clauses(text: str, folded: str, start: int) -> list[Clause]:
    skip = _dateline(folded, "en")
    cuts: list[int] = []
    m = _EN_OPENER.match(folded, skip)
    if m:
        cuts.append(m.end())
    # Two dashes bracket an aside ("opinion - issued on May 1 - should"): not a clause boundary.
    dashes = len(_DASH.findall(folded))
    # The quotation marks, scanned once: "the ‘Walk to School, with a Friend’ scheme" is one name.
    marks = _quoted(text) if any(q in text for q in _QUOTE_MARKS) else []
    at = depth = 0  # the marks before the last break tried, and the quotations they leave open
    last_close = max((mark // 2 for mark in marks if mark % 2 == 0), default=-1)
    for b in finditer_at(_EN_BREAK_AT, _EN_BREAK, folded, skip):
        if b.start() <= (cuts[0] if cuts else 0):
            continue
        while at < len(marks) and marks[at] // 2 < b.start():
            depth = depth + 1 if marks[at] % 2 else max(0, depth - 1)
            at += 1
        if depth and last_close > b.start():
            continue  # inside a quotation that closes further on
        if b.group(0).strip() in ("-", "–", "—", "--") and (
            dashes > 1 or _en_range(folded, b.start(), b.end())
        ):
            continue  # one of two dashes around an aside, or "3 – 14 July": a range, not two clauses
        # ", and" after a one- or two-word item is a list ("plan, fund, and build"), not a clause.
        if folded.startswith(",", b.start()):
            item = folded[folded.rfind(",", 0, b.start()) + 1 : b.start()]
            if "," in folded[: b.start()] and len(item.split()) <= 2:
                continue
        cut = b.end()
        if (
            folded[b.start()] != ","
            and _EN_WH.match(folded, cut)
            and (p := _EN_PREP_BEFORE.search(folded, max(0, b.start() - PREP_MAX), b.start()))
        ):
            cut = p.start()  # "… for the semester | from which they were voided"
            if (
                folded.startswith("of", cut)
                and (q := _EN_QUANT_BEFORE.search(folded, max(0, cut - QUANT_MAX), cut))
                # a figure counts only after a comma ("…, 3 of which"): "Schedule 2 of which" is a label's number
                and (
                    not folded[q.start()].isdigit()
                    or (q.start() >= 2 and folded.startswith(", ", q.start() - 2))
                )
            ):
                cut = q.start()  # "… in May, | all of which are free"
            if cuts and cut <= cuts[-1]:
                continue
        cuts.append(cut)
    clauses: list[Clause] = []
    begin = skip
    for cut in [*cuts, len(folded)]:
        _add(clauses, text, folded, start, begin, cut)
        begin = cut
    if m and len(clauses) > 1:
        # The opener ("If a pipe bursts …,") frames the sentence; its subject starts in the next clause.
        clauses[0].first, clauses[1].first = False, True
    return clauses


def _add(out: list[Clause], text: str, folded: str, start: int, a: int, b: int) -> None:
    piece = text[a:b]
    stripped = piece.strip()
    if stripped is piece:  # nothing to strip (strip returns the string itself), as with most clauses
        out.append(Clause(piece, folded[a:b], start + a, not out))
        return
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    f = folded[a + lead : a + lead + len(stripped)]
    out.append(Clause(stripped, f, start + a + lead, not out))


def _sentence_spans(line: str, folded: str, lang: Lang) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    begin = 0
    ends = _ZH_END if lang == "zh" else _EN_END
    for m in ends.finditer(folded):
        if lang == "en" and _EN_ABBREV.search(folded[max(0, m.start() - 6) : m.start() + 1]):
            continue
        spans.append((begin, m.end()))
        begin = m.end()
    if begin < len(line):
        spans.append((begin, len(line)))
    return spans


def split(text: str, lang: Lang, max_sentences: int | None = None) -> list[Sentence]:
    """Split text into sentences with clauses; stop after max_sentences to bound the work on huge texts."""
    sentences: list[Sentence] = []
    offset = 0
    para = 0
    folded_text = fold(text)  # one pass over the text; the fold keeps offsets, so lines slice out of it
    make = _zh_clauses if lang == "zh" else _en_clauses
    for raw in text.split("\n"):
        line_start = offset
        offset += len(raw) + 1
        line = raw.rstrip()
        if not line.strip():
            continue
        folded = folded_text[line_start : line_start + len(line)]
        pos = 0
        for a, b in _sentence_spans(line, folded, lang):
            piece = line[a:b]
            lead = len(piece) - len(piece.lstrip())
            s_text = piece.strip()
            if not s_text:
                continue
            s_fold = folded[a + lead : a + lead + len(s_text)]
            start = line_start + a + lead
            level, _ = outline_level(s_fold)
            heading = pos == 0 and b == len(line) and not _ends_sentence(s_fold, lang)
            sentence = Sentence(len(sentences), para, pos, start, s_text, s_fold, level, heading)
            sentence.clauses = make(s_text, s_fold, start)
            sentences.append(sentence)
            pos += 1
            if max_sentences is not None and len(sentences) >= max_sentences:
                return sentences
        para += 1
    return sentences


def _ends_sentence(folded: str, lang: Lang) -> bool:
    tail = folded.rstrip('”’"」』)')
    return bool(tail) and tail[-1] in ("。!?;:" if lang == "zh" else ".!?;:")
