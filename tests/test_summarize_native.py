"""The mypyc build of the summariser and bot.dates is used only while it matches their sources, by both or by
neither, and summarises as Python does."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

import bot.dates
from bot import native
from bot.summarize import summarize

ROOT = Path(__file__).resolve().parent.parent
_MODULES = ("bot/dates.py", "bot/summarize/a.py", "bot/summarize/b.py")


@pytest.fixture
def fake_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project of bot/dates.py and a package of two modules, and a matching build of them (manifest and
    extension files) under tmp_path; returns the project's root."""
    root = tmp_path / "src"
    build = tmp_path / "build"
    (root / "bot" / "summarize").mkdir(parents=True)
    for name in (*_MODULES, "bot/summarize/__init__.py", "bot/native.py", "bot/other.py"):
        (root / name).write_text(f"X = {name!r}\n", encoding="utf-8")
    monkeypatch.setattr(native, "_ROOT", root)
    monkeypatch.setattr(native, "BUILD_DIR", build)
    monkeypatch.setattr(native, "_MANIFEST", build / "bot" / "sources.json")
    monkeypatch.setattr(native, "_used", False)
    monkeypatch.setattr(native, "_outdated_at_import", None)
    monkeypatch.delenv("NOTICEBOT_PURE", raising=False)
    for name in _MODULES:
        extension = build / (name[:-3] + native._SUFFIX)
        extension.parent.mkdir(parents=True, exist_ok=True)
        extension.write_bytes(b"")
    manifest = {"suffix": native._SUFFIX, "sources": native._sources()}
    (build / "bot" / "sources.json").write_text(json.dumps(manifest), encoding="utf-8")
    return root


def test_the_build_covers_bot_dates_and_the_summariser_but_what_chooses_what_loads(fake_build: Path) -> None:
    assert sorted(native._sources()) == sorted(_MODULES)


def test_a_matching_build_goes_first_on_both_package_paths(fake_build: Path) -> None:
    assert native.stale_reason() is None
    summarize_path = ["pure summarize"]
    native.summarize_path(summarize_path)
    assert summarize_path == ["pure summarize"]  # bot has not taken the build (yet)
    path = ["pure"]
    assert native.use_compiled(path)
    assert path == [str(native.BUILD_DIR / "bot"), "pure"]
    native.summarize_path(summarize_path)
    assert summarize_path == [str(native.BUILD_DIR / "bot" / "summarize"), "pure summarize"]


def test_an_edited_added_or_uncompiled_module_makes_the_build_stale(
    fake_build: Path, caplog: pytest.LogCaptureFixture
) -> None:
    a = fake_build / "bot/summarize/a.py"
    a.write_text("X = 'edited'\n", encoding="utf-8")
    assert native.stale_reason() == native.outdated() == "changed since the build: bot/summarize/a.py"
    path = ["pure"]
    with caplog.at_level(logging.WARNING):
        assert not native.use_compiled(path)
    assert path == ["pure"]
    summarize_path = ["pure summarize"]
    native.summarize_path(summarize_path)
    assert summarize_path == ["pure summarize"]  # the summariser follows bot's choice
    assert "a.py" in caplog.text and "make install" in caplog.text
    a.write_text("X = 'bot/summarize/a.py'\n", encoding="utf-8")
    assert native.stale_reason() is None
    # bot.dates is compiled with the summariser: an edit of it makes the build stale as well.
    dates = fake_build / "bot/dates.py"
    dates.write_text("X = 'edited'\n", encoding="utf-8")
    assert native.stale_reason() == "changed since the build: bot/dates.py"
    dates.write_text("X = 'bot/dates.py'\n", encoding="utf-8")
    # Modules of bot that are not compiled do not count.
    (fake_build / "bot/other.py").write_text("X = 'edited'\n", encoding="utf-8")
    assert native.stale_reason() is None
    (fake_build / "bot/summarize/c.py").write_text("X = 1\n", encoding="utf-8")
    assert native.stale_reason() == "changed since the build: bot/summarize/c.py"
    (fake_build / "bot/summarize/c.py").unlink()
    (native.BUILD_DIR / ("bot/summarize/b" + native._SUFFIX)).unlink()
    assert native.stale_reason() == "extension modules missing: bot/summarize/b.py"


def test_loading_hashes_the_sources_once_and_the_session_check_asks_what_it_found(
    fake_build: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hashed: list[int] = []
    sources = native._sources

    def counted() -> dict[str, str]:
        hashed.append(1)
        return sources()

    monkeypatch.setattr(native, "_sources", counted)
    (fake_build / "bot/summarize/a.py").write_text("X = 'edited'\n", encoding="utf-8")
    assert not native.use_compiled([])
    assert native.outdated_at_import() == "changed since the build: bot/summarize/a.py"
    assert len(hashed) == 1
    monkeypatch.setenv("NOTICEBOT_PURE", "1")
    assert not native.use_compiled([])
    assert len(hashed) == 1  # the pure switch neither loads nor warns: nothing to hash for


def test_a_failed_build_runs_python_until_a_source_changes(fake_build: Path) -> None:
    manifest = json.loads(native._MANIFEST.read_text(encoding="utf-8"))
    native._MANIFEST.write_text(
        json.dumps({**manifest, "failed": "the mypyc build failed"}), encoding="utf-8"
    )
    assert native.stale_reason() == "the mypyc build failed"
    assert native.outdated() is None  # nothing for the test session to refuse: make does not retry
    (fake_build / "bot/summarize/b.py").write_text("X = 'edited'\n", encoding="utf-8")
    assert native.outdated() == "changed since the build: bot/summarize/b.py"


def test_no_build_another_python_or_the_pure_switch_run_python(
    fake_build: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest = json.loads(native._MANIFEST.read_text(encoding="utf-8"))
    native._MANIFEST.write_text(json.dumps({**manifest, "suffix": ".cpython-39.so"}), encoding="utf-8")
    assert (native.stale_reason() or "").startswith("built for .cpython-39.so")
    native._MANIFEST.unlink()
    assert native.stale_reason() == "not built"
    assert not native.use_compiled([])
    monkeypatch.setenv("NOTICEBOT_PURE", "1")
    assert native.stale_reason() == "NOTICEBOT_PURE is set"


def test_the_session_runs_the_build_when_there_is_one() -> None:
    if native.stale_reason() is not None:
        pytest.skip(f"no usable compiled summariser: {native.stale_reason()}")
    assert native.compiled()
    # The compiled summariser calls bot.dates' C functions: it is loaded from the same build.
    assert (bot.dates.__file__ or "").endswith(native._SUFFIX)


def test_python_and_compiled_summaries_are_the_same() -> None:
    items = json.loads((ROOT / "bench/data/dev.json").read_text(encoding="utf-8"))["items"][:3]
    ours = [repr(summarize(i["title"], i["text"], i["url"])) for i in items]
    script = (
        "import json, sys\n"
        "import bot.dates\n"
        "from bot import native\n"
        "from bot.summarize import summarize\n"
        "assert not native.compiled() and bot.dates.__file__.endswith('.py')\n"
        "items = json.loads(sys.stdin.read())\n"
        "print(json.dumps([repr(summarize(i['title'], i['text'], i['url'])) for i in items]))\n"
    )
    pure = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(items),
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "NOTICEBOT_PURE": "1"},
    )
    assert json.loads(pure.stdout) == ours
