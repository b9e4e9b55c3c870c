"""The sign-off block of an official document (GB/T 9704): the issuing body's name, then the date, at the end.

The block closes the body; what follows it is an annex (附件) or a re-post's furniture. Its name is the
issuer as the document itself writes it, and its date is the 成文日期 (the document's date).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.dates import MINGUO_ERA, compact_date, find_dates
from bot.summarize.chrome import is_furniture
from bot.summarize.cues import ZH_FULL_DATE, ZH_YEAR_MONTH
from bot.summarize.lang import PINYIN_NOTE, fold
from bot.summarize.sentences import Sentence

__all__ = [
    "CC",
    "CONTACT_LABEL",
    "SUB_UNIT",
    "SignOff",
    "closes_text",
    "date_only",
    "find_signoff",
    "is_addressed",
    "month_signer",
    "signature_tail",
    "signer_name",
    "undated_signer",
]

# A signing body: Han characters (joint bodies separated by spaces or 、), no sentence punctuation.
# A second name in brackets may also stand inside the name: "党委(院长)办公室". A name may quote a contest's or a
# plan's name, a journal's title, hold figures or Latin letters ("第五届“创新杯”大赛组委会", "《某某学报》编辑部",
# "某某市12345热线办公室", "某某大学ACM协会", "某某·某某小区物业服务中心"): read so on a name's own line only
# (_ZH_NAME_ODD), without a sentence's, a date's or an address's words.
# What a signing body's name ends with (a body's word), maybe a second name in brackets after it.
_ZH_NAME_END = (
    r"(?:部|厅|局|委|会|院|办|室|处|府|中心|小组|公司|学校|大学|学院|银行|署|站|所|队|党组|党委|政府|机制|组|馆|台|司|"
    r"海关|中学|小学|幼儿园|专班|集团|社区|机场|街道|镇|乡|村|物业|银行|分行|支行|"
    # A school's department or section, a firm's works: signers above a date line, where the words cannot
    # end some other word ("计算机系", "教务科", "出版社", "某某制药厂", "某某林场").
    r"系|科|社|厂|场|校|联盟|基地|车间|"
    # A Party or League branch above its cells, a troupe or delegation (three characters at least: "李团" is a
    # person), an agency: "某某学院团总支", "某某艺术团", "某某采购代理机构".
    r"总支|(?<=[\u4e00-\u9fff]{2})团|机构|"
    # Central and mass bodies: "中共中央", "共青团中央", "全国妇联", "中国科协", "国家防总", "某县政协".
    r"中央|联|科协|防总|政协|人大|公署|监狱|"
    # A county's numbered school: "某某县一中", "某某市二中".
    r"[一二三四五六七八九十]中)"
    # A body that carries a second name in brackets: "党委学生工作部（学生处）", "某县委宣传部（县新闻办）".
    r"(?:[（(][\u4e00-\u9fff]{1,12}[)）])?$"
)
# Matched on the folded line (lang.fold): a traditional name ends as a simplified one does ("某某縣人民政府辦公廳"
# ends in 厅). A mirror's pinyin after a character ("某某燃氣供應(yīng)中心") stays inside the name, as written.
_PINYIN = re.compile(PINYIN_NOTE)
_ZH_NAME = re.compile(
    r"^[\u4e00-\u9fff](?:[\u4e00-\u9fff、 ]|[（(][\u4e00-\u9fff]{1,8}[)）](?=[\u4e00-\u9fff])"
    rf"|{PINYIN_NOTE}(?=[\u4e00-\u9fff])){{0,40}}" + _ZH_NAME_END
)
_ZH_NAME_ODD = re.compile(
    r"^(?:[\u4e00-\u9fff]|“[^”\n]{1,12}”|《[^》\n]{1,20}》)(?:[\u4e00-\u9fff、 ]|[（(][\u4e00-\u9fff]{1,8}[)）]"
    r"(?=[\u4e00-\u9fff])|“[^”\n]{1,12}”|《[^》\n]{1,20}》|[0-9A-Za-z+·]){0,40}" + _ZH_NAME_END
)
# An English signature or letterhead line: capitalised words ending with a body's word.
_EN_NAME = re.compile(
    r"^(?:The )?(?:[A-Z][\w.&'’-]*\s+|(?:of|the|for|and|on)\s+){0,8}"
    r"(?:Department|Ministry|Office|Bureau|Administration|Agency|Commission|Council|Authority|Board|Service|"
    r"Officer|Committee|Secretariat|Government|Cabinet|Center|Centre)(?:\s+(?:of|the|for|and|on|[A-Z][\w.&'’-]*))*$"
)
# Internal units (a university's 教务处, a bureau's 办公室) sign under their parent's name line.
# The seal's place beside or under the name ("某县教育局（盖章）", a line "（公章）"): not part of the name.
# An office may sign for its body with the body's seal: "某县防汛抗旱指挥部（代章）".
_SEAL = re.compile(r"\s*[(（]\s*(?:盖章|公章|印章|签章|代章|章|印|seal|stamp)\s*[)）]\s*$", re.IGNORECASE)
# A letter's courtesy after the signer's name, as Taiwan's and Hong Kong's notices sign ("某某公司工會 敬啟",
# "某某委員會謹啟"): not part of the name. Read on the folded line's end (a test, not a search: linear).
_COURTESY = ("敬启", "谨启", "敬上", "谨上")


# Words of a letter's closing sentence before the courtesy ("感謝各位支持本會 謹上"): the line is no name.
_THANKS = re.compile(r"感谢|谢谢|感恩|各位|大家|您|敬祝|祝")


def _bare_name(line: str) -> str:
    """A name line without its seal note and its courtesy ("敬启"), blanks collapsed; empty where what stands
    before the courtesy is a sentence."""
    name = _SEAL.sub("", " ".join(line.split()))
    if fold(name[-2:]) in _COURTESY:
        name = name[:-2].rstrip()
        folded = fold(name)
        if _SENTENCE_WORDS.search(folded) or _THANKS.search(folded):
            return ""
    return name


# A unit's name is short ("教务处", "办公室"); "某县人民政府办公室" is a body of its own.
SUB_UNIT = re.compile(r"^[\u4e00-\u9fff]{1,5}(?:处|科|室)$")
# 元 as in 元月 (January): "2023年元月5日".
# A Minguo date opens with its era: "中華民國113年6月3日", "民國一百一十三年六月三日" (bot/dates.py reads it).
_DATE_LINE = re.compile(rf"^(?:{MINGUO_ERA})?[\s\d〇零○Ｏ一二三四五六七八九十百元年月日号./\-,A-Za-z]+$")
_DATE_LABEL = re.compile(r"^\s*(?:日期|时间|落款日期|签发日期)\s*:\s*")
_WEEKDAY_TAIL = re.compile(r"\s*\(?\s*(?:星期|礼拜|周)[一二三四五六日天]\s*\)?\s*$")
# A page may stamp the date line with the time or the act: "2024年2月1日 18:00", "2024年2月1日印发".
_TIME_TAIL = re.compile(r"(?<=[日号\d])\s*(?:\d{1,2}:\d{2}(?::\d{2})?|印发|发布)\s*$")
# A line the layout puts between the name and the date: "（此页无正文）" under a seal page.
# Words of a sentence, not of a body's name ("材料报送至县教育局2023年12月18日" is a sentence with a date).
# "详见学院", "由学生会", "截止日期为", "联系电话" and "参加" read a sentence's pointer, agent or event too.
# 见 and 为 only as a sentence's phrases: a name may hold them ("为民服务中心", "见义勇为基金会", "见习医院").
_SENTENCE_WORDS = re.compile(
    r"[至到向给请要将于在把被由]|详见|参见|请见|见附件|为准|为期|作为|为止|报送|提交|交由|参加|截止|电话"
)
# The note on publication under a sign-off: "（此件公开发布）", "（此件主动公开）"; a re-poster's note on the text
# after its date ("二〇〇四年八月十二日（本文有删减）").
_PUBLIC_NOTE = re.compile(
    r"\s*\(\s*(?:此件[\u4e00-\u9fff]{2,8}|(?<=[日号]\()本文有删减|(?<=[日号]\()有删减)\s*\)\s*$"
)
_NO_TEXT = re.compile(r"^\s*[(（]\s*此页无正文\s*[)）]\s*$")
# A date in figures closing a line: "2010-9-13", "2010.09.13", "2010/9/13".
# A flattened page may run it into the name ("信息管理中心2010-9-13").
_NUMERIC_DATE_END = re.compile(r"(?:\s|(?<=[\u4e00-\u9fff]))(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}\s*$")
_MAX_NAME = 40
_MAX_DATE_LINE = 24
# A date line with its weekday ("2023年12月18日（星期一）") or time ("2024年2月1日 18:00") still beside it.
_MAX_DATED_LINE = 2 * _MAX_DATE_LINE


@dataclass(frozen=True, slots=True)
class SignOff:
    """Where the sign-off is (index of its date line), the body that signed, the date, and the offset in the text
    where the block starts: its first name line, its one line when name and date run together, its date line
    when no name stands above it."""

    index: int
    issuer: str | None
    date: dt.date
    start: int


def date_only(s: Sentence) -> dt.date | None:
    """The date of a line that is nothing but a full date ("2031年5月6日", "二〇三一年五月六日")."""
    # The date may be labelled or carry its weekday: "日期：2023年5月8日", "2023年5月8日（星期一）".
    folded = s.folded
    if len(folded) > _MAX_DATE_LINE:
        # A page pads the date line inside ("2024年1月5日" and 40 spaces before "（星期五）"): the runs of spaces
        # count as one for the length tests below (split and join are linear).
        folded = " ".join(folded.split())
    if not folded.isascii():
        folded = _DATE_LABEL.sub("", folded)
        if len(folded) > _MAX_DATED_LINE:
            return None  # no date line, and _WEEKDAY_TAIL's search backtracks on a long run of spaces
        folded = _WEEKDAY_TAIL.sub("", folded)
    if ":" in folded or "发" in folded:
        folded = _TIME_TAIL.sub("", folded)
    if len(folded) > _MAX_DATE_LINE or not _DATE_LINE.match(folded):
        return None
    if folded[-1:].isdigit() and (compact := compact_date(folded)) is not None:
        # The date in ISO 8601's basic form, as some pages print a sign-off's date ("20141210"); find_signoff
        # reads it only closing the text (closes_text).
        return compact
    hits = find_dates(folded, None)
    if len(hits) == 1 and hits[0].explicit_year:
        rest = folded[: hits[0].start] + folded[hits[0].end :]
        if len(rest.strip(" ,.")) <= 2:
            return hits[0].date
    return None


# What a crawl leaves of HTML spacing entities beside a name ("国务院办公厅 &sp;", "&nbsp;", "&#160;").
_ENTITY = re.compile(r"&#?[A-Za-z0-9]{1,8};?")


# A flattened page runs an attachment's link into the name under it: "附件：某某办法.docx校工会".
_ATTACHMENT_LINK = re.compile(
    r"^\s*附件\s*\d?\s*[:：]?.*?\.(?:docx?|xlsx?|pdf|wps|zip|rar|pptx?|txt)", re.IGNORECASE
)


# A figure with a date's or a time's unit ("1月10日前报教务处"); 届 (a class's year) and 号 in a name's serial are not.
_DATE_PIECE = re.compile(r"\d\s*[年月日时点]")
# A prize's or an honour's words: a caption "“挑战杯”竞赛优秀组织单位 某某学院团委" names an honoured unit. 先进 only
# as an honour's title (先进集体): alone it names bodies too ("某某市5G先进制造研究院").
_PRIZE = re.compile(r"[奖获]|优秀|先进(?:集体|个人|单位|工作者)|表彰|荣誉|单位 ")
# An address's numbers: "某某路88号某某大厦3楼办公室", "B栋101室".
_ADDRESS = re.compile(r"\d\s*(?:号|楼|层|室|栋|幢|单元)|[路街巷弄道]\s*\d|[A-Za-z]\s*[栋幢座区]")


# An invitation or a request left without its full stop above a date ("欢迎同学们报名参加学校艺术团", "请将材料
# 报送至某某机构") is a sentence that ends in a body's word, not the body signing: no body's name holds these verbs.
_INVITES = re.compile(r"欢迎|参加|加入|报送|请将")


# A table's label row over the signer ("负责科室", "责任处室"): a generic word for a unit, never a unit's name.
_UNIT_WORD = re.compile(r"(?:科室|处室)$")


def signer_name(s: Sentence, lang: str) -> str | None:
    """The signing body a line names alone, or None."""
    raw, entities = _ENTITY.subn(" ", s.text) if lang == "zh" and "&" in s.text else (s.text, 0)
    if lang == "zh" and "附件" in raw:
        raw = _ATTACHMENT_LINK.sub("", raw)
    text = _bare_name(raw) if lang == "zh" else _SEAL.sub("", " ".join(raw.split()))
    # A name line is a heading; one that ended in an entity's ";" is read as a sentence, the name alone is not.
    if not (s.heading or entities) or len(text) > _MAX_NAME or not text:
        return None
    if lang == "zh":
        # Matched folded (traditional names end as simplified ones do), given as written.
        folded = fold(text)
        # A mirror's pinyin inside an invitation ("請(qǐng)將材料…") hides none of its words.
        plain = _PINYIN.sub("", folded) if "(" in folded else folded
        if (
            _UNIT_WORD.search(plain)
            or _INVITES.search(plain)
            or (plain != folded and _SENTENCE_WORDS.search(plain))
        ):
            return None
        if _ZH_NAME.match(folded):
            return text
        # A line with quotes, figures or Latin letters is a name only without a sentence's or a date's words,
        # nor a prize's or an honour's: a photo's caption ("“挑战杯”竞赛一等奖获奖团") names the winners, not a signer.
        if not _ZH_NAME_ODD.match(folded) or (
            _SENTENCE_WORDS.search(folded)
            or _DATE_PIECE.search(folded)
            or _ADDRESS.search(folded)
            or _PRIZE.search(folded)
        ):
            return None
        return text
    return text if _EN_NAME.match(text) else None


def _person_like(name: str) -> bool:
    """Whether a name line ending in a unit's word is two characters, as a person's name is ("李科", "王处"): a
    unit's name has three or more ("教务处", "财务科")."""
    return len(name) == 2 and SUB_UNIT.search(name) is not None


def find_signoff(sentences: Sequence[Sentence], lang: str) -> SignOff | None:
    """The first sign-off block: a body's name line then a date line, or both on one line."""
    for i, s in enumerate(sentences):
        if i == 0:
            continue
        if not s.heading:
            # A flattened page runs the block into the closing sentence ("…特此通知。某县教育局2023年12月18日"):
            # the paragraph's last sentence after a full stop, read only as a name and a date on one line.
            if (
                lang == "zh"
                and _run_in(sentences, i)
                and (found := _one_line(s, i))
                and not _SENTENCE_WORDS.search(issuer_folded := fold(found.issuer or ""))
                and _RUN_IN_BODY.search(issuer_folded)
            ):
                return found
            continue
        date = date_only(s)
        if date is not None and (
            # Eight figures alone on a line are a sign-off's date only closing the text, with no other such
            # date above it: a flattened table's IDs or dates ("计算机学院\n20210315\n张三") are not. A phone
            # number above (no date) or an annex's student IDs below do not count.
            (
                compact_date(s.folded) is not None
                and not (closes_text(sentences, i) and i <= _first_compact(sentences))
            )
            # The imprint under the cc line (GB/T 9704 版记: "某县教育局办公室\n2024年5月8日印发") dates the
            # printing by the office that printed it, not the document.
            or (s.folded.rstrip().endswith("印发") and _under_cc(sentences, i))
        ):
            continue
        if date is not None:
            above = i - 1
            if above > 0 and (
                _SEAL.fullmatch(sentences[above].text)
                or _NO_TEXT.match(sentences[above].text)
                or not _ENTITY.sub("", sentences[above].text).strip()
            ):
                # The seal, a layout note or a crawl's spacing entity ("&nbsp;") on a line between name and date.
                above -= 1
            name = signer_name(sentences[above], lang)
            if (
                name is not None
                and lang == "zh"
                and above > 1
                and _person_like(name)
                and (upper := signer_name(sentences[above - 1], lang)) is not None
            ):
                # "某某大学\n教务处\n李科": a two-character line under a name line is the person who signs (a
                # surname and a given name), not a unit; the body is the name above it.
                above -= 1
                name = upper
            if name is not None:
                # Joint documents are signed by several bodies, one per line above the date.
                names = [name]
                first = above
                units = lang == "zh" and SUB_UNIT.search(name) is not None
                for j in range(above - 1, max(0, above - 5), -1):
                    other = signer_name(sentences[j], lang)
                    if other is None:
                        break
                    if units:
                        if SUB_UNIT.search(other):
                            # "保卫处 / 学生处 / 教务处": units one a line sign jointly.
                            names.insert(0, other)
                            first = j
                            continue
                        if " " not in other and "、" not in other:
                            # "某某大学 / 保卫处": a unit under its parent body is one signer, named as on one
                            # line ("某某大学保卫处"); the parent over several units is each one's.
                            names = [other + unit for unit in names]
                            first = j
                        break
                    names.insert(0, other)
                    first = j
                issuer = "、".join(names) if lang == "zh" else names[-1]
                return SignOff(i, issuer, date, sentences[first].start)
            if lang == "zh" and _closes_body(sentences, above):
                # The name left out (set as a seal image, or dropped by the page): the date under the closing
                # formula or the annex list is still the document's.
                return SignOff(i, None, date, s.start)
            continue
        if lang == "zh" and (found := _one_line(s, i)):
            return found
    return None


# The cc line's words (GB/T 9704 版记: 抄送, 主送, 抄报), maybe spaced out.
CC = r"抄\s*送|主\s*送|抄\s*报"
# A line that opens with them.
_CC_LINE = re.compile(rf"^\s*(?:{CC})")
# What may follow a sign-off (GB/T 9704): the annex list and the annexes, the cc line, the contacts, the note on
# publication, the subject words (主题词, above the cc line in older documents); a page's registration line
# ("京ICP备12345678号", "京公网安备…", "备案号：…").
_AFTER_SIGNOFF = re.compile(
    rf"^\s*[(（]?\s*(?:附\s*件|附\s*[:：]|{CC}|联\s*系|电\s*话|此件|主\s*题\s*词"
    r"|[\u4e00-\u9fff]{0,2}(?:(?i:icp)\s*[备证]|公网安备)|备案)"
)
# The lines above an imprint's date where its cc line stands.
_IMPRINT_REACH = 3


def closes_text(sentences: Sequence[Sentence], i: int) -> bool:
    """Whether line i is the text's last line but what may follow a sign-off (annexes, cc line, contacts)."""
    if i + 1 == len(sentences):
        return True
    nxt = sentences[i + 1]
    return bool(_AFTER_SIGNOFF.match(nxt.text)) or is_furniture(nxt.text)


def _first_compact(sentences: Sequence[Sentence]) -> int:
    """The index of the text's first line that is a compact date alone ("20141210"), len(sentences) if none."""
    return next(
        (j for j, s in enumerate(sentences) if s.heading and compact_date(s.folded) is not None),
        len(sentences),
    )


def _under_cc(sentences: Sequence[Sentence], i: int) -> bool:
    """Whether a cc line (抄送, 主送, 抄报) stands a few lines above line i."""
    return any(_CC_LINE.match(sentences[j].text) for j in range(max(0, i - _IMPRINT_REACH), i))


# A document's closing formula (GB/T 9704 正文 ends): "特此通知。", "此复。", "请遵照执行。".
_CLOSING = re.compile(r"(?:特此[\u4e00-\u9fff]{1,4}|此复|(?:遵照|贯彻|认真)执行|贯彻落实|抓好落实)[。.]?\s*$")


# An annex list under the body: "附件：1.某某表", then "2.某某表" (GB/T 9704 附件说明).
_ANNEX_HEAD = re.compile(r"^\s*附\s*件\s*\d*\s*[:：]")
_ANNEX_ITEM = re.compile(r"^\s*\d{1,2}\s*[.、．]")


def _closes_body(sentences: Sequence[Sentence], above: int) -> bool:
    """Whether sentence `above` ends the body: a closing formula ("特此通知。"), or the annex list after it."""
    if above <= 0:
        return False
    if _CLOSING.search(sentences[above].text):
        return True
    for j in range(above, max(0, above - 6), -1):
        text = sentences[j].text
        if _ANNEX_HEAD.match(text):
            return True
        if not _ANNEX_ITEM.match(text):
            return False
    return False


def _run_in(sentences: Sequence[Sentence], i: int) -> bool:
    """Whether sentence i is a sign-off run into the text: it ends its paragraph after a closing formula, or
    it ends the text after a full stop."""
    s = sentences[i]
    if s.pos == 0 and not _TRAILER.search(s.folded):
        return False
    # What follows in the paragraph may be a trailer the page ran on ("…2024年3月5日抄送：…。联系人：…").
    if i + 1 < len(sentences) and sentences[i + 1].para == s.para and not _TRAILER.search(s.folded):
        return False
    before = sentences[i - 1].text
    # A notice may close with an exclamation ("…请谅解！某某处2013年12月9日").
    return _CLOSING.search(before) is not None or (
        i + 1 == len(sentences) and before.rstrip().endswith(("。", "!", "！"))
    )


# A name run into the text's last sentence is a signer's only if it names an issuing body: a hall, a station
# or a site ("逾期不候！体育馆2024-3-5", "欢迎光临本网站2024-3-5") is where something happens or a page's chrome.
_RUN_IN_BODY = re.compile(
    # A 会 only of a standing body (居委会, 基金会), not an event ("运动会", "音乐会", "交流会", "大会"); no cinema
    # or theatre.
    r"(?:部|厅|局|委|委员会|委会|基金会|红十字会|协会|学会|工会|学生会|商会|联合会|理事会|董事会|研究会|"
    r"(?<![影剧])院|办|室|处|府|中心|小组|公司|"
    r"学校|大学|学院|银行|分行|支行|署|所|队|党组|党委|政府|司|"
    r"海关|中学|小学|幼儿园|集团|社区|街道|镇|乡|村|系|科|校)$"
)
# Words of a page's chrome, never of a signer's name: a greeting, the site, an annex's download link.
_CHROME_WORDS = re.compile(r"欢迎|光临|本网站|附件|下载")


# The suffixes that also end ordinary phrases ("学生返校", "进入考场", "文理分科", "联系"): on a line run into its
# date they name a signer only under a parent body ("某某大学计算机系", "某县教育局基建科").
_LOOSE_END = re.compile(r"(?:系|科|社|厂|场|校|联)$")
_PARENT_BODY = re.compile(r"(?:大学|学院|学校|中学|小学|公司|集团|局|委|厅|部|院|中心).{1,12}$")


def _one_line_name(head: str) -> bool:
    """Whether a name run into its date on one line is a signer's, not a phrase's."""
    return not _LOOSE_END.search(head) or _PARENT_BODY.search(head[:-1]) is not None


# What follows a sign-off's date (GB/T 9704: the annex list, 抄送, a page's fields), run on by a flattened page.
_TRAILER = re.compile(
    rf"(?<=[日号\d])\s*(?:附\s*件|{CC}|联系人|联系电话|信息来源|来源|发布时间|责任编辑|编辑|审核|浏览|点击)"
)


def _one_line(s: Sentence, i: int) -> SignOff | None:
    """Name and date on one line: "某市档案馆 二〇一八年五月六日", "某某中心  2010-9-13" (a publication note after
    them, "（此件公开发布）", aside)."""
    text, folded = s.text, s.folded
    if (trailer := _TRAILER.search(folded)) is not None:
        # A flattened page runs the annex list, the cc line or a page field on after the date.
        text, folded = text[: trailer.start()], folded[: trailer.start()]
    if folded.endswith(")") and (note := _PUBLIC_NOTE.search(folded)):
        text, folded = text[: note.start()], folded[: note.start()]
    # The date's weekday after it ("某县教育局 2023年1月5日（星期四）"); searched on a short line only, where its
    # leading blanks cannot backtrack far.
    if len(folded) <= _MAX_NAME + _MAX_DATED_LINE and (weekday := _WEEKDAY_TAIL.search(folded)):
        text, folded = text[: weekday.start()], folded[: weekday.start()]
    if len(folded) > _MAX_NAME + _MAX_DATE_LINE or (
        not folded.rstrip().endswith(("日", "号")) and not _NUMERIC_DATE_END.search(folded)
    ):
        return None
    hits = find_dates(folded, None)
    if len(hits) == 1 and hits[0].explicit_year and hits[0].end >= len(folded.rstrip()) - 1:
        head = _SEAL.sub("", text[: hits[0].start]).strip()
        if "附件" in head:  # "附件：某某办法.docx校工会2019年8月28日": the annex's link run into the name
            head = _ATTACHMENT_LINK.sub("", head).strip()
        bare = fold(head)
        if (
            head
            and _ZH_NAME.match(bare)
            and len(head) <= _MAX_NAME
            and _one_line_name(bare)
            and not _CHROME_WORDS.search(bare)
        ):
            return SignOff(i, head, hits[0].date, s.start)
    return None


# A sign-off dated by the month alone ("2023年12月", "二〇二三年十二月"), as plans and programmes often are: its
# name is the issuer's, but it gives no day for the document's date.
_MONTH_LINE = re.compile(rf"^\s*{ZH_YEAR_MONTH}\s*$")
_LAST_LINES = 12


def month_signer(text: str) -> str | None:
    """The body signing a text whose sign-off gives a year and month but no day, among its last lines."""
    lines = [ln for ln in text[-600:].split("\n") if ln.strip()][-_LAST_LINES:]
    for i in range(len(lines) - 1, 0, -1):
        if _MONTH_LINE.match(lines[i]):
            name = _bare_name(lines[i - 1])
            if len(name) <= _MAX_NAME and _ZH_NAME.match(fold(name)):
                return name
    return None


def undated_signer(text: str) -> str | None:
    """The body signing a text whose sign-off gives no date (a page prints it in its header, an excerpt cut it
    off): a name line right under the closing formula ("特此通知。\n某县教育局"), or closing the text under the
    body's last sentence or its date line ("…。\n2024年3月5日\n某县教育局")."""
    lines = [ln.strip() for ln in text[-600:].split("\n") if ln.strip()][-_LAST_LINES:]
    # Only a document signs under its last sentence: one that opens with its addressees ("各学院："). A report's
    # last line under its last sentence is a page's footer or a byline ("技术支持 某某公司", "某某日报社").
    document = is_addressed(text)
    for i in range(len(lines) - 1, 0, -1):
        line = lines[i]
        if is_furniture(line) or _NOT_SIGNER.search(fold(line)):
            continue
        name = _bare_name(line)
        folded = fold(name)
        if (
            len(name) > _MAX_NAME
            or not _ZH_NAME.match(folded)
            or _SENTENCE_WORDS.search(folded)
            or name.startswith("各")
            or any(c.isspace() for c in name)
        ):
            continue
        above = lines[i - 1]
        last = i == len(lines) - 1
        # Or above its date line that a page garbled, the year run into the month and the day's mark lost
        # ("20246月3"): the block's place still shows, its date is not read.
        dated = i == len(lines) - 2 and _DATE_REMNANT.match(lines[-1]) is not None
        if _CLOSING.search(fold(above)) or (
            document and (last or dated) and (above.endswith("。") or _DATE_ONLY_LINE.match(above))
        ):
            return name
    return None


# What a page leaves of a sign-off's date line: the year's and the month's figures, maybe without 年 or 日.
# Each run of blanks stands between two marks it cannot take (no two runs side by side: linear).
_DATE_REMNANT = re.compile(r"^(?:19|20)\d{2}[ \t]*(?:年[ \t]*)?\d{1,2}[ \t]*月[ \t]*\d{1,2}(?:[ \t]*日)?$")


# A document's salutation opening the text (past its title lines): "各学院：", "各区教育局、各直属学校：".
_SALUTATION_OPENING = re.compile(r"^(?:[^\n]{0,60}\n){0,3}?\s*各[^\n：:。，,]{1,40}[：:]\s*(?:\n|$)")


def is_addressed(text: str) -> bool:
    """Whether a salutation to its addressees ("各学院：") opens the text, as a document's does (a report's not)."""
    return _SALUTATION_OPENING.match(text) is not None


# A page footer's or an outlet's line, never a signer: "某某市人民政府办公室主办", "技术支持 某某公司", "某某日报社".
_NOT_SIGNER = re.compile(
    r"主办|承办|协办|技术支持|版权所有|维护|(?:日报|晚报|报)社$|融媒体中心$|电视台$|广播电视台$"
)


# A line that is a full date alone, as a sign-off sets it ("2024年3月5日", "二〇二四年三月五日").
_DATE_ONLY_LINE = re.compile(rf"^{ZH_FULL_DATE}$")


# An English release's signature, run on by a flattened page after the text's last sentence ("… will be fined.
# Jane Doe, Director, Office of Human Resources, March 3, 2026"): it starts after the last sentence's end.
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?[ \t]*(?=[A-Z\d(#–—-])")
# What a release puts after its signature, run on with it: the end mark, the contacts.
# A contacts label ("Media contact:", "Enquiries:"); meta_en reads the body a contact line names after it.
CONTACT_LABEL = r"(?i:(?:(?:media|press|news)[ \t]+)?(?:contacts?|enquiries|inquiries))[ \t]*:"
_AFTER_SIGNATURE = re.compile(rf"[ \t]*(?:#{{3}}|-30-|{CONTACT_LABEL}).*$")
# A signature is a few names, titles and a date: a longer run after the last sentence is none (and the patterns
# read on it are tried only on a short run).
_SIGNATURE_REACH = 300


def signature_tail(line: str) -> str | None:
    """The run after a line's last sentence, where a signature closing the text stands, without the end mark and
    contacts a release puts after it; None when the run is too long to be a signature."""
    ends = [m.end() for m in _SENTENCE_END.finditer(line) if m.end() < len(line)]
    rest = line[ends[-1] :] if ends else line
    if len(rest) > _SIGNATURE_REACH:
        return None
    return _AFTER_SIGNATURE.sub("", rest)
