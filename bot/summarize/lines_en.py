"""English issuers named by a notice's lines: header fields, letterhead, signature, memo, contact and foot lines."""

from __future__ import annotations

import re

from bot.dates import MONTH_NAME, find_dates
from bot.summarize.bodies_en import (
    ACRONYM,
    BODY,
    CAP,
    HEAD_OF_OFFICE,
    LINK,
    ORG_WORD,
    ORG_WORD_ANY,
    PERSON_TITLE,
    PLACE_AGENCY,
    VALEDICTION_WORDS,
    abbreviates,
    as_written,
    clean,
    titled,
)
from bot.summarize.signoff import CONTACT_LABEL, signature_tail

# A letter's salutation ("Dear families,"): a letter's, not a notice's, opening (meta_en.py, published.py).
SALUTATION: re.Pattern[str] = re.compile(r"^[ \t]*Dear\b", re.MULTILINE)
# A person's fields in a form or a contact card: "Name: Jane Doe", "Email: …", "Role: Lecturer".
# Matched at a line's start; the look-behind keeps a search from reading a run of blanks from each of its starts.
_PERSON_FIELD = re.compile(
    r"(?<![ \t])[ \t]*(?:(?:Full[ \t]+)?Name|E-?mail|Role|Phone|Telephone|Tel|Mobile|Position|Job[ \t]+title|Designation)"
    r"[ \t]*:",
    re.IGNORECASE,
)
# The labels of _HEADER that a form gives a person as well ("Organisation: University of Springfield").
_UNIT_LABEL = re.compile(r"(?<![ \t])[ \t]*(?:Department|Ministry|Organi[sz]ation)[ \t]*:", re.IGNORECASE)


def among_person_fields(text: str, start: int, end: int) -> bool:
    """Whether the _HEADER match text[start:end] is a unit label ("Department:", "Organisation:") on a line next to
    a person's field ("Name:", "Email:"): a form's or a contact card's row, not the notice's issuer."""
    if not _UNIT_LABEL.match(text, start):
        return False
    before = text.rfind("\n", 0, max(0, start - 1)) + 1  # the previous line's start
    after = text.find("\n", end) + 1  # the next line's start, or 0 when none
    return bool(
        (start > 0 and _PERSON_FIELD.match(text, before, start))
        or (after and _PERSON_FIELD.match(text, after))
    )


# Header lines: "From: Office of the Registrar", "Issued by: the Civil Aviation Authority of Singapore".
_HEADER = re.compile(
    # "Authority:" only with its colon: the word alone starts many a name ("Authority for …").
    rf"^[ \t]*(?:From|Issued by|By(?=[ \t]+the[ \t])|Issuing (?:body|authority|agency|office|organi[sz]ation)|Authority(?=[ \t]*:)|(?:Department|Ministry|Organi[sz]ation)(?=[ \t]*:)|Released by|Published by|Posted by|Agency|Issuer|Source|"
    rf"Authori[sz]ed by|Author|Authored by|Written by|Submitted by|Provided by|Courtesy(?: of)?)"
    # The label may stand on its own line ("From:" above the body, as GOV.UK prints it); a minister named
    # after the body ("… and The Rt Hon …") is not part of it.
    # (One run of blanks before each optional mark: three runs side by side split a long run every way, cubic.)
    rf"[ \t]*(?:[:：][ \t]*)?(?:\n[ \t]*)?(?:the[ \t]+)?({BODY})(?:[ \t]+\(({ACRONYM})\))?[ \t]*[.,;]?"
    rf"(?:[ \t]+and[ \t]+[^\n]*)?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# A memo's or notice's header names the signer, then the body: "FROM: Jane Doe, Director, Office of Human
# Resources", "Authorised by John Smith, General Manager, Springfield Shire Council".
_HEADER_SIGNER = re.compile(
    # A byline names the writer, then the body: "By Jane Doe, Springfield Water Authority".
    rf"^[ \t]*(?:(?:From|FROM|Issued by|ISSUED BY)[ \t]*:|Authori[sz]ed by|AUTHORI[SZ]ED BY|Approved by|APPROVED BY|"
    rf"By(?=[ \t]+[A-Z][a-z]))"
    rf"[^\n]*?,[ \t]*(?:the[ \t]+|The[ \t]+)?({BODY})[ \t]*[.]?[ \t]*$",
    re.MULTILINE,
)
# A signature may be set off by a dash ("— Ministry of Manpower").
# A rule's or notice's AGENCY line: "AGENCY: Food and Drug Administration, HHS." names the agency, then its
# department; a page's "Agencies: Department of Marine Affairs, Harbour Pilotage Administration" goes
# from the department down to the agency.
_AGENCY_LINE = re.compile(r"^[ \t]*(AGENC(?:Y|IES)|Agenc(?:y|ies))[ \t]*:[ \t]*([^\n]{3,200})$", re.MULTILINE)
# A document page's subtitle: "A Proposed Rule by the Harbour Pilotage Administration on 03/14/2031".
_DOC_BYLINE = re.compile(
    rf"^[ \t]*An?[ \t]+(?:(?:Proposed|Interim|Final|Temporary|Presidential|Direct)[ \t]+)*"
    rf"(?:Rule|Notice|Document|Order|Proclamation|Memorandum|Determination|Correction)[ \t]+by[ \t]+(?:the[ \t]+)?"
    rf"({BODY})(?=[ \t]+(?:on|and)\b|[ \t]*[,.]?[ \t]*$)",
    re.MULTILINE,
)
# A salutation or an address line names whom a letter is for, not who writes it ("Dear Club Members,").
# A body's line may end in its acronym or a qualifier in brackets ("… Inland Fisheries (Licences)").
_LINE_BODY = re.compile(
    rf"^[ \t]*(?!(?:Dear|To|Attn|Attention|Hello|Hi|Re|Subject)\b)(?:[–—-]+[ \t]*)?(?:The[ \t]+)?({BODY})"
    rf"(?:[ \t]+\(({ACRONYM}|[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)\))?[ \t]*[.,]?[ \t]*$"
)
# Dots inside a letterhead's words ("W.R.", "SR. CONTROLLER"): read as hyphens, which names may hold.
_INNER_DOT = re.compile(r"\.(?![ \t]*$)")
# A contact line names the body it speaks for: "Media contact: Jane Doe, Harbour Pilotage Administration, …".
_CONTACT = re.compile(
    # At a line's start, after a release's end mark ("### Media contact: …") or a sentence a flattened page ran on.
    rf"(?:^|(?<=[.!?][ \t]))[ \t]*(?:(?:#{{3}}|-30-)[ \t]*)?{CONTACT_LABEL}[^\n]*?(?:,|[ \t][–—|][ \t])"
    rf"[ \t]*(?:the[ \t]+)?({BODY})(?=[ \t]*(?:[,;(|]|[–—]|$))",
    re.MULTILINE,
)


# The word ending a post's title (_POST, _CONTACT_POST): "Town Clerk", "Public Information Officer".
_POST_WORD = r"Clerk|Manager|Officer|Executive|Secretary"
# The body after a contact's post: "Media contact: Jane Doe, Public Information Officer, Department of Finance".
_CONTACT_NEXT = re.compile(
    rf"[ \t]*(?:,|[–—|])[ \t]*(?:the[ \t]+)?({BODY})(?=[ \t]*(?:[,;(|]|[–—]|$))", re.MULTILINE
)
# A contact's post ends in a post's word with no body after it ("Senior Communications Officer", "Public Affairs
# Manager"); "Health Officer of the County of X" names an office.
_CONTACT_POST = re.compile(
    rf"\b(?:{_POST_WORD}|Director|Coordinator|Specialist|Spokesperson|Spokesman|Spokeswoman|Adviser|"
    r"Advisor|Liaison|Assistant|Associate|Lead|Head)$"
)


def _has_contact_label(text: str) -> bool:
    """Whether the text may hold a _CONTACT match: each holds "contact" or "(en|in)quiries" in any case (only
    ASCII letters match c, o, n, t, a, q and u under IGNORECASE, so lower() finds them all)."""
    low = text.lower()
    return "contac" in low or "nqu" in low


# A headline ending in its publisher: "Ferries to halt – Ministry of Transport", "Advice | Department of Health".
_TITLE_SUFFIX = re.compile(r"\s(?:[–—|]|-{1,2})\s+((?:the\s+)?[A-Za-z][\w.&’' ]{2,80})\s*$")
# A whole government, the top of any letterhead: "Government of India", "State of California".
_SOVEREIGN = re.compile(
    r"^(?i:(?:the[ \t]+)?(?:government|state|republic|commonwealth|kingdom|province|territory)[ \t]+of)\b"
)
# A local government printed under or over the unit that writes ("Department of Public Works / City of
# Springfield", a signature's last line): the unit's parent, as a whole government is. Alone it is the issuer.
# Only the whole line "City of <Place>": a body after the place ("City of London Police", "City of Springfield
# Water Department") is a unit of its own, not the parent. Words hold no blank, so the blanks between are read
# one way only (linear).
_LOCAL_GOVERNMENT = re.compile(
    r"^(?i:(?:the[ \t]+)?(?:city|county|town|village|borough|township|municipality|shire|parish)[ \t]+of)"
    r"((?:[ \t]+[A-Z][\w.’'-]*){1,4})[ \t]*$"
)


def is_parent_government(name: str) -> bool:
    """Whether a letterhead's or signature's line names a government (whole or local) rather than its unit."""
    if _SOVEREIGN.match(name) is not None:
        return True
    local = _LOCAL_GOVERNMENT.match(name)
    return local is not None and ORG_WORD_ANY.search(local.group(1)) is None


# A line introducing what follows as a body's: "A message from the Springfield Water Authority".
_MESSAGE_FROM = re.compile(
    rf"^[ \t]*(?:An?[ \t]+)?(?:[Mm]essage|[Nn]otice|[Uu]pdate|[Ll]etter|[Ss]tatement|[Aa]dvisory|[Cc]ircular|"
    rf"(?:[Pp]ress|[Mm]edia|[Nn]ews)[ \t]+[Rr]elease)[ \t]+from[ \t]+"
    rf"(?:the[ \t]+)?({BODY})[ \t]*[.:]?[ \t]*$",
    re.MULTILINE,
)
# A release's foot: "Issued by the Springfield Water Authority on 3 March 2031."
_FOOT_ISSUED = re.compile(
    # The date may come first: "Issued on 5 January 2023 by the Department of Finance."
    rf"(?:^|(?<=[.!?][ \t]))[ \t]*(?:Issued|Released|Published|Posted)(?:[ \t]+on[ \t]+[\w ,]{{1,30}}?)?[ \t]+by[ \t]+"
    rf"(?:the[ \t]+)?({BODY})"
    rf"(?=[ \t]*[,.;]|[ \t]+(?:on|at|in)\b|[ \t]*$)",
    re.MULTILINE,
)
# A page's owner in its footer; a news outlet's copyright names the outlet, not the issuer.
_FOOT_OWNER = re.compile(
    rf"^[ \t]*(?:(?:©|\([Cc]\)|Copyright)(?:[ \t]*(?:©|\([Cc]\)))?[ \t]*(?:(?:19|20)\d{{2}}(?:[ \t]*[-–][ \t]*(?:19|20)\d{{2}})?[ \t]*,?[ \t]+)?"
    rf"|(?:This (?:page|site|website) is (?:maintained|managed|published) by|Content (?:owner|provided by)|Page owner|Maintained by)[ \t]*:?[ \t]*)"
    rf"(?:[Tt]he[ \t]+)?({BODY})(?=[ \t]*(?:[.,|]|$))"
    rf"|^[ \t]*For (?:more|further) (?:information|details)(?: or questions)?,?[ \t]+(?:please[ \t]+)?(?:contact|call|email|visit)[ \t]+"
    rf"(?:the[ \t]+)?({BODY})(?=[ \t]+(?:at|on|by|via)\b|[ \t]*[,.])",
    re.MULTILINE,
)
# A company's legal form, wherever it stands (meta_en._COMPANY) or ending a name (_CORPORATE).
_LEGAL_FORM: str = r"Inc|LLC|Ltd|Limited|Corporation|Company|plc"
_CORPORATE = re.compile(
    rf"\b(?:{_LEGAL_FORM}|Incorporated|L\.L\.C|Corp|Co|PLC|GmbH|AG|S\.A|N\.V|LLP|Group|Holdings)\b\.?$"
)
_CONTACT_BODY = re.compile(
    r"\b(?:Department|Ministry|Office|Agency|Council|Commission|Authority|Service|Bureau|Board|Administration)"
    r"(?:[ \t]+of\b|$)"
)
_MEDIA = re.compile(
    r"\b(?:News|Media|Press|Times|Herald|Post|Tribune|Gazette|Journal|Broadcasting|Publishing|Publications?|"
    r"Newspapers?|Radio|Television|TV)\b"
)
# A letter's closing ("Sincerely,", "Kind regards,"): the signature below it names the writer and its body.
_VALEDICTION = re.compile(rf"^[ \t]*(?:{VALEDICTION_WORDS})[ \t]*,?[ \t]*$", re.IGNORECASE)
# A signature line giving a person's title and then the body: "Director, Office of Human Resources".
_TITLED_LINE = re.compile(
    rf"^[ \t]*(?:[A-Z][\w.’'-]*[ \t]+){{0,3}}?{PERSON_TITLE}(?:[ \t]+[A-Z][\w.’'-]*){{0,2}}[ \t]*,[ \t]*(.+)$"
)
# A signature of an acronym set off by a dash at the foot: "-The CPA", "— NWB".
_DASH_ACRONYM = re.compile(rf"^[ \t]*[–—-]+[ \t]*((?:The[ \t]+)?({ACRONYM}))[ \t]*$")


def _and_named(name: str, rest: str) -> str:
    """A header's body with the "and …" after it: part of its name ("Department of Health and Social Care") unless
    the name is complete before it ("Cabinet Office and Public Health England", "… and The Rt Hon Jane Doe MP")."""
    m = re.match(rf"[ \t]+and[ \t]+((?:{CAP}[ \t]*){{1,4}})", rest)
    if not m or re.search(rf"\b{ORG_WORD}$", name) or re.match(r"(?:The|Rt|Right)\b", m.group(1)):
        return name
    return f"{name} and {m.group(1).strip()}"


_BY_ORDER = re.compile(r"\b(?:[Bb][Yy] (?:[Oo]rder|[Dd]irection|[Aa]uthority)|[Oo]n [Bb]ehalf) of")
_END_MARK = re.compile(r"^[ \t]*(?:#{3}|-30-|- ?30 ?-)[ \t]*$", re.MULTILINE)
_BOILERPLATE = re.compile(
    r"\s*(?:About[^\n]{0,80}\n\s*)?(?:The[ \t]+)?(" + BODY.replace("{0,10}?", "{0,10}") + ")"
)


def _signature_lines(lines: list[str]) -> list[str]:
    """The last lines, where a signature stands: those after a closing ("Sincerely,") near the end, else the last four."""
    for i in range(len(lines) - 1, max(-1, len(lines) - 9), -1):
        if _VALEDICTION.match(lines[i]):
            return lines[i + 1 :]
    return lines[-4:]


# A date closing a signature ("…, March 3, 2026", "… Dated: 3 March 2026"), and a mark or dash opening it.
_SIGNATURE_DATE = re.compile(
    # Set off by a comma, a bar or a dash: "Department of Finance | 5 January 2023". Tried only at a run of them's
    # first character (the lookbehind): tried inside "| | | …" each start would rescan the run, quadratic.
    rf"(?<![ \t,|–—-])[ \t,|–—-]*(?:(?:Dated?|Issued)[ \t]*:?[ \t]*)?(?:{MONTH_NAME}\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+(?:19|20)\d{{2}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{MONTH_NAME}\.?,?[ \t]+(?:19|20)\d{{2}})[ \t]*\.?[ \t]*$"
)
_SIGNATURE_OPEN = re.compile(
    r"^[ \t]*(?:#{3}|-30-|[–—-]+)?[ \t]*(?:(?:Issued|Released|Published)(?:[ \t]+on[ \t]+[\w ,]{1,30}?)?[ \t]+by[ \t]+|(?:Yours[ \t]+)?(?:Sincerely|"
    r"[Ff]aithfully|Regards|Kind[ \t]+regards)[ \t]*,[ \t]*)?(?:[Tt]he[ \t]+)?"
)
_SIGNATURE_DATE_FIRST = re.compile(
    rf"^[ \t]*(?:(?:Dated?|Issued)[ \t]*:?[ \t]*)?(?:{MONTH_NAME}\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+(?:19|20)\d{{2}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{MONTH_NAME}\.?,?[ \t]+(?:19|20)\d{{2}})[ \t,]*"
)
_PERSON_TITLE_AT = re.compile(
    rf"\b{PERSON_TITLE}(?:[ \t]+(?:General|to[ \t]+the[ \t]+[A-Z]\w+(?:[ \t]+of[ \t]+[A-Z]\w+)?))?[ \t]*,?"
)
_STARTS_AS_BODY = re.compile(rf"^(?:The[ \t]+)?(?:{ORG_WORD}\b|{ACRONYM}\b)")


# A line a list's number or letter opens, and no sentence ends in: "1. Department of Expenditure", "(b) Ministry of X".
# A capital and a dot is a signer's initial ("J. Smith, Director, …"), not an item's letter.
_LIST_ITEM = re.compile(
    r"[ \t]*(?:\d{1,3}[.)]|[a-z][.)]|[ivx]{2,4}[.)]|\((?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})\))[ \t][^.!?]*$"
)


def _run_on_signature(line: str, text: str) -> str | None:
    """The body of a signature a flattened page ran on after the last sentence of a line ("… will be fined.
    Jane Doe Director Office of Human Resources March 3, 2026"): after the signer's title, else a body's name
    standing alone (no name of a person can be told from it then)."""
    if _LIST_ITEM.match(line):
        # "1. Department of Expenditure" under "Copy to:": a list's item (a recipient), its number no sentence.
        return None
    rest = signature_tail(line)
    if rest is None or len(rest) > 200 or not rest.strip():
        return None
    rest = _SIGNATURE_DATE.sub("", rest)
    rest = _SIGNATURE_DATE_FIRST.sub("", rest)
    opening = _SIGNATURE_OPEN.match(rest)
    closed = bool(opening and _CLOSING.search(opening.group(0)))
    rest = rest[opening.end() :]  # type: ignore[union-attr]  # it matches the empty string
    titles = list(_PERSON_TITLE_AT.finditer(rest))
    if titles:
        rest = rest[titles[-1].end() :]
    parts = [p.strip() for p in rest.split(",") if p.strip()]
    for part in reversed(parts):
        if (titles or len(parts) > 1 or _STARTS_AS_BODY.match(part)) and (body := _line_body(part, text)):
            # A capitalised last line is as often a heading ("Library Closed March 3, 2026", "Council Meeting …"):
            # a body standing alone needs a signer's title, a closing before it, or a name that ends on its body
            # word or is its body word's "… of Y" ("Ministry of Labour"), or an "X of Y" name the text repeats.
            if titles or closed or _BODY_NAMED.search(body) or (" of " in body and text.count(body) > 1):
                return body
            return None
    return None


# A closing before a signature ("Sincerely,", "Issued by"), not just a dash or "The".
_CLOSING = re.compile(r"(?i:by|sincerely|faithfully|regards)")
_BODY_NAMED = re.compile(rf"\b{ORG_WORD}(?:$|[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z])")


def _titled_body(line: str, text: str) -> str | None:
    """The body of a signature line "Title, Body" ("Director, Office of Human Resources")."""
    m = _TITLED_LINE.match(line)
    return _line_body(m.group(1), text) if m else None


# A line of running text: it ends a sentence.
_SENTENCE_LINE = re.compile(r"[.!?][\"”’)]?[ \t]*$")
# A memo's header: "To:" and "From:" lines; the writer's name, without a "(signed by …)" note after it.
_MEMO_TO = re.compile(r"^[ \t]*(?:To|TO)[ \t]*:", re.MULTILINE)
_MEMO_FROM = re.compile(
    r"^[ \t]*(?:From|FROM)[ \t]*:[ \t]*([A-Z][\w.’'-]*(?:,?[ \t]+(?:[A-Z][\w.’'-]*|of|the|and|for)){1,8})"
    r"[ \t]*(?:\([^)\n]*\))?[ \t]*$",
    re.MULTILINE,
)
# A signer heading a council's staff ("Adv. J Doe, Municipal Manager") signs for the body the text names.
_POST_OF = re.compile(
    r"\b(Municipal|Town|City|County|Shire)[ \t]+(?:Manager|Clerk|Administrator|Secretary)\b"
)
_PLACE = r"[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,2}"
_POST_BODY = {
    "Municipal": re.compile(
        rf"{_PLACE}[ \t]+(?:[Ll]ocal[ \t]+|[Dd]istrict[ \t]+|[Mm]etropolitan[ \t]+)?[Mm]unicipality\b"
    ),
    "Town": re.compile(rf"\bTown of {_PLACE}|{_PLACE}[ \t]+Town[ \t]+Council\b"),
    "City": re.compile(rf"\bCity of {_PLACE}|{_PLACE}[ \t]+City[ \t]+Council\b"),
    "County": re.compile(
        rf"\bCounty of {_PLACE}|{_PLACE}[ \t]+County(?:[ \t]+(?:Council|Board|Commission))?\b"
    ),
    "Shire": re.compile(rf"\bShire of {_PLACE}|{_PLACE}[ \t]+Shire[ \t]+Council\b"),
}
# A signer's post, not a body: "Town Clerk", "General Manager", "Chief Executive Officer".
_POST = re.compile(
    r"^(?:(?:Chief|Executive|General|Town|City|County|Shire|Council|Deputy|Acting|Assistant|Senior|Public|"
    r"Information|Returning|Principal)[ \t]+)+"
    rf"(?:{_POST_WORD})$"
)
# A line naming a kind of document, not a body: "OFFICE MEMORANDUM", "Office Order", "Department Circular".
_DOC_KIND_END = re.compile(
    r"\b(?:Memorandum|Order|Circular|Notice|Notification|Release|Bulletin|Advisory|Statement|Letter|Minutes|Agenda)$",
    re.IGNORECASE,
)


# A letterhead line naming a body and its government, set off by a comma or a bar.
# Each part ends in a non-blank, so the blanks around the comma or bar are read one way only (linear).
_GOVERNMENT = r"(?:the[ \t]+)?Gov(?:ernment|t\.?|'t)[ \t]+of[ \t]+[^,|\n]*[^,|\s]"
_UNDER_GOVERNMENT = re.compile(
    rf"([^,|\n]*?[^,|\s])[ \t]*[,|][ \t]*{_GOVERNMENT}|{_GOVERNMENT}[ \t]*[,|][ \t]*([^,|\n]+)", re.IGNORECASE
)


# A line's two parts set off by a bar or a spaced dash: "Department of Health – News Release", "Posted on:
# March 5, 2024 | Department of Public Works". Each separator is of fixed length (the parts are stripped after):
# a separator that took the blanks around it would try a run of blanks from each of its starts (quadratic).
_BESIDE = re.compile(r"\||[ \t](?:[–—]|-{1,2})[ \t]")
# A byline's date label before the date: "Posted on:", "Published", "Date:".
_DATE_LABEL = re.compile(
    r"^(?:(?:Posted|Published|Released|Issued|Updated|Dated?)(?:[ \t]+on)?[ \t]*:?[ \t]*)?", re.IGNORECASE
)


# A page's section named beside the body: "News | Springfield Department of Public Works".
_SECTION = re.compile(
    r"^(?:(?:Latest[ \t]+)?News(?:room)?|Press(?:[ \t]+Room)?|Media(?:[ \t]+Cent(?:er|re))?|Announcements|Updates|Notices)$",
    re.IGNORECASE,
)


_PLACE_AGENCY_WHOLE = re.compile(PLACE_AGENCY)
# A street address or a post box ("123 Main St", "400 N. Capitol Street NW", "P.O. Box 42"), a telephone number
# ("(555) 555-0100", "555.555.0100").
_ADDRESS_PART = re.compile(
    r"^(?:\d{1,6}[ \t]+(?:[NSEW]\.?[ \t]+)?[A-Z][\w.]*(?:[ \t]+[\w.]+){0,5}|P\.?[ \t]?O\.?[ \t]+Box[ \t]+\d{1,6})$"
)
# A place alone: capitalised words without a body's word, maybe with its region ("Ottawa, Ontario", "New Delhi").
_PLACE_PART = re.compile(
    rf"^(?!.*\b{ORG_WORD}\b)[A-Z][a-z’'.-]+(?:[ \t]+[A-Z][a-z’'.-]+){{0,3}}"
    rf"(?:,[ \t]*[A-Z][\w’'.-]+(?:[ \t]+[A-Z][\w’'.-]+){{0,3}})?$"
)
_PHONE_PART = re.compile(r"^(?:Tel(?:ephone)?\.?:?[ \t]*)?\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}$")


def _date_part(part: str) -> bool:
    """Whether a row's part is a date alone, maybe labelled ("Posted on: March 5, 2024")."""
    label = _DATE_LABEL.match(part)
    bare = part[label.end() :] if label else part
    dates = find_dates(bare, None) if bare else []
    return bool(dates) and dates[0].start == 0 and dates[-1].end == len(bare.rstrip(" ."))


def _beside(line: str) -> str | None:
    """The part of a two-part line beside a kind of document, a page's section or a date, which names the body: a
    page's header ("Department of Health – News Release", "News | Department of Health") or byline row ("Posted
    on: March 5, 2024 | Department of Public Works"); of a dated row of three or more, the last part ("March 5,
    2024 | Ottawa, Ontario | Health Canada"). None unless the line is so made."""
    parts = [part.strip(" \t") for part in _BESIDE.split(line)]
    if not all(parts) or not 2 <= len(parts) <= 4:
        return None
    if _ADDRESS_PART.match(parts[1]) or _PHONE_PART.match(parts[1]):
        # A page's or a letter's foot: the body, then its street address or telephone ("Springfield Department
        # of Public Works | 123 Main St | Springfield, IL 62701").
        return parts[0]
    if len(parts) > 2:
        # Only a place between the date and the body ("… | Ottawa, Ontario | …"): an event's row gives its time
        # and venue ("March 5, 2024 | 10 am | Springfield Community Centre"), no issuer.
        return (
            parts[-1]
            if _date_part(parts[0]) and all(_PLACE_PART.match(part) for part in parts[1:-1])
            else None
        )
    for here, other in (parts, parts[::-1]):
        if _TITLE_DOC_KIND.match(here) or _SECTION.match(here) or _date_part(here):
            return other
    return None


def _whole_body(name: str | None) -> str | None:
    """name when it is a whole body's name, shaped as one (not a headline's words before a page's kind)."""
    return name if name is not None and _WHOLE_NAME.fullmatch(name) and _body_shaped(name) else None


# A name's particle that a letterhead in capitals keeps in mixed case: an Arabic article joined by a hyphen
# ("Al-NOOR COLLEGE", "El-NASR INSTITUTE"; not "Ad-", which opens "Ad-HOC") or a Gaelic "Mc"/"Mac"
# ("McMASTER UNIVERSITY"), each right before a word in capitals.
_CAPS_PARTICLE = re.compile(
    r"(?<![\w’'-])(?:A[lnrstz]|E[ln]|U[dl])-(?=[A-Z]{2})|(?<![\w’'-])Ma?c(?=[A-Z]{2})"
)


def in_capitals(line: str) -> bool:
    """Whether a line is set in capitals, a name's particle ("Al-", "Mc") aside."""
    if line.isupper():
        return True
    if "-" not in line and "c" not in line:  # every particle holds one
        return False
    read, found = _CAPS_PARTICLE.subn(lambda m: m.group(0).upper(), line)
    return found > 0 and read.isupper()


def _line_body(line: str, text: str) -> str | None:
    """The body a line consists of; an all-capital line ("U.S. DEPARTMENT OF LABOR") is read title-cased
    and named as the text writes it elsewhere in mixed case, else as on the line."""
    if (
        ("|" in line or " –" in line or " —" in line or " -" in line)
        and len(line) <= 200
        and (part := _beside(line))
    ):
        # Only a whole name: a headline before the kind ("City Council Meeting Cancelled - Notice") is no body.
        # An agency named by its field and place is one ("… | Ottawa, Ontario | Health Canada").
        if _PLACE_AGENCY_WHOLE.fullmatch(part):
            return part
        return _whole_body(_line_body(part, text))
    if (
        ("," in line or "|" in line)
        and len(line) <= 160
        and (split := _UNDER_GOVERNMENT.fullmatch(line.strip()))
    ):
        # "Ministry of Finance, Government of India", "Government of India | Ministry of Finance": the body under
        # its government, as of stacked letterhead lines the lowest.
        return _line_body(split.group(1) or split.group(2), text)
    caps = len(line) <= 120 and in_capitals(line)
    # Title case keeps a line's length: offsets into it are offsets into the line ("(PENSIONS)" → "(Pensions)").
    read = re.sub(r"\((\w)", lambda b: "(" + b[1].upper(), titled(line)) if caps else line
    m = _LINE_BODY.match(read)
    if m is None and "." in line:
        m = _LINE_BODY.match(_INNER_DOT.sub("-", read))
    if m is None and ", " in line and _LINE_BODY.match(read.split(",", 1)[0]):
        # A letterhead names its body with commas: "Ministry of Lands, Waterways and Harbours".
        m = _LINE_BODY.match(_INNER_DOT.sub("-", read).replace(", ", "  "))
    if m is None:
        return None
    end = m.end(1)
    # A qualifier in brackets is part of the name ("(PENSIONS)"), an acronym of it is not ("(NHTSA)").
    qualifier = m.group(2)
    if (
        qualifier
        and not qualifier.isupper()
        and not abbreviates(qualifier.upper(), line[m.start(1) : m.end(1)])
    ):
        end = m.end(2) + 1
    name = clean(line[m.start(1) : end])
    if _POST.match(name) or _DOC_KIND_END.search(name):
        return None
    return (as_written(name, text) or name) if caps else name


# A page title of a body's document kind: "Springfield Police Department - News Release".
_TITLE_DOC_KIND = re.compile(
    r"^\s*(?:(?:News|Press|Media)[ \t]+(?:Release|Statement)|Public[ \t]+Notice|Notice|Announcement|Circular|"
    r"Advisory|Bulletin)s?\s*$",
    re.IGNORECASE,
)


# A body's whole name: words ending in a body word, then "of"-style links each followed by a word or two
# ("Department of Health and Human Services"); or an acronym. No plain word runs on after the body word.
_WHOLE_NAME = re.compile(
    rf"(?:{CAP}[ \t]+(?:(?:and|&)[ \t]+)?){{0,8}}{ORG_WORD}(?:(?:[ \t]+{LINK})+(?:[ \t]+{CAP}){{1,2}})*|{ACRONYM}"
)

# An event's headline may end in a body word ("Fire Department Open House", "City Hall Christmas Party"): here
# these words end no name, and a body word followed by plain words before another is a headline, not a name.
_WEAK_END = re.compile(r"(?:House|Party|Group|Unit|Fund|Wing)$")
_BODY_THEN_PLAIN = re.compile(rf"\b{ORG_WORD}[ \t]+(?!(?:{LINK}|{ORG_WORD})\b)[A-Z]")


# An office named after a place's officer ends in that officer, whose place word is no body word before a
# headline's plain words: "Office of the City Clerk", "Office of the County Assessor".
_OF_PLACE_OFFICER = re.compile(
    rf"[ \t]+of[ \t]+the[ \t]+(?:City|County|Town|Village|Borough|District|Municipal|State)[ \t]+{HEAD_OF_OFFICE}$"
)


def _body_shaped(name: str) -> bool:
    officer = _OF_PLACE_OFFICER.search(name)
    return not _WEAK_END.search(name) and not _BODY_THEN_PLAIN.search(
        name[: officer.start()] if officer else name
    )


def _title_suffix(title: str, text: str) -> str | None:
    """A body named after a dash or bar at the end of the headline, spelled as the text has it; or before it,
    when what follows names only the kind of document ("Springfield Police Department - News Release")."""
    m = _TITLE_SUFFIX.search(title)
    if m and _TITLE_DOC_KIND.match(m.group(1)):
        # Only a whole name: a headline before the kind ("City Council Meeting Cancelled - Notice") is no body.
        return _whole_body(_line_body(title[: m.start()].strip(), text))
    if not m or not ORG_WORD_ANY.search(m.group(1)) or len(m.group(1).split()) > 8:
        return None
    name = re.sub(r"^the\s+", "", m.group(1).strip(), flags=re.IGNORECASE)
    return as_written(name, text) or (name if name[0].isupper() else None)
