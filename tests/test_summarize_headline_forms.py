"""Headline rules for document forms: replies (批复), topic labels, time-only clauses, English fragments."""

from __future__ import annotations

from bot.summarize import summarize
from bot.summarize.compress import compress, drop_words
from bot.summarize.cuts import core, shorten
from bot.summarize.headline import Piece, headline_pieces
from bot.summarize.importance import weigh
from bot.summarize.lang import fold
from bot.summarize.rank import score_units
from bot.summarize.sentences import split

REPLY_TITLE = "省政府关于同意设立滨江湿地公园管理处的批复"
REPLY = """省林业局：
你局《关于设立滨江湿地公园管理处的请示》（林发〔2024〕12号）收悉。现批复如下：
同意设立滨江湿地公园管理处。管理处不刻制印章，不单独行文，所需经费由省林业局统筹解决。
省政府
2024年6月3日
"""


def test_a_reply_leads_with_its_decision_not_the_request_it_cites() -> None:
    headline = summarize(REPLY_TITLE, REPLY).headline
    # The decision, though the title names it too ("关于同意设立…的批复").
    assert headline.startswith("同意设立滨江湿地公园管理处")
    # The citation of the request answered is a reference, no directive.
    assert "收悉" not in headline and "请示" not in headline


def test_a_topic_label_is_no_piece_of_the_headline() -> None:
    text = (
        "各县（市、区）农业农村局：\n"
        "一、关于农机购置补贴资金拨付问题。\n"
        "各地要于9月底前将补贴资金拨付到户。\n"
        "二、关于秸秆综合利用问题。\n"
        "各地要组织开展秸秆还田作业。\n"
    )
    headline = summarize("市农业农村局关于做好秋季农业生产的通知", text).headline
    assert "于9月底前将补贴资金拨付到户" in headline and "秸秆还田" in headline
    assert "问题" not in headline  # "关于…问题" heads a paragraph; it directs nothing


def test_a_condition_or_frame_clause_travels_with_its_verb() -> None:
    text = (
        "在保证游客安全的前提下，各景区可适当延长开放时间。"
        "在节日期间，各景区要每日报告客流情况。"
        "各景区要设立咨询服务点。"
    )
    headline = summarize("县文旅局关于节日景区开放的通知", text).headline
    # "在…前提下" says under what condition; it is never a piece on its own.
    pieces = [p for p in headline.rstrip("。").split("；")]
    assert "在保证游客安全的前提下" not in pieces
    assert all(not p.endswith("前提下") for p in pieces)


def test_a_span_of_times_goes_with_the_measure_it_times() -> None:
    text = (
        "各位读者：\n"
        "1、5月3日8:00—5月4日18:00,关闭三楼自习区;\n"
        "2、自习区关闭期间读者可前往二楼阅览室学习;\n"
        "3、借阅证到期的读者请到一楼服务台办理续期。\n"
    )
    headline = summarize("关于图书馆三楼自习区临时关闭的通知", text).headline
    assert "5月3日8:00—5月4日18:00,关闭三楼自习区" in headline
    # A clause with a verb of its own after its dates ("报到") is no time-only clause: said once.
    once = summarize(
        "关于学生返校的通知", "特要求全体学生按时返校,即:9月4日~5日报到,9月6日正式上课,不要提前到校。"
    ).headline
    assert once.count("9月6日正式上课") == 1


def _pieces(title: str, text: str, lang: str, limit: int) -> list[Piece]:
    sentences = split(text, lang)  # type: ignore[arg-type]
    weighed = weigh(score_units(sentences, lang, title), sentences, lang, None)  # type: ignore[arg-type]
    return headline_pieces(weighed, sentences, lang, limit, title.lower())  # type: ignore[arg-type]


def test_a_dated_piece_is_made_room_for_only_when_it_is_worth_what_it_pushes_out() -> None:
    text = (
        "Landlords must check every smoke alarm in their rented flats. "
        "Tenants should report faulty alarms to their landlord at once. "
        "The new rule applies to all such flats regardless of their age or size that are let after 11.59pm today."
    )
    pieces = [p.text for p in _pieces("Smoke alarm checks", text, "en", 150)]
    # The two duties together outweigh the long dated clause, which would have pushed both out.
    assert any(p.startswith("Landlords must check every smoke alarm") for p in pieces)
    assert any(p.startswith("Tenants should report faulty alarms") for p in pieces)


def test_english_datelines_and_courtesies_are_no_pieces() -> None:
    text = (
        "SPRINGFIELD, IL – The county library will close all branches on May 4. "
        "We hope that everyone enjoyed the spring reading festival. "
        "Borrowers must return laptops by May 3."
    )
    headline = summarize("Library branches close May 4", text).headline
    assert "SPRINGFIELD" not in headline
    assert "We hope" not in headline
    assert "Borrowers must return laptops by May 3" in headline


def test_an_english_date_opening_a_sentence_goes_with_the_clause_it_dates() -> None:
    text = (
        "The council has set new rules for market stalls. "
        "Starting Jan. 4, traders will be required to show their licence at every stall. "
        "Stalls must close by 6 p.m. on weekdays."
    )
    headline = summarize("New market stall rules", text).headline
    assert "Starting Jan. 4, traders will be required to show their licence" in headline
    assert "Starting Jan. 4;" not in headline


def test_english_compression_drops_spokespeople_and_links_but_keeps_set_phrases() -> None:
    source = "City officials say residents must boil all tap water before drinking it"
    assert compress(source, "en") == "Residents must boil all tap water before drinking it"
    assert compress("Accordingly, all pools will stay closed until the end of June", "en") == (
        "All pools will stay closed until the end of June"
    )
    # "until further notice" is a set phrase, not the formula "further".
    kept = compress("The reading rooms stay closed until further notice", "en")
    assert kept.endswith("until further notice")
    for text in (source, "The reading rooms stay closed until further notice"):
        assert compress(text, "en").lower() in drop_words(text, "en").lower()  # nothing invented


def test_an_english_clause_does_not_end_on_a_preposition_or_quantifier() -> None:
    # A clause cut before a preposition's object ends at the comma before it.
    assert compress("Enrolment stays open for six weeks, during", "en") == (
        "Enrolment stays open for six weeks"
    )
    # "… comply with all | of the conditions": the cut falls at another boundary instead (not before "with":
    # "comply" needs what is complied with).
    text = "Tenants are required to comply with all of the conditions in their lease for the full term"
    assert shorten(text, 50, "en") == "Tenants are required to comply with all of the conditions"
    headline = summarize(
        "Grant rules",
        "Applicants are required to comply with all of the conditions listed in the grant agreement "
        "for the duration of the project.",
        headline_limit=60,
    ).headline
    assert not headline.rstrip(".").endswith((" all", " with", " of", " for"))


def test_an_english_cut_keeps_a_set_phrase_and_a_prepositional_to() -> None:
    # "in place", "in writing": the verb's complement, not a tail that places it.
    kept = shorten(
        "Thirty days from May 2, affected shops are required to have a queueing plan in place for the sale",
        70,
        "en",
    )
    assert kept.endswith("a queueing plan in place")
    # "to" before a noun or a determiner is the verb's complement; before a verb it starts a purpose.
    assert (
        core("Landlords who ignore repair orders may lose access to government grants and rebates", "en")
        == ""
    )
    assert (
        core("The council will introduce stricter and clearer rules to reduce noise and litter", "en")
        == "The council will introduce stricter and clearer rules"
    )


def test_a_pages_disclosure_fields_are_no_pieces() -> None:
    text = (
        "- 索引号:000123/2024-00456\n"
        "- 发布机构:某县应急管理局\n"
        "- 发文字号:某应急发〔2024〕7号\n"
        "各乡镇人民政府：\n"
        "各乡镇要于7月1日前完成防汛物资清点。各乡镇要落实24小时值班。\n"
    )
    headline = summarize("某县应急管理局关于做好防汛工作的通知", text).headline
    assert "索引号" not in headline and "发文字号" not in headline and "〔2024〕7号" not in headline
    assert "于7月1日前完成防汛物资清点" in headline


def test_chinese_asides_that_only_point_elsewhere_are_dropped() -> None:
    cases = {
        "同意设立城东、城西2个物流园区（以下统称物流园区）开展试点": "同意设立城东、城西2个物流园区开展试点",
        "各校按要求填写《报名表》（见附件2），于5月1日前报送": "各校按要求填写《报名表》，于5月1日前报送",
        "《市政府关于加强夜市管理的通知》（某政发〔2019〕8号）同时废止": "《市政府关于加强夜市管理的通知》同时废止",
    }
    for source, kept in cases.items():
        assert compress(source, "zh") == kept
        assert fold(kept) in drop_words(source, "zh")  # nothing invented: the aside is dropped everywhere
    # An aside that says something of its own stays ("（含）", figures).
    assert compress("各县（市、区）要于6月底前完成", "zh") == "各县（市、区）要于6月底前完成"


def test_a_clause_ending_like_a_frame_but_with_its_own_duty_is_a_directive() -> None:
    from bot.summarize.pieces import TIME_ONLY

    # Frames and conditions go with their verbs; a clause with a duty of its own is no frame.
    for frame in ("在不影响教学的前提下,", "通过线上培训等,", "遇暴雨天气时,", "在施工过程中,"):
        assert TIME_ONLY.search(fold(frame)), frame
    for duty in ("要把质量要求落实到生产全过程中,", "各馆须于6月15日前清点桌椅、书架、消防器材等,"):
        assert not TIME_ONLY.search(fold(duty)), duty
    text = (
        "各分馆：\n"
        "一、各分馆须于6月15日前全面清点馆内桌椅、书架、消防器材、应急照明等,"
        "对清点中发现的问题建立台账并逐项明确整改责任人和整改时限和验收标准。\n"
        "二、各分馆要加强日常巡查。\n"
    )
    headline = summarize("市图书馆关于开展设施清点的通知", text).headline
    assert "6月15日前" in headline  # the duty and its deadline, not lost with a too-long merge
