"""Metadata on hand-made notices in the commonest shapes real notices take (issue #9 item 4, rounds 12 and 12b).

Run as `.venv/bin/python bench/meta_forms.py [--failures] [--save FILE] [--compare FILE]`. Every text here is
written by hand from how official notices are built (sign-off blocks, page chrome, letterheads, datelines, release
numbers), never copied from a bench set. Each form states what each field must be; `None` means the field must stay
empty (a look-alike where a rule must not fire); a field not stated is not scored. Shapes are combined one with
another (a sign-off layout x a date spelling x a foot), so one failing class shows as many rows. Prints accuracy per
field and language and ends with a JSON line; `--save` writes each form's outcome, `--compare` counts forms that
went from wrong to right and from right to wrong against a saved run.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from summarize import META_FIELDS as FIELDS  # bench/summarize.py: the bench's own fields and matching
from summarize import same_meta

from bot.summarize import summarize


@dataclass
class Form:
    """One hand-made notice and what its metadata must be."""

    key: str
    title: str
    text: str
    expect: Mapping[str, str | None] = field(default_factory=dict)
    url: str = ""


def right(got: str | None, want: str | None) -> bool:
    """Alike as the bench matches metadata (bench/summarize.py's same_meta), ignoring case too: a letterhead's
    capitals name the same body."""
    if want is None:
        return got is None
    return got is not None and same_meta(got.lower(), want.lower())


# ---------------------------------------------------------------- Chinese
_ZH_TITLE = "关于做好2024年汛期安全防范工作的通知"
_ZH_BODY = (
    "各乡镇人民政府，县直各有关单位：\n"
    "当前已进入主汛期，为切实做好汛期安全防范工作，现将有关事项通知如下：\n"
    "一、各单位要于6月20日前完成隐患排查，建立整改台账。\n"
    "二、严格落实24小时值班制度，遇有险情及时报告。\n"
    "特此通知。\n"
)
_ZH_BODY_TW = (
    "各鄉鎮人民政府，縣直各有關單位：\n"
    "當前已進入主汛期，為切實做好汛期安全防範工作，現將有關事項通知如下：\n"
    "一、各單位要於6月20日前完成隱患排查，建立整改臺賬。\n"
    "特此通知。\n"
)
_ZH_SIGNERS = {
    "one": ("某某县应急管理局", ["某某县应急管理局"]),
    "gov": ("某某县人民政府办公室", ["某某县人民政府办公室"]),
    "two": ("某某县应急管理局、某某县水利局", ["某某县应急管理局", "某某县水利局"]),
    "three": (
        "某某县应急管理局、某某县水利局、某某县气象局",
        ["某某县应急管理局", "某某县水利局", "某某县气象局"],
    ),
    "hq": ("某某县防汛抗旱指挥部办公室", ["某某县防汛抗旱指挥部办公室"]),
}
_ZH_DATES = {
    "arabic": "2024年6月3日",
    "ling": "二〇二四年六月三日",
    "circle": "二○二四年六月三日",
    "iso": "2024-06-03",
    "dotted": "2024.6.3",
}


def _zh_block(names: list[str], date: str, layout: str) -> str:
    if layout == "lines":
        return "\n".join(names) + "\n" + date
    if layout == "blank":
        return "\n\n" + "\n\n".join(names) + "\n\n" + date
    if layout == "indent":
        return "\n".join("                    " + n for n in names) + "\n                    " + date
    if layout == "fullwidth_indent":
        return (
            "\n".join("\u3000\u3000\u3000\u3000\u3000\u3000" + n for n in names)
            + "\n\u3000\u3000\u3000\u3000"
            + date
        )
    if layout == "one_line":
        return "  ".join(names) + "  " + date
    if layout == "seal":
        return "\n".join(n + "（盖章）" for n in names) + "\n" + date
    raise ValueError(layout)


_ZH_FEET = {
    "none": "",
    "chrome": "\n来源：某某县应急管理局\n编辑：张三\n点击次数：1234\n【返回】【打印】【关闭】",
    "chrome2": "\n【打印本页】【关闭窗口】\n责任编辑：李四\n上一篇：关于召开全县安全生产会议的通知\n下一篇：无",
    "cc": "\n抄送：县委办公室，县人大常委会办公室。\n某某县应急管理局办公室 2024年6月3日印发",
    "annex": "\n附件：1.隐患排查台账\n2.值班表",
}


def _zh_forms() -> list[Form]:
    forms: list[Form] = []
    for skey, (joined, names) in _ZH_SIGNERS.items():
        for dkey, date in _ZH_DATES.items():
            for layout in ("lines", "blank", "indent", "fullwidth_indent", "one_line", "seal"):
                if layout == "one_line" and len(names) > 1:
                    continue
                for fkey, foot in _ZH_FEET.items():
                    if fkey != "none" and (
                        dkey not in ("arabic", "ling") or layout not in ("lines", "blank")
                    ):
                        continue
                    text = _ZH_BODY + _zh_block(names, date, layout) + foot
                    forms.append(
                        Form(
                            f"zh-sign-{skey}-{dkey}-{layout}-{fkey}",
                            _ZH_TITLE,
                            text,
                            {"issuer": joined, "published": "2024-06-03", "doc_number": None},
                        )
                    )
    # Traditional characters.
    for dkey, date in (("arabic", "2024年6月3日"), ("ling", "二〇二四年六月三日")):
        for signer in ("某某縣應急管理局", "某某縣人民政府辦公室", "某某市衛生局"):
            forms.append(
                Form(
                    f"zh-tw-{signer}-{dkey}",
                    "關於做好2024年汛期安全防範工作的通知",
                    _ZH_BODY_TW + signer + "\n" + date,
                    {"issuer": signer, "published": "2024-06-03"},
                )
            )
    # Taiwan's documents date themselves in the Minguo era (113 + 1911 = 2024).
    for date in (
        "中華民國113年6月3日",
        "中華民國一百一十三年六月三日",
        "民國113年6月3日",
        "中华民国113年6月3日",
    ):
        for signer in ("臺北市政府教育局", "某某縣政府"):
            forms.append(
                Form(
                    f"zh-minguo-{signer}-{date}",
                    "關於做好2024年汛期安全防範工作的通知",
                    _ZH_BODY_TW + signer + "\n" + date,
                    {"issuer": signer, "published": "2024-06-03"},
                )
            )
    # A bare three-digit year may be any count of years: no date without its era.
    forms.append(
        Form(
            "zh-minguo-bare",
            "關於做好2024年汛期安全防範工作的通知",
            _ZH_BODY_TW + "某某縣政府\n113年6月3日",
            {"published": None},
        )
    )
    # Page fields whose labels are spaced out to a column's width, with and without a sign-off.
    for label in (
        "来\u3000\u3000源",
        "来 源",
        "发 布 机 构",
        "发\u3000文\u3000机\u3000关",
        "信息来源",
        "作\u3000\u3000者",
    ):
        forms.append(
            Form(
                f"zh-spacedlabel-{label}",
                _ZH_TITLE,
                f"{label}：某某县应急管理局\n" + _ZH_BODY,
                {"issuer": "某某县应急管理局"},
            )
        )
    forms.append(
        Form(
            "zh-look-spacedlabel",
            _ZH_TITLE,
            "我们从哪里来 源头在某某县应急管理局\n" + _ZH_BODY.replace("特此通知。\n", ""),
            {"issuer": None},
        )
    )
    # A page's 发布时间 line at the top and the sign-off's date: the sign-off's date is the document's.
    for top in (
        "发布时间：2024-06-05 10:21:33",
        "发布日期：2024年6月5日",
        "时间：2024-06-05  来源：某某县应急管理局",
        "2024-06-05 来源：本站 浏览次数：88",
    ):
        for dkey in ("arabic", "ling"):
            forms.append(
                Form(
                    f"zh-toppage-{top[:4]}-{dkey}",
                    _ZH_TITLE,
                    top + "\n" + _ZH_BODY + "某某县应急管理局\n" + _ZH_DATES[dkey],
                    {"issuer": "某某县应急管理局", "published": "2024-06-03"},
                )
            )
    # The body in the title, with and without a sign-off.
    for kind in ("通知", "通告", "公告"):
        title = f"某某县应急管理局关于做好2024年汛期安全防范工作的{kind}"
        forms.append(Form(f"zh-title-{kind}-nosign", title, _ZH_BODY, {"issuer": "某某县应急管理局"}))
        forms.append(
            Form(
                f"zh-title-{kind}-sign",
                title,
                _ZH_BODY + "某某县应急管理局\n2024年6月3日",
                {"issuer": "某某县应急管理局", "published": "2024-06-03"},
            )
        )
        forms.append(
            Form(
                f"zh-title-{kind}-joint",
                f"某某县应急管理局 某某县水利局关于做好汛期安全防范工作的{kind}",
                _ZH_BODY + "某某县应急管理局\n某某县水利局\n2024年6月3日",
                {"issuer": "某某县应急管理局、某某县水利局", "published": "2024-06-03"},
            )
        )
    # Numbered kinds' titles ("某某县人民政府通告") over a sign-off.
    for title in ("某某县人民政府通告", "某某市公安局交通管理局通告"):
        forms.append(
            Form(
                f"zh-kind-{title}",
                title,
                _ZH_BODY + "某某县人民政府\n2024年6月3日",
                {"published": "2024-06-03"},
            )
        )
    # Document numbers in every bracket, with a county's or a department's code, on the line under the title.
    for number in (
        "某应急〔2024〕12号",
        "某县政发〔2024〕12号",
        "某政办发[2024]5号",
        "某教发［2024］5号",
        "某卫健函（2024）7号",
        "某环字(2024)3号",
        "某县应急发〔2024〕第12号",
        "某发改投资〔2024〕128号",
        "某财建〔2024〕12号",
        "某人社厅发〔2024〕12号",
    ):
        for where in ("top", "under_title", "after_header"):
            if where == "top":
                text = number + "\n" + _ZH_BODY + "某某县应急管理局\n2024年6月3日"
            elif where == "under_title":
                text = _ZH_TITLE + "\n" + number + "\n" + _ZH_BODY + "某某县应急管理局\n2024年6月3日"
            else:
                text = (
                    "某某县应急管理局文件\n"
                    + number
                    + "\n"
                    + _ZH_TITLE
                    + "\n"
                    + _ZH_BODY
                    + "某某县应急管理局\n2024年6月3日"
                )
            forms.append(
                Form(
                    f"zh-docno-{number}-{where}",
                    _ZH_TITLE,
                    text,
                    {"doc_number": number, "published": "2024-06-03"},
                )
            )
    # Look-alikes: a number cited as the basis, a body quoted mid-sentence, an event's date.
    cites = (
        "根据《某某市人民政府关于加强防汛工作的通知》（某政发〔2023〕5号）要求，现将有关事项通知如下：\n",
        "按照省应急管理厅《关于做好汛期安全工作的通知》（某应急〔2024〕3号）精神，结合我县实际，通知如下：\n",
        "转发某某市应急管理局《关于做好汛期安全工作的通知》（某应急〔2024〕3号），请认真贯彻执行。\n",
    )
    for i, cite in enumerate(cites):
        forms.append(
            Form(
                f"zh-cite-{i}",
                _ZH_TITLE,
                "各有关单位：\n"
                + cite
                + "一、各单位要于6月20日前完成隐患排查。\n特此通知。\n某某县应急管理局\n2024年6月3日",
                {"doc_number": None, "issuer": "某某县应急管理局", "published": "2024-06-03"},
            )
        )
    mids = (
        "请各单位于6月20日前将排查情况报送县应急管理局。\n",
        "具体事宜请咨询某某县水利局防汛办。\n",
        "联系人：张三，某某县应急管理局，电话：0000-1234567。\n",
    )
    for i, mid in enumerate(mids):
        forms.append(
            Form(
                f"zh-mid-{i}",
                _ZH_TITLE,
                "各有关单位：\n为做好汛期安全防范工作，现通知如下：\n" + mid,
                {"issuer": None, "doc_number": None, "published": None},
            )
        )
    events = (
        "定于2024年6月10日上午9时在县政府三楼会议室召开全县防汛工作会议。\n",
        "2024年6月10日至6月12日，县应急管理局将组织开展防汛演练。\n",
        "请于2024年6月20日前报送材料。\n",
    )
    for i, ev in enumerate(events):
        forms.append(
            Form(
                f"zh-event-{i}",
                _ZH_TITLE,
                "各有关单位：\n" + ev + "特此通知。\n",
                {"published": None, "doc_number": None},
            )
        )
    # A person's name above the date is no body; a sentence above the date is no body.
    for i, above in enumerate(("张三", "联系人：李四", "欢迎广大群众积极参与", "请各单位认真贯彻执行")):
        forms.append(
            Form(
                f"zh-notbody-{i}",
                _ZH_TITLE,
                _ZH_BODY + above + "\n2024年6月3日",
                {"issuer": None, "published": "2024-06-03"},
            )
        )
    return forms


# ---------------------------------------------------------------- English
_EN_TITLE = "Road Closure on Main Street for Water Main Repairs"
_EN_BODY = (
    "Main Street between First Avenue and Third Avenue will be closed to all traffic from 7 a.m. to 6 p.m. "
    "on March 12, 2024, while crews replace a section of water main. Motorists must follow the posted detour "
    "signs. Residents with questions may call 555-0100.\n"
)
_EN_BODIES = (
    "Department of Public Works",
    "Ministry of Health",
    "Office of the City Clerk",
    "Environmental Protection Agency",
    "Metropolitan Transit Authority",
)
_EN_DATES = {
    "long": "March 5, 2024",
    "dayfirst": "5 March 2024",
    "abbr": "Mar. 5, 2024",
    "iso": "2024-03-05",
    "ordinal": "March 5th, 2024",
}


def _en_forms() -> list[Form]:
    forms: list[Form] = []
    for body in _EN_BODIES:
        for dkey, date in _EN_DATES.items():
            want: Mapping[str, str | None] = {"issuer": body, "published": "2024-03-05"}
            forms.append(
                Form(f"en-from-{body}-{dkey}", _EN_TITLE, f"From: {body}\nDate: {date}\n\n{_EN_BODY}", want)
            )
            forms.append(
                Form(
                    f"en-issuedby-{body}-{dkey}",
                    _EN_TITLE,
                    f"Issued by: {body}\nIssued on: {date}\n\n{_EN_BODY}",
                    want,
                )
            )
            forms.append(
                Form(
                    f"en-letterhead-{body}-{dkey}",
                    _EN_TITLE,
                    f"{body.upper()}\n\nPUBLIC NOTICE\n\n{date}\n\n{_EN_BODY}",
                    want,
                )
            )
            forms.append(
                Form(
                    f"en-letterhead-mixed-{body}-{dkey}",
                    _EN_TITLE,
                    f"{body}\nCity of Springfield\n\n{date}\n\n{_EN_BODY}",
                    want,
                )
            )
            forms.append(
                Form(
                    f"en-dateline-{body}-{dkey}",
                    _EN_TITLE,
                    f"SPRINGFIELD, {date} — The {body} today announced that "
                    + _EN_BODY[0].lower()
                    + _EN_BODY[1:],
                    want,
                )
            )
            forms.append(
                Form(
                    f"en-signature-{body}-{dkey}",
                    _EN_TITLE,
                    f"{date}\n\n{_EN_BODY}\nJane Doe\nDirector\n{body}",
                    want,
                )
            )
            forms.append(
                Form(
                    f"en-signature-dated-{body}-{dkey}",
                    _EN_TITLE,
                    f"{_EN_BODY}\nJane Doe\nDirector\n{body}\n{date}",
                    want,
                )
            )
            forms.append(
                Form(
                    f"en-press-{body}-{dkey}",
                    _EN_TITLE,
                    f"For Immediate Release\n{date}\n\nThe {body} today reminded residents that "
                    + _EN_BODY[0].lower()
                    + _EN_BODY[1:],
                    want,
                )
            )
    # A signature block: a name, a post, the unit, then its city or county (the unit signs, its government is
    # its parent); and a letterhead with the unit above its local government.
    for body in _EN_BODIES:
        for gov in ("City of Springfield", "County of Marlow", "Town of Easton", "State of Veland"):
            want = {"issuer": body}
            forms.append(
                Form(
                    f"en-sig-gov-{body}-{gov}",
                    _EN_TITLE,
                    f"{_EN_BODY}\nJane Doe\nDirector\n{body}\n{gov}",
                    want,
                )
            )
            forms.append(
                Form(
                    f"en-lh-gov-{body}-{gov}",
                    _EN_TITLE,
                    f"{body}\n{gov}\n\nMarch 5, 2024\n\n{_EN_BODY}",
                    want,
                )
            )
            forms.append(
                Form(
                    f"en-lh-gov-top-{body}-{gov}",
                    _EN_TITLE,
                    f"{gov}\n{body}\n\nMarch 5, 2024\n\n{_EN_BODY}",
                    want,
                )
            )
        # A header line naming the body and the kind of document; a byline naming the body after its date.
        forms.append(
            Form(
                f"en-kindline-{body}",
                _EN_TITLE,
                f"{body} – News Release\nMarch 5, 2024\n{_EN_BODY}",
                {"issuer": body, "published": "2024-03-05"},
            )
        )
        forms.append(
            Form(f"en-kindline2-{body}", _EN_TITLE, f"{body} - Press Release\n\n{_EN_BODY}", {"issuer": body})
        )
        forms.append(
            Form(
                f"en-byline-bar-{body}",
                _EN_TITLE,
                f"Posted on: March 5, 2024 | {body}\n{_EN_BODY}",
                {"issuer": body, "published": "2024-03-05"},
            )
        )
        # News style writes a body's head word in lower case after a document's "of"/"from"/"by".
        low = body[0].lower() + body[1:]
        if " of " in body:
            for doc in (
                "An office memorandum of",
                "A circular from",
                "A notification issued by",
                "An order of",
            ):
                forms.append(
                    Form(
                        f"en-lowhead-{doc}-{body}",
                        _EN_TITLE,
                        f"New Delhi, March 5: {doc} {low} said that " + _EN_BODY[0].lower() + _EN_BODY[1:],
                        {"issuer": low},
                    )
                )
    # Look-alikes: a city named in a sentence, a county line that is an address, a lower-case body in a sentence
    # that is no document's author.
    for key, text, want in (
        (
            "gov-address",
            f"{_EN_BODY}\nJane Doe\n123 Main Street\nCity of Springfield",
            {"issuer": "City of Springfield"},
        ),
        (
            "gov-alone",
            f"City of Springfield\n\nMarch 5, 2024\n\n{_EN_BODY}",
            {"issuer": "City of Springfield"},
        ),
        (
            "gov-sig-alone",
            f"{_EN_BODY}\nJane Doe\nCity Manager\nCity of Springfield",
            {"issuer": "City of Springfield"},
        ),
        (
            "lowhead-sentence",
            "Residents said the department of health was slow to respond. " + _EN_BODY,
            {"issuer": None},
        ),
        (
            "lowhead-person",
            "A letter from a ministry of Health official said nothing. " + _EN_BODY,
            {"issuer": None},
        ),
        ("kindline-headline", f"Council Meeting Cancelled - Notice\n\n{_EN_BODY}", {"issuer": None}),
        (
            "byline-person",
            f"Posted on: March 5, 2024 | Jane Doe\n{_EN_BODY}",
            {"issuer": None, "published": "2024-03-05"},
        ),
    ):
        forms.append(Form(f"en-look-{key}", _EN_TITLE, text, want))
    # News style names a place's government or administration with its level in lower case.
    for place in ("Gautam Buddh Nagar", "Pune", "Delhi", "Marlow County"):
        for level in ("district administration", "state government", "city administration", "government"):
            forms.append(
                Form(
                    f"en-placegov-{place}-{level}",
                    _EN_TITLE,
                    f"Pune, June 3 (PTI): The {place} {level} on Sunday ordered that "
                    + _EN_BODY[0].lower()
                    + _EN_BODY[1:],
                    {"issuer": f"{place} {level}"},
                )
            )
    for key, lead in (
        ("opener", "On Monday district administration ordered that "),
        ("meanwhile", "Meanwhile Delhi district administration said that "),
        ("object", "Critics of the Pune district administration said that "),
        ("time", "Last Monday state government announced that "),
    ):
        forms.append(
            Form(
                f"en-look-placegov-{key}",
                _EN_TITLE,
                lead + _EN_BODY[0].lower() + _EN_BODY[1:],
                {"issuer": None},
            )
        )
    # A page's rows and fields naming the body: a dated row, a section beside the body, a field label; a public
    # notice's body acting "hereby"; a closing "BY ORDER OF" in capitals.
    for body in ("Department of Public Works", "Ministry of Health", "Metropolitan Transit Authority"):
        for key, text in (
            ("row", f"News release\nMarch 5, 2024 | Springfield, Illinois | {body}\n{_EN_BODY}"),
            ("section", f"News | {body}\n{_EN_BODY}"),
            ("label-dept", f"Department: {body}\nDate: March 5, 2024\n{_EN_BODY}"),
            ("label-org", f"Organization: {body}\n{_EN_BODY}"),
            (
                "hereby",
                f"Public Notice\nThe {body} hereby gives notice that " + _EN_BODY[0].lower() + _EN_BODY[1:],
            ),
            (
                "byorder",
                f"NOTICE IS HEREBY GIVEN that {_EN_BODY}\nBY ORDER OF THE {body.upper()}\nJane Doe, Secretary",
            ),
        ):
            forms.append(Form(f"en-page-{key}-{body}", _EN_TITLE, text, {"issuer": body}))
    forms.append(
        Form(
            "en-page-row-agency",
            _EN_TITLE,
            f"March 5, 2024 | Ottawa, Ontario | Health Canada\n{_EN_BODY}",
            {"issuer": "Health Canada"},
        )
    )
    for key, text in (
        ("row-person", f"March 5, 2024 | Springfield | Jane Doe\n{_EN_BODY}"),
        ("row-undated", f"Home | News | Department of Public Works Projects\n{_EN_BODY}"),
        ("row-readtime", f"March 5, 2024 | 10:00 AM | 3 min read\n{_EN_BODY}"),
        ("section-headline", f"News | Council Meeting Cancelled\n{_EN_BODY}"),
        ("label-plain", f"Department: Public Works\n{_EN_BODY}"),
        ("hereby-plain", "Notice is hereby given that " + _EN_BODY[0].lower() + _EN_BODY[1:]),
        ("byorder-court", f"{_EN_BODY}\nBY ORDER OF THE COURT\nJane Doe, Clerk"),
    ):
        forms.append(Form(f"en-look-page-{key}", _EN_TITLE, text, {"issuer": None}))
    # A page's or letter's foot row: the body, then its street address or telephone.
    for body in ("Department of Public Works", "Ministry of Health", "Metropolitan Transit Authority"):
        for tail in (
            "123 Main St | Springfield, IL 62701",
            "(555) 555-0100 | info@example.gov",
            "P.O. Box 42 | Springfield",
        ):
            forms.append(
                Form(
                    f"en-footrow-{body}-{tail[:6]}",
                    _EN_TITLE,
                    f"{_EN_BODY}\n{body} | {tail}",
                    {"issuer": body},
                )
            )
    for key, foot in (
        ("person", "Jane Doe | 123 Main St | Springfield, IL 62701"),
        ("headline", "Council Meeting Cancelled | 123 Main St"),
        ("trail", "Home | 123 Main St"),
    ):
        forms.append(Form(f"en-look-footrow-{key}", _EN_TITLE, f"{_EN_BODY}\n{foot}", {"issuer": None}))
    # Release numbers.
    numbers = (
        ("Release Number: IR-2024-44", "IR-2024-44"),
        ("IR-2024-44, March 5, 2024", "IR-2024-44"),
        ("News Release No. 12/2024", "12/2024"),
        ("Circular No. 5 of 2024", None),
        ("Press Release 24-017", "24-017"),
        ("No. 12/2024", "12/2024"),
        ("Notice No. 2024-12", "2024-12"),
        ("Ref: DPW/2024/031", "DPW/2024/031"),
    )
    for line, number in numbers:
        wanted: dict[str, str | None] = {} if number is None else {"doc_number": number}
        forms.append(Form(f"en-no-{line}", _EN_TITLE, f"{line}\n\n{_EN_BODY}", wanted))
        forms.append(Form(f"en-no-foot-{line}", _EN_TITLE, f"{_EN_BODY}\n{line}", wanted))
    # Look-alikes: no issuer, no number, no date of the notice.
    lookalikes: tuple[tuple[str, str, Mapping[str, str | None]], ...] = (
        (
            "quoted",
            "Residents may apply for a permit from the Department of Public Works at any time. " + _EN_BODY,
            {"issuer": None},
        ),
        ("person", "Jane Doe said the closure would last one day. " + _EN_BODY, {"issuer": None}),
        ("country", "Visitors from the United Kingdom and Canada are welcome. " + _EN_BODY, {"issuer": None}),
        (
            "cite",
            "As required by Circular No. 3 of 2023 and Order No. 45, " + _EN_BODY[0].lower() + _EN_BODY[1:],
            {"doc_number": None},
        ),
        (
            "event",
            "The public meeting will be held on April 2, 2024 at City Hall. " + _EN_BODY,
            {"published": None},
        ),
        ("deadline", "Comments must be received by April 2, 2024.\n" + _EN_BODY, {"published": None}),
        ("phone", _EN_BODY + "Call 555-0100 or 555-0199.", {"doc_number": None}),
        ("covid", "COVID-19 testing remains available. " + _EN_BODY, {"doc_number": None}),
        ("minister", "Minister of Health Jane Doe will visit the site. " + _EN_BODY, {"issuer": None}),
        ("effective", "Effective date: April 1, 2024\n" + _EN_BODY, {"published": None}),
    )
    for key, text, want in lookalikes:
        forms.append(Form(f"en-look-{key}", _EN_TITLE, text, want))
    return forms


# ---------------------------------------------------------------- English, round 12b
_TENDER_TITLE = "Tender for the annual servicing of lifts"
_TENDER_BODY = (
    "The lifts in the main building will be serviced under a one-year contract. Bidders must submit sealed bids "
    "with an earnest money deposit of Rs. 20,000/- by 20.03.2024.\n"
)
_POST_TITLE = "Service arrangements of Veland Post"
_POST_BODY = "All post offices will open from 10am to 4pm on weekdays. Mail delivery may be delayed by up to two days.\n"
_SCHOOL_TITLE = "Schools to open for full days"
_SCHOOL_BODY = (
    "All District Educational Officers are instructed to open schools for full days from 26.06.2024 and to "
    "inform all Headmasters accordingly.\n"
)


def _en_forms_12b() -> list[Form]:
    """Release openings dated in brackets, institutions named after a person or place, South Indian file
    numbers, gazette sign-off dates; each with look-alikes where the rule must not fire."""
    forms: list[Form] = []
    # A release's bracket-dated opening: its subject is the issuer when a body word or an acronym shows it is one.
    for name in ("Veland Post", "Coastal Rail Company", "Northgate Water Supplies Department", "VTA Ferries"):
        for key, opening in (
            ("after", f"{name} announced today (March 5) the service arrangements for next week."),
            ("before", f"{name} today (March 5) announced the service arrangements for next week."),
            ("weekday", f"{name} today (Tuesday) reminded the public of the service arrangements."),
            ("clause", f"In view of the storm, {name} announced today (March 5) the service arrangements."),
            ("urged", f"{name} urged the public today (March 5) to post early."),
        ):
            text = f"{opening}\n{_POST_BODY}{name} will keep the public informed.\n"
            forms.append(Form(f"en-12b-dated-{key}-{name}", _POST_TITLE, text, {"issuer": name}))
    # Look-alikes: a person, a post, an event, a lone word, a place that heads longer names, no repeat.
    dated_looks = (
        (
            "person-hon",
            "Mr Peter Wong announced today (March 5) new arrangements. Mr Peter Wong will report.",
        ),
        ("person-bare", "Peter Wong announced today (March 5) new arrangements. Mr Wong will report again."),
        ("post", "The Secretary for Transport, Mr Tam, announced today (March 5) new arrangements."),
        (
            "event",
            "The Lantern Festival begins today (March 5) at the pier. The Lantern Festival will feature.",
        ),
        ("event-open", "Harbour Fair opens today (Monday) at the pier. Harbour Fair will run for a week."),
        ("one-word", "Veland announced today (March 5) new arrangements. Veland will report."),
        (
            "place",
            "East Veland announced today (March 5) new arrangements. The East Veland Harbour will close.",
        ),
        ("once", "Veland Post announced today (March 5) new arrangements for mail."),
        ("exhibit", "An exhibition will be held on Saturday (March 9) at the Town Hall. Entry is free."),
        ("said", "Peter Wong said today (March 5) that mail will be late. Peter Wong said more."),
        # Review of round 12b: a person after an honorific, a bare name of two words (a person's, a place's).
        ("dr", "Dr. Alan Brook announced today (Monday) that post closes early. Dr. Alan Brook will report."),
        ("mr-dot", "Mr. Tom Ling announced today (March 5) new rules. Tom Ling will report."),
        ("urged-person", "Tom Ling urged the public today (Friday) to stay indoors. Tom Ling will patrol."),
        ("senator", "Senator Ann Rowe announced today (Friday) new rules. Senator Ann Rowe will report."),
        ("place-two", "New Veland announced today (March 5) new rules. New Veland will report."),
        ("bare-two", "Coastal Rail announced today (March 5) new rules. Coastal Rail will report."),
    )
    for key, text in dated_looks:
        forms.append(
            Form(
                f"en-12b-look-dated-{key}", "Service arrangements", f"{text}\n{_POST_BODY}", {"issuer": None}
            )
        )
    # A regulator's demand of those it regulates names it: "The VGC expects all licensees to …".
    returns = "Licence holders must file their quarterly returns by the 21st day after each quarter.\n"
    for subject, name in (
        ("The VGC", "VGC"),
        ("The Veland Gambling Commission", "Veland Gambling Commission"),
        ("The Harbour Authority", "Harbour Authority"),
    ):
        for key, demand in (
            ("all", "expects all signatories to make reasonable enquiries"),
            ("plain", "expects licensees to keep records for five years"),
            ("every", "expects every licence holder to report breaches at once"),
            ("regulated", "expects regulated firms to file a compliance report"),
        ):
            forms.append(
                Form(
                    f"en-12b-expects-{key}-{name}",
                    "Quarterly returns",
                    f"{returns}{subject} {demand}.",
                    {"issuer": name},
                )
            )
    for key, text in (
        ("growth", "The IMF expects growth to slow to 2% next year."),
        ("roads", "The NWS expects all roads to be icy by morning."),
        ("temps", "The NWS expects temperatures to fall overnight."),
        ("crowd", "The VGC expects many more visitors at the expo."),
        ("public", "The NWS expects all members of the public to stay home."),
        ("firms-fail", "The IMF expects many firms to fail next year."),
        ("institutions", "The IMF expects member institutions to see slower growth."),
        ("employers", "The Federation of Employers expects employers to hire fewer staff."),
    ):
        forms.append(Form(f"en-12b-look-expects-{key}", "Outlook", f"{returns}{text}", {"issuer": None}))
    # A subject in the passive is addressed or described, never the issuer; the active beside it issues.
    schools = "Schools will open for full days from 26.06.2024.\n"
    for key, text, want in (
        ("addressed", "All District Educational Officers are instructed to inform the Headmasters.", None),
        ("hereby", "The Heads of Department are hereby directed to report by Friday.", None),
        ("asked", "The Tenants Association has been asked to respond by Friday.", None),
        ("acronym", "The NWB is required to publish its accounts by Friday.", "NWB"),
        ("closed", "The Ministry of Education is closed on Monday.", "Ministry of Education"),
        (
            "given",
            "The Ministry of Education has been given powers to close schools.",
            "Ministry of Education",
        ),
        ("plural", "All Heads of Department are informed that schools reopen.", None),
        ("founded", "The Springfield Town Council was established in 1990.", None),
        ("informed", "The Ministry of Education was today informed by the Court.", "Ministry of Education"),
        ("active", "The Ministry of Education has issued new rules for schools.", "Ministry of Education"),
        (
            "progressive",
            "The Ministry of Education is issuing new rules for schools.",
            "Ministry of Education",
        ),
        ("resolve", "The Ministry of Education is determined to curb absence.", "Ministry of Education"),
        ("acronym-active", "The NWB has issued new rules for schools.", "NWB"),
    ):
        forms.append(Form(f"en-12b-passive-{key}", "School hours", f"{text}\n{schools}", {"issuer": want}))
    # An institution named after a person or a place opens with "Dr.", "St.", "Mt." or "Ft.".
    for name in (
        "Dr. Jane Doe Memorial Hospital",
        "St. Mary's College",
        "Mt. Pleasant Community College",
        "Dr. Rao Institute of Medical Sciences",
        "St. Anne's School",
        "Ft. Lewis College",
        "Dr. Ambika Prasad University",
    ):
        forms.append(
            Form(
                f"en-12b-prefix-invites-{name}",
                _TENDER_TITLE,
                f"TENDER NOTICE\n{name} invites sealed tenders for the annual servicing of its lifts.\n{_TENDER_BODY}",
                {"issuer": name},
            )
        )
        forms.append(
            Form(
                f"en-12b-prefix-announced-{name}",
                _TENDER_TITLE,
                f"{name} has announced a tender for the annual servicing of its lifts.\n{_TENDER_BODY}",
                {"issuer": name},
            )
        )
    prefix_looks: tuple[tuple[str, str, str | None], ...] = (
        ("person", "Dr. Jane Doe announced a tender for the servicing of lifts.", None),
        (
            "person-post",
            "Dr. Jane Doe, Director of the Springfield Water Board, announced a tender.",
            "Springfield Water Board",
        ),
        (
            "person-line",
            "By Dr. Jane Doe\nSpringfield Town Council invites sealed tenders for lifts.",
            "Springfield Town Council",
        ),
        (
            "street",
            "Bring bids to 40 Main St. Springfield Town Council invites sealed tenders.",
            "Springfield Town Council",
        ),
        ("drive", "Send bids to 12 Oak Dr. Veland Water Board invites sealed tenders.", "Veland Water Board"),
        ("seat", "Veland's Ministry of Health invites sealed tenders for lifts.", "Ministry of Health"),
    )
    for key, text, want in prefix_looks:
        forms.append(
            Form(f"en-12b-look-prefix-{key}", _TENDER_TITLE, f"{text}\n{_TENDER_BODY}", {"issuer": want})
        )
    # South Indian state offices' file numbers heading their line; a cited one is another document's.
    numbers = (
        ("Procs. Rc. No. 1234/B2/2024", "1234/B2/2024"),
        ("Procs.Rc.No. SE01-4455/3/2024-A&I", "SE01-4455/3/2024-A&I"),
        ("Rc.No. 1234/B2/2024, Dated: 05.03.2024", "1234/B2/2024"),
        ("Roc.No. 778/A3/2024", "778/A3/2024"),
        ("Lr. No. 55/C/2024", "55/C/2024"),
        ("Memo.No. 77/E1/2024", "77/E1/2024"),
        ("GO No.:45", "45"),
        ("G.O. No.: 45", "45"),
    )
    for line, number in numbers:
        forms.append(
            Form(f"en-12b-no-{line}", _SCHOOL_TITLE, f"{line}\n{_SCHOOL_BODY}", {"doc_number": number})
        )
        forms.append(
            Form(
                f"en-12b-no-cited-{line}",
                _SCHOOL_TITLE,
                f"Ref: 1. This office Rc.No. 999/A1/2023, dt. 01.02.2023.\n{line}\n{_SCHOOL_BODY}",
                {"doc_number": number},
            )
        )
    number_looks = (
        ("vide", f"{_SCHOOL_BODY}This is as instructed vide Rc.No. 999/A1/2023 dated 01.02.2023."),
        ("vide-no", f"{_SCHOOL_BODY}This is as instructed vide No. 999/A1/2023 dated 01.02.2023."),
        ("vide-lr", f"{_SCHOOL_BODY}Reports sent vide Lr. No. 55/C/2023 are noted."),
        ("house", f"{_SCHOOL_BODY}The office is at Plot No. 12/3, Sector 5."),
        ("go-word", f"{_SCHOOL_BODY}Pupils will GO to the hall at 9 am."),
        ("go-line", f"GO No. 5 BUS TO THE DEPOT\n{_SCHOOL_BODY}"),
    )
    for key, text in number_looks:
        forms.append(Form(f"en-12b-look-no-{key}", _SCHOOL_TITLE, text, {"doc_number": None}))
    # A gazette notice's sign-off date, with its article.
    gazette = "IN EXERCISE of the powers conferred by section 4 of the Roads Act, the Minister declares that:\n1. Mill Road shall be closed.\n"
    for key, line in (
        ("ordinal", "Dated the 5th March, 2024."),
        ("plain", "Dated the 5 March 2024."),
        ("caps", "DATED the 5th March, 2024"),
        ("dayof", "Dated the 5th day of March, 2024."),
    ):
        forms.append(
            Form(
                f"en-12b-gazette-{key}",
                "Gazette Notice: Roads Act",
                f"{gazette}{line}\nCabinet Secretary for Roads.",
                {"published": "2024-03-05"},
            )
        )
    date_looks = (
        ("same-day", "Dated the same day as the order.\nCabinet Secretary for Roads."),
        (
            "permit",
            "The permit was dated the 5th day of March, 2023 and has expired.\nCabinet Secretary for Roads.",
        ),
        (
            "going-on",
            "Under the order\nDated the 5th day of March, 2023, fees rise.\nCabinet Secretary for Roads.",
        ),
    )
    for key, tail in date_looks:
        forms.append(
            Form(f"en-12b-look-gazette-{key}", "Gazette Notice", gazette + tail, {"published": None})
        )
    quoted = "GAZETTE NOTICE\nThe earlier order read:\nDated the 5th day of March, 2023.\n"
    forms.append(
        Form(
            "en-12b-look-gazette-quoted",
            "Gazette Notice",
            quoted + gazette + "Minister.",
            {"published": None},
        )
    )
    return forms


def _zh_forms_13() -> list[Form]:
    """Round 13 (Chinese): traditional signers and numbers, Taiwan's 字第…號 header line and Minguo date line, a
    mirror's pinyin inside a signer's name, a courtesy after it, a release issued on a body's behalf, a title's
    body before its closing event, a signer above a garbled date; each with look-alikes that must stay empty
    (numbers cited under a label or wrapped in a sentence, event dates, a time, cause or scope before a place's
    kind in a title)."""
    forms: list[Form] = []
    tw_body = _ZH_BODY_TW
    for key, name in (
        ("office", "某某縣人民政府辦公廳"),
        ("committee", "某某縣教育委員會"),
        ("section", "某某大學學務處"),
        ("library", "某某縣立圖書館"),
        ("union", "某某公司企業工會"),
    ):
        for dkey, date, iso in (
            ("arabic", "2024年6月3日", "2024-06-03"),
            ("era", "中華民國113年6月3日", "2024-06-03"),
        ):
            forms.append(
                Form(
                    f"zh-13-tw-signer-{key}-{dkey}",
                    "關於做好汛期安全防範工作的通知",
                    f"{tw_body}{name}\n{date}\n",
                    {"issuer": name, "published": iso},
                )
            )
        forms.append(
            Form(f"zh-13-tw-courtesy-{key}", "汛期安全防範說明", f"{tw_body}{name}　謹上\n", {"issuer": name})
        )
    for key, name in (("clinic", "某某社區衛生服務(wù)中心"), ("college", "某某職業技術學(xué)院")):
        text = (
            "本學期健康檢查定於6月24日上午進行，請按排定時段前往體檢，並攜帶證件以備查驗(yàn)。\n"
            + name
            + "\n2024年6月3日\n"
        )
        forms.append(
            Form(f"zh-13-pinyin-{key}", "健康檢查安排", text, {"issuer": name, "published": "2024-06-03"})
        )
        run_in = "本週六上午在禮堂舉辦健康講座，歡迎踴躍參加！ " + name + " 2024年6月3日"
        forms.append(
            Form(
                f"zh-13-pinyin-run-in-{key}", "健康講座", run_in, {"issuer": name, "published": "2024-06-03"}
            )
        )
    for key, number in (
        ("hexagon", "某府辦〔2024〕27號"),
        ("square", "某教發[2024]3號"),
        ("round", "某府辦（2024）7號"),
    ):
        forms.append(
            Form(
                f"zh-13-tw-number-{key}",
                "關於做好汛期安全防範工作的通知",
                f"{number}\n{tw_body}某某縣人民政府辦公廳\n2024年6月3日\n",
                {"doc_number": number},
            )
        )
    road = "主旨：本區中山路段自6月10日起夜間施工。\n說明：施工期間請用路人改道行駛。\n"
    for key, line, want in (
        ("plain", "某區工字第1130012345號", "某區工字第1130012345號"),
        ("spaced", "某 區 工 字 第 1130012345 號", "某區工字第1130012345號"),
        ("label", "發文字號：某區工字第1130012345號", "某區工字第1130012345號"),
    ):
        for order, head in (
            ("number-first", f"公 告\n{line}\n中華民國113年6月3日\n"),
            ("date-first", f"公 告\n中華民國113年6月3日\n{line}\n"),
        ):
            forms.append(
                Form(
                    f"zh-13-word-number-{key}-{order}",
                    "中山路段夜間施工",
                    f"2024年6月8日 星期六\n\n{head}\n{road}",
                    {"doc_number": want, "published": "2024-06-03"},
                )
            )
    # Numbers cited under a label, a list's lead-in or a wrapped sentence; a bracketed number stays the number.
    for key, head in (
        ("basis", "公 告\n依據：\n某區工字第1130012345號\n"),
        ("reference", "公 告\n參考文號：\n某區工字第1130012345號\n"),
        ("list", "公 告\n核准文號如下：\n某區工字第1130012345號\n某區工字第1130012346號\n"),
        ("reply", "公 告\n復貴會113年5月2日\n某區工字第1130012345號\n函。\n"),
        ("simplified", "公告\n按照\n某区工字第1130012345号\n规定，请施工单位做好围挡。\n"),
    ):
        forms.append(
            Form(f"zh-13-look-word-number-{key}", "中山路段夜間施工", head + road, {"doc_number": None})
        )
    forms.append(
        Form(
            "zh-13-word-number-bracketed-first",
            "中山路段夜間施工",
            "某府辦〔2024〕27號\n公 告\n中華民國113年6月3日\n某區工字第1130012345號\n" + road,
            {"doc_number": "某府辦〔2024〕27號"},
        )
    )
    for key, text in (
        ("carry-out", "為貫徹某府發〔2024〕5號文件精神，請各校於月底前完成自查。\n"),
        ("carry-out-simplified", "为贯彻某府发〔2024〕5号文件精神，请各校于月底前完成自查。\n"),
        ("convey", "現將某府發〔2024〕5號文件精神傳達如下：\n一、各校於月底前完成自查。\n"),
        ("comply", "遵照某府发〔2024〕5号文件规定，请各校于月底前完成自查。\n"),
    ):
        forms.append(Form(f"zh-13-look-cited-{key}", "自查工作安排", text, {"doc_number": None}))
    # Look-alikes: numbers cited in a sentence, a serial without 字, an era date that is a field's or an event's.
    for key, text in (
        ("cited", "本府業以某府教字第1130012345號函轉知各校，請依規定辦理。\n"),
        ("cited-by", "依據衛生局某衛字第1130001號公告辦理。\n"),
        ("no-word", "通 告\n第1130012345號\n本處調整辦公時間。\n"),
        ("cited-book", "依據《某某縣辦公規定》（某府辦〔2020〕3號）辦理，請同仁知照。\n"),
    ):
        forms.append(Form(f"zh-13-look-number-{key}", "調整辦公時間", text, {"doc_number": None}))
    for key, text in (
        ("field", "2024年6月8日 星期六\n\n會員大會\n開會日期：\n中華民國113年6月20日\n請會員準時出席。\n"),
        ("effective", "2024年6月8日 星期六\n\n本辦法自中華民國113年7月1日起實施，請同仁知照。\n"),
        ("later", "2024年6月8日 星期六\n\n會員大會\n中華民國113年6月20日\n請會員準時出席。\n"),
        ("held", "2024年6月8日 星期六\n\n本年度捐血活動已於下列日期順利完成：\n中華民國113年6月1日\n"),
        ("founded", "2024年6月8日 星期六\n\n本館創立於\n民國七十年五月四日\n"),
        ("period", "2024年6月8日 星期六\n\n封閉期間：\n中華民國113年6月1日\n至6月5日止\n"),
        ("closed", "2024年6月8日 星期六\n\n報名已於\n中華民國113年6月1日\n截止\n"),
        ("births", "2024年6月8日 星期六\n\n名單：\n張一\n民國九十年一月二日\n李二\n民國九十一年三月四日\n"),
    ):
        forms.append(Form(f"zh-13-look-era-{key}", "會員大會說明", text, {"published": "2024-06-08"}))
    # A release on a body's behalf; the representatives' congress keeps its 代.
    for key, opening in (
        ("notice", "以下是代某某運輸署發出的通告："),
        ("announcement", "以下是代某某運輸署發出的公告："),
    ):
        text = opening + "\n因週末舉行馬拉松，濱海路段清晨封閉。\n"
        forms.append(Form(f"zh-13-on-behalf-{key}", "濱海路段封閉", text, {"issuer": "某某運輸署"}))
    congress = "某某市人民代表大会常务委员会"
    forms.append(
        Form(
            "zh-13-look-congress",
            "出席会议",
            congress + "发出通知，要求各代表准时出席会议。\n",
            {"issuer": congress},
        )
    )
    # A title's body before its closing event; the event alone names none.
    closed = "根据工作安排，自6月1日起暂停对外服务，恢复时间另行通知。给您带来不便，敬请谅解。\n"
    for key, title, want in (
        ("library", "某某大学图书馆临时闭馆公告", "某某大学图书馆"),
        ("museum", "某某市博物馆端午闭馆通知", "某某市博物馆"),
        ("reopen", "某某县图书馆恢复开馆公告", "某某县图书馆"),
    ):
        forms.append(Form(f"zh-13-title-event-{key}", title, closed, {"issuer": want}))
        forms.append(
            Form(
                f"zh-13-title-event-signed-{key}", title, f"{closed}{want}\n2024年6月1日\n", {"issuer": want}
            )
        )
    for key, title in (
        ("event-only", "临时闭馆通知"),
        ("park", "南湖公园闭园通知"),
        ("ceremony", "某某市科技馆开馆仪式通知"),
        ("period-kind", "暑假期间游泳馆停馆通知"),
        ("cause-kind", "因维修公交站停站公告"),
        ("holiday-kind", "清明纪念馆闭馆通知"),
        ("scope-kind", "全县公共图书馆闭馆公告"),
        ("kind-holiday", "美术馆国庆闭馆通知"),
    ):
        forms.append(Form(f"zh-13-look-title-event-{key}", title, closed, {"issuer": None}))
    # A document's signer above a garbled date line; a report's footer is none.
    addressed = (
        "各班级：\n本学期起教学楼晚自习延长至21时30分，请班主任安排值日生关灯锁门。\n请各班按时执行。\n"
    )
    forms.append(
        Form("zh-13-garbled-date", "晚自习时间调整", addressed + "教务处\n20246月3\n", {"issuer": "教务处"})
    )
    forms.append(
        Form(
            "zh-13-look-garbled-report",
            "晚自习时间调整",
            addressed[4:] + "教务处\n20246月3\n",
            {"issuer": None},
        )
    )
    return forms


def _en_forms_13() -> list[Form]:
    """Release verbs with an adverb or an aside, a body in its own voice to its readers, an office readers are sent
    to, letterheads with a name's particle, a circular's run-together reference, a reference on the signer's line,
    a signature's date under a posting date; each with look-alikes where the rule must not fire."""
    forms: list[Form] = []
    rest = "The reading rooms close at 6pm on Saturdays. Bags must be left in the lockers.\n"
    for name in ("City Archives Service", "Office of Heritage", "Port Trust", "Department of Libraries"):
        for key, opening in (
            ("adverb", f"BRISTOL – The {name} has formally adopted a new lending code."),
            ("aside", f"The {name} has, since its founding, published a yearly guide to its rooms."),
            ("continues", f"As the holidays near, the {name} continues to urge readers to book seats."),
            ("current", f"The {name} is actively monitoring the humidity of its stores."),
        ):
            forms.append(Form(f"en-13-{key}-{name}", "Reading rooms", f"{opening}\n{rest}", {"issuer": name}))
        # A body's own voice opens the text and is named again: on that first line, or by the headline.
        for key, title, opening in (
            (
                "instituting",
                "Reading rooms",
                f"To shorten queues, the {name} is instituting a ticket system; the {name} will issue tickets at 9am.",
            ),
            ("thanks", f"{name}: reading rooms", f"The {name} thanks you for bearing with us."),
            ("regrets", f"{name}: reading rooms", f"The {name} regrets any inconvenience this may cause."),
            ("appreciates", f"{name}: reading rooms", f"The {name} appreciates your understanding."),
        ):
            forms.append(Form(f"en-13-{key}-{name}", title, f"{opening}\n{rest}", {"issuer": name}))
    # A voice that is a third party's (second review): named once, under a sign-off, in a letter, quoted, a company.
    for key, title, text in (
        ("once-foot", "Reading rooms", f"{rest}The Port Trust thanks you for bearing with us.\n"),
        (
            "once-after-line",
            "Reading rooms",
            f"Seats are limited.\nThe Port Trust regrets any inconvenience.\n{rest}",
        ),
        (
            "after-signer",
            "Alumni Association gifts",
            f"{rest}Lucy Amadi\nHead Teacher\nThe Alumni Association thanks you for your gifts.\n",
        ),
        (
            "club-signs",
            "Leisure Centre lanes",
            f"Divers, the Leisure Centre appreciates your patience.\n{rest}Westbank Diving Club\n",
        ),
        (
            "company",
            "Redline Paving Ltd on Mill Lane",
            f"Redline Paving Ltd regrets any inconvenience from Redline Paving Ltd.\n{rest}",
        ),
        (
            "letterhead",
            "Borough Council plots",
            f"RIVERSIDE GARDEN PLOT HOLDERS\nThe Borough Council thanks you.\n{rest}",
        ),
        (
            "colon",
            "Board of Education drive",
            f"The minister said: The Board of Education thanks you, and the Board of Education will pay.\n{rest}",
        ),
        (
            "know",
            "Exams Council marking",
            f"As candidates will know, the Exams Council is instituting double marking.\n{rest}",
        ),
        (
            "letter",
            "Parents Forum",
            f"Dear parents,\nThe Parents Forum thanks you; the Parents Forum met.\n{rest}",
        ),
        (
            "recognizes",
            "Health Service staffing",
            f"The Health Service recognizes the need for staff.\n{rest}",
        ),
    ):
        forms.append(Form(f"en-13-look-voice-{key}", title, text, {"issuer": None}))
    verb_looks = (
        ("person", "Tom Okafor has formally adopted a new training plan."),
        ("country", "Veland has, since its founding, published maps of its rivers."),
        ("place", "Northfield continues to urge cyclists to wear lights."),
        ("likely", "The Port Trust is likely to face a larger energy bill."),
        ("founded", "The Port Trust was formally instituted in 1961. Its museum is open to visitors."),
        ("established", "The Port Trust was originally established in 1961. Its museum is open to visitors."),
        ("thanked-to", "We thank the Port Trust for the loan of its charts."),
        ("thanks-to", "Thanks to the Port Trust, every school has a visit slot."),
        ("person-thanks", "At the prize-giving Tom Okafor thanked you all."),
        ("person-regrets", "Ms Ada Ling regrets any inconvenience."),
        ("country-appreciates", "Veland appreciates your understanding."),
        # Stems inside nouns and adjectives, past tense, quoted bodies, an award, a third party's thanks.
        ("appreciation", "Tickets for the Fire Department appreciation supper are on sale."),
        ("institutional", "Papers go to the Science Research Council institutional ethics panel."),
        ("ruling", "In its judgment the Court of Appeal regretted the long wait."),
        ("regretted", "The Industrial Tribunal regretted that the case had stalled."),
        ("apologised", "Last month the Gas Supply Company apologised for the cuts."),
        ("recognized", "In 2001 the Supreme Court recognized the Lakeside Tribal Council."),
        ("award", "The State Board of Education recognizes Hillcrest Primary as a school of merit."),
        ("volunteers", "The Rotary Club thanks all the stewards."),
        ("friends-of", "The fair is over. The Friends of the Museum Society thanks you for coming."),
        ("regrets-that", "The Water Board regrets that it cannot attend."),
    )
    for key, line in verb_looks:
        forms.append(Form(f"en-13-look-{key}", "Notes from the week", f"{line}\n{rest}", {"issuer": None}))
    # A third party in its own voice inside a letter: the letterhead writes.
    for key, head, line in (
        ("pta", "HILLCREST HIGH SCHOOL", "The Parent Teacher Association thanks all members who helped."),
        ("bus", "DEEDS REGISTRY OFFICE", "The Bus Operating Company regrets any inconvenience."),
        (
            "award",
            "NORTHFIELD SCHOOL DISTRICT",
            "The State Board of Education recognizes the need for more staff.",
        ),
    ):
        text = f"{head}\n\nThe summer fair raised 4,000 dollars.\n{line}\n{rest}"
        forms.append(Form(f"en-13-letterhead-voice-{key}", "Notes from the week", text, {"issuer": head}))
    # An office the readers are sent to is no issuer; the same office as a subject is.
    for key, before in (
        ("nearest", "the nearest"),
        ("local", "your local"),
        ("concerned", "the concerned"),
        ("any", "any"),
    ):
        text = f"Drivers may renew at {before} Motor Licensing Office (MLO) until June 2.\n"
        forms.append(Form(f"en-13-look-sent-to-{key}", "Licence renewals", text, {"issuer": None}))
    for key, opening in (("any", "Any"), ("every", "Every"), ("nearest", "Nearest")):
        text = f"{opening} Motor Licensing Office (MLO) stamps forms until June 2.\n"
        forms.append(Form(f"en-13-look-sent-to-opening-{key}", "Licence renewals", text, {"issuer": None}))
    forms.append(
        Form(
            "en-13-sent-to-acronym-subject",
            "Licence renewals",
            "Since many drivers cannot travel, the DVLA is instituting postal renewals, which the DVLA will post. "
            "Drivers may also renew at the nearest Motor Licensing Office (MLO).\n",
            {"issuer": "DVLA"},
        )
    )
    forms.append(
        Form(
            "en-13-office-subject",
            "Licence renewals",
            "The Motor Licensing Office (MLO) of Northfield will open on Sunday. Drivers may renew there.\n",
            {"issuer": "Motor Licensing Office"},
        )
    )
    # A letterhead in capitals with a name's particle in mixed case.
    for head in (
        "Al-AMAL TEACHING HOSPITAL",
        "El-NASR SCHOOL OF PHARMACY",
        "McKINLEY TECHNICAL COLLEGE",
        "Ar-RAWDA NURSING INSTITUTE",
    ):
        text = f"{head}\n(A Member of the Regional Health Network)\nThe library will close at noon on 4.11.2024.\n"
        forms.append(Form(f"en-13-particle-{head}", "Library hours", text, {"issuer": head}))
    for key, head in (
        ("title-case", "Al-Amal Street repaving"),
        ("family", "McKENZIE FAMILY REUNION"),
        ("person", "El-HADI OMAR"),
        ("heading", "Al-ARABIYA HEADLINES"),
        ("ad-hoc", "Ad-HOC WORKING GROUP"),
    ):
        text = f"{head}\nEveryone may join on Sunday.\n"
        forms.append(Form(f"en-13-look-particle-{key}", "Sunday", text, {"issuer": None}))
    # A circular headed by a run-together reference led by its year.
    dues = "Branch secretaries\nDues for the new year must be paid by 28 February.\n"
    for head in ("CIRCULAR 2023RB17TQ", "Circular 2023RB17TQ", "CIRCULAR 1998GS4"):
        text = f"{head}\n\n2 February 2023\n{dues}"
        forms.append(Form(f"en-13-run-code-{head}", "Dues reminder", text, {"doc_number": head.split()[1]}))
    for key, head in (
        ("year", "CIRCULAR 2023"),
        ("word", "NOTICE BOARD"),
        ("quarter", "Bulletin Q3"),
        ("fiscal", "CIRCULAR FY2023AB"),
        ("no-year", "CIRCULAR ABC123DEF"),
        ("cited", "Please read Circular 2023RB17TQ before voting."),
        ("subject", "CIRCULAR 2023RB17TQ is withdrawn."),
        ("kind", "REPORT 2023RB17TQ"),
        ("flight", "ADVISORY QF1934"),
        ("aircraft", "NOTICE B737MAX"),
        ("plate", "NOTICE MH12DE1433"),
        ("model", "Notice ZX900RK"),
        ("postcode", "NOTICE M5V3L9"),
        ("product", "NOTICE XYZ789QRS"),
        ("bulletin", "BULLETIN 2023RB17TQ"),
    ):
        text = f"{head}\n{dues}"
        forms.append(Form(f"en-13-look-run-code-{key}", "Dues reminder", text, {"doc_number": None}))
    # The code's shape but no circular to members under it: a flyer's week, a route, a car model.
    for key, text in (
        ("flyer", "Circular 2025WK07\nRipe peaches 3.49 a box this week only.\n"),
        ("route", "CIRCULAR 2025LOOP8\nThe eight mile circular walk starts at the church gate.\n"),
        ("car", "Circular 2018RS200\nOwners of this model should book a brake check.\n"),
    ):
        forms.append(Form(f"en-13-look-run-code-{key}", "This week", text, {"doc_number": None}))
    # A letter's reference on its signer's line, between a closing and the post.
    lab = "The chemistry laboratories will reopen on Tuesday. Coats must be worn at all times.\n"
    for closing, signer in (
        ("Yours faithfully,", "Olu B. Mensah (Dr) KSU/DS/4.02"),
        ("Yours sincerely", "Ama Mensah KSU/DS/4/02"),
        ("Thank you", "K. A. Boateng  KSU/DSA/9/2023"),
    ):
        text = f"{lab}{closing}\n{signer}\nDean of Students 4 May 2023\nCopy: Head of Chemistry\n"
        forms.append(
            Form(
                f"en-13-signer-ref-{signer}", "Laboratories reopen", text, {"doc_number": signer.split()[-1]}
            )
        )
    for key, lines in (
        (
            "cited",
            "Yours faithfully,\nCoats must be worn as set out in our letter KSU/DS/4.02\nDean of Students",
        ),
        ("see", "Yours faithfully,\nSee Rule KSU/DS/4.02\nDean of Students"),
        ("list", "Yours faithfully,\nQuota Seats SC/ST/OBC\nDean of Students"),
        ("address", "Yours faithfully,\nVisit Www.Example.Edu/Labs/2023\nDean of Students"),
        ("date", "Yours faithfully,\nAma Mensah 04/05/2023\nDean of Students"),
        ("bursary", "Bursaries were awarded to:\nGrace Achieng Njoroge EDU/4471/2021\nDean of Students"),
        ("timetable", "Wednesday Afternoon Organic Chemistry CHE/ORG/204\nDean of Students"),
        ("shortlist", "Shortlisted:\nPeter Mwangi NRB/456/Z\nDean of Students"),
        ("two", "Thank you.\nPeter Mwangi NRB/456/Z\nGrace Achieng NRB/457/Y\nDean of Students"),
        ("no-post", "Thank you.\nPeter Mwangi NRB/456/Z\nAll students must attend."),
    ):
        forms.append(
            Form(
                f"en-13-look-signer-ref-{key}", "Laboratories reopen", f"{lab}{lines}\n", {"doc_number": None}
            )
        )
    # A signature's date closing the text, under a page's posting date that is not earlier.
    works = "The east car park will be resurfaced next week. Staff may park on the playing field.\n\n"
    for top in ("June 5, 2023", "Posted: June 5, 2023", "Published on 5 June 2023"):
        for key, signer in (
            ("manager", "Tom Okafor\n\nEstates Manager"),
            ("director", "Ada Ling\n\nFacilities Director"),
        ):
            for day in ("Monday 3 June 2023", "3 June 2023", "June 3, 2023"):
                text = f"{top}\n\n{works}{signer}\n\n{day}\n"
                forms.append(
                    Form(
                        f"en-13-signed-{top}-{key}-{day}", "Car park works", text, {"published": "2023-06-03"}
                    )
                )
    for key, closing in (
        ("later", "Tom Okafor\n\nEstates Manager\n\nFriday 9 June 2023"),
        ("sentence", "Tom Okafor\n\nStaff are asked to comply.\n\nMonday 3 June 2023"),
        ("label", "Tom Okafor\n\nClosing date:\n\nMonday 3 June 2023"),
        ("figures", "Room 12\n\nBlock 3\n\nMonday 3 June 2023"),
        ("one-line", "Staff are welcome.\n\nEstates Manager\n\nMonday 3 June 2023"),
        ("run-on", "Tom Okafor\n\nEstates Manager\n\nMonday 3 June 2023 at the Main Gate"),
        ("event", "Summer Gala\n\nMain Pavilion\n\nSaturday 3 June 2023"),
        ("closed", "Registration Closed\n\nStudent Services\n\nFriday 2 June 2023"),
        ("policy", "Original Policy Signed By\n\nBoard Of Governors\n\n4 January 2019"),
        ("car-park", "Car Park\n\nSite Manager\n\nMonday 3 June 2023"),
        ("next-review", "Next Review\n\nPolicy Director\n\nMonday 3 June 2023"),
    ):
        text = f"June 5, 2023\n\n{works}{closing}\n"
        forms.append(Form(f"en-13-look-signed-{key}", "Car park works", text, {"published": "2023-06-05"}))
    for head in ("ASHFORD BOROUGH COUNCIL", "OFFICE OF THE BURSAR"):
        text = f"{head}\n\nJune 5, 2023\n\n{works}Tom Okafor\n\nEstates Manager\n\n3 June 2023\n"
        forms.append(
            Form(f"en-13-look-signed-dateline-{head}", "Car park works", text, {"published": "2023-06-05"})
        )
    # A letter's dateline above its salutation, and a past event told under a posting label (second review).
    for key, text, page in (
        (
            "letter",
            "9 May 2024\n\nDear Mr Banda,\n\nYour permit has been renewed.\n\nClara Voss\n\nPermits Officer\n\n2 May 2024\n",
            "2024-05-09",
        ),
        (
            "past-talk",
            "Posted: 22 May 2024\n\nThe slides from last week's briefing are online.\n\nNora Quist\n\n"
            "Finance Director\n\nWednesday 15 May 2024\n",
            "2024-05-22",
        ),
        (
            "who-came",
            "Published on 20 March 2024\n\nThank you to all who came to the careers fair.\n\nIvo Brandt\n\n"
            "Careers Coordinator\n\nSaturday 16 March 2024\n",
            "2024-03-20",
        ),
    ):
        forms.append(Form(f"en-13-look-signed-{key}", "Car park works", text, {"published": page}))
    return forms


def _en_forms_14() -> list[Form]:
    """Round 14: memo headers (TO/FROM/CC/DATE/SUBJECT/REF), "Issued by" lines, a letterhead above a title,
    datelines in several spellings, posting lines beside event dates, own references beside a recipient's or a
    cited one, sign-off blocks under a closing; with look-alikes where a field must stay empty or elsewhere."""
    forms: list[Form] = []
    body = (
        "The lifts in Block C will be out of service from 18 March 2024 to 22 March 2024 for servicing.\n"
        "Staff with mobility needs should contact reception to arrange access to the upper floors.\n"
    )
    units = ("Facilities Management Department", "Office of the Registrar", "Human Resources Division")
    dates = {
        "dmy": "5 March 2024",
        "mdy": "March 5, 2024",
        "ord": "5th March, 2024",
        "weekday": "Tuesday, 5 March 2024",
        "short": "05 Mar 2024",
        "iso": "2024-03-05",
    }
    for unit in units:
        for dkey, date in dates.items():
            forms.append(
                Form(
                    f"en-14-memo-{unit}-{dkey}",
                    "Lift servicing in Block C",
                    f"MEMORANDUM\nTO: All Staff\nFROM: {unit}\nDATE: {date}\nSUBJECT: Lift servicing\n\n{body}",
                    {"issuer": unit, "published": "2024-03-05"},
                )
            )
        # A memo whose addressee and copy list are bodies too: the sender issues.
        forms.append(
            Form(
                f"en-14-memo-to-body-{unit}",
                "Lift servicing in Block C",
                f"To: Finance Department\nFrom: {unit}\nCc: Security Office\nDate: 5 March 2024\n"
                f"Subject: Lift servicing\n\n{body}",
                {"issuer": unit, "published": "2024-03-05"},
            )
        )
        forms.append(
            Form(
                f"en-14-memo-spaced-{unit}",
                "Lift servicing in Block C",
                f"TO      : Heads of Section\nFROM    : {unit}\nDATE    : 5 March 2024\nRE      : Lift servicing\n\n"
                f"{body}",
                {"issuer": unit, "published": "2024-03-05"},
            )
        )
        # An "Issued by" line at the foot, with and without its date.
        forms.append(
            Form(
                f"en-14-issuedby-foot-{unit}",
                "Lift servicing in Block C",
                f"{body}Issued by the {unit}, 5 March 2024\n",
                {"issuer": unit, "published": "2024-03-05"},
            )
        )
        forms.append(
            Form(
                f"en-14-issuedby-foot-plain-{unit}",
                "Lift servicing in Block C",
                f"{body}Issued by: {unit}\n",
                {"issuer": unit},
            )
        )
        # A letterhead above the title line, a date under it.
        forms.append(
            Form(
                f"en-14-lh-title-{unit}",
                "Lift servicing in Block C",
                f"{unit.upper()}\nNOTICE\nLift servicing in Block C\n5 March 2024\n\n{body}",
                {"issuer": unit, "published": "2024-03-05"},
            )
        )
        # A sign-off block under a closing: name, post, body, date.
        for close in ("Yours faithfully,", "Regards,", "Thank you."):
            forms.append(
                Form(
                    f"en-14-signoff-{unit}-{close}",
                    "Lift servicing in Block C",
                    f"Dear colleagues,\n{body}{close}\nMaria Okonkwo\nDirector\n{unit}\n5 March 2024\n",
                    {"issuer": unit, "published": "2024-03-05"},
                )
            )
    # References: the notice's own under its several labels, a recipient's and a cited one refused.
    for label in ("Ref:", "REF:", "Ref. No.:", "Our ref:", "Our Ref.", "File No.", "Reference:"):
        forms.append(
            Form(
                f"en-14-ref-{label}",
                "Lift servicing in Block C",
                f"FROM: Facilities Management Department\nDATE: 5 March 2024\n{label} FMD/LS/2024/07\n\n{body}",
                {"doc_number": "FMD/LS/2024/07", "issuer": "Facilities Management Department"},
            )
        )
    for key, line in (
        ("circular-slash", "Circular No. 4/2024"),
        ("circular-colon", "Circular No.: 4/2024"),
    ):
        forms.append(
            Form(
                f"en-14-{key}",
                "Lift servicing in Block C",
                f"Facilities Management Department\n{line}\n5 March 2024\n\n{body}",
                {"doc_number": "4/2024", "published": "2024-03-05"},
            )
        )
    for key, text in (
        ("your-ref", f"Your ref: HB/2023/15\nDate: 5 March 2024\n\n{body}"),
        (
            "cited-circular",
            f"Date: 5 March 2024\n\nFurther to Circular No. 3/2023, {body[0].lower()}{body[1:]}",
        ),
        ("cited-ref", f"Date: 5 March 2024\n\n{body}This replaces our letter ref. FMD/LS/2023/02.\n"),
        ("phone", f"Date: 5 March 2024\n\n{body}Tel. No. 0123-456789\n"),
        ("room", f"Date: 5 March 2024\n\n{body}Collect passes from Room No. 4/12, Block A.\n"),
        ("invoice", f"Date: 5 March 2024\n\n{body}Quote Invoice No. 2024/118 in any query.\n"),
    ):
        forms.append(
            Form(f"en-14-look-ref-{key}", "Lift servicing in Block C", text, {"doc_number": None}),
        )
    # Posting lines beside an event's date: the posting dates the notice.
    event = "The open day will be held on 20 April 2024 in the Main Hall.\nAll families are welcome.\n"
    for key, line in (
        ("released", "Released: 5 March 2024"),
        ("posted-on", "Posted on 5 March 2024"),
        ("published", "Published: 5 March 2024"),
        ("date-issued", "Date issued: 5 March 2024"),
        ("date-of-issue", "Date of issue: 5 March 2024"),
        ("posted-by", "Posted on 5 March 2024 by Web Editor"),
    ):
        forms.append(
            Form(f"en-14-posting-{key}", "School open day", f"{line}\n{event}", {"published": "2024-03-05"})
        )
        forms.append(
            Form(
                f"en-14-posting-foot-{key}",
                "School open day",
                f"{event}{line}\n",
                {"published": "2024-03-05"},
            )
        )
    # An event's own labelled date is never the notice's.
    for key, line in (
        ("event-date", "Event date: 20 April 2024"),
        ("when", "When: Saturday, 20 April 2024"),
        ("closing", "Closing date: 20 April 2024"),
        ("meeting", "Date of meeting: 20 April 2024"),
    ):
        forms.append(
            Form(
                f"en-14-look-event-{key}",
                "School open day",
                f"{line}\nAll families are welcome.\n",
                {"published": None},
            )
        )
    # Sign-off look-alikes: a contact block, a photo credit, a sponsor's line name no issuer.
    for key, foot in (
        ("photo", "Photo: courtesy of the Riverside Camera Club"),
        ("sponsor", "Refreshments kindly sponsored by Greenleaf Bakery Ltd"),
        ("venue", "Venue: Riverside Community Centre"),
    ):
        forms.append(Form(f"en-14-look-foot-{key}", "School open day", f"{event}{foot}\n", {"issuer": None}))
    return forms


def _zh_forms_14() -> list[Form]:
    """Round 14: document numbers in several bracket and prefix styles under the title, 〇/○ sign-off dates with
    days past ten, joint titles, forwarding notices (the forwarder issues; the forwarded number is cited), cc
    lines, the imprint's 印发 date against the sign-off's 成文 date."""
    forms: list[Form] = []
    body = (
        "各镇（街道）、县直各单位：\n"
        "为做好今年春季森林防火工作，现将有关事项通知如下：\n"
        "一、各单位要于3月31日前完成火源排查。\n"
        "二、严格执行24小时值班制度。\n"
        "特此通知。\n"
    )
    title = "关于做好2024年春季森林防火工作的通知"
    for number in (
        "某林发〔2024〕12号",
        "某府办函〔2024〕5号",
        "某人社字〔2024〕3号",
        "某林发[2024]12号",
        "某林发（2024）12号",
        "某林发【2024】12号",
    ):
        forms.append(
            Form(
                f"zh-14-docno-{number}",
                title,
                f"{number}\n{title}\n{body}某某县林业局\n2024年3月5日",
                {"doc_number": number, "issuer": "某某县林业局", "published": "2024-03-05"},
            )
        )
    for dkey, (date, want) in {
        "ling-15": ("二〇二四年三月十五日", "2024-03-15"),
        "circle-15": ("二○二四年三月十五日", "2024-03-15"),
        "ling-31": ("二〇二四年十二月三十一日", "2024-12-31"),
        "circle-20": ("二○二四年十月二十日", "2024-10-20"),
        "circle-rare": ("二〇二四年十一月二十八日", "2024-11-28"),
    }.items():
        forms.append(
            Form(
                f"zh-14-date-{dkey}",
                title,
                f"{body}某某县林业局\n{date}",
                {"issuer": "某某县林业局", "published": want},
            )
        )
        forms.append(
            Form(
                f"zh-14-date-oneline-{dkey}",
                title,
                f"{body}某某县林业局  {date}",
                {"issuer": "某某县林业局", "published": want},
            )
        )
    # Joint issuers named in the title and signed one per line.
    forms.append(
        Form(
            "zh-14-joint-title",
            "某某县林业局、某某县应急管理局关于做好2024年春季森林防火工作的通知",
            f"{body}某某县林业局\n某某县应急管理局\n2024年3月5日",
            {"issuer": "某某县林业局、某某县应急管理局", "published": "2024-03-05"},
        )
    )
    forms.append(
        Form(
            "zh-14-joint-space-title",
            "某某县林业局 某某县应急管理局关于做好2024年春季森林防火工作的通知",
            f"{body}某某县林业局  某某县应急管理局\n2024年3月5日",
            {"issuer": "某某县林业局、某某县应急管理局", "published": "2024-03-05"},
        )
    )
    # Forwarding: the forwarder is the issuer, the forwarded document's number and date are cited.
    for key, ftitle, opening in (
        (
            "zf-title",
            "某某县人民政府办公室关于转发某某市林业局《春季森林防火工作方案》的通知",
            "现将某某市林业局《春季森林防火工作方案》（某市林发〔2024〕8号）转发给你们，请结合实际认真贯彻执行。\n",
        ),
        (
            "zf-plain",
            "关于转发《某某市春季森林防火工作方案》的通知",
            "现将某某市林业局2024年2月20日印发的《某某市春季森林防火工作方案》（某市林发〔2024〕8号）转发给你们，请遵照执行。\n",
        ),
        (
            "pz",
            "关于批转县林业局《春季森林防火工作方案》的通知",
            "县政府同意县林业局《春季森林防火工作方案》（某林发〔2024〕2号），现批转给你们，请认真组织实施。\n",
        ),
    ):
        forms.append(
            Form(
                f"zh-14-{key}",
                ftitle,
                f"各镇（街道）、县直各单位：\n{opening}某某县人民政府办公室\n2024年3月5日",
                {"issuer": "某某县人民政府办公室", "doc_number": None, "published": "2024-03-05"},
            )
        )
    # A cc line names bodies that are no issuers; the imprint's 印发 date is not the 成文 date.
    for key, foot in (
        ("cc", "\n抄送：某某市林业局，县委办公室。"),
        ("cc-imprint", "\n抄送：某某市林业局。\n某某县林业局办公室          2024年3月7日印发"),
        ("imprint-only", "\n某某县林业局办公室  2024年3月7日印发"),
    ):
        forms.append(
            Form(
                f"zh-14-foot-{key}",
                title,
                f"{body}某某县林业局\n2024年3月5日{foot}",
                {"issuer": "某某县林业局", "published": "2024-03-05"},
            )
        )
    return forms


def _en_forms_14_site() -> list[Form]:
    """Round 14: a government site's page that names its body only by the acronym its address spells. The rule
    that read the issuer from the address was built, reviewed three times and removed (docs/summarizer.md); only
    the look-alikes, where no issuer may be named, and a body the text names itself stay."""
    forms: list[Form] = []
    page = (
        "Release Date: March 5, 2024\n\n"
        "Households affected by the floods may apply for relief grants until April 30, 2024. "
        "The NWA will take applications on its website or at any relief centre.\n"
        "Applicants need proof of address and a bank account number.\n"
    )
    # The acronym only as an adjective or an object ("on the NWA website").
    adjective = page.replace("The NWA will take applications on its website", "Apply on the NWA website")
    for key, url, text in (
        ("com", "https://www.nwa.com/news/relief", page),
        ("org", "https://nwa.org/relief", page),
        ("news-site", "https://www.example-news.com/nwa.gov/relief", page),
        ("no-acronym", "https://www.nwa.gov/news/relief", page.replace("The NWA will", "We will")),
        ("lower-only", "https://www.nwa.gov/news/relief", page.replace("The NWA will", "nwa.gov will")),
        ("adjective-only", "https://www.nwa.gov/news/relief", adjective),
        (
            "dateline-state",
            "https://www.ohio.gov/news",
            "COLUMBUS, OHIO (May 3, 2024) - Crews said roads reopen.\n",
        ),
        ("word-label", "https://www.news.gov.xx/a", "Road works start today.\nMore NEWS at six.\n"),
        ("state-word", "https://www.iowa.gov/a", "All IOWA counties are affected.\nRoads reopen soon.\n"),
        ("caps-heading", "https://www.utah.gov/news/fair", "UTAH STATE FAIR\nThe fair opens on Saturday.\n"),
        (
            "state-code",
            "https://portal.vx.gov/news/fair",
            "The fair opens on Saturday.\nWrite to 1 Main Street, Easton, VX 06106\n",
        ),
        (
            "long-label",
            "https://www.riverside.gov/news",
            "Visit RIVERSIDE Park on Saturday.\nThe fair opens at 10am.\n",
        ),
        ("gov-uk", "https://www.gov.uk/government/news/relief", page.replace("NWA", "GOV")),
    ):
        forms.append(Form(f"en-14-look-site-{key}", "Relief grants open", text, {"issuer": None}, url))
    # A body the page names itself is read whatever its address.
    forms.append(
        Form(
            "en-14-site-named",
            "Relief grants open",
            "From: Flood Recovery Office\n" + page,
            {"issuer": "Flood Recovery Office"},
            "https://www.nwa.gov/news/relief",
        )
    )
    return forms


def _en_forms_14b() -> list[Form]:
    """Round 14, second batch: how English pages and letters date themselves (date lines in many spellings, a
    letter's references above its date, posting lines with and without colons), bodies stated in prose lines
    ("Issued by", "A message from", "On behalf of", a letterhead with its address under it, a bracketed issuing
    line), and serial numbers under several kinds' labels; each beside look-alikes (effective and closing dates,
    a copyright line, a cited serial)."""
    forms: list[Form] = []
    body = (
        "Berths 3 and 4 will be closed to all vessels from 1 April 2024 to 30 April 2024 for dredging.\n"
        "Masters must request a berth allocation from the harbour office at least 48 hours before arrival.\n"
    )
    title = "Closure of Berths 3 and 4"
    for key, line in (
        ("ord-no-comma", "Thursday 14th March 2024"),
        ("mdy-ord", "March 14th, 2024"),
        ("dmy-comma", "14 March, 2024"),
        ("dotted-dmy", "14.03.2024"),
        ("abbrev-dot", "14 Mar. 2024"),
        ("caps", "14 MARCH 2024"),
        ("published-nocolon", "Published 14 March 2024"),
        ("date-of-publication", "Date of publication: 14 March 2024"),
        ("notice-date", "Notice date: 14 March 2024"),
        ("media-bar", "Media release | 14 March 2024"),
        ("dated-at", "Dated at Portside this 14th day of March, 2024."),
    ):
        forms.append(Form(f"en-14b-date-{key}", title, f"{line}\n\n{body}", {"published": "2024-03-14"}))
    # A letter's references above its date, then the salutation.
    forms.append(
        Form(
            "en-14b-letter-refs",
            title,
            f"Our ref: HB/OPS/24/031\nYour ref: MS/2024/7\n14 March 2024\n\nDear Port User,\n\n{body}",
            {"published": "2024-03-14", "doc_number": "HB/OPS/24/031"},
        )
    )
    # Dates that are not the notice's own.
    for key, text in (
        ("effective", f"Effective: 1 April 2024\n\n{body}"),
        ("copyright", f"{body}© 2024 Portside Harbour Board. All rights reserved.\n"),
        ("period", f"Closure period: 1 April 2024 – 30 April 2024\n\n{body}"),
        ("deadline", f"Deadline for objections: 28 March 2024\n\n{body}"),
        ("next-review", f"{body}Next review date: 1 October 2024\n"),
    ):
        forms.append(Form(f"en-14b-look-date-{key}", title, text, {"published": None}))
    # Bodies stated in prose lines.
    for name in ("Portside Harbour Board", "Marine Safety Office", "Department of Ports and Harbours"):
        for key, text in (
            ("issued-by-the", f"{body}Issued by the {name}.\n"),
            ("this-notice", f"{body}This notice is issued by the {name}.\n"),
            ("message-from", f"A message from the {name}\n\n{body}"),
            ("notice-from", f"Notice from the {name}\n\n{body}"),
            ("on-behalf", f"{body}Jane Mwangi\nOn behalf of the {name}\n"),
            ("bracket", f"(Issued by the {name})\n\n{body}"),
            ("dash-foot", f"{body}— {name}\n"),
            ("source", f"{body}Source: {name}\n"),
            (
                "lh-address",
                f"{name.upper()}\n1 Quay Street, Portside PS1 2AB\nTel: 0123 456 789\n\n14 March 2024\n\n{body}",
            ),
            ("authorised", f"{body}Authorised and published by the {name}, 1 Quay Street, Portside.\n"),
        ):
            forms.append(Form(f"en-14b-body-{key}-{name}", title, text, {"issuer": name}))
    # Serial numbers under several kinds' labels, and a cited one.
    for key, line, want in (
        ("memo-no", "Memo No. 12-2024", "12-2024"),
        ("pr-no", "Press Release No. 45/2024", "45/2024"),
        ("bulletin", "Bulletin No. 2024-07", "2024-07"),
        ("no-colon", "No.: PD/2024/15", "PD/2024/15"),
        ("notice-no", "Notice No. HB-24-009", "HB-24-009"),
        ("marine-notice", "Marine Notice No. 07/2024", "07/2024"),
    ):
        forms.append(
            Form(
                f"en-14b-no-{key}",
                title,
                f"PORTSIDE HARBOUR BOARD\n{line}\n14 March 2024\n\n{body}",
                {"doc_number": want, "published": "2024-03-14"},
            )
        )
    for key, text in (
        ("supersedes", f"14 March 2024\n\nThis notice supersedes Marine Notice No. 03/2024.\n{body}"),
        ("in-line-with", f"14 March 2024\n\nIn line with Bulletin No. 2023-11, {body[0].lower()}{body[1:]}"),
        ("further-to", f"14 March 2024\n\nFurther to Marine Notice No. 03/2024, {body[0].lower()}{body[1:]}"),
        ("replaces", f"14 March 2024\n\n{body}This replaces Marine Notice No. 03/2024.\n"),
        ("withdrawn", f"14 March 2024\n\n{body}Marine Notice No. 03/2024 is hereby withdrawn.\n"),
    ):
        forms.append(Form(f"en-14b-look-no-{key}", title, text, {"doc_number": None}))
    return forms


def _en_forms_14c() -> list[Form]:
    """Round 14, third batch: whole page layouts of common publishers, written by hand from how such pages are
    built: a government portal's "From:/Published" block, a wire-style release with its contact, an Indian
    office memorandum ("New Delhi, dated the …"), a minister's media release, a Canadian-style dateline naming
    the body, a university's posting bar, a council's statutory notice, a school's letter, a regulator's
    numbered notice with its effective date."""
    forms: list[Form] = []
    work = "Applications for the spring grant round open on 1 April 2024 and close on 30 April 2024.\n"
    work += "Applicants must submit audited accounts with the form.\n"
    title = "Spring grant round opens"
    layouts: list[tuple[str, str, Mapping[str, str | None]]] = [
        (
            "portal",
            "From:\nDepartment for Rural Affairs\nPublished\n5 March 2024\n\n" + work,
            {"issuer": "Department for Rural Affairs", "published": "2024-03-05"},
        ),
        (
            "portal-updated",
            "From:\nDepartment for Rural Affairs\nPublished\n5 March 2024\nLast updated\n12 March 2024 — see all "
            "updates\n\n" + work,
            {"issuer": "Department for Rural Affairs", "published": "2024-03-05"},
        ),
        (
            "wire",
            "FOR IMMEDIATE RELEASE\nMarch 5, 2024\nContact: Ana Ruiz, 555-0142\n\nThe State Arts Council "
            "announced today that " + work[0].lower() + work[1:],
            {"issuer": "State Arts Council", "published": "2024-03-05"},
        ),
        (
            "om",
            "No. A-12011/4/2024-Grants\nGovernment of Veland\nMinistry of Culture\n\nNew Delhi, dated the 5th "
            "March, 2024\n\nOFFICE MEMORANDUM\n\nSubject: Spring grant round.\n\n" + work,
            {
                "issuer": "Ministry of Culture",
                "published": "2024-03-05",
                "doc_number": "A-12011/4/2024-Grants",
            },
        ),
        (
            "minister",
            "Media release\n5 March 2024\nThe Hon Sam Carter MP\nMinister for the Arts\n\n" + work,
            {"published": "2024-03-05"},
        ),
        (
            "ca-dateline",
            "News release\nMarch 5, 2024 — Lakeside, Veland — Heritage Fund Board\n\n" + work,
            {"issuer": "Heritage Fund Board", "published": "2024-03-05"},
        ),
        (
            "uni-bar",
            "Posted: March 5, 2024 | By: Office of Research Services\n\n" + work,
            {"issuer": "Office of Research Services", "published": "2024-03-05"},
        ),
        (
            "council",
            "PUBLIC NOTICE\n\nNotice is hereby given that the Eastfield Borough Council will receive applications "
            "for its spring grant round.\n" + work + "Dated: 5 March 2024\nHelen Brooks\nTown Clerk\n",
            {"issuer": "Eastfield Borough Council", "published": "2024-03-05"},
        ),
        (
            "school",
            "Greenhill Primary School\nMill Road, Eastfield\n\n5 March 2024\n\nDear Parents and Carers,\n\n"
            + work
            + "Yours sincerely,\nMrs J. Patel\nHeadteacher\n",
            {"issuer": "Greenhill Primary School", "published": "2024-03-05"},
        ),
        (
            "regulator",
            "Energy Regulatory Office\nNotice No. 2024/07\nIssued: 5 March 2024\nEffective: 1 April 2024\n\n"
            + work,
            {"issuer": "Energy Regulatory Office", "published": "2024-03-05", "doc_number": "2024/07"},
        ),
        (
            "email",
            "Sent on behalf of the Graduate School\n\nDear students,\n\n"
            + work
            + "Kind regards,\nGraduate School\n",
            {"issuer": "Graduate School"},
        ),
        (
            "faq-update",
            "Page last updated: 5 March 2024\n\n" + work,
            {"published": "2024-03-05"},
        ),
    ]
    for key, text, want in layouts:
        forms.append(Form(f"en-14c-{key}", title, text, want))
    # Look-alikes: a third party in the text, an event's date in a dateline-like line, a person alone.
    looks: list[tuple[str, str, Mapping[str, str | None]]] = [
        (
            "partner",
            "5 March 2024\n\nThe grant is funded by the Lottery Heritage Trust. " + work,
            {"issuer": None},
        ),
        (
            "venue-date",
            "Grant workshop: Tuesday, 19 March 2024, Town Hall\n\n" + work,
            {"published": None},
        ),
        (
            "person-only",
            work + "Regards,\nTom Baker\n",
            {"issuer": None},
        ),
        (
            "quoted-body",
            '5 March 2024\n\n"We welcome the round," said a spokesperson for the Veland Chamber of Commerce.\n'
            + work,
            {"issuer": None},
        ),
    ]
    for key, text, want in looks:
        forms.append(Form(f"en-14c-look-{key}", title, text, want))
    return forms


def _en_forms_14d() -> list[Form]:
    """Round 14, fourth batch: dates a notice opens with that are not its own (a coming event, a change's start,
    a week's or a validity's), own dates in prose and under less common labels, and bodies a notice mentions
    that do not issue it (a funder, a partner, an office readers are sent to, a photo credit)."""
    forms: list[Form] = []
    rest = (
        "Parking on Elm Road will be suspended during the works.\nResidents should use the Market car park.\n"
    )
    title = "Elm Road resurfacing"
    for key, opening in (
        ("on-future", "On 20 April 2024 the road will be resurfaced between 8am and 6pm."),
        ("from", "From 1 April 2024, parking permits will cost £40 a year."),
        ("as-of", "As of 1 April 2024, the car park will be pay and display."),
        ("valid", "Valid until 30 April 2024."),
        ("starting", "Starting Monday 8 April 2024, the road will close at night."),
        ("week", "Week commencing 8 April 2024"),
    ):
        forms.append(Form(f"en-14d-look-date-{key}", title, f"{opening}\n{rest}", {"published": None}))
    for key, line in (
        ("issue-date", "Issue date: 5 March 2024"),
        ("date-of-notice", "Date of notice: 5 March 2024"),
        ("notice-issued", "Notice issued 5 March 2024"),
        ("prose", "This notice was published on 5 March 2024."),
    ):
        forms.append(Form(f"en-14d-date-{key}", title, f"{line}\n{rest}", {"published": "2024-03-05"}))
    for key, line in (
        ("funded", "The works are funded by the Regional Transport Fund."),
        ("partner", "In partnership with the Elm Road Residents Association."),
        ("sponsor", "Sponsored by Northgate Building Society."),
        ("contact", "Contact the Parking Services Office for details."),
        ("complaints", "Complaints may be made to the Local Government Ombudsman."),
        ("photo", "Photo: Eastfield Camera Club"),
        ("contractor", "The works will be carried out by Tarmacadam Roads Ltd."),
    ):
        forms.append(Form(f"en-14d-look-body-{key}", title, f"{rest}{line}\n", {"issuer": None}))
    return forms


def _zh_forms_14e() -> list[Form]:
    """Round 14, Chinese second batch: a red header with its number above the issuer's title lines, a 签发人 line,
    a page's publication bar above a sign-off dated earlier, a 公开 remark or a contact under the date, an annex
    with its own form dates, a 公示期 range, a report of the issuing with the page's year."""
    forms: list[Form] = []
    body = (
        "各镇（街道）、县直各单位：\n"
        "为做好今年春季森林防火工作，现将有关事项通知如下：\n"
        "一、各单位要于3月31日前完成火源排查。\n"
        "二、严格执行24小时值班制度。\n"
        "特此通知。\n"
    )
    title = "关于做好2024年春季森林防火工作的通知"
    sign = "某某县林业局\n2024年3月5日"
    for key, text, want in (
        (
            "red-header",
            "某某县林业局文件\n某林发〔2024〕9号\n" + title + "\n" + body + sign,
            {"issuer": "某某县林业局", "doc_number": "某林发〔2024〕9号", "published": "2024-03-05"},
        ),
        (
            "signer-line",
            "某林发〔2024〕9号          签发人：王五\n" + body + sign,
            {"issuer": "某某县林业局", "doc_number": "某林发〔2024〕9号", "published": "2024-03-05"},
        ),
        (
            "page-bar",
            "发布时间：2024-03-07 09:30  来源：某某县林业局  浏览次数：318\n" + body + sign,
            {"issuer": "某某县林业局", "published": "2024-03-05"},
        ),
        (
            "public-remark",
            body + sign + "\n（此件公开发布）",
            {"issuer": "某某县林业局", "published": "2024-03-05"},
        ),
        (
            "contact-under",
            body + sign + "\n（联系人：张三，电话：0000-1234567）",
            {"issuer": "某某县林业局", "published": "2024-03-05"},
        ),
        (
            "annex-form",
            body + sign + "\n附件\n春季森林防火责任人登记表\n单位：        填表日期：2024年3月20日",
            {"issuer": "某某县林业局", "published": "2024-03-05"},
        ),
        (
            "gongshi",
            "公示期：2024年3月6日至3月12日\n" + body + sign,
            {"published": "2024-03-05"},
        ),
    ):
        forms.append(Form(f"zh-14e-{key}", title, text, want))
    forms.append(
        Form(
            "zh-14e-report",
            "县林业局部署春季森林防火工作",
            "3月5日，某某县林业局印发《关于做好2024年春季森林防火工作的通知》，要求各单位于3月31日前完成火源排查。\n"
            "通知强调，要严格执行24小时值班制度。\n",
            {"issuer": "某某县林业局", "published": "2024-03-05"},
        )
    )
    forms.append(
        Form(
            "zh-14e-look-gongshi-only",
            "春季森林防火责任人名单公示",
            "公示期：2024年3月6日至3月12日\n如有异议，请在公示期内向县林业局反映。\n",
            {"published": None},
        )
    )
    return forms


def _en_forms_14f() -> list[Form]:
    """Round 14, fifth batch: a cited document's date at a letter's or notice's top ("Thank you for your letter of
    …", "Further to our notice dated …", "Re: your application of …") is never the notice's own; the notice's own
    dateline above such a line still dates it."""
    forms: list[Form] = []
    rest = "Your allotment tenancy will be renewed for a further year.\nThe annual rent is payable by cheque or card.\n"
    title = "Allotment tenancy renewal"
    cites = (
        ("letter-of", "Thank you for your letter of 1 February 2024."),
        ("letter-dated", "Thank you for your letter dated 1 February 2024 about your plot."),
        ("further-to", "Further to our notice dated 1 February 2024, the rents have been reviewed."),
        ("re-application", "Re: your application of 1 February 2024"),
        ("circular-dated", "As stated in our circular dated 1 February 2024, plots must be kept tidy."),
        ("email-of", "We refer to your email of 1 February 2024."),
    )
    for key, line in cites:
        forms.append(Form(f"en-14f-look-cited-date-{key}", title, f"{line}\n{rest}", {"published": None}))
        forms.append(
            Form(
                f"en-14f-own-above-cited-{key}",
                title,
                f"12 March 2024\n\nDear Tenant,\n\n{line}\n{rest}",
                {"published": "2024-03-12"},
            )
        )
    return forms


def _en_forms_14g() -> list[Form]:
    """Round 14, sixth batch: bodies a notice names that do not issue it (one it reports on, thanks, quotes, asks,
    or forwards a document of) beside the issuer's own line; and a memo forwarding another body's circular."""
    forms: list[Form] = []
    rest = "All members must renew their cards by 31 May 2024.\nCards can be renewed at the front desk.\n"
    title = "Membership renewals"
    for key, text, want in (
        (
            "forwarding-memo",
            "FROM: Staff Welfare Office\nTO: All Staff\nDATE: 2 May 2024\n\nPlease find below a circular from the "
            "Ministry of Sport for your information.\n" + rest,
            {"issuer": "Staff Welfare Office"},
        ),
        (
            "thanks-sponsor",
            "Issued by: Riverside Leisure Centre\n\nWe thank the Northbank Rotary Club for the new benches.\n"
            + rest,
            {"issuer": "Riverside Leisure Centre"},
        ),
        (
            "asked-body",
            "Riverside Leisure Centre\n\n2 May 2024\n\nWe have asked the County Highways Department to repaint the "
            "car park.\n" + rest,
            {"issuer": "Riverside Leisure Centre"},
        ),
        (
            "signed-under-quote",
            rest + '"The new cards are a big step," said the chair of the Sports Council.\n\nIssued by the '
            "Riverside Leisure Centre\n",
            {"issuer": "Riverside Leisure Centre"},
        ),
    ):
        forms.append(Form(f"en-14g-{key}", title, text, want))
    for key, text in (
        ("cited-rule", "Under the rules of the National Swimming Federation, " + rest[0].lower() + rest[1:]),
        ("award", rest + "The centre was named Venue of the Year by the Regional Tourism Board.\n"),
    ):
        forms.append(Form(f"en-14g-look-{key}", title, text, {"issuer": None}))
    return forms


def _zh_forms_14h() -> list[Form]:
    """Round 14, Chinese third batch: replies (复函/批复) that cite the request they answer ("你单位《…》（…号）收悉"),
    a forwarding title without 关于, an issuing notice (印发) with its own number over the issued plan."""
    forms: list[Form] = []
    reply_body = "经研究，同意你单位在某某林场开展春季护林防火演练，请做好安全保障工作。\n特此函复。\n某某县林业局\n2024年3月5日"
    for key, title, opening, want_no in (
        (
            "fuhan",
            "某某县林业局关于同意开展护林防火演练的复函",
            "某某镇人民政府：\n你单位《关于开展护林防火演练的请示》（某镇发〔2024〕4号）收悉。\n",
            None,
        ),
        (
            "pifu",
            "某某县林业局关于护林防火演练的批复",
            "某某镇人民政府：\n你镇报来的《关于开展护林防火演练的请示》（某镇发〔2024〕4号）已收悉。\n",
            None,
        ),
        (
            "fuhan-own",
            "某某县林业局关于同意开展护林防火演练的复函",
            "某林函〔2024〕11号\n某某镇人民政府：\n你单位《关于开展护林防火演练的请示》（某镇发〔2024〕4号）收悉。\n",
            "某林函〔2024〕11号",
        ),
    ):
        forms.append(
            Form(
                f"zh-14h-{key}",
                title,
                opening + reply_body,
                {"issuer": "某某县林业局", "doc_number": want_no, "published": "2024-03-05"},
            )
        )
    forms.append(
        Form(
            "zh-14h-zf-no-guanyu",
            "某某县人民政府办公室转发某某市人民政府办公室关于加强春季森林防火工作的通知",
            "各镇（街道）、县直各单位：\n现将《某某市人民政府办公室关于加强春季森林防火工作的通知》（某市政办发〔2024〕6号）"
            "转发给你们，请认真贯彻执行。\n某某县人民政府办公室\n2024年3月5日",
            {"issuer": "某某县人民政府办公室", "doc_number": None, "published": "2024-03-05"},
        )
    )
    forms.append(
        Form(
            "zh-14h-yinfa-own",
            "某某县人民政府办公室关于印发某某县春季森林防火工作方案的通知",
            "某政办发〔2024〕5号\n各镇（街道）、县直各单位：\n《某某县春季森林防火工作方案》已经县政府同意，现印发给你们，"
            "请认真贯彻执行。\n某某县人民政府办公室\n2024年3月5日\n某某县春季森林防火工作方案\n"
            "一、工作时间\n2024年3月10日至5月31日。\n",
            {
                "issuer": "某某县人民政府办公室",
                "doc_number": "某政办发〔2024〕5号",
                "published": "2024-03-05",
            },
        )
    )
    return forms


def _en_forms_14i() -> list[Form]:
    """Round 14, seventh batch: own numbers under kinds' labels many regulators and offices print at the head
    (release numbers with and without "No.", notices to members, advisory circulars, guidance notes, practice
    directions, public and trade notices, office orders), each over the same body."""
    forms: list[Form] = []
    body = (
        "Firms must report any outage longer than four hours within one business day.\n"
        "Reports must be filed through the online portal.\n"
    )
    title = "Outage reporting"
    for key, line, want in (
        ("release-no", "Release No. 24-031", "24-031"),
        ("pr-number", "Press Release Number: PR-2024-031", "PR-2024-031"),
        ("ntm", "Notice to Members 24-07", "24-07"),
        ("ac", "Advisory Circular AC 120-92B", "120-92B"),
        ("gn", "Guidance Note GN 05/24", "05/24"),
        ("pd", "Practice Direction No. 3/2024", "3/2024"),
        ("public-notice", "Public Notice No. 45/2024-Customs", "45/2024-Customs"),
        ("trade-notice", "Trade Notice No. 12/2024", "12/2024"),
        ("office-order", "Office Order No. 34/2024", "34/2024"),
        ("doc-no", "Doc. No.: HR-POL-007", "HR-POL-007"),
    ):
        forms.append(
            Form(
                f"en-14i-{key}",
                title,
                f"Telecoms Regulatory Authority\n{line}\n5 March 2024\n\n{body}",
                {"doc_number": want},
            )
        )
    return forms


def _en_forms_15() -> list[Form]:
    """Round 15 (English): whom a sentence cites as its source ("according to the X") against the notice's
    letterhead and signature, numbers a sentence cites with a participle ("as stated in", "mentioned in") against the
    notice's own ("this Circular No. …"), and dates an invitation or a timetable gives its events."""
    body = (
        "Employers must register every new worker within 14 days of the start of employment.\n"
        "Failure to register may lead to a fine of up to $5,000.\n"
    )
    title = "Registration of new workers"
    cases: list[tuple[str, str, str, str | None]] = [
        # Issuer: a source the lead cites names the report's body; deeper in the text, or under a letterhead or a
        # signature, it is a third party's figure or claim.
        (
            "acc-lead",
            "According to the Department of Labour, employers must register every new worker.\n" + body,
            "issuer",
            "Department of Labour",
        ),
        (
            "acc-lead-end",
            "Employers must register every new worker, according to the Department of Labour.\n" + body,
            "issuer",
            "Department of Labour",
        ),
        (
            "acc-deep",
            body
            + "According to the International Labour Organization, one in five workers is unregistered.\n",
            "issuer",
            None,
        ),
        ("acc-deep-acr", body + "\nOne in five workers is unregistered, according to ILO.\n", "issuer", None),
        (
            "acc-under-lh",
            "DEPARTMENT OF LABOUR\n\nAccording to the World Health Organization, accidents at work are "
            "rising.\n" + body,
            "issuer",
            "DEPARTMENT OF LABOUR",
        ),
        (
            "acc-over-sig",
            "According to the National Statistics Office, accidents at work are rising.\n"
            + body
            + "\nJane Doe\nCommissioner of Labour\nDepartment of Labour\n",
            "issuer",
            "Department of Labour",
        ),
        (
            "acc-quote-deep",
            body + "\nAccidents at work rose by a fifth last year, according to the Workplace Safety "
            "Council.\n",
            "issuer",
            None,
        ),
        (
            "acc-survey-deep",
            body + "\nAccording to the Chamber of Commerce, most employers already comply.\n",
            "issuer",
            None,
        ),
        (
            "acc-from-lh",
            "From: Department of Labour\n\nAccording to the World Health Organization, accidents at work "
            "are rising.\n" + body,
            "issuer",
            "Department of Labour",
        ),
        (
            "acc-dash-sig",
            "According to the Workplace Safety Council, accidents at work are rising.\n"
            + body
            + "\n— Department of Labour\n",
            "issuer",
            "Department of Labour",
        ),
        (
            "said-lead",
            "The Ministry of Manpower (MOM) said on Tuesday that employers must register every new "
            "worker.\n" + body,
            "issuer",
            "Ministry of Manpower",
        ),
        (
            "ltd-regrets",
            body + "Acme Construction Ltd regrets any inconvenience caused by the works.\n",
            "issuer",
            None,
        ),
        ("regards-team", body + "\nRegards,\nThe team\n", "issuer", None),
        ("signer-person", body + "\nYours sincerely,\nJane Doe\n", "issuer", None),
        ("partner-line", "In partnership with Acme Foundation\n\n" + body, "issuer", None),
        # Document numbers a sentence cites with a participle are another document's; "this" makes it the
        # notice's own.
        (
            "cite-stated",
            "As stated in Circular No. 3 of 2023, employers must register.\n" + body,
            "doc_number",
            None,
        ),
        (
            "cite-mentioned",
            "The requirements mentioned in Circular No. 3 of 2023 remain.\n" + body,
            "doc_number",
            None,
        ),
        ("cite-specified", "Use the forms specified in Notice No. 3/2023.\n" + body, "doc_number", None),
        (
            "cite-contained",
            "The guidance contained in Circular No. 3 of 2023 still applies.\n" + body,
            "doc_number",
            None,
        ),
        (
            "cite-prescribed",
            "Returns must be filed in the format prescribed in Circular No. 3 of 2023.\n" + body,
            "doc_number",
            None,
        ),
        (
            "cite-outlined",
            "The steps outlined in Notice No. 3/2023 remain in force.\n" + body,
            "doc_number",
            None,
        ),
        (
            "cite-issued-under",
            "The rules issued under Notice No. 3/2023 still apply.\n" + body,
            "doc_number",
            None,
        ),
        (
            "cite-in-terms",
            "In terms of Circular No. 3 of 2023, employers must register.\n" + body,
            "doc_number",
            None,
        ),
        (
            "cite-continuation",
            "In continuation of Circular No. 3 of 2023, employers must register.\n" + body,
            "doc_number",
            None,
        ),
        (
            "cite-own-above",
            "Circular No. 12 of 2024\n\nAs stated in Circular No. 3 of 2023, employers must "
            "register.\n" + body,
            "doc_number",
            "12",
        ),
        (
            "own-this-stated",
            body + "The penalties stated in this Circular No. 12 of 2024 apply from 1 May.\n",
            "doc_number",
            "12",
        ),
        ("own-header", "Notice No. 5/2025\n\n" + body, "doc_number", "5/2025"),
        ("own-ref", "Ref: LAB/123/2024\n5 March 2024\n\n" + body, "doc_number", "LAB/123/2024"),
        # Published: an invitation's or a timetable's dates are its events'.
        (
            "ev-join",
            "Join us on 12 March 2026 for a free workshop on registering workers.\n" + body,
            "published",
            None,
        ),
        (
            "ev-attend",
            "Attend our information session on 12 March 2026 at the Town Hall.\n" + body,
            "published",
            None,
        ),
        ("ev-webinar", "Webinar: 12 March 2026, 10 a.m.\n" + body, "published", None),
        ("ev-invited", "Employers are invited to a briefing on 12 March 2026.\n" + body, "published", None),
        (
            "ev-meeting",
            "A public meeting on 12 March 2026 will explain the new rules.\n" + body,
            "published",
            None,
        ),
        ("own-date-top", "12 March 2026\n\n" + body, "published", "2026-03-12"),
        (
            "own-dateline",
            "WASHINGTON, March 12, 2026 — The Department of Labor today reminded employers to "
            "register every new worker.\n" + body,
            "published",
            "2026-03-12",
        ),
        ("own-date-label", "Date: 12 March 2026\n\n" + body, "published", "2026-03-12"),
        (
            "own-date-then-event",
            "12 March 2026\n\nJoin us on 20 March 2026 for a free workshop.\n" + body,
            "published",
            "2026-03-12",
        ),
    ]
    return [Form(f"en-15-{key}", title, text, {field_: want}) for key, text, field_, want in cases]


def _en_forms_15b() -> list[Form]:
    """Round 15 (English), second batch: a body opening its notice with a courtesy before its act ("The X wishes
    to inform", "would like to remind", "is pleased to announce") or informing its readers in the passive ("The
    public is hereby informed by the X"); look-alikes: a contractor's or a company's courtesy, one deeper in the
    text, a past report, a person."""
    body = (
        "Employers must register every new worker within 14 days of the start of employment.\n"
        "Failure to register may lead to a fine of up to $5,000.\n"
    )
    title = "Registration of new workers"
    dept = "Department of Labour"
    cases: list[tuple[str, str, str | None]] = [
        (
            "wishes",
            f"The {dept} wishes to inform all employers that they must register every new worker.\n",
            dept,
        ),
        ("would-like", f"The {dept} would like to remind all employers of the rules below.\n", dept),
        ("pleased", f"The {dept} is pleased to announce a new online register for employers.\n", dept),
        ("happy", f"The {dept} is happy to inform employers that the online register is open.\n", dept),
        ("wish-plural", "The Labour Inspectors wish to remind all employers of the rules below.\n", None),
        ("wishes-acr", f"The {dept} (DOL) wishes to advise employers of the rules below.\n", dept),
        (
            "attention",
            f"ATTENTION ALL EMPLOYERS\n\nThe {dept} wishes to remind all employers of the rules below.\n",
            dept,
        ),
        (
            "hereby-informed",
            f"The public is hereby informed by the {dept} that the rules below apply.\n",
            dept,
        ),
        (
            "hereby-notified",
            f"All employers are hereby notified by the {dept} that the rules below apply.\n",
            dept,
        ),
        (
            "are-advised",
            f"Employers are hereby advised by the {dept} to keep copies of every registration.\n",
            dept,
        ),
        # A bare "are advised by the X" relays another's advice.
        (
            "bare-advised",
            f"Employers are advised by the {dept} to keep copies of every registration.\n",
            None,
        ),
        # Look-alikes: a contractor's or company's courtesy, one below the lead, a past report, a person.
        (
            "ltd-wishes",
            "Acme Builders Ltd wishes to inform residents that the road will close on Monday.\n",
            None,
        ),
        ("contractor-wishes", "Northside Construction would like to apologise for the noise.\n", None),
        (
            "deep-wishes",
            "Employers must keep payroll records for six years.\nThe records must be kept on site.\n"
            "The Chamber of Commerce wishes to remind members of its annual dinner.\n",
            None,
        ),
        (
            "were-informed",
            "Residents were informed by the Water Board last week that supply would be cut.\n",
            None,
        ),
        ("person-wishes", "Jane Doe wishes to inform all employers that she has retired.\n", None),
        (
            "wish-thanks",
            "The Labour Inspectors would like to thank all employers for their patience.\n",
            None,
        ),
    ]
    return [Form(f"en-15b-{key}", title, lead + body, {"issuer": want}) for key, lead, want in cases]


def _en_forms_15c() -> list[Form]:
    """Round 15 (English), third batch: codes shaped like release numbers (IR-2026-44) that a sentence gives to
    what it numbers — a reader's licence, an invoice, a claim, a court case, an example — against a release's own
    number on its line, under its kind or at its foot."""
    body = (
        "Employers must register every new worker within 14 days of the start of employment.\n"
        "Failure to register may lead to a fine of up to $5,000.\n"
    )
    title = "Registration of new workers"
    cases: list[tuple[str, str, str | None]] = [
        ("example", body + "Quote your licence number (e.g. LIC-2026-0007) on the form.\n", None),
        ("such-as", body + "Your permit number, such as PMT-2026-0099, is printed on the card.\n", None),
        ("invoice", body + "Invoice INV-2026-0042 must be paid by 31 March.\n", None),
        ("claim", body + "Claim number CLM-2026-0012 has been approved.\n", None),
        ("case", body + "Case CV-2026-1234 was adjourned to April.\n", None),
        ("ticket", body + "Ticket TKT-2026-0456 was closed by the helpdesk.\n", None),
        ("account", body + "Payments go to account ACC-2026-0001.\n", None),
        ("for-example", body + "Use your employer code, for example EMP-2026-0101, to log in.\n", None),
        ("reader-ref", body + "Your registration ID (REG-2026-7781) is on your certificate.\n", None),
        ("own-line", "IR-2026-44, March 3, 2026\n\n" + body, "IR-2026-44"),
        ("own-under-kind", "News Release\nIR-2026-44\nMarch 3, 2026\n\n" + body, "IR-2026-44"),
        ("own-foot", body + "\nMedia contact: Jane Doe, 555-0199\nIR-2026-44\n", "IR-2026-44"),
        ("own-nat", "Release Number: 17-919-NAT\n\n" + body, "17-919-NAT"),
        ("own-c19", body + "\nC19-05\n", "C19-05"),
        ("own-mr", "24-123MR\n3 March 2024\n\n" + body, "24-123MR"),
    ]
    return [Form(f"en-15c-{key}", title, text, {"doc_number": want}) for key, text, want in cases]


def _en_forms_15d() -> list[Form]:
    """Round 15 (English), fourth batch: look-alikes that must name no issuer from a title-case headline alone
    (its verb is not read: a facility, place or group reads as a body, "Leisure Centre Reopens …"), and a
    headline's bare passive ("Acme Ltd fined for …") names the body acted on, not the writer."""
    body = (
        "Employers must register every new worker within 14 days of the start of employment.\n"
        "Failure to register may lead to a fine of up to $5,000.\n"
    )
    cases: list[tuple[str, str, str | None]] = [
        ("osha", "OSHA Issues New Rule on Worker Registration", None),
        ("irs", "IRS Reminds Employers to Register New Workers", None),
        ("dept", "Department of Labour Reminds Employers to Register New Workers", None),
        ("us-dept", "U.S. Department of Labor Announces New Registration Rule", None),
        ("labor-dept", "Labor Department Proposes Rule to Register New Workers", None),
        ("ftc", "Federal Trade Commission Finalizes Rule on Worker Registration", None),
        ("mom", "Ministry of Manpower Urges Employers to Register Workers", None),
        ("fda", "FDA Warns Employers About Unregistered Workers", None),
        ("works", "Department of Public Works Announces Registration Rules", None),
        ("blm", "Bureau of Land Management Sets New Registration Rules", None),
        ("calls", "Department of Labour Calls for Comments on Registration Rule", None),
        ("fined", "Acme Ltd fined for failing to register workers", None),
        ("fined-caps", "Acme Ltd Fined for Failing to Register Workers", None),
        ("ordered-caps", "Acme Ltd Ordered to Pay Unregistered Workers", None),
        ("sued", "Department of Labour Sued Over Registration Rule", None),
        ("union", "Union Criticises Department of Labour Rule", None),
        ("court", "Court Orders Department of Labour to Rewrite Rule", None),
        ("reports", "New Reports Find Many Workers Unregistered", None),
        ("employers", "Employers Urged to Register New Workers", None),
        ("praised", "Springfield Hospital Praised by Inspectors", None),
    ]
    return [Form(f"en-15d-{key}", title, body, {"issuer": want}) for key, title, want in cases]


def _en_forms_15e() -> list[Form]:
    """Round 15 (English), fifth batch: a rule's commencement ("takes effect on", "comes into force on", "in force
    from") is the rule's date, not the notice's; look-alikes where the notice's own date stands beside it, and a
    body named "… Force" signing with its date."""
    body = (
        "Employers must register every new worker within 14 days of the start of employment.\n"
        "Failure to register may lead to a fine of up to $5,000.\n"
    )
    title = "Registration of new workers"
    cases: list[tuple[str, str, str | None]] = [
        ("takes-effect", body + "This notice takes effect on 1 April 2026.\n", None),
        ("take-effect", body + "The new rules take effect on 1 April 2026.\n", None),
        ("into-force", body + "The regulations come into force on 1 April 2026.\n", None),
        ("came-into-force", body + "The regulations came into force on 1 April 2026.\n", None),
        ("into-operation", body + "The scheme comes into operation on 1 April 2026.\n", None),
        ("in-force-from", body + "The rules are in force from 1 April 2026.\n", None),
        ("commences", body + "The scheme commences on 1 April 2026.\n", None),
        ("commencement", body + "Commencement: 1 April 2026.\n", None),
        ("took-effect", body + "The ban took effect on 1 April 2026.\n", None),
        (
            "own-then-effect",
            "3 March 2026\n\n" + body + "The new rules take effect on 1 April 2026.\n",
            "2026-03-03",
        ),
        (
            "own-label-effect",
            "Date: 3 March 2026\n\n" + body + "The rules come into force on 1 April 2026.\n",
            "2026-03-03",
        ),
        ("force-signs", body + "\nSpringfield Police Force\n3 March 2026\n", "2026-03-03"),
        ("task-force", body + "\nJane Doe\nChair, Labour Task Force\n3 March 2026\n", "2026-03-03"),
    ]
    return [Form(f"en-15e-{key}", title, text, {"published": want}) for key, text, want in cases]


def forms() -> list[Form]:
    """Every hand-made form, Chinese then English."""
    return (
        _zh_forms()
        + _en_forms()
        + _en_forms_12b()
        + _zh_forms_13()
        + _en_forms_13()
        + _zh_forms_14()
        + _en_forms_14()
        + _en_forms_14_site()
        + _en_forms_14b()
        + _en_forms_14c()
        + _en_forms_14d()
        + _zh_forms_14e()
        + _en_forms_14f()
        + _en_forms_14g()
        + _zh_forms_14h()
        + _en_forms_14i()
        + _en_forms_15()
        + _en_forms_15b()
        + _en_forms_15c()
        + _en_forms_15d()
        + _en_forms_15e()
    )


def run(show: bool) -> tuple[dict[str, bool], dict[str, object]]:
    """Score every form; print the per-field table; return each form's outcome and the figures."""
    outcome: dict[str, bool] = {}
    tally: dict[tuple[str, str], list[int]] = {}
    for form in forms():
        s = summarize(form.title, form.text, form.url)
        lang = form.key[:2]
        for f in FIELDS:
            if f not in form.expect:
                continue
            got = getattr(s, f)
            ok = right(got, form.expect[f])
            outcome[f"{form.key}/{f}"] = ok
            t = tally.setdefault((lang, f), [0, 0])
            t[0] += ok
            t[1] += 1
            if show and not ok:
                print(f"MISS {form.key}/{f}: got {got!r} want {form.expect[f]!r}")
    for (lang, f), (hit, n) in sorted(tally.items()):
        print(f"{lang} {f:10} {hit}/{n}")
    total = sum(outcome.values())
    figures = {
        "bench": "meta_forms",
        "right": total,
        "of": len(outcome),
        "fields": {f"{k[0]}_{k[1]}": v for k, v in sorted(tally.items())},
    }
    return outcome, figures


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--failures", action="store_true")
    ap.add_argument("--save")
    ap.add_argument("--compare")
    args = ap.parse_args()
    outcome, figures = run(args.failures)
    if args.save:
        Path(args.save).write_text(json.dumps(outcome), encoding="utf-8")
    if args.compare:
        old = json.loads(Path(args.compare).read_text(encoding="utf-8"))
        gained = sorted(k for k, v in outcome.items() if v and not old.get(k, False))
        lost = sorted(k for k, v in outcome.items() if not v and old.get(k, False))
        print(f"wrong->right {len(gained)}  right->wrong {len(lost)}")
        for k in lost:
            print(f"  LOST {k}")
        figures["wrong_to_right"], figures["right_to_wrong"] = len(gained), len(lost)
    # The figures last, as one JSON line (after the comparison's lines).
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
