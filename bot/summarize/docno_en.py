"""English document numbers: labelled numbers (Release No., FR Doc., Circular No. 3/2020) and release codes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from bot.summarize.bodies_en import SIGNER_POST_WORD, VALEDICTION_WORDS
from bot.summarize.prefilter import finditer_at, starts_of

__all__ = ["en_doc_number"]

# English release numbers: IR-2026-44, 17-919-NAT, C19-05; labelled numbers (Release No., FR Doc., Notice 2020-23).
# Labels of a document's own number; a docket, a reference or a bare "No." may number something else.
_NO_LABEL = (
    # A short label ("PR", "NR": press and news release) set off from its number: "PR20-045" is the number itself.
    r"(?:Release (?:No\.?|Number|#)|Release(?=\s*:)|EO(?: No\.?)?|(?:News|Press|Media) Release(?: No\.?| Number)?|"
    # NR only heading a line or in brackets: "The NR 12-345 bus route" names a route; so is a UK court's or
    # council's press notice ("PN 12/24"), as "PN" is also a part's or a pressure rating's number: PN only
    # where its number ends the line ("PN 16/25 flanges are required" rates a flange).
    r"(?-i:PR|(?<![^\n(\[|])NR|(?<![^\n])PN(?=[ \t]+[\w/.-]+[ \t]*(?:\n|$)))(?: No\.?)?(?!\d)|"
    # An Indian office's file number: "F. No. A-12011/2/2019-Estt", "D.O. No. 12015/01/2020-ID".
    r"F\.\s?No\.?|File (?:No\.?|Number)|D\.\s?O\.\s?No\.?|"
    # A South Indian state office's file number: its proceedings' ("Procs. Rc. No."), a letter's ("Lr. No."), a
    # memo's ("Memo. No.", run together: "Memo.No."). Cited ones stand inside a line ("vide Rc.No. … dated").
    r"(?:Procs?\.\s?)?(?:Rc|Roc|Lr)\.\s?No\.?|Memo\.\s?No\.?|"
    r"Issue Number|Order (?:No\.?|Number)|"
    # A UK statutory instrument: "(SI 2020/350)", "S.I. 2020/129" (year, serial of 3+ digits: "SI 2026/27" is
    # an academic year).
    r"(?-i:S\.?I\.?)(?= ?(?:19|20)\d{2}/\d{3,4}(?!\d))|FR Doc\.?(?: No\.?)?|Published Document(?=\s*:)|(?:Federal Register )?Document (?:No\.?|Number)|"
    r"(?:Public )?Notice (?:No\.?|Number)|Executive Order(?: No\.?)?|Bulletin (?:No\.?|Number)|"
    r"Circular (?:No\.?|Number)|(?:Memorandum|Memo|Guidance|Instruction|Announcement|Advisory|Directive|"
    r"Notification|Resolution) (?:No\.?|Number)|Rev\. Proc\.|Rev\. Rul\.|Revenue (?:Procedure|Ruling)|"
    # The IRS numbers its tips ("Tax Tip 2031-12") and regulators their notes ("Guidance Note 2031/04").
    r"(?:Tax|Health|Safety) Tip(?=\s*#?\s*\d)|(?:Guidance|Practice|Technical|Information|Advisory) Note(?=\s*#?\s*[A-Z]?\d)|"
    # The IRS's announcements and a gazette's notifications are numbered the same way ("Announcement 2024-12").
    r"(?:Notice|Circular|Bulletin|Directive|Proclamation|Advisory|Order|Memorandum|Announcement|Notification) (?=#?\s*[A-Z]?\d))"
)
# "Your ref:" is the addressee's number, not the notice's.
_WEAK_NO_LABEL = (
    # "Ref.: No. ABC/123": the label and its "No." may be set apart by the colon.
    r"(?:Reference (?:No\.?|Number)|Reference(?=\s*:)|(?<!your )Ref\.?(?:[ \t]*:?[ \t]*No\.?)?|Docket (?:No\.?|Number|ID)|"
    # A docket or a regulation identifier (RIN) numbers a proceeding that holds many documents (the proposed
    # rule, its comments, the final rule): the notice's number only when it states none of its own.
    r"(?-i:RIN)(?=\s+\d{4}-[A-Z]{2}\d{2}\b)|"
    # A memo's header field "NUMBER: 24-015", at a line's start ("Phone Number:" numbers a telephone).
    r"(?<![^\n])(?-i:Number|NUMBER)(?=\s*:)|"
    # An Indian office's file number heading its line may open with its series letter and a dot or dash and
    # holds its year after two slashes or more ("No. F.12/3/2023-Tax"); mid-sentence such a number is cited
    # ("vide letter No. A-12011/3/2022-Estt"), without a year it is an address's ("No. A-12, Sector 5"), and
    # with one slash a house's and its colony's ("No. C-3/2019 Housing Board Colony").
    r"No\.(?=\s*[A-Z]?\d)|(?<![^\n])No\.(?=\s*[A-Z][.-][\d.-]{1,30}/[\d/.-]{1,30}/(?:19|20)\d{2})|(?-i:No|NO)\.?(?=\s*:))"
)
# A code: segments joined by - or /, up to ten ("17-4/2031-WR-II(B)", a ministry's file number; a regulator's
# circular names its departments and divisions: "SEBI/HO/MIRSD/MIRSD-PoD-1/P/CIR/2024/12"), with
# an optional section mark in brackets at its end.
# An Indian office's numbers carry sections in brackets and dotted parts: "2(5)/2009-F.III (C)",
# "12/4/2011-Adm.(D)", "24017/3/2011-Adm (B.II)"; a mark set off by a blank is a section's: a letter or two
# in capitals, or a dotted one (an agency's acronym in brackets after a number is not part of it).
_CODE = (
    # A section's mark may join two letters with "&" ("A&I", academic and inspection).
    r"[A-Z0-9][A-Z0-9.]*(?:\([A-Z0-9]{1,3}\))?(?:[-/][A-Z0-9]+(?:[.&][A-Z0-9]+)*){1,9}"
    r"(?:\.?\([A-Z0-9]{1,3}(?:-[A-Z0-9]{1,4})?\)|(?-i:[ ]?\.?\((?:[A-Z]{1,2}|[A-Z0-9]{1,3}\.[A-Z0-9.]{1,5})\)))?"
)
_CODE_END = r"(?![\w/-]|\.\d)"
# A bar may set the number off its label: "PRESS RELEASE | ATC-PR-2031-17".
# A code may carry its series' letters set off by a blank ("Circular No.: SRD 01/2020", "CPL 03-00-023"), or be
# letters and digits run together ("MLN Matters Number: SE20011"): read so only after a label of the notice's own.
_SERIES = r"(?:(?-i:[A-Z]{2,5})[ ](?=\d))?"
# A run code followed by a lower-case word is a sentence's subject ("Release: FY2026 budget documents", "PR: PS5000
# consoles recalled"), not a number.
_RUN_CODE = r"(?-i:[A-Z]{1,5}\d{3,8}[A-Z]?)(?![\w/-])(?![ \t]+(?-i:[a-z]))"
_EN_LABELLED_NO = re.compile(
    rf"\b{_NO_LABEL}\s*(?:[:#]|\s\|)?\s*({_SERIES}{_CODE}{_CODE_END}|{_RUN_CODE})", re.IGNORECASE
)
# Tried only where a label can start (a scan for its first letters), and only in a text with a - or /,
# which every code holds: the pattern tried at every character was a tenth of an English notice's time.
_EN_LABELLED_AT = starts_of(_EN_LABELLED_NO)
_EN_WEAK_LABELLED_NO = re.compile(rf"\b{_WEAK_NO_LABEL}\s*[:#]?\s*({_CODE}){_CODE_END}", re.IGNORECASE)
# A plain serial after a document kind and an explicit number mark ("Order No. 45", "Bulletin #7"); an
# executive order's four- or five-digit number needs no mark ("Executive Order 13950").
_EN_SERIAL_NO = re.compile(
    r"\b(?:(?:Release|Order|Notice|Circular|Bulletin|Advisory|Directive|Memorandum|Memo|Notification|"
    r"Resolution|Proclamation|Ordinance|Decree|Instruction|Announcement|Guidance|"
    # Not a bare "Statement" or "Instrument": "Bank Statement No. 4455", "your Instrument No. 123456".
    r"(?:Press|Media|Ministerial) Statement|Statutory Instrument|"
    # A header in capitals: "NOTICE NO. 12", "PUBLIC NOTICE NUMBER 7".
    r"RELEASE|ORDER|NOTICE|CIRCULAR|BULLETIN|ADVISORY|DIRECTIVE|MEMORANDUM|NOTIFICATION|RESOLUTION|ORDINANCE|"
    r"(?:PRESS|MEDIA|MINISTERIAL) STATEMENT)"
    r"\s*(?:No\.|No\b|NO\.|NO\b|Number|NUMBER|#|ID\b)\s*[:#]?\s*"
    r"(\d{1,8}(?:\.\d{1,3})?)|(?:Executive Order|Proclamation|E\.?O\.?)\s+(\d{3,6}(?:\.\d{1,3})?)"
    # An Indian Government Order: "G.O. Ms. No. 45", "G.O.(Ms) No.45", "G.O.Rt.No.1234", "G.O. (P) No. 12".
    # Heading its line, a General Order's field may drop the dots, then with its colon: "GO No.:198" ("GO No. 5
    # BUS" is a line's words).
    r"|(?:G\.[ ]?O\.?[ ]?(?:\(?(?:Ms|MS|Rt|RT|P|D)\.?\)?\.?[ ]?)?(?:No|NO)\.?[ ]?:?|(?<![^\n])GO[ ]?(?:No|NO)\.?[ ]?:)"
    r"[ ]?(\d{1,6})"
    # A statutory order of India's Gazette: "S.O. 1234(E)", its series letter in brackets; a general statutory
    # rule is numbered the same way ("G.S.R. 123(E)").
    r"|\bS\.[ ]?O\.[ ]?(\d{1,6}\([A-Z]\))|\bG\.[ ]?S\.[ ]?R\.[ ]?(\d{1,6}\([A-Z]\))"
    # A kind and its serial making up a line or the headline, no number mark, maybe after its body's acronym:
    # "MAS Notice 626", "Circular 45:" (another word before it cites one: "Previous Circular 7", nor is a mail's
    # "RE"/"FW" an acronym: "RE Notice 12"). Heading the line
    # only ("Please refer to Circular 7", "Response to Notice 12" cite one), and a year is no serial ("Holiday
    # Notice 2024", "Memorandum 2024").
    r"|(?<![^\n])(?:(?!(?:RE|FW|FWD|SEE|CC|REF)\b)[A-Z]{2,6}[ ])?(?:Notice|Circular|Bulletin|Directive|Advisory|Instruction|Memorandum)[ ]"
    r"(?!(?:19|20)\d{2}(?!\d))(\d{1,5})(?=[ \t]*(?:\n|$|[:–—|])))"
    r"(?![\w/-]|\.\d)"
)
_EN_SERIAL_AT = starts_of(_EN_SERIAL_NO)
# A circular headed by its kind and a reference run together that opens with its year ("CIRCULAR 2019UNHQ104TR", as
# a union's head office numbers its circulars), the two alone on the line: the year, two letters at least, then
# capitals and digits. Only a circular: "NOTICE A320NEO" names an aircraft, "ADVISORY BA2490" a flight, "NOTICE
# KA01AB1234" a plate, "Notice XR500BK" a model; nor a code not led by a year ("CIRCULAR ABC123DEF").
_KIND_RUN_CODE = re.compile(
    r"^[ \t]*(?:CIRCULAR|Circular)[ \t]{1,4}((?:19|20)\d\d[A-Z]{2,8}\d{1,6}[A-Z]{0,4})[ \t]*$",
    re.MULTILINE,
)
# What makes it a circular to members, within the lines under it: a salutation to members or colleagues, a "To: all
# …" line, or the union, branch or office that sends it ("Circular 2024WK12" over a shop's prices is a week's flyer).
_CIRCULAR_CONTEXT = re.compile(
    r"\bDear[ \t]+(?:Members?|Colleagues?|Sir|Madam|Brothers?|Sisters?|Comrades?)\b|^[ \t]*To:?[ \t]+all\b"
    r"|\b(?:Union|Branch|Branches|Head[ \t]+Office|Regional[ \t]+Office|Officials|Secretaries)\b",
    re.MULTILINE,
)
# A code with letters and digits, its parts joined by - or / ("IR-2026-44", "IP/20/456", "RBI/2019-20/186").
# An amended order keeps its number with a letter after it ("C19-05b").
_EN_CODE = r"(?=[A-Z0-9/-]*\d)(?=[A-Z0-9/-]*[A-Z])[A-Z0-9]{1,6}(?:[-/][A-Z0-9]{1,6}){1,4}[a-z]?"
# The headline opens or ends with its code, the end one maybe in brackets ("Guidance for nursing homes (QSO-20-14-NH)").
_EN_TITLE_NO = re.compile(rf"^\s*({_EN_CODE})\s*[:,–—-]|(?<![\w/-])({_EN_CODE})\)?\s*$")
# A year and serial on a line of their own under the release's header ("2020-54"); a serial up to 12 may be
# a month ("2020-05"), so it is not taken.
_EN_YEAR_SERIAL_ALONE = re.compile(r"^[ \t]*((?:19|20)\d{2}-(?:1[3-9]|[2-9]\d|\d{3,4}))[ \t]*$", re.MULTILINE)
# A UK statutory instrument's number under its heading: "STATUTORY INSTRUMENTS\n2024 No. 123".
_SI_HEADING = re.compile(
    r"^[ \t]*(?:STATUTORY INSTRUMENTS?|Statutory Instruments?|S\.I\.)[ \t]*$", re.MULTILINE
)
_SI_LINE = re.compile(r"^[ \t]*((?:19|20)\d{2} No\. \d{1,5})[ \t]*$", re.MULTILINE)
_EN_CODE_ALONE = re.compile(rf"^\s*({_EN_CODE})\s*(?:[,:|]|$)", re.MULTILINE)
# Release numbers by shape: IR-2026-44, NR-2025-17 (prefix, year, serial), 17-919-NAT (year, serial, office),
# unless a form, bill or section is named ("Form W-2", "Section 80-C").
_RELEASE_SHAPE = re.compile(
    r"(?<!Form )(?<!Bill )(?<!Section )(?<!Schedule )(?<![\w-])"
    # A release's kind after its year and serial: "24-123MR" (media release).
    r"([A-Z]{1,4}-(?:19|20)\d{2}-\d{1,4}|\d{2}-\d{2,5}-[A-Z]{2,5}|[A-Z]\d{2}-\d{2,3}[a-z]?|\d{2}-\d{2,4}(?:MR|PR|NR))(?![\w-])"
)
_RELEASE_SHAPE_AT = starts_of(_RELEASE_SHAPE)
# The Federal Register of Legislation's IDs: a series letter, the year, a kind letter (F: legislative and
# notifiable instruments, their compilations; C: Acts, their compilations, gazette notices), a serial of five
# digits. In the headline, or in the text under a label ("Legislative Instrument F2024L00123", "Register ID:"):
# a part's or a serial's code may have the same shape ("Order the C2024X12345 part").
_REGISTER_CORE = r"(?<![\w-])((?:F(?:19|20)\d{2}[LNC]|C(?:19|20)\d{2}[ACG])\d{5})(?![\w-])"
_REGISTER_ID = re.compile(_REGISTER_CORE)
_REGISTER_LABELLED = re.compile(
    # Bounded gaps (an unbounded one per piece is cubic on a long run of spaces); no bare "ID" label, which
    # reads a student's or an order's ID too.
    rf"\b(?:Instrument|Register ID|Registration ID|FRLI?)\b[ \t]{{0,3}}(?:No\.?)?[ \t]{{0,3}}:?[ \t]{{0,3}}{_REGISTER_CORE}"
)
# Codes that look like release numbers but name a disease, a standard or an engine.
_EN_NOT_NO = re.compile(r"^(?:COVID|SARS|MERS|H\dN\d|ISO|GB|MP\d|CFM|N95|KN95|FFP\d)", re.IGNORECASE)
_EN_AD_NO = re.compile(
    r"(?m)(?:^[ \t]*(?:Emergency[ \t]+)?(?:Airworthiness[ \t]+Directive|AD)|"
    # In running text under its full name ("issued Emergency Airworthiness Directive (AD) 2018-08-51"), or its
    # short form right before the number ("issued emergency AD 2018-08-51"): no other "AD" is followed by one.
    r"\b(?i:airworthiness[ \t]+directive)(?:[ \t]+\(AD\))?|(?<![\w-])AD(?=[ \t]+(?:19|20)\d{2}-\d{2}-\d{2}\b))"
    r"[ \t]*(?:No\.?[ \t]*)?[:#]?[ \t]*"
    r"((?:19|20)\d{2}-\d{2}-\d{2})\b"
)


# Four digits shaped as a year are no serial ("Ticket\nNo. 2026").
_BARE_NO_LINE = re.compile(
    r"^[ \t]*(?:No|NO)\.?[ \t]*:?[ \t]*(?!(?:19|20)\d{2}[ \t]*$)(\d{1,6})[ \t]*$", re.MULTILINE
)


def _coded(source: str) -> bool:
    """Whether source may hold a code: every one joins its parts with a - or /."""
    return "-" in source or "/" in source


# Letters and digits run together, the one code without a - or /.
_RUN_CODE_AT = re.compile(r"[A-Z]\d{3}")


def _labelled(source: str) -> Iterator[re.Match[str]]:
    """_EN_LABELLED_NO.finditer(source), faster."""
    if not _coded(source) and not _RUN_CODE_AT.search(source):
        return iter(())
    return finditer_at(_EN_LABELLED_AT, _EN_LABELLED_NO, source)


def _weak_labelled(source: str) -> Iterator[re.Match[str]]:
    """_EN_WEAK_LABELLED_NO.finditer(source), in a text with a - or / only (every code holds one)."""
    if not _coded(source):
        return iter(())
    return _EN_WEAK_LABELLED_NO.finditer(source)


def _serials(source: str) -> Iterator[re.Match[str]]:
    """_EN_SERIAL_NO.finditer(source), faster."""
    return finditer_at(_EN_SERIAL_AT, _EN_SERIAL_NO, source)


# A date, or a timestamp's date and hour ("2017-06-27T10:22"), is no number.
_ISO_DATE = re.compile(
    r"^(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:T\d{1,2})?$|^\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d{2}$"
)


def _is_date(code: str) -> bool:
    """Whether a code is a date: shaped as one, with a month and day that exist ("2018-08-51" is a number)."""
    if not _ISO_DATE.match(code):
        return False
    a, b, c = (int(p) for p in re.split(r"[-/.T]", code)[:3])
    if a > 31:  # year first: year, month, day
        return 1 <= b <= 12 and 1 <= c <= 31
    return (1 <= a <= 12 and 1 <= b <= 31) or (1 <= b <= 12 and 1 <= a <= 31)


# Pages set a number's hyphens as non-breaking or figure dashes ("17‑919‑NAT"): read as "-", given as printed.
_DASHES = str.maketrans("\u2010\u2011\u2012\u2013\u2212", "-----")
# The numero sign as many countries print it ("Circular N° 12/2024", "Nº 45"): read as "No" (same length).
_NUMERO = re.compile(r"(?<=N)[°º]")


def _normal(source: str) -> str:
    """The source with its dashes and numero signs read as ASCII, offsets kept; an ASCII one as it is."""
    if source.isascii():
        return source
    source = source.translate(_DASHES)
    return _NUMERO.sub("o", source) if "N" in source else source


def en_doc_number(title: str, text: str) -> str | None:
    """A release's own number: a labelled one, the title's code, a code on a line of its own, or one shaped
    like a release number (prefix-year-serial, year-serial-office) near the top."""
    # An aircraft safety directive (AD) is numbered year-month-serial ("AD 2031-04-12"), a date's shape: read it only
    # under its label, heading the title or a line.
    printed = (title, text)
    # The dashes mapped are not ASCII: an ASCII text (most English ones) is left as it is, unscanned.
    title, text = _normal(title), _normal(text)
    for source in (title, text[:1500]):
        if "-" in source and (m := _EN_AD_NO.search(source)):  # year-month-serial: dashed
            return _as_printed(m.group(1), printed, (title, text))
    for code in _number_candidates(title, text):
        code = code.rstrip(".")
        if not _EN_NOT_NO.match(code) and not _is_date(code) and any(c.isdigit() for c in code):
            return _as_printed(code, printed, (title, text))
    return None


def _as_printed(code: str, printed: tuple[str, str], read: tuple[str, str]) -> str:
    """The code as the page prints it, its dashes as they were (read and printed texts have the same offsets)."""
    for original, normal in zip(printed, read, strict=True):
        if (at := normal.find(code)) >= 0:
            return original[at : at + len(code)]
    return code


# A sentence going on after a number (a lowercase word): the number is its subject, not the page's header.
_SENTENCE_GOES_ON = re.compile(r"\b[a-z]{3,}\b")
# Words that cite another document's number: "This Order supersedes Order No. 2020-01", "pursuant to …".
_CITING = re.compile(
    r"(?:supersed|rescind|revok|amend|replac|modif|extend|pursuant to|under|in accordance with|according to|"
    r"as set out in|referred to in|see|refer|explained in|earlier|previous|response to|reply to|changes to|"
    # An Indian office lists the numbers it reads under "Read:" and cites one "vide" it (_VIDE).
    r"comments (?:invited )?on|\bread\b|\bvide\b|further to|in line with|required by|as per|with reference to|"
    # A participle placing what it names in another document ("as stated in", "the forms specified in"), and
    # Commonwealth offices' "in terms of", "in continuation of", "in pursuance of".
    r"(?:stated|mentioned|contained|specified|prescribed|outlined|described|detailed|listed|laid down|set forth|"
    r"provided|notified)[ \t]+(?:in|under|by|vide)\b|in (?:terms|continuation|pursuance) of)\w*"
    # The gap may hold another cited number's "No." ("required by Circular No. 3 and Order No. 45") and commas
    # (_cites tells a complete citation's comma from one inside it).
    r"((?:[^.;\n]|(?<=[Nn][Oo])\.|(?<=[Nn][Oo][Ss])\.){0,40})$",
    re.IGNORECASE,
)
# What follows a citation's last comma when the citation goes on past it: a provision word and its number, then
# "of" (a schedule's "to") the document cited or "and"/"or" another ("under rule 6, clause 3 of Bulletin No. 4",
# "section 2, Schedule 3 to Order No. 4", "as required by the Act, section 3 and Circular No. 4"). Any other words
# after a comma ("Under the Act, a new Notice No. 7", "Further to Order No. 4, Order No. 9", "Under section 4,
# subsection 2, Notice No. 7") open the sentence's own clause: the number is the notice's. Bounded: linear.
_PROVISION_GOES_ON = re.compile(
    r"[ \t]*(?:the[ \t]+)?(?:sub-?)?(?:sections?|parts?|divisions?|schedules?|clauses?|paragraphs?|rules?|"
    r"regulations?|articles?|annex(?:es|ure)?)[ \t]+[\w().-]{1,12}"
    r"(?:[ \t]+(?:and|or|to)[ \t]+[\w().-]{1,12})?[ \t]+(?:of|to|and|or)\b",
    re.IGNORECASE,
)


# The notice naming itself after the citing word ("the penalties stated in this Circular No. 12"): its own number.
# At most three capitalised words of the kind between; searched from the citing word's end ("THIS CIRCULAR
# SUPERSEDES CIRCULAR NO. 3" cites) to the label's start; each word ends at a blank, so the repeat splits one way.
_THIS = re.compile(r"\b(?:[Tt]his|THIS|[Tt]he present)[ \t]+(?:[A-Z][\w.-]*[ \t]+){0,3}\Z")


def _cites(source: str, start: int) -> bool:
    """Whether the words before `start` (where a number's label opens) cite it as another document's. A comma
    ends the citation, unless it opens an aside right after the citing word ("replaces, with effect from today,
    Notice No. 3") or a provision and its number go on to "of" after it ("under rule 6, clause 3 of Order No. 4")."""
    m = _CITING.search(source, max(0, start - 60), start)
    if m is None or _THIS.search(source, m.start(1), start):
        return False
    gap = m.group(1)
    comma = gap.rfind(",")
    if comma < 0 or gap.lstrip(" \t").startswith(","):
        return True  # no comma, or an aside opening right after the citing word
    return _PROVISION_GOES_ON.match(gap, comma + 1) is not None


# A number the sentence withdraws or cancels ("Notice No. 3/2024 is hereby withdrawn") is another document's.
_WITHDRAWN = re.compile(
    r"[^.;\n]{0,20}?\b(?:is|are|stands?|has been|have been)[ \t]+(?:hereby[ \t]+)?"
    r"(?:withdrawn|cancell?ed|rescinded|revoked|superseded|replaced)\b"
)
# "vide" (Latin: see) only ever cites another document's number ("as instructed vide Rc.No. 12/A/2023 dated
# …"): its window runs over the dots and commas that end _CITING's.
_VIDE = re.compile(r"\b[Vv]ide\b[^;\n]{0,40}$")


def _not_own(source: str, m: re.Match[str]) -> bool:
    """Whether the sentence around the number m found cites it (_cites, _VIDE) or withdraws it (_WITHDRAWN): another
    document's, never the notice's own, not even as a last resort."""
    return (
        _VIDE.search(source, max(0, m.start() - 60), m.start()) is not None
        or _cites(source, m.start())
        or _WITHDRAWN.match(source, m.end()) is not None
    )


# A signer's line: capitalised words, initials and a bracketed honorific only ("Adenike T. Doe (Mrs)"), no
# sentence's word (a reference cited "in our letter KLU/AD/3.08" is another's), then a file reference: an office's
# letters and two parts or more after slashes, a digit among them ("KLU/AD/3.11"; "SC/ST/OBC" is a list).
_SIGNER_REFERENCE = re.compile(
    r"^[ \t]*(?:(?:[A-Z][A-Za-z.'’-]{0,20}|\([A-Z][a-z]{1,4}\.?\))[ \t]{1,4}){1,6}"
    r"([A-Z]{2,8}(?=[A-Z0-9/.-]{0,40}\d)(?:/[A-Z0-9][A-Z0-9.-]{0,11}){2,6})[ \t]*$",
    re.MULTILINE,
)
# The signer's line stands between a closing ("Thank you.", "Yours faithfully,") at most two lines above it and the
# signer's post right under it ("Registrar", "Deputy Bursar March 4, 2025"): a list of names with their
# registration numbers ("Jane Doe BED/1234/2019") or a timetable's rows ("Monday Engineering Drawing ENG/DRW/101")
# have neither.
_CLOSING_LINE = re.compile(
    rf"^[ \t]*(?:Thank[ \t]+you|Thanks|{VALEDICTION_WORDS})[ \t]*[.,!]?[ \t]*$", re.IGNORECASE
)
_POST_LINE = re.compile(
    r"[ \t]*(?:(?:Deputy|Assistant|Acting|Ag\.?|Senior|Principal|Chief|General|Executive|Academic|Finance)[ \t]+){0,2}"
    + SIGNER_POST_WORD
    + r"\b"
)


def _signer_reference(closing: str) -> str | None:
    """The file reference ending the signer's line of a letter's foot, if one line alone is such."""
    found = [m for m in _SIGNER_REFERENCE.finditer(closing) if not _cites(closing, m.start(1))]
    if len(found) != 1:  # a list of names with their numbers ("Jane Doe KCA/123/X", "John Roe KCA/124/Y")
        return None
    m = found[0]
    after = closing[m.end() :].lstrip("\n")
    before = closing[: m.start()].rstrip("\n").split("\n")[-2:]
    if _POST_LINE.match(after) and any(_CLOSING_LINE.match(line) for line in before):
        return m.group(1)
    return None


# A foot's contact and account lines number other things: "Phone No. 555-0100", "Case No. 12-345".
_OTHER_NO = re.compile(
    r"(?:phone|tel|telephone|fax|mobile|cell|whatsapp|account|case|room|unit|box|suite|flat|house|plot|lot|"
    # A permit's or an application's number names what a notice is about, not the notice ("Public notice of
    # application for Permit No. 2024-0123").
    r"route|flight|policy|licen[cs]e|registration|vat|tax|pin|seat|ticket|invoice|receipt|claim|member|permit|"
    r"application|contact)\W{0,3}$",
    re.IGNORECASE,
)


# A code shaped like a release number that its sentence gives to something else: what it numbers named right
# before it ("Invoice INV-2026-0042", "Claim number CLM-2026-0012", "Case CV-2026-1234"), an example ("e.g.",
# "for example", "such as") or the reader's own ("your registration ID (REG-2026-7781)"). Read in the words
# before the code on its line and in its sentence (a sentence ends at a word of three letters or more and its
# stop: "e.g." and "No." end none). Narrower than _OTHER_NO's words: a notice's series may be a policy's, a route's or
# a member bulletin's ("Policy PN-2026-04: Remote Working"); only a reader's own papers name none. "your" and
# "their" only right before the code or its label ("their filing deadline, IR-2026-51" keeps the release's).
_LABEL = r"(?:number|no\.?|code|id|ref(?:erence)?)"
_OTHER_THING = re.compile(
    rf"(?:\b(?:e\.g\.|eg|for example|such as)\W"
    rf"|\b(?:your|their)(?:(?:[ \t]+[a-z]+)?[ \t]+{_LABEL})?\W{{0,4}}$"
    rf"|\b(?:invoice|receipt|ticket|claim|case|account|licen[cs]e)(?:[ \t]+{_LABEL})?\W{{0,4}}$)",
    re.IGNORECASE,
)
_SENTENCE_STOP = re.compile(r"[a-z]{3}[.!?][ \t]")
_OTHER_REACH = 40


def _numbers_other(source: str, start: int) -> bool:
    """Whether the words before a release-shaped code at `start` give it to another thing (_OTHER_THING)."""
    window = source[max(0, start - _OTHER_REACH) : start]
    window = window[window.rfind("\n") + 1 :]
    if stops := list(_SENTENCE_STOP.finditer(window)):
        window = window[stops[-1].end() :]
    return _OTHER_THING.search(window) is not None


def _number_candidates(title: str, text: str) -> Iterator[str]:
    head = text[:1500]
    # A labelled number heading a line or the title is the notice's own; one inside a sentence ("Notice
    # 2020-23 extends …") may be another document's, so a code heading the page comes first.
    running: list[str] = []
    scans: tuple[Callable[[str], Iterator[re.Match[str]]], ...] = (_labelled, _serials)
    for scan in scans:
        for source in (title, head):
            for m in scan(source):
                code = next(g for g in m.groups() if g)
                if _not_own(source, m):
                    continue
                if source is not title and (
                    source[source.rfind("\n", 0, m.start()) + 1 : m.start()].strip(" \t[(#")
                    or _SENTENCE_GOES_ON.search(source[m.end() : m.end() + 80].split("\n", 1)[0])
                ):
                    # Inside a line, or opening a sentence ("Notice 2020-18 provides relief …"): maybe another's.
                    running.append(code)
                else:
                    yield code
    for m in _KIND_RUN_CODE.finditer(head[:600]):
        if _CIRCULAR_CONTEXT.search(head, m.end(), m.end() + 400):
            yield m.group(1)
    # Explicit loops, not "yield from (… for m in …)": compiled, that builds the whole list first and so
    # scans the whole source even when its first code is taken. Every code holds a - or /, a year-serial a -.
    if _coded(title) and (found := _EN_TITLE_NO.search(title.strip())):
        yield found.group(1) or found.group(2)
    if _coded(head):
        for m in _EN_CODE_ALONE.finditer(head):
            yield m.group(1)
    # Under a statutory instrument's heading only: "Season\n2024 No. 3" numbers no instrument.
    if " No. " in head[:600] and _SI_HEADING.search(head[:600]):
        for m in _SI_LINE.finditer(head[:600]):
            yield m.group(1)
    if "-" in head[:300]:
        for m in _EN_YEAR_SERIAL_ALONE.finditer(head[:300]):
            yield m.group(1)
    yield from running
    for source in (title, head):
        if "-" in source:  # every release shape holds one
            for m in finditer_at(_RELEASE_SHAPE_AT, _RELEASE_SHAPE, source):
                if not _numbers_other(source, m.start()):
                    yield m.group(1)
    # An Australian legislative instrument's or notifiable instrument's register ID ("F2024L00123", "F2024N00045").
    for m in _REGISTER_ID.finditer(title) if "20" in title else ():
        yield m.group(1)
    for m in _REGISTER_LABELLED.finditer(head) if "20" in head else ():
        yield m.group(1)
    # A release's number is often repeated at its foot ("Release Number: 17-919-NAT" under the contacts).
    rest = text[1500:]
    for m in _labelled(rest):
        if not _cites(rest, m.start()):
            yield m.group(1)
    # …or alone under the contacts ("17-919-NAT" on the last line): only the release shapes there.
    if "-" in rest:
        for m in finditer_at(_RELEASE_SHAPE_AT, _RELEASE_SHAPE, rest):
            if not _numbers_other(rest, m.start()):
                yield m.group(1)
    # A letter's reference printed beside its signer's name ("Jane A. Doe (Dr) KLU/AD/3.11" over "Bursar"):
    # a file reference ending a line of capitalised words only, at the foot.
    if "/" in text[-1500:] and (signer := _signer_reference(text[-1500:])):
        yield signer
    for source in (title, head):
        for m in _weak_labelled(source):
            # "Case No. 2026-04", "Account No. 12-345": a bare "No." numbers what the word before it names; one a
            # sentence cites ("supersedes Marine Notice No. 3/2024") or withdraws is another document's.
            if not _OTHER_NO.search(source, max(0, m.start() - 24), m.start()) and not _not_own(source, m):
                yield m.group(1)
    # A serial alone on one of the first lines, above the notice's kind ("No. 45\nPUBLIC NOTICE"): a list's items
    # are numbered "1.", never "No. 1".
    if "No" in head[:300] or "NO" in head[:300]:
        for m in _BARE_NO_LINE.finditer(head[:300]):
            yield m.group(1)
    # A page may print the number only at its foot, under the signature ("Notice No. 12", "Ref: SWA/2026/12"),
    # which a long text pushes past the head: the same labels there, last, and none that a sentence cites.
    foot = text[max(1500, len(text) - 1500) :]
    for scan in (_serials, _weak_labelled):
        for m in scan(foot):
            if not _cites(foot, m.start()) and not _OTHER_NO.search(foot, max(0, m.start() - 24), m.start()):
                yield next(g for g in m.groups() if g)
