"""The `main.py summarize` subcommand on a text file, run as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seed_article.txt"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "summarize", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def test_json_output_has_exactly_the_summary_fields() -> None:
    done = _run(str(SEED), "--json")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert list(data) == [
        "title",
        "issuer",
        "doc_number",
        "published",
        "headline",
        "deadlines",
        "directives",
        "summary",
    ]
    assert 0 < len(data["headline"]) <= 150
    assert data["issuer"] == "中华全国总工会"
    assert data["published"] == "2020-02-03"
    assert "加强帮扶服务" in data["summary"]
    assert isinstance(data["directives"], list) and data["directives"]


def test_budget_flag_and_human_output(tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text(
        "\n\n市人民政府办公室关于做好防汛工作的通知\n各区县要建立值班制度，必须24小时在岗。\n水利部门要在6月1日前完成水库检查。\n",
        encoding="utf-8",
    )
    done = _run(str(notice), "--budget", "30")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("市人民政府办公室关于做好防汛工作的通知\n")
    assert "issuer: 市人民政府办公室" in done.stdout
    summary = done.stdout.rstrip("\n").rsplit("\n", 1)[-1]
    assert 0 < len(summary) <= 30


def test_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    done = _run(str(tmp_path / "nope.txt"))
    assert done.returncode == 1
    assert done.stderr.startswith("error: cannot read")


def test_seed_shaped_html_page_gives_its_four_directives() -> None:
    """The old table-layout GBK page (navigation, leader list, footer): extracted, then summarised."""
    page = ROOT / "tests" / "fixtures" / "sources" / "article-table-gbk.html"
    done = _run(str(page), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["title"].startswith("关于充分发挥工会组织作用") and data["issuer"] == "中华全国总工会"
    joined = "\n".join(data["directives"])
    for core in (
        "加强党的领导",
        "落实工作责任",
        "加强组织引导",
        "加强帮扶服务",
    ):  # the four 《通知》 paragraphs
        assert core in joined, core
    assert (
        "王东明" not in data["summary"] and "ICP" not in data["summary"]
    )  # the leader list and footer stay out
