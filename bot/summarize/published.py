"""A notice's own publication date: a labelled date line, a page's date line, a dateline or the sign-off date.

Dates of events the notice mentions (deadlines, effective dates, meetings) are not its date: a line is read
only when it is short or labelled, and lines that speak of updates, deadlines or effect are skipped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator, Sequence

from bot.dates import (
    DASHED_DATE,
    DAY_OF_MONTH,
    MINGUO_ERA,
    MONTH_NAME,
    NUMERAL_YEAR,
    SHORT_WEEKDAY,
    WEEKDAY,
    YEARLESS_DATE,
    SlashOrder,
    day_of_month,
    find_dates,
    order_slash_dates,
    slash_order,
    undash,
)
from bot.summarize.bodies_en import HONORIFIC, SIGNER_POST_WORD
from bot.summarize.chrome import is_furniture, is_title_line, title_key
from bot.summarize.cues import EN_IN_FORCE
from bot.summarize.docno_zh import is_kind_line, is_word_number_line
from bot.summarize.lang import Lang
from bot.summarize.lines_en import SALUTATION
from bot.summarize.sentences import Sentence
from bot.summarize.signoff import SignOff, closes_text, date_only, signature_tail, signer_name

__all__ = ["find_published"]

# Labels that name the document's own date, in both languages.
_OWN_LABEL = (
    r"发布日期|发布时间|成文日期|印发日期|发文日期|公布日期|发稿时间|发表时间|发布于|发表于|公开日期|公开时间|"
    # A government page's index block dates the document as generated or signed ("生成日期：", "签发日期：").
    r"成文时间|印发时间|生成日期|签发日期|签发时间|"
    # A site's content system stamps the page as uploaded, entered or added; an announcement dates itself.
    r"上传时间|上传日期|录入时间|录入日期|添加时间|添加日期|公告日期|"
    # A bulletin board's posting date ("張貼日期：2025-03-14 09:30"), as school and office boards print it.
    r"张贴日期|张贴时间|"
    # The longer labels first: "Date Signed:" is not "Date" followed by a word.
    r"(?:Published Date|Posted Date|Date Signed|Signed(?: on)?|Signature Date|Date of Signature|"
    r"Date|Dated|Published|Posted|Released|Issued|Release Date|Issue Date|Date Issued|Date of Issue|"
    r"Publication Date|Date Published|Publish(?:ing)? Date|Notice Date|Date of Publication|For (?:Immediate )?Release|Posted on|Published on|Issued on|"
    r"Released on)\b"
)
# An announcement dates itself only under a label opening its line: "Results announcement date: 30 June" in a
# sentence or a field dates the results.
_LINE_ONLY_LABEL = r"(?<![^\n])[ \t]*(?:Announcement Date|Date of Announcement)\b"
_LABELLED = re.compile(
    rf"(?:(?:^|[\s|·,;(])(?:{_OWN_LABEL})|{_LINE_ONLY_LABEL})\s*(?:on\s+)?[:：]?\s*", re.IGNORECASE
)
# A later revision's date, or an event's (a deadline, a start): never the document's own date. Revision
# labels spoil the dates after them on a line; event words only the date they stand right before.
_REVISED = re.compile(r"updated|modified|revised|amended|reviewed|更新|修改|修订", re.IGNORECASE)
# The words opening a change's or a week's start ("As of 1 April", "Week commencing 8 April", "w/c 8 April"), one copy for
# _EVENT_BEFORE and _EN_START_BEFORE.
_EN_START_WORDS = r"as of|commencing|w/c"
_EVENT_BEFORE = re.compile(
    r"(?:effective|expires?|deadline|due|until|by|before|from|starting|begins?|through|till|no later than|close[sd]?|opens?|"
    rf"{_EN_START_WORDS}|"
    r"截止|截至|自|从|于)\s*(?:dates?\s*)?(?:on\s*)?[:：]?\s*$",
    re.IGNORECASE,
)
_EVENT_LABEL = re.compile(
    r"(?:effective|closing|due|expiry|expiration|start|end|deadline|event|meeting|exam|test|application)\s*$",
    re.IGNORECASE,
)
_EVENT_AFTER = re.compile(r"^\s*(?:前|之前|以前|起|开始|截止|止|后|before|until)", re.IGNORECASE)
# A vague "时间"/"日期" label on a page line ("时间:2031-04-09 08:15:00", "来源:某某网 时间:…").
_PAGE_LABEL = re.compile(r"(?:时间|日期|来源|Source|Date)\s*[:：]", re.IGNORECASE)
# A page foot's publication field, opening the line or one of its fields ("作者: 时间:2023-12-18 18:02",
# "Posted: 3 May 2026"). Foot lines also state deadlines and events ("报名截止时间：…", "培训时间：…",
# "Closing date: …", "Hearing Date: …"): a word before the label makes it an event's, not the page's.
_FOOT_LABEL = re.compile(
    r"(?:^|(?<=[\s|·｜:：]))(?:发布|发文|成文|公开|更新|发稿|生成|签发)?(?:时间|日期)\s*[:：]"
    r"|(?:^|(?<=[|·｜]))\s*(?:Published|Posted|Date)\s*[:：]",
    re.IGNORECASE,
)
_BARE_DATE_LABEL = re.compile(r"Dated?\s*[:：]", re.IGNORECASE)
_WORD_END = re.compile(r"[A-Za-z]$")
# The label of the field a date fills: "培训时间：", "Closing date:", "时间:".
_FIELD_LABEL = re.compile(r"((?:[A-Za-z]+ ){0,3}[A-Za-z]+|[^\s\x00-\x7f:：|·｜，；、]{1,12})\s*[:：]\s*$")
# A label naming a date or time field; other labels before a date ("Federal Register: May 5, 1998") name the
# publication that dates the page, not an event.
_DATE_FIELD = re.compile(r"(?:时间|日期|date|time)$", re.IGNORECASE)
_PUBLICATION_LABEL = re.compile(
    r"(?:发布|发文|成文|公开|更新|发稿|印发|生成|签发)?(?:时间|日期)|Published|Posted|Date|Dated|Released|Issued",
    re.IGNORECASE,
)
# A field named after an event: the date filling it is the event's.
_EVENT_FIELD_WORD = (
    r"meeting|hearing|session|event|exam|examination|interview|webinar|workshop|conference|seminar|"
    r"deadline|closing|opening|due|expiry|effective|venue|appointment"
)
_EVENT_FIELD = re.compile(rf"\b(?:{_EVENT_FIELD_WORD}|when)$", re.IGNORECASE)
# A field opening with an event's word names the event's date however it goes on ("Deadline for objections:",
# "Closing date for entries:", "Workshop on grants:").
_EVENT_FIELD_HEAD = re.compile(rf"^(?:{_EVENT_FIELD_WORD})\b", re.IGNORECASE)
# A weekday written out or cut short ("Saturday", "Sat", "Tues."): one copy for the patterns below.
_EN_DAY_ABBR = rf"{SHORT_WEEKDAY}\.?"
_EN_DAY = rf"(?:{WEEKDAY}|{_EN_DAY_ABBR})"
# A weekday between a field's label and its date ("When: Saturday, 20 April", "Workshop: Tue 19 March").
_WEEKDAY_END = re.compile(rf"{_EN_DAY},?[ \t]*$")
# An event's word just before a spaced-off Chinese field label ("报名截止 时间：", "会议 日期：").
_FOOT_EVENT = re.compile(r"(?:截止|截至|报名|会议|培训|活动|考试|开始|结束|举办|举行|办理)\s*$")
# "SPRINGFIELD, May 6, 2026 —", "PR-2026-17, May 6, 2026", "Parks Board News Release, August 2, 2024".
_EN_DATELINE = re.compile(
    r"^[A-Z][A-Za-z0-9 .,'&-]{1,60}?(?:,\s*|\s*\(\s*|\s+[–—-]+\s+)"
    rf"((?:{WEEKDAY},?\s+)?"
    r"(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}))"
    # A flattened page runs the dateline into the next one's city: "IR-2020-59, March 24, 2020 WASHINGTON —".
    r"\s*(?:[A-Z][A-Z.']{1,20}(?:\s[A-Z][A-Z.']{1,20}){0,2},?\s*)?(?:[–—-]|\)|\(|/|$)"
)
# A wire dateline without its year ("LONDON, March 3 (Reuters) -", "SINGAPORE (Feb 8) —"): the year is the
# page's (its address or text); read only when nothing states the full date.
_EN_YEARLESS_DATELINE = re.compile(
    r"^[A-Z][A-Z .'&-]{1,30}?(?:,\s*[A-Z][A-Za-z.]{1,20})?(?:,\s*|\s*\(\s*)"
    rf"(?:{WEEKDAY},?\s+)?"
    rf"({YEARLESS_DATE})(?!\s*,?\s*\d)\s*(?:\)\s*)?(?:\([A-Za-z .]{{2,20}}\)\s*)?[–—:-]"
    rf"(?!\s*(?:\d|{YEARLESS_DATE}))"
)
# A news agency's dateline names its city in mixed case, then the date and the agency's credit in brackets:
# "Chennai, Jan 5 (PTI):", "New Delhi, January 5 (IANS) -"; the credit tells it from a calendar's item.
_EN_WIRE_DATELINE = re.compile(
    r"^[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s*"
    rf"({YEARLESS_DATE})\s*\((?:PTI|IANS|ANI|UNI|Reuters|AP|AFP|Xinhua|Bernama|AAP)\)\s*[–—:-]"
)
# A document page's subtitle dates it: "A Proposed Rule by the Harbour Pilotage Administration on …".
_BY_ON = re.compile(
    r"^An?\s+(?:[A-Z][a-z]+\s+){0,3}(?:Rule|Notice|Document|Order|Proclamation|Memorandum|Determination|Correction)"
    r"\s+by\s+[^.;]{3,160}?\s+on\s+"
)


_ZH_ISSUED_ON = re.compile(r"^[^,。;]{0,12}?(?:联合)?(?:印发|下发|发布|出台|发出|公布|颁布)")
_EN_ISSUE_VERB = r"\b(?:issued|released|published|announced|signed|posted|unveiled|adopted|said|stated)\b"
# "Issued by the Ministry of Labour on 3 March 2026" opens a release's foot line with a capital.
_EN_ISSUED_ON = re.compile(rf"(?i:{_EN_ISSUE_VERB})[^.;]{{0,40}}?\bon\s+(?:[A-Z][a-z]+day,?\s*)?$")
_EN_ON_ISSUED = re.compile(rf"^,?\s*(?:the |an? )?[^.;]{{0,50}}?{_EN_ISSUE_VERB}")
_LINE_LABEL = re.compile(rf"^\s*(?:{_OWN_LABEL})|{_LINE_ONLY_LABEL}", re.IGNORECASE)
# The cue of an order's execution clause, up to its date ("Dated this 20th day of May, 2020").
_DAY_OF = re.compile(
    r"(?:\b(?:Dated|Given|Signed|Done|Issued|Made|Ordered|hand|seal)\b[^.;]{0,40}?\bthis\s+(?:the\s+)?"
    # A gazette notice's sign-off: "Dated the 25th day of October, 2016".
    r"|(?<![^\n])[ \t]*Dated\s+the\s+)"
    rf"(?={DAY_OF_MONTH})",
    re.IGNORECASE,
)
_MAX_DATE_LINE = 60
_MAX_BARE_DATE = 30
_WEEKDAY = re.compile(
    rf"^\s*(?:{WEEKDAY}|{_EN_DAY_ABBR}(?=[ ,])|"
    r"星期[一二三四五六日天]|周[一二三四五六日]),?\s*"
)
_TOP = 8


# A signature's words around its date: capitalised names, titles and bodies, their links, commas, a label.
# Atomic and possessive so that each word is matched one way: a run of capitals that then fails the line ("… SMITHSON,
# COMMISSIONER (ACTING)") is not split every possible way (exponential); the lines it accepts are the same.
_SIGNATURE_WORDS = re.compile(r"^[\s#–—-]*+(?>(?:[A-Z][\w.’'&-]*+|of|the|and|for|on|to|in|by|&)[\s,:]*+)*+$")
# The label of a signature's own date ("Dated: 3 March 2026"), as against another field's ("Event Date:").
_SIGNED_LABEL = re.compile(r"\b(?:Dated?|Issued|Signed)\s*:")


def _signature_date(folded: str) -> dt.date | None:
    """The date of a signature closing the text, on a line of its own or run on after the last sentence by a
    flattened page ("… fined. Jane Doe, Director, Office of Human Resources, March 3, 2026", "Dated: 3 March
    2026 Jane Doe Minister Ministry of Labour"): the one date among capitalised names and titles."""
    rest = signature_tail(folded)
    if rest is None or len(rest) > 2 * _MAX_DATE_LINE + 40:
        return None
    hits = find_dates(rest, None)
    if len(hits) != 1 or not hits[0].explicit_year:
        return None
    around = rest[: hits[0].start] + " " + rest[hits[0].end :]
    if not _SIGNATURE_WORDS.match(around) or _EN_EVENT_WORDS.search(around) or _REVISED.search(around):
        return None
    # A field's label names whose date it is: only a signature's own ("Dated:") dates the notice, not "Event Date:".
    if ":" in around and (_event_field(rest[: hits[0].start]) or not _SIGNED_LABEL.search(around)):
        return None
    return hits[0].date


# A signer's name above a closing date: a person's, two to four capitalised words or initials, maybe with an
# honorific ("Jane Doe", "Adenike T. Doe (Mrs)"), none a heading's or a function word ("Original Policy Signed By",
# "Enrolment Closed", "Spring Fair" are no names).
_NOT_NAME_WORD = (
    r"(?!(?:By|Of|The|And|For|To|In|On|At|Signed|Closed|Open|Opens|Fair|Day|Hall|Office|Services|Policy|Original|"
    r"Board|Governors|Meeting|Notice|Student|Students|Town|Spring|Summer|Autumn|Winter|Enrolment|Enrollment|"
    r"Registration|Deadline|Event|Venue)\b)"
)
_SIGNER_NAME = re.compile(
    rf"^[ \t]*(?:{HONORIFIC}\.?[ \t]+)?"
    rf"(?:{_NOT_NAME_WORD}(?:[A-Z][a-z’'-]{{1,20}}|[A-Z]\.)[ \t]+){{1,3}}{_NOT_NAME_WORD}[A-Z][a-z’'-]{{1,20}}"
    rf"(?:[ \t]+\({HONORIFIC}\.?\))?[ \t]*$"
)
# The signer's post under the name: a line of capitalised words ending on a post's word ("Town Clerk", "Deputy
# Registrar", "Chief Executive Officer"); "Town Hall", "Student Services", "Board Of Governors" are none.
_SIGNER_POST = re.compile(
    r"^[ \t]*(?:[A-Z][A-Za-z&’'-]{0,20}[ \t]+){0,4}"
    rf"{SIGNER_POST_WORD}[ \t]*$"
)


def _closing_signature_date(sentences: Sequence[Sentence]) -> dt.date | None:
    """The date on the text's last line, a line of its own, under a signer's name and post ("Jane Doe / Town
    Clerk / Friday 7 March 2025")."""
    if len(sentences) < 4:
        return None
    last = sentences[-1]
    if not last.heading or len(last.text) > _MAX_BARE_DATE or (date := _bare_date(last.folded)) is None:
        return None
    name, post = sentences[-3], sentences[-2]
    if not (
        name.heading and post.heading and _SIGNER_NAME.match(name.text) and _SIGNER_POST.match(post.text)
    ):
        return None
    # A name is a proper noun: a word of it the text also writes in lower case is a common word ("Car Park / Site
    # Manager" under "the east car park will be resurfaced"; "Next Review" beside "next week").
    body = "\n".join(s.text for s in sentences[:-3])
    for word in name.text.split():
        if len(word) > 2 and re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", body):
            return None
    return date


# A page's own posting label, as against a letter's dateline or a document's issuing ("Issued:", "Dated:",
# "Released:"): "Posted on …", "Published: …".
_POSTING = re.compile(r"\b(?:Posted|Published)\b", re.IGNORECASE)


# A body telling of a past event ("last week's talk", "all who came to the open evening", "was held"): a date under
# its signature is the event's, not the writing's.
_PAST_EVENT = re.compile(
    r"\b(?:last[ \t]+(?:week|month|night|year|weekend|term)|yesterday|who[ \t]+(?:came|attended|joined|took[ \t]+part)"
    r"|thank[ \t]+you[ \t]+to[ \t]+(?:all|everyone)|thanks[ \t]+to[ \t]+(?:all|everyone)|(?:was|were)[ \t]+held"
    r"|took[ \t]+place)\b",
    re.IGNORECASE,
)


def _posting_date(top: Sequence[Sentence], page: dt.date, text: str) -> bool:
    """Whether the page's date is a posting's: after a "Posted"/"Published" label, or a mirror's date on
    the first line with nothing above it and no letter under it. A date alone under a letterhead is the letter's own
    dateline, and a text telling of a past event is dated by neither."""
    if _PAST_EVENT.search(text):
        return False
    if top and top[0].heading and len(top[0].text) <= _MAX_BARE_DATE and _bare_date(top[0].folded) == page:
        # A letter's salutation under it (lines_en.SALUTATION): the date is the letter's dateline, not a posting's
        # ("3 May 2024 / Dear Ms Patel").
        return SALUTATION.search(text) is None
    for s in top:  # a loop, not any(…): compiled, any over a generator builds the whole list first
        if _POSTING.search(s.folded) is None:
            continue
        if _labelled(s.folded) == page:
            return True
    return False


def _foot_field_date(folded: str) -> dt.date | None:
    """The date a page foot's publication field gives ("时间:2023-12-18 18:02"); an event's field gives none."""
    for m in _FOOT_LABEL.finditer(folded):
        if not _FOOT_EVENT.search(folded[max(0, m.start() - 6) : m.start()]):
            return _own_date(folded[m.end() :])
    return None


def _event_field(before: str) -> bool:
    """Whether the text before a date ends in another field's label than the page's date: "时间：" is the page's,
    "培训时间：", "报名截止时间：", "Hearing Date:" an event's."""
    if (weekday := _WEEKDAY_END.search(before[-14:])) is not None:
        before = before[: len(before) - len(weekday.group(0))]
    label = _FIELD_LABEL.search(before[-30:])
    if label is not None and (_EVENT_FIELD.search(label.group(1)) or _EVENT_FIELD_HEAD.match(label.group(1))):
        return True  # "Meeting: 3 March 2026", "Hearing: …": the field of an event, with or without "date"
    if label is None or _DATE_FIELD.search(label.group(1)) is None:
        return False
    head = before[-30:][: label.start()]
    return not _PUBLICATION_LABEL.fullmatch(label.group(1)) or _FOOT_EVENT.search(head) is not None


# A range's connector: "Thursday, March 12, 2026 - Friday, March 13, 2026", "2024年3月12日至3月15日".
_RANGE_TO = re.compile(r"\s*(?:[-–—~～]|至|到|(?i:to|through|thru|until)\b)\s*")


def _ranged(folded: str, end: int, year: int) -> bool:
    """Whether the date ending at `end` opens a range ("March 12, 2026 - March 13, 2026", "3月12日至15日"): an
    event's dates. The range's end may leave out the year (`year`, its start's)."""
    if (to := _RANGE_TO.match(folded, end)) is None:
        return False
    rest = folded[to.end() : to.end() + 40]
    start = m.end() if (m := _WEEKDAY.match(rest)) else 0
    hits = find_dates(rest[start:], year)
    return bool(hits) and hits[0].start == 0


def _own_date(folded: str) -> dt.date | None:
    """The date of a page's date line: its first dated, unrevised, non-event date with a year; none on a line
    stating a range of dates (an event's)."""
    for hit in find_dates(folded, None):
        before = folded[: hit.start]
        if _REVISED.search(before) or _ranged(folded, hit.end, hit.date.year):
            return None
        # A field's label right before the date names whose date it is: "时间：" is the page's,
        # "培训时间：", "报名截止时间：", "Closing date:" an event's.
        if _event_field(before):
            continue
        if (
            hit.explicit_year
            and not _EVENT_BEFORE.search(before[-20:])
            and not _EVENT_AFTER.match(folded[hit.end : hit.end + 6])
        ):
            return hit.date
    return None


# What may follow a date on a line of its own: its time and zone ("1615 ET (04:15 PM ET)", "at 9:30 a.m. EST").
# A time zone: "ET", "EST", "BST", "UTC" (in capitals: a word is no zone).
_ZONE = r"(?-i:[A-Z]{0,3}T|UTC|GMT)\b"
_TIME_ONLY = re.compile(
    rf"^[\s,;|–—-]*(?:at\s+)?(?:(?:\d{{1,2}}[:.]?\d{{2}}(?::\d{{2}})?|[ap]\.?m\.?|{_ZONE}|"
    rf"\(\s*\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?\s*(?:{_ZONE})?\s*\))[\s,]*)*$",
    re.IGNORECASE,
)


def _opening_date(text: str, limit: int | None = None) -> tuple[dt.date, int] | None:
    """The date text opens with, after an optional weekday, with its year and not the start of a range, found
    within limit characters after the weekday (None: anywhere): the date and where it ends in text."""
    start = m.end() if (m := _WEEKDAY.match(text)) else 0
    hits = find_dates(text[start:] if limit is None else text[start : start + limit], None)
    if not (hits and hits[0].explicit_year and hits[0].start == 0):
        return None
    end = start + hits[0].end
    return None if _ranged(text, end, hits[0].date.year) else (hits[0].date, end)


def _bare_date(folded: str, timed: bool = False) -> dt.date | None:
    """The date a short line opens with, after an optional weekday ("Tuesday, 4 June 2019 - 09:41"); with
    `timed`, only a line that holds nothing after it but a time."""
    if (opening := _opening_date(folded)) is None:
        return None
    day, end = opening
    return None if timed and not _TIME_ONLY.match(folded[end:]) else day


# A dash or a bar setting a lead off the date it opens with ("March 24, 2020 — The IRS today …"); a hyphen only
# with a blank after it ("March 3 -", "March 3 --"), else it is a range's or a code's.
_DASH = r"(?:[–—|]|-{1,2}\s)"
_DASH_MARK = re.compile(rf"\s*{_DASH}")
# A full date may also be set off by a slash ("March 24, 2020 / The IRS …").
_LEAD_MARK = re.compile(rf"\s*(?:{_DASH}|/\s)")


def _lead_date(folded: str) -> dt.date | None:
    """A paragraph opening with its date, set off by a dash or bar ("March 24, 2020 — The IRS today …")."""
    if (opening := _opening_date(folded, 40)) is None:
        return None
    day, end = opening
    return day if _LEAD_MARK.match(folded, end) else None


def _by_on(folded: str) -> dt.date | None:
    """The date right after a document subtitle's "… by the X on"."""
    if not (m := _BY_ON.match(folded)):
        return None
    hits = find_dates(folded[m.end() : m.end() + 30], None)
    return hits[0].date if hits and hits[0].start == 0 and hits[0].explicit_year else None


# A longer line is running text: a label counts there only opening it or after a bar.
_RUNNING = 100
_BAR = re.compile("[|·]")


def _label_matches(folded: str) -> Iterator[re.Match[str]]:
    """_LABELLED.finditer(folded), or in running text only the matches _labelled reads: the one opening it and
    those opening at a bar. The same ones finditer gives, since a match consumes no bar but its first character."""
    if len(folded) <= _RUNNING:
        yield from _LABELLED.finditer(folded)
        return
    done = 0
    if (m := _LABELLED.match(folded)) is not None:
        yield m
        done = m.end()
    for bar in _BAR.finditer(folded, max(done, 1)):
        if bar.start() >= done and (m := _LABELLED.match(folded, bar.start())) is not None:
            yield m
            done = m.end()


# A gazette's sign-off date ends its line ("Dated the 5th day of March, 2024."), among the text's last lines.
# The sign-off's date line and a signature's lines after it (a name, a post, a body).
_SIGNATURE_LINES = 4
_SIGN_OFF_DATE_END = re.compile(r"[^\n.;]{0,40}?\b(?:19|20)\d\d\.?[ \t]*(?:\n|\Z)")


def _signs_off(sentences: Sequence[Sentence], s: Sentence, at: int) -> bool:
    """Whether the "Dated the" date at `at` in sentence s is the text's sign-off: its line ends right after the
    year (a cited one goes on: "Dated the 5th day of March, 2019, fees rise"), only a signature's lines follow
    (a name, a post, a body), and no colon before it quotes it ("The earlier order read:")."""
    first = max(0, len(sentences) - _SIGNATURE_LINES - 1)
    i = next((i for i in range(first, len(sentences)) if sentences[i] is s), -1)
    if i < 0 or len(sentences) - i > _SIGNATURE_LINES:
        return False
    before = sentences[i - 1].text.rstrip() if i > 0 else ""
    return not before.endswith(":") and _SIGN_OFF_DATE_END.match(s.folded, at) is not None


_DATED_THE = re.compile(r"(?:^|\s)Dated[ \t]+the[ \t]+", re.IGNORECASE)


def _labelled(folded: str) -> dt.date | None:
    """The date right after an own-date label ("发布日期：2031-06-02", "Posted on March 3, 2026")."""
    # In running text "passes issued on March 3" names an event: there _label_matches gives only the label
    # opening the text or a field after a bar.
    for m in _label_matches(folded):
        if _EVENT_LABEL.search(folded[: m.start() + 1]):  # "effective date:", "closing date:"
            continue
        # A bare "Date:" after a word is some other field's ("Hearing Date:", "Opening Date:").
        if (
            folded[m.start()] == " "
            and _BARE_DATE_LABEL.match(folded, m.start() + 1)
            and _WORD_END.search(folded, 0, m.start())
        ):
            continue
        rest = folded[m.end() : m.end() + 40]
        hits = find_dates(rest, None)
        # A range under the label is an event's dates, not the notice's ("Date: March 12, 2026 through …").
        if hits and _ranged(folded, m.end() + hits[0].end, hits[0].date.year):
            continue
        # A date the label's field bounds ("上传时间：2023年1月20日前", "…起") is an event's, never the page's.
        if hits and _EVENT_AFTER.match(rest[hits[0].end :]):
            continue
        # A gazette's or an order's sign-off writes its date with the article: "Dated the 25th October, 2016."
        between = rest[: hits[0].start] if hits else ""
        if between and _DATED_THE.fullmatch(folded, m.start(), m.end() + len(between)):
            between = ""
        if hits and hits[0].explicit_year and not between.strip(" ,(|·-–—"):
            # A weekday may sit between label and date ("Posted: Tuesday, March 3, 2026").
            return hits[0].date
        weekday = _WEEKDAY.match(rest)
        if weekday and hits and hits[0].explicit_year and hits[0].start == weekday.end():
            return hits[0].date
    return None


def find_published(
    sentences: Sequence[Sentence], lang: Lang, year: int | None, signed: SignOff | None, title: str = ""
) -> dt.date | None:
    """The notice's own date, most explicit source first; None rather than an event's date."""
    # Dashed dates ("16-03-2020", "28-Jun-2017") are read as their slash and word forms, and an English page's
    # ambiguous slash dates (04/02/2020) in the order its unambiguous ones show. Both rewrites keep a line's
    # length, so an offset into folded is the same offset into text.
    # A file number shaped like a date ("No. 12/2/2020-Estt", "A-12011/3/2020") is no date: masked first.
    sentences = [
        dataclasses.replace(s, folded=_FILE_NUMBER.sub(_mask, s.folded))
        if ("/" in s.folded or "-" in s.folded) and _FILE_NUMBER.search(s.folded)
        else s
        for s in sentences
    ]
    if lang == "en":
        sentences = [
            dataclasses.replace(s, folded=_mask_cited_dates(s.folded))
            if _CITED_DOC_DATE.search(s.folded)
            else s
            for s in sentences
        ]
    sentences = [
        dataclasses.replace(s, folded=undash(s.folded))
        if "-" in s.folded and DASHED_DATE.search(s.folded)
        else s
        for s in sentences
    ]
    if lang == "en" and (
        order := slash_order(s.folded for s in sentences)
        or _written_order(sentences)
        or _spelled_order(sentences)
    ):
        sentences = [
            dataclasses.replace(s, folded=order_slash_dates(s.folded, order)) if "/" in s.folded else s
            for s in sentences
        ]
    # Every dotted date holds ".19" or ".20" (its year): a sentence without either is not scanned.
    if lang == "en" and any(_may_dot_date(s.folded) and _DOTTED_DATE.search(s.folded) for s in sentences):
        sentences = _dotted_in_order(sentences)
    # A page's furniture and the headline it repeats above the notice are not the notice's date lines, and
    # would push the notice's own header lines out of the top ("Home > News", "Print | Share", the title).
    key = title_key(title)
    sentences = [s for s in sentences if not (s.heading and _page_line(s.text, key))]
    top = list(sentences[:_TOP])
    page = _page_date(top, lang)
    # A Chinese document's own date is its 成文日期, which the sign-off states; a page's 发布日期 or 公开日期 above
    # it is when the page went up, often days later. A sign-off dated after the page is an annex's, not this one.
    if signed is not None and (page is None or (lang == "zh" and signed.date <= page)):
        return signed.date
    # A date in Chinese numerals on a line of its own is a document's 成文日期 (a page prints its own dates in
    # figures), even where the sign-off rules found no name or closing formula above it.
    if (
        lang == "zh"
        and signed is None
        and (written := _numeral_date_line(sentences)) is not None
        and (page is None or written <= page)
    ):
        return written
    # A date line in the Republic of China's era ("中華民國113年3月8日") is a Taiwan document's own (its 發文日期 in
    # the header, or its sign-off's): a page stamps its own dates in Gregorian figures.
    if (
        lang == "zh"
        and signed is None
        and (era := _era_date_line(sentences)) is not None
        and (page is None or era <= page)
    ):
        return era
    # An English letter or circular signed at its foot ("Jane Doe / Town Clerk / Friday 7 March 2025")
    # is dated by its signature, as a Chinese sign-off is: a page's posting date above it, when not earlier, is when
    # the page went up. A later date under the lines is an event's, and a letter's own dateline under its letterhead
    # stays its date.
    if (
        lang == "en"
        and page is not None
        and (closing := _closing_signature_date(sentences)) is not None
        and closing <= page
        and _posting_date(top, page, "\n".join(s.text for s in sentences))
    ):
        return closing
    if page is not None:
        return page
    # "Issued: 24 March 2020", "Dated: March 31, 2020", "成文日期：…" on a line of its own further down.
    for s in sentences[_TOP:]:
        if _LINE_LABEL.match(s.folded) and (found := _labelled(s.folded)):
            return found
    # A page's date field at its foot ("作者: 时间:2023-12-18 18:02 点击数:"), where many pages print it.
    for s in sentences[-_TOP:]:
        if len(s.text) <= _MAX_DATE_LINE and (found := _foot_field_date(s.folded)):
            return found
    # A signature that closes the text with its date, run on by a flattened page ("Jane Doe Director Office of
    # Human Resources March 3, 2026").
    if lang == "en":
        for s in sentences[-2:]:
            if found := _signature_date(s.folded):
                return found
    # An order's execution clause: "Dated this 20th day of May, 2020", "Given under my hand this 3rd day of …".
    if lang == "en":
        for s in sentences:
            if (
                ("day of" in s.folded or "DAY OF" in s.folded)
                and (m := _DAY_OF.search(s.folded))
                and (found := day_of_month(s.folded, m.end())) is not None
                and (m.group(0).lstrip()[:9].lower() != "dated the" or _signs_off(sentences, s, m.end()))
            ):
                return found
    # A page's byline with the posting date ("Posted by jdoe On 25 July, 2019 at 4:33 PM"), at its top or its
    # foot: the page's date, below the release's own dateline and a signature's date.
    if lang == "en":
        for s in sentences:
            if found := _posted_by(s.folded):
                return found
    # Only a revision's date is stated at the top ("Last updated: 5 May 2020"): the best the text says. An
    # order's letterhead (names, titles, an address) may push its "(Revised October 2, 2021)" further down.
    for s in sentences[: 2 * _TOP]:
        # A page's byline row may run longer: "Written by Jane Doe | New Delhi | Updated: March 24, 2020".
        short = len(s.text) <= _MAX_DATE_LINE or (len(s.text) <= 2 * _MAX_DATE_LINE and "|" in s.text)
        if short and _REVISED.search(s.folded):
            hits = [h for h in find_dates(s.folded, None) if h.explicit_year]
            if hits:
                return hits[0].date
    # A date line of its own ("March 24, 2020", "2019年3月1日"), under a signature the sign-off rules did not
    # recognise or below a page's header lines.
    for s in sentences:
        if s.heading and len(s.text) <= _MAX_BARE_DATE and (found := _bare_date(s.folded)):
            return found
    # …or with its time ("January 8, 2020, 1615 ET (04:15 PM ET)"), as a release's foot stamps it.
    for s in sentences:
        if s.heading and len(s.text) <= _MAX_DATE_LINE and (found := _bare_date(s.folded, timed=True)):
            return found
    if lang == "en" and year is not None:
        for s in top[:3]:
            m = _EN_YEARLESS_DATELINE.match(s.folded) or _EN_WIRE_DATELINE.match(s.folded)
            if m and (hits := find_dates(m.group(1), year)):
                return hits[0].date
        # A page that leaves the year out of its date line for the current year: "Posted March 3", "Tuesday,
        # 3 March", "March 3 — The ministry said …"; the year is the page's (its address or text).
        # Two or more top lines each led by a date and a dash are a calendar's items ("March 3 – Parent teacher
        # conferences", "March 10 – Spring photos"), not a dateline.
        items = sum(1 for s in top[:4] if _DATED_ITEM.match(s.folded))
        for s in top[:3]:
            if items > 1 and _DATED_ITEM.match(s.folded):
                continue
            if found := _yearless_date_line(s, year):
                return found
    found = _reported(sentences, lang, year) or (_early_date(sentences) if lang == "en" else None)
    return found or _title_date(title)


# "Posted by <name> on <date>", "Published by: <name> | <date>": a page's byline; the name holds no figures and
# no sentence's marks, and ends at the first "on" or bar a date follows.
_POSTED_BY = re.compile(r"^\s*(?:Posted|Published|Submitted)\s+by\b\s*:?", re.IGNORECASE)
_BYLINE_ON = re.compile(r"\s(?i:on)\s+|\s?\|\s*")
_BYLINE_NAME = 80
# A byline is a short line, and nothing follows its date but the time, a place ("at …"), its category ("in
# Announcements"), a dash or a dot ("· 2 min read"), an update's date (". Updated May 3, 2024"), a full stop:
# "Submitted by the parent on 1 September 2024 will be processed first" is a sentence of a form.
_BYLINE_LINE = 160
_BYLINE_TAIL = re.compile(
    r"[\s,]*(?:(?:at\s+)?\d{1,2}(?:[:.]\d{2}){0,2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?"
    r"|at\s[^.;!?]{1,40}|in\s[A-Z][^.;!?]{0,40}|[-–—|·].*|\.\s+(?:Updated|Last updated|Modified|Edited)\b.*)?\.?$"
)


def _posted_by(folded: str) -> dt.date | None:
    """The date a "Posted by <name> on <date>" byline gives."""
    if (m := _POSTED_BY.match(folded)) is None:
        return None
    for on in _BYLINE_ON.finditer(folded, m.end(), m.end() + _BYLINE_NAME):
        name = folded[m.end() : on.start()]
        if any(c.isdigit() or c in ";!?" for c in name):
            return None
        opening = _opening_date(folded[on.end() : on.end() + 50])
        if (
            opening is not None
            and len(folded) <= _BYLINE_LINE
            and _BYLINE_TAIL.match(folded.rstrip(), on.end() + opening[1])
        ):
            return opening[0]
    return None


_NUMERAL_DATE = re.compile(rf"^\s*{NUMERAL_YEAR}\s*年")
# A table's label over its value ("竣工日期\n二〇二四年三月一日", "会议时间\n…"): the date is the field's.
# Matched on the stripped line: one \s* only (two around the colon backtrack quadratically on a run of spaces).
_LABEL_ABOVE = re.compile(r"(?:日期|时间)\s*[:：]?$")
# An annex given in full under a bare head ("附：", "附件："): a forwarded document, dated by its own sign-off.
_ANNEX_IN_FULL = re.compile(r"^\s*附\s*(?:件[\s\d]*)?[:：]\s*$")


# A date line opening with the Republic of China's era, folded: "中華民國113年3月8日", "民國一百十三年…".
_ERA_DATE = re.compile(rf"^\s*{MINGUO_ERA}")
# What a period's or a list's date line continues with on the next line: "至5月12日止", "起", "截止".
_ERA_CONTINUED = re.compile(r"\s*(?:至|起|止|到|前|截止)")


def _era_date_line(sentences: Sequence[Sentence]) -> dt.date | None:
    """A line that is nothing but a full date in the Republic of China's era where a Taiwan document dates
    itself: in its header, beside the line of its kind ("通 告") or of its 發文字號 ("某某字第…號"), or signing it
    off, right under the signer's name near the end. Elsewhere such a line is an event's ("…圓滿落幕：", "停水
    期間：", "創立於"), a list's or a field's; one an annex ("附：") holds is the annex's."""
    last = len(sentences) - 1
    for i, s in enumerate(sentences):
        if _ANNEX_IN_FULL.match(s.text):
            return None
        if not (
            s.heading
            and len(s.text) <= _MAX_BARE_DATE
            and _ERA_DATE.match(s.folded)
            and (found := date_only(s)) is not None
        ):
            continue
        above = sentences[i - 1].text if i > 0 else ""
        below = sentences[i + 1].text if i < last else ""
        if below and _ERA_CONTINUED.match(below):
            continue
        header = is_kind_line(above) or is_word_number_line(above) or is_word_number_line(below)
        signing = (
            i >= last - _SIGNOFF_LINES
            and i > 0
            and signer_name(sentences[i - 1], "zh") is not None
            and not (i > 1 and _ERA_DATE.match(sentences[i - 2].folded))  # a list of names and dates
        )
        if header or signing:
            return found
    return None


# How many lines a sign-off's date may have under it (a telephone, a fax, an address).
_SIGNOFF_LINES = 3


def _numeral_date_line(sentences: Sequence[Sentence]) -> dt.date | None:
    """The full date in Chinese numerals alone on a line closing the text, where a sign-off's date stands
    ("二〇二四年三月四日"; an annex list or contacts may follow): not a table's field, not an annex's. The first
    such line: an annex given after the sign-off ends with its own date."""
    for i, s in enumerate(sentences):
        if _ANNEX_IN_FULL.match(s.text):
            return None  # what follows is the annex's
        if (
            s.heading
            and len(s.text) <= _MAX_BARE_DATE
            and _NUMERAL_DATE.match(s.folded)
            and (found := date_only(s)) is not None
            and closes_text(sentences, i)
            and not (i > 0 and _LABEL_ABOVE.search(sentences[i - 1].folded.rstrip()))
        ):
            return found
    return None


# Figures shaped like a date inside a file number: after a "No." label, or joined to more of the code by a
# slash or hyphen ("12/2/2020-Estt", "A-12011/3/2020"), as Indian office memoranda number themselves.
_FILE_NUMBER = re.compile(
    r"(?:(?<=\bNo\.)\s*|(?<=\bNo\.\s)|(?<=[A-Za-z0-9][/-]))"
    r"\d{1,5}[/-]\d{1,2}[/-]\d{2,4}(?![\d])(?=[/-][A-Za-z0-9]|\.?\(|\s*$|[\s,;])"
    r"|(?<![\w/.-])\d{1,4}[/-]\d{1,2}[/-]\d{2,4}(?=[/-][A-Za-z][A-Za-z0-9]|\.?\([A-Z])"
    # An airworthiness directive's year-month-serial ("AD 2018-04-12"), which docno_en reads as its number.
    r"|(?<=\bAD[ \t])(?:19|20)\d{2}-\d{2}-\d{2}\b"
)


_DIGIT = re.compile(r"\d")


def _hide_digits(text: str) -> str:
    """text's digits put out of a date's reach, its length kept (offsets stay valid)."""
    return _DIGIT.sub("#", text)


def _mask(m: re.Match[str]) -> str:
    """The digits of a file number masked (_hide_digits)."""
    return _hide_digits(m.group(0))


# A document a sentence cites, with its date after it ("Thank you for your letter of 1 February 2024", "Further to
# our notice dated …", "Re: your application of …", "as stated in our circular dated …"): that document's date,
# never the notice's (a letter is not redated to the one it answers). A possessive before the kind ("the
# applicant's letter of"; a bare "the" is the notice's own: "The order of 2 April 2024 is hereby published"), at
# most two words between (words and blanks are disjoint: each gap splits one way, linear).
_CITED_DOC_DATE = re.compile(
    r"\b(?:(?i:your|our|my|their|its|his|her)|(?i:the)[ \t]+[A-Za-z-]+['’]s)[ \t]+(?:[A-Za-z-]+[ \t]+){0,2}?"
    r"(?i:letter|e-?mail|notice|circular|memo|memorandum|application|request|correspondence|message|submission|"
    r"complaint|enquiry|inquiry|query|reply|note|communication|order)s?[ \t]+"
    r"(?i:dated|of|sent[ \t]+on|received[ \t]+on)[ \t]+"
)


def _mask_cited_dates(folded: str) -> str:
    """folded with the digits of each date it gives a cited document masked (its length kept)."""
    pieces: list[str] = []
    done = 0
    for m in _CITED_DOC_DATE.finditer(folded):
        # "your letter of Monday, 1 February 2024": past the weekday (_WEEKDAY opens its string).
        start = m.end() + (w.end() if (w := _WEEKDAY.match(folded[m.end() : m.end() + 20])) else 0)
        hits = find_dates(folded[start : start + 40], None)
        if start >= done and hits and hits[0].start == 0:
            end = start + hits[0].end
            pieces += (folded[done:start], _hide_digits(folded[start:end]))
            done = end
    return "".join(pieces) + folded[done:] if pieces else folded


_DATED_ITEM = re.compile(
    rf"^\s*(?:{MONTH_NAME}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_NAME}\.?)\s*{_DASH}"
)
_YEARLESS_LABEL = re.compile(
    r"^\s*(?:Posted|Published|Released|Issued|Dated?)(?:\s+on)?\s*:?\s*", re.IGNORECASE
)


def _yearless_date_line(s: Sentence, year: int) -> dt.date | None:
    """The date a short top line gives without its year: labelled, alone (a time or a weekday aside), or
    opening a lead set off by a dash."""
    if len(s.text) > _MAX_DATE_LINE and s.pos != 0:
        return None
    folded = s.folded
    label = _YEARLESS_LABEL.match(folded)
    start = label.end() if label else 0
    start += m.end() if (m := _WEEKDAY.match(folded[start:])) else 0
    hits = find_dates(folded[start : start + 40], year)
    if not hits or hits[0].start != 0 or hits[0].explicit_year:
        return None
    after = folded[start + hits[0].end :]
    if label or (s.heading and len(s.text) <= _MAX_DATE_LINE and _TIME_ONLY.match(after)):
        return hits[0].date
    if _DASH_MARK.match(after) and not _EN_EVENT_WORDS.search(after[:60]):
        return hits[0].date
    return None


# A date in figures with dots: "07.03.2025", "7.3.2025".
_DOTTED_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?!\d|\.\d)")


def _may_dot_date(text: str) -> bool:
    """Whether text may hold a dotted date: its year follows a dot (".19…", ".20…")."""
    return ".20" in text or ".19" in text


def _dotted_in_order(sentences: list[Sentence]) -> list[Sentence]:
    """An English page's ambiguous dotted dates (07.03.2025) in the order its unambiguous dotted dates show,
    else day first, the order dotted dates are written in (a US page writes its dates with slashes); rewritten
    year first, same length, which find_dates reads as written."""
    month_first = day_first = False
    for s in sentences:
        for m in _DOTTED_DATE.finditer(s.folded):
            a, b = int(m[1]), int(m[2])
            month_first |= a <= 12 < b <= 31
            day_first |= b <= 12 < a <= 31
    if month_first and day_first:
        return sentences  # mixed: no order to read the ambiguous ones in

    def year_first(m: re.Match[str]) -> str:
        if int(m[1]) > 12 or int(m[2]) > 12:
            return m[0]  # unambiguous: find_dates reads it as written
        month, day = (m[1], m[2]) if month_first else (m[2], m[1])
        return f"{m[3]}/{month}/{day}"

    return [
        dataclasses.replace(s, folded=_DOTTED_DATE.sub(year_first, s.folded))
        if _may_dot_date(s.folded)
        else s
        for s in sentences
    ]


def _page_line(text: str, key: str) -> bool:
    """Whether a line is a page's furniture or its headline repeated (`key`, from chrome.title_key)."""
    return is_furniture(text) or is_title_line(text, key)


# How a page writes its dates in words: "March 3, 2026" month first (US), "3 March 2026" day first.
_MONTH_FIRST = re.compile(rf"\b{MONTH_NAME}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}\b")
_DAY_FIRST = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_NAME}\.?,?\s+(?:19|20)\d{{2}}\b")


def _written_order(sentences: Sequence[Sentence]) -> SlashOrder | None:
    """The order of a page's ambiguous slash dates (03/04/2024) when none is unambiguous: the order its dates
    in words show, if they all agree."""
    if not any("/" in s.folded for s in sentences):
        return None
    month_first = any(_MONTH_FIRST.search(s.folded) for s in sentences)
    day_first = any(_DAY_FIRST.search(s.folded) for s in sentences)
    return "md" if month_first and not day_first else "dm" if day_first and not month_first else None


# Spellings that tell a page's English: British and Commonwealth pages write dates day first, US ones month first.
# Lower case only: a capitalised spelling is as often a proper noun ("Labor Government", "Medical Center",
# "Department of Defense") that tells nothing of the page's own English.
_DAY_FIRST_SPELLING = re.compile(
    r"\b(?:labour|organis|centre|programme|licence|defence|favour|colour|behaviour|"
    r"neighbour|honour|whilst|authoris|recognis|prioritis|utilis|mobilis|minimis)"
)
_MONTH_FIRST_SPELLING = re.compile(
    r"\b(?:labor\b|organiz|center|program\b|defense|favor|color|behavior|neighbor|"
    r"honor\b|authoriz|recogniz|prioritiz|utiliz|mobiliz|minimiz)"
)


def _spelled_order(sentences: Sequence[Sentence]) -> SlashOrder | None:
    """The order of a page's ambiguous slash dates when its dates tell none: the one its spelling suggests
    ("labour", "organisation": day first; "labor", "organization": month first), if only one kind shows, twice."""
    if not any("/" in s.folded for s in sentences):
        return None
    text = "\n".join(s.text for s in sentences)
    # Two different spellings of one kind and none of the other: one word is too weak a sign to read a date by.
    day_first = len({m.group(0) for m in _DAY_FIRST_SPELLING.finditer(text)})
    month_first = len({m.group(0) for m in _MONTH_FIRST_SPELLING.finditer(text)})
    return (
        "dm" if day_first >= 2 and not month_first else "md" if month_first >= 2 and not day_first else None
    )


def _page_date(top: Sequence[Sentence], lang: Lang) -> dt.date | None:
    """The date the top of a page gives: a labelled date, a short date line, a lead date or a dateline."""
    for s in top:
        found = _labelled(s.folded)
        if found:
            return _unless_dateline(found, s.folded, top, lang)
    for s in top:
        # A short line near the top that carries a date ("2021-06-09 09:40", "Wednesday, 9 June 2021 - 09:40",
        # "来源:某某网 时间:2031-04-09"); a sentence in the body is too likely to name an event.
        if len(s.text) <= _MAX_DATE_LINE and (s.heading or _PAGE_LABEL.search(s.folded)):
            found = _own_date(s.folded)
            if found:
                return _unless_dateline(found, s.folded, top, lang)
        if s.pos == 0 and (found := _lead_date(s.folded)):
            return found
        if (found := _by_on(s.folded)) is not None:
            return found
        if lang == "en" and (line := _dateline(s.folded)) is not None:
            return line[1]
    return None


def _unless_dateline(found: dt.date, folded: str, top: Sequence[Sentence], lang: Lang) -> dt.date:
    """The date of a top line, unless it is a page's posting ("Posted: …", "Date posted: …") and a release's own
    dateline, the only date the top lines' datelines give (repeated or not) and not after the posting, stands there
    ("SPRINGFIELD, May 6, 2026 —"): that dates the release."""
    if lang == "en" and _POSTING.search(folded):
        # A roundup of releases under one posting sets several datelines, even of one day from two places
        # ("SPRINGFIELD, May 6, 2024 —", "CAPITAL CITY, May 6, 2024 —"): none is the page's. One dateline
        # repeated (the same place and date) is the release's.
        dated = {line for s in top if (line := _dateline(s.folded)) is not None}
        if len(dated) == 1 and (only := next(iter(dated))[1]) <= found:
            return only
    return found


def _dateline(folded: str) -> tuple[str, dt.date] | None:
    """An English dateline opening a line, as its text (place and date) and its date; not a revision's or an
    event's date."""
    m = _EN_DATELINE.match(folded)
    if m and not _REVISED.search(folded[: m.start(1)]) and not _EVENT_BEFORE.search(folded[: m.start(1)]):
        hits = find_dates(m.group(1), None)
        if hits and not _ranged(folded, m.end(1), hits[0].date.year):
            return folded[: m.end(1)], hits[0].date
    return None


# A headline that dates its document: "Circular of May 4, 2017 on …", "Order dated 11 May 2021".
_TITLE_DATED = re.compile(r"\b(?:of|dated|issued|released|published)\s+(?:on\s+)?$", re.IGNORECASE)


# A headline that ends with its date, set off: "Shelter in place extended – March 31, 2020", "Update (3/31/2020)".
_TITLE_DATE_MARK = re.compile(r"(?:[–—|(\[,]|\s-)\s*$")


def _title_date(title: str) -> dt.date | None:
    for hit in find_dates(title, None):
        if hit.explicit_year and _TITLE_DATED.search(title[: hit.start]):
            return hit.date
        tail = title[hit.end :].strip(" )]")
        before = title[: hit.start]
        head = _TITLE_DATE_MARK.sub("", before)
        if (
            hit.explicit_year
            and not tail
            and _TITLE_DATE_MARK.search(before)
            and not (_EVENT_BEFORE.search(head) or _EVENT_LABEL.search(head))
        ):
            return hit.date
    return None


def _reported(sentences: Sequence[Sentence], lang: Lang, year: int | None) -> dt.date | None:
    """A report's own account of when the notice was issued: "8月14日，市民政局印发…", "issued … on May 4";
    in English read further down than a page's date lines, as a release may tell it after its lead (a Chinese
    text further down recalls earlier documents: "2019年3月1日，国务院印发…")."""
    for s in sentences[: 3 * _TOP if lang == "en" else _TOP]:
        for hit in find_dates(s.folded, year):
            if lang == "zh":
                tail = s.folded[hit.end : hit.end + 40].split("。")[0]
                if _ZH_ISSUED_ON.search(tail.lstrip(",， ")):
                    return hit.date
            elif _EN_ISSUED_ON.search(s.folded[max(0, hit.start - 60) : hit.start]):
                return hit.date
            elif re.match(r"^\s*On\s*$", s.folded[: hit.start]) and _EN_ON_ISSUED.match(s.folded[hit.end :]):
                # "On March 24, 2020, the IRS announced …"
                return hit.date
            elif lang == "en" and _bracketed_day(
                s.folded[max(0, hit.start - 40) : hit.start], s.folded[hit.end :]
            ):
                return hit.date
    return None


# Singapore's and Hong Kong's releases date the act in brackets: "MOM said on Saturday (Feb 8)", "The Labour
# Department today (March 24) reminded …"; the year is the page's.
_EN_PRESS_VERB = (
    r"(?:said|says|announced|announces|reminded|reminds|urged|urges|issued|issues|released|warned|ordered|"
    r"stated|told|advised|published|launched|declared)"
)
_EN_DAY_WORD = rf"(?:today|on\s+{WEEKDAY})\s*\(\s*$"
_EN_VERB_THEN_DAY = re.compile(rf"\b{_EN_PRESS_VERB}\s+{_EN_DAY_WORD}")
_EN_DAY_ONLY = re.compile(rf"\b{_EN_DAY_WORD}")
_EN_THEN_VERB = re.compile(rf"^\s*\)\s*,?\s*{_EN_PRESS_VERB}\b")


def _bracketed_day(before: str, after: str) -> bool:
    """Whether a bracketed date dates a press act: "said on Saturday (Feb 8)", "today (March 24) reminded"."""
    if not after.lstrip().startswith(")"):
        return False
    return bool(
        _EN_VERB_THEN_DAY.search(before) or (_EN_DAY_ONLY.search(before) and _EN_THEN_VERB.match(after))
    )


# Words that make a date an event's: what will happen, what is due, when something starts or ends.
_EN_EVENT_WORDS = re.compile(
    r"\b(?:will|shall|must|should|until|till|through|before|after|effective|deadline|due|starting|starts|"
    r"begins?|from|expires?|extended|postponed|delayed|scheduled|held|between|during|since|ago|"
    # What opens or closes on a date, and what must be applied for by it.
    r"opens?|opening|closes?|closed|closing|reopens?|reopening|apply|applications?|registration|"
    # A rule's commencement (cues.EN_IN_FORCE, and its other tenses): "takes effect on", "comes into operation
    # on", "in force from", "commences on" (the phrases only: "Police Force", "Task Force" sign with their date;
    # "commencing" is _EN_START_WORDS').
    rf"{EN_IN_FORCE}|(?:taking|taken) effect|(?:came|coming) into (?:force|effect)|(?:comes?|came|coming) into "
    r"operation|in force|commenc(?:e|es|ed|ement))\b",
    re.IGNORECASE,
)
# A change's or a week's start before its date ("As of 1 April 2024, …", "Week commencing 8 April 2024"); after
# a dateline's date it opens the next sentence ("3 May 2024 As of today, …") and dates nothing.
_EN_START_BEFORE = re.compile(rf"\b(?:{_EN_START_WORDS})\b", re.IGNORECASE)
# A date the sentence goes on to tell the future of ("On 20 April 2024 the road will be resurfaced"): a few
# words (no report's "that", no past participle: "the Board agreed that fees will …" dates the decision) then
# "will", "shall", "is to", "are to". Words and blanks are disjoint, so each gap splits one way (linear).
_EN_FUTURE_AFTER = re.compile(
    r",?[ \t]+((?:[A-Za-z'’-]+[ \t]+){0,5}?)(?:will|shall|is[ \t]+to|are[ \t]+to)\b"
)
_EN_NOT_FUTURE_GAP = re.compile(r"\b(?:that|\w+ed)\b", re.IGNORECASE)


# "On" (and a weekday) right before a date: the date is its clause's time ("On 9 August 2025 the towpath will
# close"), not a dateline's, which a new sentence may follow ("Updated 3 May 2024 the bridge will stay closed"):
# only an "On" opening its sentence or line ("Last updated on 4 March 2024 the table will …" is a dateline's).
_EN_ON_BEFORE = re.compile(
    rf"(?<![^\n.!?;:])[ \t]*on[ \t]+(?:{_EN_DAY},?[ \t]+)?(?:the[ \t]+)?$",
    re.IGNORECASE,
)


def _future_after(folded: str, start: int, end: int) -> bool:
    """Whether the words after a date (from `start` to `end`) tell what will happen on it: "On <date> … will"."""
    if not _EN_ON_BEFORE.search(folded, max(0, start - 24), start):
        return False
    m = _EN_FUTURE_AFTER.match(folded, end)
    return m is not None and not _EN_NOT_FUTURE_GAP.search(m.group(1))


_EARLY = 200
# An invitation to an event the sentence sets on its first date ("Join us on 12 March 2026 for …", "Attend our
# information session on …", "are invited to a briefing on …"): the event's day, not the page's. Only the inviting
# verb next to the date, in its clause: "join us" or "attend" with the event's article, "invite(d) … to" or
# "invitation to", then at most six words (no comma, no stop) and "on" right before the date. "The council, which
# invited tenders last year, on 3 March 2026 awarded …" and "Those who attend were told at the meeting on …" date
# what the notice reports. Words and blanks are disjoint and every repeat is bounded: linear.
_EN_INVITATION = re.compile(
    r"\b(?:join(?:ing)?[ \t]+us|attend(?:ing)?(?=[ \t]+(?:our|the|a|an|this|its)[ \t])"
    r"|invit(?:e|es|ed|ing)[ \t]+(?:[a-z]+[ \t]+){0,3}?to|invitation[ \t]+to)"
    r"(?:[ \t]+[\w'’-]+){0,6}?[ \t]+on[ \t]+(?:[a-z]+day,?[ \t]+)?(?:the[ \t]+)?\Z",
    re.IGNORECASE,
)
# "by" makes a date a deadline right before it ("by March 20, 2020"), not in a byline ("By Jane Doe March 13, 2020").
_EN_BY_DATE = re.compile(rf"\bby\s+(?:(?:the\s+)?end\s+of\s+)?(?:{WEEKDAY},?\s+)?$", re.IGNORECASE)


def _early_date(sentences: Sequence[Sentence]) -> dt.date | None:
    """An English page's first dated words, when they sit in its first lines and no event is in sight."""
    for s in sentences:
        if s.start >= _EARLY:
            break
        for hit in find_dates(s.folded, None):
            if s.start + hit.start >= _EARLY:
                break
            if (
                hit.explicit_year
                and not _ranged(s.folded, hit.end, hit.date.year)
                and not _EN_EVENT_WORDS.search(s.folded[: hit.end + 6])
                and not _EN_BY_DATE.search(s.folded[: hit.start])
                and not _EN_INVITATION.search(s.folded, 0, hit.start)
                and not _event_field(s.folded[: hit.start])
                and not _EN_START_BEFORE.search(s.folded[: hit.start])
                and not _future_after(s.folded, hit.start, hit.end)
            ):
                return hit.date
            return None  # the first date names an event: later ones are no safer
    return None
