"""Notice metadata: own title and issuing body (Chinese rules; reports in reports_zh, numbers in docno_zh, English in meta_en)."""

from __future__ import annotations

import functools
import itertools
import re

from bot.summarize.chrome import is_furniture, title_key
from bot.summarize.docno_zh import (
    _ZH_SALUTATION,
    find_doc_number,
)
from bot.summarize.lang import PINYIN_NOTE, Lang, fold
from bot.summarize.meta_en import en_issuer
from bot.summarize.names_zh import (
    _ZH_ISSUE_VERB,
    _ZH_NAME_ACTS,
    _ZH_NOT_OPENING,
    _ZH_ORG,
    _ZH_ORGS,
    _ZH_PLACE_ORG,
    _ZH_QUANTIFIED,
    ORG_END,
    _clean_zh,
)
from bot.summarize.reports_zh import (
    _LEAD_REACH,
    _ZH_BOOK_ISSUED,
    _ZH_BOOK_SAYS,
    _ZH_CITING,
    _ZH_DELIBERATED,
    _ZH_INFORMANT,
    _ZH_INFORMED,
    _ZH_ISSUED_BY,
    _ZH_ISSUER_IN_TEXT,
    _ZH_ISSUER_SAYS,
    _ZH_ISSUER_SOURCE,
    _ZH_MEDIA,
    _ZH_NEWS_OPENING,
    _ZH_SITE_NEWS,
    _ZH_SITE_OWNER,
    _ZH_SPOKESPERSON,
    _anaphor,
    _clause_start,
    _lead_actor,
    _named_before,
    _press_office,
    _report,
    _speaker_body,
)
from bot.summarize.signoff import CC, SUB_UNIT, SignOff, is_addressed, month_signer, undated_signer

__all__ = ["find_doc_number", "find_issuer", "notice_title"]


# Document kinds a notice's title ends with (党政机关公文处理工作条例 lists the official ones).
_DOC_KIND = r"(?:通知|通报|通告|公告|决定|意见|办法|方案|规定|规划|细则|条例|纲要|指引|指南|批复|函|令|公报|计划|措施)"
# A title names these as well, after its body: a holiday's arrangements, an admissions brochure, a list put up
# for objections, a notice of what to observe ("某某学院2024年清明节放假安排", "某某大学2024年招生简章").
_TITLE_KIND = rf"(?:{_DOC_KIND}|安排|简章|公示|须知)"
# A notice's own title (GB/T 9704: 关于 + matter + 的 + kind), never a report's headline.
_ZH_OWN_NOTICE = re.compile(rf"\s*关于[^《》。]{{1,80}}的(?:{_TITLE_KIND}|启事)\s*$")
_OWN_TITLE = re.compile(rf"{_DOC_KIND}\s*(?:\([^)]*\))?\s*$")
_BOOK = re.compile(rf"《([^《》]{{4,120}}?{_DOC_KIND})》")
# A page's byline row: the publishing body and the date ("某县人民政府办公室  2024-05-06").
_ZH_BYLINE = re.compile(rf"^\s*({_ZH_ORG})\s+(?:发布时间\s*:?\s*)?(?:19|20)\d{{2}}\s*[-年./]")
# A headline opening with a body and its act: "某省教育厅部署…", "某市卫健委提醒…" (not a document verb, which
# _ZH_TITLE_REPORT reads).
_ZH_TITLE_SAYS = re.compile(
    rf"^\s*(?![全各本我该]|{_ZH_NOT_OPENING})({_ZH_ORG}(?:[、和与及]{_ZH_ORG})*)\s*(?:近日|日前|再次|紧急)?"
    r"(?:部署|提醒|要求|明确|宣布|决定|通报|召开|启动|开展|"
    # A headline's body changing or starting what it runs: "某市教育局调整寒假时间", "某局暂停办理…", "某局将…".
    r"推出|实施|暂停|延期|调整|将(?:于|在|从|自)|规定|回应|答复|官宣|连发|再发|修订|征求)"
)
_ZH_CREDIT = re.compile(rf"\(\s*({_ZH_ORG})\s*供稿\s*\)")
# A news headline "X：…" names the body it reports on: the issuer when the text names no other.
_ZH_TITLE_SPEAKER = re.compile(rf"^\s*({_ZH_ORG})\s*:")
# A label and its value: "发文机关：X", or a flattened table's cells one a line ("发布机构\nX").
# A table's cells may also be set apart by blanks alone ("发布机构\t某县教育局", "发布机构  某县教育局").
# A page may set the label in brackets: "【发布单位】X", "[来源] X".
_LABEL_SEP = r"(?:\s*[:：]\s*|\s*[】\]］]\s*|[ \t]*\n\s*|[ \t]+)"
# A label's value: a body's name, maybe with a second name in brackets inside it ("党委(院长)办公室"), ending
# where the page's next field starts ("来源：某县教育局发布时间：…" runs the fields together on a flattened page).
_LABEL_VALUE = (
    rf"([\u4e00-\u9fff]{{2,30}}?(?:\([\u4e00-\u9fff]{{1,8}}\)[\u4e00-\u9fff]{{0,12}}?)?{ORG_END})"
    r"(?:门户网站|官方网站|网站|官网)?"
    # A site's footer runs its sponsor and its operator together ("主办：X承办：Y"): X ends at 承办 or 协办.
    # A credit in brackets closes after it: "（供稿：学生处）".
    r"(?=$|[\s|,;()]|(?:发布时间|发布日期|发文日期|时间|日期|作者|浏览|点击|阅读|访问|字号|字体|编辑|责任编辑|审核|承办|协办))"
)
# Under a label that can only name a body, a unit's short name is one too: "校办", "团委", "办公室".
_SHORT_LABEL_VALUE = _LABEL_VALUE.replace("{2,30}?", "{0,30}?", 1)


def _spaced(*labels: str) -> str:
    """Labels as an alternation whose characters a page may space out to a column's width ("来　　源：",
    "发 文 机 关："): a few blanks at most between two characters, so the pattern stays linear."""
    return "|".join(r"[ \t\u3000]{0,4}".join(label) for label in labels)


# A page's metadata: the issuing body's own label outranks everything; a "来源" label may name a re-poster.
_ZH_OWN_LABEL = re.compile(
    rf"(?:{_spaced('发文机关', '发文单位', '成文单位', '发文部门', '制发机关', '发布机关', '落款单位', '落款')})"
    rf"{_LABEL_SEP}{_LABEL_VALUE}"
)
# The body that put the page up ("发布机构：某县生态环境局" over a county office's document): after the sign-off.
_ZH_PUBLISHER_LABEL = re.compile(
    rf"(?:(?:{_spaced('发布机构', '发布单位', '发布部门', '发布者', '所属部门', '所属单位', '发布科室')}){_LABEL_SEP}"
    rf"|(?<![\u4e00-\u9fff])发布\s*:\s*){_LABEL_VALUE}"
)
# The same labels with a unit's short name, read when no full name is there.
_ZH_OWN_LABEL_SHORT = re.compile(_ZH_OWN_LABEL.pattern.replace(_LABEL_VALUE, _SHORT_LABEL_VALUE))
_ZH_PUBLISHER_LABEL_SHORT = re.compile(_ZH_PUBLISHER_LABEL.pattern.replace(_LABEL_VALUE, _SHORT_LABEL_VALUE))
_ZH_LABEL = re.compile(
    rf"(?:{_spaced('信息来源', '来源单位', '来源', '稿源', '出处', '撰稿单位', '来稿单位', '主办单位', '主办', '供稿单位')}|"
    rf"{_spaced('供稿部门', '供稿', '作者', '发布人', '信息提供单位', '信息提供', '公开责任部门', '责任部门')})"
    rf"{_LABEL_SEP}{_LABEL_VALUE}"
)
# Page fields stand at the top or, on many pages, at the foot, which a long document pushes past the head.
_FOOT = 1500


def _label(pattern: re.Pattern[str], text: str, head: str, folded_head: str) -> str | None:
    """The body a page field names, in the head of the text, else at its foot."""
    if m := pattern.search(folded_head):
        return _clean_zh(head[m.start(1) : m.end(1)])
    if len(text) > len(head):
        foot = text[-_FOOT:]
        if m := pattern.search(fold(foot)):
            return _clean_zh(foot[m.start(1) : m.end(1)])
    return None


# GB/T 9704 titles: 发文机关 + 关于…的通知 (joint bodies separated by 、 or spaces); reports: X印发《…》.
# A school's or a firm's unit ("某某学院计算机系", "某某公司第一车间"), read only where a title starts with it:
# these words end many other words ("体系", "市场").
_ZH_UNIT_ORG = r"(?:[\u4e00-\u9fff]{2,20}?(?:系|科|社|厂|场|基地|车间|联盟|教研室|研究室))"
_ZH_TITLE_ISSUER = re.compile(
    rf"^\s*((?:{_ZH_ORG}|{_ZH_PLACE_ORG}|{_ZH_UNIT_ORG})(?:[、\s]+(?:{_ZH_ORG}|{_ZH_PLACE_ORG}))*)\s*(?:关于|转发|批转)"
)
# "某县疫情防控指挥部通告（第5号）", "某市人民政府公告": a body's announcement under its own name.
_ZH_TITLE_NOTICE = re.compile(
    rf"^\s*({_ZH_ORG}(?:[、\s]+{_ZH_ORG})*)\s*(?:紧急)?(?:通告|公告|通知|通报|令|命令|决定)"
    r"\s*(?:\(?\s*(?:\d{4}\s*年\s*)?第?\s*[\d一二三四五六七八九十〇零]+\s*号\s*\)?)?\s*(?:\([^()]*\))?\s*$"
)
# A body's letter or reminder under its own name: "某市教育局致全市中小学生家长的一封信", "某某小学告家长书",
# "某市公安局温馨提示", "某市疾控中心紧急提醒".
_ZH_TITLE_LETTER = re.compile(
    rf"^\s*({_ZH_ORG}(?:[、\s]+{_ZH_ORG})*)\s*(?:(?:致|告)[^,。;:!?]{{1,40}}?(?:的)?(?:一封信|公开信|倡议书|书)"
    r"|(?:紧急|重要|特别)?(?:温馨提示|提示|提醒|声明|公示|倡议书|倡议|告知书))\s*$"
)
# A title without 关于 that dates its matter: "某某大学2024年安全工作要点的通知", "某县2023年度…的公告".
# The name must not open with a quantifier ("全市各学校…" names the addressees).
_ZH_TITLE_YEAR = re.compile(
    rf"^\s*(?![全各本我该]|{_ZH_NOT_OPENING})({_ZH_ORG}(?:[、\s]+{_ZH_ORG})*)\s*(?:19|20)\d{{2}}\s*(?:年|年度|—|-)"
    rf"[^,。;:!?]{{2,80}}?的?{_TITLE_KIND}\s*(?:\([^()]*\))?\s*$"
)
# A title whose matter is a sanction or an appointment names its party, not its issuer: "某某公司2024年度违法行为
# 处罚决定" is the regulator's.
_ZH_PARTY_MATTER = re.compile(r"处罚|违法|违规|任免|任前|录用|辞去|辞职|免职|通报批评")
# The red header of a document (GB/T 9704 发文机关标志): "国务院办公厅文件", "中共某县委员会文件".
# An order's header names its issuer the same way: "中华人民共和国国务院令".
_ZH_RED_HEADER = re.compile(rf"^\s*({_ZH_ORG}(?:[、\s]+{_ZH_ORG})*)\s*(?:文件|令)\s*$")
_ZH_TITLE_TAG = re.compile(r"^\s*(?:[【\[［][^】\]］]{1,8}[】\]］]|[^|｜\n]{1,12}?\s*[|｜])\s*")
_ZH_TAG_ORG = re.compile(rf"^\s*({_ZH_ORG})\s*[|｜]")
_ZH_ABOUT = re.compile(r"\s*(?:关于|转发|批转)")
# A page's title may end with its publisher, set off by a dash, a bar or an underscore, maybe as its site.
_ZH_TITLE_SITE = re.compile(
    # Not a subtitle after an unspaced dash ("…—访某县实验小学", "…——记某县教育局" name whom a report visits);
    # a hyphen right after a document kind ("关于…的通知-某县教育局") is a page title's site suffix.
    # A blank alone sets it off after the document's kind ("关于…的通知 某县人民政府").
    rf"(?:\s+[-–—|｜]\s*|\s*[|｜_]\s*|(?<=[知报告定见法案划则例要引南复函令施])(?:-|\s+))({_ZH_ORG})(?:门户网站|官方网站|网站|官网)?\s*$"
)
# A headline's act, not a site's name: "某县教育局召开专题会", "讲座由市图书馆", "走进某县实验小学".
_ZH_TITLE_ACT = re.compile(
    r"召开|举办|举行|开展|启动|组织|参加|出席|走进|探访|访|由|获|荣获|发布|印发|到|赴|在|为|与|和"
)
# A header in 【】 names the body before the title ("【市教育局】关于…的通知").
_ZH_BRACKET_HEADER = re.compile(rf"^\s*【({_ZH_ORG})】")
# A line that is nothing but a body's name (the header of a page, or a title broken after the body's name).
# Not a site's name ("某某县人民政府门户网站", "某某服务平台"), which a page prints as its header.
_ZH_ORG_LINE = re.compile(rf"^\s*(?!.*(?:网站|门户|平台)\s*$)({_ZH_ORG}(?:[、\s]+{_ZH_ORG})*)\s*$")
# A line that is only a document kind, maybe with its serial: "通告", "公告（第5号）", "紧急通知".
_ZH_KIND_LINE = re.compile(
    r"^\s*(?:紧急)?(?:通告|公告|通知|通报|决定|命令|令)\s*(?:\(?\s*第?\s*[\d一二三四五六七八九十〇零]+\s*号\s*\)?)?\s*$"
)
# A title line carries no sentence punctuation.
_ZH_SENTENCE_MARK = re.compile(r"[。,;:!?]")
_ZH_TITLE_REPORT = re.compile(rf"^\s*{_ZH_ORGS}\s*(?:近日|日前)?{_ZH_ISSUE_VERB}")


def notice_title(title: str, text: str) -> str:
    """The notice's own title: the given one if it names a document, else the notice named in 《》."""
    title = " ".join(title.split())
    if title and _OWN_TITLE.search(fold(title)):
        return title
    for source in (title, text[:3000]):
        m = _BOOK.search(source)
        if m:
            return " ".join(m.group(1).split())
    return title


# A title longer than this is a page's text run into its title field, not a title.
_MAX_TITLE = 300


def find_issuer(title: str, text: str, lang: Lang, signoff: SignOff | None = None) -> str | None:
    """The issuing body as the document writes it.

    Chinese, most explicit first: a 发文机关 label, the title (发文机关 + 关于…, 发文机关 + 通告/公告), the red
    header ("X文件"), the sign-off block (`signoff`, bot.summarize.signoff's: its body, and where the block
    starts in the text), a report ("X印发《…》",
    "据X消息"), a report's title, a 来源 label. English: see bot.summarize.meta_en.
    """
    signed = signoff.issuer if signoff else None
    if len(title) > _MAX_TITLE:
        # No title runs this long; the title patterns' searches (reports_zh._ZH_ISSUER_IN_TEXT) would grow with
        # the square of its length.
        title = ""
    if lang == "en":
        return en_issuer(title, text, signed)
    found = _zh_issuer(title, text, signed, signoff.start if signoff else None)
    return _fuller_zh(found, text) if found else None


# A name that starts at its level ("县防汛抗旱工作领导小组办公室", "市教育局"), as a text abbreviates a body it names
# in full elsewhere: on a line of its own or in a field ("信息来源：平安县防汛抗旱工作领导小组办公室").
_ZH_LEVEL_START = re.compile(r"^[省市县区州旗]")
_ZH_NOT_FIELD = re.compile(rf"(?:{CC}|报送|送)\s*:\s*$")


def _fuller_zh(name: str, text: str) -> str:
    """The full name of a body the text abbreviates to its level (the place dropped), if it writes it so."""
    if len(name) < 3 or not _ZH_LEVEL_START.match(name) or name not in text:
        return name
    for m in re.finditer(
        rf"(?:^|(?<=[\s:：]))([\u4e00-\u9fff]{{1,8}}?){re.escape(name)}(?=\s|$)", text, re.MULTILINE
    ):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not _ZH_NOT_FIELD.search(fold(text[line_start : m.start()])):
            return m.group(0).strip()
    return name


# A title without 关于 puts the body's event between its name and the kind: "某某图书馆临时闭馆公告", "某某博物馆
# 春节闭馆通知". The event closes or opens the place (闭馆, 开站) and ends in the place's own word, which ends
# bodies' names too (馆, 站, 所, 院): the body is the name up to its last body word before the event.
# Matched on the name alone (match's pos and endpos): the longest name before the event ("某某大学图书馆").
# Not where the body's word opens a word of its own: a post ("馆长", "站长") or a collection ("馆藏文物展开馆").
# The event: closing or opening the place ("闭馆", "开站").
_ZH_CLOSURE = r"[闭开休停](?:馆|园|校|院|站|所)"
_ZH_BODY_EVENT = re.compile(
    rf"([\u4e00-\u9fff]{{2,}}{ORG_END})(?![长藏])[\u4e00-\u9fff]{{0,6}}?{_ZH_CLOSURE}$"
)
# A name that still ends in the event ("临时闭馆", "某某少年宫闭馆": no body word before it) names no body.
_ZH_EVENT_TAIL = re.compile(_ZH_CLOSURE)
# Before such a body a title may say when the event is ("元旦期间", "春节"): not part of the name. A cause ("因施工
# …") or a scope ("全市…") opens no one body's name, and a place's kind alone ("图书馆", "公共图书馆", "地铁站")
# names no body: none is read.
_ZH_EVENT_WHEN = re.compile(
    r"[\u4e00-\u9fff]{0,8}?期间|(?:春节|元旦|清明|端午|中秋|国庆|五一|劳动节|节假日|节日|寒假|暑假|假期)"
    # Not a street or a village named after a festival ("五一路派出所", "国庆村卫生室").
    r"(?![路街村道桥巷里广])"
)
# 全国 opens national bodies' names too ("全国某某展览馆"): a scope only before 各 or a place's kind alone.
_ZH_EVENT_SCOPE = re.compile(r"因|由于|全[市区县省镇乡]|全国各|各")
_ZH_BARE_PLACE = re.compile(
    r"(?:全国)?(?:公共|市立|县立|区立|市|区|县)?(?:图书馆|医院|卫生院|体育馆|博物馆|科技馆|美术馆|文化馆|纪念馆|档案馆|展览馆|"
    r"游泳馆|场馆|地铁站|车站|公交站|服务站|服务所|派出所|站|馆|院|所)"
)


def _event_body_start(folded_title: str, start: int, end: int) -> int | None:
    """Where the body's name starts in a title's name before its event (past words saying when); None where no
    one body is named."""
    if _ZH_EVENT_SCOPE.match(folded_title, start, end):
        return None
    if (when := _ZH_EVENT_WHEN.match(folded_title, start, end)) is not None:
        start = when.end()
    if _ZH_BARE_PLACE.fullmatch(folded_title, start, end):
        return None
    return start


def _title_body(title: str, folded_title: str, text: str) -> str | None:
    """The body the title names (GB/T 9704: 发文机关 + 关于…, an announcement or letter under its name, a dated
    title), as the notice writes it."""
    # A page may put its column's tag before the title: "【通知】…", "通知公告 | …".
    tag = m.end() if (m := _ZH_TITLE_TAG.match(folded_title)) else 0
    for pattern in (_ZH_TITLE_ISSUER, _ZH_TITLE_NOTICE, _ZH_TITLE_LETTER, _ZH_TITLE_YEAR):
        m = pattern.search(folded_title[tag:])
        if m and not (pattern is _ZH_TITLE_YEAR and _year_title_not_issuer(m)):
            start, end = tag + m.start(1), tag + m.end(1)
            if event := _ZH_BODY_EVENT.match(folded_title, start, end):
                end = event.end(1)  # "某某图书馆临时闭馆公告": the body, then its event
                if (body_start := _event_body_start(folded_title, start, end)) is None:
                    return None  # "春节博物馆闭馆通知", "全市公共图书馆闭馆公告": no one body named
                start = body_start
            elif _ZH_EVENT_TAIL.fullmatch(folded_title, max(start, end - 2), end):
                continue  # "临时闭馆通知": the event alone, no body before it
            return _joint(title, text, title[start:end])
    # "某县教育局 | 关于…的通知": the page set the body's name off the rest of the title with a bar.
    if tag and (m := _ZH_TAG_ORG.match(folded_title)) and _ZH_ABOUT.match(folded_title, tag):
        return _joint(title, text, title[m.start(1) : m.end(1)])
    return None


# A title body this short ("县委") spells too many names by chance ("某县纪委"): it must stand in the sign-off whole,
# but for the government's full style ("区政府" in "某某区人民政府").
_SHORT_BODY = 3
# What after the titled body's full name makes a body of its own, not one of its units signing for it: its trade
# union, its youth league, an association, a centre or a firm it runs ("某市教育局工会", "某市政府采购中心").
_OTHER_BODY = re.compile(r"(?:工会|团委|妇委会|妇联|协会|学会|基金会|中心|公司|集团)$")
# What after a firm's name is still the firm or its branch: its legal form ("某某集团有限公司", "某某银行股份有限
# 公司"), a branch ("某某电力公司某某供电分公司").
_SAME_FIRM = re.compile(r"(?:股份)?有限(?:责任)?公司|.*分公司")


def _spells(body: str, part: str) -> bool:
    """Whether one signer's name spells out one titled body: the body's characters stand in it in order
    ("某市公安交警" in "某市公安局交通警察支队二大队"), a short body whole, and no other body follows it whole."""
    if len(body) <= _SHORT_BODY:
        return body.replace("人民政府", "政府") in part.replace("人民政府", "政府")
    if (
        part.startswith(body)
        and len(part) > len(body)
        and _OTHER_BODY.search(part, len(body))
        and not _SAME_FIRM.fullmatch(part, len(body))
    ):
        return False
    rest = iter(part)
    return all(c in rest for c in body)


def _spelled_out(named: str, signed: str) -> bool:
    """Whether the sign-off spells out the title's body: each body the title names is spelled out by one of the
    sign-off's signers, in any order (see _spells)."""
    parts = [p for p in _NAME_SPLIT.split(signed) if p]
    return all(any(_spells(body, part) for part in parts) for body in _NAME_SPLIT.split(named) if body)


def _zh_issuer(title: str, text: str, signed: str | None, signed_at: int | None) -> str | None:
    """find_issuer for a Chinese text."""
    title = _bare_title(title)
    # A news outlet's credit at the foot of a report ("某县融媒体中心\n2024年5月7日") signs no document: the body
    # the report names acts. An outlet signs a text it addresses ("各单位："), one whose title names it, a joint
    # one ("中共某县委宣传部、某县融媒体中心"), and its own notice (a notice's title, "关于公开招聘记者的公告") whose
    # text names no other agent: under a notice's title the outlet may still be crediting a report of one
    # ("近日，县政府办公室印发通知…").
    if (
        signed
        and _ZH_MEDIA.search(signed)
        and "、" not in signed
        and not any(c.isspace() for c in signed)
        and not is_addressed(text)
        and fold(signed) not in fold(title)
    ):
        found = _zh_issuer_read(title, text, None, None)
        if found is None and _ZH_OWN_NOTICE.match(fold(title)):
            return _joint(title, text, signed)
        return found
    return _zh_issuer_read(title, text, signed, signed_at)


def _zh_issuer_read(title: str, text: str, signed: str | None, signed_at: int | None) -> str | None:
    """_zh_issuer's reading, the title bare and a news outlet's credit set aside."""
    # Match on the folded text, then return the original characters (the fold keeps offsets).
    head = text[:3000]
    folded_head = fold(head)
    folded_title = fold(title)
    if found := _label(_ZH_OWN_LABEL, text, head, folded_head):
        return found
    named = _title_body(title, folded_title, text)
    # A signed document's issuer is the body its sign-off names, as written there: a page's title may give a
    # short form ("某市公安交警…通告" signed "某市公安局交通警察支队二大队"), the sign-off writes the body in full.
    # Only a sign-off under the body's text (a name and a date atop a page are its byline), one that names a
    # body (a unit alone, "办公室", "教务处", signs for the body the title names), and one that spells out the
    # title's body: its characters in order ("某市教育局" in "某市教育局办公室"); another body's name
    # ("县教育局" under "某某县教育局…", "校团委" under "某某大学…") leaves the title's.
    if (
        signed
        and not SUB_UNIT.search(signed)
        and signed_at is not None
        and _BODY_END.search(text, 0, signed_at) is not None
        and not _cited_in_title(folded_title, signed)
        and (named is None or _spelled_out(named, signed))
    ):
        return _joint(title, text, signed)
    if named is not None:
        return _fuller_signed(named, signed)
    for line, folded in _lines(head, folded_head, 4):
        if m := _ZH_RED_HEADER.match(folded):
            return _fuller_signed(_joint(title, text, line[m.start(1) : m.end(1)]), signed)
    if found := _header(folded_title, head, folded_head):
        return _fuller_signed(_joint(title, text, found), signed)
    # undated_signer reads only a document (a salutation opens it, or a closing formula stands above the name),
    # so a report's footer never reaches here; ranked after the report rules it lost a flattened sign-off.
    if signed or (signed := month_signer(text) or undated_signer(text)):
        return _joint(title, text, signed)
    if found := _label(_ZH_PUBLISHER_LABEL, text, head, folded_head):
        return found
    if found := _label(_ZH_OWN_LABEL_SHORT, text, head, folded_head) or _label(
        _ZH_PUBLISHER_LABEL_SHORT, text, head, folded_head
    ):
        return found
    if found := _addresser(head, folded_head):
        return _joint(title, text, found)
    if found := _header_plain(head, folded_head):
        return _joint(title, text, found)
    # A report names the body in full in its text ("某省教育厅印发《…》"), its headline often abbreviates.
    # A page repeats its headline as the first line: look past it.
    body_from = _past_title(folded_head, folded_title)
    m = _report(folded_head, body_from)
    if m:
        return _joint(title, text, head[m.start(1) : m.end(1)])
    if found := _anaphor(head, folded_head, body_from):
        return found
    m = _ZH_ISSUED_BY.search(folded_head, body_from)
    if m and not _ZH_CITING.search(folded_head, _clause_start(folded_head, m.start()), m.start()):
        return _joint(title, text, head[m.start(1) : m.end(1)])
    m = _ZH_BOOK_ISSUED.search(folded_head, body_from) if "》" in folded_head else None
    if m and not _ZH_CITING.search(folded_head, _clause_start(folded_head, m.start()), m.start()):
        return _joint(title, text, head[m.start(1) : m.end(1)])
    m = _ZH_ISSUER_SOURCE.search(folded_head, body_from)
    if m and not _ZH_MEDIA.search(m.group(1)):
        return _joint(title, text, head[m.start(1) : m.end(1)])
    # After the page's source line and a letterhead: the lead's document may be a higher body's.
    if "》" in folded_head and not _letterhead(head, folded_head):
        lead_from = len(folded_head) - len(folded_head[body_from:].lstrip())
        if m := _ZH_BOOK_SAYS.match(folded_head, lead_from, lead_from + _LEAD_REACH):
            return _joint(title, text, head[m.start(1) : m.end(1)])
    if (
        found := _named_before(_ZH_SITE_NEWS, _ZH_SITE_OWNER, head, folded_head, body_from)
    ) and not _ZH_MEDIA.search(found):
        return _joint(title, text, found)
    if (
        "消息" in folded_head
        and (m := _ZH_NEWS_OPENING.search(folded_head, body_from))
        and not _ZH_MEDIA.search(m.group(1))
    ):
        return _joint(title, text, head[m.start(1) : m.end(1)])
    for pattern in (_ZH_TITLE_REPORT, _ZH_ISSUER_IN_TEXT):
        m = pattern.search(folded_title)
        if m:
            return _joint(title, text, title[m.start(1) : m.end(1)])
    for m in _ZH_ISSUER_SAYS.finditer(folded_head, body_from):
        # A government's press office hosts other bodies' press conferences: it is no issuer ("省政府新闻办召开
        # 新闻发布会，省教育厅副厅长…介绍").
        if _press_office(m.group(1), m.group(0)):
            continue
        if not _ZH_CITING.search(folded_head, _clause_start(folded_head, m.start(1)), m.end(1)):
            return _joint(title, text, head[m.start(1) : m.end(1)])
    if found := _lead_actor(head, folded_head, body_from):
        return _joint(title, text, found)
    if (
        ("发言人" in folded_head or "负责" in folded_head)
        and (m := _ZH_SPOKESPERSON.search(folded_head, body_from))
        and (speaker := _speaker_body(head[m.start(1) : m.end(1)]))
    ):
        return _joint(title, text, speaker)
    m = _ZH_DELIBERATED.search(folded_head, body_from)
    if m:
        return _joint(title, text, head[m.start(1) : m.end(1)])
    if found := _named_before(_ZH_INFORMED, _ZH_INFORMANT, head, folded_head, body_from):
        return _joint(title, text, found)
    for line, folded in _lines(head, folded_head, 4):
        if m := _ZH_BYLINE.match(folded):
            return _clean_zh(line[m.start(1) : m.end(1)])
    if found := _letterhead(head, folded_head):
        return _joint(title, text, found)
    if found := _label(_ZH_LABEL, text, head, folded_head):
        return found
    m = _ZH_TITLE_SPEAKER.match(folded_title)
    if m:
        return _clean_zh(title[m.start(1) : m.end(1)])
    # A news headline whose body acts in it ("某省教育厅部署2024年安全工作", "某市卫健委提醒…"), the text silent.
    if (
        (m := _ZH_TITLE_SAYS.match(folded_title))
        and not _press_office(m.group(1), folded_title)
        and not _ZH_QUANTIFIED.search(m.group(1))
    ):
        return _joint(title, text, title[m.start(1) : m.end(1)])
    # A report's credit: "（某县教育局供稿）".
    if m := _ZH_CREDIT.search(folded_head):
        return _clean_zh(head[m.start(1) : m.end(1)])
    # Last, the body a page's title names after the notice's own ("关于…的通知 - 某县教育局", "…_某县人民政府门户网站").
    if (m := _ZH_TITLE_SITE.search(folded_title)) and not _ZH_TITLE_ACT.search(m.group(1)):
        return _clean_zh(title[m.start(1) : m.end(1)])
    # A unit's short name under a 来源/供稿 label ("来源：校团委", "供稿：党政办"): a unit's shape only, never the
    # site itself ("本站", "网站") or a generic word ("学校"); an author (作者) may be a person by post.
    if (found := _label(_ZH_LABEL_SHORT, text, head, folded_head)) and _SHORT_UNIT.fullmatch(found):
        return found
    return None


_ZH_LABEL_SHORT = re.compile(
    rf"(?:{_spaced('信息来源', '来源单位', '来源', '供稿单位', '供稿部门', '供稿')}){_LABEL_SEP}{_SHORT_LABEL_VALUE}"
)
# A unit's short name: "校团委", "党政办", "宣传部", "教务处", "信息中心"; a single character before the unit's
# word names a person by post ("李处", "刘办", a division head) as often as a unit ("团委").
_SHORT_UNIT = re.compile(r"(?![本网该我全各])[\u4e00-\u9fff]{2,4}(?:处|科|室|部|中心|委|办)")


# A page may title itself with the document's name in book marks ("《某市人民政府关于…的通知》").
_BOOK_TITLE = re.compile(r"^\s*《([^《》]+)》\s*$")
# A mirror's reading aid after a character with several readings: "关(guān)于", "实(shí)施".
_PINYIN = re.compile(rf"(?<=[\u4e00-\u9fff]){PINYIN_NOTE}")


def _bare_title(title: str) -> str:
    """The title without the book marks around the whole of it and a mirror's pinyin after its characters."""
    if "(" in title or "（" in title:
        title = _PINYIN.sub("", title)
    return m.group(1) if (m := _BOOK_TITLE.match(title)) else title


# A sentence's end in the body: a sign-off stands below one, a page's byline above all of them.
_BODY_END = re.compile(r"[。！？；!?;]|(?<=[\u4e00-\u9fff])\.")


# Where a title turns to its matter: a body named after it is the cited document's ("X转发Y关于…").
_ZH_MATTER = re.compile(r"转发|批转|印发|关于")


def _cited_in_title(folded_title: str, signed: str) -> bool:
    """Whether the title names the signer in its matter ("某县政府办公室转发市教育局关于…"): the sign-off read is
    then the forwarded document's, its own dropped by the page."""
    return (m := _ZH_MATTER.search(folded_title)) is not None and _last_name(signed) in folded_title[
        m.end() :
    ]


def _fuller_signed(named: str, signed: str | None) -> str:
    """The sign-off's name when it spells the title's in full: a title may drop the place ("县教育局关于…"),
    the sign-off of "某某县教育局" does not."""
    if signed and len(signed) > len(named) and "、" not in signed and signed.endswith(named):
        return signed
    return named


def _lines(head: str, folded_head: str, count: int) -> list[tuple[str, str]]:
    """The first non-empty lines of the text past a page's furniture (breadcrumbs, print and share bars, which
    would push the notice's own header out of reach), each as written and folded (the fold keeps offsets)."""
    pairs = zip(head.split("\n"), folded_head.split("\n"), strict=True)
    found: list[tuple[str, str]] = []
    for line, folded in pairs:
        if line.strip() and not is_furniture(line):
            found.append((line, folded))
            if len(found) == count:
                break
    return found


def _header(folded_title: str, head: str, folded_head: str) -> str | None:
    """The body named by the document's own title or header at the top of the text: "【X】…", a title line
    "X关于…的通知" (whole or broken after X: "X\n关于…"), or "X通告"."""
    m = _ZH_BRACKET_HEADER.match(folded_title)
    if m:
        return m.group(1)
    lines = _lines(head, folded_head, 4)
    for i, (line, folded) in enumerate(lines):
        if _ZH_SENTENCE_MARK.search(folded) or _ZH_SALUTATION.match(folded):
            break
        for pattern in (_ZH_BRACKET_HEADER, _ZH_TITLE_ISSUER, _ZH_TITLE_NOTICE):
            if m := pattern.match(folded):
                return line[m.start(1) : m.end(1)]
        nxt = lines[i + 1][1] if i + 1 < len(lines) else ""
        # The header broken after the body's name: "X\n关于…的通知", or "X\n通告\n（第5号）".
        if (m := _ZH_ORG_LINE.match(folded)) and (_ZH_ABOUT.match(nxt) or _ZH_KIND_LINE.match(nxt)):
            name = line[m.start(1) : m.end(1)]
            # A unit under its parent's line ("某某大学\n学生工作处\n关于…") is named as on one line, as a
            # sign-off's is (bot.summarize.signoff).
            if i > 0 and SUB_UNIT.search(name) and (parent := _ZH_ORG_LINE.match(lines[i - 1][1])):
                return lines[i - 1][0][parent.start(1) : parent.end(1)] + name
            return name
    return None


def _year_title_not_issuer(m: re.Match[str]) -> bool:
    """Whether a dated title's "name" is a matter's (a verb in it) or its party's (a sanction, an appointment)."""
    return bool(
        _ZH_NAME_ACTS.search(m.group(1)) or _ZH_PARTY_MATTER.search(m.group(0)[m.end(1) - m.start() :])
    )


def _header_plain(head: str, folded_head: str) -> str | None:
    """The body a title line at the top of the text names without 关于 ("某某大学2024年招生简章"), above the body."""
    for line, folded in _lines(head, folded_head, 4):
        if _ZH_SENTENCE_MARK.search(folded) or _ZH_SALUTATION.match(folded):
            break
        if (m := _ZH_TITLE_YEAR.match(folded)) and not _year_title_not_issuer(m):
            return line[m.start(1) : m.end(1)]
    return None


def _letterhead(head: str, folded_head: str) -> str | None:
    """A body's name alone on the text's first line (past a page's furniture), as a letterhead prints it."""
    for line, folded in _lines(head, folded_head, 1):
        m = _ZH_ORG_LINE.match(folded)
        return line[m.start(1) : m.end(1)] if m else None
    return None


def _addresser(head: str, folded_head: str) -> str | None:
    """A body's name on the line right above the salutation ("某县教育局\n各学校：")."""
    lines = _lines(head, folded_head, 6)
    for (line, folded), (_, nxt) in itertools.pairwise(lines):
        if _ZH_SALUTATION.match(nxt) and (m := _ZH_ORG_LINE.match(folded)):
            return line[m.start(1) : m.end(1)]
    return None


def _past_title(folded_head: str, folded_title: str) -> int:
    """Offset after the text's leading lines that repeat the headline (0 when none does); a page may print it
    twice (a header and the article's own), between breadcrumbs and a print bar."""
    key = title_key(folded_title)
    offset = past = 0
    for line in folded_head.split("\n")[:6]:
        flat = "".join(line.split())
        if flat and key and (flat in key or (key in flat and len(flat) <= len(key) + 20)):
            past = offset + len(line) + 1
        elif flat and not is_furniture(line):
            break
        offset += len(line) + 1
    return past


def _joint(title: str, text: str, name: str) -> str:
    """Joint issuers as the notice writes them: as on the line they were read from when the text has that line
    ("党委办公室 校长办公室" signing), else "X、Y" or "XY" where the notice writes them so, else as matched
    ("省委办公厅 省政府办公厅" in a title); a name's leading report words ("记者从", "近日") are dropped."""
    source = f"{title}\n{text}"
    if "等" in name:  # "商务部等12部门" is one name as written
        return _clean_zh("".join(name.split()))
    # A short name is set spaced out on a sign-off line ("国 务 院"): one name.
    if _SPACED_OUT.fullmatch(name.strip()):
        # One character apart ("校 长 办 公 室") is one name, never several bodies: named without the spacing.
        return "".join(name.split())
    parts = [_clean_zh(p) for p in _NAME_SPLIT.split(name.strip()) if p.strip()]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return parts[0] if parts else ""
    if "、" not in name and "\n" not in name.strip():
        # Names side by side on one line of the text (a sign-off, a header): that line's spelling.
        on_line = _side_by_side(tuple(parts)).search(text)
        if on_line:
            return on_line.group(0)
    listed = "、".join(parts)
    if listed in source:
        return listed
    if (run := "".join(parts)) in source:  # "中共某市委办公室某市人民政府办公室" run together in the title
        return run
    if "\n" in name or "、" in name:
        return listed
    return name[name.index(parts[0]) :].strip()


_SPACED_OUT = re.compile(r"[\u4e00-\u9fff](?:[ \t\u3000]+[\u4e00-\u9fff]){1,4}")
# A joint name's separators: "某市教育局、某市财政局", "某市教育局 某市财政局".
_NAME_SPLIT = re.compile(r"[、\s]+")


def _last_name(names: str) -> str:
    """The last of joint names ("某市教育局、某市财政局" gives "某市财政局")."""
    return _NAME_SPLIT.split(names.strip())[-1]


@functools.lru_cache(maxsize=256)
def _side_by_side(parts: tuple[str, ...]) -> re.Pattern[str]:
    """The names written side by side on one line, spaced apart (cached: _joint runs for most notices)."""
    return re.compile("[ \t\u3000]+".join(map(re.escape, parts)))
