"""Restructured hot paths of the summariser compute what their textbook forms compute, to the last bit."""

from __future__ import annotations

import math
import random
import re

from bot.summarize import compress, cues, cuts, docno_zh, headline, sentences
from bot.summarize.headline import _EN_PIECE_COST, Piece, _pack
from bot.summarize.lang import _FOLD, _LONG, detect_lang, fold
from bot.summarize.pieces import DATE_TEXT, TIME_ONLY, time_only
from bot.summarize.prefilter import finditer_at, search_at
from bot.summarize.rank import Unit, centrality
from bot.summarize.regroup import regrouped
from bot.summarize.select import _figures
from bot.summarize.sentences import Clause, Sentence


def _reference_centrality(token_sets: list[frozenset[str]]) -> list[float]:
    """TextRank as centrality() computes it, with the matrix filled pair by pair."""
    n = len(token_sets)
    counts: dict[str, int] = {}
    for toks in token_sets:
        for t in toks:
            counts[t] = counts.get(t, 0) + 1
    drop = {t for t, k in counts.items() if k < 2 or k > n // 2 + 2}
    sets = [toks - drop for toks in token_sets]
    logs = [math.log(len(toks) + 1) + 1e-9 for toks in token_sets]
    rows = [[0.0] * n for _ in range(n)]
    for a in range(n):
        for b in range(a + 1, n):
            common = len(sets[a] & sets[b])
            if common:
                rows[a][b] = rows[b][a] = common / (logs[a] + logs[b])
    inv = [1 / total if (total := sum(row)) else 0.0 for row in rows]
    score = [1.0] * n
    for _ in range(30):
        share = [x * i for x, i in zip(score, inv, strict=True)]
        new = [
            0.15000000000000002 + 0.85 * sum(x * y for x, y in zip(share, row, strict=True)) for row in rows
        ]
        delta = sum(abs(x - y) for x, y in zip(new, score, strict=True))
        score = new
        if delta < 1e-3 * n:
            break
    top, low = max(score), min(score)
    return [(x - low) / ((top - low) or 1.0) for x in score]


def test_centrality_is_textrank_to_the_last_bit() -> None:
    rng = random.Random(5)
    words = [chr(0x4E00 + i) for i in range(12)]
    for _ in range(200):
        sets = [frozenset(rng.sample(words, rng.randint(0, 6))) for _ in range(rng.randint(1, 20))]
        assert centrality(sets) == _reference_centrality(sets)


def test_centrality_counts_shared_tokens_as_the_pairwise_matrix_does_on_larger_notices() -> None:
    # Sentences holding many of few tokens: most tokens are in several sentences, some in more than half.
    rng = random.Random(7)
    words = [chr(0x4E00 + i) + chr(0x4E10 + i) for i in range(30)]
    for _ in range(40):
        sets = [frozenset(rng.sample(words, rng.randint(0, 12))) for _ in range(rng.randint(20, 70))]
        assert centrality(sets) == _reference_centrality(sets)


def test_fold_maps_each_character_on_its_own_in_short_and_long_texts() -> None:
    rng = random.Random(17)
    alphabet = [*_FOLD, *_FOLD.values(), "要", "a", "\n", "。", "“"]
    for size in (0, 5, _LONG - 1, _LONG, _LONG + 1, 3 * _LONG):
        for _ in range(20):
            text = "".join(rng.choice(alphabet) for _ in range(size))
            assert fold(text) == "".join(_FOLD.get(c, c) for c in text)


def test_a_selection_s_figures_are_each_clause_s_numbers_found_once() -> None:
    def unit(text: str) -> Unit:
        clause = Clause(text, text, 0, True)
        return Unit(Sentence(0, 0, 0, 0, text, text, 0, False, [clause]), clause, 1.0, frozenset(), True)

    a, b = unit("5月1日前报送3份"), unit("截至2031年6月")
    found: dict[int, set[str]] = {}
    assert _figures([a], found) == {"5", "1", "3"}
    assert _figures([a, b], found) == {"5", "1", "3", "2031", "6"}
    assert found[id(a)] == {"5", "1", "3"}  # the union was a new set: the unit's own stays as found
    assert _figures([], found) == set()


def test_the_possessive_document_number_finds_what_the_backtracking_one_does() -> None:
    backtracking = re.compile(docno_zh._DOC_NO.pattern.replace("{1,10}+)", "{1,10})", 1))
    assert backtracking.pattern != docno_zh._DOC_NO.pattern
    rng = random.Random(11)
    slots = [
        ["", "关于", "国务院办公厅国办发", "人社部函", "a", "，"],
        ["", " ", "  "],
        ["〔", "(", "（", "[", "，"],
        ["2020", "1999", "2101", "20"],
        ["〕", ")", "）", "]", "号"],
        ["", "第", " "],
        ["3", "12", "12345", ""],
        ["号", "", "号文"],
    ]
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(slot) for slot in slots for _ in range(rng.choice([1, 1, 1, 2])))
        expected = [m.groups() for m in backtracking.finditer(text)]
        found += len(expected)
        assert [m.groups() for m in docno_zh._DOC_NO.finditer(text)] == expected, text
    assert found > 50  # the loop compared real matches


def test_sentence_ends_are_found_where_the_two_branch_form_finds_them() -> None:
    two_branch = re.compile(r"[。!?！？]+[”’\"」』)]*|[;；](?=\s*$)")
    rng = random.Random(13)
    pieces = ["。", "!", "？", "；", ";", "”", "」", ")", " ", "\n", "要", "a"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        expected = [m.span() for m in two_branch.finditer(text)]
        assert [m.span() for m in sentences._ZH_END.finditer(text)] == expected, text


def test_language_is_detected_as_by_counting_both_scripts() -> None:
    def counted(text: str) -> str:
        sample = text[:2000]
        han = len(re.findall(r"[\u3400-\u9fff]", sample))
        latin = len(re.findall(r"[A-Za-z]", sample))
        return "zh" if han * 4 >= latin and han > 0 else "en"

    rng = random.Random(17)
    for _ in range(3000):
        text = "".join(
            rng.choice(["通知", "要", "notice ", "a", "1", " ", "，"]) for _ in range(rng.randint(0, 40))
        )
        assert detect_lang(text) == counted(text), text


def _grouped_reference(pool: list[Piece], limit: int, sep: int, cost: float = 0.0) -> list[int]:
    """The grouped 0/1 knapsack table with a bitmask of pieces per total (at most one piece per group);
    each piece is worth its weight less cost."""
    room = limit - 1 + sep
    items = [p for p in pool if p.weight > 0 and len(p.text) + sep <= room][:32]
    value = [0.0] * (room + 1)
    taken = [0] * (room + 1)
    groups: dict[int, list[int]] = {}
    for i, piece in enumerate(items):
        groups.setdefault(piece.group if piece.group >= 0 else -1 - i, []).append(i)
    for members in groups.values():
        before, old = value[:], taken[:]
        for i in members:
            length = len(items[i].text) + sep
            for used in range(length, room + 1):
                if items[i].weight > cost and before[used - length] + (items[i].weight - cost) > value[used]:
                    value[used] = before[used - length] + (items[i].weight - cost)
                    taken[used] = old[used - length] | 1 << i
    mask = taken[max(range(room + 1), key=value.__getitem__)]
    return [items[i].start for i in range(len(items)) if mask >> i & 1]


def test_the_headline_knapsack_picks_what_the_bitmask_table_picks() -> None:
    rng = random.Random(3)
    for _ in range(400):
        pool = [
            Piece(
                "x" * rng.randint(2, 60),
                start,
                0,
                # an English piece pays _EN_PIECE_COST in the packing: the weights are drawn above it
                _EN_PIECE_COST + rng.choice([0.5, 1.0, 1.5, 2.0, -0.2]),
                False,
                rng.choice([-1, 1, 2, 3]),
            )
            for start in range(rng.randint(0, 14))
        ]
        assert [p.start for p in _pack(pool, 150, "en")] == _grouped_reference(pool, 150, 2, _EN_PIECE_COST)


def test_english_cut_scans_find_what_the_plain_scans_find() -> None:
    # cuts tries its tail boundaries and its verb only where a match can start (prefilter.starts_of).
    rng = random.Random(19)
    words = ["must", "will", "to", "the", "of", "in", "which", "filed", "Employers", "at least", "to The"]
    seps = ["", " ", ", ", "  ", "\t", " so that ", " and shall "]
    for _ in range(2000):
        text = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(0, 15)))
        pos = rng.randint(0, len(text))
        for starts, pattern in ((cuts._EN_VERB_AT, cuts._EN_VERB), (cuts._EN_AUX_AT, cuts._EN_AUX)):
            plain, found = pattern.search(text, pos), search_at(starts, pattern, text, pos)
            assert (plain and plain.span()) == (found and found.span()), text
        for starts, pattern in ((cuts._EN_TAIL_AT, cuts._EN_TAIL), (cuts._EN_PREP_AT, cuts._EN_PREP)):
            assert [m.span() for m in finditer_at(starts, pattern, text)] == [
                m.span() for m in pattern.finditer(text)
            ], text


def test_time_only_is_the_time_only_scan_s_answer() -> None:
    rng = random.Random(23)
    alphabet = [
        *"前起后以来期间之内的下时如其中等要求须应不得请必须务必涉及对于关于凡,;，。 \n",
        "2031年",
        "5月",
        "abc",
    ]
    hits = 0
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        expected = TIME_ONLY.search(text) is not None
        hits += expected
        assert time_only(text) == expected, text
    assert hits > 500  # both answers were compared


def test_a_piece_with_three_kept_characters_is_never_only_a_date() -> None:
    rng = random.Random(29)
    alphabet = [*"年月日号〇一十，,.:：;；()（）/- 要报送", "2031", "5", "2031-05-01", "abc"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        if headline._THREE_KEPT.search(text):
            assert len(DATE_TEXT.sub("", text)) >= 3, text


def test_a_hanging_end_is_found_from_its_reach_as_from_the_tail_window() -> None:
    rng = random.Random(31)
    words = ["concerning", "regarding", "the", "To", "must", "x", "whether", "access", "and", "Notice"]
    for _ in range(3000):
        text = "".join(
            rng.choice(words) + rng.choice([" ", "  ", ", ", "\n", ""]) for _ in range(rng.randint(0, 8))
        )
        window = cuts._EN_HANGING.search(text, max(0, len(text) - cuts._TAIL_WINDOW)) is not None
        assert cuts.hangs(text) == window, text


def test_english_drops_and_conditions_are_the_plain_substitutions_and_scans() -> None:
    rng = random.Random(37)
    words = [
        "Smith",
        "the",
        "a",
        "Ministry",
        "agency",
        "said",
        "if",
        "Unless",
        "whether",
        "in case",
        "must",
        "5",
    ]
    seps = [" ", ", ", ",  ", "  ", "\t", "\n", ", the ", ", a ", ""]
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(0, 12)))
        plain = compress._SPACES.sub(
            " ", compress._asides(compress._EN_FORMULA.sub("", compress._EN_APPOSITIVE.sub(r"\1\2", text)))
        )
        assert compress._en_drop(text) == plain, text
        low = text.lower()
        m = cues._EN_CONDITION_LOW.search(low)
        assert cues.main_part(low) == (low[: m.start()] if m else low), text


def test_caseless_branches_grouped_by_letter_match_what_the_alternation_matches() -> None:
    # Under IGNORECASE, branches opening with one ASCII letter in either case are gathered under it; i, k and s
    # also match İ ı, K (Kelvin) and ſ, which no other letter matches.
    rng = random.Random(41)
    letters = "iIkKsSrRnN"
    for _ in range(300):
        words = [
            "".join(rng.choice(letters) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(2, 8))
        ]
        source = r"\b(?:" + "|".join(words) + r")(\w*)"
        plain = re.compile(source, re.IGNORECASE)
        grouped = re.compile(regrouped(source, re.IGNORECASE), re.IGNORECASE)
        for _ in range(20):
            text = "".join(rng.choice(letters + "İıKſ -") for _ in range(rng.randint(0, 12)))
            assert [(*m.groups(), m.span()) for m in grouped.finditer(text)] == [
                (*m.groups(), m.span()) for m in plain.finditer(text)
            ], (source, text)
