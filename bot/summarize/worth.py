"""What a compressed clause is worth in the headline: the specifics readers act on, less what repeats.

The importance ranking (`importance.py`) orders directives for the whole push; a 150-character headline
is a harder choice, so it adds the things a reader looks for in a notice's first line (dates to act by,
figures, quoted names, prohibitions, when it takes effect) and takes off what the title or another piece
already says.
"""

from __future__ import annotations

import re

from bot.dates import WEEKDAY, YEARLESS_DATE
from bot.summarize import cues
from bot.summarize.lang import Lang, fold

__all__ = ["figures", "restates", "specifics"]

# A date with what makes it one to act on: "4月17日前", "于2031年10月底前", "截至7月31日", "by June 30".
_ZH_DATE = (
    r"(?:\d{4}\s*年\s*)?(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?|\d{1,2}\s*[日号])|\d{4}\s*年(?:初|底|末|内)"
)
_ZH_DUE = re.compile(
    rf"(?:{_ZH_DATE})(?:\s*(?:底|中旬|上旬|下旬))?\s*(?:之前|以前|前|起|开始|止|截止)"
    rf"|(?:于|截至|截止|自|从|最迟|不迟于)\s*(?:{_ZH_DATE})"
    rf"|(?:{_ZH_DATE})\s*[至到\-—–]\s*(?:{_ZH_DATE})"
)
_EN_DUE = re.compile(
    rf"\b(?:by|before|until|through|from|starting|beginning|effective|no later than|on or before|as of)\s+"
    rf"(?:the\s+)?(?:{YEARLESS_DATE}|\d{{4}}-\d{{2}}-\d{{2}}|"
    rf"{cues.EN_CLOCK}|{WEEKDAY}|\w+ deadline|"
    rf"the (?:deadline|closing date|due date))"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\b\d+\s+(?:days?|hours?|weeks?|months?)\s+(?:before|after|of)\b"
    # "The last day to lodge grant applications is Tuesday, Mar. 4", "the deadline … is May 1": a due date stated
    rf"|\b(?:last day|deadline|closing date|due date)\b[^.;]{{0,80}}?\b(?:is|will be|falls on)\s+(?:the\s+)?"
    # the hour may come first ("The deadline for returns is 11.59pm on January 31")
    rf"(?:(?:{cues.EN_CLOCK}|midnight|noon),?\s+(?:on\s+)?)?(?:{WEEKDAY},?\s+)?(?:{YEARLESS_DATE})",
    re.IGNORECASE,
)
# Figures with a unit, money and percentages: what a reader compares and remembers.
_ZH_FIGURE = re.compile(
    r"(?<!\d)(?<!\d[,.:：])\d[\d,.:：]*\s*(?:%|％|元|万|亿|人次|人|个|项|家|天|日内|小时|户|名|所|批|倍|台|辆|公里|亩|吨|周|年内|月内|个月)"
    r"|(?<![一二三四五六七八九十两百千万])[一二三四五六七八九十两百千万]+(?:个|项|批|家|名)|(?<![\d.])[\d.]+\s*[万亿]?元"
)
_EN_FIGURE = re.compile(
    r"[$€£¥]\s?\d[\d,.]*|\b(?<!\d[,.])\d[\d,.]*\s*(?:%|percent|per cent|days?|hours?|weeks?|months?|years?|times|people|"
    r"workers|engines|employees|cities|million|billion)\b"
    # A count of things ("25 signatures", "37 cases"): a figure with its own plural noun.
    # Not a year ("in 2019 this …") nor a word that only ends in s ("5 across", "10 was").
    r"|\b(?<![\d,.])(?!(?:19|20)\d\d\b)\d[\d,]*\s+"
    r"(?!(?:this|thus|does|was|has|his|its|across|unless|always|perhaps|less|plus)\b)[A-Za-z]?[a-z]{2,}s\b"
    # A period in words ("for five years", "within thirty days"): a time limit as much as "5 years".
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty"
    r"|sixty|ninety)[\s-]+(?:days?|hours?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"“[^”]{1,20}”|\"[^\"]{1,30}\"")
# Prohibitions and hard duties: the sentences with consequences.
_HARD = {
    "zh": re.compile(r"不得|禁止|严禁|一律|不准|必须|务必|限期|立即|停止"),
    "en": re.compile(
        r"\b(?:must|shall|(?:are|is) required to|required to|prohibited|may not|must not|no later than|mandatory)\b",
        re.IGNORECASE,
    ),
}
_DIGIT = re.compile(r"\d+")
# Money a reader pays or gets: exemptions, subsidies, funds, fees, fines.
_MONEY = {
    "zh": re.compile(r"免征|免收|减免|退还|补贴|补助|专项资金|经费|费用|收费|罚款"),
    "en": re.compile(
        r"\b(?:fees?|fines?|tax(?:es)?|subsid(?:y|ies)|grants?|refunds?|payments?|allowances?)\b", re.I
    ),
}
# Any of the names, duties, effects and money that specifics() looks for: most pieces hold none.
_REST = {
    lang: cues.any_of(_QUOTED, _HARD[lang], cues.EFFECT, cues.SANCTION, _MONEY[lang]) for lang in ("zh", "en")
}


# The yes/no tests specifics() makes, as scans for where a match can start (cues.any_of): faster.
_DUE = {"zh": cues.any_of(_ZH_DUE), "en": cues.any_of(_EN_DUE)}
_FIGURE = {"zh": cues.any_of(_ZH_FIGURE), "en": cues.any_of(_EN_FIGURE)}


def specifics(text: str, lang: Lang) -> float:
    """How much of what readers look for the piece holds: due dates, figures, names, hard duties, effect."""
    folded = fold(text)
    worth = 0.0
    # Every Chinese due date and every time limit holds a digit; most pieces hold none.
    digit = _DIGIT.search(folded) is not None
    if (digit or lang == "en") and _DUE[lang].search(folded):
        worth += 1.0
    past = lang == "zh" and cues.informs(folded)
    if past:
        worth -= 1.0  # what has been done or counted informs: its figures are not what a reader acts on
    elif _FIGURE[lang].search(folded) or (digit and cues.TIME_LIMIT.search(folded)):
        worth += 0.6
    if not _REST[lang].search(folded):
        return worth  # none of the tests below can match
    if _QUOTED.search(folded):
        worth += 0.4
    if _HARD[lang].search(folded):
        worth += 0.5
    if cues.EFFECT.search(folded) or cues.SANCTION.search(folded):
        worth += 0.5
    if _MONEY[lang].search(folded):
        worth += 0.4
    return worth


def figures(text: str) -> frozenset[str]:
    """The numbers a piece states: two pieces with different numbers say different things."""
    return frozenset(_DIGIT.findall(text))


def restates(piece: frozenset[str], title: frozenset[str]) -> bool:
    """Whether most of a piece's tokens are the title's: the push shows the title right above."""
    return len(piece) >= 3 and len(piece & title) >= 0.6 * len(piece)
