"""Headline room: weaker clauses fill what the best leave, cores cost only what they drop, "with" complements."""

from __future__ import annotations

from bot.summarize import summarize
from bot.summarize.compress import compress, drop_words
from bot.summarize.cuts import core, hangs, shorten
from bot.summarize.headline import Piece, _core_piece, _en_subordinate_only
from bot.summarize.worth import specifics

# A reply setting up a joint meeting: after its decision, the set-up clauses (no seal, no documents of its
# own, who leads, where its office sits, how often it meets) score low one by one but are its content.
REPLY_TITLE = "市政府关于同意建立全市老旧小区改造联席会议制度的批复"
REPLY = """市住建局：
你局《关于建立全市老旧小区改造联席会议制度的请示》收悉。经研究，现批复如下：
同意建立全市老旧小区改造联席会议制度。联席会议不另设印章，不单独发文。市住建局为召集单位。联席会议办公室设在市住建局。联席会议原则上每季度召开一次。
市政府
2025年9月8日
"""


def test_room_left_in_the_headline_is_filled_with_the_weaker_clauses() -> None:
    headline = summarize(REPLY_TITLE, REPLY).headline
    assert headline.startswith("同意建立全市老旧小区改造联席会议制度")
    # Below zero on their own, yet the headline had room for them: now they are in it.
    assert "不另设印章，不单独发文" in headline
    assert "市住建局为召集单位" in headline
    assert "每季度召开一次" in headline
    assert len(headline) <= 150
    # Still nothing invented and no framing: the request cited is no piece.
    assert "收悉" not in headline
    source = "".join(drop_words(REPLY, "zh").split())
    for piece in headline.rstrip("。").replace("；", "，").split("，"):
        assert piece in source, piece


def test_a_core_that_keeps_every_specific_is_worth_its_clause() -> None:
    full = Piece("Landlords must test smoke alarms in every rented flat", 0, 0, 3.0, False, 0)
    short = _core_piece(full, "Landlords must test smoke alarms", "en")
    # The tail held no date, figure or duty: the core is worth as much, so the shorter form leaves room.
    assert short.weight == full.weight and short.group == full.group
    dated = Piece("Landlords must test smoke alarms by March 1, 2026 in every flat", 0, 0, 3.0, True, 1)
    undated = _core_piece(dated, "Landlords must test smoke alarms", "en")
    # A core that loses the date to act by is worth less (the date is what readers look for).
    assert undated.weight < dated.weight and not undated.dated


def test_an_english_cut_never_parts_a_verb_from_its_with_complement() -> None:
    text = "All landlords must provide tenants with a copy of the gas safety certificate"
    assert not core(text, "en").endswith("tenants")
    assert not shorten(text, 40, "en").endswith("tenants")
    replace = "Garages must replace the brake pads with ceramic pads on all older vans"
    assert "with ceramic pads" in core(replace, "en")
    # "with" after any other verb is a prepositional tail, cut as before.
    assert core("Landlords must register their flats with the housing office of the city", "en") == (
        "Landlords must register their flats"
    )


def test_a_period_in_words_is_a_figure_a_core_does_not_drop_for_free() -> None:
    assert specifics("Clinics must keep patient records for five years", "en") > specifics(
        "Clinics must keep patient records", "en"
    )
    assert specifics("Appeals are heard within thirty days", "en") > specifics("Appeals are heard", "en")


def test_an_english_basis_frame_goes_however_long_and_whatever_it_dates() -> None:
    text = (
        "Consistent with the federal decision to move certain deadlines to June 1, 2027 for counties hit by "
        "the spring floods, the State Tax Office will extend the sales tax filing deadlines to June 1, 2027."
    )
    kept = compress(text, "en")
    assert kept == "The State Tax Office will extend the sales tax filing deadlines to June 1, 2027"
    assert " ".join(kept.lower().split()) in " ".join(drop_words(text, "en").lower().split())
    # No subject and modal after the comma: the opening is the clause, not a frame of it.
    plain = "In accordance with the plan, approved in May, repairs continue"
    assert compress(plain, "en").startswith("In accordance with the plan")


def test_room_is_not_filled_with_english_labels_or_a_clause_that_hangs() -> None:
    text = (
        "Tenants must report broken heaters to the housing office by November 1, 2026.\n"
        "Poor insulation.\n"
        "Landlords must repair broken heaters within 7 days.\n"
        "These inspections should ensure\n"
    )
    headline = summarize("Housing office sets heating rules", text).headline
    assert "by November 1, 2026" in headline and "within 7 days" in headline
    assert "Poor insulation" not in headline  # no verb: a label, no measure
    assert "should ensure" not in headline  # what it ensures is not there


def test_a_cut_keeps_what_a_copy_is_of_and_what_is_ensured() -> None:
    assert (
        core("Clubs should attach a copy of the signed lease to the form", "en")
        != "Clubs should attach a copy"
    )
    assert not hangs("Applicants must attach a copy of the permit") and hangs("These steps should ensure")


def test_the_last_day_to_act_stated_as_a_predicate_is_a_due_date() -> None:
    due = "The last day to lodge grant applications is Tuesday, Mar. 4"
    assert specifics(due, "en") - specifics("Application forms are available at the office", "en") >= 1.0
    assert specifics("The deadline for comments will be May 1", "en") >= 1.0
    # A date that is no due date ("The meeting on May 1 was short") gets no such credit.
    assert specifics("The meeting on May 1 was short", "en") < 1.0


def test_an_office_memorandums_decision_frame_goes_and_with_immediate_effect_stays() -> None:
    text = (
        "It has now been decided, with the concurrence of the head of office, that all reading rooms "
        "shall be locked with immediate effect."
    )
    kept = compress(text, "en")
    assert kept == "All reading rooms shall be locked with immediate effect"
    assert " ".join(kept.lower().split()) in " ".join(drop_words(text, "en").lower().split())
    assert compress("The undersigned is directed to state that the office will reopen on May 4.", "en") == (
        "The office will reopen on May 4"
    )
    # "with immediate effect" says when, like "in force": a cut never parts it from its verb.
    long = "All the reading rooms of the district branches shall be locked with immediate effect for repairs"
    assert shorten(long, 70, "en").endswith("with immediate effect")


def test_a_condition_with_its_main_clause_directs_a_bare_condition_does_not() -> None:
    assert _en_subordinate_only("When the pool reopens")
    assert _en_subordinate_only("Since the office is closed, and the phones")
    assert not _en_subordinate_only("When power is back, households are advised to reset all meters")
    assert not _en_subordinate_only("Residents must reset all meters")


def test_a_subject_whose_only_verb_is_in_its_relative_clause_is_no_piece() -> None:
    text = (
        "The consultation window for the draft code on harbour moorings, which earlier was set "
        "to close on March 9, 2027.\n"
        "Because of the flood, the board is extending the consultation windows for 4 codes.\n"
    )
    headline = summarize("Board extends consultation windows", text).headline
    assert "draft code" not in headline  # nor its subject cut before the relative: no verb of its own
    assert "extending the consultation windows for 4 codes" in headline
    # A verb of its own besides the relative clause ("remains") keeps it a piece.
    kept = summarize(
        "Deadline stays", "The Jan. 20 deadline remains in effect for traders who paid late."
    ).headline
    assert "remains in effect" in kept


def test_the_writers_pointers_and_a_sources_attribution_go() -> None:
    cases = {
        "Please note that all applications must be submitted by May 1, 2026.": (
            "All applications must be submitted by May 1, 2026"
        ),
        "It is important to note that members will be electing three trustees.": (
            "Members will be electing three trustees"
        ),
        "All residents are reminded that bins must be out by 7 a.m.": "Bins must be out by 7 a.m.",
        "This is to inform all students that classes resume on Monday, March 2.": (
            "Classes resume on Monday, March 2"
        ),
        "According to the ministry, employers must pay wages by the 7th day of each month.": (
            "Employers must pay wages by the 7th day of each month"
        ),
        "Employers must pay wages by the 7th day of each month, according to the ministry.": (
            "Employers must pay wages by the 7th day of each month"
        ),
    }
    for text, kept in cases.items():
        assert compress(text, "en") == kept
        assert " ".join(kept.lower().split()) in " ".join(drop_words(text, "en").lower().split())
    # Who is told inside a relative clause is the subject's description, no frame.
    assert compress("Tenants who are informed that rent rises must reply.", "en").startswith("Tenants who")
    # "According to" with a figure or date of its own stays: it may be what the reader needs.
    assert compress("According to the 2026 rules, stalls must close at 9 p.m.", "en").startswith("According")
