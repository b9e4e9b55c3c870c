"""Change notices: whether a notice corrects, supplements, postpones or withdraws an earlier one, and which."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

__all__ = ["BODY_LINES", "Change", "ChangeKind", "ChangeLink", "detect_change"]

ChangeKind = Literal["correction", "supplement", "postponement", "withdrawal"]


@dataclass(frozen=True, slots=True)
class Change:
    """What a change notice does and the title (or the words) of the notice it refers to."""

    kind: ChangeKind
    referred: str


@dataclass(frozen=True, slots=True)
class ChangeLink:
    """A change notice's link (bot.changelinks): what it does, and the earlier notice's id and title."""

    kind: ChangeKind
    notice_id: int
    title: str


# The nouns a Chinese notice's subject ends with when it names a document or an event: "关于撤销《X》的通知"
# and "关于取消2025年职工运动会的通知" refer to something published; "关于更正工作作风的通知" (correcting one's
# style of work) does not, and neither names a document nor ends in one of these.
_ZH_THING = (
    r"(?:通知|公告|通告|通报|公示|启事|文件|办法|规定|意见|方案|决定|细则|安排|规则|指南|批复|名单|目录|计划|"
    r"会议|大会|年会|运动会|联欢会|招聘会|交流会|座谈会|报告会|考试|笔试|面试|答辩|比赛|竞赛|活动|培训|培训班|讲座|论坛|"
    r"展览|评选|申报|报名|招聘|典礼|仪式|开幕式)"
)
_ZH_THING_END = re.compile(f"{_ZH_THING}$")
_ZH_DOC = r"(?:通知|公告|通告|通报|公示|启事|说明|函)"
_ZH_KIND: dict[str, ChangeKind] = {
    "更正": "correction",
    "勘误": "correction",
    "修正": "correction",
    "补充": "supplement",
    "延期": "postponement",
    "推迟": "postponement",
    "延长": "postponement",
    "顺延": "postponement",
    "改期": "postponement",
    "撤销": "withdrawal",
    "撤回": "withdrawal",
    "废止": "withdrawal",
    "作废": "withdrawal",
    "取消": "withdrawal",
    # Not 停止 alone: 关于停止受理2027年度申报的通知 closes applications, it withdraws nothing.
    "停止执行": "withdrawal",
    "停止施行": "withdrawal",
}
_ZH_VERB = "|".join(_ZH_KIND)
_EVENT_VERB = r"(?:举行|举办|召开|开展|进行|实施|执行|报名|截止|受理|考试)"

# Object first: 关于《X》的更正通知, 关于X的补充通知, 关于X延期举行的通知, 关于X取消举办的公告.
_ZH_AFTER = re.compile(
    rf"关于(?P<ref>.+?)(?:的)?(?P<verb>{_ZH_VERB})(?:{_EVENT_VERB})?(?:的)?(?:{_ZH_DOC}|$)"
)
# Verb first, with its object named: 关于更正《X》的通知, 关于撤销X办法的通知, 关于延长X截止时间的通知.
_ZH_BEFORE = re.compile(rf"关于(?P<verb>{_ZH_VERB})(?P<ref>.+?)(?:的)?{_ZH_DOC}$")
# Marked: X（更正）, 【更正】X, 更正：X, 更正公告：X.
_ZH_MARK_AFTER = re.compile(rf"^(?P<ref>.+?)[（(【\[](?P<verb>{_ZH_VERB})(?:版|稿|{_ZH_DOC})?[）)】\]]$")
_ZH_MARK_BEFORE = re.compile(rf"^[【\[]?(?P<verb>{_ZH_VERB}){_ZH_DOC}?[】\]:：]\s*(?P<ref>.+)$")
_ZH_DEADLINE = re.compile(r"(?:的)?(?:截止)?(?:时间|日期|期限)$")
_QUOTED = re.compile(r"《(?P<ref>[^《》]{2,200})》")
# A title that says only what it is ("更正公告", "关于延期的通知"): the notice it changes is named in the body.
_ZH_BARE = re.compile(rf"^(?:关于)?(?P<verb>{_ZH_VERB})(?:的)?{_ZH_DOC}?$")
# In a body's first lines: 现对《X》作如下更正 / 现将《X》有关事项补充通知如下 / 原定…《X》延期.
_ZH_BODY = re.compile(rf"《(?P<ref>[^《》]{{2,200}})》[^。；;\n]{{0,30}}?(?P<verb>{_ZH_VERB})")

_EN_KIND: dict[str, ChangeKind] = {
    "correction": "correction",
    "corrected": "correction",
    "corrigendum": "correction",
    "erratum": "correction",
    "amended": "correction",
    "amendment": "correction",
    "revised": "correction",
    "updated": "supplement",
    "update": "supplement",
    "supplement": "supplement",
    "supplementary notice": "supplement",
    "addendum": "supplement",
    "postponed": "postponement",
    "postponement": "postponement",
    "rescheduled": "postponement",
    "deadline extended": "postponement",
    "extension": "postponement",
    "rescinded": "withdrawal",
    "rescission": "withdrawal",
    "notice of rescission": "withdrawal",
    "withdrawn": "withdrawal",
    "withdrawal": "withdrawal",
    "cancelled": "withdrawal",
    "canceled": "withdrawal",
    "cancellation": "withdrawal",
    "repeal": "withdrawal",
    "revocation": "withdrawal",
}
_EN_WORDS = "|".join(sorted((re.escape(w) for w in _EN_KIND), key=len, reverse=True))
# "Correction: X", "UPDATED - X", "Postponed: X": a change word alone before a colon or a dash.
_EN_LABEL = re.compile(rf"^[\[(]?(?P<verb>{_EN_WORDS})[\])]?\s*(?::|–|—|-\s)\s*(?P<ref>.+)$", re.I)
# "Correction to the X", "Rescission of X", "Amended X": the change word governs the rest of the title.
# Only words that cannot start an ordinary title: "Corrections officers…", "Updated guidance…" stay out.
_EN_OF = re.compile(
    r"^(?P<verb>correction|corrigendum|erratum|amendment|supplement|addendum|postponement|"
    r"notice of rescission|rescission|withdrawal|cancellation|repeal|revocation)\s+(?:to|of)\s+"
    r"(?:the\s+)?(?P<ref>.+)$",
    re.I,
)
# What "Withdrawal of …", "Correction to …" must name to be about a published notice or an event:
# "Withdrawal of troops…", "Correction of errors in…", "Amendment to the Constitution…" are news, not changes.
_EN_THING = re.compile(
    r"\b(?:notices?|rules?|regulations?|orders?|polic(?:y|ies)|guidance|guidelines?|circulars?|memo(?:randum)?|"
    r"directives?|decisions?|announcements?|call|tenders?|solicitations?|consultations?|meetings?|hearings?|"
    r"events?|exams?|examinations?|conferences?|workshops?|deadlines?|invitations?|bulletins?|advisor(?:y|ies)|"
    r"press releases?|requests? for \w+)\b",
    re.I,
)
_EN_AMENDED = re.compile(r"^(?P<verb>amended|revised|corrected)\s+(?P<ref>notice\b.+)$", re.I)
_EN_EXTENSION = re.compile(
    r"^(?P<verb>extension)\s+of\s+(?:the\s+)?(?:deadline|closing date|comment period|submission period|"
    r"application period|due date)\s+(?:for|of|to)\s+(?:the\s+)?(?P<ref>.+)$",
    re.I,
)
# "X (Revised)", "X - Postponed", "X [Corrected]".
_EN_TAIL = re.compile(
    rf"^(?P<ref>.+?)\s*(?:[(\[](?P<verb>{_EN_WORDS})[)\]]|\s[-–—:]\s*(?P<verb2>{_EN_WORDS}))$", re.I
)

_MIN_REF = 2  # characters: a referred title shorter than this names nothing
BODY_LINES = 400  # characters of the body looked at when the title names no earlier notice


def _body(text: str) -> str:
    """The body's first lines, NFKC-folded as the title is (looked at only when the title names no notice)."""
    return unicodedata.normalize("NFKC", text[:BODY_LINES])


# Real titles are far shorter; a longer one (hostile, or a page whose whole text became the title) is not
# looked at: the searches for 关于… are quadratic in the worst case (1 s for 6,000 characters of "关于").
_TITLE_MAX = 400


def _clean(ref: str) -> str:
    ref = ref.strip(" \t:：,，.。-–—\"'“”‘’")
    if ref.lower().startswith("the "):
        ref = ref[4:]
    return ref.strip()


def _zh_title(title: str) -> Change | None:
    quoted = _QUOTED.search(title)
    # Matched with the quoted title emptied: a change word inside 《》 belongs to the earlier notice.
    shell = _QUOTED.sub("《》", title)
    for pattern in (_ZH_MARK_AFTER, _ZH_MARK_BEFORE):
        m = pattern.match(shell)
        if m:
            return Change(_ZH_KIND[m.group("verb")], quoted.group("ref") if quoted else m.group("ref"))
    m = _ZH_AFTER.search(shell)
    if m and (quoted or _ZH_THING_END.search(m.group("ref"))):
        return Change(_ZH_KIND[m.group("verb")], quoted.group("ref") if quoted else m.group("ref"))
    m = _ZH_BEFORE.search(shell)
    if m:
        ref = re.sub(f"^{_EVENT_VERB}", "", m.group("ref"))
        ref = _ZH_DEADLINE.sub("", ref) if _ZH_KIND[m.group("verb")] == "postponement" else ref
        # The object must name a document (in 《》) or something published: else it is a plain topic.
        if quoted or _ZH_THING_END.search(ref):
            return Change(_ZH_KIND[m.group("verb")], quoted.group("ref") if quoted else ref)
    return None


def _en_title(title: str) -> Change | None:
    m = _EN_EXTENSION.match(title)
    if m:
        return Change("postponement", m.group("ref"))
    for pattern in (_EN_LABEL, _EN_OF, _EN_AMENDED):
        m = pattern.match(title)
        if m and (pattern is not _EN_OF or _EN_THING.search(m.group("ref"))):
            return Change(_EN_KIND[m.group("verb").lower()], m.group("ref"))
    m = _EN_TAIL.match(title)
    if m:
        verb = m.group("verb") or m.group("verb2")
        return Change(_EN_KIND[verb.lower()], m.group("ref"))
    return None


def detect_change(title: str, text: str = "") -> Change | None:
    """The change this notice announces, from its title (and, for the referred title, its first lines).

    None for an ordinary notice. The referred title is what the notice names: the text in 《》, else the
    words after 关于 up to the change word, else the rest of an English title after its change label.
    """
    if len(title) > _TITLE_MAX:
        return None
    folded = " ".join(unicodedata.normalize("NFKC", title).split())
    # NFKC turns 《》 into themselves and full-width brackets into ASCII ones: both spellings are handled.
    change = _zh_title(folded) or _en_title(folded)
    if change is None:
        # A body that corrects "《X》" announces a change only when the title says it is one too (checked
        # first: an ordinary notice's push costs the title's regexes only).
        bare = _ZH_BARE.match(folded)
        if bare is None:
            return None
        m = _ZH_BODY.search(_body(text))
        if m is None:
            return None
        change = Change(_ZH_KIND[bare.group("verb")], m.group("ref"))
    referred = _clean(change.referred)
    if len(referred) < _MIN_REF or referred.lower() in ("notice", "the notice", "通知", "公告"):
        # "更正公告：通知": the title names no earlier notice; its body may (现对《X》更正如下).
        m = _QUOTED.search(_body(text))
        if m is None:
            return None
        referred = _clean(m.group("ref"))
    return Change(change.kind, referred)
