"""The English issuer's fast paths (line, start and label pre-checks; patterns compiled once) find what the plain scans find."""

from __future__ import annotations

import random
import re

from bot.summarize import bodies_en, meta_en
from bot.summarize.meta_en import en_issuer
from bot.summarize.prefilter import finditer_at, finditer_lines

_SCANS = (
    (meta_en._PRESS_AT, meta_en._PRESS, meta_en._PRESS_GATE),
    (meta_en._SPOKESPERSON_AT, meta_en._SPOKESPERSON, meta_en._BODY_GATE),
    (meta_en._ORDER_OF_AT, meta_en._ORDER_OF, meta_en._ORDER_OF_GATE),
)


def _plain(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_line_scans_give_the_whole_text_scan_s_matches() -> None:
    rng = random.Random(6)
    parts = [
        "The", "the", "Ministry of Health", "Health Canada", "NSW Health", "Department", "MOM", "said", "issued",
        "has issued", "today", "announced", "according to", "a circular from", "rules issued by", "Order of the",
        "Harbour Master", "Secretary Jane Doe", "spokesperson", "officials", "Released by", "on Monday", "(DOH)",
        "Employers", "must", "and", "of", "Council", "Transport for London", "warned", "new", "ban",
    ]  # fmt: skip
    seps = ["", " ", "\t", "\n", ", ", ". ", "\n\n", ": ", "; "]
    found = 0
    for _ in range(600):
        text = "".join(rng.choice(parts) + rng.choice(seps) for _ in range(rng.randrange(1, 16)))
        for starts, pattern, gate in _SCANS:
            plain = _plain(pattern, text)
            assert [(m.span(), m.groups()) for m in finditer_at(starts, pattern, text)] == plain, text
            assert [(m.span(), m.groups()) for m in finditer_lines(starts, pattern, gate, text)] == plain, (
                text
            )
            found += bool(plain)
    assert found > 40


def test_matches_on_several_lines_keep_their_offsets_and_lookarounds() -> None:
    text = (
        "Employers must register.\n"
        "The Ministry of Health today issued new rules.\n"
        "No body here at all.\n"
        "Health Canada warned travellers; the Harbour Pilotage Administration said\n"
        "a circular from MOM, then NSW Health announced"
    )
    for starts, pattern, gate in _SCANS:
        assert [(m.span(), m.groups()) for m in finditer_lines(starts, pattern, gate, text)] == _plain(
            pattern, text
        )
    press = [m.group(1) for m in finditer_lines(meta_en._PRESS_AT, meta_en._PRESS, meta_en._PRESS_GATE, text)]
    assert press == ["Ministry of Health", "Health Canada", "Harbour Pilotage Administration", "NSW Health"]
    order = list(finditer_lines(meta_en._ORDER_OF_AT, meta_en._ORDER_OF, meta_en._ORDER_OF_GATE, text))
    assert [m.group(3) for m in order] == ["MOM"]  # an acronym after a document's "from": no body word needed
    # A line without a gate's match is not tried: the pattern alone finds nothing in it either.
    assert (
        list(finditer_lines(None, re.compile(r"[A-Z]\w+ said"), re.compile("Ministry"), "Jane said\n")) == []
    )


def test_the_issuer_is_found_on_any_line() -> None:
    text = (
        "Employers must register by May.\n\nNew rules\nThe Ministry of Manpower has issued new rules today."
    )
    assert en_issuer("New rules for employers", text) == "Ministry of Manpower"
    assert en_issuer("Ferry notice", "Ferries halt.\nMarine Department Secretary Jane Doe said so.") == (
        "Marine Department"
    )


def test_the_contact_label_check_lets_every_contact_line_through() -> None:
    rng = random.Random(7)
    parts = [
        "Media contact:", "MEDIA CONTACTS :", "Enquiries:", "INQUIRIES:", "Press Enquiries:", "### Contact:",
        "Jane Doe", "Harbour Pilotage Administration", "the Ministry of Health", "–", "|", "Contact", "said",
    ]  # fmt: skip
    seps = [" ", "\n", ", ", ". ", " – "]
    found = 0
    for _ in range(600):
        text = "".join(rng.choice(parts) + rng.choice(seps) for _ in range(rng.randrange(1, 10)))
        if meta_en._CONTACT.search(text):
            found += 1
            assert meta_en._has_contact_label(text), text
    assert found > 40
    assert not meta_en._has_contact_label("Jane Doe, Harbour Pilotage Administration: call us")
    assert en_issuer(
        "Ferries", "Ferries halt.\n\nMEDIA CONTACT: Jane Doe, Harbour Pilotage Administration"
    ) == ("Harbour Pilotage Administration")


def test_acronym_subjects_tried_at_their_starts_give_the_plain_scan_s_matches() -> None:
    rng = random.Random(8)
    parts = ["MOM", "The FAA", "OSHA", "DfE", "MoHFW", "has issued", "announced", "said", "according to", "the",
             "NWB's", "today", "x-MOM", "'CDC", "PhD", "U.S.", "employers"]  # fmt: skip
    seps = ["", " ", "\n", ", ", ". ", ".", "-"]
    found = 0
    for _ in range(600):
        text = "".join(rng.choice(parts) + rng.choice(seps) for _ in range(rng.randrange(1, 10)))
        plain = _plain(meta_en._ACRONYM_SUBJECT, text)
        fast = finditer_at(meta_en._ACRONYM_SUBJECT_AT, meta_en._ACRONYM_SUBJECT, text)
        assert [(m.span(), m.groups()) for m in fast] == plain, text
        found += bool(plain)
    assert found > 30


def _plain_clean(name: str) -> str:
    name = " ".join(name.split()).strip(" .,;:'’")
    name = re.sub(r"^(?:[Tt]he|Today,? the|Today|Meanwhile,? the)\s+", "", name)
    parts = re.split(r"['’]s\s+", name)
    if (
        len(parts) > 1
        and bodies_en._ORG_WORD_IN.search(parts[-1])
        and not bodies_en._HEADED_BY.search(parts[-2])
    ):
        name = parts[-1]
    name = re.sub(r"\b(Inc\.?|Ltd\.?|LLC|PLC|Limited)\s+(?:of|in)\s.*$", r"\1", name)
    return re.sub(r"^(?:[Tt]he)\s+", "", name)


def test_precompiled_name_patterns_read_as_the_plain_calls() -> None:
    names = [
        "The Ministry of Health.", "Today, the Department of Labor", "Meanwhile the Board", "Veland's Ministry of Health",
        "the Governor's Office of Emergency Services", "Acme Foods Inc. of Springfield", "Example Ltd in Norvale",
        "  The   Harbour  Master ,", "the the Council", "Sheriff’s Office", "Today Council",
    ]  # fmt: skip
    for name in names:
        assert bodies_en.clean(name) == _plain_clean(name), name
    assert bodies_en.clean("Acme Foods Inc. of Springfield") == "Acme Foods Inc."
    for title in ["CSO: Ferries halt", "NWB orders the Marine Department to act", "U.S. Department of Labor issues rule",
                  "Update on MoHFW and the Public Health England advice", "no body here"]:  # fmt: skip
        plain = {a for a in re.findall(rf"\b{bodies_en.ACRONYM}\b", title) if a not in bodies_en.NOT_ACRONYM}
        for m in re.finditer(bodies_en.BODY, title):
            plain |= bodies_en.initials(bodies_en.clean(m.group(0)))
        assert meta_en._title_names(title) == plain, title
    assert {"CSO", "NWB", "MD"} <= meta_en._title_names("CSO and NWB: the Marine Department")
