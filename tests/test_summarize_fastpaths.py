"""The summariser's fast paths find what their plain forms find (speed-only rewrites; issue #9's speed target)."""

from __future__ import annotations

import dataclasses
import operator
import random
import re
import sys

import pytest

from bot import dates
from bot.summarize import (
    bodies_en,
    compress,
    cues,
    cuts,
    docno_en,
    docno_zh,
    importance,
    meta,
    meta_en,
    rank,
    sentences,
)
from bot.summarize.headline import Piece, _join, _joined_length
from bot.summarize.lang import Lang
from bot.summarize.prefilter import finditer_at
from bot.summarize.rank import EN_BOILERPLATE_LOW, Unit, tokens

_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")


def test_english_clause_breaks_are_the_plain_scan_s() -> None:
    rng = random.Random(7)
    words = [
        "Employers", "must", "file", "and", "which", "where", "whose", "so that", "to avoid", "in order to",
        "or until", "or unless", "to allow", "to the", "the circular said", "including", "July 31, 2026",
        "-", "--", "—", ";", ",", "  ", "   ", "\t", "x",
    ]  # fmt: skip
    for _ in range(3000):
        text = ""
        for _ in range(rng.randint(0, 18)):
            text += rng.choice(words) + rng.choice(["", " ", ", ", "; ", "  "])
        skip = rng.randint(0, max(0, len(text) - 1))
        plain = [m.span() for m in sentences._EN_BREAK.finditer(text, skip)]
        found = finditer_at(sentences._EN_BREAK_AT, sentences._EN_BREAK, text, skip)
        assert [m.span() for m in found] == plain, text


def test_chinese_tokens_are_every_run_s_bigrams() -> None:
    rng = random.Random(9)
    for _ in range(2000):
        text = "".join(
            rng.choice(["通", "知", "要", "求", "，", "a", " ", "1", "各", "部门"])
            for _ in range(rng.randint(0, 20))
        )
        grams: set[str] = set()
        for run in _HAN_RUN.findall(text):
            grams.update([run] if len(run) == 1 else map(operator.add, run, run[1:]))
        assert tokens(text, "zh") == frozenset(grams), text


def test_dates_are_tried_where_the_plain_scan_tries_them() -> None:
    # The plain scan: the full date pattern at every digit, Chinese numeral and month initial (at a word's
    # start); the fast one first checks what every date shape holds next.
    first = re.compile(rf"[\d{dates._CN_NUM}ｏADFJMNOSadfjmnosſ](?<!\w[ADFJMNOSadfjmnosſ])")

    def plain(text: str) -> list[tuple[int, int]]:
        spans, pos = [], 0
        while (at := first.search(text, pos)) is not None:
            m = dates._TEXT_DATE_RE.match(text, at.start())
            pos = at.start() + 1 if m is None else m.end()
            if m is not None:
                spans.append(m.span())
        return spans

    rng = random.Random(13)
    dated = [
        "2020年3月1日", "二〇二〇年三月一日", "2020 年 02 月 03 号", "十二月三十一日", "3月底", "2019年4月末",
        "2020-03-01", "2020/3/1", "2020.03.01", "31.03.2020", "3/25/2026", "March 3, 2020", "mar. 3 2020",
        "3rd of March", "1ST MAR", "5 june 2020", "ſept 3", "SEPT 30", "May 1", "21 December",
    ]  # fmt: skip
    noise = [
        "2020",
        "3",
        "12",
        "年",
        "月",
        "三",
        "ｏ",
        "Ｏ",
        " ",
        "-",
        "/",
        ".",
        ",",
        "nd",
        "of",
        "x",
        "a",
        "统一",
        "٣",
    ]
    for _ in range(3000):
        text = "".join(rng.choice(dated if rng.random() < 0.3 else noise) for _ in range(rng.randint(0, 10)))
        assert [m.span() for m in dates._date_matches(text)] == plain(text), text


def test_sentences_clauses_and_units_built_by_their_own_init_are_dataclasses_still() -> None:
    # Their __init__ is written out (mypyc compiles it); what the dataclass gave must not change.
    a = sentences.Sentence(0, 0, 0, 0, "x", "x", 0, False)
    b = sentences.Sentence(index=0, para=0, pos=0, start=0, text="x", folded="x", level=0, heading=False)
    assert a == b and a.clauses == [] and a.clauses is not b.clauses
    clause = sentences.Clause("要求", "要求", 3, True)
    a.clauses.append(clause)
    assert a != b and dataclasses.replace(clause, start=4) == sentences.Clause("要求", "要求", 4, True)
    unit = Unit(a, clause, 1.5, frozenset({"要求"}), True)
    assert unit == Unit(a, clause, 1.5, frozenset({"要求"}), directive=True)
    assert repr(clause) == "Clause(text='要求', folded='要求', start=3, first=True)"


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="sum() compensates rounding from Python 3.12 on")
def test_the_typed_dot_product_adds_as_sum_does() -> None:
    rng = random.Random(17)
    for _ in range(500):
        n = rng.randint(0, 40)
        a = [rng.choice([0.0, rng.random(), rng.random() * 1e-9, 1 / 3]) for _ in range(n)]
        at = sorted(rng.sample(range(n), rng.randint(0, n)))  # a sparse row's columns
        b = [rng.choice([rng.random(), 7.0]) for _ in at]
        assert rank._dot(a, at, b) == sum(map(operator.mul, map(a.__getitem__, at), b))
        # the zeros a sparse row leaves out add nothing: the dense row's sum, float for float
        dense = [0.0] * n
        for i, x in zip(at, b, strict=True):
            dense[i] = x
        assert rank._dot(a, at, b) == sum(map(operator.mul, a, dense))


def _mix(rng: random.Random, parts: list[str], seps: list[str], most: int) -> str:
    return "".join(rng.choice(parts) + rng.choice(seps) for _ in range(rng.randint(0, most)))


def test_english_labelled_numbers_are_the_plain_scan_s() -> None:
    # The fast scan tries the label only where one can start, and nothing in a text without - or /.
    rng = random.Random(21)
    parts = [
        "Release No.", "RELEASE NUMBER", "release #", "Release", "News Release", "PR", "FR Doc.", "Published Document",
        "Federal Register Document No", "Notice", "Public Notice No.", "Executive Order", "Rev. Proc.", "Tax Tip",
        "Guidance Note", "Circular", "Order No", "EO", "IR-2026-44", "17-919-NAT", "C19-05b", "2020-23", "2020/05",
        "40-3/2020-DM-I(A)", "ıR-2020-1", "ſ-1", "K-9", "x-y", "No.", ":", "#", "-", "/", ".5", "the", "Employers",
    ]  # fmt: skip
    seps = ["", " ", "  ", ": ", "\n", ", ", "-", "/"]
    found = 0
    for _ in range(1500):
        text = _mix(rng, parts, seps, 9)
        plain = [m.span() for m in docno_en._EN_LABELLED_NO.finditer(text)]
        assert [m.span() for m in docno_en._labelled(text)] == plain, text
        found += bool(plain)
    assert docno_en._EN_LABELLED_AT is not None and found > 150
    assert [m.group(1) for m in docno_en._labelled("Release No. IR-2026-44 and FR Doc. 2020-05123")] == [
        "IR-2026-44",
        "2020-05123",
    ]


def test_press_subjects_and_spokespersons_are_the_plain_scan_s() -> None:
    rng = random.Random(23)
    parts = [
        "The", "the", "Internal Revenue Service", "Department of Labor", "Ministry of Manpower", "(MOM)", "(Cal OES)",
        "(C19-03)", "OSHA", "Secretary", "Jane Doe", "today", "(March 24)", "on Monday", "has", "also", "announced",
        "reminded", "said", "issued by", "according to", "a statement from", "said the", "Board", "Council", "and",
        "of", "it", "’", "'s", "Employers", "must", "file", ".", ",", "HM Revenue and Customs", "(HMRC)", "(",
    ]  # fmt: skip
    seps = ["", " ", " ", "  ", "\t", ", ", "\n", ". "]
    found = 0
    for _ in range(1000):
        text = _mix(rng, parts, seps, 12)
        for at, pattern in (
            (meta_en._PRESS_AT, meta_en._PRESS),
            (meta_en._SPOKESPERSON_AT, meta_en._SPOKESPERSON),
        ):
            assert at is not None
            plain = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in finditer_at(at, pattern, text)] == plain, text
            found += bool(plain)
        for fast, pattern in (
            (bodies_en.acronymed_in, bodies_en.ACRONYMED),
            (bodies_en.spelled_in, bodies_en.SPELLED),
        ):
            plain = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in fast(text)] == plain, text
            found += bool(plain)
    assert found > 100
    press = "The Internal Revenue Service today reminded employers; the Board said."
    assert [m.group(1) for m in finditer_at(meta_en._PRESS_AT, meta_en._PRESS, press)] == [
        "Internal Revenue Service",
        "Board",
    ]


def test_chinese_document_numbers_are_the_plain_scan_s() -> None:
    # Matches start up to ten Han characters and any blanks before a bracketed year and serial; one may start
    # inside the serial of the one before ("号〔2021〕2号"), after a core that has no match.
    rng = random.Random(25)
    parts = [
        "国办发", "教育部", "关于", "印发", "文", "〔", "〕", "[", "]", "［", "］", "(", ")", "（", "）", "【", "】", "„",
        "‟", "﹝", "﹞", "2020", "1999", "2101", "第", "3", "11", "12345", "号", "。", "a", " ", "  ", "\n", "\u3000",
        "〔2020〕1号", "[2019]3号", "（2023）第11号", "【2021】 5 号", "(2101)2号", " „2020‟ 7号", "﹝2020﹞12345号",
    ]  # fmt: skip
    found = 0
    for _ in range(2000):
        text = _mix(rng, parts, ["", "", "", " "], 16)
        plain = [m.span() for m in docno_zh._DOC_NO.finditer(text)]
        assert [m.span() for m in docno_zh._doc_numbers(text)] == plain, text
        found += bool(plain)
    assert found > 100
    for text in (
        "〔2020〕1号〔2021〕2号",
        "人社部发 \n 〔2020〕 第 3 号",
        "一二三四五六七八九十百〔2020〕1号",
    ):
        plain = [m.span() for m in docno_zh._DOC_NO.finditer(text)]
        assert plain and [m.span() for m in docno_zh._doc_numbers(text)] == plain, text


# One example of each branch of BOILERPLATE["en"] not anchored at the start; a new branch needs its words in
# cues._EN_BOILERPLATE_WORDS and its example here.
_UNANCHORED_BOILERPLATE = [
    "we apologise for any inconvenience", "please call our hotline", "do not hesitate to contact us",
    "kept for historical reference", "this page has been archived", "the irs is the federal agency that",
    "our mission is to serve", "visit www.example.org", "see https://example.org", "or call 311",
    "phone (202) 555-0100", "tty users", "the full list is available at www.example.org",
    "the purpose of the works on the old north footbridge and its steps is to keep it safe",
]  # fmt: skip


def _top_level_branches(pattern: re.Pattern[str]) -> list[list[tuple[object, object]]]:
    parsed = list(re._parser.parse(pattern.pattern, pattern.flags))  # type: ignore[attr-defined]
    assert len(parsed) == 1 and parsed[0][0] is re._constants.BRANCH  # type: ignore[attr-defined]
    return list(parsed[0][1][1])


def test_english_boilerplate_test_is_the_plain_search_s() -> None:
    low = cues.caseless(cues.BOILERPLATE["en"])
    fast = rank._LOW["en"].boilerplate
    at_start = re._constants.AT_BEGINNING  # type: ignore[attr-defined]
    unanchored = [b for b in _top_level_branches(low) if not (b and b[0] == (re._constants.AT, at_start))]  # type: ignore[attr-defined]
    # The branches _UNANCHORED_BOILERPLATE has examples of (two of one: "historical", "archived").
    assert len(unanchored) == 13
    rng = random.Random(27)
    parts = [
        *_UNANCHORED_BOILERPLATE, "for more information", "media contact: jane", "thank you", "thanks to", "i hope you",
        "we know many", "source: irs", "agency: fda", "employers must file", "by may 1", "the", "call", "contact", "visit",
    ]  # fmt: skip
    for _ in range(3000):
        text = _mix(rng, parts, ["", " ", ". ", ", "], 5)
        assert cues.boilerplate_in(fast, text, "en") == (low.search(text) is not None), text
    for text in _UNANCHORED_BOILERPLATE:
        assert cues.boilerplate_in(fast, "employers must file. " + text, "en"), text
    assert not cues.boilerplate_in(fast, "employers must file by may 1.", "en")
    assert cues.boilerplate_in(rank._LOW["zh"].boilerplate, "来源:教育部", "zh")


def test_weighed_built_by_its_own_init_is_a_dataclass_still() -> None:
    clause = sentences.Clause("要求", "要求", 3, True)
    unit = Unit(sentences.Sentence(0, 0, 0, 0, "x", "x", 0, False), clause, 1.5, frozenset(), True)
    a = importance.Weighed(unit, 2.0, False)
    assert a == importance.Weighed(unit=unit, weight=2.0, dated=False) != importance.Weighed(unit, 2.0, True)
    assert [f.name for f in dataclasses.fields(a)] == ["unit", "weight", "dated"]


def test_more_english_metadata_scans_are_the_plain_scan_s() -> None:
    rng = random.Random(29)
    parts = [
        "The", "the", "ministry", "department", "Ministry", "has", "today", "issued", "said", "Order of the",
        "Health Officer", "Directive from the", "Board", "No.", "Number", "Order", "Release", "Notice No.", "#",
        "Executive Order", "13950", "E.O.", "EO", "45", "7.1", "a circular from", "MOM", "By order of", "Form",
        "IR-2026-44", "17-919-NAT", "C19-05b", "W-2", "Section", "80-C", "directing", "on", ",", ".", "\n",
        "The ministry has issued", "the Board today ordered", "Order of the Health Officer of the County",
        "a circular from the Ministry of Education instructed", "By Order of the Governor.",
    ]  # fmt: skip
    scans = [
        (meta_en._ANAPHOR_AT, meta_en._ANAPHOR),
        (meta_en._ORDER_OF_AT, meta_en._ORDER_OF),
        (docno_en._RELEASE_SHAPE_AT, docno_en._RELEASE_SHAPE),
        (docno_en._EN_SERIAL_AT, docno_en._EN_SERIAL_NO),
    ]
    found = [0] * len(scans)
    for _ in range(1200):
        text = _mix(rng, parts, ["", " ", " ", "  ", ": ", "\n"], 10)
        for i, (at, pattern) in enumerate(scans):
            assert at is not None
            plain = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in finditer_at(at, pattern, text)] == plain, text
            found[i] += bool(plain)
    assert min(found) > 10, found


def test_chinese_serial_numbers_are_still_found() -> None:
    # Both forms end in 第…号; a text without them is not searched.
    assert meta.find_doc_number("海关总署公告2020年第16号", "") == "海关总署公告2020年第16号"
    assert meta.find_doc_number("", "中华人民共和国国务院令\n第 715 号\n") == "中华人民共和国国务院令第715号"


def test_a_headline_piece_s_boilerplate_test_is_the_case_folding_search_s() -> None:
    # headline tests its English pieces as rank tests sentences: lowercased, unanchored branches only when
    # their words occur; pieces keep their case, so the plain form is the case-folding search of the original.
    rng = random.Random(29)
    parts = [
        *_UNANCHORED_BOILERPLATE, *(t.upper() for t in _UNANCHORED_BOILERPLATE), "For more information",
        "Media Contact: Jane", "Thank you", "Thanks to", "I hope you", "We know many", "Source: IRS", "AGENCY: FDA",
        "Employers must file", "by May 1", "The", "Call", "CONTACT", "Visit", "TTY", "Hotline", "###", "Share",
    ]  # fmt: skip
    found = 0
    for _ in range(3000):
        text = _mix(rng, parts, ["", " ", ". ", ", "], 5)
        plain = cues.BOILERPLATE["en"].search(text) is not None
        assert cues.boilerplate_in(EN_BOILERPLATE_LOW, text.lower(), "en") == plain, text
        found += plain
    assert found > 300


def test_the_last_figure_or_date_is_the_plain_scan_s_last() -> None:
    rng = random.Random(31)
    parts = [
        "Employers", "must", "file", "by", "May", "Monday", "today", "Todays", "tonight", "noon", "March 3", "2026",
        "A320-200", "x/5", "#7", "v.2", "a=3", "1,000", "12", "3rd", "Junes", "December", "Sunday", "(", ")", "-",
        "at", "in the", "Morris", "Hall", "of", "9 a.m.",
    ]  # fmt: skip
    for _ in range(3000):
        text = _mix(rng, parts, ["", " ", ", ", ". ", "\n"], 10)
        floor = rng.randint(0, len(text))
        ends = [m.end() for p in (cuts._DIGIT, cuts.EN_WHEN_WORD, cuts._EN_VENUE) for m in p.finditer(text)]
        assert cuts._past_figures(text, floor) == max([floor, *ends]), text


def _plain_shorten(text: str, limit: int) -> str:
    """cuts.shorten as first written: each pattern scanned again for the boundaries after limit."""
    if len(text) <= limit:
        return text
    floor = cuts._en_floor(text)
    for pattern in (cuts._EN_TAIL, cuts._EN_PREP):
        found = [m.start() for m in pattern.finditer(text)]
        hits = [at for at in found if floor <= at <= limit and cuts._ends_well(text, at)]
        if hits:
            return cuts.en_trim(text[: hits[-1]])
    later = [
        m.start()
        for p in (cuts._EN_TAIL, cuts._EN_PREP)
        for m in p.finditer(text)
        if m.start() >= max(floor, limit) and cuts._ends_well(text, m.start())
    ]
    return cuts.en_trim(text[: min(later)]) if later else text


def test_shorten_scans_each_cut_pattern_once_and_cuts_as_before() -> None:
    rng = random.Random(33)
    parts = [
        "Employers", "must", "file", "the forms", "returns", "by May 1, 2026", "in order to", "which", "of the",
        "to the ministry", "to Singapore", "for the duration", "where possible", "and will", "including", "the Ministry",
        "of Manpower", "the number", "should relate", "to", "not", '"permit', 'consent"', "in place", "7 p.m.", "so",
    ]  # fmt: skip
    cut = 0
    for _ in range(400):
        text = _mix(rng, parts, [" ", " ", ", ", "; "], 16).strip()
        limit = rng.choice([20, 40, 70])
        assert cuts.shorten(text, limit, "en") == _plain_shorten(text, limit), text
        cut += cuts.shorten(text, limit, "en") != text
    assert cut > 50


def test_trailing_marks_are_trimmed_as_the_trail_pattern_removes_them() -> None:
    assert not [c for c in map(chr, range(0x3001, sys.maxunicode + 1)) if c.isspace()]
    rng = random.Random(35)
    parts = [
        "a",
        "要求",
        "U.S",
        " ",
        "  ",
        "\n",
        "\t",
        "\u3000",
        "\xa0",
        "\u2028",
        ",",
        "，",
        "。",
        ".",
        "!",
        "?",
        "–",
        "-",
        ";",
        "、",
    ]
    for _ in range(3000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 12)))
        assert cuts.trim_marks(text) == cuts.TRAIL.sub("", text), repr(text)


def test_english_compression_s_openers_and_formula_are_removed_as_sub_removes_them() -> None:
    rng = random.Random(37)
    parts = [
        "However", "now", "Today", "Yesterday", "today", "DATES", "SUMMARY:", "Please note that", "Further to",
        "our notice of 2 June", "This means", "It will mean that", "the", "Employers", "must", "also", "ALSO",
        "further", "until further", "further to", "strongly", "Fully", "in order", "to", "take all necessary steps to",
        "ensure", "and", "but", "Meanwhile", "•", "-", "Straße", "ſtrongly", "İt", "K", "DATE: 2024-01-02",
    ]  # fmt: skip
    found = [0, 0, 0]
    for _ in range(3000):
        text = _mix(rng, parts, [" ", " ", ", ", ": ", "  ", "\n"], 8)
        for i, pattern in enumerate((compress._EN_OPENER, compress._EN_LEAD)):
            plain = pattern.sub("", text)
            assert compress._after(pattern, text) == plain, text
            found[i] += plain != text
        plain = compress._EN_FORMULA.sub("", text)
        assert compress._without_formula(text) == plain, text
        found[2] += plain != text
    assert min(found) > 200


def test_the_openers_cut_at_the_start_are_anchored_in_every_branch() -> None:
    # compress._after matches once at the start: right only while every branch opens with ^.
    sre = re._constants  # type: ignore[attr-defined]
    lead = list(re._parser.parse(compress._EN_LEAD.pattern, compress._EN_LEAD.flags))  # type: ignore[attr-defined]
    for branch in [*_top_level_branches(compress._EN_OPENER), lead]:
        first = branch[0]
        while first[0] is sre.SUBPATTERN:
            first = first[1][3][0]
        assert first == (sre.AT, sre.AT_BEGINNING), branch


def _plain_find_dates(text: str, default_year: int | None) -> list[tuple[int, int, object, bool]]:
    """find_dates as first written: each match's shape read from the dict of all its groups."""
    hits = []
    for m in dates._TEXT_DATE_RE.finditer(dates.fullwidth_to_ascii(text)):
        g = m.groupdict()
        if g["zm"] is not None:
            year_s, month, day = g["zy"], dates._cn_int(g["zm"]), dates._cn_int(g["zd"])
        elif g["mem"] is not None:
            year_s, month, day = g["mey"], dates._cn_int(g["mem"]), 0
        elif g["iy"] is not None:
            year_s, month, day = g["iy"], int(g["im"]), int(g["id"])
        elif g["na"] is not None:
            year_s, month, day = g["ny"], *dates._month_day(int(g["na"]), int(g["nb"]))
        elif g["enm"] is not None:
            year_s, month, day = g["eny"], dates._MONTHS[g["enm"].lower()], int(g["end"])
        else:
            year_s, month, day = g["by"], dates._MONTHS[g["bm"].lower()], int(g["bd"])
        if (g["enm"] or g["bm"] or "").lower() == "may" and "May" not in m[0] and "MAY" not in m[0]:
            continue
        year = dates._cn_int(year_s) if year_s else default_year
        date = dates._make(year, month, day)
        if date is not None and 1900 <= date.year <= 2100:
            hits.append((m.start(), m.end(), date, bool(year_s)))
    return hits


def test_dates_are_read_by_the_shape_s_last_group_as_from_all_groups() -> None:
    rng = random.Random(39)
    parts = [
        "2020年", "二〇二〇年", "2月", "十二月", "3日", "三十一日", "号", "底", "末", "2020-02-03", "2020/2/30", "2020.12.01",
        "March", "may", "May", "MAY", "Sept.", "3rd", "26", "of", "2026", "1899", "25/03/2020", "04/05/2020", "31.03.2020",
        "１２月", "ｏ", "Ｏ", ",", " ", "  ", "前", "起", "x",
    ]  # fmt: skip
    found = 0
    for _ in range(3000):
        text = _mix(rng, parts, ["", "", " ", ", "], 8)
        year = rng.choice([None, 2000])
        got = [(h.start, h.end, h.date, h.explicit_year) for h in dates.find_dates(text, year)]
        assert got == _plain_find_dates(text, year), text
        found += bool(got)
    assert found > 600


def test_the_date_prefilter_of_ascii_text_is_maybe_date_s() -> None:
    rng = random.Random(41)
    parts = [
        "Jan", "JANUARY", "jan", "xjan", "_jan", "2jan", "Sept", "sep", "oct", "Dec.", "mayor", "May", "dam", "an",
        "2020-02", "3/4", "1.5", "12", "-", "/", ".", "a", "Employers", "by", "(", "ſep", "月", "K",
    ]  # fmt: skip
    found = 0
    for _ in range(4000):
        text = _mix(rng, parts, ["", " ", ", "], 6)
        plain = dates.MAYBE_DATE.search(text) is not None
        assert dates._maybe_date(text) == plain, text
        found += plain
    assert 500 < found < 3500


def test_the_joined_length_is_the_length_of_the_joined_headline() -> None:
    rng = random.Random(23)
    zh = ["各地要加强巡查", "各地要", "须按时上报", "落实责任", "各乡镇须", "要开展排查", "企业应当", "严禁"]
    en = ["Employers must file by May 1.", "Tenants may apply", "", "It ends.", "Apply online"]
    langs: tuple[tuple[Lang, list[str]], ...] = (("zh", zh), ("en", en))
    for lang, words in langs:
        subjects: dict[int, str | None] = {}  # shared across calls, as the fill loop shares it
        pool = [
            Piece(
                "".join(rng.sample(words, rng.randint(1, 3))),
                rng.randint(0, 9),
                rng.randint(0, 3),
                1.0,
                False,
            )
            for _ in range(12)
        ]
        for _ in range(300):
            pieces = rng.sample(pool, rng.randint(0, 5))
            assert _joined_length(pieces, lang, subjects) == len(_join(pieces, lang))


def test_the_last_figure_is_sought_only_where_there_is_one() -> None:
    plain = (cuts._LAST_DIGIT, cuts._LAST_WHEN_WORD, cuts._LAST_VENUE)
    rng = random.Random(29)
    words = [
        "on",
        "Friday",
        "at",
        "the",
        "Town",
        "Hall",
        "9",
        "am",
        "5 p.m.",
        "in",
        "May",
        "x1",
        "today",
        ",",
        "2031",
    ]
    for _ in range(2000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
        floor = rng.randint(0, 20)
        want = max([floor, *[m.end() for p in plain if (m := p.match(text))]])
        assert cuts._past_figures(text, floor) == want, text


def test_the_reporter_frame_with_its_lookahead_matches_as_without() -> None:
    fast = compress._ZH_FRAME
    lookahead = "(?=[^,。]{2,53}?(?:获悉|了解到))"
    assert lookahead in fast.pattern
    plain = re.compile(fast.pattern.replace(lookahead, ""))
    rng = random.Random(31)
    parts = [
        "记者",
        "从",
        "在",
        "市教育局",
        "获悉",
        "了解到",
        ",",
        "。",
        "据",
        "消息",
        "通知",
        "要求",
        "近日",
        "一二三四五",
    ]
    for _ in range(3000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 14)))
        a, b = fast.match(text), plain.match(text)
        assert (a and a.span()) == (b and b.span()), text


def test_the_topic_line_with_its_lookahead_matches_as_without() -> None:
    lookahead = "(?=[^,;:。]{2,42}(?:问题|情况)[。.]?$)"
    assert cues.TOPIC.pattern.startswith(lookahead)
    plain = re.compile(cues.TOPIC.pattern[len(lookahead) :])
    rng = random.Random(41)
    parts = [
        "关于",
        "校车",
        "接送",
        "的",
        "问题",
        "情况",
        "。",
        ",",
        "须",
        "报送",
        "研究",
        "各地",
        "要",
        "一二三四五六七八",
    ]
    for _ in range(4000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 12)))
        at = rng.randint(0, 3)
        a, b = cues.TOPIC.match(text, at), plain.match(text, at)
        assert (a and a.span()) == (b and b.span()), text
