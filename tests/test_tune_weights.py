"""bench/tune_weights.py: it reads only the training pool, reaches every weight it names, and scores as the bench."""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


@functools.cache
def _tuner() -> ModuleType:
    spec = importlib.util.spec_from_file_location("tune_weights", ROOT / "bench" / "tune_weights.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    path = list(sys.path)
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = path  # the script puts bench/ first, whose module names must not shadow others here
    return module


def _items(name: str) -> list[dict[str, object]]:
    items: list[dict[str, object]] = _tuner().load(name)  # the bench's own loader, which the tuner imports
    return items


def _digests(items: list[dict[str, object]]) -> set[str]:
    # Texts compared by digest: a failing assertion prints digests, never a judge's text.
    return {hashlib.sha256(str(item["text"]).encode()).hexdigest() for item in items}


def test_pool_holds_no_judge() -> None:
    """The unseen half of real-dev.json, real-fresh.json and real-fresh2.json decide nothing, so the search never
    reads them; real-en.json and real-zh.json are read for validation only."""
    pool = _tuner().load_pool()
    read = _digests(pool)
    real = _items("real-dev.json")
    assert len(read & _digests(real[1::2])) == 0
    assert len(read & _digests(_items("real-fresh.json"))) == 0
    assert len(read & _digests(_items("real-fresh2.json"))) == 0
    training = (
        _items("dev.json")
        + real[0::2]
        + _items("real-extra.json")
        + _items("real-valid.json")
        + _items("real-train-en.json")
        + _items("real-train-zh.json")
        + _items("real-train-en2.json")
    )
    assert _digests([i for i in pool if not i["validation"]]) == _digests(training)
    validation = _items("real-en.json") + _items("real-zh.json")
    assert _digests([i for i in pool if i["validation"]]) == _digests(validation)
    assert len(pool) == len(training) + len(validation)


def test_every_weight_is_a_number_it_can_set_and_restore() -> None:
    """A weight renamed or reshaped in the summariser fails here, not halfway through a 15-minute search."""
    tuner = _tuner()
    for weight in tuner.WEIGHTS:
        before = tuner._get(weight)
        try:
            tuner._set(weight, before + 0.25)
            assert tuner._get(weight) == before + 0.25
        finally:
            tuner._set(weight, before)
        assert tuner._get(weight) == before


def test_quick_run_scores_as_written_like_the_bench() -> None:
    """On a small pool the search reports, for the weights as written, the facts the summariser finds on the
    training notices (the validation notices are not counted there)."""
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "tune_weights.py"),
            "--limit",
            "2",
            "--folds",
            "2",
            "--passes",
            "0",
            "--workers",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    from bot.summarize import default_budget, summarize

    training = [item for item in _tuner().load_pool(2) if not item["validation"]]
    budget = headline = 0
    for item in training:
        s = summarize(item["title"], item["text"], item.get("url", ""))
        facts = ["".join(f.split()).lower() for f in item["facts"]]
        body = "".join(s.summary[: default_budget(item["text"])].split()).lower()
        head = "".join(s.headline.split()).lower()
        budget += sum(f in body for f in facts)
        headline += sum(f in head for f in facts)
    assert result["notices"] == len(training) == 14  # 2 of each of the 7 training sets
    assert result["as_written"] == {"budget": budget, "headline": headline}
    # No search (--passes 0): the weights stay as written, so nothing is gained or lost anywhere.
    none = {"budget": 0, "headline": 0}
    assert result["cv_gain"] == none
    assert result["validation_gain"] == {"real-en": none, "real-zh": none}
    assert result["fit"] == {}
