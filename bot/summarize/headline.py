"""The headline: a notice's core (who must do what, by when) packed from compressed clauses into ~150 chars."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.summarize import cues
from bot.summarize.compress import compress, shorten
from bot.summarize.importance import COVER, RUN_IN_MAX, Weighed
from bot.summarize.lang import Lang
from bot.summarize.rank import Unit, tokens
from bot.summarize.sentences import Sentence

__all__ = ["HEADLINE_LIMIT", "Piece", "build_headline", "headline_pieces"]

HEADLINE_LIMIT = 150
# A piece longer than this share of the headline crowds out the rest; a shorter clause of it will do.
_MAX_SHARE = 0.7
# Pieces sharing this share of their tokens with one already taken repeat it.
_MAX_OVERLAP = 0.6
_MIN_WEIGHT = 0.4
# A notice whose clauses all score low still gets a headline from its best few.
_FALLBACK = 3
_DATE_TEXT = re.compile(
    r"[\d〇零一二三四五六七八九十]+\s*[年月日号]|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|[\s,，.:：;；()（）]"
)
# Only the best-weighted clauses are worth compressing; the rest never make a 150-character headline.
_MAX_CANDIDATES = 25
# The subject of a Chinese directive: who, before the modal ("各地区各有关部门要…").
_ZH_SUBJECT = re.compile(r"^([^，,；;：:]{2,16}?)(?=要|须|必须|应当|应|不得|严禁)")
# English clauses run long; cut at a tail boundary so that two directives share a headline.
_EN_PIECE = 90
_EN_LEAD_LIFT = 1.5


@dataclass(frozen=True, slots=True)
class Piece:
    """One compressed clause of the headline, with where it came from and how much it matters."""

    text: str
    start: int  # offset of its clause in the notice text (document order)
    sentence: int
    weight: float
    dated: bool


def _framing(unit: Unit, lang: Lang, title: str) -> bool:
    """Clauses that frame rather than direct: purpose/basis, addressee lines, the title said again."""
    f = unit.clause.folded
    if cues.BASIS[lang].search(f) or cues.META[lang].search(unit.sentence.folded):
        return True
    s = unit.sentence
    if s.folded.endswith(":") and len(s.text) <= 40:
        return True  # "各乡镇人民政府，县政府各部门：" addresses, it does not direct
    return bool(title) and len(f) >= 8 and (f in title or title in f)


def headline_pieces(
    weighed: Sequence[Weighed],
    sentences: Sequence[Sentence],
    lang: Lang,
    limit: int = HEADLINE_LIMIT,
    title: str = "",
    annex_from: int | None = None,
) -> list[Piece]:
    """The pieces of the headline, in document order: the most important compressed clauses that fit."""
    longest = limit * (_MAX_SHARE if lang == "zh" else 1.0)
    if annex_from is not None and not any(COVER.search(s.folded) for s in sentences[:annex_from]):
        # Only a cover letter's annex carries the directives; any other annex details or reports.
        weighed = [w for w in weighed if w.unit.sentence.index < annex_from]
    lead = weighed[0].unit.sentence.index if weighed else -1
    # A press release's lead states the measure (inverted pyramid): in English it opens the headline.
    lift = {lead: _EN_LEAD_LIFT} if lang == "en" else {}
    ranked_units = sorted(
        (w for w in weighed if not _framing(w.unit, lang, title)),
        key=lambda w: -(w.weight + lift.get(w.unit.sentence.index, 0.0)),
    )
    candidates: list[Piece] = []
    for w in ranked_units[:_MAX_CANDIDATES]:
        if w.weight < _MIN_WEIGHT and len(candidates) >= _FALLBACK:
            break
        text = shorten(compress(w.unit.clause.text, lang), _EN_PIECE, lang)
        if len(text) < (4 if lang == "zh" else 12) or len(text) > longest:
            continue
        if lang == "zh" and len(_DATE_TEXT.sub("", text)) < 3:
            continue  # "7月21日": a date with nothing to do by it
        weight = w.weight + lift.get(w.unit.sentence.index, 0.0)
        candidates.append(Piece(text, w.unit.clause.start, w.unit.sentence.index, weight, w.dated))
    candidates.extend(_cover_pieces(sentences, lang, annex_from))
    # Stand-alone outline headings that name a measure ("（一）加强组织领导") are directives in short form.
    for s in sentences:
        if annex_from is not None and s.index >= annex_from:
            break
        if (
            s.heading
            and s.level > 0
            and len(s.text) <= RUN_IN_MAX[lang]
            and cues.ACTION[lang].search(s.folded)
        ):
            text = compress(s.text, lang)
            if len(text) >= 4:
                candidates.append(Piece(text, s.start, s.index, 1.2, False))
    ranked = sorted(candidates, key=lambda p: p.weight / max(len(p.text), 8) ** 0.35, reverse=True)
    chosen: list[Piece] = []
    grams: list[frozenset[str]] = []
    used = 1  # the end mark
    sep = 1 if lang == "zh" else 2
    for piece in ranked:
        mine = tokens(piece.text.lower(), lang)
        if any(mine and len(mine & g) / len(mine) > _MAX_OVERLAP for g in grams):
            continue
        # Pieces, separators and the end mark: the joined length (a repeated subject only shortens it).
        cost = len(piece.text) + (sep if chosen else 0)
        if used + cost > limit:
            continue
        used += cost
        chosen.append(piece)
        grams.append(mine)
    dated_pieces = [p for p in ranked if p.dated]
    if dated_pieces and not any(p.dated for p in chosen):
        # By when matters as much as what: make room for the most important dated clause.
        best = dated_pieces[0]
        while chosen and len(_join([*chosen, best], lang)) > limit:
            chosen.remove(min(chosen, key=lambda p: p.weight))
        if len(_join([*chosen, best], lang)) <= limit:
            chosen.append(best)
    return sorted(chosen, key=lambda p: p.start)


def _cover_pieces(sentences: Sequence[Sentence], lang: Lang, annex_from: int | None) -> list[Piece]:
    """The cover letter's directive ("现印发给你们，请贯彻执行"), which the summary skips as framing."""
    if lang != "zh":
        return []
    for s in sentences[: annex_from or len(sentences)]:
        m = COVER.search(s.folded)
        if m:
            text = compress(s.text[m.start() :], lang)
            return [Piece(text, s.start + m.start(), s.index, 1.5, False)] if text else []
    return []


def _join(pieces: Sequence[Piece], lang: Lang) -> str:
    ordered = sorted(pieces, key=lambda p: p.start)
    if lang == "zh":
        out = ""
        subject = None
        for i, p in enumerate(ordered):
            if i:
                out += "，" if ordered[i - 1].sentence == p.sentence else "；"
            m = _ZH_SUBJECT.match(p.text)
            # "各地要A；各地要B" says who once: "各地要A；要B".
            out += p.text[len(m.group(1)) :] if m and m.group(1) == subject else p.text
            subject = m.group(1) if m else None
        return out + "。" if out else out
    return "; ".join(p.text for p in ordered) + ("." if ordered else "")


def build_headline(
    weighed: Sequence[Weighed],
    sentences: Sequence[Sentence],
    lang: Lang,
    limit: int = HEADLINE_LIMIT,
    title: str = "",
    annex_from: int | None = None,
) -> str:
    """The headline text: the pieces joined with ，/； (Chinese) or "; " (English), at most limit chars."""
    return _join(headline_pieces(weighed, sentences, lang, limit, title, annex_from), lang)
