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
    r"([\u4e00-\u9fff]{1,10})\s*[〔\[［(（【„﹝]\s*((?:19|20)\d{2})\s*[〕\]］)）】‟﹞]\s*(第?\s*\d{1,4}\s*号)"
)

# Chinese bodies end with one of these (中华全国总工会, 国务院办公厅, 湖南省人民政府办公厅, 人力资源和社会保障部).
_ORG_END = (
    r"(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|总工会|工会|联合会|人民银行|银行|"
    r"监督管理总局|管理总局|总局|管理局|局|厅|部|委|院|署|办|中心|协会|党委|党组|政府|大学|学院|学校|公司|集团|"
    r"小组|处|所|站|中央)"
)
_ZH_ISSUE_VERB = r"(?:联合)?(?:印发|下发|发布|出台|发出|下达|公布|颁布|制定)(?:了)?"
_ZH_ORG = rf"[\u4e00-\u9fff]{{2,24}}?{_ORG_END}"
# Joint issuers are written X、Y or X和Y; the report may put 近日/日前 between body and verb.
_ZH_ORGS = rf"({_ZH_ORG}(?:[、和与及]{_ZH_ORG})*)"
_ZH_ISSUER_IN_TEXT = re.compile(
    rf"{_ZH_ORGS}(?:近日|日前|今天|今日|近期|\d{{1,2}}月\d{{1,2}}日)?{_ZH_ISSUE_VERB}"
    r"(?:[《“]|(?:紧急|专门)?(?:通知|通告|公告|意见|文件|决定))"
)
# "据民政部网站消息", "据交通运输部官网消息": the body behind a report.
_ZH_ISSUER_SOURCE = re.compile(rf"据{_ZH_ORGS}(?:网站|官网|官方网站|微信公众号)?(?:消息|发布)")
_ZH_ISSUER_PREFIX = re.compile(
    r"^(?:近日|日前|今天|今日|近期|昨天|昨日|目前|最近|记者从|从|日|号|讯|报道|\d+月\d+日)+"
)
_ZH_LABEL = re.compile(
    rf"(?:信息来源|发文机关|发布机构|发文单位|来源)\s*[:：]\s*([\u4e00-\u9fff]{{2,30}}{_ORG_END})"
)
# GB/T 9704 titles: 发文机关 + 关于…的通知 (joint bodies separated by 、 or spaces); reports: X印发《…》.
_ZH_TITLE_ISSUER = re.compile(rf"^\s*({_ZH_ORG}(?:[、\s]+{_ZH_ORG})*)\s*(?:关于|转发|批转)")
_ZH_TITLE_REPORT = re.compile(rf"^\s*{_ZH_ORGS}\s*(?:近日|日前)?{_ZH_ISSUE_VERB}")

_EN_ORG_WORD = (
    r"(?:Department|Ministry|General Office|Office|Bureau|Administration|Agency|Commission|Council|"
    r"Authority|Board|Service|Institute|Committee|Secretariat|Government|Cabinet|Officer|Centers?|Centres?|"
    r"City|County|Township|Borough|University|College)"
)
_EN_NAME = r"(?:[A-Z][\w.&'’-]*|of|the|for|and|on)"
_EN_BODY = rf"(?:[A-Z][\w.&'’-]* )*{_EN_ORG_WORD}(?: {_EN_NAME})*?"
# Press-release openings: "The Internal Revenue Service today reminded", "the Ministry of Education has instructed".
_EN_VERB = (
    r"(?:announced|announces|issued|issues|released|published|unveiled|adopted|ordered|orders|rolled out|"
    r"reminded|reminds|urged|urges|instructed|directed|warned|launched|approved|requires|required|"
    r"said|says|stated|told|advised|advises|notified|informed|asked|asks|decided|extended|declared|clarified|"
    r"extends|suspends|suspended|bans|banned|approves|updates|updated|sets|tells|calls|called|confirms|confirmed|"
    r"publishes|releases|launches|warns|urged|orders)"
)
_EN_ISSUER = re.compile(
    rf"\b((?:The )?{_EN_BODY})"
    r"(?: \([A-Z]{2,8}\))?(?: (?:today|yesterday|on \w+(?: \d{1,2})?|this week|recently))? "
    rf"(?:has |have |had |is |was )?{_EN_VERB}\b"
    rf"|\b(?:released|issued|published|announced) by (?:the )?({_EN_BODY})"
    r"(?=[,.;]|\s+(?:on|in|to|that|which)\b|$)"
)
# "the Ministry of Manpower (MOM)": a body introduced with its acronym is the one the release is about.
_EN_ACRONYMED = re.compile(rf"\b(?:the )?({_EN_BODY}) \(([A-Z]{{2,8}})\)")
# Any capitalised name spelled out before its acronym ("HM Revenue and Customs (HMRC)", "Central Board of
# Secondary Education (CBSE)"): the acronym's letters are the name's initials.
_EN_SPELLED = re.compile(
    r"((?:[A-Z][\w&'’.-]*|of|and|for|the|on|&)(?: (?:[A-Z][\w&'’.-]*|of|and|for|the|on|&)){1,9}) \(([A-Z]{2,8})\)"
)
_EN_SMALL = frozenset({"of", "and", "for", "the", "on", "&"})
# "Order of the Health Officer of the County of Sonoma": the document names its author.
_EN_ORDER_OF = re.compile(
    rf"\b(?:Order|Directive|Notice|Proclamation|Circular|Guidance|Statement) (?:of|from|by) (?:the )?({_EN_BODY})"
    r"(?= [A-Z]?\d|[,.;:]|\s*$)"
)
# An agency's acronym as the subject of a press verb ("The FAA has issued", "OSHA announced").
_EN_ACRONYM_ISSUER = re.compile(rf"\b([A-Z]{{2,6}}) (?:has |have |had |is |was )?{_EN_VERB}\b")

# English release numbers: IR-2026-44, 17-919-NAT, C19-05; labelled numbers (Release Number, FR Doc.).
_EN_LABELLED_NO = re.compile(
    r"(?:Release (?:No\.?|Number)|Issue Number|News Release|Order (?:No\.?|Number)|FR Doc\.?|"
    r"Document (?:No\.?|Number)|Docket (?:No\.?|Number)|Notice (?:No\.?|Number)|Executive Order(?: No\.?)?|"
    r"Bulletin (?:No\.?|Number)|Circular (?:No\.?|Number)|(?:Notice|Circular|Bulletin|Directive|Proclamation) (?=\d))\s*[:#]?\s*"
    r"([A-Z0-9][A-Z0-9.]*(?:[-/][A-Z0-9]+){1,3})\b",
    re.IGNORECASE,
)
_EN_CODE = r"(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]{1,6}(?:-[A-Z0-9]{1,6}){1,3}"
_EN_TITLE_NO = re.compile(rf"^\s*({_EN_CODE})\s*[:,–—-]|(?<![\w-])({_EN_CODE})\s*$")
_EN_CODE_ALONE = re.compile(rf"^\s*({_EN_CODE})\s*(?:[,:]|$)", re.MULTILINE)
# Codes that look like release numbers but name a disease or a standard.
_EN_NOT_NO = re.compile(r"^(?:COVID|SARS|MERS|H\dN\d|ISO|GB|MP\d|CFM)", re.IGNORECASE)


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


def find_doc_number(title: str, text: str, lang: Lang = "zh") -> str | None:
    """The notice's own document number: the title's, else the first one in the text that is not cited.

    Chinese numbers in any bracket style (国办发〔2019〕3号, [2009], （2023）); English release numbers
    (IR-2026-44, C19-05, 17-919-NAT) from the title, a "Release Number:" label or a line of their own.
    """
    if lang == "en":
        found = _en_doc_number(title, text)
        if found:
            return found
    m = _DOC_NO.search(title)
    if m:
        return _format_doc_no(m)
    for m in _DOC_NO.finditer(text[:5000]):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        if not text[line_start : m.start()].strip() and not text[m.end() : line_end].strip():
            return _format_doc_no(m)  # GB/T 9704: the 发文字号 stands on its own line under the title
        before = text[max(0, m.start() - 2) : m.start()]
        # "《…》(国办发〔2009〕3号)" or "根据…〔…〕号" cite another document.
        if "》" in before or "〉" in before:
            continue
        window = text[max(line_start, m.start() - 40) : m.start()]
        if re.search(r"根据|按照|依据|贯彻|转发|落实", window):
            continue
        return _format_doc_no(m)
    return None


def _en_doc_number(title: str, text: str) -> str | None:
    head = text[:1500]
    candidates: list[str] = []
    m = _EN_LABELLED_NO.search(head)
    if m:
        candidates.append(m.group(1))
    m = _EN_TITLE_NO.search(title.strip())
    if m:
        candidates.append(m.group(1) or m.group(2))
    candidates.extend(m.group(1) for m in _EN_CODE_ALONE.finditer(head))
    for code in candidates:
        if not _EN_NOT_NO.match(code):
            return code
    return None


def _format_doc_no(m: re.Match[str]) -> str:
    prefix = m.group(1)
    # The Han run before the bracket may start inside the preceding words; keep the usual prefix shape.
    for cut in ("通知", "的", "》", "号"):
        if cut in prefix:
            prefix = prefix.rsplit(cut, 1)[1]
    raw = m.group(0)[m.group(0).index(m.group(1)) + len(m.group(1)) - len(prefix) :]
    return "".join(raw.split())


def find_issuer(title: str, text: str, lang: Lang, signed: str | None = None) -> str | None:
    """The issuing body as the document writes it.

    Chinese: a source label, the title (发文机关 + 关于…), a report ("X印发《…》", "据X消息"), the sign-off
    block (`signed`, see bot.summarize.signoff). English: the press-release opening ("The X today announced"),
    a body introduced with its acronym, "Order of the X", the signature or letterhead, an acronym subject.
    """
    if lang == "en":
        return _en_issuer(title, text, signed)
    # Match on the folded text, then return the original characters (the fold keeps offsets).
    head = text[:3000]
    folded_head = fold(head)
    folded_title = fold(title)
    label = _ZH_LABEL.search(folded_head)
    if label:
        return _clean_zh(head[label.start(1) : label.end(1)])
    m = _ZH_TITLE_ISSUER.search(folded_title)
    if m:
        return _joint(title[m.start(1) : m.end(1)])
    # A report names the body in full in its text ("中华全国总工会下发《…》"), its headline often abbreviates.
    for pattern in (_ZH_ISSUER_IN_TEXT, _ZH_ISSUER_SOURCE):
        m = pattern.search(folded_head)
        if m:
            return _joint(head[m.start(1) : m.end(1)])
    for pattern in (_ZH_TITLE_REPORT, _ZH_ISSUER_IN_TEXT):
        m = pattern.search(folded_title)
        if m:
            return _joint(title[m.start(1) : m.end(1)])
    return _joint(signed) if signed else None


def _joint(name: str) -> str:
    """Joint issuers joined by 、 ("中共中央办公厅 国务院办公厅" -> "中共中央办公厅、国务院办公厅")."""
    parts = [_clean_zh(p) for p in re.split(r"[、\s]+", name.strip()) if p.strip()]
    return "、".join(p for p in parts if p)


def _en_issuer(title: str, text: str, signed: str | None) -> str | None:
    head = text[:3000]
    for source in (head, title):
        for hit in _EN_ISSUER.finditer(source):
            name = _en_clean(hit.group(1) or hit.group(2))
            if " " in name:  # "Agency requires …" in a headline names no one; a body has a name
                return name
    for pattern in (_EN_ACRONYMED, _EN_ORDER_OF):
        for source in (title, head):
            m = pattern.search(source)
            if m:
                return _en_clean(m.group(1))
    for source in (title, head):
        for hit in _EN_SPELLED.finditer(source):
            spelled = _spelled_out(hit.group(1), hit.group(2))
            if spelled:
                return spelled
    if signed:
        return _en_clean(signed)
    for source in (head, title):
        m = _EN_ACRONYM_ISSUER.search(source)
        if m:
            return m.group(1)
    return None


def _spelled_out(words: str, acronym: str) -> str | None:
    """The trailing words of `words` whose initials spell `acronym`, if any ("... HM Revenue and Customs")."""
    parts = words.split()
    for start in range(len(parts)):
        tail = parts[start:]
        if tail[0] in _EN_SMALL:
            continue
        caps = [w for w in tail if w not in _EN_SMALL]
        spelled = {"".join(w[0] for w in caps), "".join(w[0].upper() for w in tail)}
        if caps[0].isupper():
            spelled.add(caps[0] + "".join(w[0] for w in caps[1:]))
        if acronym in spelled:
            return _en_clean(" ".join(tail))
    return None


def _en_clean(name: str) -> str:
    name = name.strip().rstrip(".,;:'’")
    return re.sub(r"^(?:The|Today the|Today)\s+", "", name)


def _clean_zh(name: str) -> str:
    name = _ZH_ISSUER_PREFIX.sub("", name)
    return name.strip()
