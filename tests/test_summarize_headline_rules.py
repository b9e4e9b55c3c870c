"""Headline rules (set phrases, times with their verbs, what a deadline is for, English frames)."""

from __future__ import annotations

from bot.summarize import summarize
from bot.summarize.compress import compress
from bot.summarize.headline import Piece, _reattributed


def test_an_outcome_in_set_phrases_gives_way_to_a_measure() -> None:
    text = (
        "各区县要组织开展危房安全鉴定，确保排查整治工作落到实处、取得实效。"
        "各区县要设立举报电话，确保工作平稳有序开展。"
    )
    s = summarize("市住建局关于开展危房排查的通知", text, headline_limit=40)
    assert "危房安全鉴定" in s.headline and "设立举报电话" in s.headline
    assert "落到实处" not in s.headline and "平稳有序开展" not in s.headline
    # An outcome that names its content is a measure: only the set-phrase outcome is discounted.
    content = summarize(
        "市水务局关于保障供水的通知", "各供水企业要确保供水、供电运转有序。", headline_limit=60
    )
    assert "确保供水、供电运转有序" in content.headline


def test_a_time_goes_with_its_verb_across_the_basis_clauses_between_them() -> None:
    text = (
        "各医院要做好药品储备。"
        "各医院于每年10月底前，根据本院接诊数据，结合流感监测结果，汇总冬季用药需求，报送市卫生健康委。"
    )
    s = summarize("市卫生健康委关于做好冬季门诊工作的通知", text)
    # Whole basis clauses dropped; the time and its verb kept, each as written.
    assert "各医院于每年10月底前，汇总冬季用药需求" in s.headline
    assert "根据本院" not in s.headline and "结合流感" not in s.headline
    # One basis clause (按照…), the verb clause ending the sentence: the same.
    other = "各景区要公布投诉电话。各景区于每年5月底前，按照新修订的服务标准，列出待更换的导览标识清单。"
    assert (
        "各景区于每年5月底前，列出待更换的导览标识清单"
        in summarize("县文旅局关于景区服务的通知", other).headline
    )


def test_a_dated_directive_outranks_an_undated_one_of_the_same_kind() -> None:
    text = (
        "各县要严禁在河道内违规采砂。病险水库安全鉴定于6月10日前完成。各县不得擅自降低水库汛限水位。"
        "度汛方案于6月20日前上报市防汛办。各县要立即开展所有堤防隐患排查。"
    )
    s = summarize("市防汛办关于做好汛期工作的通知", text, headline_limit=40)
    assert "于6月10日前完成" in s.headline and "于6月20日前上报市防汛办" in s.headline


def test_an_english_issuing_frame_gives_way_to_who_is_bound() -> None:
    assert compress(
        "The council has adopted a temporary rule requiring all kennels to vaccinate their dogs within 14 days.",
        "en",
    ) == ("All kennels to vaccinate their dogs within 14 days")
    assert compress(
        "The order issued on March 2 requires landlords to register every unit with the city.", "en"
    ) == ("Landlords to register every unit with the city")
    assert compress(
        "The State Transport Department today announced that its licensing office will close on Fridays.",
        "en",
    ) == ("Licensing office will close on Fridays")
    assert compress("Today the ministry has published new guidance for clinics.", "en") == (
        "The ministry has published new guidance for clinics"
    )
    # An order that requires nothing of anyone keeps its subject.
    assert (
        compress("The order requires careful reading by all.", "en")
        == "The order requires careful reading by all"
    )


def test_an_english_relative_clause_is_not_a_headline_piece() -> None:
    text = (
        "The circular asks departments to set up response teams, which should be staffed around the clock.\n"
        "Schools must close on public holidays.\n"
    )
    s = summarize("Circular on response teams", text)
    assert "Which" not in s.headline and "which" not in s.headline.split(";")[-1]
    assert "must close on public holidays" in s.headline


def test_a_subject_is_said_once_across_pieces_that_have_none_and_重要_is_not_a_modal() -> None:
    text = (
        "一、各社区要成立垃圾分类督导小组，落实巡查制度。\n"
        "二、各社区要为保洁人员配齐手套和工作服。\n"
        "三、开展承担重要保供任务的商户评选“诚信商户”活动。\n"
        "四、各社区要设立分类奖励资金。"
    )
    s = summarize("区城管局关于推进垃圾分类的通知", text)
    assert s.headline.count("各社区") == 1
    assert "；要设立分类奖励资金" in s.headline and "“诚信商户”" in s.headline


OUTLINE_DATES = """各街道：
一、登记造册。各街道要对辖区内电动自行车停放点逐一登记，形成清单。此项任务于2027年3月底前完成。
二、集中整治。对于需要更换老化线路的停放点，最迟于2027年6月30日前完成。
"""


def test_a_deadline_says_what_is_due_by_its_outline_heading_or_its_topic() -> None:
    s = summarize("区消防救援大队关于整治电动自行车停放点的通知", OUTLINE_DATES)
    # "此项任务" points back to the item's run-in heading: the heading and the deadline go together.
    assert "登记造册，于2027年3月底前完成" in s.headline
    assert "此项任务" not in s.headline
    # A bare time to finish by takes the topic clause before it.
    assert "对于需要更换老化线路的停放点，最迟于2027年6月30日前完成" in s.headline


def test_the_room_a_subject_said_once_frees_takes_one_more_directive() -> None:
    text = "各乡镇要建立防汛值班制度。各乡镇要储备抢险物资。各乡镇要清理河道障碍物。各乡镇要组织转移演练。"
    s = summarize("县防汛办关于做好防汛工作的通知", text, headline_limit=40)
    # Four pieces of 9-12 characters and their subject once: 37 characters.
    assert s.headline == "各乡镇要建立防汛值班制度；要储备抢险物资；要清理河道障碍物；要组织转移演练。"


def test_an_english_verb_cut_from_its_subject_follows_its_own_sentence_or_stays_out() -> None:
    text = (
        "Clinics must keep patient records for five years.\n"
        "The ministry will review the national drug formulary with great care over the coming months and "
        "years ahead, and shall report to parliament on its findings.\n"
    )
    title = "Ministry sets clinic rules"
    # Right after the clinics' duty, "Shall report" would read as the clinics'.
    assert summarize(title, text, headline_limit=100).headline == (
        "Clinics must keep patient records for five years."
    )
    # After its own sentence's subject it says who.
    assert summarize(title, text, headline_limit=150).headline.endswith(
        "The ministry will review the national drug formulary; Shall report to parliament on its findings."
    )


def test_a_waiting_piece_whose_clause_is_already_chosen_stays_out() -> None:
    # Made-up pieces: a clause's shortened text and its core share a group, at most one of which is used.
    # When the clause is already chosen, its waiting core (or a second form of it) is not added beside it.
    lead = Piece("The council will repave the high street", 0, 0, 2.0, False)
    clause = Piece("Shall post a schedule of the closures on its website", 40, 0, 1.0, False, group=7)
    core = Piece("Shall post a schedule", 40, 0, 0.5, False, group=7)
    other = Piece("Shall notify the bus operators", 95, 0, 0.5, False, group=8)
    waiting = [core, other]
    chosen = _reattributed([lead, clause], waiting, 400)
    assert [p.text for p in chosen] == [lead.text, clause.text, other.text]
    assert waiting == [core]
    # Both forms waiting: the first that fits is taken, the other stays.
    waiting = [clause, core]
    chosen = _reattributed([lead], waiting, 400)
    assert [p.text for p in chosen] == [lead.text, clause.text]
    assert waiting == [core]
