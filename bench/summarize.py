"""Evaluation of the summariser: key-fact recall (budget and headline), metadata, push length and speed.

Run as `.venv/bin/python bench/summarize.py` (part of `make bench`). Three sets: bench/data/dev.json, the
even-positioned items of bench/data/real-dev.json (the half the rules were written against) and the odd ones
(the unseen half, never read while writing rules; only its aggregate figures are printed). A fourth,
bench/data/real-extra.json, is a larger tuning set added later: scored and its misses shown like the even half,
but not part of the targets. A fifth, bench/data/real-valid.json, is a third tuning set shown the same way (with
its misses) and kept out of the targets too. A sixth, bench/data/real-train-en.json, is a fourth tuning set of
English notices only (the language the rules fit worst), shown the same way. A seventh,
bench/data/real-train-zh.json, its Chinese counterpart, is the fifth tuning set, and an eighth,
bench/data/real-train-en2.json (circulars, releases, company, school and union notices), the sixth: both are shown
the same way. A ninth, bench/data/real-en.json (English official notices themselves, not news reports of them), is
the English validation set: rules and weights are written without reading its items, and a change is kept only if
its aggregates do not fall, so only those are printed. A tenth, bench/data/real-zh.json (Chinese official
notices), is its Chinese counterpart, a validation set printed the same way (aggregates only). An eleventh,
bench/data/real-fresh.json, is held out (nobody tunes on it; a second judge): like the unseen half, only its
aggregates are printed, and it is not part of the targets either. A twelfth, bench/data/real-fresh2.json, is a
second held-out set, written later, printed the same way (aggregates only).
Each is scored per language and overall, side by side with the lead baseline and plain TextRank on the
same budgets.
Prints a table per set and ends with one JSON line of the figures.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot import native
from bot.render import render_push, visible_length
from bot.summarize import default_budget, summarize
from bot.summarize.lang import Lang, detect_lang
from bot.summarize.rank import centrality, tokens
from bot.summarize.sentences import split
from storage.models import Notice, Summary

DATA = Path(__file__).resolve().parent / "data"
HEADLINE = 150
SPEED_CHARS = 2000
SPEED_ROUNDS = 5
SPEED_NOTICES = 200
META_FIELDS = ("issuer", "doc_number", "published")
# Targets of issue #9, on each half of real-dev.json and on dev.json.
T_RECALL, T_HEADLINE, T_HEADLINE_X_LEAD, T_META, T_SPEED = 0.85, 0.65, 3.0, 0.90, 200


@dataclass
class Tally:
    """Found facts and metadata hits of one slice (a set, a language)."""

    facts: int = 0
    budget: dict[str, int] = field(default_factory=lambda: {"ours": 0, "lead": 0, "textrank": 0})
    headline: dict[str, int] = field(default_factory=lambda: {"ours": 0, "lead": 0, "textrank": 0})
    meta: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0] for k in META_FIELDS})
    push: list[int] = field(default_factory=list)

    def recall(self, kind: str, who: str) -> float:
        return (self.budget if kind == "budget" else self.headline)[who] / self.facts if self.facts else 0.0

    def meta_acc(self, key: str) -> float | None:
        hit, n = self.meta[key]
        return hit / n if n else None


def load(name: str) -> list[dict[str, Any]]:
    """The items of a set in bench/data."""
    items: list[dict[str, Any]] = json.loads((DATA / name).read_text(encoding="utf-8"))["items"]
    return items


def _norm(text: str) -> str:
    return "".join(text.split()).lower()


def same_meta(got: str | None, expected: str) -> bool:
    """A metadata value is right when it equals the annotation with whitespace and 、 removed: the sets write a
    joint sign-off as the text lays it out ("国务院 中央军委", two lines), the summariser joins joint issuers with
    、 as #9 asks ("国务院、中央军委"); both name the same issuers in the same order."""
    return got is not None and _bare(got) == _bare(expected)


def _bare(value: str) -> str:
    return "".join(value.split()).replace("、", "")


def found(facts: list[str], summary: str, budget: int) -> int:
    """How many facts appear in the summary, counting only what lies inside the budget."""
    text = _norm(summary[:budget])
    return sum(1 for fact in facts if _norm(fact) in text)


def lead(text: str, lang: Lang, budget: int) -> str:
    """The lead baseline: the first sentences, the last one cut at the budget."""
    sep = "" if lang == "zh" else " "
    return sep.join(s.text for s in split(text, lang))[:budget]


def textrank(text: str, lang: Lang, budget: int) -> str:
    """Plain TextRank: most central whole sentences that fit, in document order; no cues, no trimming."""
    sentences = split(text, lang)
    scores = centrality([tokens(s.folded, lang) for s in sentences])
    chosen: list[int] = []
    used = 0
    for i in sorted(range(len(sentences)), key=lambda i: -scores[i]):
        cost = len(sentences[i].text) + (0 if lang == "zh" else 1)
        if used + cost <= budget:
            chosen.append(i)
            used += cost
    sep = "" if lang == "zh" else " "
    return sep.join(sentences[i].text for i in sorted(chosen))


def push_length(item: dict[str, Any], summary: Summary, lang: Lang) -> int:
    """Visible length of the push a subscriber gets for this notice (in its own language)."""
    notice = Notice(
        id=1,
        source_id=1,
        source_name="source",
        key=item["id"],
        url=item.get("url") or "https://example.org/notice",
        title=item["title"],
        text=item["text"],
        published=None,
        first_seen=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        content_hash="",
        summary=summary,
    )
    return visible_length(render_push(notice, lang))


def score(items: list[dict[str, Any]], show_misses: bool) -> dict[str, Tally]:
    """Tallies per language and overall ("all"); misses printed only for the halves rules may look at."""
    tallies = {"zh": Tally(), "en": Tally(), "all": Tally()}
    for item in items:
        title, text, facts = item["title"], item["text"], item["facts"]
        lang = detect_lang(title + "\n" + text)
        budget = default_budget(text)
        result = summarize(title, text, item.get("url", ""))
        counts = {
            "budget": {
                "ours": found(facts, result.summary, budget),
                "lead": found(facts, lead(text, lang, budget), budget),
                "textrank": found(facts, textrank(text, lang, budget), budget),
            },
            "headline": {
                "ours": found(facts, result.headline, HEADLINE),
                "lead": found(facts, lead(text, lang, HEADLINE), HEADLINE),
                "textrank": found(facts, textrank(text, lang, HEADLINE), HEADLINE),
            },
        }
        size = push_length(item, result, lang)
        for tally in (tallies[lang], tallies["all"]):
            tally.facts += len(facts)
            for who in ("ours", "lead", "textrank"):
                tally.budget[who] += counts["budget"][who]
                tally.headline[who] += counts["headline"][who]
            tally.push.append(size)
        for key, expected in item.get("meta", {}).items():
            got = getattr(result, key)
            for tally in (tallies[lang], tallies["all"]):
                tally.meta[key][1] += 1
                tally.meta[key][0] += same_meta(got, expected)
            if show_misses and not same_meta(got, expected):
                print(f"  miss {item['id']}: {key} {got!r} != {expected!r}")
        if show_misses:
            lost = [f for f in facts if _norm(f) not in _norm(result.summary[:budget])]
            lost_h = [f for f in facts if _norm(f) not in _norm(result.headline)]
            if lost or lost_h:
                print(f"  lost {item['id']}: budget {lost} headline {lost_h}")
    return tallies


def speed(items: list[dict[str, Any]]) -> float:
    """Median notices per CPU-second over 2,000-character notices built by repeating the dev texts.

    CPU time of this process (time.process_time), not wall time: on a shared machine the wall clock
    counts other processes' turns, the CPU clock counts only the summariser's own work on its one core.
    """
    notices = []
    for item in items:
        text = item["text"]
        while len(text) < SPEED_CHARS:
            text += "\n" + item["text"]
        notices.append((item["title"], text[:SPEED_CHARS]))
    rates = []
    for _ in range(SPEED_ROUNDS):
        start = time.process_time()
        for i in range(SPEED_NOTICES):
            title, text = notices[i % len(notices)]
            summarize(title, text)
        rates.append(SPEED_NOTICES / (time.process_time() - start))
    return statistics.median(rates)


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.2f}"


def print_table(name: str, tallies: dict[str, Tally]) -> None:
    print(f"\n{name}")
    print(
        f"{'':<5} {'facts':>5} | {'budget: ours':>12} {'lead':>5} {'trank':>5} | {'headline: ours':>14} "
        f"{'lead':>5} {'trank':>5} | {'issuer':>6} {'docno':>5} {'publ':>5} | {'push':>5}"
    )
    for lang, t in tallies.items():
        if not t.facts:
            continue
        meta = " ".join(f"{_fmt(t.meta_acc(k)):>{w}}" for k, w in zip(META_FIELDS, (6, 5, 5), strict=True))
        print(
            f"{lang:<5} {t.facts:>5} | {_fmt(t.recall('budget', 'ours')):>12} {_fmt(t.recall('budget', 'lead'))}"
            f" {_fmt(t.recall('budget', 'textrank'))} | {_fmt(t.recall('headline', 'ours')):>14}"
            f" {_fmt(t.recall('headline', 'lead'))} {_fmt(t.recall('headline', 'textrank'))} | {meta} |"
            f" {statistics.mean(t.push):5.0f}"
        )
    for key in META_FIELDS:
        hit, n = tallies["all"].meta[key]
        print(f"  {key}: {hit}/{n}", end="")
    print()


def figures(t: Tally) -> dict[str, Any]:
    lead_h = t.recall("headline", "lead")
    return {
        "recall": round(t.recall("budget", "ours"), 3),
        "recall_lead": round(t.recall("budget", "lead"), 3),
        "recall_textrank": round(t.recall("budget", "textrank"), 3),
        "headline_recall": round(t.recall("headline", "ours"), 3),
        "headline_lead": round(lead_h, 3),
        "headline_textrank": round(t.recall("headline", "textrank"), 3),
        "headline_vs_lead": round(t.recall("headline", "ours") / lead_h, 2) if lead_h else None,
        **{f"{k}_acc": (round(v, 3) if (v := t.meta_acc(k)) is not None else None) for k in META_FIELDS},
        "push_chars": round(statistics.mean(t.push)),
    }


def met(f: dict[str, Any]) -> bool:
    x_lead = f["headline_vs_lead"] is None or f["headline_vs_lead"] >= T_HEADLINE_X_LEAD
    meta_ok = all(f[f"{k}_acc"] is None or f[f"{k}_acc"] >= T_META for k in META_FIELDS)
    return f["recall"] >= T_RECALL and f["headline_recall"] >= T_HEADLINE and x_lead and meta_ok


def main() -> int:
    dev = load("dev.json")
    real = load("real-dev.json")
    sets = {
        "dev.json": (dev, True),
        "real-dev even half (rules written against it)": (real[0::2], True),
        "real-dev unseen half (odd positions; aggregates only)": (real[1::2], False),
    }
    out: dict[str, Any] = {"bench": "summarize"}
    ok = True
    keys = {"dev.json": "dev", "real-dev even": "real_even", "real-dev unseen": "real_unseen"}
    for name, (items, show) in sets.items():
        if show:
            print(f"\n[{name}] misses:")
        tallies = score(items, show)
        print_table(name, tallies)
        key = next(v for k, v in keys.items() if name.startswith(k))
        out[key] = {lang: figures(t) for lang, t in tallies.items() if t.facts}
        ok = ok and met(out[key]["all"])
        print(f"targets ({name}): {'met' if met(out[key]['all']) else 'NOT MET'}")
    # The other sets, none part of targets_met, which stays defined on dev.json and the two halves: the tuning
    # sets (bench/data/real-extra.json, real-valid.json, real-train-en.json, real-train-zh.json,
    # real-train-en2.json) with their misses shown like the even half's; the validation sets (bench/data/real-en.json, English notices, and bench/data/real-zh.json,
    # Chinese notices, which a change must not lower) and the held-out sets (bench/data/real-fresh.json,
    # real-fresh2.json) as aggregates only, like the unseen half.
    others = (
        ("real_extra", "real-extra.json", "real-extra (second tuning set; not part of the targets)", True),
        ("real_valid", "real-valid.json", "real-valid (third tuning set; not part of the targets)", True),
        (
            "real_train_en",
            "real-train-en.json",
            "real-train-en (fourth tuning set, English; not part of the targets)",
            True,
        ),
        (
            "real_train_zh",
            "real-train-zh.json",
            "real-train-zh (fifth tuning set, Chinese; not part of the targets)",
            True,
        ),
        (
            "real_train_en2",
            "real-train-en2.json",
            "real-train-en2 (sixth tuning set, English; not part of the targets)",
            True,
        ),
        (
            "real_en",
            "real-en.json",
            "real-en (validation, English; aggregates only; not part of the targets)",
            False,
        ),
        (
            "real_zh",
            "real-zh.json",
            "real-zh (validation, Chinese; aggregates only; not part of the targets)",
            False,
        ),
        (
            "real_fresh",
            "real-fresh.json",
            "real-fresh (held out; aggregates only; not part of the targets)",
            False,
        ),
        (
            "real_fresh2",
            "real-fresh2.json",
            "real-fresh2 (held out; aggregates only; not part of the targets)",
            False,
        ),
    )
    for key, file, name, show in others:
        if show:
            print(f"\n[{name}] misses:")
        tallies = score(load(file), show)
        print_table(name, tallies)
        out[key] = {lang: figures(t) for lang, t in tallies.items() if t.facts}
    rate = speed(dev + real)
    # The mypyc build when it matches the sources (bot/native.py), else the modules as Python.
    build = "compiled" if native.compiled() else f"as Python: {native.stale_reason()}"
    print(
        f"\nspeed: {rate:.0f} notices per CPU-second ({SPEED_CHARS}-character notices, one core, median of {SPEED_ROUNDS}, {build})"
    )
    out["notices_per_s"] = round(rate)
    out["compiled"] = native.compiled()
    out["targets_met"] = ok and rate >= T_SPEED
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
