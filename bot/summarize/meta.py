"""Notice metadata: the notice's own title (from 《》 in a report), its issuing body and document number."""

from __future__ import annotations

import re

from bot.summarize.lang import Lang, fold

__all__ = ["find_doc_number", "find_issuer", "notice_title"]

# Document kinds a notice's title ends with (党政机关公文处理工作条例 lists the official ones).
_DOC_KIND = r"(?:通知|通报|通告|公告|决定|意见|办法|方案|规定|规划|细则|条例|纲要|指引|指南|批复|函|令|公报|计划|措施)"
_OWN_TITLE = re.compile(rf"{_DOC_KIND}\s*(?:\([^)]*\))?\s*$")
_BOOK = re.compile(rf"《([^《》]{{4,120}}?{_DOC_KIND})》")

# 国办发〔2023〕11号 and its bracket variants: 〔〕 [] ［］ () （） 【】 and the „‟ seen on re-posted pages.
_DOC_NO = re.compile(
    r"([\u4e00-\u9fff]{1,10})\s*[〔\[［(【„﹝]\s*((?:19|20)\d{2})\s*[〕\]］)】‟﹞]\s*(第?\s*\d{1,4}\s*号)"
)

# Chinese bodies end with one of these (中华全国总工会, 国务院办公厅, 湖南省人民政府办公厅, 人力资源和社会保障部).
_ORG_END = (
    r"(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|总工会|工会|联合会|人民银行|银行|"
    r"监督管理总局|管理总局|总局|管理局|局|厅|部|委|院|署|办|中心|协会|党委|党组|政府)"
)
_ZH_ISSUE_VERB = r"(?:联合)?(?:印发|下发|发布|出台|发出|下达|公布|颁布|制定)(?:了)?"
_ZH_ISSUER_IN_TEXT = re.compile(rf"([\u4e00-\u9fff]{{2,24}}?{_ORG_END}){_ZH_ISSUE_VERB}[《“]")
_ZH_ISSUER_PREFIX = re.compile(
    r"^(?:近日|日前|今天|今日|近期|昨天|昨日|目前|最近|记者从|从|日|号|讯|报道|\d+月\d+日)+"
)
_ZH_LABEL = re.compile(
    rf"(?:信息来源|发文机关|发布机构|发文单位|来源)\s*[:：]\s*([\u4e00-\u9fff]{{2,30}}{_ORG_END})"
)
_ZH_TITLE_ISSUER = re.compile(rf"^\s*([\u4e00-\u9fff]{{2,30}}{_ORG_END})\s*(?:关于|转发)")

_EN_ORG_WORD = (
    r"(?:Department|Ministry|General Office|Office|Bureau|Administration|Agency|Commission|Council|"
    r"Authority|Board|Service|Institute|Committee|Secretariat|Government|Cabinet)"
)
_EN_NAME = r"(?:[A-Z][\w.&'’-]*|of|the|for|and|on)"
_EN_ISSUER = re.compile(
    rf"\b((?:The )?(?:[A-Z][\w.&'’-]* )*{_EN_ORG_WORD}(?: {_EN_NAME})*?)"
    r"(?: (?:today|yesterday|on \w+ \d{1,2}|this week))? "
    r"(?:has |have )?(?:announced|issued|released|published|unveiled|adopted|ordered|rolled out)\b"
    rf"|\b(?:released|issued|published) by (?:the )?((?:[A-Z][\w.&'’-]* )*{_EN_ORG_WORD}(?: {_EN_NAME})*?)"
    r"(?=[,.;]|\s+(?:on|in|to|that|which)\b|$)"
)


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


def find_doc_number(title: str, text: str) -> str | None:
    """The notice's own document number: the title's, else the first one in the text that is not cited."""
    m = _DOC_NO.search(title)
    if m:
        return _format_doc_no(m)
    for m in _DOC_NO.finditer(text[:5000]):
        before = text[max(0, m.start() - 2) : m.start()]
        # "《…》(国办发〔2009〕3号)" or "根据…〔…〕号" cite another document.
        if "》" in before or "〉" in before:
            continue
        window = text[max(0, m.start() - 40) : m.start()]
        if re.search(r"根据|按照|依据|贯彻|转发|落实", window):
            continue
        return _format_doc_no(m)
    return None


def _format_doc_no(m: re.Match[str]) -> str:
    prefix = m.group(1)
    # The Han run before the bracket may start inside the preceding words; keep the usual prefix shape.
    for cut in ("通知", "的", "》", "号"):
        if cut in prefix:
            prefix = prefix.rsplit(cut, 1)[1]
    raw = m.group(0)[m.group(0).index(m.group(1)) + len(m.group(1)) - len(prefix) :]
    return "".join(raw.split())


def find_issuer(title: str, text: str, lang: Lang) -> str | None:
    """The issuing body, from a source label, the title ("X关于…"), or "X印发《…》" in the text."""
    if lang == "en":
        m = _EN_ISSUER.search(text[:3000]) or _EN_ISSUER.search(title)
        if not m:
            return None
        name = (m.group(1) or m.group(2)).strip().rstrip(".,;:'’")
        return re.sub(r"^The\s+", "", name)
    # Match on the folded text, then return the original characters (the fold keeps offsets).
    head = text[:3000]
    folded_head = fold(head)
    folded_title = fold(title)
    for m in _ZH_LABEL.finditer(folded_head):
        return _clean_zh(head[m.start(1) : m.end(1)])
    m = _ZH_TITLE_ISSUER.search(folded_title)
    if m:
        return _clean_zh(title[m.start(1) : m.end(1)])
    # A report names the body in full in its text ("中华全国总工会下发《…》"), its headline often abbreviates.
    for original, folded in ((head, folded_head), (title, folded_title)):
        m = _ZH_ISSUER_IN_TEXT.search(folded)
        if m:
            return _clean_zh(original[m.start(1) : m.end(1)])
    return None


def _clean_zh(name: str) -> str:
    name = _ZH_ISSUER_PREFIX.sub("", name)
    return name.strip()
