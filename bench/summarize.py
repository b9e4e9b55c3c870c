"""Evaluation of the directive summariser: key-fact recall against lead and TextRank, ROUGE-L, metadata, speed.

Run as `.venv/bin/python bench/summarize.py` (part of `make bench`). Prints a table and ends with one JSON line.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.summarize import default_budget, summarize
from bot.summarize.lang import Lang, detect_lang
from bot.summarize.rank import centrality, tokens
from bot.summarize.sentences import split

DEV = Path(__file__).resolve().parent / "data" / "dev.json"
SPEED_CHARS = 2000
SPEED_ROUNDS = 5
SPEED_NOTICES = 200


@dataclass
class Row:
    id: str
    facts: int
    ours: int
    lead: int
    textrank: int
    rouge: float


def _norm(text: str) -> str:
    return "".join(text.split()).lower()


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


def rouge_l(candidate: str, reference: str) -> float:
    """Character ROUGE-L F1 (characters, not rouge_score's [a-z0-9] tokens, which drop all Chinese)."""
    a, b = _norm(candidate), _norm(reference)
    if not a or not b:
        return 0.0
    prev = [0] * (len(b) + 1)
    for ch in a:
        cur = [0]
        for j, other in enumerate(b):
            cur.append(prev[j] + 1 if ch == other else max(prev[j + 1], cur[j]))
        prev = cur
    lcs = prev[-1]
    if lcs == 0:
        return 0.0
    p, r = lcs / len(a), lcs / len(b)
    return 2 * p * r / (p + r)


def speed(items: list[dict[str, Any]]) -> float:
    """Median notices/s on one core over 2,000-character notices built by repeating the dev texts."""
    notices = []
    for item in items:
        text = item["text"]
        while len(text) < SPEED_CHARS:
            text += "\n" + item["text"]
        notices.append((item["title"], text[:SPEED_CHARS]))
    rates = []
    for _ in range(SPEED_ROUNDS):
        start = time.perf_counter()
        for i in range(SPEED_NOTICES):
            title, text = notices[i % len(notices)]
            summarize(title, text)
        rates.append(SPEED_NOTICES / (time.perf_counter() - start))
    return statistics.median(rates)


def main() -> int:
    items: list[dict[str, Any]] = json.loads(DEV.read_text(encoding="utf-8"))["items"]
    rows: list[Row] = []
    meta_hits = {"issuer": [0, 0], "doc_number": [0, 0], "published": [0, 0]}
    misses: list[str] = []
    for item in items:
        title, text, facts = item["title"], item["text"], item["facts"]
        lang = detect_lang(title + "\n" + text)
        budget = default_budget(text)
        result = summarize(title, text, item.get("url", ""))
        rows.append(
            Row(
                item["id"],
                len(facts),
                found(facts, result.summary, budget),
                found(facts, lead(text, lang, budget), budget),
                found(facts, textrank(text, lang, budget), budget),
                rouge_l(result.summary[:budget], "".join(facts)),
            )
        )
        for key, expected in item.get("meta", {}).items():
            got = getattr(result, key)
            meta_hits[key][1] += 1
            if got == expected:
                meta_hits[key][0] += 1
            else:
                misses.append(f"{item['id']}: {key} {got!r} != {expected!r}")

    total = sum(r.facts for r in rows)
    ours = sum(r.ours for r in rows) / total
    base_lead = sum(r.lead for r in rows) / total
    base_tr = sum(r.textrank for r in rows) / total
    rouge = statistics.mean(r.rouge for r in rows)
    print(f"{'item':<22} {'facts':>5} {'ours':>6} {'lead':>6} {'textrank':>8} {'rougeL':>7}")
    for r in rows:
        print(
            f"{r.id:<22} {r.facts:>5} {r.ours / r.facts:>6.2f} {r.lead / r.facts:>6.2f}"
            f" {r.textrank / r.facts:>8.2f} {r.rouge:>7.3f}"
        )
    print(f"{'overall (micro)':<22} {total:>5} {ours:>6.2f} {base_lead:>6.2f} {base_tr:>8.2f} {rouge:>7.3f}")
    meta = {k: (v[0] / v[1] if v[1] else None) for k, v in meta_hits.items()}
    for key, (hit, n) in meta_hits.items():
        print(f"metadata {key:<11} {hit}/{n}")
    for miss in misses:
        print(f"  miss {miss}")
    rate = speed(items)
    print(
        f"speed: {rate:.0f} notices/s ({SPEED_CHARS}-character notices, one core, median of {SPEED_ROUNDS})"
    )
    ratio = ours / base_lead if base_lead else float("inf")
    targets = {
        "recall>=0.85": ours >= 0.85,
        "recall>=1.5x lead": ratio >= 1.5,
        "issuer+doc_number all right": all(
            meta_hits[k][0] == meta_hits[k][1] for k in ("issuer", "doc_number")
        ),
        "speed>=200/s": rate >= 200,
    }
    for name, ok in targets.items():
        print(f"target {name:<30} {'met' if ok else 'NOT MET'}")
    summary = {
        "bench": "summarize",
        "items": len(rows),
        "facts": total,
        "recall": round(ours, 3),
        "recall_lead": round(base_lead, 3),
        "recall_textrank": round(base_tr, 3),
        "recall_vs_lead": round(ratio, 2),
        "rouge_l": round(rouge, 3),
        "issuer_acc": meta["issuer"],
        "doc_number_acc": meta["doc_number"],
        "published_acc": meta["published"],
        "notices_per_s": round(rate),
        "targets_met": all(targets.values()),
    }
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
