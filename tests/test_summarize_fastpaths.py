"""The summariser's fast paths find what their plain forms find (speed-only rewrites; issue #9's speed target)."""

from __future__ import annotations

import operator
import random
import re

from bot.summarize import sentences
from bot.summarize.rank import tokens

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
