"""The headline and the importance ranking: each rule pinned on a small hand-written notice."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.summarize import summarize
from bot.summarize.compress import compress, drop_words
from bot.summarize.cuts import shorten
from bot.summarize.lang import Lang, detect_lang, fold
from bot.summarize.rank import tokens
from bot.summarize.worth import restates, specifics

DATA = Path(__file__).resolve().parent.parent / "bench" / "data"

OUTLINE = """各区县人民政府，市政府各部门：
为做好今年秋季开学工作，经市政府同意，现将开学工作要求通知如下：
一、强化校园安全排查。各区县教育局要切实组织对所有学校开展一次全面安全检查，于2025年8月25日前报市教育局。
二、落实家庭经济困难学生资助。每生每年补助1500元，不得挤占挪用资助资金。
三、认真做好宣传工作。各学校要积极营造良好氛围，高度重视舆论引导。
特此通知。
市人民政府办公室
2025年8月1日
"""

REPORT = """本报讯 近日，省应急管理厅发出紧急通知，要求各地立即开展危险化学品仓库隐患排查。
《通知》要求，各地要切实加强督导检查，严禁无证经营，8月31日前完成全部整改。
《通知》强调，要进一步开展“安全生产月”活动，认真落实企业主体责任。
"""

EN_RELEASE = """CHICAGO, May 6, 2025 — The State Water Board today reminded utilities that they must file \
their annual water quality reports by July 1, 2025.

Utilities that miss the deadline face penalties of up to $1,000 per day, the board said.

The board also announced free training webinars for small systems in June.
"""

COVER_WITH_ANNEX = """各乡镇人民政府，县政府各部门：
《县农村道路养护办法》已经县政府研究同意，现印发给你们，请各地认真贯彻执行。
县政府办公室
2021年7月19日
县农村道路养护办法
第一条 为规范农村道路养护，制定本办法。
第二条 乡镇人民政府负责本辖区农村道路的日常养护。
"""

LETTER_WITH_REPORT = """市人民政府：
你市关于请求支持旧城改造的请示收悉。经研究，建议你市按照评审组意见，做好改造片区的沉降观测工作。
涉及补助资金问题，可另向省财政厅报告。
省人民政府办公厅
2012年6月18日
附件
关于沉降情况的调查报告
调查组于2012年4月9日至11日赴现场查勘，2012年5月3日起开展观测。
"""


def test_headline_is_short_and_packs_the_cores_with_semicolons() -> None:
    s = summarize("市人民政府办公室关于做好2025年秋季开学工作的通知", OUTLINE)
    assert 0 < len(s.headline) <= 150
    assert "；" in s.headline  # several directives in one line
    # The dated directive and the amount are kept as written.
    assert "2025年8月25日前" in s.headline
    assert "1500元" in s.headline
    assert "不得挤占挪用资助资金" in s.headline
    # Formula and intensifiers go; the rhetoric section ranks below the concrete ones.
    for word in ("切实", "认真", "积极", "高度重视"):
        assert word not in s.headline


def test_headline_limit_is_configurable() -> None:
    s = summarize("市人民政府办公室关于做好2025年秋季开学工作的通知", OUTLINE, headline_limit=60)
    assert 0 < len(s.headline) <= 60


def test_report_headline_drops_the_attribution_and_keeps_quoted_names_and_dates() -> None:
    s = summarize("省应急管理厅部署危化品隐患排查", REPORT)
    assert "《通知》要求" not in s.headline and "通知强调" not in s.headline
    assert "8月31日前完成全部整改" in s.headline
    assert "严禁无证经营" in s.headline
    assert s.issuer == "省应急管理厅"


def test_english_headline_states_the_obligation_and_its_date() -> None:
    s = summarize("Board reminds utilities of report deadline", EN_RELEASE)
    assert len(s.headline) <= 150
    assert "must file" in s.headline and "July 1, 2025" in s.headline
    assert s.issuer == "State Water Board"
    assert s.published == "2025-05-06"


def test_a_cover_letter_leads_with_its_instruction_and_its_annex_still_counts() -> None:
    s = summarize("县政府办公室关于印发县农村道路养护办法的通知", COVER_WITH_ANNEX)
    assert "现印发给你们" in s.headline
    assert "请各地贯彻执行" in s.headline  # 认真 dropped, the instruction kept
    assert s.issuer == "县政府办公室" and s.published == "2021-07-19"


def test_an_annex_after_the_sign_off_does_not_crowd_out_the_body() -> None:
    s = summarize("省人民政府办公厅关于旧城改造有关问题的复函", LETTER_WITH_REPORT)
    assert "沉降观测工作" in s.headline
    assert "调查组" not in s.headline  # the annexed report's dates are events, not the letter's directives
    assert s.published == "2012-06-18"


def test_ranking_puts_dated_and_strong_directives_first() -> None:
    s = summarize("市人民政府办公室关于做好2025年秋季开学工作的通知", OUTLINE)
    assert sorted(s.ranking) == list(range(len(s.directives)))
    top = [s.directives[i] for i in s.ranking[:2]]
    assert any("8月25日前" in d or "不得" in d for d in top)
    assert not any("营造良好氛围" in d for d in top)


def test_compress_drops_frames_and_formula_but_keeps_the_core() -> None:
    assert compress("《通知》要求，各地要切实加强督导检查，", "zh") == "各地要加强督导检查"
    assert compress("（二）进一步强化督导检查。", "zh") == "强化督导检查"
    assert compress("据交通运输部官网消息,各地要完善实施方案", "zh") == "各地要完善实施方案"
    assert compress("記者從應急管理部獲悉", "zh") == ""
    assert compress(
        "In a statement yesterday, the ministry said that employers must also register", "en"
    ) == ("Employers must register")
    assert compress("Specifically, workers (CPF members) must apply by June 3", "en") == (
        "Workers must apply by June 3"
    )


def test_compress_keeps_the_traditional_script() -> None:
    assert (
        compress("《通知》強調，各單位應當切實於4月30日前提交報告", "zh") == "各單位應當於4月30日前提交報告"
    )


def _norm(text: str, lang: Lang) -> str:
    text = fold(text).lower()
    return "".join(text.split()) if lang == "zh" else " ".join(text.split())


def _pieces(text: str) -> list[str]:
    return [p.strip(" .。!?！？") for p in re.split(r"[，,；;：:]", text) if p.strip(" .。!?！？")]


def _dev_notices() -> list[dict[str, str]]:
    items: list[dict[str, str]] = []
    for name in ("dev.json", "real-dev.json", "real-extra.json"):
        items.extend(json.loads((DATA / name).read_text(encoding="utf-8"))["items"])
    return items


@pytest.mark.parametrize("item", _dev_notices(), ids=lambda item: item["id"])
def test_nothing_invented(item: dict[str, str]) -> None:
    """Every clause of the headline and of each directive is in the notice once dropped words are removed."""
    lang = detect_lang(item["title"] + "\n" + item["text"])
    s = summarize(item["title"], item["text"])
    source = _norm(drop_words(item["text"], lang), lang)
    raw = _norm(item["text"], lang)
    assert len(s.headline) <= 150
    for piece in _pieces(s.headline):
        assert _norm(drop_words(piece, lang), lang) in source, piece
    # The summary's clauses are as written, or compressed like the headline's to fit the budget
    # (select._fitted): then they are in the notice once the dropped words are removed.
    for directive in s.directives:
        for piece in _pieces(directive):
            assert _norm(piece, lang) in raw or _norm(drop_words(piece, lang), lang) in source, piece


RANKED = """各县（市、区）民政局：
现将有关事项通知如下：
（一）工作范围。本通知适用于全市养老机构。
（二）强化值班值守。各养老机构要安排专人值班。
（三）及时报告险情。突发事件发生后，养老机构须在2小时内向县民政局报告。
（四）严肃追责。对瞒报漏报的，依法依规严肃追责问责。
本通知自印发之日起施行，原通知同时废止。
"""


def test_time_limits_sanctions_effect_and_run_in_measures_rank_above_topic_labels() -> None:
    s = summarize("市民政局关于加强养老机构汛期安全管理的通知", RANKED)
    top = " ".join(s.directives[i] for i in s.ranking[:3])
    assert "2小时内" in top
    assert "严肃追责" in top
    assert "2小时内向县民政局报告" in s.headline
    assert "工作范围" not in s.headline  # a run-in heading that names a topic is not a directive
    assert "通知如下" not in s.headline and "通知如下" not in s.summary


def test_a_comma_before_a_date_breaks_a_clause_but_not_a_number() -> None:
    s = summarize(
        "关于换证办理的公告",
        "为保障换证工作平稳推进,2031年3月1日至4月15日期间商户仍可窗口办理。共2,400家商户。",
    )
    assert "仍可窗口办理" in s.headline
    assert "为确保" not in s.headline  # the purpose clause is cut off at the comma before the date


HOLIDAYS = """各区县人民政府，市政府各部门：
现将2026年部分节假日安排通知如下：
一、春节：2月15日至23日放假调休，共9天。
二、国庆节：10月1日至8日放假调休，共8天。
节假日期间，各单位要妥善安排好值班工作。
"""


def test_pieces_that_differ_in_their_dates_are_two_facts_not_a_repeat() -> None:
    s = summarize("市人民政府办公室关于2026年部分节假日安排的通知", HOLIDAYS)
    assert "2月15日至23日放假调休" in s.headline
    assert "10月1日至8日放假调休" in s.headline


def test_shorten_cuts_an_english_tail_after_the_verb_and_never_cuts_off_a_date() -> None:
    long = "Skippers must book a berth two weeks before the regatta start of the visiting crews, on the page"
    assert shorten(long, 62, "en") == "Skippers must book a berth two weeks before the regatta start"
    dated = "Every kiosk on the seafront must keep its shutters down until 6:30 a.m. on June 8, 2031"
    assert "June 8, 2031" in shorten(dated, 50, "en")
    # The subject's own qualifier is not a tail: no cut before the verb.
    subject = "Every new kiosk owner with stalls along the old pier this season will have to be vetted"
    assert shorten(subject, 30, "en").startswith("Every new kiosk owner with stalls along the old pier")


def test_deep_into_a_place_is_a_verb_not_an_intensifier() -> None:
    assert compress("各级领导干部要深入基层一线", "zh") == "各级领导干部要深入基层一线"
    assert compress("各地要深入开展隐患排查", "zh") == "各地要开展隐患排查"


def test_a_time_only_clause_travels_with_its_verb_and_a_purpose_tail_stays_out() -> None:
    text = (
        "各镇街要加强河道巡查。各镇街于每年3月底前，报送上年度河长制工作总结。"
        "建议各镇街做好汛前检查工作，以免汛期发生溃堤事故。"
    )
    s = summarize("区河长办关于做好河长制工作的通知", text)
    assert "于每年3月底前，报送上年度河长制工作总结" in s.headline or "于每年3月底前,报送" in s.headline
    assert "以免" not in s.headline


EN_NOTICE = """SPRINGFIELD, June 2, 2026 — The City Housing Office today announced new rules for short-term rentals \
in the historic district of the city, which has seen a rapid rise in listings over the past three years.
Hosts must register every listing with the Housing Office by August 31, 2026.
Hosts who fail to register face fines of up to $500 per day.
Platforms are required to remove unregistered listings within 10 days of a notice.
"""


def test_english_headline_packs_several_obligations_with_their_dates_and_figures() -> None:
    s = summarize("City announces short-term rental rules", EN_NOTICE)
    assert len(s.headline) <= 150
    assert "must register every listing" in s.headline and "August 31, 2026" in s.headline
    assert "within 10 days" in s.headline
    assert "; " in s.headline  # more than one directive


def test_specifics_weigh_what_readers_act_on_and_the_title_said_again_counts_as_a_repeat() -> None:
    plain = specifics("各地要加强组织领导", "zh")
    assert specifics("各地要于2026年3月31日前报送名单", "zh") > plain
    assert specifics("严禁无证经营", "zh") > plain
    assert specifics("Hosts must register by August 31", "en") > specifics("Hosts like the new rules", "en")
    title = tokens("city announces short-term rental rules", "en")
    assert restates(tokens("the city announces new short-term rental rules", "en"), title)
    assert not restates(tokens("hosts must register every listing", "en"), title)


def test_an_english_reason_clause_does_not_take_the_headline() -> None:
    text = (
        "Since the spring term ended early this year, the Ministry has written to schools.\n"
        "All principals must certify applications before the closing date.\n"
    )
    s = summarize("Ministry asks principals to certify applications", text, headline_limit=90)
    assert "must certify applications" in s.headline
    assert "Since the spring term" not in s.headline


def test_money_counts_as_specifics() -> None:
    plain = specifics("对本地区危化品安全状况高度关注", "zh")
    assert specifics("对专用车辆免征车辆购置税", "zh") > plain
    assert specifics("Hosts pay a registration fee", "en") > specifics("Hosts like the new rules", "en")


def test_a_topic_clause_travels_with_its_action_and_what_was_done_is_background() -> None:
    text = "建议你市做好堤防的长期监测工作。涉及专项经费问题，可另向省财政厅专题报告。"
    s = summarize("省水利厅关于堤防险情有关问题的复函", text)
    assert "涉及专项经费问题，可另向省财政厅专题报告" in s.headline
    assert specifics("组织专家进行了现场调查", "zh") < specifics("组织专家进行现场调查", "zh")
