"""Headline rules read from a notice's structure: a press release's issued item (not who issued it), no
background sentence ("The move comes as …"); a Chinese basis that names a campaign with its own verb."""

from __future__ import annotations

import itertools
import re

import pytest

from bot.summarize import cues, cuts, summarize
from bot.summarize.compress import compress, drop_words
from bot.summarize.cuts import core, hangs
from bot.summarize.headline import _ZH_NAMED_BASIS, Piece, _distinct, _pack


def _norm(text: str) -> str:
    return " ".join(drop_words(text, "en").lower().split())


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "The Harbour Authority has issued a storm alert to remind boat owners of their duty to secure moorings.",
            "Storm alert to remind boat owners of their duty to secure moorings",
        ),
        (
            "The county today launched a new scheme to help tenants insulate their homes.",
            "New scheme to help tenants insulate their homes",
        ),
    ],
)
def test_what_was_issued_and_for_what_leads(source: str, expected: str) -> None:
    out = compress(source, "en")
    assert out == expected
    assert _norm(out) in _norm(source)  # nothing invented: a deletion only


@pytest.mark.parametrize(
    "source",
    [
        # "to" before a determiner names whom it went to: who issued it stays the sentence's subject.
        "The Harbour Authority has issued a warning to all boat owners about the storm.",
        # no infinitive after what was issued: nothing says what it is for.
        "The Harbour Authority has issued a storm alert for the whole coast.",
    ],
)
def test_issuer_stays_where_nothing_follows_what_was_issued(source: str) -> None:
    assert compress(source, "en").startswith("The Harbour Authority has issued")


_NOTICE = (
    "The Harbour Authority has issued a storm alert to remind boat owners of their duty to secure moorings.\n\n"
    "Boat owners must remove dinghies from the east slipway by 6 p.m. on Friday, March 6, 2026.\n\n"
    "The alert comes as forecasters announced gale-force winds today for the whole coast and the islands.\n\n"
    "The slipway will reopen once the storm has passed."
)


def test_background_sentence_gives_way_to_directives() -> None:
    headline = summarize("Storm alert for boat owners", _NOTICE).headline
    assert "comes as" not in headline
    assert (
        "Boat owners must remove dinghies from the east slipway by 6 p.m. on Friday, March 6, 2026"
        in headline
    )
    assert headline.startswith("Storm alert to remind boat owners")
    assert len(headline) <= 150


def test_a_basis_naming_a_campaign_with_its_own_verb_is_a_headline_piece() -> None:
    # "围绕“X”综合施策": the quoted campaign name and the verb after it are the measure.
    assert _ZH_NAMED_BASIS.match("围绕“稳、增、保”综合施策,")
    assert _ZH_NAMED_BASIS.match("按照“六稳”、“六保”部署推进复工,")
    # only the basis of what follows: no verb of its own after the name, or no name at all.
    assert not _ZH_NAMED_BASIS.match("按照“放管服”要求,")
    assert not _ZH_NAMED_BASIS.match("围绕中心工作,")
    # a noun phrase after the name (a plan, a campaign) is no verb: the clause only frames what follows
    assert not _ZH_NAMED_BASIS.match("围绕“十四五”规划，")
    assert not _ZH_NAMED_BASIS.match("结合“我为群众办实事”实践活动，")
    assert not _ZH_NAMED_BASIS.match("按照“双随机、一公开”监管工作要求，")
    assert _ZH_NAMED_BASIS.match("按照“放管服”要求简化审批,")
    assert _ZH_NAMED_BASIS.match("结合“我为群众办实事”实践活动开展走访,")
    text = "围绕“十四五”规划，各区要于2031年6月30日前报送年度重点项目清单。"
    assert not summarize("关于报送重点项目清单的通知", text).headline.startswith("围绕")
    text = (
        "5月6日，市政府召开常务会议。会议指出，全市就业形势总体稳定，"
        "围绕“稳、增、保”综合施策，打出稳就业政策组合拳。"
    )
    headline = summarize("市政府部署稳就业工作", text).headline
    assert "围绕“稳、增、保”综合施策" in headline
    assert len(headline) <= 150


def test_a_piece_held_in_another_is_its_alternative_not_a_second_piece() -> None:
    short = Piece("依法依规追究相关人员责任", 40, 3, 2.0, False, 1)
    whole = Piece("对隐患整改不力、造成安全事故的，依法依规追究相关人员责任", 30, 3, 2.5, False, 2)
    other = Piece("各学院于3月20日前报送自查报告", 10, 1, 3.0, True, 3)
    pool = _distinct([short, whole, other], "zh")
    assert [p.text for p in pool] == [short.text, whole.text, other.text]
    assert pool[0].group == pool[1].group  # one group: the packing takes one of the two
    chosen = _pack(pool, 150, "zh")
    assert sum(p.text in (short.text, whole.text) for p in chosen) == 1
    assert other in chosen
    # A heading or a cover piece (no group) keeps the better one only.
    heading = Piece("依法依规追究相关人员责任", 40, 3, 2.0, False)
    assert [p.text for p in _distinct([heading, whole], "zh")] == [heading.text]


def test_a_contact_line_is_no_headline_piece() -> None:
    text = (
        "因地铁5号线施工需要，自2031年6月1日起，3路、15路公交车临时调整走向，不再停靠人民广场站，改停市图书馆站。"
        "调整期间，请市民提前规划出行路线。咨询电话：12345。"
    )
    headline = summarize("关于调整公交线路的通告", text).headline
    assert "电话" not in headline
    assert "自2031年6月1日起" in headline and "请市民提前规划出行路线" in headline


def test_a_reminder_says_what_it_reminds_of() -> None:
    source = (
        "The Revenue Office is reminding small businesses that quarterly returns for the period ending "
        "March 31, 2031 are due by April 30, 2031."
    )
    out = compress(source, "en")
    assert out == "Quarterly returns for the period ending March 31, 2031 are due by April 30, 2031"
    assert _norm(out) in _norm(source)


def test_a_core_never_ends_on_that_nor_cuts_at_least_from_its_figure() -> None:
    clause = "Staff must ensure that at least half of each team is present on every working day"
    assert core(clause, "en") in ("", "Staff must ensure that at least half of each team is present")
    assert not core("Staff must ensure that at least half of each team is present", "en").endswith("that")
    assert hangs("Staff must ensure that")
    assert hangs("Owners must say whether")
    # A directive to set a hotline up is no contact line.
    assert "设立举报电话" in summarize("市住建局关于开展危房排查的通知", "各区县要设立举报电话。").headline


def test_a_field_label_goes_before_a_sentence_and_stays_before_a_fragment() -> None:
    source = "Reminder: Applications must be submitted through the portal by April 15, 2031."
    assert compress(source, "en") == "Applications must be submitted through the portal by April 15, 2031"
    assert compress("Please note: The east gate will be closed on May 2, 2031.", "en").startswith(
        "The east gate"
    )
    assert compress("Award: $5,000 per year for up to four years.", "en").startswith("Award: $5,000")


def test_an_issuing_frame_that_dates_the_issue_stays() -> None:
    for source in (
        "On May 1 the city launched a scheme to help tenants insulate their homes.",
        "On Friday the city launched a scheme to help tenants insulate their homes.",
    ):
        assert compress(source, "en").startswith("On ")


@pytest.mark.parametrize(
    "source",
    [
        # a negation: nothing was issued
        "The council has not issued a permit to build the tower on Mill Lane.",
        # a relative clause in the subject: who must act is the subject, not the issued item
        "Businesses that have not yet adopted a plan to reduce waste must submit one to the council by June 1, 2031.",
        "Anyone who has opened a new account to receive benefits must register with the office by May 3, 2031.",
        # a reported claim that the sentence denies
        "Reports that the council has adopted a plan to sell the park are false.",
        # no relative word, but a modal after the item's infinitive phrase: "opened" sat inside the subject
        "Landlords having opened a new account to receive deposits must register it with the board.",
        "The council hasn't launched a scheme to help tenants insulate their homes.",
    ],
)
def test_an_issuing_frame_inside_a_clause_or_negated_is_no_frame(source: str) -> None:
    out = compress(source, "en")
    # the sentence keeps who does what: its first two words stay
    assert out.split()[:2] == source.split()[:2]


def test_an_issuing_frame_keeps_a_that_clause_after_the_item() -> None:
    # a modal inside a later "that" clause is not the sentence's own verb: the frame still goes
    source = "OSHA has issued a heat hazard alert to remind employers of their duty to keep workers safe."
    assert (
        compress(source, "en") == "Heat hazard alert to remind employers of their duty to keep workers safe"
    )
    source = "The county has launched a fund to help tenants who are behind on rent."
    assert compress(source, "en") == "Fund to help tenants who are behind on rent"


@pytest.mark.parametrize(
    "source",
    [
        "Not eligible: Households that have received a grant since January 2029.",
        "Not eligible: Households that have received a grant since January 2029 are excluded from this round.",
        "Banned: Vehicles over ten tonnes are not allowed on Bridge Street.",
        "Exempt: Farms that have fewer than ten workers need not file the return.",
        "Postponed: The spring fair that was set for May 9, 2031 will now take place in June.",
        "Cancelled: Classes that were due to run on Monday will not take place.",
        "Deadline: Applications that arrive late will be refused.",
    ],
)
def test_a_label_that_carries_the_content_stays(source: str) -> None:
    label = source.split(":")[0]
    assert compress(source, "en").startswith(label + ":")


def test_a_piece_joining_another_group_brings_its_own_core_along() -> None:
    # the core of one clause, another clause, and the first clause joined to the second: the full text holds
    # both, so the three are one choice, and the packing never says the first clause twice.
    core_piece = Piece("各单位要开展隐患排查", 10, 1, 3.0, False, 1)
    other = Piece("依法依规追究相关人员责任", 40, 2, 2.5, False, 2)
    full = Piece("各单位要开展隐患排查，对整改不力的，依法依规追究相关人员责任", 10, 1, 2.8, False, 1)
    pool = _distinct([core_piece, other, full], "zh")
    assert len({p.group for p in pool}) == 1
    chosen = _pack(pool, 150, "zh")
    assert len(chosen) == 1
    said = "，".join(p.text for p in chosen)
    assert said.count("开展隐患排查") == 1 and said.count("追究相关人员责任") <= 1


def test_a_contact_person_or_address_line_is_no_headline_piece() -> None:
    for line in (
        "联系人：张老师",
        "联系人:王明、李红",
        "联系电话：0571-87654321",
        "联系方式：王老师 13800000000",
        "电子邮箱：office@example.org",
        "地址：市民中心3楼302室",
        "通讯地址：解放路12号",
    ):
        assert cues.ZH_CONTACT.search(line), line
    # a label before a directive is the directive's own
    assert not cues.ZH_CONTACT.search("报名方式：各单位要于6月1日前报送名单")
    assert not cues.ZH_CONTACT.search("各区县要设立举报电话")
    text = (
        "为做好2031年度志愿服务表彰工作，各学院要于2031年5月20日前将推荐材料报送校团委。"
        "联系人：张老师，联系电话：0571-87654321。"
    )
    headline = summarize("关于开展志愿服务表彰推荐工作的通知", text).headline
    assert "联系人" not in headline and "张老师" not in headline
    assert "5月20日前" in headline


@pytest.mark.parametrize("name", ["_EN_TAIL", "_EN_PREP"])
def test_tail_and_preposition_boundaries_are_the_plain_patterns_ones(name: str) -> None:
    # The cut patterns open at a comma or a run's first space and take the run whole (linear on a long run of
    # spaces); they find the boundaries the plain ",?\\s+" form finds, on every mix of commas, spaces and words.
    pattern: re.Pattern[str] = getattr(cuts, name)
    head = "(?:,|(?<!\\s))\\s++"
    assert pattern.pattern.startswith(head)
    plain = re.compile(",?\\s+" + pattern.pattern[len(head) :])
    parts = [
        "Staff must file",
        ",",
        " ",
        "  ",
        "\n",
        "in the hall",
        "to the Board",
        "which",
        "so that staff",
        "x",
    ]
    for combo in itertools.product(parts, repeat=3):
        text = "".join(combo)
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)], repr(
            text
        )
    long_run = "Employers must file the forms," + " " * 300 + "in town" + " " * 300 + "by May 1 to the Board"
    assert [m.start() for m in pattern.finditer(long_run)] == [m.start() for m in plain.finditer(long_run)]
