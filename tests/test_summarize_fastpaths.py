"""The summariser's fast paths find what their plain forms find (speed-only rewrites; issue #9's speed target)."""

from __future__ import annotations

import dataclasses
import operator
import random
import re
import sys

import pytest

from bot import dates
from bot.summarize import rank, sentences
from bot.summarize.rank import Unit, tokens

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
        assert [m.span() for m in sentences._en_breaks(text, skip)] == plain, text


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
        b = [rng.choice([0.0, rng.random(), 7.0]) for _ in range(n)]
        assert rank._dot(a, b) == sum(map(operator.mul, a, b))
