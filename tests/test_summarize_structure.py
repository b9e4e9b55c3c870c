"""How notices are built, read for recall: wrapped lines, a measure's basis, a body's set-up, each hand-written."""

from __future__ import annotations

from bot.summarize import summarize
from bot.summarize.api import unwrap
from bot.summarize.select import select
from bot.summarize.sentences import split
from tests.scoring import scored, unit

# A notice wrapped at a fixed width, as the Federal Register and plain-text memos are.
_WRAPPED = (
    "AGENCY: Harbour Safety Board.\n"
    "\n"
    "SUMMARY: Before a ferry operator can carry passengers after dark, it\n"
    "must obtain a night permit from the Office of Harbour Lights and\n"
    "Buoys (OHLB). Operators that hold a day permit must apply for the new\n"
    "night permit through the harbour portal, including operators of water\n"
    "taxis and of pleasure boats with more than twelve seats.\n"
    "DATES: Send your application no later than June 19, 2031.\n"
)


def test_a_hard_wrapped_text_is_read_in_whole_sentences() -> None:
    flat = unwrap(_WRAPPED)
    # One character for one: offsets stay, and only line breaks inside sentences became spaces.
    assert len(flat) == len(_WRAPPED)
    assert [i for i, (a, b) in enumerate(zip(_WRAPPED, flat, strict=True)) if a != b] == [
        i for i, c in enumerate(_WRAPPED) if c == "\n" and flat[i] == " "
    ]
    assert "it must obtain a night permit from the Office of Harbour Lights and Buoys (OHLB)." in flat
    # A line that ends its sentence, a blank line and a labelled field ("DATES:") keep their breaks.
    assert "seats.\nDATES:" in flat
    assert "Board.\n\nSUMMARY" in flat
    # The duty, split over two lines, is one clause of the summary (with room for the two duties).
    s = summarize("Night permits for ferries", _WRAPPED, budget=300)
    assert "Operators that hold a day permit must apply for the new night permit" in s.summary


def test_a_text_that_is_not_wrapped_keeps_its_lines() -> None:
    # A title line over its paragraph and list lines without end marks are not a wrapped text.
    text = (
        "Library opening hours for the summer holidays in the city branches\n"
        "The central library opens at nine and closes at six from 1 July.\n"
        "Branch libraries open on weekdays only during the summer holiday\n"
        "Reading rooms stay closed for repairs until the end of August\n"
    )
    assert unwrap(text) == text
    # Chinese text is never unwrapped: its lines are its paragraphs.
    zh = "各学院：\n根据校历安排，现就暑假留校工作通知如下\n一、留校申请范围\n"
    assert summarize("关于暑假留校的通知", zh).title


def test_a_basis_opening_a_sentence_is_a_frame() -> None:
    # "Consistent with …, the Department will …": the basis the measure follows is background; a date's
    # ", 2031" inside it does not end it.
    text = (
        "Consistent with the regional decision to defer certain permits to August 9, 2031 for growers in a "
        "drought zone, the Water Board will defer the irrigation permit renewal deadlines to "
        "August 9, 2031.\n"
        "Pursuant to section 8 of the earlier notice, the harbour master rescinds the mooring ban on the pier.\n"
    )
    units = scored(text, "en")
    assert unit(units, "Water Board").clause.text.startswith("the Water Board will defer")
    assert unit(units, "rescinds").clause.text.startswith("the harbour master rescinds")
    # The short notice's one measure now fits its budget (35 % of the text).
    s = summarize("Permit renewal deferral", text)
    assert "irrigation permit renewal deadlines to August 9, 2031" in s.summary


def test_a_bodys_set_up_and_what_is_sent_where_are_measures_in_chinese() -> None:
    # A reply that sets up a joint meeting says where its office sits and who leads; a notice says to whom
    # or by which procedure a report goes, with the addressee between the adverb and the verb.
    units = scored(
        "联席会议办公室设在市文旅局，承担联席会议日常工作。\n"
        "市文旅局为牵头单位。\n"
        "各协会按月向区工会报送工作小结。\n"
        "改建项目按基建程序报批。\n"
        "该项目建设在老城区东侧。\n",
        "zh",
    )
    assert unit(units, "办公室设在市文旅局").directive
    assert unit(units, "为牵头单位").directive
    assert unit(units, "向区工会报送工作小结").directive
    assert unit(units, "按基建程序报批").directive
    # 建设在 is where something is built, not where an office sits.
    assert not unit(units, "建设在老城区").directive


def test_what_an_order_does_to_an_earlier_rule_is_a_measure() -> None:
    units = scored(
        "From today, Rule 12 of the harbour bylaws is rescinded in full.\n"
        "The board revokes the parking permits issued for the fairground.\n"
        "The new schedule replaces the timetable of 3 March 2031.\n",
        "en",
    )
    assert unit(units, "is rescinded in full").directive
    assert unit(units, "revokes the parking permits").directive
    assert unit(units, "replaces the timetable").directive


def test_a_concession_opening_a_sentence_is_background() -> None:
    # "While water levels are falling, …": what the measure is set against, not the measure.
    units = scored(
        "While visitor numbers at the harbour have been falling for three years in a row.\n"
        "Visitor numbers at the harbour have been falling for three years in a row.\n",
        "en",
    )
    assert unit(units, "While visitor").score < unit(units, "Visitor numbers").score


def test_officialese_announcing_a_decision_is_a_frame() -> None:
    # "It has been decided … that X shall …": the clause starts at what was decided.
    text = (
        "It has been decided by the head of office that all reading rooms in the "
        "district branches shall be locked at once until the repairs are done.\n"
    )
    units = scored(text, "en")
    assert unit(units, "reading rooms").clause.text.startswith("all reading rooms")
    assert "It has been decided" not in summarize("Closure of reading rooms", text).summary


def test_a_long_duty_cut_to_its_core_when_its_tail_leaves_none() -> None:
    # Budget for about half of a long lead: cut past its purpose tail it has no core of its own, so the core
    # of the whole clause (who, what, the figure) is what fits.
    text = (
        "The Rail Safety Office has ordered a check of more than 2,400 leased freight wagons to inspect "
        "the brake rods for a possibly weak weld.\n"
    )
    s = summarize("Wagon checks", text, budget=100)
    assert "The Rail Safety Office has ordered a check of more than 2,400 leased freight wagons" in s.summary


def test_graded_measures_and_pledges_are_directives_in_chinese() -> None:
    # 充分/严格/尽快/抓紧 grade the measure after them; 保证 with its term is a duty like 确保.
    units = scored(
        "各馆充分做好开馆前的安全检查。\n"
        "各区严格落实预约登记制度。\n"
        "各校保证按期完成招生任务。\n"
        "本项目设有质量保证小组。\n",
        "zh",
    )
    assert unit(units, "充分做好开馆前").directive
    assert unit(units, "严格落实预约登记").directive
    assert unit(units, "保证按期完成").directive
    assert not unit(units, "质量保证小组").directive


def test_office_memorandum_abbreviations_do_not_end_a_sentence() -> None:
    # Rupees, "dated" and "with effect from" are written with a period before a figure.
    text = (
        "Clubs may enrol on paying Rs. 750 up to 9 December 2031. "
        "The revised rates apply w.e.f. 01.01.2031 to all employees. "
        "This refers to the O.M. No. 12 dt. 17.10.2030 on allowances.\n"
    )
    sentences = [s.text for s in split(text, "en")]
    assert len(sentences) == 3
    assert "on paying Rs. 750 up to 9 December 2031" in sentences[0]
    assert "w.e.f. 01.01.2031 to all employees" in sentences[1]


def test_what_a_breach_costs_weighs_like_a_sanction() -> None:
    # A consequence stated without a fine's noun ("may lose access to", "punishable by") is a sanction too.
    units = scored(
        "Operators who ignore the notice may lose access to the ferry timetable.\n"
        "Operators who ignore the notice may look up the ferry timetable.\n"
        "Mooring without a permit is punishable by the harbour court.\n"
        "Mooring without a permit is heard by the harbour court.\n",
        "en",
    )
    assert unit(units, "lose access").score > unit(units, "look up").score
    assert unit(units, "punishable").score > unit(units, "is heard").score


def test_a_clause_goes_with_the_time_frame_its_sentence_opens_on() -> None:
    # "From today, and until revoked, the following must …": the clause holds
    # from the frame's time, which enters with it.
    text = (
        "The harbour master has reviewed the rules for the marina after the storms of last winter.\n"
        "From today, and until revoked, all moorings on the east pier shall be "
        "closed to visiting boats.\n"
        "The harbour office thanks the sailing clubs for their patience.\n"
    )
    units = scored(text, "en")
    frame = unit(units, "From today")
    frame.score = -1.0  # on its own it would never enter (below select.FILL_SCORE)
    chosen = [u.clause.text for g in select(units, 250, "en") for u in g]
    assert "From today," in chosen
    assert any(c.startswith("and until revoked") for c in chosen)
