"""Chinese metadata forms of round 13 of #9: traditional characters in sign-off names and document numbers (號,
辦, 廳), Taiwan's X字第N號 header line and Minguo-era date line, a mirror's pinyin inside a signer's name, a
courtesy after the name (敬啟), a release issued on a body's behalf (以下稿件代X發出), a title's body before its
closing or opening event (某某图书馆临时闭馆公告), a signer above a garbled date line, a board's 張貼日期; each
with look-alikes where the rule must not fire. Hand-written texts only."""

from __future__ import annotations

import time

import pytest

from bot.summarize import cues, docno_zh, meta, names_zh, published, signoff, summarize
from bot.summarize.lang import fold

_TW_BODY = (
    "各位同仁：\n本處訂於下週一起調整辦公時間，上午八時至下午五時對外服務，請同仁互相轉知。\n特此通知。\n"
)
_CN_BODY = (
    "各位同仁：\n本处订于下周一起调整办公时间，上午八时至下午五时对外服务，请同仁互相转知。\n特此通知。\n"
)


# ---------------------------------------------------------------- sign-off names in traditional characters


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("東河市政府辦公廳", "东河市政府办公厅"),
        ("東河市教育委員會", "东河市教育委员会"),
        ("東河大學學務處", "东河大学学务处"),
        ("東河市立圖書館", "东河市立图书馆"),
        ("東河市消防局第三大隊", "东河市消防局第三大队"),
    ],
)
def test_traditional_signer_reads_as_simplified_one(traditional: str, simplified: str) -> None:
    dated = "\n2024年3月5日\n"
    tw = summarize("調整辦公時間", _TW_BODY + traditional + dated)
    cn = summarize("调整办公时间", _CN_BODY + simplified + dated)
    assert cn.issuer == simplified
    assert tw.issuer == traditional
    assert tw.published == "2024-03-05"


@pytest.mark.parametrize(
    "line",
    [
        "請將申請表交至學務處",  # an invitation left without its full stop
        "歡迎同學報名參加學生會",
        "陳國華",  # a person
        "會議地點：行政大樓三樓會議室",
    ],
)
def test_traditional_sentence_above_date_is_no_signer(line: str) -> None:
    text = "本處訂於下週一起調整辦公時間，請同仁互相轉知。\n" + line + "\n2024年3月5日\n"
    assert summarize("調整辦公時間", text).issuer != line


# ---------------------------------------------------------------- a mirror's pinyin inside a name


def test_pinyin_inside_signer_kept_as_written() -> None:
    name = "東河水務(wù)發(fā)展有限公司"
    text = "因管道搶修，明日8時至18時東河新區停水，請用戶提前儲水。\n" + name + "\n2024年4月2日\n"
    s = summarize("停水通知", text)
    assert s.issuer == name
    assert s.published == "2024-04-02"


def test_pinyin_signer_run_into_text() -> None:
    name = "東河中環(huán)供水有限公司"
    text = "因線路故障，水廠于16:00停產(chǎn)，預計20:00恢復供水，敬請諒解！ " + name + " 2024年4月2日"
    s = summarize("停水通知", text)
    assert s.issuer == name
    assert s.published == "2024-04-02"


@pytest.mark.parametrize(
    "line",
    [
        "請(qǐng)將材料交至教務(wù)處",  # an invitation with pinyin between its words
        "材料報(bào)送至教務(wù)處",
        "東河服務(app)中心",  # a bracketed word without a tone mark is no pinyin
    ],
)
def test_pinyin_sentence_is_no_signer(line: str) -> None:
    text = "本處訂於下週一起調整辦公時間，請同仁互相轉知。\n" + line + "\n2024年3月5日\n"
    assert summarize("調整辦公時間", text).issuer != line


def test_cover_letter_read_through_pinyin_and_traditional() -> None:
    assert cues.COVER.search(fold("現(xiàn)將《工作要點》印發(fā)給你們，請抓好落實。"))
    assert cues.COVER.search(fold("現將《工作要點》印發給你們，請抓好落實。"))
    assert not cues.COVER.search(fold("現將《工作要點》印發給各單位參考。"))


# ---------------------------------------------------------------- a courtesy after the name


@pytest.mark.parametrize("courtesy", [" 敬啟", "謹啟", "  敬上"])
def test_courtesy_after_signer(courtesy: str) -> None:
    text = (
        "依本會章程，會員大會訂於5月10日召開，請會員準時出席。\n特此通知。\n\n東河企業工會"
        + courtesy
        + "\nTEL: (02)1234-5678\n"
    )
    assert summarize("章程修訂說明", text).issuer == "東河企業工會"


def test_courtesy_alone_is_no_signer() -> None:
    text = "依本會章程，會員大會訂於5月10日召開，請會員準時出席。\n特此通知。\n\n敬啟\n"
    assert summarize("章程修訂說明", text).issuer is None


# ---------------------------------------------------------------- document numbers in traditional characters


@pytest.mark.parametrize(
    "number", ["東府辦〔2024〕19號", "東教發〔2024〕3號", "東府辦[2024]19號", "東府辦（2024）19號"]
)
def test_traditional_number_under_title(number: str) -> None:
    text = number + "\n關於調整辦公時間的通知\n" + _TW_BODY
    assert summarize("關於調整辦公時間的通知", text).doc_number == number


@pytest.mark.parametrize(
    "text",
    [
        "依據《東河市辦公規定》（東府辦〔2020〕3號）辦理，請同仁知照。\n",
        "根據東府辦〔2020〕3號文件精神，請同仁知照。\n",
        "依照東府辦〔2020〕3號辦理，請同仁知照。\n",
        "依照东府办〔2020〕3号办理，请同仁知照。\n",
    ],
)
def test_traditional_number_cited_is_not_own(text: str) -> None:
    assert summarize("調整辦公時間", text).doc_number is None


def test_traditional_citing_words_leave_prefix() -> None:
    # The citing word run into the number's abbreviation, written in traditional characters.
    m = next(docno_zh._doc_numbers("現將東府辦〔2024〕19號轉發"))
    assert docno_zh._format_doc_no(m) == "東府辦〔2024〕19號"


# ---------------------------------------------------------------- Taiwan's X字第N號 header line


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("東 工 總 字 第2023081號", "東工總字第2023081號"),
        ("東市教字第1130012345號", "東市教字第1130012345號"),
        ("發文字號：東市教字第1130012345號", "東市教字第1130012345號"),
        ("發文字號: 東 市 教 字 第 1130012345 號", "東市教字第1130012345號"),
    ],
)
def test_word_number_header_line(line: str, want: str) -> None:
    text = "通 告\n中華民國113年3月5日\n" + line + "\n\n" + _TW_BODY
    assert summarize("會費調整通告", text).doc_number == want


@pytest.mark.parametrize(
    "text",
    [
        # Cited in a sentence.
        "通 告\n本府業以東市教字第1130012345號函轉知各校，請依規定辦理。\n",
        "依據衛生局東衛字第1130001號公告辦理。\n",
        # A serial without the 字 of a Taiwan number.
        "通 告\n第1130012345號\n本處訂於下週一起調整辦公時間。\n",
        # Below the header block: an annex's or a cited document's.
        "通 告\n" + "本處訂於下週一起調整辦公時間，請同仁互相轉知。\n" * 20 + "東市教字第1130012345號\n",
        # A line that says more than the number.
        "通 告\n請參閱東市教字第1130012345號附件\n",
    ],
)
def test_word_number_look_alikes(text: str) -> None:
    assert summarize("會費調整通告", text).doc_number is None


# ---------------------------------------------------------------- Minguo-era date lines


def test_era_date_line_over_page_date() -> None:
    text = (
        "2024年3月8日 星期五\n\n會費調整通告\n\n通 告\n\n中華民國113年3月5 日\n東工總字第2024011號\n\n"
        + _TW_BODY
    )
    assert summarize("會費調整通告", text).published == "2024-03-05"


@pytest.mark.parametrize(
    "text",
    [
        # A field's value under its label.
        "2024年3月8日 星期五\n\n會員大會\n開會日期：\n中華民國113年3月20日\n本會會員請準時出席。\n",
        # Inside a sentence: the rule's effective date.
        "2024年3月8日 星期五\n\n本辦法自中華民國113年4月1日起實施，請同仁知照。\n",
        # Later than the page: an event's date, not the document's.
        "2024年3月8日 星期五\n\n會員大會\n中華民國113年3月20日\n本會會員請準時出席。\n",
    ],
)
def test_era_date_look_alikes(text: str) -> None:
    assert summarize("會員大會通知", text).published == "2024-03-08"


def test_era_date_under_annex_is_annexs() -> None:
    from bot.summarize.sentences import split

    text = "本處調整辦公時間，請同仁互相轉知。\n附：\n東河市辦公規定\n中華民國100年1月5日\n"
    assert published._era_date_line(split(text, "zh", 50)) is None
    assert published._era_date_line(split(text.replace("附：\n", ""), "zh", 50)) is not None


# ---------------------------------------------------------------- a board's posting date


def test_posting_date_label() -> None:
    text = "一般公告 / 張貼者\n衛生組長\n張貼日期: 2024-03-05 12:24:19\n點閱:195\n- 請師生進入保健室時佩戴口罩。\n"
    assert summarize("進入保健室應佩戴口罩", text).published == "2024-03-05"


@pytest.mark.parametrize(
    "line",
    ["海報張貼日期：3月20日前", "海報張貼時間截止：2024年3月20日", "張貼日期：2024年3月20日前交至學務處"],
)
def test_posting_deadline_is_no_date(line: str) -> None:
    text = "本校舉辦海報比賽，請各班踴躍參加。\n" + line + "\n"
    assert summarize("海報比賽", text).published is None


# ---------------------------------------------------------------- a release issued on a body's behalf


@pytest.mark.parametrize(
    "opening",
    ["以下稿件代東河醫療管理局發出：", "下稿代東河醫療管理局發出:", "以下是代東河醫療管理局發出的通告："],
)
def test_release_on_behalf_names_the_body(opening: str) -> None:
    text = opening + "\n東河醫療管理局宣布，因暴雨警告，轄下診所服務暫停，已抵達的病人會繼續獲得服務。\n"
    assert summarize("診所特別安排", text).issuer == "東河醫療管理局"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("東河市人民代表大會常務委員會發出通知，要求各代表準時出席會議。\n", "東河市人民代表大會常務委員會"),
        ("东河市人民代表大会常务委员会发出通知，要求各代表准时出席会议。\n", "东河市人民代表大会常务委员会"),
    ],
)
def test_representatives_keep_their_name(text: str, want: str) -> None:
    assert summarize("出席会议", text).issuer == want


def test_clean_keeps_names_with_dai() -> None:
    assert names_zh._clean_zh("东河代理记账服务中心") == "东河代理记账服务中心"
    assert names_zh._clean_zh("东河市代办服务中心") == "东河市代办服务中心"
    assert names_zh._clean_zh("記者從東河市教育局") == "東河市教育局"


# ---------------------------------------------------------------- a title's body before its event


@pytest.mark.parametrize(
    ("title", "want"),
    [
        ("东河大学图书馆临时闭馆公告", "东河大学图书馆"),
        ("东河区图书馆临时闭馆公告", "东河区图书馆"),
        ("东河市博物馆春节闭馆通知", "东河市博物馆"),
        ("东河县图书馆恢复开馆公告", "东河县图书馆"),
        ("东河驿站开站公告", "东河驿站"),
        ("【通知】东河市图书馆暂停开馆公告", "东河市图书馆"),
    ],
)
def test_title_body_before_event(title: str, want: str) -> None:
    text = "根据工作安排，自3月1日起暂停对外服务，恢复时间另行通知。给您带来不便，敬请谅解。\n"
    assert summarize(title, text).issuer == want


def test_title_body_before_event_matches_signer() -> None:
    text = "根据工作安排，自3月1日起暂停对外服务，恢复时间另行通知。\n东河区图书馆\n2024年3月1日\n"
    assert summarize("东河区图书馆临时闭馆公告", text).issuer == "东河区图书馆"


@pytest.mark.parametrize(
    "title",
    [
        "东河图书馆馆长任免通知",  # a party's matter
        "东河市科技馆开馆仪式通知",  # the event is not the title's last words
        "南湖公园闭园通知",  # 公园 is no body's word
        "东河中学开校通知",
        "东河市图书馆开馆时间调整通知",
        "临时闭馆通知",  # no body before the event
    ],
)
def test_title_event_look_alikes(title: str) -> None:
    text = "根据工作安排，自3月1日起暂停对外服务，恢复时间另行通知。给您带来不便，敬请谅解。\n"
    issuer = summarize(title, text).issuer
    assert issuer is None or not issuer.endswith(("闭馆", "开馆", "闭园", "开校"))


@pytest.mark.parametrize(
    ("name", "cut"), [("东河馆藏文物展开馆", "东河馆"), ("东河站长休假后开站", "东河站")]
)
def test_title_event_body_word_opening_a_word(name: str, cut: str) -> None:
    # The body's word opens a word of its own (馆藏, a collection; 馆长, a post): no cut there.
    m = meta._ZH_BODY_EVENT.match(name)
    assert m is None or m.group(1) != cut


# ---------------------------------------------------------------- a signer above a garbled date line


def test_signer_above_garbled_date() -> None:
    text = "各学院：\n现将本学年研究生学位审核安排公布如下，请按时间节点做好各项工作。\n请各单位通知到每位导师。\n研究生院\n20247月9\n"
    assert summarize("学位审核安排", text).issuer == "研究生院"


@pytest.mark.parametrize(
    "text",
    [
        # Not a document: no salutation opens it.
        "本学年研究生学位审核安排公布如下，请按时间节点做好各项工作。\n研究生院\n20247月9\n",
        # The line under the name is no date's remnant.
        "各学院：\n请各单位通知到每位导师。\n研究生院\n2024年第9批\n",
        # The name is not the line above the remnant.
        "各学院：\n请各单位通知到每位导师。\n研究生院\n联系电话\n20247月9\n",
        # A newspaper's credit.
        "各学院：\n请各单位通知到每位导师。\n东河日报社\n20247月9\n",
    ],
)
def test_garbled_date_look_alikes(text: str) -> None:
    assert summarize("学位审核安排", text).issuer in (None,)


# ---------------------------------------------------------------- linear on hostile input


@pytest.mark.parametrize(
    ("run", "probe"),
    [
        (lambda: "某(wù)" * 30_000 + "局", lambda t: signoff._ZH_NAME.match(t)),
        (lambda: "某" + "(" * 100_000, lambda t: signoff._ZH_NAME.match(t)),
        (lambda: "2024" + " " * 100_000 + "x", lambda t: signoff._DATE_REMNANT.match(t)),
        (lambda: "2024 年" + " " * 100_000 + "x", lambda t: signoff._DATE_REMNANT.match(t)),
        (lambda: " " * 100_000 + "敬", lambda t: signoff._bare_name(t)),
        (lambda: "字 " * 50_000, lambda t: docno_zh._ZH_WORD_NO.search(t)),
        (lambda: "字" * 100_000 + "第1号", lambda t: docno_zh._ZH_WORD_NO.search(t)),
        (lambda: "东" * 100_000 + "号", lambda t: docno_zh.find_doc_number("", t)),
        (lambda: "〔2024〕" * 20_000 + "號", lambda t: list(docno_zh._doc_numbers(t))),
        (lambda: "馆" * 100_000, lambda t: meta._ZH_BODY_EVENT.match(t)),
        (lambda: "局" * 100_000 + "闭", lambda t: meta._ZH_BODY_EVENT.match(t)),
        (lambda: "稿" * 100_000, lambda t: names_zh._clean_zh(t)),
        (lambda: "现" + "(xiàn)" * 20_000, lambda t: cues.COVER.search(t)),
        (lambda: "民国" * 50_000, lambda t: published._ERA_DATE.match(t)),
    ],
)
def test_linear_on_hostile_input(run, probe) -> None:  # type: ignore[no-untyped-def]
    text = run()
    start = time.perf_counter()
    probe(text)
    assert time.perf_counter() - start < 1.0


def test_summarize_linear_on_hostile_lines() -> None:
    for line in ("敬啟 " * 30_000, "(wù)" * 25_000, "字第" * 50_000, "稿件代" * 30_000, "闭馆" * 50_000):
        start = time.perf_counter()
        summarize("闭馆公告", line + "\n2024年3月5日\n")
        assert time.perf_counter() - start < 5.0
