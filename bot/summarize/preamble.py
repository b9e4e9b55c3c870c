"""A Chinese sentence's preamble (为…，确保…，): the purpose clauses before its main clause, for the headline."""

from __future__ import annotations

import re

from bot.summarize import cues
from bot.summarize.sentences import Sentence
from bot.summarize.worth import figures

__all__ = ["enacts", "purpose_clauses"]

# "制定本预案。", "特制订本实施办法": the preamble's own main clause, saying only that the text was written; not
# "制定本单位应急预案" (each unit drafts its own: a duty), nor any other 本 + a body or a place.
_ZH_ENACTS = re.compile(
    r"^(?:特|现)?(?:制定|制订|修订|印发)了?本"
    r"(?!单位|部门|地区|辖区|系统|行业|企业|机关|学院|学校|社区|村|级|区|县|市|省|乡|镇|校|院|系|室|科|处|局|委|办)"
    r"[^,;:。]{0,4}?(?:方案|预案|办法|细则|规定|意见|制度|通知|规则|标准|指南|条例|计划|要点)[,;:。]?$"
)
# What makes a clause of aim a duty of its own ("确保每名学生于2031年7月1日前签订安全承诺书", "确保各单位要…"):
# a date (a Chinese-numeral one too: worth.figures finds the digits) or a modal. 要 not in 重要/主要/需要/要求/
# 要点; 应 not in 相应/适应/供应/应急/应用; 请 not in 申请.
_ZH_DUTY_MARK = re.compile(
    rf"[〇零一二三四五六七八九十][年月日号]|{cues.ZH_YAO}|须|务必|{cues.ZH_YING}|(?<!申)请"
)


def purpose_clauses(sentence: Sentence) -> int:
    """How many clauses a sentence opens with that only state its purpose (0 when it opens otherwise): the
    opening "为…" and the clauses of aim after it, up to the clause that says who acts or what is done, or that
    holds a date, a figure or a modal: "确保每名学生于7月1日前签订承诺书" is the duty, not its purpose."""
    clauses = sentence.clauses
    if len(clauses) < 2 or not cues.ZH_PURPOSE_OPEN.match(clauses[0].folded):
        return 0
    n = 1
    # The sentence's last clause is its main clause whatever it opens with: a purpose needs one after it.
    while n < len(clauses) - 1 and cues.ZH_AIM.match(clauses[n].folded) and not _dutiful(clauses[n].folded):
        n += 1
    return n


def _dutiful(folded: str) -> bool:
    """Whether a clause of aim holds a date, a figure or a modal: then it states a duty."""
    return bool(figures(folded)) or _ZH_DUTY_MARK.search(folded) is not None


def enacts(folded: str) -> bool:
    """Whether a clause only says the text itself was drawn up ("制定本预案", "特制订本办法")."""
    return _ZH_ENACTS.match(folded) is not None
