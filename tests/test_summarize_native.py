"""The summariser's mypyc build is used only while it matches its sources, and summarises as Python does."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.summarize import native, summarize

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def fake_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A package of two modules and a matching build of them (manifest and extension files) under tmp_path."""
    package = tmp_path / "src"
    target = tmp_path / "build"
    package.mkdir()
    target.mkdir()
    for name in ("a.py", "b.py", "__init__.py", "native.py"):
        (package / name).write_text(f"X = {name!r}\n", encoding="utf-8")
    monkeypatch.setattr(native, "_PACKAGE", package)
    monkeypatch.setattr(native, "_TARGET", target)
    monkeypatch.setattr(native, "_MANIFEST", target / "sources.json")
    monkeypatch.delenv("NOTICEBOT_PURE", raising=False)
    for name in ("a", "b"):
        (target / (name + native._SUFFIX)).write_bytes(b"")
    manifest = {"suffix": native._SUFFIX, "sources": native._sources()}
    (target / "sources.json").write_text(json.dumps(manifest), encoding="utf-8")
    return package


def test_a_matching_build_goes_first_on_the_package_path(fake_build: Path) -> None:
    assert native.stale_reason() is None
    path = ["pure"]
    assert native.use_compiled(path)
    assert path == [str(native._TARGET), "pure"]


def test_an_edited_added_or_uncompiled_module_makes_the_build_stale(
    fake_build: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (fake_build / "a.py").write_text("X = 'edited'\n", encoding="utf-8")
    assert native.stale_reason() == native.outdated() == "changed since the build: a.py"
    path = ["pure"]
    with caplog.at_level(logging.WARNING):
        assert not native.use_compiled(path)
    assert path == ["pure"]
    assert "a.py" in caplog.text and "make install" in caplog.text
    (fake_build / "a.py").write_text("X = 'a.py'\n", encoding="utf-8")
    assert native.stale_reason() is None
    (fake_build / "c.py").write_text("X = 1\n", encoding="utf-8")
    assert native.stale_reason() == "changed since the build: c.py"
    (fake_build / "c.py").unlink()
    (native._TARGET / ("b" + native._SUFFIX)).unlink()
    assert native.stale_reason() == "extension modules missing: b.py"


def test_a_failed_build_runs_python_until_a_source_changes(fake_build: Path) -> None:
    manifest = json.loads(native._MANIFEST.read_text(encoding="utf-8"))
    native._MANIFEST.write_text(
        json.dumps({**manifest, "failed": "the mypyc build failed"}), encoding="utf-8"
    )
    assert native.stale_reason() == "the mypyc build failed"
    assert native.outdated() is None  # nothing for the test session to refuse: make does not retry
    (fake_build / "b.py").write_text("X = 'edited'\n", encoding="utf-8")
    assert native.outdated() == "changed since the build: b.py"


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


def test_python_and_compiled_summaries_are_the_same() -> None:
    items = json.loads((ROOT / "bench/data/dev.json").read_text(encoding="utf-8"))["items"][:3]
    ours = [repr(summarize(i["title"], i["text"], i["url"])) for i in items]
    script = (
        "import json, sys\n"
        "from bot.summarize import native, summarize\n"
        "assert not native.compiled()\n"
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
