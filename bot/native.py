"""The optional mypyc build of the summariser and bot.dates: compiling them, and loading them only while they match.

`make install` compiles bot/dates.py and bot/summarize/*.py (all but the package's __init__, which chooses what
loads) into build/native/ with a manifest of the sources' hashes. bot/__init__.py puts build/native/bot first on
the package's __path__ (and bot/summarize/__init__.py build/native/bot/summarize on its own) only when every hash
still matches and the build is for this interpreter, so an edited .py is never shadowed by an old extension: it
runs as Python (with a warning) until the next build. Without a build, or with NOTICEBOT_PURE=1, everything runs
as Python. The choice is made once, when `bot` is imported: the compiled modules call each other's C functions,
so a compiled summariser must never meet a bot.dates imported as Python, or the other way round. README "Speed"
says why and what it gains.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.machinery
import json
import logging
import os
import shutil
import sys
import sysconfig
import time
from pathlib import Path
from typing import Any

__all__ = [
    "BUILD_DIR",
    "build",
    "compiled",
    "outdated",
    "outdated_at_import",
    "stale_reason",
    "summarize_path",
    "use_compiled",
]

log = logging.getLogger(__name__)

_ROOT = Path(__file__).resolve().parent.parent
BUILD_DIR = _ROOT / "build" / "native"
_MANIFEST = BUILD_DIR / "bot" / "sources.json"
# What is compiled, as paths relative to _ROOT: bot.dates (the summariser calls find_dates for nearly every
# clause; compiled, its calls are C calls) and the summariser's modules but its __init__, which chooses what
# loads (as this module, which stays Python).
_COMPILED = ("bot/dates.py", "bot/summarize/*.py")
_PURE = frozenset({"bot/summarize/__init__.py"})
# The modules' shared library (mypyc puts the code of all modules of a group in one): in `bot` itself, so that
# loading bot.dates never imports the summariser package.
_GROUP = "bot._native"
_SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]
# Whether use_compiled put the build on bot's __path__ (the summariser package follows that choice).
_used = False
# What outdated() said when use_compiled ran (outdated_at_import).
_outdated_at_import: str | None = None


def _sources() -> dict[str, str]:
    """The compiled modules' sources by path relative to the project root, with their SHA-256."""
    paths = sorted({p for pattern in _COMPILED for p in _ROOT.glob(pattern)})
    return {
        rel: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in paths
        if (rel := p.relative_to(_ROOT).as_posix()) not in _PURE
    }


def stale_reason() -> str | None:
    """Why the build cannot be used (not built, a source changed, another Python); None when it can."""
    if os.environ.get("NOTICEBOT_PURE"):
        return "NOTICEBOT_PURE is set"
    return _status()[0]


def outdated() -> str | None:
    """Why a build for this Python no longer matches the sources (`make install` rebuilds it); else None."""
    return _status()[1]


def _status() -> tuple[str | None, str | None]:
    """stale_reason() but for NOTICEBOT_PURE, and outdated(), from one read of the manifest and one hashing of
    the sources (hashed only when the build is for this Python)."""
    try:
        manifest = json.loads(_MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "not built", None
    if manifest.get("suffix") != _SUFFIX:
        return f"built for {manifest.get('suffix')}, this Python loads {_SUFFIX}", None
    changed = _changed(manifest)
    return changed or manifest.get("failed"), changed


def _changed(manifest: dict[str, Any]) -> str | None:
    built: dict[str, str] = manifest.get("sources", {})
    now = _sources()
    changed = sorted(set(built) ^ set(now) | {name for name in now if built.get(name) != now[name]})
    if changed:
        return f"changed since the build: {', '.join(changed)}"
    if manifest.get("failed"):
        return None
    missing = [name for name in now if not (BUILD_DIR / (name[:-3] + _SUFFIX)).is_file()]
    return f"extension modules missing: {', '.join(missing)}" if missing else None


def use_compiled(path: list[str]) -> bool:
    """Put the build first on bot's __path__ when it matches the sources; warn when it is stale.

    The sources are hashed once for both questions (whether to load the build, whether to warn), and not at all
    with NOTICEBOT_PURE set, which neither loads nor warns.
    """
    global _used, _outdated_at_import
    if os.environ.get("NOTICEBOT_PURE"):
        return False
    reason, _outdated_at_import = _status()
    if reason is None:
        path.insert(0, str(BUILD_DIR / "bot"))
        _used = True
        return True
    if _outdated_at_import:
        log.warning("compiled summariser not used (%s); running it as Python: run `make install`", reason)
    return False


def outdated_at_import() -> str | None:
    """What outdated() said when `bot` was imported (None under NOTICEBOT_PURE, which does not check): the test
    session's check, without hashing the sources again."""
    return _outdated_at_import


def summarize_path(path: list[str]) -> None:
    """Put the summariser's part of the build first on its package's __path__ when `bot` took the build."""
    if _used:
        path.insert(0, str(BUILD_DIR / "bot" / "summarize"))


def compiled() -> bool:
    """Whether the summariser modules loaded are the compiled ones."""
    module = sys.modules.get("bot.summarize.api")
    return bool(module and (module.__file__ or "").endswith(_SUFFIX))


def build() -> None:
    """Compile the modules into BUILD_DIR and write the manifest of their sources last.

    Without a C compiler or Python's headers, or when mypyc fails, it says so and the summariser runs as
    Python (the manifest records the failure, so make tries again only when a source changes).
    """
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    if not shutil.which(compiler) or not headers.is_file():
        print(f"warning: no {compiler} or no {headers}: the summariser runs as Python", file=sys.stderr)
        return
    # Build-time only (mypy is a dev dependency); setuptools ships no type hints in every version.
    mypycify = importlib.import_module("mypyc.build").mypycify
    distribution = importlib.import_module("setuptools").Distribution
    started = time.time()
    hashes = _sources()  # before compiling: an edit during the build makes it stale, not wrong
    shutil.rmtree(BUILD_DIR, ignore_errors=True)
    os.chdir(_ROOT)  # mypyc names modules by their paths relative to the working directory
    manifest: dict[str, Any] = {"suffix": _SUFFIX, "sources": hashes}
    try:
        extensions = mypycify(list(hashes), group_name=_GROUP, target_dir=str(BUILD_DIR / "c"))
        # A bare Distribution: setup() would read pyproject.toml, whose metadata older setuptools rejects.
        dist = distribution({"name": "noticebot-native", "ext_modules": extensions})
        command = dist.get_command_obj("build_ext")
        command.build_lib = str(BUILD_DIR)
        command.build_temp = str(BUILD_DIR / "tmp")
        dist.run_command("build_ext")
    except (Exception, SystemExit) as exc:  # mypyc exits on type errors; distutils raises on compile errors
        shutil.rmtree(BUILD_DIR, ignore_errors=True)
        manifest["failed"] = f"the mypyc build failed ({exc!r}); see the output of `make install`"
        print(f"warning: {manifest['failed']}: the summariser runs as Python", file=sys.stderr)
    _MANIFEST.parent.mkdir(parents=True, exist_ok=True)
    _MANIFEST.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    # Dated when the sources were read, not when the build ended: make rebuilds for a source edited meanwhile.
    os.utime(_MANIFEST, (started, started))
