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
    assert summarize("調整辦公時間", text).issuer is None


# ---------------------------------------------------------------- a mirror's pinyin inside a name


@pytest.mark.parametrize(
    ("title", "name", "text"),
    [
        (
            "暫停供氣說明",
            "東河燃氣供應(yīng)中心",
            "本週六上午檢修東河新村輸氣管線，屆時暫停供氣，請住戶關好爐具閥門。\n{name}\n2024年4月2日\n",
        ),
        # One paragraph, the name and the date run in after the last sentence.
        (
            "社區義診",
            "東河社區衛生服務(wù)中心",
            "本中心定於4月6日上午在社區廣場舉辦義診活動，歡迎居民攜帶病歷前來！ {name} 2024年4月2日",
        ),
    ],
    ids=["signer-line", "run-into-text"],
)
def test_pinyin_inside_signer_kept_as_written(title: str, name: str, text: str) -> None:
    s = summarize(title, text.format(name=name))
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
    assert summarize("調整辦公時間", text).issuer is None


def test_cover_letter_read_through_pinyin_and_traditional() -> None:
    assert cues.COVER.search(fold("特(tè)將《防汛值班表》下發(fā)給你們，望遵照執(zhí)行。"))
    assert cues.COVER.search(fold("特將《防汛值班表》下發給你們，望遵照執行。"))
    assert not cues.COVER.search(fold("特將《防汛值班表》下發至各單位備查。"))


# ---------------------------------------------------------------- a courtesy after the name


@pytest.mark.parametrize("courtesy", [" 敬啟", "謹啟", "  敬上"])
def test_courtesy_after_signer(courtesy: str) -> None:
    text = (
        "親愛的家長：\n本會將於4月12日晚間在學校禮堂舉辦親職講座，請填妥回條交班級導師。\n特此函達。\n東河國小家長會"
        + courtesy
        + "\n"
    )
    assert summarize("親職講座報名", text).issuer == "東河國小家長會"


def test_courtesy_alone_is_no_signer() -> None:
    text = "親愛的家長：\n本會將於4月12日晚間舉辦親職講座，請填妥回條交班級導師。\n\n敬啟\n"
    assert summarize("親職講座報名", text).issuer is None


@pytest.mark.parametrize(
    "line",
    [
        # A closing sentence before the courtesy: thanks, a wish, a request.
        "感謝大家熱心參與本會 謹上",
        "謝謝各位家長配合本會 敬啟",
        "敬祝 闔家平安 謹啟",
        "懇請家長轉知學生會 敬上",
        "感谢各位一直支持本会 谨上",
    ],
)
def test_courtesy_after_sentence_is_no_signer(line: str) -> None:
    text = "本會將於4月12日晚間在學校禮堂舉辦親職講座。\n" + line + "\n2024年4月2日\n"
    assert summarize("親職講座報名", text).issuer is None


# ---------------------------------------------------------------- document numbers in traditional characters


@pytest.mark.parametrize(
    "number", ["東府辦〔2024〕27號", "東教發〔2024〕3號", "東府辦[2024]27號", "東府辦（2024）27號"]
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
    m = next(docno_zh._doc_numbers("現將東府辦〔2024〕27號轉發"))
    assert docno_zh._format_doc_no(m) == "東府辦〔2024〕27號"


@pytest.mark.parametrize(
    "text",
    [
        "為貫徹東府發〔2024〕8號文件精神，請各校於月底前完成自查。\n",
        "为贯彻东府发〔2024〕8号文件精神，请各校于月底前完成自查。\n",
        "為傳達東府發〔2024〕8號文件要求，本處定於下週召開會議。\n",
        "为传达东府发〔2024〕8号文件要求，本处定于下周召开会议。\n",
        "遵照東府發〔2024〕8號文件規定，請各校於月底前完成自查。\n",
        "遵照东府发〔2024〕8号文件规定，请各校于月底前完成自查。\n",
        "現將東府發〔2024〕8號文件精神傳達如下：\n一、各校於月底前完成自查。\n",
        "现将东府发〔2024〕8号文件精神传达如下：\n一、各校于月底前完成自查。\n",
        "現將東府發〔2024〕8號文件轉發給你們，請認真執行。\n",
    ],
)
def test_number_after_citing_word_is_cited(text: str) -> None:
    assert summarize("自查工作安排", text).doc_number is None


def test_citing_words_cut_from_prefix() -> None:
    for text, want in (
        ("為貫徹東府發〔2024〕8號", "東府發〔2024〕8號"),
        ("为传达东府发〔2024〕8号", "东府发〔2024〕8号"),
    ):
        m = next(docno_zh._doc_numbers(text))
        assert docno_zh._format_doc_no(m) == want


def test_own_number_above_citing_sentence_kept() -> None:
    text = "東府辦〔2024〕12號\n各學校：\n為貫徹東府發〔2024〕8號文件精神，請各校於月底前完成自查。\n"
    assert summarize("自查工作安排", text).doc_number == "東府辦〔2024〕12號"


# ---------------------------------------------------------------- Taiwan's X字第N號 header line


_HALL_BODY = "主旨：本區里民活動中心自4月起開放借用。\n說明：借用者請於一週前向區公所登記。\n"


@pytest.mark.parametrize(
    ("header", "want"),
    [
        # Under the kind's line, spaced out to the column.
        ("公 告\n東 區 民 字 第 1130004567 號\n", "東區民字第1130004567號"),
        # Under the date line.
        ("東河區公所 公告\n中華民國113年3月8日\n東區民字第1130004567號\n", "東區民字第1130004567號"),
        # Under a field with its value.
        ("函\n受文者：各里辦公處\n東區民字第1130004567號\n", "東區民字第1130004567號"),
        # Labelled as the document's number, wherever the header puts it.
        ("函\n發文字號：東區民字第1130004567號\n", "東區民字第1130004567號"),
        ("函\n發文字號: 東 區 民 字 第 1130004567 號\n", "東區民字第1130004567號"),
    ],
)
def test_word_number_header_line(header: str, want: str) -> None:
    assert summarize("里民活動中心開放借用", header + _HALL_BODY).doc_number == want


@pytest.mark.parametrize(
    "text",
    [
        # Cited in a sentence.
        "公 告\n本所前以東區民字第1130004567號函知各里，請依規定辦理。\n",
        "依據民政局東民字第1130001號公告辦理。\n",
        # A serial without the 字 of a Taiwan number.
        "公 告\n第1130004567號\n本區里民活動中心自4月起開放借用。\n",
        # Below the header block: an annex's or a cited document's.
        "公 告\n" + "本區里民活動中心自4月起開放借用，請里民互相轉告。\n" * 20 + "東區民字第1130004567號\n",
        # A line that says more than the number.
        "公 告\n請參閱東區民字第1130004567號附件\n",
        # Under a citation's label, a list's lead-in or a reference's label.
        "公 告\n依據：\n東區民字第1130004567號\n" + _HALL_BODY,
        "公 告\n參考文號：\n東區民字第1130004567號\n" + _HALL_BODY,
        "公 告\n核准文號如下：\n東區民字第1130004567號\n東區民字第1130004568號\n" + _HALL_BODY,
        # A sentence wrapped round the number.
        "公 告\n復貴會113年3月1日\n東區民字第1130004567號\n函。\n" + _HALL_BODY,
        "公 告\n本所業以\n東區民字第1130004567號\n函知各里。\n",
        "公告\n按照\n东区民字第1130004567号\n规定，请各里做好登记。\n",
        "公告\n根据\n东区民字第1130004567号\n要求，请各里做好登记。\n",
        # After the body has opened.
        "公 告\n主旨：本區里民活動中心開放借用。\n東區民字第1130004567號\n",
    ],
)
def test_word_number_look_alikes(text: str) -> None:
    assert summarize("里民活動中心開放借用", text).doc_number is None


def test_bracketed_number_wins_over_word_number() -> None:
    text = "東府辦〔2024〕27號\n公 告\n中華民國113年3月8日\n東區民字第1130004567號\n" + _HALL_BODY
    assert summarize("里民活動中心開放借用", text).doc_number == "東府辦〔2024〕27號"


# ---------------------------------------------------------------- Minguo-era date lines


_PAGE = "2024年4月22日 星期一\n\n"


@pytest.mark.parametrize(
    "text",
    [
        # In the header, under the 字第 line.
        _PAGE
        + "里民活動中心開放借用公告\n\n公 告\n\n東 區 民 字 第1130004567號\n中華民國113年4月18 日\n\n"
        + _HALL_BODY,
        # In the header, under the kind's line.
        _PAGE + "公 告\n中華民國113年4月18日\n" + _HALL_BODY,
        # Signing the document off, right under the name.
        _PAGE + _HALL_BODY + "東河區公所\n中華民國113年4月18日\n",
    ],
)
def test_era_date_line_over_page_date(text: str) -> None:
    assert summarize("里民活動中心開放借用公告", text).published == "2024-04-18"


@pytest.mark.parametrize(
    "text",
    [
        # A field's value under its label.
        _PAGE + "里民大會\n開會日期：\n中華民國113年4月20日\n請里民準時出席。\n",
        # Inside a sentence: the rule's effective date.
        _PAGE + "本辦法自中華民國113年4月1日起實施，請里民知照。\n",
        # Later than the page: an event's date, not the document's.
        _PAGE + "里民大會\n中華民國113年4月30日\n請里民準時出席。\n",
        # An event's date under a sentence that leads up to it.
        _PAGE + "本屆校慶園遊會已於以下日期圓滿結束：\n中華民國113年4月20日\n感謝各界參與。\n",
        _PAGE + "本會成立於\n民國六十二年三月八日\n至今服務鄉里。\n",
        _PAGE + "停電時間如下\n中華民國113年4月15日\n請用戶預作準備。\n",
        _PAGE + "申請已於\n中華民國113年4月1日\n截止，逾期不受理。\n",
        # A period's first day, under its label or even under the kind's line.
        _PAGE + "施工期間：\n中華民國113年4月15日\n至4月18日止\n",
        _PAGE + "公 告\n中華民國113年4月15日\n至4月18日止暫停供電\n",
        # A list of names and birth dates.
        _PAGE + "得獎學生：\n陳小芳\n民國一百年二月三日\n林志明\n民國一百零一年七月九日\n",
        _PAGE + "得獎單位：\n東河國小\n民國一百年二月三日\n東河國中\n民國一百零一年七月九日\n",
    ],
)
def test_era_date_look_alikes(text: str) -> None:
    assert summarize("里民活動通知", text).published == "2024-04-22"


def test_era_date_under_annex_is_annexs() -> None:
    from bot.summarize.sentences import split

    text = "公 告\n本處調整辦公時間，請同仁互相轉知。\n附：\n公 告\n中華民國100年1月5日\n"
    assert published._era_date_line(split(text, "zh", 50)) is None
    assert published._era_date_line(split(text.replace("附：\n", ""), "zh", 50)) is not None


# ---------------------------------------------------------------- a board's posting date


def test_posting_date_label() -> None:
    text = "張貼日期：2024-03-05\n發布單位：總務處\n本週四下午全校停電檢修，請師生提前關閉電腦並備份資料。\n"
    assert summarize("停電檢修", text).published == "2024-03-05"


@pytest.mark.parametrize(
    "line",
    ["海報張貼日期：3月20日前", "海報張貼時間截止：2024年3月20日", "張貼日期：2024年3月20日前交至學務處"],
)
def test_posting_deadline_is_no_date(line: str) -> None:
    text = "本校舉辦海報比賽，請各班踴躍參加。\n" + line + "\n"
    assert summarize("海報比賽", text).published is None


# ---------------------------------------------------------------- a release issued on a body's behalf


@pytest.mark.parametrize(
    ("opening", "body"),
    [
        ("以下是代東河運輸署發出的通告：", "因週日舉行長跑比賽，濱海大道部分路段早上六時至十時封閉。"),
        ("以下是代東河運輸署發出的公告：", "因週日舉行長跑比賽，濱海大道部分路段早上六時至十時封閉。"),
        ("本稿件代東河運輸署發出：", "東河運輸署表示，因週日舉行長跑比賽，濱海大道部分路段封閉。"),
    ],
)
def test_release_on_behalf_names_the_body(opening: str, body: str) -> None:
    assert summarize("濱海大道封路", opening + "\n" + body + "\n").issuer == "東河運輸署"


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


_CLOSED = "根据工作安排，自3月1日起暂停对外服务，恢复时间另行通知。给您带来不便，敬请谅解。\n"


@pytest.mark.parametrize(
    ("title", "want"),
    [
        ("东河大学图书馆临时闭馆公告", "东河大学图书馆"),
        ("东河区档案馆年终闭馆公告", "东河区档案馆"),
        ("东河市博物馆春节闭馆通知", "东河市博物馆"),
        ("东河县图书馆恢复开馆公告", "东河县图书馆"),
        ("东河驿站开站公告", "东河驿站"),
        ("【通知】东河市图书馆暂停开馆公告", "东河市图书馆"),
    ],
)
def test_title_body_before_event(title: str, want: str) -> None:
    assert summarize(title, _CLOSED).issuer == want


def test_title_body_before_event_matches_signer() -> None:
    text = "根据工作安排，自3月1日起暂停对外服务，恢复时间另行通知。\n东河区档案馆\n2024年3月1日\n"
    assert summarize("东河区档案馆年终闭馆公告", text).issuer == "东河区档案馆"


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
    assert summarize(title, _CLOSED).issuer is None


@pytest.mark.parametrize(
    "title",
    [
        # A time or a cause before a place's kind alone, or a scope over many places: no one body.
        "国庆期间游泳馆停馆通知",
        "因检修公交站停站公告",
        "疫情防控期间卫生院停院公告",
        "中秋科技馆闭馆通知",
        "全区公共图书馆闭馆公告",
        "博物馆端午闭馆通知",
        "由于停电美术馆临时闭馆公告",
        "各文化馆暂停开馆通知",
        # No body word before the event: the name would end in it.
        "东河县少年宫闭馆通知",
    ],
)
def test_title_event_without_one_body(title: str) -> None:
    assert summarize(title, _CLOSED).issuer is None


@pytest.mark.parametrize(
    ("title", "want"),
    [
        ("国庆期间东河市游泳馆停馆通知", "东河市游泳馆"),
        ("春节东河区文化馆闭馆公告", "东河区文化馆"),
        ("五一路派出所停所公告", "五一路派出所"),  # a street named after the holiday
    ],
)
def test_title_event_time_before_body(title: str, want: str) -> None:
    assert summarize(title, _CLOSED).issuer == want


@pytest.mark.parametrize("name", ["东河馆藏文物展开馆", "东河站长休假后开站"])
def test_title_event_body_word_opening_a_word(name: str) -> None:
    # The body's word opens a word of its own (馆藏, a collection; 馆长, a post): no cut there.
    assert meta._ZH_BODY_EVENT.match(name) is None


# ---------------------------------------------------------------- a signer above a garbled date line


def test_signer_above_garbled_date() -> None:
    text = (
        "各班级：\n本学期食堂午餐时间改为11时30分至13时，请班主任提醒学生错峰就餐。\n后勤管理处\n20243月4\n"
    )
    assert summarize("食堂就餐时间调整", text).issuer == "后勤管理处"


@pytest.mark.parametrize(
    "text",
    [
        # Not a document: no salutation opens it.
        "本学期食堂午餐时间改为11时30分至13时，请班主任提醒学生错峰就餐。\n后勤管理处\n20243月4\n",
        # The line under the name is no date's remnant.
        "各班级：\n请班主任提醒学生错峰就餐。\n后勤管理处\n2024年第3期\n",
        # The name is not the line above the remnant.
        "各班级：\n请班主任提醒学生错峰就餐。\n后勤管理处\n联系电话\n20243月4\n",
        # A newspaper's credit.
        "各班级：\n请班主任提醒学生错峰就餐。\n东河日报社\n20243月4\n",
    ],
)
def test_garbled_date_look_alikes(text: str) -> None:
    assert summarize("食堂就餐时间调整", text).issuer in (None,)


# ---------------------------------------------------------------- a citing word in its own sentence; 现将's verb


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A citing word closes the sentence before the number: the number at the foot is the notice's own.
        (
            "南湖县教育局文件 各学校：请将本通知要求及时传达到每位教师。南教发〔2025〕11号",
            "南教发〔2025〕11号",
        ),
        ("各科室：请按照上述安排做好值班工作；南卫办〔2025〕4号 南湖县卫生健康局", "南卫办〔2025〕4号"),
        ("各单位：请认真贯彻执行！南府办〔2025〕9号 南湖县人民政府办公室 2025年3月2日", "南府办〔2025〕9号"),
        ("南湖县人民政府文件 各乡镇：现将计划印发给你们。南府发〔2025〕6号", "南府发〔2025〕6号"),
        # 现将 issues the notice's own document (印发, 下发): its number in brackets is the notice's.
        ("现将南湖县春耕生产工作方案（南府发〔2025〕6号）印发给你们，请遵照执行。", "南府发〔2025〕6号"),
        ("现将南湖县校园安全检查办法（南教发〔2025〕11号）下发给你们，请抓好落实。", "南教发〔2025〕11号"),
        ("現將南湖縣春耕生產工作方案（南府發〔2025〕6號）印發給你們，請遵照執行。", "南府發〔2025〕6號"),
    ],
)
def test_own_number_past_another_sentence_or_issued(text: str, want: str) -> None:
    assert docno_zh.find_doc_number("", text) == want


@pytest.mark.parametrize(
    "text",
    [
        # The citing word in the number's own sentence, a comma between them.
        "各学校：根据上级部署，结合南教发〔2025〕11号要求，现就有关事项通知如下。",
        "各学校：为贯彻南教发〔2025〕11号精神，现通知如下。",
        "各学校：工作已经部署；按照南教发〔2025〕11号要求抓好落实。",
        # 现将 hands another document on (转发, 传达).
        "各学校：现将南教发〔2025〕11号文件精神传达如下：",
        "各学校：现将省教育厅南教发〔2025〕11号转发给你们，请遵照执行。",
        "各学校：現將省教育廳南教發〔2025〕11號轉發給你們，請遵照執行。",
        "各学校：现将市教育局关于校园安全的通知（南教发〔2025〕11号）转发给你们。",
    ],
)
def test_number_cited_in_its_own_sentence(text: str) -> None:
    assert docno_zh.find_doc_number("", text) is None


# ---------------------------------------------------------------- X字第N號 only over another header line


@pytest.mark.parametrize(
    "text",
    [
        # A sentence wrapped out round the number: what follows it is the sentence, no header line.
        "南湖縣政府公告\n內政部臺內字第1140012345號\n核定本縣都市計畫，特此公告。\n",
        "受文者：南湖國民中學\n南校字第1140000456號\n來函敬悉，所請補助一案同意辦理。\n",
        "公 告\n南區民字第1140004567號\n同意備查。\n",
        "函\n南區民字第1140004567號\n主旨相同之案件請併案辦理。\n",
        "函\n南區民字第1140004567號\n說明會將於下週舉行。\n",
        "公 告\n南區民字第1140004567號\n一律依規定辦理。\n",
        "公 告\n南區民字第1140004567號\n1.5倍計算加班費。\n",
        # Nothing below it.
        "公 告\n南區民字第1140004567號\n",
    ],
)
def test_word_number_over_a_sentence_is_not_own(text: str) -> None:
    assert docno_zh._word_number("", text) is None


@pytest.mark.parametrize(
    "below",
    [
        "速別：普通件\n",
        "速 別：最速件\n",
        "密等及解密條件或保密期限：普通\n",
        "附件：\n",
        "發文日期：中華民國114年3月8日\n",
        "中華民國114年3月8日\n",
        "主旨：本區里民活動中心開放借用。\n",
        "主　旨：本區里民活動中心開放借用。\n",
        "說明：\n",
        "一、依據本所114年度工作計畫辦理。\n",
    ],
)
def test_word_number_over_a_header_line(below: str) -> None:
    assert docno_zh._word_number("", "函\n南區民字第1140004567號\n" + below) == "南區民字第1140004567號"


# ---------------------------------------------------------------- 全国 opens a national body's name


@pytest.mark.parametrize(
    ("title", "want"),
    [
        ("全国青少年科技馆闭馆公告", "全国青少年科技馆"),
        ("春节全国青少年科技馆闭馆通知", "全国青少年科技馆"),
    ],
)
def test_title_event_national_body(title: str, want: str) -> None:
    assert summarize(title, _CLOSED).issuer == want


@pytest.mark.parametrize(
    "title",
    ["全国图书馆闭馆公告", "全国公共图书馆闭馆公告", "全国各科技馆闭馆通知", "全市青少年科技馆闭馆公告"],
)
def test_title_event_nationwide_scope(title: str) -> None:
    assert summarize(title, _CLOSED).issuer is None


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
        (lambda: "期" * 100_000 + "间", lambda t: meta._ZH_EVENT_WHEN.match(t)),
        (lambda: "公" * 100_000, lambda t: meta._ZH_BARE_PLACE.fullmatch(t)),
        (lambda: "东河" * 50_000, lambda t: meta._event_body_start(t, 0, len(t))),
        (lambda: "字" * 100_000, lambda t: docno_zh._word_number("", t)),
        (lambda: "通" * 100_000, lambda t: docno_zh.is_kind_line(t)),
        (lambda: "年" * 100_000, lambda t: docno_zh._ZH_DATE_LINE.fullmatch(t)),
        (lambda: "感" * 100_000 + "敬启", lambda t: signoff._bare_name(t)),
        (lambda: "现将" * 50_000 + "南府发〔2025〕6号", lambda t: docno_zh.find_doc_number("", t)),
        (lambda: "。" * 100_000, lambda t: docno_zh._cited(t, 0, len(t), len(t))),
        (lambda: "现将" + "传" * 100_000, lambda t: docno_zh._cited(t, 0, 2, 2)),
        (lambda: "密等" + "等" * 100_000, lambda t: docno_zh._ZH_AFTER_NUMBER.match(t)),
        (lambda: "函\n南字第1号\n" + "主" * 100_000, lambda t: docno_zh._word_number("", t)),
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


# ---------------------------------------------------------------- mends after review


_TW_HEAD_TITLE = "某某工會會員說明會通知"


@pytest.mark.parametrize("title", [_TW_HEAD_TITLE, ""])
def test_word_number_under_a_title_holding_a_body_word(title: str) -> None:
    # A title may hold 說明 or 參考: the header has not ended at it.
    text = f"{_TW_HEAD_TITLE}\n中華民國113年5月2日\n東工會字第1130000456號\n主旨：訂於本月十日召開會員說明會，請準時出席。\n"
    assert docno_zh._word_number(title, text) == "東工會字第1130000456號"
    text = "南區參考書展通知\n南區民字第1140000789號\n主旨：書展延期一週。\n"
    assert docno_zh._word_number("", text) == "南區民字第1140000789號"


@pytest.mark.parametrize(
    "above",
    [
        "主旨：訂於本月十日召開會員大會。\n",  # the body opened on the first line
        "某某工會通知\n說明：\n",  # 說明 opening a line under the title
        "某某工會通知\n依據本會章程辦理。\n",
        "某某工會通知\n核定文號如下：\n",
        "某某工會通知\n本會會員說明會\n",  # a line holding 說明 that is no header line
    ],
)
def test_word_number_after_the_body_opened(above: str) -> None:
    text = above + "東工會字第1130000456號\n主旨：會員大會延期。\n"
    assert docno_zh._word_number("某某工會通知", text) is None


@pytest.mark.parametrize("label", ["文號", "文号", "發文字號", "字號"])
def test_word_number_under_any_number_label(label: str) -> None:
    text = f"{label}：東市教字第1130001234號\n主旨：調整上課時間。\n"
    assert docno_zh.find_doc_number("", text) == "東市教字第1130001234號"


def test_word_number_label_look_alikes() -> None:
    # Another field's label, or a sentence, does not label the number.
    assert docno_zh._word_number("", "說明文：東市教字第1130001234號\n") is None
    assert docno_zh._word_number("", "請依東市教字第1130001234號辦理\n主旨：調整上課時間。\n") is None


def test_run_in_signoff_in_traditional_characters() -> None:
    body = "各位同仁：\n本處訂於下週一起調整辦公時間，請同仁互相轉知。特此通知。某某市政府辦2023年12月18日\n"
    assert summarize("調整辦公時間", body).issuer == "某某市政府辦"


def test_run_in_signoff_look_alike_in_traditional_characters() -> None:
    # An event's name run into its date is no sign-off, in either script.
    body = "各位同仁：\n本處訂於下週舉辦活動，請同仁踴躍參加。歡迎參加運動會2023年12月18日\n"
    assert summarize("運動會", body).issuer is None


@pytest.mark.parametrize(
    ("closing", "name"),
    [("請遵照執行", "某某縣教育局"), ("請認真執行。", "某某縣教育局"), ("請貫徹落實", "東河市衛生局")],
)
def test_undated_signer_under_a_traditional_closing(closing: str, name: str) -> None:
    text = f"各學校：\n本局訂於下週辦理研習，請各校派員參加。\n{closing}\n{name}"
    assert signoff.undated_signer(text) == name


@pytest.mark.parametrize("name", ["東河日報社", "東河廣播電視台", "東河融媒體中心", "技術支援 東河公司"])
def test_undated_signer_not_a_traditional_newspaper(name: str) -> None:
    text = f"各學校：\n本局訂於下週辦理研習，請各校派員參加。\n特此通知。\n{name}"
    assert signoff.undated_signer(text) is None
