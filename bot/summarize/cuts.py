"""Where an English clause may be cut: shorten() to a limit at a tail that only qualifies, core() to its
subject, verb and object; never on a hanging word, inside a name, or before a date or a figure.

Cutting only shortens from the end (compress.py deletes frames and formula): a cut piece is a prefix of the
compressed clause, so what compress promises about substrings holds for it too.
"""

from __future__ import annotations

import re

from bot.dates import MONTH_NAME, WEEKDAY, YEARLESS_DATE
from bot.summarize import cues
from bot.summarize.lang import Lang
from bot.summarize.prefilter import end_reach, finditer_at, search_at, starts_of

__all__ = [
    "EN_CONDITION_OPENS",
    "EN_HEDGE",
    "EN_SUBORDINATE_OPEN",
    "EN_WHEN_WORD",
    "TRAIL",
    "core",
    "drops_condition",
    "en_trim",
    "hangs",
    "shorten",
    "trim_marks",
]

# A clause cut before its last item leaves its conjunction behind: "…to register online, or"; one cut before
# its reason leaves "because" ("The campus will close at noon on Friday because, according to …").
_EN_DANGLING = re.compile(r"(?<![\s,;])(?:[\s,;]+(?:or|and|but|nor|because))+[\s,;]*$", re.I)
# What an _EN_DANGLING match is made of: blanks (every character \s matches lies below U+3001, as for
# _TRAILING below), commas, semicolons and the letters of its conjunctions in either case, and the long s,
# which IGNORECASE matches to "s" (tests/test_summarize_speed_paths.py checks every code point).
_DANGLING_CHARS = ",;orandbutbecauseORANDBUTBECAUSE\u017f" + "".join(
    c for c in map(chr, range(0x3001)) if c.isspace()
)
# A word a clause cannot end on: a negation, an article or determiner, "to", "be" ("… should be").
_EN_HANGING = re.compile(
    r"\b(?:not|no|never|a|an|the|its|their|his|her|this|these|those|to|be"
    # a quantifier or a preposition waits for its noun ("comply with all", "open for two weeks, during")
    r"|all|any|each|every|some|of|for|with|during|from|by|at|in|on|into|than|as|via|per"
    # a word that takes "to" ("prior to the due date", "subject to approval", "lose access to the pool")
    r"|prior|subject|pursuant|according|owing|contrary|related|similar|equal|addition|access"
    # the noun of a compound preposition waits for its "of"/"to"/"with" ("the yearly returns in respect | of each
    # ward", "on behalf | of the board", "in accordance | with the rules"); not one that ends a phrase too ("treat
    # them with respect", "a day off in lieu", "water used in excess")
    r"|(?<=\bin\s)(?:respect|accordance|relation)|(?<=\bon\s)behalf|(?<=\bby\s)(?:virtue)"
    r"|(?<=\bwith\s)(?:regard|reference)"
    # a verb whose object is a clause ("should ensure | that …"), or a preposition in -ing ("regarding")
    r"|ensure|ensures|require|requires|regarding|concerning|including"
    # a question word waits for its clause ("details of how | to pay"); a participle that says what a document
    # holds waits for it ("a calendar on our website detailing | due dates"; not "listing", "showing" or
    # "setting", nouns as often: "a classroom setting", "a film showing")
    r"|how|what|why|detailing|outlining|explaining|describing|specifying"
    # a complementizer waits for its clause ("Staff must ensure that | at least half …"); "because" is a
    # dangling conjunction instead (_EN_DANGLING), dropped with what the cut left of its reason
    r"|that|whether)$",
    re.I,
)
_EN_CUT_PREP = re.compile(
    r",\s*(?:during|including|such as|with|without|for|from|of|in|on|at|by|to|until)$", re.I
)
# A cut also never ends on "and" and one word ("… staff and students | of the school"): the pair is cut from
# what it qualifies. A clause the text itself ends so ("… closed to staff and visitors.") is whole.
_EN_CUT_PAIR = re.compile(r"\band \w+$", re.I)
# The openers of a purpose after the object ("… spot checks | to ensure safety"): why, not what. One list for
# _EN_TAIL and _EN_PURPOSE_CUT.
_EN_PURPOSE_WORDS = (
    rf"{cues.EN_PURPOSE}|so that|to help|to support|to make sure|to protect|to focus|to increase|to reduce"
    r"|to slow|to gain|to ensure|to create|to promote|to enhance|to prevent|to improve|to safeguard"
    r"|to facilitate|to speed"
)
# A purpose after the object ("… terms and conditions | to ensure fair pay", "… staff and students | so that
# …"): it says why the whole clause, not which of the pair; a cut before it leaves the pair whole.
_EN_PURPOSE_CUT = re.compile(rf",?\s+(?:{_EN_PURPOSE_WORDS})\b")
# A verb that takes an object and an infinitive ("allow fatigued drivers to operate", "ask parents and carers
# to help"): its "to" completes the verb, it starts no purpose (_EN_TO_VERB, _ends_well).
# Only the verb's own forms: a noun or an adjective of its stem ("staff requirements", "urgent repairs",
# "directors") takes no infinitive.
_OBJECT_TO_VERBS = (
    r"(?:(?:requir|urg|encourag|enabl|forc|invit|advis)(?:e|es|ed|ing)"
    r"|(?:allow|ask|remind|expect|order|direct|instruct|need|want)(?:s|ed|ing)?"
    r"|permit(?:s|ted|ting)?|plan(?:s|ned|ning)?|tells?|told)\b"
)
# The verb just before the pair it governs ("allow | staff and volunteers", "ask | all parents and carers"), as
# _EN_TO_VERB finds it before "to": a verb further back governs something else.
_EN_OBJECT_TO = re.compile(rf"\b{_OBJECT_TO_VERBS}\s+(?:\S+\s+){{0,3}}and\s+\w+$", re.I)
# The longest text _EN_CUT_PREP and _EN_HANGING can match at a clause's end ("and ", a word; ", such as").
_TAIL_WINDOW = 40
# _EN_HANGING is one word and the end: a match starts within its longest word (and a line break $ may stand
# before) of the end, which is where it is tried (searched from further back, it is tried at every place there).
_HANGING_REACH = end_reach(_EN_HANGING)
# "Ministry of Fisheries", "Department of Parks": "of" between capitalised words is inside a name.
_EN_NAME_OF = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
# Set phrases that complete a verb ("remain in effect", "be made in writing", "are rescinded in full"), not
# prepositional tails that place or qualify it: a cut never falls before them.
_EN_SET_PHRASE = re.compile(
    r",?\s+(?:in (?:place|effect|force|full|writing|person|advance|part|time)|at once|on time|by (?:hand|mail|email|post)"
    r"|with (?:immediate )?effect|until further (?:notice|orders))\b",
    re.I,
)
# "lose access | to the reading room": "to" before a determiner or a noun is a preposition, the verb's
# complement; only before a verb does it start a purpose.
_EN_TO_NOUN = re.compile(
    r"\s+to\s+(?:the|a|an|all|any|each|every|their|its|his|her|our|your|this|these|those|[A-Z0-9$]"
    r"|\w+(?:ment|tion|sion|ness|ity|ance|ence|ship|ers|ees)\b)"
)
_EN_CAPITAL_END = re.compile(r"\b[A-Z][\w.&'’-]*$")
_EN_ABBR_END = re.compile(r"\b(?:[ap]\.m|U\.S|U\.K|etc|Inc|Ltd|Co|Corp|Jr|Sr)$")
# Trailing marks, tried from a run's first mark only: from every mark of a long run of spaces, each try
# would scan the rest of the run before failing at a word.
TRAIL = re.compile(r"(?<![\s,;:，；：、。.!?！？–—-])[\s,;:，；：、。.!?！？–—-]+$")
# What TRAIL removes, as one set for str.rstrip: the marks and every character \s matches (str.isspace; none
# lies above U+3000, tests/test_summarize_fastpaths.py checks every code point).
_TRAILING = ",;:，；：、。.!?！？–—-" + "".join(c for c in map(chr, range(0x3001)) if c.isspace())


def trim_marks(text: str) -> str:
    """TRAIL.sub("", text), by str.rstrip: the run TRAIL removes is every trailing mark and space (it starts
    where no mark is before it and, greedy, reaches the end)."""
    return text.rstrip(_TRAILING)


def drop_dangling(text: str) -> str:
    """_EN_DANGLING.sub("", text), searched only in the text's last run of the characters a match is made of:
    the pattern opens with a lookbehind, so sre tried it at every character of the text; a match ends at the
    text's end (or before a last newline, which is in the run too), so it lies in that run."""
    m = _EN_DANGLING.search(text, len(text.rstrip(_DANGLING_CHARS)))
    return text[: m.start()] if m else text


def en_trim(text: str) -> str:
    """An English piece without trailing marks and a dangling conjunction; an abbreviation keeps its dot
    ("7 p.m.", "the U.S.")."""
    out = drop_dangling(trim_marks(text))
    # "…closed for two weeks, during": a clause cut before a preposition's object ends at the comma.
    m = _EN_CUT_PREP.search(out, max(0, len(out) - _TAIL_WINDOW))  # only its last words can match
    if m:
        out = out[: m.start()]
    if text.startswith(".", len(out)) and _EN_ABBR_END.search(out):  # the scan only before a dot
        out += "."
    return out


# Where an English clause can end early: its tail qualifies (purpose, condition, relative, addition). A
# match opens at a comma or at the first space of a run and takes the run whole: from every space of a
# 10,000-space run each try would scan the rest of the run before failing.
_EN_TAIL = re.compile(
    rf"(?:,|(?<!\s))\s++(?=(?:{_EN_PURPOSE_WORDS}|because|when|where|which|who|whose|while|if|unless|as well as"
    r"|including|for the duration|or until|until|upon|after which|in the following|regardless of|ahead of"
    # a pointer to the table or list the notice goes on to ("…, as outlined below"): the page holds it
    r"|as (?:outlined|set out|shown|listed|detailed|described|indicated) (?:below|above)"
    r"|without"
    # "… any residue that might remain": a relative "that" (a modal or "be" follows it; after
    # a verb, "that" opens what is said: "ensure that employers …").
    r"|that (?=(?:may|might|could|would|can|have|has|are|is|were|was)\b)"
    # "… rules released by the Authority": a participle after the noun says whose, not what to do.
    r"|(?:released|issued|published|provided|adopted|signed|prepared) (?=by|on)"
    r"|in the wake of|due to|following|according to|in accordance with|pursuant to|per (?:a|an|the)"
    # A hedge that bounds the duty by what is feasible or fitting ("… to the fullest extent practical", "… where
    # possible", "… as appropriate", "… as soon as possible"; EN_HEDGE).
    r"|to the (?:maximum|fullest|greatest|full|extent) |(?:where|wherever|whenever|if) possible"
    r"|as (?:appropriate|necessary|required|needed|applicable|relevant)\b|as soon as (?:possible|practicable)"
    r"|as (?:much|far) as (?:possible|practicable)"
    # ", and will continue in effect …": a second verb of the same subject.
    r"|and (?:will|shall|must|may|should|is|are)\b)\b)"
)
# Failing that, before a prepositional phrase that places or qualifies the object ("… of the parking permit holders").
# "at least"/"at most" bound a figure ("at least half of each team"): a quantity, not a place or a time.
_PREPOSITIONS = r"of|in|on|at(?!\s+(?:least|most)\b)|for|from|with|across|within|into|under|through"
# "to" before a place or a body ("… travel plans to Veland", "… the levy to the ministry") is a
# preposition too; before a verb it opens an infinitive, which stays.
# Linear on a run of spaces (as _EN_TAIL): a match starts at a comma or at the run's first space, never
# inside the run (a start there ends where the run's first one does, so it is never the leftmost), and the
# run is taken whole.
_EN_PREP = re.compile(rf"(?:,|(?<!\s))\s++(?=(?:{_PREPOSITIONS})\s|to\s+(?:the\s|[A-Z]))")
# Both tried only at a comma or a blank (prefilter.starts_of): opening with a group whose second branch is a
# lookbehind, each was otherwise tried at every character, and its alternation in full at every blank.
_EN_TAIL_AT = starts_of(_EN_TAIL)
_EN_PREP_AT = starts_of(_EN_PREP)
# A cut must leave a clause with its verb and something after it: the first auxiliary, modal or finite verb.
_EN_VERB = re.compile(
    rf"\b(?:{cues.EN_AUX}|"
    r"applies|apply|requires?|requiring|reminds?|urges?|orders?|directs?|asks?|announced|issued|extends?|"
    r"provides?|takes?|creates?|strengthens?|includes?)\b|\b[a-z]{3,}ed\b"
)
# Tried only at a word's first letter that can open a match (it opens with \b): searched as written, sre tries
# the pattern at every character.
_EN_VERB_AT = starts_of(_EN_VERB)
_EN_MIN_AFTER_VERB = 2
# The pronouns that open a relative clause ("Tenants who …", "forms that …").
_EN_RELATIVE = "who|which|that"
# A headline's "who is bound, to do what" ("Ferry crews to work with …"): its subject is a name or a
# noun phrase, not a clause ("Employers who fail to register …").
_EN_BOUND = re.compile(rf"(?:(?!(?:{_EN_RELATIVE}|whose)\b)[\w'’-]+\s){{1,6}}?to\s+[a-z]+\b")
# A figure or date, not the digits of a link or a model code ("example.org/#!/5e3c…", "A320-200").
_DIGIT = re.compile(r"(?<![\w/#.=-])\d+")
# Dates and times written in words ("from September", "by Friday", "until tomorrow"): a cut never
# falls before them either. A month may run into its year with no space ("Monday 8th of January2018", as a
# page's line breaks leave it): the pair is one date, read to the year's end, so no cut falls inside it.
EN_WHEN_WORD = re.compile(
    rf"\b(?:{MONTH_NAME}(?:(?:19|20)\d\d)?|{WEEKDAY}|today|tonight|tomorrow|midnight|noon)\b"
)


# A subject that a relative clause qualifies, up to its pronoun: "Tenants who | have been moved from the block
# are entitled to …" (a few words, then who/that/which right before the verb found).
_EN_REL_SUBJECT = re.compile(rf"(?:[\w'’:-]+\s+){{1,5}}?(?:{_EN_RELATIVE})\s+", re.I)
# A subject a participle qualifies: "Dealers | required to pay in cash … must do so", "Forms | submitted by
# mail will …": a past participle right after the subject's words, then a preposition or "to".
_EN_SUBJECT_WORDS = re.compile(r"(?:[^\s,;]+\s+){1,5}")
# "to" after a participle only when the verb takes an object and an infinitive, in the passive ("taxpayers
# required to pay", "staff asked to attend"): "The Council decided to close …" has its own verb.
_EN_PARTICIPLE_TAIL = re.compile(r"\s+(?:by|in|for|from|under|after|before)\s", re.I)
# Verbs that bid someone to do something, in the passive ("required to", "asked to", "requested to").
_EN_BIDDEN = (
    r"(?:requir|request|oblig|expect|allow|permitt?|authori[sz]|ask|invit|direct|instruct|order|urg|encourag|advis"
    r"|remind|forc|enabl)ed"
)
_EN_PASSIVE_TO = re.compile(rf"{_EN_BIDDEN}\s+to\s", re.I)
# The main clause's own finite verb after a subject's relative clause: a modal or an auxiliary; the words
# between hold no other clause ("… decided to close the pool for repairs which will take weeks": "which" opens
# one; "… voted in favour and will …": "and" joins a second verb of the same subject; "The pool closed for
# repairs because the boiler has failed": a subordinate clause's auxiliary, and "closed" the main verb).
_EN_MAIN_AUX: re.Pattern[str] = cues.EN_AUX_WORD
_EN_OTHER_CLAUSE = re.compile(
    rf"\b(?:and|or|but|{_EN_RELATIVE}|whom|whose"
    r"|because|as|since|when|while|whereas|if|unless|until|although|though|so)\b",
    re.I,
)


def _main_verb(text: str, verb: re.Match[str]) -> re.Match[str]:
    """The clause's own verb: verb, or the modal or auxiliary after it when verb is that of a relative clause
    qualifying the subject ("Tenants who have been moved from the block | are entitled to …", "Dealers required
    to pay in cash | must do so …"): a cut before it leaves a subject and says nothing of it.
    Verb as it is when no such verb follows it in the clause (before a comma or a semicolon)."""
    start = verb.start()
    if not (
        ((rel := _EN_REL_SUBJECT.match(text)) is not None and rel.end() <= start)
        or (
            verb.group().endswith("ed")
            and _EN_SUBJECT_WORDS.fullmatch(text, 0, start) is not None
            and (
                _EN_PARTICIPLE_TAIL.match(text, verb.end()) is not None
                or _EN_PASSIVE_TO.match(text, start) is not None
            )
        )
    ):
        return verb
    end = len(text)
    for mark in (",", ";"):
        at = text.find(mark, verb.end())
        if 0 <= at < end:
            end = at
    main = _EN_MAIN_AUX.search(text, verb.end(), end)
    if main is None or _EN_OTHER_CLAUSE.search(text, verb.end(), main.start()):
        return verb
    return main


# A clause that opens with a subordinate clause or a frame of time ("Before an agency can collect data from the public, it must
# …"): the first verb is the subordinate clause's; the main clause starts after its comma. (headline's frame test
# reads "once" by its own condition list first: there a "Once …" piece is a frame with a verb or without.)
EN_SUBORDINATE_OPEN = re.compile(r"(?:before|after|until|once|during|throughout)\s", re.I)


def _main_from(text: str) -> int:
    """Where an English clause's main clause starts: 0, or past the comma that closes a subordinate clause it
    opens with ("Before an agency can collect data, | it must receive approval"). 0 when no comma closes it:
    where the main clause starts is then unknown ("Until further notice residents must boil water"), and the
    clause is cut as any other."""
    if EN_SUBORDINATE_OPEN.match(text) is None:
        return 0
    comma = text.find(",")
    return 0 if comma < 0 else comma + 1


def _en_floor(text: str) -> int:
    """The earliest place a cut may fall: past the verb and two words of its object, and past every figure
    or date of the clause (a deadline is what the reader needs most; it is never cut off). The verb is the
    main clause's (_main_from)."""
    main_at = _main_from(text)
    if main_at >= len(text):
        return len(text)
    first = search_at(_EN_VERB_AT, _EN_VERB, text, main_at)
    # past a relative clause or a participle qualifying the subject ("Dealers required to pay in cash | must …")
    verb = None if first is None else _main_verb(text, first)
    bound = _EN_BOUND.match(text) if main_at == 0 else None
    if bound and (first is None or first.start() >= bound.end()):
        verb = bound  # "Hauliers to log rest breaks …": the infinitive is the verb of who is bound
    if verb is None:
        return len(text)
    floor = verb.end()
    for _ in range(_EN_MIN_AFTER_VERB):
        nxt = text.find(" ", floor + 1)
        floor = len(text) if nxt < 0 else nxt
    return _past_figures(text, floor)


# Where a dated event takes place ("… on Friday, March 7 at 9am, at the Kessel Town Hall"): a
# named venue right after its time, which a reader needs as much as the time.
_EN_VENUE = re.compile(
    r"(?:\d|[ap]\.?m\.?|day)\s*,?\s+(?:at|in)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*"
)


def _past_figures(text: str, floor: int) -> int:
    """floor, or later: past the last figure or date of text, which a cut never drops, and the venue named
    right after it."""
    last = [m.end() for p, anywhere in _LAST if anywhere.search(text) and (m := p.match(text))]
    return max([floor, *last])


# The last match of _DIGIT and of EN_WHEN_WORD: the greedy run gives back one character at a time from the
# end, so the first place the pattern matches is the last one, found without a match object for every
# figure before it. It is the last match finditer yields too: no match can start inside another (inside a
# run of digits the lookbehind fails, inside a word \b does), and at that start the pattern matches alike.
_LAST_DIGIT = re.compile(rf"[\s\S]*({_DIGIT.pattern})")
_LAST_WHEN_WORD = re.compile(rf"[\s\S]*({EN_WHEN_WORD.pattern})")
# The last venue: a later one starts after an earlier one ends, or inside it and ends where it does.
_LAST_VENUE = re.compile(rf"[\s\S]*({_EN_VENUE.pattern})")
# Each with a scan for its pattern first (cues.any_of, the same yes/no): "[\s\S]*(P)" matches exactly when P
# occurs, and without one it tries P at every place back from the end, which for most clauses finds nothing.
_LAST = tuple(
    (last, cues.any_of(p))
    for last, p in ((_LAST_DIGIT, _DIGIT), (_LAST_WHEN_WORD, EN_WHEN_WORD), (_LAST_VENUE, _EN_VENUE))
)
# A date, a time of day or a time limit ("May 3, 2031", "2031-05-03", "11:59 p.m.", "within 20 days"): what a
# clause's core keeps; a count or an amount after the object ("on valves opened more than 5,000 times") it may
# leave to the clause (the core is an alternative, worth what it drops less; headline._core_piece).
_EN_DATE_FIGURE = re.compile(
    rf"(?:{YEARLESS_DATE})(?:,?\s*(?:19|20)\d\d)?|\d{{4}}-\d{{1,2}}-\d{{1,2}}|(?<![\d,.])(?:19|20)\d\d(?![\d,])"
    rf"|{cues.EN_CLOCK}|\d+\s+(?:days?|hours?|weeks?|months?|years?)\b",
    re.I,
)
_LAST_DATE = (
    (re.compile(rf"[\s\S]*({_EN_DATE_FIGURE.pattern})", re.I), cues.any_of(_EN_DATE_FIGURE)),
    *_LAST[1:],
)


def _past_dates(text: str, floor: int) -> int:
    """floor, or later: past the last date, time or time limit of text and a venue named after it."""
    last = [m.end() for p, anywhere in _LAST_DATE if anywhere.search(text) and (m := p.match(text))]
    return max([floor, *last])


# How many boundaries past the limit shorten asks, and core in all, before they give up a cut (a clause's
# tails are a few; a run of hundreds is hostile input).
_LATER_TRIES = 64


def shorten(text: str, limit: int, lang: Lang) -> str:
    """An English clause longer than limit cut at its last tail boundary before limit (a deletion only).

    Subordinate and purpose tails go first; a prepositional tail only when no such boundary is left.
    """
    if lang != "en" or len(text) <= limit:
        return text
    floor = _en_floor(text)
    found: list[int] = []  # each pattern's boundaries, scanned once for both passes
    for at_starts, pattern in ((_EN_TAIL_AT, _EN_TAIL), (_EN_PREP_AT, _EN_PREP)):
        # The whole text is searched: a lookahead stops at an end position, so a limit there would hide
        # the boundaries next to it.
        starts = [m.start() for m in finditer_at(at_starts, pattern, text)]
        found += starts
        cuts = [at for at in starts if floor <= at <= limit and _ends_well(text, at)]
        if cuts:
            return en_trim(text[: cuts[-1]])
    # No boundary early enough: the first one after limit still spares the rest of the headline. Only the first
    # _LATER_TRIES are asked, in order: _ends_well reads the text before a cut, and asked of every later boundary
    # of a long clause ("… on on on …": 4.7 s for 24,000 characters) it made this quadratic.
    for at in sorted(at for at in found if at >= max(floor, limit))[:_LATER_TRIES]:
        if _ends_well(text, at):
            return en_trim(text[:at])
    return text


# A noun that counts or sorts what "of" names ("the number of people", "a range of services").
_EN_OF = re.compile(r",?\s+of\s")
_EN_QUANTITY = re.compile(
    r"\b(?:number|numbers|majority|minority|portion|share|percentage|proportion|part|most|many|some|none"
    r"|each|one|rest|whole|lot|lots|amount|total|range|series|kind|kinds|type|types|list|all|any|both|either"
    # a copy or a version is of what follows ("attach a copy | of the flyer")
    r"|copy|copies|version|versions)$",
    re.I,
)
# "of" before an amount ("a late fine of $30", "penalties of nearly $14,000", "the rate of 5% per month", "an
# award of more than $37 million"): the amount is the noun's value; cut before it, the noun says nothing.
_EN_OF_FIGURE = re.compile(
    r",?\s+of\s+(?:(?:about|around|approximately|nearly|almost|over|under|up|to|more|less|than|at|least|most"
    r"|some|just|only)\s+){0,3}(?:[$€£¥₹]|Rs\.?\s?(?=\d)|\d)"
)
# A word that is only half of what it says without its "of", a compound preposition ("paid out | of the fund",
# "Irrespective | of age"): a cut never falls between them. Not a noun, even one of state ("the absence | of
# a pupil"): barred there, the cut falls earlier, and "The authority has no record" of "… no record of the
# existence of any such agreement" reads whole and says the opposite.
_EN_TAKES_OF = re.compile(r"\b(?:out|instead|regardless|irrespective|because|ahead)$", re.I)
# A day of the month as an ordinal ("the 21st", "Friday 9th"): the "of" after it names the month or the period
# ("the 21st of the month following the quarter"), one date.
_EN_ORDINAL_END = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)$", re.I)
# The part of a period a date names ("the end | of each quarter", "the start | of term", "close | of business"):
# cut before its "of", "the end" says no date.
_EN_PERIOD_PART = re.compile(r"\bthe (?:end|start|beginning|close|middle)$", re.I)
# "the month | following the end of each quarter", "the day | following the holiday": after a period "following"
# (no comma) says which one, part of the date; after anything else it opens a tail ("…, following complaints").
_EN_FOLLOWING = re.compile(r"(?<!\s)\s++following\s")  # from a run's first blank only: linear when searched
_PERIOD_NOUN = r"(?:day|week|month|year|quarter|term|semester)"
_EN_PERIOD_END = re.compile(rf"\b{_PERIOD_NOUN}$", re.I)
# ... when what it is "of" is itself a period or a month ("the last working day | of the month", "the first week |
# of March"); "the final day | of the show" names an event, a cut there is the tail's.
_EN_OF_PERIOD = re.compile(
    r",?\s+of\s+(?:(?:the|each|every|that|this|next|same|following)\s+)?(?:(?:calendar|financial|academic|school"
    rf"|tax)\s+)?(?:{_PERIOD_NOUN}|{MONTH_NAME})\b",
    re.I,
)
# What "of" completes, in the words before it (one scan of the window): a date's day or part ("the 21st | of the
# month", "the end | of each quarter"), a quantity counted in what follows ("the maximum number | of people"), half
# of a compound preposition ("Irrespective | of age", "paid out | of the fund").
_EN_OF_HALF = cues.any_of(_EN_ORDINAL_END, _EN_PERIOD_PART, _EN_QUANTITY, _EN_TAKES_OF)
# A verb or an adverb whose complement opens with "to": a cut never falls between them.
_EN_TO = re.compile(r",?\s+to\s")
_EN_TAKES_TO = re.compile(
    r"(?:\b(?:relat|appl|belong|refer|respond|report|adher|contribut|agree|object|return|listen|conform"
    r"|subscrib|attend|commit|consent|react|repl|cater|pertain|amount|lead|travel|mov|go|went|come|came)\w*"
    r"|\b\w+ly)$"
)
# A verb of asking in the passive ("Residents are requested | to ensure …", "are advised | to boil"): the
# infinitive after it is what they are asked to do, never a purpose; "to" before a noun ("invited | to the
# hearing") stays a preposition a cut may fall before.
_EN_ASKED = re.compile(rf"\b{_EN_BIDDEN}$", re.I)
# A verb whose complement opens with "in" or "on" ("will result | in suspension", "will be based | on the
# rate", "depends | on the weather"): cut there, the verb says nothing of what it leads to.
# Matched at a cut (a comma or a run's first blank); searched, a start inside a run of blanks fails at once.
_EN_IN_ON = re.compile(r"(?:,|(?<![\s,]))\s++(?:in|on|upon)\s")
_EN_TAKES_IN_ON = re.compile(
    r"\b(?:result(?:s|ed|ing)?|based|depend(?:s|ed|ing)?|rel(?:y|ies|ied|ying))$", re.I
)
# A preposition followed by "or"/"and" is shared by two verbs ("shall not look | at or accept …"): a cut
# before it leaves the first verb without its object.
_EN_SHARED_PREP = re.compile(
    r",?\s+(?:at|to|with|for|from|on|in|of|by|into|onto|about|without)\s+(?:or|and)\s", re.I
)

# A verb whose complement opens with "with" ("provide X with Y", "comply with", "replace X with Y"): a cut
# between them leaves the verb without what it says.
_EN_WITH = re.compile(r",?\s+with\s")
_EN_TAKES_WITH = re.compile(
    r"\b(?:provid|suppl|furnish|equip|cooperat|collaborat|replac|fill|deal|cop|assist|familiari[sz]"
    r"|acquaint|charg|credit|present|match|align"
    # Verbs of working together and of compliance ("work closely | with local governments", "comply | with",
    # "submitted along | with the form"): what follows "with" is whom or what.
    r"|work|comply|complie|complied|partner|liais|consult|communicat|engag|coordinat|interact|along)\w*(?:\s+\S+){0,3}$",
    re.I,
)


# What a cut must not drop: a condition, exception, scope or time limit of what it keeps ("Boats may moor at the
# jetty | overnight if the harbour master agrees", "The ferry will not sail | in strong winds unless …", "Pupils
# must wear goggles | in the lab while they handle acids"): kept alone, a duty or a statement reads as
# unconditional, or as its opposite. A condition word anywhere in what the cut drops, up to the end of the
# sentence or clause, refuses it: a participle or a relative in between ("… any dog | kept in the flats unless
# …", "… offered to members | for those who …") does not make the condition theirs alone. Not a condition that
# asks ("if you have any questions, call …": whom to ask, no limit), "before"/"after" without what they are
# before ("as before", "before and after photos"), an alternative limit after "or" ("…until May 3, | or until it
# is extended": the kept one stands), a "where"/"when" a verb of seeing or knowing takes as its object ("see |
# where the works are"), "provided" as a participle ("provided by the council"), "after which" (what comes
# next, no limit), nor a hedge (EN_HEDGE).
# A hedge that bounds a duty by what is feasible or fitting ("… where appropriate", "… if necessary", "… when
# convenient"): a tail by design (_EN_TAIL), no condition to keep. Followed by "by" and who requires it ("if
# required by the landlord") it is a condition again; "to"/"under" ("where necessary to comply with …", "where
# applicable under the scheme") only say what makes it fitting.
EN_HEDGE = (
    r"(?:possible|practicable|feasible|appropriate|necessary|applicable|required|needed|convenient|relevant)\b"
    r"(?!\s+by\b)"
)
# The words that open a condition clause of their own, in each list of them: the one a cut finds inside a
# kept part (_EN_CONDITION_OPENED) and the one a split parted off as the next clause (headline._EN_LIMIT_NEXT).
# _EN_CONDITION_WORDS, searched anywhere in what a cut drops, spells them with the lookbehinds they need there ("or
# unless", "see where").
EN_CONDITION_OPENS = r"unless|when|whenever|where|wherever|provided\s+that|as\s+long\s+as|while|whilst"
_EN_CONDITION_WORDS = (
    r"(?:if(?!\s+you\s+(?:have|need|require|would\s+like)\s+(?:any\s+)?(?:further\s+|more\s+)?"
    r"(?:questions?|queries|enquiries|information|assistance|help|details)\b)"
    r"|(?<!\bor\s)(?:unless|until|till)|without|except|excepting|subject\s+to|as\s+long\s+as|so\s+long\s+as"
    r"|only|in\s+case|in\s+the\s+event|prior\s+to|other\s+than|providing\s+that|while|whilst"
    r"|for\s+(?:those|anyone|any\s+one|people|persons)\s+(?:who|whose|with)"
    r"|provided(?!\s+(?:by|in|for|to|on|at|with|under|through|free|via)\b)"
    r"|(?<!\bas\s)(?<!\band\s)(?<!\bor\s)(?:before|after)(?=\s+(?!(?:which|and|or)\b)\w)"
    r"|(?<!see\s)(?<!know\s)(?<!show\s)(?<!find\s)(?<!check\s)(?:when|whenever|where|wherever))\b"
    # "before" a body, not a time ("pending before the tribunal", "laid before the assembly")
    r"(?<!pending\sbefore)(?<!appear\sbefore)(?<!brought\sbefore)(?<!laid\sbefore)(?<!placed\sbefore)"
    rf"(?!\s+{EN_HEDGE})"
)
_EN_CONDITION = re.compile(rf"\b{_EN_CONDITION_WORDS}", re.I)
# Where the clause a cut drops from ends: a sentence's end, a semicolon, or a comma before a clause of its own
# (a subject of up to three words, none a condition word, and its verb: "…, staff will collect them after lunch",
# "…, and will stay in force until …": the limit there is the next clause's). A comma before anything else may part
# a list inside the clause ("… on site, in the yard and in the office, unless …"). A period inside "a.m." or "No.
# 5" ends the read early, which only lets a cut stand that the rest of the clause would refuse.
_EN_CLAUSE_END = re.compile(
    r"[.;!?](?:\s|$)|,\s*(?:and\s+|but\s+)?(?:(?!(?:if|unless|until|till|when|whenever|where|wherever|while|whilst"
    r"|provided|providing|except|only|without|before|after|as|so|in|for|other|subject|prior)\b)[A-Za-z'-]+\s+){0,3}"
    r"(?:will|shall|must|may|should|can|is|are|was|were)\b"
)
# What a comma and a relative pronoun open ("…, which are emptied when the lorry comes") qualifies a noun, not the
# kept clause's verb: its conditions are its own.
_EN_NONRESTRICTIVE = re.compile(r",\s*(?:which|who|whose|whom)\b", re.I)
# A rate set off by commas inside a noun phrase ("a one-off, per household, $20 levy"; after an amount, "$5, per
# person", it is the amount's own and may end a cut; sentences._EN_PER does not
# split there): a cut before or after it leaves the article without its noun.
_EN_RATE_NEXT = re.compile(r"(?<!\d),\s*per\s+[\w'-]+\s*,(?!\s*(?:and|or|but)\b)")
# ... not one that ends its clause ("pay $10, per night, and leave by noon")
_EN_AND_NEXT = re.compile(r",\s*(?:and|or|but)\b")
_EN_RATE_KEPT = re.compile(r"(?<!\d),\s*per\s+[\w'-]+$")
# A kept part ending on a condition word ("… every second Tuesday except", "… refunded in full only") keeps the
# word without what it limits.
_EN_ENDS_ON_CONDITION = re.compile(
    r"\b(?:except|excepting|other\s+than|subject\s+to|until|till|only|unless|if|provided|providing|while|whilst"
    r"|without)\W*$",
    re.I,
)


# A condition the kept part opens and no comma closes ("… if the smoke alarms | in it are not working"): a cut
# inside it, other than at a comma, leaves the condition without its verb. Looked for in the last words only.
# Only a condition that opens a clause of its own: "before the start | of the race" is a whole time phrase.
_EN_CONDITION_OPENED = re.compile(
    rf"\b(?:if|{EN_CONDITION_OPENS}|providing\s+that|so\s+long\s+as|in\s+case|in\s+the\s+event)\s+(?!{EN_HEDGE})",
    re.I,
)
_CONDITION_REACH = 3 * _TAIL_WINDOW
# How far from a cut its kept part's denial and what it drops are read (more than a headline piece holds).
_CONDITION_AHEAD = 5 * _TAIL_WINDOW


def _inside_condition(text: str, cut: int) -> bool:
    """Whether cut falls inside a condition the text opens before it (_EN_CONDITION_OPENED), not at a comma."""
    if text.startswith(",", cut):
        return False
    last = -1
    for m in _EN_CONDITION_OPENED.finditer(text, max(0, cut - _CONDITION_REACH), cut):
        last = m.end()
    return last >= 0 and "," not in text[last:cut]


def drops_condition(text: str, cut: int) -> bool:
    """Whether text cut at cut drops a condition, exception or time limit of what it keeps (_EN_CONDITION up to
    the clause's end), or cuts one it keeps short (_inside_condition)."""
    if _inside_condition(text, cut):
        return True
    if _EN_NONRESTRICTIVE.match(text, cut):
        return False
    # Read within a headline piece's reach: asked at each of a long clause's boundaries, a search to its ends
    # made shorten and core quadratic on "… on on on …".
    stop = cut + _CONDITION_AHEAD
    end = _EN_CLAUSE_END.search(text, cut, stop)
    return _EN_CONDITION.search(text, cut, end.start() if end else stop) is not None


def _ends_well(text: str, cut: int) -> bool:
    """Whether text cut at cut ends on a word that stands alone: not "… should be", "… tenants not", nor
    inside a name ("the Ministry | of Manpower")."""
    if _EN_NAME_OF.match(text, cut) and _EN_CAPITAL_END.search(text, 0, cut):
        return False
    if _EN_OF.match(text, cut) and (
        _EN_OF_HALF.search(text, max(0, cut - _TAIL_WINDOW), cut)
        or (_EN_OF_PERIOD.match(text, cut) and _EN_PERIOD_END.search(text, max(0, cut - _TAIL_WINDOW), cut))
        or _EN_OF_FIGURE.match(text, cut)
    ):
        # … or a period's "of" a period names ("the last working day | of the month"), or an amount ("a late fine
        # | of $30"): the noun says nothing without it
        return False
    if _EN_TO.match(text, cut) and (
        _EN_TAKES_TO.search(text, max(0, cut - _TAIL_WINDOW), cut)
        or (not _EN_TO_NOUN.match(text, cut) and _EN_ASKED.search(text, max(0, cut - _TAIL_WINDOW), cut))
    ):
        # the verb's complement ("should relate | to the application"), or what they are asked to do ("are
        # requested | to ensure they keep water")
        return False
    if _EN_SHARED_PREP.match(text, cut):
        return False  # "shall not look | at or accept": the preposition is the first verb's
    if _EN_FOLLOWING.match(text, cut) and _EN_PERIOD_END.search(text, max(0, cut - _TAIL_WINDOW), cut):
        return False  # "by the 21st of the month | following the quarter": which month it is
    if _EN_IN_ON.match(text, cut) and _EN_TAKES_IN_ON.search(text, max(0, cut - _TAIL_WINDOW), cut):
        return False  # "will result | in the licence being suspended": the verb's complement
    if _EN_WITH.match(text, cut) and _EN_TAKES_WITH.search(text, max(0, cut - _TAIL_WINDOW), cut):
        return False  # "provide tenants | with a copy", "replace the pins | with new ones": the verb's complement
    if _EN_SET_PHRASE.match(text, cut):
        return False  # "have a policy | in place", "be made | in writing": the verb's complement
    if drops_condition(text, cut):
        return False  # "Boats may moor | overnight if the harbour master agrees": the leave would read as unbounded
    if _EN_ENDS_ON_CONDITION.search(text, max(0, cut - _TAIL_WINDOW), cut):
        return False  # "… every second Tuesday except": the exception without what it excepts
    if _EN_RATE_NEXT.match(text, cut) or (
        text.startswith(",", cut)
        and not _EN_AND_NEXT.match(text, cut)
        and _EN_RATE_KEPT.search(text, max(0, cut - _TAIL_WINDOW), cut)
    ):
        # "billed a one-off, | per household, | $20 levy": the rate is inside the phrase it prices
        return False
    if _open_quote(text, cut):
        return False  # 'defines a "permit as any | written consent"': a quotation is cut whole or not at all
    kept = drop_dangling(trim_marks(text[:cut]))
    if _open_that(kept):
        return False  # "… decided that all the canteens | in …": the that-clause has no verb yet
    start = max(0, len(kept) - _TAIL_WINDOW)  # only its last words can match
    if hangs(kept):
        return False
    if not _EN_CUT_PAIR.search(kept, start):
        return True
    # "… wages and benefits | to ensure fair treatment": a purpose, unless a verb before the pair takes it
    return _EN_PURPOSE_CUT.match(text, cut) is not None and not _EN_OBJECT_TO.search(kept, start)


# A "that" opening a clause: after a verb ("decided that", "ensure that"), or a relative one after a noun.
_EN_THAT = re.compile(r"\bthat\s+(?=\w)", re.I)


def _open_that(kept: str) -> bool:
    """Whether kept ends inside a that-clause before its verb ("should ensure that publicity", "it has been
    decided that all the canteens"): what is kept names a subject and says nothing of it."""
    at = -1
    for m in _EN_THAT.finditer(kept):
        at = m.end()
    return at >= 0 and search_at(_EN_VERB_AT, _EN_VERB, kept, at) is None


def hangs(text: str) -> bool:
    """Whether an English piece ends on a word that waits for more ("… should ensure", "… the"): a clause
    the text itself broke there (a quotation, a list after it) says nothing alone."""
    return _EN_HANGING.search(text, max(0, len(text) - _HANGING_REACH)) is not None


# Not sentences.quote_open, on purpose: here the prefix of a whole clause is tested, which starts where its
# quotation starts, so counting double quotes is exact, and single marks are left out because a plural's
# apostrophe ('"… in 100 days' agenda') would count as the close of the double quotation still open.
def _open_quote(text: str, cut: int) -> bool:
    """Whether a quotation opened before cut is still open there (straight or curly double quotes)."""
    head = text[:cut]
    return head.count('"') % 2 == 1 or head.count("\u201c") > head.count("\u201d")


# Where an English clause's core ends: before a purpose or relative tail, a prepositional phrase, a comma.
_EN_CORE_END = re.compile(rf",\s+|\s+(?=(?:to|{_PREPOSITIONS})\s)")
# "to" after a verb that takes an object and an infinitive ("allow fatigued drivers to operate") completes
# it; only after a finished verb phrase ("will take measures to expand …") does "to" start a purpose.
_EN_TO_VERB = re.compile(
    rf"\b(?:{_OBJECT_TO_VERBS}|has|had|have|having|is|are|was|were|be|been|able|used|going)"
    r"\s+(?:\S+\s+){0,2}$"
)
# How far before a "to" its verb and two words may start: searched from the clause's start, a long run of
# "to"s made the core quadratic.
_TO_VERB_REACH = 3 * _TAIL_WINDOW
# A core shorter than this says too little; one longer than this share of its clause saves too little.
_EN_CORE_MIN = 20
_EN_CHAIN = re.compile(r"(?:\s+(?:be|being|been|have|had|not|also|now|still|\w+ed|\w+en|\w+ing)\b)*")
_EN_AUX = re.compile(rf"\b(?:{cues.EN_AUX}|to)\b")
_EN_AUX_AT = starts_of(_EN_AUX)  # as _EN_VERB_AT
_EN_CORE_SHARE = 0.75


def core(text: str, lang: Lang, *, counts: bool = True) -> str:
    """An English clause's core: its subject, verb and object, cut before the first tail or prepositional
    phrase after them ("Landlords must test smoke alarms" of "… in every rented flat of …").

    A deletion like shorten; empty when the clause has no shorter core worth a headline of its own.
    """
    if lang != "en":
        return ""
    # The modal or auxiliary first ("The newly registered members have to pay …": not "registered"); the main
    # clause's, past a subordinate clause the text opens with (_main_from).
    main_at = _main_from(text)
    if main_at >= len(text):
        return ""
    verb = search_at(_EN_AUX_AT, _EN_AUX, text, main_at) or search_at(_EN_VERB_AT, _EN_VERB, text, main_at)
    if verb is None:
        return ""
    # A relative clause's verb qualifies the subject: the core is cut past the main verb that follows it. An
    # infinitive's "to" found first may follow a participle ("Dealers required to …"): that one is asked.
    found = search_at(_EN_VERB_AT, _EN_VERB, text, main_at) if verb.group() == "to" else verb
    main = found and _main_verb(text, found)
    if main is not None and main is not found and main.start() > verb.start():
        verb = main
    # Past the verb chain ("are being encouraged") and two words of what follows it; never before a figure
    # or a date (what a reader needs most is never cut off).
    floor = _EN_CHAIN.match(text, verb.end()).end()  # type: ignore[union-attr]  # it matches the empty string
    for _ in range(_EN_MIN_AFTER_VERB):
        nxt = text.find(" ", floor + 1)
        if nxt < 0:
            return ""
        floor = nxt
    floor = _past_figures(text, floor) if counts else _past_dates(text, floor)
    for tries, m in enumerate(_EN_CORE_END.finditer(text, floor)):
        if tries == _LATER_TRIES:
            break  # a run of hundreds of boundaries is hostile input (_ends_well reads the text before each)
        if text.startswith("to ", m.end()) and (
            text[m.start() - 1].isdigit()
            or _EN_TO_VERB.search(text, max(0, m.start() + 1 - _TO_VERB_REACH), m.start() + 1)
        ):
            continue  # "have until July 31, 2026, to file returns": what the date is for
        if not _ends_well(text, m.start()):
            continue  # "… tell their tenants not": a negation or article needs what follows it
        if _EN_TO_NOUN.match(text, m.start()):
            continue  # "may lose access to the reading room": a complement, not a purpose
        out = en_trim(text[: m.start()])
        return out if _EN_CORE_MIN <= len(out) <= _EN_CORE_SHARE * len(text) else ""
    return ""
