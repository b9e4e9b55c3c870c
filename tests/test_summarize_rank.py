"""Ranking and selection rules of the summariser, each pinned on a small hand-written example."""

from __future__ import annotations

import math

from bot.summarize.deadlines import find_deadlines
from bot.summarize.importance import weigh
from bot.summarize.rank import centrality, score_units, tokens
from bot.summarize.select import select
from bot.summarize.sentences import outline_level, split


def _reference_textrank(sets: list[frozenset[str]]) -> list[float]:
    """TextRank as written in Mihalcea & Tarau (2004), pair by pair, iterated to a tight tolerance."""
    n = len(sets)
    counts: dict[str, int] = {}
    for s in sets:
        for t in s:
            counts[t] = counts.get(t, 0) + 1
    kept = [frozenset(t for t in s if 2 <= counts[t] <= n // 2 + 2) for s in sets]
    w = [[0.0] * n for _ in range(n)]
    for a in range(n):
        for b in range(n):
            if a != b and kept[a] & kept[b]:
                w[a][b] = len(kept[a] & kept[b]) / (math.log(len(sets[a]) + 1) + math.log(len(sets[b]) + 1))
    out = [sum(row) for row in w]
    score = [1.0] * n
    for _ in range(500):
        score = [
            0.15 + 0.85 * sum(score[b] * w[b][a] / out[b] for b in range(n) if w[b][a]) for a in range(n)
        ]
    low, top = min(score), max(score)
    return [(s - low) / ((top - low) or 1.0) for s in score]


def test_centrality_matches_textrank_and_ranks_the_shared_sentence_first() -> None:
    texts = [
        "各地要开展安全检查",
        "开展安全检查要覆盖所有企业",
        "所有企业要开展安全培训",
        "今天天气很好",
        "安全检查和安全培训都要开展",
    ]
    sets = [tokens(t, "zh") for t in texts]
    got = centrality(sets)
    want = _reference_textrank(sets)
    assert all(abs(g - w) < 0.05 for g, w in zip(got, want, strict=True))
    assert got[3] == min(got)  # shares nothing: least central
    assert max(range(5), key=lambda i: got[i]) == max(range(5), key=lambda i: want[i])


def test_centrality_of_nothing_and_of_unrelated_sentences() -> None:
    assert centrality([]) == []
    flat = centrality([frozenset({"a"}), frozenset({"b"}), frozenset()])
    assert flat == [0.0, 0.0, 0.0]


def test_outline_markers_of_every_level_are_still_read() -> None:
    assert outline_level("一、总体要求") == (1, 2)
    assert outline_level("(二)强化督导检查") == (2, 3)
    assert outline_level("第十二条 本办法自发布之日起施行") == (5, 4)
    assert outline_level("3.做好物资储备") == (3, 2)
    assert outline_level("３、做好物资储备") == (3, 2)  # full-width digit
    assert outline_level("(4)报送材料") == (4, 3)
    assert outline_level("②加强宣传") == (4, 1)
    assert outline_level("各地要加强领导") == (0, 0)
    assert outline_level("2024年4月20日") == (0, 0)


def test_chinese_clauses_break_at_marks_outside_brackets_and_numbers() -> None:
    (s,) = split("各地要按照5:2:3的比例筹措经费,并报送《关于做好A,B工作的通知》(附件1,2);确保到位。", "zh")
    texts = [c.text for c in s.clauses]
    assert texts == [
        "各地要按照5:2:3的比例筹措经费,",
        "并报送《关于做好A,B工作的通知》(附件1,2);",
        "确保到位。",
    ]
    assert [c.first for c in s.clauses] == [True, False, False]
    assert all(s.text[c.start - s.start :].startswith(c.text) for c in s.clauses)


def test_deadlines_in_chinese_numerals_survive_the_digit_prefilter() -> None:
    sentences = split("各单位须于二〇二五年三月三十一日前报送材料。请大家注意安全。", "zh")
    assert [d.date for d in find_deadlines(sentences, None, "zh")] == ["2025-03-31"]


def test_a_reported_duty_is_not_demoted_as_hearsay() -> None:
    said = "The ministry said landlords should tell their tenants of the new rule before renewal."
    plain = "Landlords should tell their tenants of the new rule before renewal, the rules state."
    chat = "The ministry said the weather was fine for the season across the whole region."
    scores = {}
    for text in (said, plain, chat):
        (unit, *_) = score_units(split(text, "en"), "en", "")
        scores[text] = unit.score
    # Hearsay ("said") costs 0.5; a duty it reports does not pay it.
    assert abs(scores[said] - scores[plain]) < 0.2
    assert scores[said] > scores[chat] + 1.0


def test_scope_and_times_of_day_weigh() -> None:
    text = "Workers who plan to enter after 11.59pm today need approval.\nWorkers who plan to enter need approval."
    sentences = split(text, "en")
    weighed = weigh(score_units(sentences, "en", ""), sentences, "en", None)
    timed = next(w for w in weighed if "11.59pm" in w.unit.clause.text)
    assert timed.dated
    zh = split("所有企业要开展安全检查。企业要开展安全检查。", "zh")
    w_zh = weigh(score_units(zh, "zh", ""), zh, "zh", None)
    assert w_zh[0].weight > w_zh[1].weight


def test_room_left_is_filled_in_document_order_with_weak_body_clauses() -> None:
    text = (
        "各地要在6月1日前完成全部水库的安全检查。\n"
        "相关情况可另行报告。\n"
        "有关经费问题另行研究。\n"
        "今年汛期形势较为复杂。\n"
    )
    sentences = split(text, "zh")
    weighed = weigh(score_units(sentences, "zh", ""), sentences, "zh", None)
    from bot.summarize.rank import Unit

    units = [Unit(w.unit.sentence, w.unit.clause, w.weight, w.unit.grams, w.unit.directive) for w in weighed]
    weak = [u for u in units if u.score < 0.4]
    assert weak, "the example needs clauses below the first pass's floor"
    groups = select(units, 1000, "zh")
    chosen = [u for g in groups for u in g]
    # Everything fits: the weak clauses come in too, and the groups stay in document order.
    assert len(chosen) == len([u for u in units if u.score >= -0.7])
    assert [g[0].clause.start for g in groups] == sorted(g[0].clause.start for g in groups)
    # A tight budget keeps the strongest clause.
    tight = select(units, 30, "zh")
    assert tight and "6月1日前" in tight[0][0].clause.text


def test_a_clause_with_new_figures_is_not_a_repeat() -> None:
    text = "清明节:4月2日至5日放假调休,共4天。中秋节:9月21日至26日放假调休,共6天。"
    sentences = split(text, "zh")
    units = score_units(sentences, "zh", "")
    chosen = [u.clause.text for g in select(units, 200, "zh") for u in g]
    assert "4月2日至5日放假调休," in chosen and "9月21日至26日放假调休," in chosen
    # The same words with the same figures are a repeat.
    twice = split("各地要在3月1日前报送材料。各地要在3月1日前报送材料。", "zh")
    assert len([u for g in select(score_units(twice, "zh", ""), 200, "zh") for u in g]) == 1


def test_outline_labels_and_object_first_measures() -> None:
    sentences = split("一、元旦:1月1日放假,共1天。\n对所有尾矿库进行安全评估,及时排查隐患。", "zh")
    units = {u.clause.text: u for u in score_units(sentences, "zh", "")}
    assert units["一、元旦:"].score < units["1月1日放假,"].score - 0.8
    assert units["对所有尾矿库进行安全评估,"].directive  # 对…进行: object first, then the measure
    assert units["及时排查隐患。"].directive


def test_english_asides_hedges_and_reading_instructions_weigh_less() -> None:
    text = (
        "Please read this Notice carefully.\n"
        "Hauliers must apply for a permit two days before loading.\n"
        "Hauliers usually apply for a permit two days before loading.\n"
        "(Veland Road Traffic Act § 4410, et seq.)\n"
    )
    units = {u.clause.text: u.score for u in score_units(split(text, "en"), "en", "")}
    assert "Please read this Notice carefully." not in units  # about the text, not a duty it sets
    must = units["Hauliers must apply for a permit two days before loading."]
    assert units["Hauliers usually apply for a permit two days before loading."] < must - 1.0
    assert units["(Veland Road Traffic Act § 4410, et seq.)"] < must - 1.5
