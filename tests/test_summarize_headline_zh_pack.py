"""Chinese headline rules read from a notice's preamble: the purpose a sentence opens with (为…，确保…，) and the
clause saying the text was drawn up (制定本预案) are no pieces."""

from __future__ import annotations

import time

from bot.summarize import cues, summarize
from bot.summarize.compress import drop_words
from bot.summarize.headline import _ZH_REPEALS, Piece, _distinct, _join, _joined_length
from bot.summarize.lang import fold
from bot.summarize.pieces import ONLY_THEN, with_condition
from bot.summarize.preamble import _dutiful, enacts, purpose_clauses
from bot.summarize.rank import _ZH_AIMS, ZH_PURPOSE, score_units
from bot.summarize.sentences import split


def _invented(headline: str, text: str) -> list[str]:
    """The headline's pieces that are not in the text once the dropped words are gone from both."""
    source = drop_words(text, "zh")
    pieces = [p for part in fold(headline).rstrip("。.").split(";") for p in part.split(",")]
    return [p for p in pieces if p and p not in source]


_PLAN = (
    "为建立健全全区防汛应急工作机制，做好汛期防汛抢险工作，最大限度减轻洪涝灾害损失，保护群众生命财产安全，"
    "制定本预案。各街道要于2031年5月31日前完成辖区河道隐患排查。各社区要储备沙袋等防汛物资。"
)


def test_a_purpose_and_its_aims_are_no_pieces() -> None:
    headline = summarize("区防汛办关于印发防汛应急预案的通知", _PLAN).headline
    # why the plan was written, however many aims it lists, and that it was
    for aim in (
        "防汛应急工作机制",
        "做好汛期防汛抢险工作",
        "最大限度减轻洪涝灾害损失",
        "保护群众生命财产安全",
        "制定本预案",
    ):
        assert aim not in headline, headline
    assert "2031年5月31日前完成辖区河道隐患排查" in headline
    assert "储备沙袋等防汛物资" in headline
    assert not _invented(headline, _PLAN)


def test_the_purpose_ends_where_who_acts_begins() -> None:
    text = "为做好秋季开学工作，确保校园安全稳定，各学院要于2031年9月1日前完成宿舍安全检查，加强值班值守。"
    s = split(text, "zh")[0]
    # "为…" and "确保…" are the purpose; "各学院要…" says who acts; the last clause is never purpose
    assert purpose_clauses(s) == 2
    headline = summarize("关于做好秋季开学工作的通知", text).headline
    assert "确保校园安全稳定" not in headline
    assert "各学院要于2031年9月1日前完成宿舍安全检查" in headline


def test_other_openers_are_no_purpose() -> None:
    # "加强巡查" is a duty (cues.ZH_AIM): the purpose ends before it
    assert purpose_clauses(split("为做好防汛工作，确保安全度汛，加强巡查，各乡镇要完成排查。", "zh")[0]) == 2
    for text in (
        "为此，各单位要加强值班，确保通讯畅通，及时报告险情。",  # 为此: therefore
        "各单位要加强值班，确保通讯畅通，及时报告险情。",
        "为企业发放补贴。",  # one clause: the measure itself
    ):
        assert purpose_clauses(split(text, "zh")[0]) == 0, text


def test_a_clause_saying_the_text_was_written_is_no_piece() -> None:
    assert enacts("制定本预案。")
    assert enacts("特制订本实施办法,")
    assert enacts("制定本实施方案。")
    assert not enacts("制定本单位应急预案并报备。")  # a duty: each unit drafts its own
    assert not enacts("制定本单位应急预案。")
    assert not enacts("制定本校实施细则。")
    text = "依据《某省防汛条例》等法律法规，制定本预案。各乡镇要于2031年6月1日前完成水库巡查。"
    headline = summarize("县防汛办关于防汛应急预案的通知", text).headline
    assert "制定本预案" not in headline
    assert "2031年6月1日前完成水库巡查" in headline


def test_an_introducing_sentence_stays_framing() -> None:
    # "为做好…，现将有关事项通知如下：" introduces the notice; its duties follow in the outline
    text = "各学院：\n为做好期末考试工作，现将有关事项通知如下：\n一、各学院要于6月20日前报送监考名单。"
    headline = summarize("关于做好期末考试工作的通知", text).headline
    assert "通知如下" not in headline and "做好期末考试工作" not in headline
    assert "6月20日前报送监考名单" in headline


def test_aims_after_a_purpose_are_part_of_it_in_the_ranking() -> None:
    # "做好…" after "为…" continues the aim: scored as the purpose, not as a measure of its own; with a
    # subject and its modal it is one
    purpose = split("为确保安全度汛，做好河道隐患排查整治，各乡镇要于6月1日前完成排查。", "zh")[0]
    plain = split("各乡镇要做好河道隐患排查整治，于6月1日前完成排查。", "zh")[0]
    aim = next(u for u in score_units([purpose], "zh", "") if u.clause.text.startswith("做好"))
    duty = next(u for u in score_units([plain], "zh", "") if "做好" in u.clause.text)
    assert not aim.directive
    assert duty.directive


def test_preamble_patterns_are_linear_on_hostile_lines() -> None:
    for ch in ("为", "确", "制", "本", ",", "定", "案", "了", "撤", "停", "要", "十", "进"):
        line = ch * 100_000
        sentences = split("为" + line + "，" + line + "，制定本预案。", "zh")[:3]
        start = time.perf_counter()
        cues.ZH_AIM.match(line)
        enacts(line)
        enacts("制定本" + line)
        enacts("特制定了本实施" + line + "。")
        _ZH_REPEALS.search(line)
        ONLY_THEN.match(line)
        _dutiful(line)
        for s in sentences:
            purpose_clauses(s)
        assert time.perf_counter() - start < 1.0, ch


def test_abolishing_a_body_is_no_repeat_of_setting_one_up() -> None:
    text = (
        "市文化广电旅游局：\n"
        "你局《关于建立市文化旅游工作联席会议制度的请示》收悉。现批复如下：\n"
        "同意建立由市政府分管领导牵头负责的市文化旅游工作联席会议制度。联席会议不刻制印章，不正式行文。\n"
        "撤销市旅游工作联席会议，其职能并入市文化旅游工作联席会议。"
    )
    headline = summarize("市政府关于同意建立市文化旅游工作联席会议制度的批复", text).headline
    assert "同意建立由市政府分管领导牵头负责的市文化旅游工作联席会议制度" in headline
    assert "撤销市旅游工作联席会议" in headline, headline
    assert not _invented(headline, text)
    # the same names with the same measure still say it again: one of the two
    same = [
        Piece("建立市文化旅游工作联席会议制度", 0, 0, 2.0, False),
        Piece("建立市文化旅游工作联席会议", 40, 1, 1.0, False),
    ]
    assert len(_distinct(same, "zh")) == 1


def test_a_permission_keeps_the_condition_it_holds_under() -> None:
    text = (
        "全体学生须按校历于2031年2月24日返校，不得提前返校。"
        "确有特殊情况需提前返校的，须向所在学院提出申请，经学工部审核同意后，方可提前返校。"
    )
    headline = summarize("关于2031年春季学期学生返校的通知", text).headline
    assert "经学工部审核同意后，方可提前返校" in headline, headline
    # never the permission alone: "方可提前返校" right after another clause would drop the approval
    assert headline.count("方可提前返校") == headline.count("同意后，方可提前返校")
    assert not _invented(headline, text)
    s = split("经学工部审核同意后，方可提前返校。", "zh")[0]
    units = score_units([s], "zh", "")
    permit = next(u for u in units if u.clause.text.startswith("方可"))
    assert with_condition(permit, "方可提前返校") == "经学工部审核同意后，方可提前返校"
    # at the sentence's start there is no condition to join: the permission stays as it is, never dropped
    alone = split("方可提前返校。", "zh")[0]
    assert with_condition(score_units([alone], "zh", "")[0], "方可提前返校") == "方可提前返校"


def test_a_long_run_of_aims_is_walked_once() -> None:
    # _framing asks of each clause whether it is in its sentence's purpose: the run is found once per sentence
    text = "为做好工作，" + "确保安全，" * 20_000 + "各单位要于6月1日前报送。"
    assert len(text) > 100_000
    start = time.perf_counter()
    headline = summarize("关于做好安全工作的通知", text).headline
    assert time.perf_counter() - start < 2.0
    assert "6月1日前报送" in headline


def test_an_aim_holding_a_date_or_a_modal_is_the_duty() -> None:
    text = "为做好假期安全工作，确保每名学生于2031年7月1日前签订安全承诺书，确保假期安全。"
    assert purpose_clauses(split(text, "zh")[0]) == 1
    headline = summarize("关于假期安全的通知", text).headline
    assert "确保每名学生于2031年7月1日前签订安全承诺书" in headline, headline
    assert not _invented(headline, text)
    assert purpose_clauses(split("为做好迎新工作，确保各学院要安排专人接站，加强管理。", "zh")[0]) == 1
    assert purpose_clauses(split("为做好防汛工作，确保二〇三一年六月底前完成排查，加强巡查。", "zh")[0]) == 1
    # 重要 holds 要, 申请 holds 请: no modal; the aim goes on
    assert purpose_clauses(split("为做好防汛工作，确保重要设施安全，各乡镇要完成排查。", "zh")[0]) == 2


def test_a_duty_verb_right_after_a_purpose_is_no_aim() -> None:
    for text, duty in (
        ("为做好森林防火工作，落实各级防火责任，严禁野外用火，违者罚款500元。", "落实各级防火责任"),
        ("为做好汛期安全工作，加强值班值守，各乡镇要于6月1日前完成隐患排查。", "加强值班值守"),
        (
            "为加强实验室安全管理，进一步落实安全责任，各学院须于2031年4月1日前完成实验室安全自查，确保不留死角。",
            "落实安全责任",
        ),
    ):
        assert purpose_clauses(split(text, "zh")[0]) == 1, text
        result = summarize("关于加强安全工作的通知", text)
        assert duty in result.headline, result.headline
        assert duty in result.summary, result.summary  # the ranking keeps the duty, not the purpose alone
        assert not _invented(result.headline, text)
    # a grading adverb before a verb of aim is still the aim
    text = "为有效防控疫情，切实保障师生健康，学校决定自2031年3月1日起实行封闭管理。"
    assert purpose_clauses(split(text, "zh")[0]) == 2
    assert "保障师生健康" not in summarize("关于实行封闭管理的通知", text).headline


def test_wei_qi_and_other_non_purposes_keep_their_dates() -> None:
    text = "为期三天的培训班将于2031年7月10日开班，各学院要于7月5日前报送参训名单。"
    headline = summarize("关于举办教师培训班的通知", text).headline
    assert "2031年7月10日开班" in headline, headline
    for clause in ("为期三天的培训班将于2031年7月10日开班,", "为此,", "为准,"):
        assert not cues.BASIS["zh"].match(clause)
        assert not ZH_PURPOSE.match(clause)
        assert not _ZH_AIMS.match(clause)
        assert not cues.ZH_AIM.match(clause)
    for clause in ("为做好防汛工作,", "为了便于统计,"):
        assert cues.BASIS["zh"].match(clause)
        assert ZH_PURPOSE.match(clause)
        assert _ZH_AIMS.match(clause)


def test_a_permission_joins_whatever_condition_comes_before_it() -> None:
    for text, kept in (
        ("自2031年3月1日起，读者凭校园卡，方可进入图书馆。", "读者凭校园卡，方可进入图书馆"),
        (
            "学生须于2031年2月20日返校，持48小时内核酸阴性证明，方可进入校园。",
            "持48小时内核酸阴性证明，方可进入校园",
        ),
        ("各部门使用第一会议室，须于使用前3天提出申请，经办公室批准，方可使用。", "经办公室批准，方可使用"),
        (
            "方可借用体育馆的单位须于2031年5月1日前提交申请。",
            "方可借用体育馆的单位须于2031年5月1日前提交申请",
        ),
    ):
        headline = summarize("关于场馆使用的通知", text).headline
        assert kept in headline, headline
        assert headline.count("读者凭校园卡") <= 1  # the condition said once, though two pieces hold it
        assert not _invented(headline, text)


def test_the_joined_length_is_the_joined_text() -> None:
    for lang, pieces in (
        (
            "zh",
            [
                Piece("自2031年3月1日起，读者凭校园卡", 0, 0, 1.0, True),
                Piece("读者凭校园卡，方可进入图书馆", 18, 0, 1.0, False),
            ],
        ),
        (
            "zh",
            [Piece("各地要加强巡查", 0, 0, 1.0, False), Piece("各地要于6月1日前完成排查", 20, 1, 1.0, True)],
        ),
        (
            "en",
            [
                Piece("Employers must apply by May 3, 2031", 0, 0, 1.0, True),
                Piece("Employers must inform staff", 40, 1, 1.0, False),
            ],
        ),
    ):
        assert _joined_length(pieces, lang, {}) == len(_join(pieces, lang)), pieces
    assert (
        _join(
            [
                Piece("自2031年3月1日起，读者凭校园卡", 0, 0, 1.0, True),
                Piece("读者凭校园卡，方可进入图书馆", 18, 0, 1.0, False),
            ],
            "zh",
        )
        == "自2031年3月1日起，读者凭校园卡，方可进入图书馆。"
    )


def test_a_repeal_is_no_repeat_whichever_ranks_first() -> None:
    # the abolition ranks above the set-up: both stay, as when the set-up ranks first
    ranked = [
        Piece("撤销市文化旅游工作联席会议制度", 0, 0, 2.0, False),
        Piece("同意建立市文化旅游工作联席会议制度", 40, 1, 1.0, False),
    ]
    assert len(_distinct(ranked, "zh")) == 2
    assert len(_distinct(list(reversed(ranked)), "zh")) == 2
    # two abolitions of the same body say it twice
    twice = [
        Piece("撤销市旅游工作联席会议", 0, 0, 2.0, False),
        Piece("撤销市旅游工作联席会议制度", 40, 1, 1.0, False),
    ]
    assert len(_distinct(twice, "zh")) == 1


def _permissions_keep_their_conditions(shown: str, text: str) -> bool:
    """Every "方可" in shown follows the clause it follows in text."""
    for part in shown.replace("；", "。").split("。"):
        clauses = part.split("，")
        for i, c in enumerate(clauses):
            if c.startswith("方可") and (i == 0 or f"{clauses[i - 1]}，{c}" not in text):
                return False
    return True


def test_a_permission_after_a_long_condition_keeps_its_last_step_or_is_no_piece() -> None:
    text = (
        "研究生完成学术规范培训、提交开题报告、通过中期考核并经学位评定分委员会审议通过后，方可申请学位论文答辩。\n"
        "请各学院于2032年5月10日前报送名单。"
    )
    r = summarize("关于学位论文答辩的通知", text)
    assert "经学位评定分委员会审议通过后，方可申请学位论文答辩" in r.headline
    assert _permissions_keep_their_conditions(r.headline, text)
    long = (
        "凡在本学期内参加过学校组织的全部实验室安全培训课程且其考试成绩达到合格标准以上的本科生和研究生及博士后人员，"
        "方可进入实验室。\n请各学院于2032年5月10日前报送名单。"
    )
    r = summarize("关于实验室准入的通知", long)
    assert "方可进入实验室" not in r.headline


def test_a_permission_in_the_summary_comes_with_its_condition() -> None:
    for text in (
        "新生须于2032年9月1日报到。经所在学院审核同意并报教务处备案后，方可延期报到。\n",
        "自2032年9月1日起，读者凭借书证，方可进入阅览室，经管理员审批，方可复印古籍。\n请各位读者遵守规定。\n",
    ):
        r = summarize("关于报到的通知", text)
        assert _permissions_keep_their_conditions(r.summary, text), r.summary
    text = "职工持部门审批单，方可领取办公用品，持财务处签字单，方可报销差旅费用。各部门须于2032年3月5日前报送年度预算和采购计划。\n"
    r = summarize("关于办公用品的通知", text, budget=60)
    assert _permissions_keep_their_conditions(r.summary, text), r.summary
    # and a permission's condition never enters without its permission
    text = "学生持48小时内核酸阴性证明，方可进入校园，持辅导员审批单，方可离校。各学院须于2032年2月15日前报送返校名单。\n"
    r = summarize("关于返校的通知", text)
    assert "持辅导员审批单。" not in r.summary, r.summary


def test_the_permission_and_asking_patterns_are_linear_on_hostile_lines() -> None:
    from bot.summarize.pieces import _LAST_PART, ZH_QUERY

    for pattern, text in (
        (_LAST_PART, "并" * 100_000 + "，方可"),
        (_LAST_PART, "、" * 100_000),
        (_LAST_PART, "审核" * 50_000),
        (ZH_QUERY, "如需咨询" * 25_000),
        (ZH_QUERY, "如有任何" * 25_000),
    ):
        start = time.perf_counter()
        pattern.search(text)
        assert time.perf_counter() - start < 0.5


def test_whom_to_ask_if_in_doubt_is_no_headline_piece() -> None:
    # "四、如有疑问，请与X联系": optional, no duty; the notice's duties take the room
    text = (
        "各学院：\n一、请各学院于9月20日前提交报到情况统计表。\n二、请各学院提醒学生及时缴费。\n"
        "三、请各学院通知新生及时登录系统更新信息。\n四、如有疑问，请及时与研究生院培养办公室联系。\n研究生院\n2031年9月11日"
    )
    headline = summarize("关于做好新生报到工作的通知", text).headline
    assert "联系" not in headline, headline
    assert "提醒学生及时缴费" in headline, headline
    # a dated one is a deadline's line and stays with its case
    dated = "各学院：\n如有疑问，请于12月10日前联系财务处。\n财务处\n2031年12月1日"
    assert "如有疑问，请于12月10日前联系财务处" in summarize("关于报销的通知", dated).headline
