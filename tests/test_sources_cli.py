"""`main.py extract` as a user runs it: a subprocess on a GBK fixture file and on a URL."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "sources" / "article-table-gbk.html"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "extract", *args], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_extract_json_from_file() -> None:
    done = _run(str(FIXTURE), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"title", "published", "text", "attachments"}
    assert data["attachments"] == []
    assert data["title"].startswith("全国总工会下发《关于充分发挥工会组织作用")
    assert data["published"].startswith("2020-02-03T04:14:42")
    assert data["text"].count("《通知》") >= 4 and "ICP" not in data["text"]


def test_extract_text_from_url(http_server: NoticeServer) -> None:
    url = http_server.add("/a.htm", FIXTURE.read_bytes(), content_type="text/html; charset=gb2312")
    done = _run(url)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("全国总工会下发") and lines[1].startswith("2020-02-03")
    assert "《通知》要求" in done.stdout


def test_extract_missing_file_is_one_line_error() -> None:
    done = _run("/no/such/page.html")
    assert done.returncode == 1
    assert done.stderr.strip().startswith("error: cannot read") and "Traceback" not in done.stderr
