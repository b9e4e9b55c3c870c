"""The budgeted summary of short Chinese notices (a school's, a union's, a company's): the rules their
structure states, on hand-written notices (issue #9, round 9, Chinese budget)."""

from __future__ import annotations

import datetime as dt
import time

from bot.summarize import cues, summarize
from bot.summarize.importance import ZH_TIME, weigh
from bot.summarize.rank import ZH_PURPOSE, Unit, is_condition, score_units, tokens
from bot.summarize.select import select
from bot.summarize.sentences import split

TITLE = "关于开展学生宿舍安全检查的通知"
DORMS = (
    "各学院：\n"
    "为加强学生宿舍安全管理，营造安全、整洁、文明的住宿环境，学校决定开展学生宿舍安全检查，现将有关事项通知如下：\n"
    "一、检查时间为5月20日下午14:00开始。\n"
    "二、请各学院辅导员提前通知学生做好准备，配合检查组完成本楼栋的检查工作。\n"
    "三、检查组发现违章电器的，当场没收，交由学院统一保管。\n"
    "四、发现私拉电线者，要求立即拆除。\n"
    "五、宿舍无人时，关好门窗，切断电源。\n"
    "六、各学院要高度重视，加强组织领导，认真做好宿舍安全教育工作，切实提高学生的安全意识，"
    "营造良好的育人环境，推动学生宿舍文明建设不断取得新成效。\n"
    "七、各学院要进一步完善宿舍管理制度，健全工作机制，落实工作责任，形成齐抓共管的良好局面。\n"
    "学生处\n"
    "2031年5月10日\n"
)


def _units(text: str, title: str = TITLE) -> dict[str, bool]:
    return {u.clause.text: u.directive for u in score_units(split(text, "zh"), "zh", title)}


def test_what_a_rule_does_in_a_case_is_a_directive() -> None:
    # A condition ("发现违章电器的，", "…者，", "…时，") says when; the clauses after it in its sentence
    # are what is to be done then, though they carry no modal of their own.
    units = _units(DORMS)
    assert units["当场没收，"] and units["交由学院统一保管。"]
    assert units["要求立即拆除。"]
    assert units["切断电源。"]


def test_the_consequences_enter_a_short_notices_summary_with_their_case() -> None:
    summary = summarize(TITLE, DORMS).summary
    assert "宿舍无人时，关好门窗，切断电源。" in summary
    assert "发现私拉电线者，要求立即拆除。" in summary
    # What is done in a case never enters without the case: "当场没收" alone says nothing.
    assert "当场没收" not in summary or "发现违章电器的，当场没收" in summary
    assert "交由学院统一保管" not in summary or "发现违章电器的，" in summary


CASES = (
    "各地要规范采购方式。入围企业在3家及以上的，采取招标采购；入围企业为2家的，采取议价采购；"
    "入围企业只有1家的，采取谈判采购。\n"
)


def test_a_case_that_only_sorts_is_no_condition_and_a_further_condition_is_no_consequence() -> None:
    # "入围企业为2家的，" sorts cases (no breach, no failure): what follows it is as it was. And a condition
    # after a condition is a condition, not what is done in the first case.
    units = _units(CASES, "关于规范采购方式的通知")
    assert not units["采取议价采购；"]
    assert not units["入围企业只有1家的，"]
    late = _units(
        "各单位于每周一9:30前报送活动安排。逾期未报送的，该周不做安排。\n", "关于报送活动安排的通知"
    )
    assert late["该周不做安排。"]
    # A clause that opens on 发现 and holds its own modal is the duty itself, no condition of what follows.
    own = _units("各单位要排查隐患，发现房屋隐患时要立即停止使用，加强日常巡查。\n", "关于排查隐患的通知")
    assert own["发现房屋隐患时要立即停止使用，"]
    assert not own["加强日常巡查。"] or _units("加强日常巡查。\n", "关于排查隐患的通知")["加强日常巡查。"]
    # "同时，" links sentences; it is no "…时，" condition.
    assert not is_condition("同时,")


def test_a_word_or_a_noun_or_a_clock_in_shi_or_zhe_is_no_condition() -> None:
    # Words ending in 时 or 者 that say no case: a span, a clock, "at that time", a noun, an addressee.
    for clause in (
        "培训共计4学时,",
        "每天开放8小时,",
        "届时,",
        "平时,",
        "上午9时,",
        "下午五时,",
        "或者,",
        "全体志愿者,",
        "各位读者,",
        "参赛者,",
        "若干学院反映的问题,",
    ):
        assert not is_condition(clause), clause
    for clause in ("办公室无人时,", "发现私拉电线者,", "若遇暴雨,", "逾期未报送的,", "一、宿舍无人时,"):
        assert is_condition(clause, True), clause
    assert _units("各学院：\n届时，学校将邀请校友作报告。\n", "关于开放日的通知") == {
        "届时，": False,
        "学校将邀请校友作报告。": False,
    }


def test_a_contact_line_after_a_case_is_no_consequence_and_a_label_never_shows_alone() -> None:
    # "如有疑问，" is a case, but "联系人：张三" says whom to ask, not what is done then; a label whose value is
    # cut off ("联系电话：") never enters.
    text = (
        "各部门：\n学校定于5月20日开展体检。\n请各部门于5月10日前报送名单。\n"
        "如有疑问，请与校工会联系，联系人：张三，联系电话：88888888。\n"
    )
    units = _units(text, "关于体检的通知")
    assert not units["张三，"] and not units["联系人："]
    summary = summarize("关于体检的通知", text).summary
    assert "联系人：" not in summary and "电话：" not in summary and "联系电话。" not in summary


def test_a_consequence_in_the_headline_comes_with_its_case() -> None:
    # "视为无预算需求" alone says every department is taken to need nothing; the headline pairs it with its case
    # as the budget does. A consequence with a modal of its own reads alone.
    late = "各部门：\n各部门须于9月30日前报送年度预算。\n逾期未报送的，视为无预算需求。\n超出规定标准的，一律退回重报。\n"
    headline = summarize("关于报送年度预算的通知", late).headline
    assert "逾期未报送的，视为无预算需求" in headline and "；视为无预算需求" not in headline
    assert "；一律退回重报" not in headline
    retest = "各位考生：\n凡进入复试名单的考生，复试时间另行通知。\n考生须于3月20日前完成资格审查。\n"
    headline = summarize("关于研究生复试的通知", retest).headline
    assert "复试时间另行通知" not in headline or "凡进入复试名单的考生，复试时间另行通知" in headline
    online = "各学院：\n学校定于7月开展暑期培训。\n户籍不在本市的，可在居住地参加线上培训。\n请各学院于6月20日前报送名单。\n"
    headline = summarize("关于暑期培训的通知", online).headline
    assert "可在居住地参加线上培训" not in headline or "户籍不在本市的，可在居住地" in headline
    assert "复试时间另行通知" in summarize("关于研究生复试的通知", retest).headline


def test_the_condition_pattern_is_linear_on_hostile_clauses() -> None:
    # rank.py tries it anchored at a clause's start (fullmatch), where every branch is bounded.
    for clause in (
        "如" + "的" * 100_000 + ",",
        "未" * 100_000 + "的,",
        "发现" + "时" * 100_000 + ",",
        "未" * 1_000_000 + "的,",
        "者" * 100_000 + ",",
    ):
        start = time.perf_counter()
        assert not is_condition(clause) and not is_condition(clause, True)
        assert time.perf_counter() - start < 0.5
    start = time.perf_counter()
    summarize("通知", "各单位：\n" + "逾期未报送" * 20_000 + "的，当场没收。\n")
    assert time.perf_counter() - start < 5.0


TRAFFIC_TITLE = "关于老城庙会期间实施交通管制的通告"
TRAFFIC = (
    "为保障老城庙会期间道路交通安全、有序、畅通，根据《中华人民共和国道路交通安全法》的有关规定，"
    "决定对老城部分路段实施交通管制。\n"
    "现通告如下: 2031年5月13日至5月22日，老城范围内实施全天管制，禁止机动车驶入。\n"
    "管制期间，请广大驾驶人提前规划出行路线，服从交警指挥。\n"
    "特此通告。\n"
)


def test_a_lead_in_set_on_the_line_of_what_it_introduces_goes_and_the_rest_stays() -> None:
    # "现通告如下:" introduces; what follows it on the same line is the notice's content.
    texts = list(_units(TRAFFIC, TRAFFIC_TITLE))
    assert "老城范围内实施全天管制，" in texts
    assert not any("通告如下" in t for t in texts)
    summary = summarize(TRAFFIC_TITLE, TRAFFIC).summary
    assert "2031年5月13日至5月22日" in summary and "实施全天管制" in summary
    assert "通告如下" not in summary
    # A line that only introduces, or introduces one more lead-in, stays out.
    assert _units("现将有关事项通知如下:\n", TRAFFIC_TITLE) == {}
    assert _units("现通告如下:特此通告。\n", TRAFFIC_TITLE) == {}


def test_a_duty_ending_in_a_colon_keeps_its_subject_and_modal() -> None:
    # "各学院要做好以下工作：" is who must do what follows, not a lead-in: only 如下/现就/现将 introduce.
    text = "各学院：\n近期宿舍隐患较多。\n各学院要做好以下工作：一是加强宿舍巡查，二是开展安全教育。\n"
    assert "各学院要做好以下工作：" in summarize("关于宿舍安全的通知", text).summary
    must = "各单位：\n各单位须做到：每日巡查实验室一次，并于每月5日前报送巡查记录。\n"
    assert "各单位须做到：" in summarize("关于实验室安全的通知", must).summary
    # A lead-in with a modal of its own is no lead-in either.
    assert "请各单位按如下要求：" in "".join(
        _units("请各单位按如下要求：每日巡查实验室一次，并报送巡查记录。\n", "关于实验室安全的通知")
    )


WEEKLY_TITLE = "关于规范每周会议安排报送工作的通知"
WEEKLY = (
    "各学院、各部门：\n"
    "每周会议安排是统筹学校领导出席各类会议和活动的重要依据，为保证会议安排的及时性和准确性，现就报送工作通知如下：\n"
    "一、各学院、各部门须于每周二12:00前向校长办公室报送下周会议安排表。确因特殊情况不能按时报送的，"
    "须提前向校长办公室说明，并在周三17:00前补报。\n"
    "二、报送的会议安排须事先与相关部门沟通协调，并由分管校领导审核同意。\n"
    "三、校长办公室汇总各单位报送的会议安排，经主要领导审定后统一发布，原则上不作调整。\n"
)


def test_a_time_of_day_dates_a_short_term() -> None:
    # "并在周三17:00前补报" is due at a time, not on a calendar date: a weekly term, as "by 5 p.m." is.
    sentences = split(WEEKLY, "zh")
    weights = {
        w.unit.clause.text: w
        for w in weigh(score_units(sentences, "zh", WEEKLY_TITLE), sentences, "zh", None)
    }
    late = weights["并在周三17:00前补报。"]
    assert late.dated
    assert late.weight > weights["二、报送的会议安排须事先与相关部门沟通协调，"].weight
    # A ratio or a clock-like figure inside a longer number is no time.
    assert not ZH_TIME.search("按4:3:3的比例分担")
    assert not ZH_TIME.search("比例尺为1:50000")
    assert ZH_TIME.search("下午5点前报名") and not ZH_TIME.search("做好以下5点要求")
    # A time is a term only before a deadline word; the Chinese forms of a time count as the digital ones.
    for line in ("会议于10:30开始", "请于10:30前后到场", "比分为21:19", "按1:10配制", "做好以下3点前期准备"):
        assert not ZH_TIME.search(line), line
    for line in ("于每周四12时前报送", "17时前提交", "每周五下午五点前报送", "于9点半之前到场"):
        assert ZH_TIME.search(line), line


def test_the_time_pattern_is_linear_on_hostile_lines() -> None:
    for line in (
        "1" * 100_000,
        "1:" * 50_000,
        "1点" * 50_000,
        "12:1" * 25_000,
        "十" * 100_000,
        "1时30" * 20_000,
    ):
        start = time.perf_counter()
        ZH_TIME.search(line)
        list(ZH_TIME.finditer(line))
        assert time.perf_counter() - start < 0.5


UNION_TITLE = "关于调整分工会委员会的通知"
UNION = (
    "各分工会: 根据学校部分机构调整的实际，经研究决定，新成立的部门要召开工会会员大会组建新的工会委员会。"
    "各分工会委员会调整工作应在4月15日前完成。调整工作完成后要将委员会成员名单书面报校工会。校工会 2031年4月6日\n"
)


def test_a_sign_off_run_into_the_text_is_no_directive() -> None:
    # "校工会 2031年4月6日": who signed and when (the issuer and date fields), not something to do.
    result = summarize(UNION_TITLE, UNION)
    assert not any("2031年4月6日" in d for d in result.directives)
    assert "校工会 2031年4月6日" not in result.summary
    texts = _units(UNION, UNION_TITLE)
    assert "应在4月15日前完成" in "".join(texts)
    # A sentence that names a date inside what it says stays.
    assert "清明节放假时间为2031年4月4日至4月6日。" in _units(
        "清明节放假时间为2031年4月4日至4月6日。\n", UNION_TITLE
    )


def test_a_deadline_or_a_field_with_its_date_on_one_line_is_no_sign_off() -> None:
    # "报名截止 2031年5月10日" is the deadline, set like a sign-off (a name, a space, a date): not boilerplate.
    boiler = cues.BOILERPLATE["zh"]
    for line in (
        "报名截止 2031年5月10日",
        "放假时间 2031年6月12日",
        "3.决赛 2031年6月1日",
        "提交日期 2031年5月1日",
    ):
        assert not boiler.search(line), line
    assert boiler.search("校工会 2031年4月6日") and boiler.search("校工会 二〇三一年四月六日")
    text = "各学院：请各学院组织学生报名参赛，报名表交校团委。报名截止 2031年5月10日\n"
    assert "2031年5月10日" in summarize("关于举办歌手大赛的通知", text).summary


def test_the_sign_off_pattern_is_linear_on_hostile_lines() -> None:
    for line in (
        "校" * 100_000 + " 2031年4月6日",
        "校工会" + " " * 100_000 + "2031年4月6日",
        "报名截止" + " " * 100_000 + "2031年4月6日",
        "校工会 " + "二" * 100_000,
        "1" * 100_000 + "年",
    ):
        start = time.perf_counter()
        cues.BOILERPLATE["zh"].search(line)
        assert time.perf_counter() - start < 0.5


def test_a_duty_below_the_fill_takes_room_left_and_rhetoric_does_not() -> None:
    # Selection alone, on hand-set scores: everything above the fill is in and room is left. A Chinese duty
    # scored below the fill ("办公室设在市水务局，", a set phrase of a reply letter) takes it; a clause that
    # directs nothing at the same score does not.
    text = "一、同意成立市防汛抗旱协调委员会。\n二、协调委员会办公室设在市水务局，不正式行文。\n三、团结奋进，开拓创新。\n"
    sentences = split(text, "zh")
    scores = {"一、同意成立市防汛抗旱协调委员会。": 2.0, "二、协调委员会办公室设在市水务局，": -1.0}
    units = [
        Unit(s, c, scores.get(c.text, -1.0), tokens(c.folded, "zh"), c.text in scores)
        for s in sentences
        for c in s.clauses
    ]
    chosen = [u.clause.text for g in select(units, 150, "zh") for u in g]
    assert "二、协调委员会办公室设在市水务局，" in chosen
    assert "三、团结奋进，" not in chosen and "不正式行文。" not in chosen


def test_a_purpose_opener_with_a_quotation_is_still_a_purpose() -> None:
    # The quotation's own commas do not end the opener: "为落实“严格管理，确保安全”的要求，" is the aim the
    # duty after it serves, not a duty (its 确保 is the quotation's).
    units = _units("为落实“严格管理，确保安全”的要求，各单位要加强节日值班。\n", "关于节日值班的通知")
    assert not units["为落实“严格管理，确保安全”的要求，"]
    assert units["各单位要加强节日值班。"]
    assert ZH_PURPOSE.match("为做好(一)、(二)项工作,") and not ZH_PURPOSE.match("为企业发放补贴。")


def test_a_basis_opener_never_enters_alone() -> None:
    # "根据上级…通知精神，" says on what grounds; without the clause it grounds it is no content, however it
    # scores (centrality, the title's words).
    text = (
        "根据上级关于2031年元旦放假安排的通知精神，中心元旦放假安排如下：\n1.2031年1月1日放假，与周末连休。\n"
    )
    sentences = split(text, "zh")
    units = [
        Unit(s, c, 2.0 if c.text.startswith("根据") else -2.0, tokens(c.folded, "zh"), False)
        for s in sentences
        for c in s.clauses
    ]
    chosen = [u.clause.text for g in select(units, 150, "zh") for u in g]
    assert not any(t.startswith("根据") for t in chosen)


def test_a_frame_ranked_above_its_clause_enters_once_the_clause_is_in() -> None:
    # "为每位新生办理校园卡，" (for each student) reads as a purpose opener and waits for the clause it frames;
    # scored above that clause, it is tried again once the clause is in, not dropped.
    text = "为每位新生办理校园卡，由信息中心统一制作。\n"
    sentences = split(text, "zh")
    scores = {"为每位新生办理校园卡，": -0.2, "由信息中心统一制作。": -0.5}
    units = [Unit(s, c, scores[c.text], tokens(c.folded, "zh"), False) for s in sentences for c in s.clauses]
    chosen = [u.clause.text for g in select(units, 150, "zh") for u in g]
    assert chosen == ["为每位新生办理校园卡，", "由信息中心统一制作。"]
    # 为此 (therefore) and 为期 (lasting) open no purpose.
    assert not ZH_PURPOSE.match("为此,") and not ZH_PURPOSE.match("为期三天,")
    assert ZH_PURPOSE.match("为了做好迎新工作,")


def test_the_purpose_pattern_is_linear_on_hostile_clauses() -> None:
    for clause in (
        "为" + "“" * 100_000,
        "为" + "“a”" * 30_000 + "。",
        "根据" + "《" * 100_000 + ",",
        "为" + "(" * 100_000,
    ):
        start = time.perf_counter()
        ZH_PURPOSE.match(clause)
        assert time.perf_counter() - start < 0.5


def test_unclosed_book_marks_do_not_make_a_clause_slow() -> None:
    # rank._BOOK counts the words a clause cites; a run of unclosed 《 scanned each to the end (1.5 s here).
    start = time.perf_counter()
    summarize("关于加强安全管理的通知", "为" + "《“（" * 33_000)
    assert time.perf_counter() - start < 0.5


def test_a_bare_condition_is_no_headline_piece_when_its_consequence_carries_it() -> None:
    text = "食堂招聘兼职厨师3名。\n持有健康证者，优先录用。\n请于2032年3月1日前到后勤处报名。"
    r = summarize("食堂招聘兼职厨师", text)
    assert "持有健康证者，优先录用" in r.headline
    assert "持有健康证者；" not in r.headline and not r.headline.startswith("持有健康证者。")


def test_an_asking_condition_stays_with_its_dated_contact_which_is_no_deadline() -> None:
    text = (
        "各学院须于2032年11月20日前提交年度预算。\n"
        "如有疑问，请于11月15日前联系计划处，联系人：李四，电话：66668888。"
    )
    r = summarize("关于提交年度预算的通知", text)
    assert "如有疑问，请于11月15日前联系计划处" in r.headline
    assert "如有疑问，请于11月15日前联系计划处" in r.summary
    assert [d.date for d in r.deadlines] == ["2032-11-20"]
    # a duty under a real condition stays a deadline
    duty = "各学院须于2032年11月20日前提交年度预算。\n如有特殊情况，须于11月15日前书面申请延期。"
    assert [d.date for d in summarize("关于提交年度预算的通知", duty).deadlines] == [
        "2032-11-20",
        "2032-11-15",
    ]


def test_a_merged_case_drops_the_contact_lines_between() -> None:
    from bot.summarize.pieces import cases

    clauses = split("超出标准的，联系人：王五，一律退回重报。", "zh")[0].clauses
    assert cases(clauses) == [None, None, None, 0]  # 一律 is the case's; the contact line is no consequence
    for text in (
        "超出标准的，联系人：王五，一律退回重报。",
        "超出标准的，联系人：王五，联系电话：一律退回重报。",
    ):
        r = summarize("关于报送经费预算的通知", "各单位须于2032年6月1日前报送经费预算。\n" + text)
        assert "联系" not in r.headline and "王五" not in r.headline


def test_the_contact_label_test_is_one() -> None:
    assert cues.zh_contact_label("联系电话:") and cues.zh_contact_label("联系人:")
    assert not cues.zh_contact_label("联系人:张三,") and not cues.zh_contact_label("各单位要于5月前报送:")


def test_a_short_permission_enters_the_summary_with_its_condition() -> None:
    # "方可离校" alone ranks low; it is what its condition is for, so the pair enters together
    text = "各单位：\n学生持辅导员审批单，方可离校。\n学生工作部\n2031年1月5日"
    assert "学生持辅导员审批单，方可离校" in summarize("关于寒假离校的通知", text).summary


def test_a_sentence_opening_on_a_permission_word_is_not_a_bare_permission() -> None:
    text = "方可借用体育馆的单位须于2031年5月1日前提交申请。"
    assert "须于2031年5月1日前提交申请" in summarize("关于借用场地的通知", text).summary


def test_a_numbered_query_line_is_no_deadline() -> None:
    text = "各单位：\n请于1月15日前完成宿舍清理。\n三、如有疑问，请于1月10日前联系学生工作部。\n学生工作部\n2031年1月5日"
    result = summarize("关于宿舍清理的通知", text)
    assert [d.date for d in result.deadlines] == ["2031-01-15"], result.deadlines


def test_a_lead_in_after_a_purpose_leaves_the_rest_of_its_sentence_content() -> None:
    # "为…,现将有关事项通知如下:" then the duty on the same line: the duty is content, as on the next line.
    title = "关于做好汛期安全工作的通知"
    duty = "各乡镇要于6月1日前完成排查。"
    one_line = summarize(
        title, "为做好汛期安全工作，现将有关事项通知如下：" + duty, published=dt.date(2031, 5, 10)
    )
    two_lines = summarize(
        title, "为做好汛期安全工作，现将有关事项通知如下：\n" + duty, published=dt.date(2031, 5, 10)
    )
    assert one_line.summary == two_lines.summary == duty
    assert one_line.headline == duty
    assert "2031-06-01" in [d.date for d in one_line.deadlines]
    # A duty's own subject and modal before the colon is no lead-in: that sentence stays as it was.
    own = summarize(title, "为做好汛期安全工作，各乡镇要做好以下工作：于6月1日前完成排查。")
    assert "各乡镇要做好以下工作" in own.summary
