"""English names of bodies: the grammar of a body's name, its acronym, and how the text spells it.

Shared by the issuer rules in meta_en.py: a name is cleaned of articles and possessives, matched to an
acronym by its initials (in order, or reordered as some headlines write it), and given as the text writes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.summarize.prefilter import finditer_lines, starts_of

__all__ = [
    "ACRONYM",
    "ACRONYMED",
    "BODY",
    "CAP",
    "HONORIFIC",
    "LINK",
    "MIXED_ACRONYM",
    "NAMED_AFTER_WORD",
    "NOT_ACRONYM",
    "ORG_WORD",
    "ORG_WORD_ANY",
    "PERSON_TITLE",
    "PLACE_AGENCY",
    "SIGNER_POST_WORD",
    "SPELLED",
    "VALEDICTION_WORDS",
    "abbreviates",
    "acronymed_in",
    "antecedent",
    "as_written",
    "clean",
    "initials",
    "reorders",
    "spelled",
    "spelled_in",
    "spelled_tail",
    "titled",
]

# The last word of a body's name ("Harbour Revenue Service", "Ministry of Fisheries", "Harbour Master").
ORG_WORD = (
    # News pages shorten the commonest: "the Education Dept", "Dept. of Health", "the Sri Lanka Govt".
    r"(?:Department|Dept\.?|Ministry|Office|Bureau|Administration|Agency|Commission|Council|Authority|Board|Services?|"
    r"Institutes?|Committee|Secretariat|Government|Govt\.?|Gov't|Cabinet|Officer|Centers?|Centres?|City|County|Township|"
    r"Borough|Town|Village|Shire|University|College|Court|Tribunal|Corporation|Commissioner|Inspectorate|Directorate|Division|"
    r"Police|Executive|Regulator|Treasury|Customs|Parliament|Assembly|Senate|Reserve|Bank|Organi[sz]ation|"
    r"Association|Federation|Union|Registry|Survey|Guard|Command|Task ?[Ff]orce|District|Municipality|Chamber|"
    # Companies, schools and other bodies that issue notices to their customers, pupils or members.
    r"Ltd\.?|Limited|Inc\.?|PLC|LLC|Company|Group|Foundation|Trust|School|Academy|Hospital|Airport|Society|Party|"
    r"Embassy|Consulate|Congress|Legislature|Force|House|"
    # Units, corps and funds issue notices as well ("U.S. Army Corps of Engineers", "Grievance Cell").
    r"Corps|Patrol|Unit|Cell|Branch|Wing|Exchange|Ombudsman|Fund|Library|Museum|Network|Alliance|Coalition|"
    r"Consortium|Cooperative|Laboratory|Observatory|"
    # Carriers issue notices to their passengers ("Indian Railways", "Singapore Airlines", "New Jersey Transit").
    # Not a bare "Rail" or "Transit": "Light Rail", "Bus Rapid Transit" and "Rail Replacement Buses" are services.
    r"Railways?|Airlines?|Airways|"
    # A school district: "Springfield Public Schools" (a plural "Schools" alone starts many sentences).
    r"(?:Public|City|County|Unified|Independent|Community|Area|Regional)[ \t]+Schools)"
)
CAP = r"(?:U\.S\.|U\.K\.|[A-Z][\w&’'-]*)"
LINK = r"(?:of|for|and|on|the|&|in)"
# A body: capitalised words, a body word, then "of the County of Marlow"-style continuations.
# Titles of people: "Department of Health Secretary Jane Doe" ends the body's name before "Secretary".
PERSON_TITLE = (
    r"(?:Secretary|Minister|Director|Chief|Administrator|Deputy|Spokes(?:person|man|woman)|Chair(?:man|woman|person)?|"
    r"President|Commissioner|Head|Governor|Mayor|Superintendent|Officials?|Press)\b"
)
# The honorifics before a person's name ("Dr", "Adv." an advocate's, "Eng." an engineer's): meta_en.py and
# published.py.
HONORIFIC: str = r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Madam|Hon|Adv|Eng)"
# The word ending a signer's post under the name, at a letter's foot ("Deputy Registrar", "Town Clerk"):
# docno_en.py and published.py.
SIGNER_POST_WORD: str = (
    r"(?:Registrar|Secretary|Director|Officer|Principal|Bursar|Dean|Clerk|Manager|Provost|Rector|Head|President|"
    r"Chair(?:man|person|woman)?|Treasurer|Commissioner|Superintendent|Executive|Coordinator|Administrator)"
)
# A letter's closing words ("Sincerely", "Kind regards", "With thanks"): lines_en.py and docno_en.py.
VALEDICTION_WORDS: str = (
    r"(?:Yours[ \t]+)?(?:Sincerely|Faithfully|Truly|Respectfully)(?:[ \t]+yours)?|(?:(?:Best|Kind|Warm)[ \t]+)?"
    r"[Rr]egards|With[ \t]+(?:best[ \t]+)?(?:thanks|regards)|Respectfully[ \t]+submitted"
)
# The rank of a post named after "of the" in an office's name ("Office of the Principal Secretary").
_RANK = r"(?:Chief|Principal|Deputy|Additional|Joint|Assistant|Special|Permanent|Under|Private)"
_AFTER_AND = r"(?:(?<=\band[ \t])|(?<=&[ \t])|(?<=\band[ \t]the[ \t]))"
# Both runs of words are bounded: a body's name has a few words before its body word and a few links after
# it; unbounded, a run of capitalised words ("Department Department …") offers every split of itself to every
# start, and a match that then fails tries them all (cubic in the run's length).
BODY = (
    # No "The" inside the words before the body word: a flattened page runs "… by Admin The Ministry of Health".
    rf"(?=[A-Z])(?:(?!The[ \t]){CAP}[ \t]+(?:(?:and|&)[ \t]+)?){{0,8}}?{ORG_WORD}"
    # After "of the" a person's title names an office ("Office of the Governor"), right after the name a person.
    # "X and The Rt Hon …": a capitalised "The" after a link starts another name.
    # An office named after a ranked post holds the post's title: "Office of the Chief Secretary", "Office of the
    # Deputy Commissioner" (only after "of (the)", and no name after the title: "Office of the Chief Secretary
    # Jane Doe" and "Ministry of Finance and Deputy Minister Jane Doe" are a body and a person).
    rf"(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?{_RANK}[ \t]+(?={PERSON_TITLE}){CAP}(?![ \t]+(?!{LINK}\b)[A-Z])|"
    # After "and" a ranked or titled word starts a person ("Ministry of Finance and Deputy Minister Jane Doe").
    rf"(?:{LINK}[ \t]+)+(?!{LINK}\b|The\b|{_RANK}[ \t]+{PERSON_TITLE})(?!{_AFTER_AND}(?:{_RANK}|{PERSON_TITLE})){CAP}|"
    rf"(?!{LINK}\b|{PERSON_TITLE}){CAP})){{0,10}}?"
)
ACRONYM = r"[A-Z][A-Z&]{1,7}"
# An acronym that keeps a small word in lower case: "DfE", "TfL", "MoHFW", "MoE".
MIXED_ACRONYM = r"[A-Z][a-z][A-Z]{1,4}(?![\w’'-])"
# Agencies named by their field and their country or state rather than by a body word: "Health Canada", "Public
# Health England", "NSW Health", "Transport for London".
_FIELD = (
    r"(?:Health|Transport|Environment|Justice|Education|Revenue|Services?|Public|Parks|Statistics|Fisheries|Oceans|"
    r"Immigration|Employment|Skills|Tourism|Sport|Heritage|Infrastructure|Innovation|Agriculture|Food|Water|Housing|"
    r"Safety|Work|Enterprise|Workforce|Natural|Historic|Highways|Trade|Finance|Energy|Protection|Development|Security)"
)
_PLACE = (
    r"(?:Canada|England|Scotland|Wales|Ireland|Australia|Singapore|Zealand|NSW|Victoria|Queensland|Tasmania|Ontario|"
    r"Quebec|Alberta|Manitoba|Saskatchewan)"
)
PLACE_AGENCY = (
    rf"(?:(?:{_FIELD}[ \t]+(?:(?:and|&)[ \t]+)?){{1,3}}{_PLACE}|(?:NSW|SA|ACT|NT|WA|Queensland|Victoria|Tasmania|NHS)[ \t]+"
    rf"(?:Health|Police|Education)|Transport[ \t]+for[ \t]+(?:London|NSW|Wales|Ireland|Greater[ \t]+Manchester))(?![\w’'-])"
)
# "the Ministry of Fisheries (MOF)": a body introduced with its acronym is one the text is about.
ACRONYMED = re.compile(rf"(?<![\w’'])(?:[Tt]he[ \t]+)?({BODY})[ \t]+\(({ACRONYM})\)")
ORG_WORD_ANY = re.compile(rf"\b{ORG_WORD}\b", re.IGNORECASE)
_ORG_WORD_IN = re.compile(rf"\b{ORG_WORD}\b")  # compiled once: tested per start word of a name
CAP_RUN = re.compile(rf"(?:{CAP}|{LINK})(?:[ \t]+(?:{CAP}|{LINK}))*")
# Any capitalised name spelled out before its acronym ("HM Revenue and Customs (HMRC)"), tried from a word's
# start (from every letter, a long capitalised word costs the square of its length).
SPELLED = re.compile(rf"(?<![\w&’'-])({CAP}(?:[ \t]+(?:{CAP}|{LINK})){{1,9}})[ \t]+\(({ACRONYM})\)")
# Where their matches can start (prefilter.starting_with): each tried only there, and only in a text with
# a "(", which every match of either ends with.
_ACRONYMED_AT = starts_of(ACRONYMED)
_SPELLED_AT = starts_of(SPELLED)


def acronymed_in(text: str) -> Iterator[re.Match[str]]:
    """ACRONYMED.finditer(text), faster."""
    return finditer_lines(_ACRONYMED_AT, ACRONYMED, _BRACKETED, text) if "(" in text else iter(())


def spelled_in(text: str) -> Iterator[re.Match[str]]:
    """SPELLED.finditer(text), faster."""
    return finditer_lines(_SPELLED_AT, SPELLED, _BRACKETED, text) if "(" in text else iter(())


# Both patterns end with an acronym in brackets and keep to one line (their words are joined by blanks and
# tabs, never a line break): only the lines holding such an acronym are scanned (prefilter.finditer_lines).
_BRACKETED = re.compile(rf"\({ACRONYM}\)")


SMALL = frozenset({"of", "and", "for", "the", "on", "&", "in"})
# Codes that look like acronyms or numbers but are not bodies or release numbers.
NOT_ACRONYM = frozenset(
    {"COVID", "SARS", "MERS", "PPE", "FAQ", "FAQS", "PDF", "US", "USA", "UK", "EU", "AM", "PM"}
)


# The heads offices are named after ("Sheriff's Office", "Office of the City Clerk").
HEAD_OF_OFFICE: str = (
    r"(?:Sheriff|Governor|Mayor|Attorney General|Attorney|Comptroller|Treasurer|Auditor|Marshal|Clerk|Assessor|"
    r"Registrar|Coroner|Prosecutor|Solicitor General|Minister|Premier|President|Chancellor|Provost|Dean|Secretary|"
    r"Commissioner|Director|Speaker|Controller|Inspector General|Ombudsman|Superintendent|Chief|Manager|Administrator)"
)
# Offices named after their head ("Sheriff's Office", "Prime Minister's Office", "Attorney General's Office").
_HEADED_BY = re.compile(rf"\b{HEAD_OF_OFFICE}$")


# clean's patterns, compiled once: it runs for every name found, and through re's cache each call cost more
# than its matching (re recompiles a pattern its cache has dropped).
_LEAD = re.compile(r"^(?:[Tt]he|Today,? the|Today|Meanwhile,? the)\s+")
_POSSESSIVE = re.compile(r"['’]s\s+")
# The body words of institutions named after a person ("St. Xavier's College", "King's College"), and a
# person's single name before the possessive (a place or a body before it is read as the seat: "Veland's
# Ministry of Health"). A single name kept so ("Anne's School") names a body only with a saint's "St." before it
# or as a monarch's (meta_en._FOUNDED_BY, which shares the body words).
NAMED_AFTER_WORD: str = r"(?:College|University|Hospital|School|Academy|Infirmary)"
_NAMED_AFTER = re.compile(NAMED_AFTER_WORD)
_ONE_WORD = re.compile(r"(?:(?:St|Saint|Ste)\.?[ ])?[A-Z][a-z]+")
_SEAT = re.compile(r"\b(Inc\.?|Ltd\.?|LLC|PLC|Limited)\s+(?:of|in)\s.*$")
_ARTICLE = re.compile(r"^(?:[Tt]he)\s+")


def clean(name: str) -> str:
    name = " ".join(name.split()).strip(" .,;:'’")
    name = _LEAD.sub("", name)
    # "Veland's Ministry of Health", "the Department of Energy's Office of Nuclear Reactor
    # Safety": the body that acts is the one after the possessive.
    parts = _POSSESSIVE.split(name)
    tail = parts[-1]
    # "The Sheriff's Office", "the Governor's Office of Emergency Services": an office named after the person
    # who heads it is one name, possessive and all.
    # An institution named after a saint, a founder or a monarch ("St. Mary's Hospital", "Queen's University")
    # is likewise one name: its body word alone names nothing.
    if (
        len(parts) > 1
        and _ORG_WORD_IN.search(tail)
        and not _HEADED_BY.search(parts[-2])
        and not (_NAMED_AFTER.fullmatch(tail) and _ONE_WORD.fullmatch(parts[-2]))
    ):
        name = tail
    # "Acme Foods Inc. of Springfield": after a company's legal form comes its seat, not its name.
    name = _SEAT.sub(r"\1", name)
    return _ARTICLE.sub("", name)


def initials(name: str) -> set[str]:
    words = [w for w in name.replace("U.S.", "US").replace("U.K.", "UK").split() if w]
    caps = [w for w in words if w not in SMALL]
    forms = {"".join(w[0] for w in caps), "".join(w[0].upper() for w in words if w != "&")}
    if caps and caps[0].isupper() and len(caps[0]) > 1:
        forms.add(caps[0] + "".join(w[0] for w in caps[1:]))
    if caps and caps[0] in ("US", "UK"):  # "U.S. Citizenship and Immigration Services" is USCIS
        forms.add(caps[0] + "".join(w[0] for w in caps[1:]))
    return forms


def abbreviates(acronym: str, name: str) -> bool:
    """Whether acronym abbreviates name: its initials ("MOM"), or 3+ letters of them in a row ("CDC" for the
    Centers for Disease Control and Prevention, "HHS" for the Department of Health and Human Services)."""
    forms = initials(name)
    return acronym in forms or (len(acronym) >= 3 and any(acronym in f for f in forms))


def spelled_tail(words: str, acronym: str, need_body: bool) -> str | None:
    """The trailing words of `words` whose initials spell `acronym` ("… from HM Revenue and Customs")."""
    parts = words.split()
    for start in range(len(parts)):
        tail = " ".join(parts[start:])
        if parts[start] in SMALL or parts[-1] in SMALL or len(parts) - start < 2:
            continue
        if need_body and not _ORG_WORD_IN.search(tail):
            continue
        if abbreviates(acronym, tail):
            return clean(tail)
    return None


def spelled(acronym: str, text: str) -> str | None:
    """The name the text spells out for an acronym: "X (ACR)", else a capitalised run with those initials."""
    for m in acronymed_in(text):
        if m.group(2) == acronym:
            return clean(m.group(1))
    for m in spelled_in(text):
        if m.group(2) == acronym and (found := spelled_tail(m.group(1), acronym, False)):
            return found
    for m in CAP_RUN.finditer(text):
        if found := spelled_tail(m.group(0), acronym, True):
            return found
    return None


# A body named in full: as many links and names after its body word as it has ("Ministry of Lands and Waterways").
BODY_FULL = re.compile(r"(?<![\w’'])(" + BODY.replace("{0,10}?", "{0,10}") + ")")


def antecedent(before: str, word: str) -> str | None:
    """The body "the ministry" refers to: the last one named in full before it whose name has that word."""
    found: str | None = None
    for m in BODY_FULL.finditer(before):
        name = clean(m.group(1))
        if re.search(rf"\b{word}\b", name, re.IGNORECASE) and " " in name:
            found = name
    return found


def reorders(acronym: str, name: str) -> bool:
    """Whether a headline's acronym may name the body in another word order ("USDE", "the Education
    Department"): the acronym's letters, after a country's, are the initials of the name's words."""
    initials = sorted(w[0] for w in name.split() if w not in SMALL)
    rest = acronym[2:] if acronym[:2] in ("US", "UK") else acronym  # "USDE": the country, then the body
    return len(initials) >= 2 and initials == sorted(rest)


# Title case keeps these in lower case as well: an all-capital "STATEMENT BY THE MINISTRY OF HEALTH" names its
# author after them, as a mixed-case line does.
_TITLE_SMALL = SMALL | {"by", "from"}


def titled(line: str) -> str:
    """An all-capital line in title case, of the same length ("STATE BOARD OF PARKS" → "State Board of Parks")."""
    titled = " ".join(w.lower() if w.lower() in _TITLE_SMALL else w.capitalize() for w in line.split(" "))
    return titled.replace("U.s.", "U.S.").replace("U.k.", "U.K.")


def as_written(name: str, text: str) -> str | None:
    """The mixed-case spelling of name somewhere in text, if any ("Ministry of Education")."""
    for m in re.finditer(re.escape(name), text, re.IGNORECASE):
        if not m.group(0).isupper() and m.group(0)[0].isupper():
            return m.group(0)
    return None
