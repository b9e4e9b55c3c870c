"""Attachment fixtures made in the tests: Chinese PDFs with a text layer (reportlab's built-in CID font
STSong-Light), a scanned-like PDF (an image of text, Pillow), a .docx (python-docx), a corrupt PDF."""

from __future__ import annotations

import functools
from io import BytesIO

import docx
from PIL import Image, ImageDraw, ImageFont
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

__all__ = ["PLAN_DIRECTIVES", "book_pdf", "corrupt_pdf", "docx_file", "pdf_file", "plan_pdf", "scanned_pdf"]

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

# The attached plan of the 印发 notice: its directives, and a word (琥珀行动) that occurs only here.
PLAN_DIRECTIVES = (
    "一、各区人力资源社会保障局要在2024年9月30日前完成琥珀行动职业技能培训台账登记。",
    "二、各用人单位必须按月足额支付参训职工工资，不得以培训为由克扣工资。",
    "三、各级工会要加强对琥珀行动实施情况的监督检查，发现问题及时报告。",
)


def pdf_file(pages: list[list[str]], *, header: str = "", numbered: bool = True) -> bytes:
    """A PDF with a Chinese text layer: each page's lines top-down, a running header and page numbers."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pageCompression=1)
    for number, lines in enumerate(pages, start=1):
        if header:
            c.setFont("STSong-Light", 9)
            c.drawString(72, 805, header)
        c.setFont("STSong-Light", 12)
        y = 770
        for line in lines:
            # Long lines wrap at 36 characters, as a typeset plan does.
            for start in range(0, len(line), 36):
                c.drawString(72, y, line[start : start + 36])
                y -= 18
        if numbered:
            c.setFont("STSong-Light", 9)
            c.drawString(290, 40, f"- {number} -")
        c.showPage()
    c.save()
    return buf.getvalue()


def plan_pdf() -> bytes:
    """The implementation plan an 印发 notice sends out: a title page line, then its directives, 3 pages."""
    title = "琥珀行动职业技能提升实施方案"
    pages = [
        [title, "为贯彻落实职业技能提升行动，制定本方案。", PLAN_DIRECTIVES[0]],
        [PLAN_DIRECTIVES[1], "培训补贴按规定程序申领。"],
        [PLAN_DIRECTIVES[2], "本方案自印发之日起施行。"],
    ]
    return pdf_file(pages, header="某市人力资源和社会保障局文件")


@functools.cache
def book_pdf() -> bytes:
    """A 200-page PDF (three distinct lines a page), made once per test run."""
    line = "第{n}部分：各单位要落实第{n}项措施，按时报送进展情况，逐项对照检查整改落实。"
    return pdf_file([[line.format(n=n)] * 3 for n in range(200)])


def docx_file() -> bytes:
    """A .docx with a heading, two paragraphs and a table."""
    document = docx.Document()
    document.add_heading("关于报送培训计划的通知", level=1)
    document.add_paragraph("各单位要在2024年5月1日前报送年度培训计划。")
    table = document.add_table(rows=2, cols=3)
    for col, text in enumerate(("单位", "联系人", "电话")):
        table.cell(0, col).text = text
    for col, text in enumerate(("市总工会", "张三", "12345")):
        table.cell(1, col).text = text
    document.add_paragraph("逾期未报送的，视为放弃。")
    buf = BytesIO()
    document.save(buf)
    return buf.getvalue()


def scanned_pdf(words: str = "NOTICE 2024 DEADLINE MARCH") -> bytes:
    """A PDF whose only page is an image of text (no text layer), as a scanner makes."""
    image = Image.new("L", (1400, 400), color=255)
    draw = ImageDraw.Draw(image)
    draw.text((60, 150), words, fill=0, font=ImageFont.load_default(size=72))
    buf = BytesIO()
    image.save(buf, "PDF", resolution=150.0)
    return buf.getvalue()


def corrupt_pdf() -> bytes:
    """A PDF cut off after its header and half an object: no parser can make pages of it."""
    return plan_pdf()[:400]
