"""Language and script detection: Chinese (simplified or traditional) versus English, and script folding."""

from __future__ import annotations

import re
from typing import Literal

__all__ = ["PINYIN_NOTE", "Lang", "detect_lang", "fold"]

Lang = Literal["zh", "en"]

# A mirror's reading aid after a character with several readings: "关(guān)于", "供應(yīng)" (a tone mark in it, so
# a bracketed word of plain Latin letters, "(app)", is none). Fixed-length parts: linear on any run.
PINYIN_NOTE = r"[(（](?=[a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,6}[)）]"

# Runs, not single characters: counting the characters of a few runs beats making a string of each one.
_HAN = re.compile(r"[\u3400-\u9fff]+")
_LATIN = re.compile(r"[A-Za-z]+")
# How much of the sample detect_lang counts before it looks whether the count decides.
_STRETCH = 400

# Traditional -> simplified for the characters that occur in notices' cue words, issuers and boilerplate.
# A 1:1 character table keeps every offset, so spans found on the folded text are valid on the original.
# Not a converter: only what the summariser needs to match its cue lists in both scripts.
_TRAD = (
    "與為於會個們來對時說國過還這種發經動實現關機問題應當須務確嚴規區縣鄉鎮員職業單開設負責報組織辦門廳"
    "聯議條級點萬億證據處總長營進運達適遠連續響質資費貸購買賣錢銀財稅補貼勞僱險醫療衛藥農產電話網絡頁專項"
    "導強調請構築協調節統籌記錄計劃執認識護備難離靈風飛號從價優內兩寫準則創劃務勝勢參變啟問圍園圖團場壓壞聲"
    "復夠頭奮婦學審寧將層屆屬崗幣帶幫幹廣廢張彙態應戰揮換據擊擔擴損攜斷數樣標權檢歡歷歸殘氣決況淨測滅滿濟災"
    "無熱營爭獎環畫療盡監盤穩窮競範糧紀約紅紙細終結絕統綠綱緊線績繼義習聞聲興舉藝蘇術補裝複視親覺觀訂討讓訓"
    "許論訪評詢試詳語誤課談諸謀謝讀貧貨貫貴貿質贊趨跡踐車軍較載輔輕輸違遞遷選遺邊醫釋銷鋒錯鍵閉閑間閱陳陣陰"
    "陸陽際隨隱雙雜電靜順預領頻額願類顧顯飲養餘驗體黨齡億擬範訊講們傳傷僅償儲兒勵勻區協厲歲豐團墊處鑒"
    "屆歲爾產畝異畢療盡礎禮稱積穫穀築簽緣緩編縮總罰職聽膽臨舊莊華葉著蓋藏蟲衆補製褲覆見規親觀訴詞詩該詳"
    "誌諾謂謹證識護譽變貢貳貸費資賓賴贈趕蹤軟輝轄轉辭遲遼郵鄭鄰醬針鈣鋼錢錄鎖鏈長閃閘闊陝陣隊階際隸雲電"
    "頂項順頒頓領頭顆題顏願類顧風飄飯餐館騎驅驟髮鬆魚鮮鳥鹽麥黃齊齒龍龜佈獲徹給"
)
_SIMP = (
    "与为于会个们来对时说国过还这种发经动实现关机问题应当须务确严规区县乡镇员职业单开设负责报组织办门厅"
    "联议条级点万亿证据处总长营进运达适远连续响质资费贷购买卖钱银财税补贴劳雇险医疗卫药农产电话网络页专项"
    "导强调请构筑协调节统筹记录计划执认识护备难离灵风飞号从价优内两写准则创划务胜势参变启问围园图团场压坏声"
    "复够头奋妇学审宁将层届属岗币带帮干广废张汇态应战挥换据击担扩损携断数样标权检欢历归残气决况净测灭满济灾"
    "无热营争奖环画疗尽监盘稳穷竞范粮纪约红纸细终结绝统绿纲紧线绩继义习闻声兴举艺苏术补装复视亲觉观订讨让训"
    "许论访评询试详语误课谈诸谋谢读贫货贯贵贸质赞趋迹践车军较载辅轻输违递迁选遗边医释销锋错键闭闲间阅陈阵阴"
    "陆阳际随隐双杂电静顺预领频额愿类顾显饮养余验体党龄亿拟范讯讲们传伤仅偿储儿励匀区协厉岁丰团垫处鉴"
    "届岁尔产亩异毕疗尽础礼称积获谷筑签缘缓编缩总罚职听胆临旧庄华叶着盖藏虫众补制裤覆见规亲观诉词诗该详"
    "志诺谓谨证识护誉变贡贰贷费资宾赖赠赶踪软辉辖转辞迟辽邮郑邻酱针钙钢钱录锁链长闪闸阔陕阵队阶际隶云电"
    "顶项顺颁顿领头颗题颜愿类顾风飘饭餐馆骑驱骤发松鱼鲜鸟盐麦黄齐齿龙龟布获彻给"
)
assert len(_TRAD) == len(_SIMP), "trad/simp table must stay 1:1"
# Full-width and small punctuation -> ASCII, the most frequent first (a Chinese text's commas and brackets).
_MARKS = (
    ("，", ","),
    ("（", "("),
    ("）", ")"),
    ("：", ":"),
    ("；", ";"),
    ("　", " "),
    ("！", "!"),
    ("？", "?"),
    ("﹐", ","),
    ("﹔", ";"),
)
_FOLD = dict(zip(_TRAD, _SIMP, strict=True)) | dict(_MARKS)
# One character class of everything that folds. str.translate looks up every character of a non-ASCII
# text in a dict (~0.1 µs each); one regex scan that calls back only on the characters to fold is about
# fifteen times faster on Chinese text, and an ASCII text has nothing to fold at all.
_FOLDS = re.compile("[" + "".join(sorted(set(_FOLD))) + "]")
# A long text (a whole notice, its head) calls back for every comma of it: there each mark is replaced in one
# str.replace (a scan in C) and the scan calls back only for the traditional characters, which are few. The
# same result: every character folds on its own, and what a mark becomes (ASCII) is no traditional character.
_LONG = 400
_TRAD_FOLDS = re.compile("[" + "".join(sorted(set(_TRAD))) + "]")


def _folded(m: re.Match[str]) -> str:
    return _FOLD[m.group()]


def fold(text: str) -> str:
    """Fold traditional characters to simplified and full-width punctuation to ASCII, keeping offsets."""
    if text.isascii():
        return text
    if len(text) < _LONG:
        return _FOLDS.sub(_folded, text)
    for mark, plain in _MARKS:
        text = text.replace(mark, plain)
    return _TRAD_FOLDS.sub(_folded, text)


def detect_lang(text: str) -> Lang:
    """Chinese when Han characters are at least a fifth of the letters in the first 2,000 characters."""
    sample = text[:2000]
    if sample.isascii() or _HAN.search(sample) is None:
        return "en"  # no Han character at all: what the count below ends with, without counting
    # Counted a stretch at a time: a Chinese text is a fifth Han within its first few hundred characters,
    # and once the count gets there the rest cannot change the answer (the letters are at most the
    # characters that are not Han, so a text a fifth Han needs no count of them).
    han = 0
    for at in range(0, len(sample), _STRETCH):
        han += sum(map(len, _HAN.findall(sample, at, at + _STRETCH)))
        if han * 5 >= len(sample) and han:
            return "zh"
    if not han:
        return "en"
    latin = sum(map(len, _LATIN.findall(sample)))
    # One Han character carries about as much as a 4-letter English word, hence the weighting.
    return "zh" if han * 4 >= latin else "en"
