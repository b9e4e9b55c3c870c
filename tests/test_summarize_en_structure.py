"""How English notices are built, read right: a frame stays with its clause, a cut keeps a clause's verb,
a rule document's sections are content. Small hand-written examples, one misreading each."""

from __future__ import annotations

import re

from bot.summarize import cues, summarize
from bot.summarize.compress import compress, drop_words
from bot.summarize.cuts import core, hangs, shorten
from bot.summarize.pieces import EN_VERB_AFTER
from bot.summarize.sentences import split
from tests.scoring import scored, unit


def _clauses(text: str) -> list[str]:
    return [c.text for s in split(text, "en") for c in s.clauses]


def test_a_time_frame_in_two_parts_stays_with_its_clause() -> None:
    # "Effective immediately, and continuing until further notice," is one frame: not a clause "Effective
    # immediately," and another that starts on "and".
    text = (
        "Effective immediately, and continuing until further notice, all pools shall be closed to swimmers."
    )
    assert _clauses(text) == [text]
    s = summarize("Pools", "The council reviewed the pools.\n" + text)
    assert "all pools shall be closed to swimmers" in s.headline
    # A list after a first item is still a list, and a main clause still ends at ", and".
    assert len(_clauses("The office will open on Monday, and the pool will open on Friday.")) == 2


def test_a_comma_between_two_modifiers_does_not_end_a_frame() -> None:
    # "In light of the recent, temporary closure, …": cut at the first comma, the clause would start on
    # "temporary closure of the office, the board is …", neither frame nor clause.
    text = (
        "In light of the recent, temporary closure of the office, the board is extending the deadline "
        "for comments to May 4."
    )
    for kept in (unit(scored(text, "en"), "board is extending").clause.text, compress(text, "en")):
        assert not kept.lower().startswith("temporary")
    # A frame that ends at its comma still goes.
    plain = "In light of the storm, all schools will close on Monday."
    assert unit(scored(plain, "en"), "schools").clause.text == "all schools will close on Monday."
    assert compress(plain, "en") == "All schools will close on Monday"


def test_a_rule_documents_action_line_is_content_and_its_labels_go() -> None:
    text = (
        "AGENCY: Harbour Safety Board, Department of Transport.\n"
        "ACTION: Request for public comment on the renewal of the night permit form.\n"
        "SUMMARY: The Board asks the public to comment on the night permit form.\n"
    )
    s = summarize("Night permit form", text)
    assert "Request for public comment on the renewal" in s.summary
    assert (
        "ACTION:" not in s.summary
        and "SUMMARY:" not in s.summary
        and "Harbour Safety Board," not in s.summary
    )


def test_a_cut_never_leaves_a_that_clause_without_its_verb() -> None:
    decided = (
        "It has been decided with the approval of the competent authority that all the staff canteens "
        "in the district offices shall be closed with immediate effect."
    )
    for limit in (60, 100):
        kept = shorten(decided, limit, "en")
        assert not kept.endswith("canteens") and not kept.endswith("authority that all the staff canteens")
    ensure = (
        "These measures should ensure that publicity of enforcement cases will deter violations by others."
    )
    assert shorten(ensure, 55, "en") != "These measures should ensure that publicity"
    # A question after a verb of knowing is the verb's object: not "wants to know which parts".
    know = "The department wants to know which parts of the new act it can clarify through guidance."
    assert shorten(know, 50, "en") != "The department wants to know which parts"


def test_a_cut_passes_the_main_verb_not_a_subordinate_ones() -> None:
    # "Before an agency can collect …, it must …": the main verb is "must receive".
    text = (
        "Before an agency can collect information from the public, it must receive approval from the "
        "Office of Budget."
    )
    assert "it must receive approval" in shorten(text, 60, "en")
    longer = text.replace("Budget.", "Budget and Management in the capital of the state.")
    assert core(longer, "en").endswith("it must receive approval")
    purpose = "In an effort to save paper in the district, we are moving to digital flyer delivery next year."
    assert "we are moving" in shorten(purpose, 40, "en")


def test_an_adjective_in_ed_is_not_the_verb_a_cut_must_pass() -> None:
    # "a more detailed description" is no verb: the clause's verbs come later.
    text = "A more detailed description of the services that have been suspended is posted in the lobby."
    assert shorten(text, 60, "en") != "A more detailed description of the services"


def test_a_cut_keeps_a_verb_with_its_preposition() -> None:
    cases = {
        "Supporting departments are required to work closely with local governments on the plan.": "work closely",
        "The receipt should be submitted along with the registration forms to the Controller.": "along",
        "Payments to the fund are made out of an investor protection fund of the state.": "out",
        "I will try to bring you up to date on the budget at the general meeting.": "up",
        "The committee shall not look at or accept late registration issues referred to it.": "look",
    }
    for text, word in cases.items():
        for limit in (30, 50):
            assert not shorten(text, limit, "en").endswith(word), text


def test_a_clause_the_text_ends_on_and_a_word_is_whole() -> None:
    # "… closed to staff and visitors" ends as written: no word waits for more.
    assert not hangs("All canteens shall be closed to staff and visitors")
    assert hangs("Canteens shall be closed to the")
    # A cut still never ends on "and" and one word: "staff and students | of the school" keeps its tail.
    assert not shorten(
        "The clinic will vaccinate staff and students of the school in the hall on Monday", 45, "en"
    ).endswith("staff and students")


def test_memo_references_web_pointers_and_postal_addresses_are_boilerplate() -> None:
    low = cues.caseless(cues.BOILERPLATE["en"])
    for line in (
        "Ref :- This office Circular No. 55 dated 04.02.2016.",
        "A more detailed description of the services is available at www.example.org.",
        "Office of Enforcement, 401 M Street, SW., Washington, DC 20460.",
    ):
        assert low.search(line.lower()), line
    assert not low.search("all ballots must be returned by november 6, 2015.")


def test_a_participle_that_continues_a_basis_is_a_frame() -> None:
    # "In light of the State Order, | issued on May 1, 2026, and the new plan …, the following Orders shall
    # replace …": the splitter cut the basis after its name; the rest of it is no directive.
    text = (
        "issued on May 1, 2026, and the new state plan for reopening schools, the following Orders shall "
        "replace the prior Orders of the County"
    )
    kept = compress(text, "en")
    assert kept.startswith("The following Orders shall replace")
    assert kept.lower() in drop_words(text, "en").lower()  # a deletion: nothing invented


def test_one_list_of_english_modals() -> None:
    # cues.EN_AUX is the modal list of cuts.py and pieces.py: each modal counts as the verb a time frame or a
    # core needs ("From Monday, shops could open" has its verb).
    for modal in ("must", "shall", "should", "will", "would", "can", "could", "may", "might", "had", "needs"):
        assert EN_VERB_AFTER.search(f"shops {modal} open"), modal
        assert re.fullmatch(cues.EN_AUX, modal), modal
