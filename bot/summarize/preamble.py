"""A Chinese sentence's preamble (为…，确保…，): the purpose clauses before its main clause, for the headline."""

from __future__ import annotations

import re

from bot.summarize import cues
from bot.summarize.sentences import Sentence

__all__ = ["enacts", "purpose_clauses"]

# "制定本预案。", "特制订本实施办法": the preamble's own main clause, saying only that the text was written; not
# "制定本单位应急预案" (each unit drafts its own: a duty), nor any other 本 + a body or a place.
_ZH_ENACTS = re.compile(
    r"^(?:特|现)?(?:制定|制订|修订|印发)了?本"
    r"(?!单位|部门|地区|辖区|系统|行业|企业|机关|学院|学校|社区|村|级|区|县|市|省|乡|镇|校|院|系|室|科|处|局|委|办)"
    r"[^,;:。]{0,4}?(?:方案|预案|办法|细则|规定|意见|制度|通知|规则|标准|指南|条例|计划|要点)[,;:。]?$"
)


def purpose_clauses(sentence: Sentence) -> int:
    """How many clauses a sentence opens with that only state its purpose (0 when it opens otherwise): the
    opening "为…" and the clauses of aim after it, up to the clause that says who acts or what is done."""
    clauses = sentence.clauses
    if len(clauses) < 2 or not cues.ZH_PURPOSE_OPEN.match(clauses[0].folded):
        return 0
    n = 1
    # The sentence's last clause is its main clause whatever it opens with: a purpose needs one after it.
    while n < len(clauses) - 1 and cues.ZH_AIM.match(clauses[n].folded):
        n += 1
    return n


def enacts(folded: str) -> bool:
    """Whether a clause only says the text itself was drawn up ("制定本预案", "特制订本办法")."""
    return _ZH_ENACTS.match(folded) is not None
