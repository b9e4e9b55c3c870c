"""Directive cues beyond modal verbs and the budget's share for one clause, each on a hand-written example."""

from __future__ import annotations

from bot.summarize import summarize
from bot.summarize.select import select
from tests.scoring import scored, unit


def test_polite_requests_and_needs_are_directives_in_chinese() -> None:
    # Notices to readers ask politely (请 + verb) or state a need (需 + verb); 申请/请示 are nouns, not asks.
    units = scored(
        "闭馆期间，请读者按时归还所借图书。\n装修前需向物业服务中心提交书面材料。\n读者申请办理借书证。\n",
        "zh",
    )
    assert unit(units, "请读者按时归还").directive
    assert unit(units, "需向物业服务中心提交").directive
    assert not unit(units, "读者申请办理").directive


def test_plans_grants_and_who_pays_are_measures_in_chinese() -> None:
    # A reply letter answers with what a body plans (拟), what it grants (对…给予) and who pays (由…拨付).
    units = scored(
        "市交通局拟研究制订停车收费办法。\n所需经费由区财政拨付。\n市财政将视情况对受灾农户给予一次性补助。\n",
        "zh",
    )
    assert unit(units, "拟研究制订").directive
    assert unit(units, "由区财政拨付").directive
    assert unit(units, "给予一次性补助").directive


def test_advisories_and_appeals_address_their_reader() -> None:
    units = scored(
        "Residents are advised to boil tap water before drinking it.\n"
        "The bulletin calls on landlords to repair broken heaters.\n"
        "It is essential for riders to carry a valid pass.\n"
        "Attendance at the safety briefing is mandatory.\n"
        "The heaters were installed in the old wing last spring.\n",
        "en",
    )
    for words in ("advised to boil", "calls on landlords", "essential for riders", "is mandatory"):
        assert unit(units, words).directive, words
    assert not unit(units, "were installed").directive


def test_a_refusal_weighs_like_a_rule() -> None:
    # (After a lead of their own: the lead of an English release weighs more.)
    units = scored(
        "The film festival opens in June.\nLate entries will be read by the jury.\n"
        "Late entries will not be accepted by the jury.\n",
        "en",
    )
    assert unit(units, "not be accepted").score > unit(units, "will be read").score + 1.0


def test_prior_to_the_closing_date_is_a_deadline() -> None:
    units = scored(
        "The council received a planning application.\nObjections should be lodged with the clerk.\n"
        "Objections should be lodged prior to the closing date.\n",
        "en",
    )
    assert unit(units, "prior to the closing").score > unit(units, "with the clerk").score + 0.3


def test_the_writers_courtesy_is_no_directive() -> None:
    text = (
        "We hope that you all enjoyed the long weekend.\n"
        "Thank you for your patience during the works.\n"
        "Members must renew their cards by 30 June.\n"
    )
    units = scored(text, "en")
    assert not any("We hope" in u.clause.text or "Thank you" in u.clause.text for u in units)
    assert summarize("Club notice", text).summary == "Members must renew their cards by 30 June."
    # "Thanks to …" gives a reason, no thanks: the duty after it stays.
    kept = scored("Thanks to the new portal, members must renew their cards online.\n", "en")
    assert any("must renew" in u.clause.text for u in kept)


def test_a_datelines_remnant_is_not_a_clause() -> None:
    # "WASHINGTON, DC –" and "(WKRN) –" are what the dateline splitter leaves: where, not what.
    for opener in ("WASHINGTON, DC –", "(WKRN) –"):
        text = (
            f"{opener} The harbour authority will close the east pier to ferries from 1 May.\n"
            "Crews must inspect every jacket before each crossing.\n"
        )
        units = scored(text, "en")
        assert not any(u.clause.text.startswith(opener[:4]) for u in units)
        lead = unit(units, "east pier")
        assert lead.clause.first  # the sentence starts after the remnant
        assert opener[:4] not in summarize("Ferry notice", text, budget=300).summary


def test_a_clause_taking_most_of_the_budget_comes_after_the_short_directives() -> None:
    # A long lead with every cue would fill most of the room; the three short duties say more.
    long_lead = (
        "The county board of health today announced that it has issued a new order that will require all "
        "restaurants, cafes, bars, food trucks, caterers and market stalls in every township of the county "
        "to follow the revised food handling rules from 1 March 2026"
    )
    text = (
        f"{long_lead}.\n"
        "Cooks must wear gloves.\n"
        "Fridges must stay below 5 degrees.\n"
        "Inspectors will visit every stall.\n"
    )
    units = scored(text, "en")
    budget = 300
    assert len(long_lead) > 0.6 * budget
    chosen = [u.clause.text for g in select(units, budget, "en") for u in g]
    assert "Cooks must wear gloves." in chosen
    assert "Fridges must stay below 5 degrees." in chosen
    assert "Inspectors will visit every stall." in chosen
    # With room for it, the lead comes back: the rule orders, it does not exclude.
    assert any(c.startswith("The county board") for g in select(units, 600, "en") for c in [g[0].clause.text])


def test_a_government_pages_index_block_is_boilerplate() -> None:
    # Disclosure pages print an index block above the notice, often as a list: fields, not directives.
    text = (
        "- 索引号:000000-2026-00012\n- 发布机构:某县水利局\n- 发文字号:某水发〔2026〕3号\n- 公开日期:2026-05-06\n"
        "各乡镇：\n汛期期间，各乡镇要落实24小时值班制度。\n"
    )
    units = scored(text, "zh")
    assert not any(
        label in u.clause.text
        for u in units
        for label in ("索引号", "发布机构", "某县水利局", "某水发", "公开日期")
    )
    assert "24小时值班" in summarize("关于做好汛期值班工作的通知", text).summary
