"""Counts headline pieces cut just before a condition, exception or time limit of what they kept.

Run as `.venv/bin/python bench/cut_conditions.py [--show]` on the TRAINING sets only (dev.json, the even half of
real-dev.json, real-extra, real-valid, real-train-en, real-train-zh, real-train-en2) and on the hand-made notices
below. A piece is flagged when, in the notice, the words it ends on are followed (in the same sentence) by a
condition word ("Boats may moor at the jetty overnight | if the harbour master agrees", "Kayak hire is suspended
| until the flood warning is lifted", "不得收费 |，但经批准的除外"), or when it is negated and the rest of its
sentence holds one ("Ferries do not sail | to the island in winter before the spring timetable starts"). It
reads only the headline's text, so it counts any build alike. Prints per set how many pieces are flagged of how
many; --show prints each flagged piece of the training sets with what follows it in the notice.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from summarize import load as load_set  # bench/summarize.py: the bench's own loader of a set

from bot.summarize import summarize

TRAINING = (
    "dev.json",
    "real-dev.json",  # the even half only
    "real-extra.json",
    "real-valid.json",
    "real-train-en.json",
    "real-train-zh.json",
    "real-train-en2.json",
)
_EN_COND = re.compile(
    r"[\s,;:\u2013\u2014-]*(?:if|unless|until|till|without|except|excepting|provided that|providing that|subject to"
    r"|as long as|so long as|only|before|after(?! which)|(?<!see )(?:when|whenever|where|wherever)|in case|in the event"
    r"|prior to|other than)\b",
    re.I,
)
# An asking-condition opens what to do in doubt, no limit of what comes before it.
_EN_ASKING = re.compile(
    r"[\s,;:]*if\s+you\s+(?:have|need|require|would like)\s+(?:any\s+)?(?:further\s+|more\s+)?"
    r"(?:questions?|queries|enquiries|information|assistance|help|details)",
    re.I,
)
_EN_NEG = re.compile(r"\b(?:not|never|no longer|cannot|prohibited|forbidden|banned)\b|n't\b", re.I)
_EN_COND_ANY = re.compile(
    r"\b(?:if|unless|until|till|without|except|provided that|subject to|prior to|before)\b", re.I
)
# Chinese puts a condition before what it limits ("如…，" "在…前，" open the next clause, not this one's):
# what follows a piece and limits it is an exception ("，但经批准的除外", "，惟…").
_ZH_COND = re.compile(
    r"[，,、\s]*(?:但(?!是)|惟|唯(?!一)|[^，,。；;]*除外)"
)  # a plain 但是 opens a new statement
_ZH_BARE = re.compile(r"(?:不得|禁止|严禁)$")
_SENTENCE_END = re.compile(r"[.!?。！？；;\n]")

# Hand-made notices (own wording): where a cut drops a condition, and look-alikes where it must not matter.
FORMS: list[dict[str, str]] = [
    {
        "title": "Jetty moorings",
        "text": "Boats from the sailing club may moor at the visitors' jetty "
        "overnight and at weekends if the harbour master has agreed to it in writing beforehand.",
    },
    {
        "title": "Boat hire",
        "text": "Kayak and canoe hire at both of the country park's lakes is suspended "
        "for all visitors while the flood warning for the valley remains in force.",
    },
    {
        "title": "Ferry timetable",
        "text": "Ferries do not sail to the island from the north harbour in the winter "
        "months before the spring timetable starts, except for the weekly supply boat.",
    },
    {
        "title": "Nature reserve",
        "text": "Owners must keep a short lead on every dog walked anywhere in the nature "
        "reserve during the nesting season unless it is a registered assistance dog.",
    },
    {
        "title": "Hall hire",
        "text": "The community hall will remain open to members for the usual weekday "
        "activities and classes as before, and the cafe will keep its hours.",
    },
    {
        "title": "Parking",
        "text": "Residents must display the new parking permit on the windscreen of every "
        "vehicle parked in the zone from 1 March. If you have any questions, call the parking office.",
    },
    {
        "title": "校园管理",
        "text": "各学院不得向学生收取任何形式的资料费用和考试报名费用，但经学校批准的除外。",
    },
    {"title": "施工通知", "text": "施工单位禁止在居民区附近夜间施工，在取得环保部门许可前，不得开工。"},
    {"title": "停水通知", "text": "因管道维修，5月3日8时至18时停水，请居民提前储水。如有疑问，请致电12345。"},
]


def load(name: str) -> list[dict[str, Any]]:
    """A training set's items: of real-dev.json only the even half (its odd half is a judge, never read here)."""
    items = load_set(name)
    return items[0::2] if name == "real-dev.json" else items


def pieces(headline: str, lang: str) -> list[str]:
    """The headline's pieces, as headline._join joins them ("；"/"，" in Chinese, "; " in English)."""
    body = headline.rstrip("。.")
    return [p for p in re.split(r"[；，]" if lang == "zh" else r"; ", body) if p]


def _tail(piece: str, lang: str) -> str:
    """The last words of piece (six characters in Chinese, three words in English), found again in the text."""
    piece = piece.rstrip(" .,;:，；：、")
    return piece[-6:] if lang == "zh" else " ".join(piece.split()[-3:])


def flagged(piece: str, text: str, lang: str) -> bool:
    """Whether piece ends where its sentence in text goes on with a condition of it."""
    piece = piece.rstrip(" .,;:，；：、")
    tail = _tail(piece, lang)
    if len(tail) < 2:
        return False
    at = text.find(tail)
    while at >= 0:
        end = at + len(tail)
        stop = _SENTENCE_END.search(text, end)
        rest = text[end : stop.start() if stop else len(text)]
        if lang == "zh":
            if rest.strip() and (_ZH_COND.match(rest) or _ZH_BARE.search(piece)):
                return True
        elif rest.strip():
            if _EN_COND.match(rest) and not _EN_ASKING.match(rest):
                return True
            if _EN_NEG.search(piece) and _EN_COND_ANY.search(rest):
                return True
        at = text.find(tail, at + 1)
    return False


def _rest(piece: str, text: str, lang: str) -> str:
    """Up to 100 characters of text after piece's first place there (what a --show line prints)."""
    tail = _tail(piece, lang)
    at = text.find(tail)
    return text[at + len(tail) : at + len(tail) + 100].replace("\n", " ") if at >= 0 else ""


def count(items: list[dict[str, Any]], show: bool) -> tuple[int, int]:
    """How many headline pieces of items are flagged, of how many; with show, each flagged one is printed."""
    hits = total = 0
    for item in items:
        s = summarize(item["title"], item["text"])
        lang = "zh" if re.search(r"[\u4e00-\u9fff]", s.headline) else "en"
        parts = pieces(s.headline, lang)
        for i, p in enumerate(parts):
            total += 1
            after = _rest(p, item["text"], lang)
            rest = after.lstrip(" ,，")
            if i + 1 < len(parts) and rest and rest.startswith(parts[i + 1][:4]):
                continue  # the headline goes on with what follows the piece in the text
            if flagged(p, item["text"], lang):
                hits += 1
                if show:
                    print(f"  {item.get('id', item['title'])[:40]}: {p} || {after[:80]}")
    return hits, total


def main() -> None:
    show = "--show" in sys.argv
    for name in TRAINING:
        hits, total = count(load(name), show)
        label = f"{name} (even half)" if name == "real-dev.json" else name
        print(f"{label}: {hits} flagged of {total} pieces")
    hits, total = count(FORMS, True)
    print(f"hand-made: {hits} flagged of {total} pieces")


if __name__ == "__main__":
    main()
