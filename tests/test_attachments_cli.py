"""`main.py extract URL --json` with its attachments, and `main.py doctor`, run as real processes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.attachment_files import plan_pdf
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent


def _main(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )


def test_extract_json_lists_the_attachments(http_server: NoticeServer) -> None:
    http_server.add("/files/plan.pdf", plan_pdf(), content_type="application/pdf")
    http_server.add("/files/old.wps", b"<html><body>login</body></html>", content_type="text/html")
    page = http_server.add(
        "/n/1.html",
        "<html><head><meta charset='utf-8'><title>关于印发实施方案的通知</title></head><body>"
        "<h1>关于印发实施方案的通知</h1><p>现将《琥珀行动职业技能提升实施方案》印发给你们，请认真贯彻执行。"
        "各单位要结合实际，抓好落实，确保各项任务按期完成。</p>"
        "<p>附件：<a href='/files/plan.pdf'>1.实施方案</a> <a href='/files/old.wps'>2.报名表</a></p></body></html>",
    )
    done = _main("extract", page, "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["title"] == "关于印发实施方案的通知"
    plan, form = data["attachments"]
    assert plan["name"] == "1.实施方案" and plan["url"].endswith("/files/plan.pdf")
    assert plan["type"] == "pdf" and plan["status"] == "read" and plan["chars"] > 100
    assert form == {"name": "2.报名表", "url": http_server.url("/files/old.wps"), "type": "wps", "chars": 0,
                    "status": "failed"}  # fmt: skip


def test_doctor_names_each_optional_converter() -> None:
    done = _main("doctor", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [c["tool"] for c in data["converters"]] == ["LibreOffice (soffice)", "antiword", "Tesseract"]
    assert all(c["effect"] for c in data["converters"])
    human = _main("doctor")
    assert human.returncode == 0 and "Tesseract" in human.stdout and "antiword" in human.stdout
