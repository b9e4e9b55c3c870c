"""A notice's own document number: Chinese numbers in every bracket style, serial and order numbers; English via docno_en."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.dates import MINGUO_ERA, fullwidth_to_ascii
from bot.summarize.chrome import is_furniture
from bot.summarize.docno_en import en_doc_number
from bot.summarize.lang import Lang, fold
from bot.summarize.names_zh import ORG_END

# 国办发〔2023〕11号 and its bracket variants: 〔〕 [] ［］ () （） 【】 and the „‟ seen on re-posted pages.
# The issuer's abbreviation is possessive ({1,10}+): what follows it never starts with a Han character, so giving
# characters back never makes a match, and trying that at every Han character of a text tripled the scan.
# 號 is 号 in traditional characters ("東府辦〔2024〕7號"): the number is given as written.
_DOC_NO = re.compile(
    r"([\u4e00-\u9fff]{1,10}+)\s*[〔\[［(（【„﹝]\s*((?:19|20)\d{2})\s*[〕\]］)）】‟﹞]\s*(第?\s*\d{1,4}\s*[号號])"
)
# What follows the issuer's abbreviation, from the bracket on: it opens with a bracket, which sre skips to.
_DOC_NO_CORE = re.compile(r"[〔\[［(（【„﹝]\s*(?:19|20)\d{2}\s*[〕\]］)）】‟﹞]\s*第?\s*\d{1,4}\s*[号號]")
# At most this many Han characters before the bracket (_DOC_NO's {1,10}+).
_DOC_NO_REACH = 10


def _doc_numbers(text: str) -> Iterator[re.Match[str]]:
    """_DOC_NO.finditer(text), the costly pattern tried only right before a bracketed year and serial.

    Each match ends with such a core, and starts at most _DOC_NO_REACH Han characters before the blanks
    before it; cores never overlap (none holds an opening bracket). A core with no match before it is
    passed; one with a match ends it, so the search resumes where finditer would.
    """
    done = scan = 0
    while (core := _DOC_NO_CORE.search(text, scan)) is not None:
        blanks_from = done + len(text[done : core.start()].rstrip())
        m = _DOC_NO.search(text, max(done, blanks_from - _DOC_NO_REACH), core.end())
        if m is not None:
            yield m
            done = m.end()
        scan = core.end()


# Announcements and orders are numbered by year and serial: 海关总署公告2020年第16号, 交通运输部令2019年第1号.
_ZH_SERIAL_NO = re.compile(r"([\u4e00-\u9fff]{2,20}(?:公告|令))\s*(\d{4}\s*年\s*第\s*\d{1,4}\s*号)")
# Orders are numbered by serial alone: 国务院令第732号, 某省人民政府令第250号, the red header "…国务院令\n第715号".
# Only as a header, at a line's start: in a sentence ("…条例》（国务院令第376号）") it cites another document.
# A serial: "第715号" (_ZH_ORDER_NO, _ZH_SERIAL_LINE).
_NTH_NO = r"第[ \t]*\d{1,4}[ \t]*号"
_ZH_ORDER_NO = re.compile(rf"(?m)^[ \t]*([\u4e00-\u9fff]{{2,20}}令)[ \t]*\n?[ \t]*({_NTH_NO})")


# A numbered kind's page title ("某某市公安局通告", "某某市人民政府令") over its serial, the text's first line
# ("（2023年第1号）", "第12号"): the page split the header "某某市公安局通告\n（2023年第1号）" at the title.
# A title "关于…的通告" names a matter, not a numbered kind's issuer; nor does one whose kind follows no body's
# name ("停水通告", "招聘公告"): only a body numbers its 通告/公告/令.
_ZH_SERIAL_TITLE = re.compile(rf"(?:(?!关于|的)[\u4e00-\u9fff]){{1,20}}{ORG_END}(?:公告|通告|令)")
_ZH_SERIAL_LINE = re.compile(rf"[（(]?\s*((?:\d{{4}}\s*年\s*)?{_NTH_NO})\s*[)）]?")


def _serial_line(title: str, text: str) -> str | None:
    """The serial on the text's first line (past a repeated title), as "2023年第1号"; None if it is not one."""
    lines = [line for line in text[:300].split("\n") if line.strip()][:2]
    if lines and lines[0].strip() == title.strip():
        lines = lines[1:]
    m = _ZH_SERIAL_LINE.fullmatch(lines[0].strip()) if lines else None
    return "".join(m.group(1).split()) if m else None


def find_doc_number(title: str, text: str, lang: Lang = "zh") -> str | None:
    """The notice's own document number: the title's, else the first one in the text that is not cited.

    Chinese numbers in any bracket style (国办发〔2019〕3号, [2009], （2023）); English release numbers
    (IR-2026-44, C19-05, 17-919-NAT) from the title, a "Release Number:" label or a line of their own.
    """
    if lang == "en":
        found = en_doc_number(title, text)
        if found:
            return found
    # Full-width digits (国办发〔２０２３〕１１号) are read, and given, as ASCII digits: one spelling to search.
    title = fullwidth_to_ascii(title)
    text = fullwidth_to_ascii(text[:5000])
    m = next(_doc_numbers(title), None)
    if m:
        return _format_doc_no(m)
    for source in (title, text[:300]):
        # Both numbers end in 第…号: a text without either holds neither.
        if "第" not in source or "号" not in source:
            continue
        serial = _ZH_SERIAL_NO.search(source) or _ZH_ORDER_NO.search(source)
        if serial:
            return "".join(serial.group(0).split())
    if (kind := _ZH_SERIAL_TITLE.fullmatch(title.strip())) and (serial_line := _serial_line(title, text)):
        return "".join(kind.group(0).split()) + serial_line
    running: str | None = None
    # A forwarding notice quotes the forwarded document, its number on a line of its own, after the clause that
    # forwards it ("现将《…》转发给你们" / "转发…"): that number is the other document's.
    # The clause stands in the body, after the salutation; a title above it says 转发 or 印发《…》 of itself.
    # Where the body and a forwarded document begin matter only for a number on its own line: searched for
    # at the first one (the salutation's scan tries a line's every field label at each line of the text), not
    # for the many texts without one (every English text, most Chinese ones).
    bounds: tuple[int, int] | None = None
    for m in _doc_numbers(text):
        if _ZH_DOC_NO_LABEL.search(text, max(0, m.start() - 12), m.start()):
            return _format_doc_no(m)  # "发文字号：县教发〔2024〕3号" names its own number
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        if not text[line_start : m.start()].strip() and not text[m.end() : line_end].strip():
            if bounds is None:
                bounds = _body_bounds(text)
            body_from, forwarded_from = bounds
            # GB/T 9704: the 发文字号 stands on its own line under the title; a page may move it further down
            # (a field at the foot), below numbers the text cites. In the body, a number on its own line that
            # heads another document (a salutation follows it) is that document's, as is any but a foot
            # field's after a clause that forwards one.
            if m.start() < body_from:
                return _format_doc_no(m)
            heads = _ZH_SALUTATION.search(text[line_end : line_end + 200]) is not None
            foot = text.count("\n", line_end, len(text.rstrip())) < 3
            if not heads and (m.start() < forwarded_from or foot):
                return _format_doc_no(m)
            continue
        if running is not None:
            continue
        before = text[max(0, m.start() - 2) : m.start()]
        # "《…》(国办发〔2009〕3号)" or "根据…〔…〕号" cite another document; the citing word may be run into
        # the Han characters before the number's own abbreviation ("要按照市办发〔2027〕14号").
        if "》" in before or "〉" in before:
            continue
        number = _format_doc_no(m)
        if _cited(text, max(line_start, m.start() - 40), m.end() - len(number), m.end()):
            continue
        running = number
    # Taiwan's 發文字號 is read only where no bracketed number was: a number the text states in the usual shape
    # is never overridden.
    return running if running is not None else _word_number(title, text)


# Taiwan's documents number themselves "X字第N號" (發文字號), on a line of their own in the header block, maybe
# labelled ("發文字號：東市教字第1130001234號") and spaced out to the column ("東 工 會 字 第…號"); read folded.
# In a sentence ("以某某字第…號公告") such a number cites another document, and so does one on a line of its own
# that a sentence wraps onto ("復貴校…\n某某字第…號\n函。"), one under a label or a list's lead-in ("依據：",
# "核定文號如下：") and one below the header block.
# The labels a document number goes under, read folded: "发文字号：", "文号：", "字号：".
_DOC_NO_LABEL_WORDS: str = "发文字号|文号|字号"
_ZH_WORD_NO = re.compile(
    r"^[ \t]*(?P<label>(?:"
    + _DOC_NO_LABEL_WORDS
    + r")[ \t]*:[ \t]*)?(?P<number>(?:[\u4e00-\u9fff][ \t]*){1,10}?字[ \t]*第[ \t]*\d{1,12}[ \t]*号)"
    r"[ \t]*$",
    re.MULTILINE,
)
# The header block: the title, the kind, the date and number lines.
_WORD_NO_REACH = 400
# Once the body has opened (its 主旨 or 說明, a citation's 依據/根據/參考, a list's lead-in), a number is no header's.
# Words that cite the number or document after them, read folded: "为贯彻某府发〔…〕号文件精神", "依據…".
_CITING_WORDS: tuple[str, ...] = ("根据", "按照", "依据", "依照", "遵照", "贯彻", "传达", "转发", "落实")
_HEADER_ENDED = re.compile("|".join(("主旨", "说明", "参考", "如下", *_CITING_WORDS)))
# The kind of document on a line of its own, as a Taiwan header sets it ("通 告", "函", "開會通知單"), read folded
# with its blanks removed: a short line ending in the kind's word.
_ZH_KIND_LINE = re.compile(r"[\u4e00-\u9fff]{0,8}(?:通告|公告|通知|通知单|函|令)")
# A header field with its value: "發文日期：中華民國…", "受文者：各會員", "速別：普通件".
_ZH_FIELD_NAME = r"发文日期|受文者|速[别別]|密等[\u4e00-\u9fff]{0,12}"
_ZH_HEADER_FIELD = re.compile(rf"(?:{_ZH_FIELD_NAME}):.")
# A date alone, as a header states it (in figures or numerals, maybe in the Minguo era), blanks removed.
_ZH_DATE_LINE = re.compile(
    rf"(?:{MINGUO_ERA})?[\d〇零一二三四五六七八九十百]{{2,6}}年[\d〇一二三四五六七八九十]{{1,3}}月[\d〇一二三四五六七八九十]{{1,3}}日"
)
# What a header sets under its number, read folded with blanks removed: the next field ("速別：普通件", "附件："),
# or the body's opening (主旨, 說明, or a 通告's first point "一、依據…"). Any other line may be a sentence the number
# was wrapped out of ("…\n某某字第…號\n核定本縣…").
_ZH_AFTER_NUMBER = re.compile(rf"(?:{_ZH_FIELD_NAME}|附件):|(?:主旨|说明)(?::|$)|[一1][、.](?!\d)")


def is_kind_line(line: str) -> bool:
    """A line naming the document's kind alone ("通 告", "公告"), as a header sets it."""
    bare = "".join(fold(line).split())
    return len(bare) <= 10 and _ZH_KIND_LINE.fullmatch(bare) is not None


def is_word_number_line(line: str) -> bool:
    """A line that is nothing but a Taiwan document number ("東市教字第1130012345號"), maybe labelled."""
    return "字" in line and _ZH_WORD_NO.fullmatch(fold(line.strip("\n"))) is not None


def _header_line(line: str, bare_title: str) -> bool:
    """A line that a header block holds above its number: the title, the kind, a date, a field with its value.
    Both folded (_word_number folds the head and the title once), the title without blanks."""
    bare = "".join(line.split())
    return (
        bare == bare_title
        or is_kind_line(line)
        or _ZH_DATE_LINE.fullmatch(bare) is not None
        or _ZH_HEADER_FIELD.match(bare) is not None
    )


def _header_ended(line: str, bare_title: str, *, first: bool) -> bool:
    """Whether a line above a number shows the body has opened: a line that starts with 主旨, 說明, a citation's
    word or a lead-in, or any other line holding one, but for the title (the text's first line or the one given)
    and the header's own lines: a title may hold 說明 or 參考 ("某某工會會員說明會通知")."""
    bare = "".join(line.split())
    if _HEADER_ENDED.match(bare):
        return True
    if first or _header_line(line, bare_title):
        return False
    return _HEADER_ENDED.search(bare) is not None


def _word_number(title: str, text: str) -> str | None:
    """Taiwan's 發文字號 on a line of its own: labelled as one, or in the header block, right under one of its
    lines (the kind, a date, a field) or first in the text, or under the title, and right over another (a field,
    a date, 主旨, 說明 or the first point)."""
    head = text[:_WORD_NO_REACH]
    if "字" not in head:
        return None
    folded = fold(head)
    if (word := _ZH_WORD_NO.search(folded)) is None:
        return None
    number = "".join(head[word.start("number") : word.end("number")].split())
    if word.group("label"):
        return number
    above = [line for line in folded[: word.start()].split("\n") if line.strip()]
    bare_title = "".join(fold(title).split())
    # A loop, not any(…): compiled, any over a generator builds the whole list first.
    for k, line in enumerate(above):
        if _header_ended(line, bare_title, first=k == 0):
            return None
    if above and not _header_line(above[-1], bare_title):
        return None
    # The next line from the whole text: the header block may run past its reach.
    rest = fold(text[word.end() : word.end() + 200]).split("\n")
    below = next(("".join(line.split()) for line in rest if line.strip()), "")
    if _ZH_AFTER_NUMBER.match(below) is None and _ZH_DATE_LINE.fullmatch(below) is None:
        return None
    return number


def _body_bounds(text: str) -> tuple[int, int]:
    """Where the body starts (its salutation) and where, after that, a clause forwards another document; the
    text's length for either that is not there."""
    # A page's share bar ("分享到：") ends with a colon as a salutation does: it is no salutation.
    salutation = next(
        (m for m in _ZH_SALUTATION.finditer(text) if not is_furniture(m.group(0).strip())), None
    )
    body_from = salutation.start() if salutation else len(text)
    forwarding = _ZH_FORWARDING.search(text, body_from)
    return body_from, forwarding.start() if forwarding else len(text)


# Words that cite the number after them (_CITING_WORDS), read folded: "为贯彻某府发〔…〕号文件精神", "遵照…".
_ZH_CITING_NO = re.compile("|".join(_CITING_WORDS))
# 现将 hands on what its verb says: "现将某府发〔…〕号文件精神传达如下" cites that number, "现将…方案（某府发〔…〕
# 号）印发给你们" issues the notice's own.
_ZH_HANDED_ON = re.compile(r"转发|传达")
# Where a sentence ends, read folded: a citing word before it belongs to another sentence.
_ZH_SENTENCE_END = re.compile(r"[。;!\n]")


def _cited(text: str, start: int, prefix_at: int, end: int) -> bool:
    """Whether a number whose prefix starts at prefix_at is cited by a word of its own sentence before it (from
    start on) or by 现将 with a verb after it that hands another document on."""
    before = fold(text[start:prefix_at])
    # The sentence's last end before the number: the words past it are the number's sentence.
    ends = [stop.end() for stop in _ZH_SENTENCE_END.finditer(before)]
    before = before[ends[-1] :] if ends else before
    if _ZH_CITING_NO.search(before):
        return True
    if "现将" not in before:
        return False
    after = fold(text[end : end + 60])
    stop = _ZH_SENTENCE_END.search(after)
    return _ZH_HANDED_ON.search(after, 0, stop.start() if stop else len(after)) is not None


# The label of a 发文字号 field ("发文字号：", "文号:"), right before the number.
_ZH_DOC_NO_LABEL = re.compile(r"(?:" + _DOC_NO_LABEL_WORDS + r")\s*[:：]?\s*$")
# A clause that forwards or hands on another document: "转发…", "现将《…》", "印发《…》".
_ZH_FORWARDING = re.compile(r"转发|(?:现将|印发|下发)[^。\n]{0,20}?《")
# The salutation that opens a notice's body: "各学校：", "各区县教育局、局属各单位：".
_ZH_SALUTATION = re.compile(
    r"(?:^|\n|\s)各[^\n：:。，]{1,40}[：:]"
    # "北京、天津…人民政府：", "县政府有关部门：" on a line of its own (not a field label such as "发文字号：").
    r"|(?:^|\n)(?![^\n]*(?:字号|文号|日期|时间|索引号|来源|标题|分类|附件|联系人|电话|地址|邮箱|抄送|主题词)\s*[：:]\s*\n)[^\n。：:]{2,120}[：:][ \t]*(?=\n)"
)
# Words no issuer's abbreviation holds: where the words before a number run into it, the prefix starts after
# the last of them ("…的通知", "要按照国办发…", "现将国办发…").
_NOT_IN_PREFIX: tuple[str, ...] = (
    "通知",
    "的",
    "》",
    "号",
    *_CITING_WORDS,
    "印发",
    "要",
    "将",
    "和",
    "及",
    "与",
)


def _format_doc_no(m: re.Match[str]) -> str:
    prefix = m.group(1)
    # The Han run before the bracket may start inside the preceding words; keep the usual prefix shape.
    # The words are sought folded ("轉發", "根據" in traditional characters), the prefix kept as written.
    folded = fold(prefix)
    for cut in _NOT_IN_PREFIX:
        if cut in folded:
            at = folded.rindex(cut) + len(cut)
            prefix, folded = prefix[at:], folded[at:]
    raw = m.group(0)[m.group(0).index(m.group(1)) + len(m.group(1)) - len(prefix) :]
    return "".join(raw.split())
