"""Budgeted selection of scored clauses with redundancy removal, rendered back in document order."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from bot.dates import find_dates
from bot.summarize import cues
from bot.summarize.compress import compress
from bot.summarize.cuts import core, shorten
from bot.summarize.lang import Lang, fold
from bot.summarize.pack import knapsack
from bot.summarize.pieces import ONLY_THEN, conditions, sentence_cases
from bot.summarize.rank import BULLET, FIELDS_MAX, ZH_PURPOSE, Unit, field_line
from bot.summarize.sentences import Sentence, outline_level

__all__ = ["Group", "join", "lead_in", "render", "select"]

Group = list[Unit]  # the selected clauses of one sentence, in order

# Below this score a clause is framing or rhetoric; it enters a summary only when nothing better is left.
MIN_SCORE = 0.4
# Rhetoric and fragments below this never enter, however much room is left.
FILL_SCORE = -0.7
# A Chinese duty below the fill (a set phrase of a reply letter, "协调委办公室设在民航总局,"; a cover letter's
# aims) still enters a summary that has room left when everything above it is in: room left unused says less.
ZH_DUTY_FILL = -1.2
# Clauses sharing this share of their bigrams/words with one already chosen repeat it.
MAX_OVERLAP = 0.7
# Scores are divided by length ** LENGTH_POWER: a short concrete clause beats a long sentence of equal score.
LENGTH_POWER = 0.3
# A clause longer than this share of the budget leaves room for little else: it enters only when the
# clauses worth reading have been placed and room is left (a long lead or a legal recital of 400 characters
# would otherwise crowd out the three directives after it).
MAX_SHARE = 0.6
# ... and a clause of one ordinary sentence's length never counts as crowding (a short notice's budget is
# 150 characters: its one 110-character directive is the notice).
LONG_MIN = 120
_EN_SUBJECTLESS = re.compile(
    r"(?:and |but |or )?(?:shall|will|must|should|may|can|also|is|are|was|were|to|that|which|who|has|have)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
_TRAIL = re.compile(r"[\s,;:，；：、–—-]+$")
# A sentence end at the end of a text, closing quotes after it (compiled once; re.search looks it up per call).
_ENDS = re.compile(r"[.!?][\"”’')]*$")
_EN_WHEN_FRAME = re.compile(
    r"(?:effective|starting|beginning|as of|from|until|by|on)\b[^,]{0,30},$", re.IGNORECASE
)
# A sentence's opening clause that only frames the rest: when, in what situation or on what grounds it
# holds ("Starting Jan. 4,", "With the filing window closing soon,", "今年以来,", "汛期期间,",
# "2030年1月1日至12月31日,"). It has no verb of its own and means nothing alone, so it enters only with
# the clauses it frames. English: a prepositional opener with no finite verb after it.
_EN_FRAME = re.compile(
    r"(?:effective|starting|beginning|as of|from|until|through|with|without|in light of|in view of|amid"
    r"|following|during|after|before|since|given|due to|because of|in the wake of|ahead of|on|by|in|at)\b"
    r"(?![^,]*\b(?:is|are|was|were|be|been|will|shall|must|has|have|had|can|may|should|would|do|does|did)\b)"
    r"[^,]{0,80},$",
    re.IGNORECASE,
)
_ZH_FRAME = re.compile(
    r"(?:[^,。;:要须应将]{0,14}(?:以来|期间|之际|过程中|之前|以前|以后|之后|前|后|时)"
    # A run of date characters holding a digit; the lookahead, tested once at the start, says there is one,
    # where "X*\dX*" tried every split of a long run ("2024年3月12日至" many times: quadratic).
    r"|(?=[^,]*\d)[\d年月日至到\-—~:\s.号点时分()]+),$"
)
# A Chinese condition: a clause that ends on 的 before a comma or semicolon ("逾期未报送的,", "对工作不力的,"),
# "in the case of …"; what holds then comes in the next clause.
_ZH_CONDITION = re.compile(r"的[,;]$")
_EN_LEAD = re.compile(r"^(?:and|but|while|whereas|as well as)\s+", re.IGNORECASE)
# The marks a clause can end on (rendering keeps them or turns them into the sentence's end), and the
# closing quotes and brackets that may follow them.
_MARKS = frozenset(".,;:，；：、。!?！？")
_CLOSING = "”’\"'」』)"
_ZH_END = re.compile(r"[。!?！？][”’\"」』)]*$")


def select(
    units: Sequence[Unit], budget: int, lang: Lang, case_memo: dict[int, list[int | None]] | None = None
) -> list[Group]:
    """Pick the best clauses that fit the budget once rendered, then group them by sentence in order.

    A Chinese notice's field lines ("报名地点：教务处", rank.field_line) take no room its duties need: the
    duties are first picked as if the fields were not there; the pick with the fields stands only if it keeps
    each of those duties with all it showed (the case or consequence it comes with, "未按时报名者，" of
    "不得参加考试") and, while a duty is left out, no more than rank.FIELDS_MAX field lines. Else the duties'
    pick stands and field lines join it, best first, while the whole fits: at most FIELDS_MAX of them
    unless every duty is in.

    case_memo: each sentence's pieces.cases, by index (pieces.sentence_cases), shared with the headline."""
    if lang != "zh":
        return _select(units, budget, lang, case_memo)
    lines = {u.sentence.index: u.sentence for u in units}  # each sentence tested once, not once per clause
    field_lines = {i for i, sentence in lines.items() if field_line(sentence)}
    fields = {id(u) for u in units if u.sentence.index in field_lines}
    if not fields:
        return _select(units, budget, lang, case_memo)
    rest = [u for u in units if id(u) not in fields]
    chosen = [u for g in _select(rest, budget, lang, case_memo) for u in g]
    shown = {id(u): u.shown for u in chosen}  # as picked: the pick with the fields sets shown anew
    dutied = {u.sentence.index for u in chosen if u.directive}
    needed = [u for u in chosen if u.sentence.index in dutied]  # the duties and the rest of their sentences
    groups = _select(units, budget, lang, case_memo)
    full = {id(u): u.shown for g in groups for u in g}
    left_out = any(u.directive and id(u) not in full for u in rest)
    crowded = left_out and len({u.sentence.index for g in groups for u in g if id(u) in fields}) > FIELDS_MAX
    # A field line's later clause shown without its first, the label and value ("逾期不予补报" without
    # "报名时间：5月1日至5月10日"), says what happens with nothing it refers to.
    firsts = {u.sentence.index for g in groups for u in g if u.clause.first}
    orphan = any(id(u) in fields and u.sentence.index not in firsts for g in groups for u in g)
    if not crowded and not orphan and all(full.get(id(u)) == shown[id(u)] for u in needed):
        return groups
    for u in chosen:
        u.shown = shown[id(u)]
    taken = {id(u) for u in chosen}
    cap = FIELDS_MAX if any(u.directive and id(u) not in taken for u in rest) else len(units)
    added: set[int] = set()  # the field lines (sentence indexes) that joined
    ranked = sorted(units, key=lambda u: u.score / max(len(u.clause.text), 4) ** LENGTH_POWER, reverse=True)
    # A field line's later clause ("，逾期不予补报" after "报名时间：5月1日至5月10日") joins only after the
    # line's first clause, its label and value: alone it would say what happens with nothing it refers to. Two
    # passes, so a later clause ranked above its line's first still gets its turn.
    tried: set[int] = set()
    for _ in range(2):
        for unit in ranked:
            if id(unit) not in fields or id(unit) in tried or unit.score < FILL_SCORE:
                continue
            if unit.sentence.index not in added and len(added) >= cap:
                continue
            if not unit.clause.first and unit.sentence.index not in added:
                continue
            tried.add(id(unit))
            unit.shown = ""
            trial = sorted([*chosen, unit], key=lambda u: u.clause.start)
            if len(join(render(_group(trial), lang), lang)) <= budget:
                chosen = trial
                added.add(unit.sentence.index)
    return _group(sorted(chosen, key=lambda u: u.clause.start))


def _select(
    units: Sequence[Unit], budget: int, lang: Lang, case_memo: dict[int, list[int | None]] | None = None
) -> list[Group]:
    """select without its rule for Chinese field lines: the best clauses that fit, grouped by sentence."""
    heads = {u.sentence.index: u for u in units if u.clause.first}
    # An English clause whose sentence opens on a bare time frame ("From today,", "Starting Jan. 4,"):
    # that frame, which says from when the clause holds.
    before: dict[int, Unit] = {}
    # A clause that only frames the rest of its sentence (_frames) enters only once some of that rest is in.
    frames = _frames(units, lang)
    # What a Chinese rule does in a case ("当场没收,") enters with the case ("发现违章电器的,", _conditions).
    cases, bare = _conditions(units, {} if case_memo is None else case_memo) if lang == "zh" else ({}, set())
    if lang == "en":
        # "The penalties for late returns are:", "You will need:": a lead-in that stops on a word waiting for
        # its list is a fragment alone ("The penalties for late returns are."): with items that can enter (a
        # marked line among the next few), it is their frame and enters only once one of them is in. Over
        # items too short to be units (street names, dates: rank._ITEM_MIN), or stating a measure itself
        # ("Parking is prohibited at all times on:", "Claims must be made by:"), it may enter alone.
        items: list[Unit] | None = None  # found once, and only for a text with a lead-in
        for u in units:
            if (
                lead_in(u.clause.folded)
                and not _EN_LEAD_MEASURE.search(u.clause.folded)
                and not find_dates(u.clause.text)
            ):
                if items is None:
                    items = [i for i in units if i.score >= FILL_SCORE and _list_item(i)]
                ids = {id(i) for i in items if 0 < i.sentence.index - u.sentence.index <= _ITEMS_SEEN}
                if ids:
                    frames[id(u)] = frames.get(id(u), set()) | ids
    if lang == "en":
        for a, b in itertools.pairwise(units):
            if (
                a.clause.first
                and a.sentence.index == b.sentence.index
                and (_EN_WHEN_FRAME.match(a.clause.folded) or id(a) in frames)
            ):
                before[id(b)] = a
    ranked = sorted(units, key=lambda u: u.score / max(len(u.clause.text), 4) ** LENGTH_POWER, reverse=True)
    chosen: list[Unit] = []
    said: set[frozenset[str]] = set()  # the chosen clauses' tokens
    said_all: set[str] = set()  # their union: a candidate sharing little with it repeats none of them
    said_figures: set[str] = set()  # the numbers (dates, amounts) the chosen clauses state
    # Each clause's numbers, found once (by id): the passes below and _packed try most clauses more than once.
    numbers: dict[int, set[str]] = {}
    taken: set[int] = set()
    used = 0
    # First the clauses worth reading; then, if room is left, the weaker rest (short notices have little
    # else), still best first: a clause that lost only on length to a long one fills the room before the
    # framing that opens a notice (its purpose, its background), which document order would put first.
    # Between the two, a clause worth reading that did not fit as written may fit compressed (_fitted).
    # Only what may enter is costed (a head that joins a clause is costed when it does).
    costs = {id(u): _cost(u, lang) for u in units if u.score >= FILL_SCORE}
    share = int(max(MAX_SHARE * budget, LONG_MIN))
    # Two medium duties that weigh more together than one long one go first (_packed); rank order after.
    packed = _packed(
        [u for u in ranked if id(u) not in frames], costs, heads, cases, budget, share, lang, numbers
    )
    if packed:
        ranked = [u for u in ranked if id(u) in packed] + [u for u in ranked if id(u) not in packed]
    passes = [(MIN_SCORE, False), (MIN_SCORE, True), (FILL_SCORE, False)]
    if lang == "zh":
        passes.append((ZH_DUTY_FILL, False))
    for floor, fit in passes:
        order = ranked
        if floor == FILL_SCORE:
            # The room left goes first to the clauses that follow one already in, in its sentence: they go on
            # with what it says (its subject, its modal: "各地要A,B,C") at no new context for the reader.
            begun: dict[int, int] = {}
            for u in chosen:
                begun[u.sentence.index] = min(u.clause.start, begun.get(u.sentence.index, u.clause.start))
            after = [u for u in ranked if u.clause.start > begun.get(u.sentence.index, u.clause.start)]
            later = {id(u) for u in after}
            order = after + [u for u in ranked if id(u) not in later]
        # A frame ranked above the clause it frames ("为每位新生办理校园卡," before "由信息中心统一制作。") is
        # passed over until that clause is in, then tried again in the same pass.
        while order:
            waiting: list[Unit] = []
            retry = False
            for unit in order:
                if unit.score < floor or id(unit) in taken:
                    continue
                if id(unit) in bare:
                    continue  # "方可提前返校" without "经…审核同意后,"
                if floor == ZH_DUTY_FILL and (unit.score >= FILL_SCORE or not unit.directive):
                    continue  # the last pass is for the duties below the fill, nothing else
                if id(unit) in frames and not frames[id(unit)] & taken:
                    # A frame enters only once a clause it frames is in: tried again once more is in.
                    waiting.append(unit)
                    continue
                cap = min(budget - used, share) if floor == MIN_SCORE else budget - used
                if fit and (costs[id(unit)] <= cap or not unit.directive):
                    # It fitted before too and was a repeat then (it still is one), or it is background, which
                    # is not worth a cut.
                    continue
                pick = [unit]
                framed = False
                head = heads.get(unit.sentence.index)
                if head is not None and id(head) not in taken and _needs_head(unit, head, lang):
                    pick.insert(0, head)  # "and shall report to …" needs its subject
                elif lang == "en" and (frame := before.get(id(unit))) is not None and id(frame) not in taken:
                    # "From today | and until revoked, the following must …": the
                    # clause goes with the time it holds from (when that fits).
                    pick.insert(0, frame)
                    framed = True
                elif (case := cases.get(id(unit))) is not None and id(case) not in taken:
                    pick.insert(0, case)  # "要求立即拆除" says nothing without "发现私拉电线者,"
                cost = sum(costs[id(u)] if id(u) in costs else _cost(u, lang) for u in pick)
                if framed and cost > cap:
                    pick = [unit]
                    cost = costs[id(unit)] if id(unit) in costs else _cost(unit, lang)
                shown = ""
                if cost > cap:
                    # Too long as written: a duty compressed like a headline piece (an English one cut at a
                    # tail) may still fit; a clause with a borrowed subject does not shrink.
                    if not fit or len(pick) > 1:
                        continue
                    shown = _fitted(unit, cap, lang)
                    if not shown:
                        continue
                    cost = _text_cost(shown, lang)  # compress dropped the marker
                repeats = _repeats(unit.grams, said, said_all) or (
                    len(pick) > 1 and _repeats(pick[0].grams, said, said_all)
                )
                figures = _figures(pick, numbers)
                if repeats and figures <= said_figures:
                    continue  # "7月1日至5日闭馆" after "5月1日至3日闭馆" is news: its figures are new
                unit.shown = shown
                chosen.extend(pick)
                said.update(u.grams for u in pick if u.grams)
                for u in pick:  # not update(*generator): mypyc builds a generator expression's whole list
                    said_all.update(u.grams)
                taken.update(id(u) for u in pick)
                said_figures |= figures
                used += cost
                retry = retry or bool(waiting)
            order = waiting if retry else []
    groups = _group(chosen)
    # Rendering adds sentence ends and drops separators; shed the weakest clause until it really fits.
    while groups and len(join(render(groups, lang), lang)) > budget:
        weakest = min(chosen, key=lambda u: u.score)
        chosen.remove(weakest)
        # ... and a frame whose clause went goes with it.
        kept = {id(u) for u in chosen}
        chosen = [u for u in chosen if id(u) not in frames or frames[id(u)] & kept]
        groups = _group(chosen)
    if not groups and lang == "en":
        # Nothing fitted, while the text holds a duty (one long sentence whose every cut would drop its condition,
        # cuts.drops_condition): the best one whole, over the budget for that one clause, rather than an empty
        # summary. A push clips it (bot/render.py render_push, ending in "…"). Chinese compression only drops words
        # of formula and refuses no cut for a condition: a duty that does not fit stays out
        # (tests/test_summarize_room.py).
        duty = next((u for u in ranked if u.directive and u.score >= MIN_SCORE and id(u) not in frames), None)
        if duty is not None:
            duty.shown = ""
            head = heads.get(duty.sentence.index)
            needs = head is not None and head is not duty and _needs_head(duty, head, lang)
            groups = _group([head, duty] if needs and head is not None else [duty])
    return groups


def _frames(units: Sequence[Unit], lang: Lang) -> dict[int, set[int]]:
    """The sentence-opening frames among the clauses (_is_frame), each with the ids of the rest of its
    sentence, which it frames."""
    frames: dict[int, set[int]] = {}
    for i, unit in enumerate(units):
        if lang == "zh" and _ZH_CONDITION.search(unit.clause.folded):
            # "入围企业在3家及以上的,采取招标采购;": a condition anywhere in the sentence frames the clause
            # right after it, what holds in that case; alone it says nothing.
            after = units[i + 1] if i + 1 < len(units) else None
            if after is not None and after.sentence.index == unit.sentence.index:
                frames[id(unit)] = {id(after)}
            continue
        if not unit.clause.first or not _is_frame(unit, lang):
            # A frame further in ("…, with the deadline approaching, …") is left as it is: the clause
            # splitter also cuts there inside one, and it often states the key date.
            continue
        framed: set[int] = set()
        for other in units[i + 1 :]:
            if other.sentence.index != unit.sentence.index:
                break
            framed.add(id(other))
        if framed:
            frames[id(unit)] = framed
    return frames


def _conditions(units: Sequence[Unit], memo: dict[int, list[int | None]]) -> tuple[dict[int, Unit], set[int]]:
    """Each Chinese clause that is the consequence of a condition in its sentence (pieces.cases, the rule the
    headline pairs by: "发现违章电器的," then "当场没收,"), or a permission of the clause before it ("经馆员登记,"
    then "方可借阅特藏文献", pieces.with_condition), by id, with that condition's unit: what is done in that case
    means nothing without the case. Second, the clauses (ids) that never enter alone: a permission whose
    condition is no unit ("方可提前返校" says more than the notice does) and a permission's condition ("持辅导员
    审批单," reads as a duty; it enters with its permission)."""
    out: dict[int, Unit] = {}
    bare: set[int] = set()
    at: dict[tuple[int, int], Unit] = {}
    sentence = -1
    i = 0  # the clause of the unit's sentence that holds its start: units come in document order (a walk,
    # not pieces.clause_index per unit, which is quadratic in a sentence of many clauses)
    for unit in units:
        if _label_only(unit):
            bare.add(id(unit))  # "联系电话:" with its number cut off says nothing
        clauses = unit.sentence.clauses
        if unit.sentence.index != sentence:
            sentence, i = unit.sentence.index, 0
        start = unit.clause.start
        while i < len(clauses) and clauses[i].start + len(clauses[i].text) <= start:
            i += 1
        if i >= len(clauses) or clauses[i].start > start:
            continue
        at[(unit.sentence.index, i)] = unit
        permits = ONLY_THEN.match(unit.clause.folded) is not None
        case = i - 1 if permits else sentence_cases(unit.sentence, memo)[i]
        found = at.get((unit.sentence.index, case)) if case is not None and case >= 0 else None
        if found is not None:
            out[id(unit)] = found
            if permits and unit.score < found.score:
                # "方可离校" is what its condition is for: it ranks as the condition does
                unit.score = found.score
        elif permits and i > 0:  # its condition, the clause before, is no unit
            bare.add(id(unit))
        if conditions(unit, i):
            bare.add(id(unit))  # "持辅导员审批单,": the condition enters with its permission, never alone
    return out, bare


# The words a lead-in can stop on before its list: a preposition, an article, a verb waiting for its object.
_EN_LEAD_IN = re.compile(
    r"\b(?:on|of|are|is|include|includes|including|need|needs|to|for|with|by|the|from|at|in)\s*:$",
    re.IGNORECASE,
)


# A lead-in that states the measure its items only place or date: a duty, a ban, a closure; or that states a
# figure or a date ("From 1 June 2031 the new charges will apply to:"), which no item repeats.
_EN_LEAD_MEASURE = cues.any_of(
    cues.MANDATORY, re.compile(r"\b(?:not|banned|closed|suspended|restricted)\b|\d", re.IGNORECASE)
)
# The lines after a lead-in in which one of its items is looked for (its first items may be too short to be units).
_ITEMS_SEEN = 3


def _list_item(unit: Unit) -> bool:
    """Whether a unit opens a marked list line ("• alternative supplies …", "(a) a fine of …")."""
    folded = unit.clause.folded
    return unit.clause.first and (BULLET.match(folded) is not None or outline_level(folded)[1] > 0)


def lead_in(folded: str) -> bool:
    """Whether an English clause is a lead-in that stops on a word waiting for its list ("the penalties for late
    returns are:", "you will need:", "… a note with details of:"); only its last words are read."""
    tail = folded.rstrip()
    return tail.endswith(":") and _EN_LEAD_IN.search(tail, max(0, len(tail) - 24)) is not None


def _label_only(unit: Unit) -> bool:
    """A Chinese clause that is only a contact line's label ("联系人:", "联系电话:"): its value is the next
    clause, if any; alone it is no content."""
    return cues.zh_contact_label(unit.clause.folded.strip())


def _is_frame(unit: Unit, lang: Lang) -> bool:
    """Whether a sentence's first clause only frames the clause after it (_EN_FRAME, _ZH_FRAME, a Chinese purpose
    opener ZH_PURPOSE, a Chinese lead label cues.ZH_LEAD_LABEL)."""
    folded = unit.clause.folded.strip()
    if lang == "zh":
        # A purpose or basis opener ("为切实做好…工作,", "根据上级…通知精神,") says why, not what: alone it
        # is no summary's content, whatever centrality gives it.
        return (
            _ZH_FRAME.fullmatch(folded) is not None
            or ZH_PURPOSE.match(folded) is not None
            or cues.ZH_LEAD_LABEL.fullmatch(folded) is not None
        )
    return _EN_FRAME.match(folded) is not None


def _needs_head(unit: Unit, head: Unit, lang: Lang) -> bool:
    """Whether an English clause needs its sentence's first clause for a subject ("and shall report to …")."""
    return (
        lang == "en"
        and head is not unit  # a one-clause sentence opening "That …" is its own head
        and _EN_SUBJECTLESS.match(unit.clause.folded) is not None
    )


# The knapsack packs the best this many clauses worth reading ...
PACK_UNITS = 24
# ... with their costs in units of 1/PACK_ROOM of the budget (a 3,000-character budget in units of 10).
PACK_ROOM = 300


def _packed(
    ranked: Sequence[Unit],
    costs: dict[int, int],
    heads: dict[int, Unit],
    cases: dict[int, Unit],
    budget: int,
    share: int,
    lang: Lang,
    found: dict[int, set[str]],
) -> set[int]:
    """The clauses worth reading (ids) whose scores sum highest within the budget (pack.knapsack), when that
    sum beats what placing the same clauses greedily in rank order reaches; else none (rank order stands).

    Greedy placing lets one long clause crowd out two that weigh more together. A clause costs what it adds
    once rendered, with the subject clause it borrows; a clause repeating a better one is its alternative
    (one of the two, as the placing would keep). Only the best PACK_UNITS are packed, costs rounded up
    and the room down to units of the budget's 1/PACK_ROOM, so what the knapsack packs always fits.
    """
    pool = [u for u in ranked if u.score >= MIN_SCORE and costs[id(u)] <= share][:PACK_UNITS]
    if len(pool) < 2:
        return set()
    grain = -(-budget // PACK_ROOM)
    room = budget // grain
    sizes: list[int] = []
    groups: list[int] = []
    numbers = [_figures([u], found) for u in pool]
    for i, unit in enumerate(pool):
        cost = costs[id(unit)]
        head = heads.get(unit.sentence.index)
        if head is not None and _needs_head(unit, head, lang):
            cost += costs[id(head)] if id(head) in costs else _cost(head, lang)
        elif (case := cases.get(id(unit))) is not None:
            cost += costs[id(case)] if id(case) in costs else _cost(case, lang)
        sizes.append(-(-cost // grain))
        group = i
        most = MAX_OVERLAP * len(unit.grams)
        for j in range(i):
            # _repeats against one clause: most of its tokens said, and no figure of its own (the figures
            # first: that test builds no set)
            if unit.grams and numbers[i] <= numbers[j] and len(unit.grams & pool[j].grams) > most:
                group = groups[j]
                break
        groups.append(group)
    weights = [u.score for u in pool]
    # What the greedy placing reaches with the same items: each in rank order if it fits, a repeat never.
    left = room
    greedy = 0.0
    placed: set[int] = set()
    for i, size in enumerate(sizes):
        if size <= left and groups[i] not in placed:
            left -= size
            greedy += weights[i]
            placed.add(groups[i])
    if len(placed) == len(set(groups)):
        return set()  # every clause (or its better twin) placed: nothing to improve
    picked = knapsack(sizes, weights, groups, room)
    if sum(weights[i] for i in picked) <= greedy:
        return set()
    return {id(pool[i]) for i in picked}


# A clause's own trailing separator ("，", ", ", ";"): kept when its body is compressed, so it still ends
# as written. (str.rstrip: a regex anchored at the end would retry a long run of spaces from each one.)
_OWN_TRAIL = " \t\n\u3000,;:，；：、。.!?！？–—-"


# What compressing a Chinese clause saves at most in practice: a few words of formula (认真, 切实, 进一步)
# or an aside; its attribution frame went already (rank._without_frame). A clause further over is not tried.
_ZH_MAX_SAVING = 8


def _fitted(unit: Unit, cap: int, lang: Lang) -> str:
    """The clause compressed to cost at most cap (_text_cost), or "" when it cannot be: the headline's
    compression (attribution frames, formula, intensifiers and asides go; compress.py), then for English a
    cut at its last tail boundary or its core (never before a figure or date). Deletions only, so once the
    dropped words are removed from the notice too (compress.drop_words) each piece is a substring of it."""
    text = unit.clause.text
    body = text.rstrip(_OWN_TRAIL)
    trail = text[len(body) :]
    limit = cap - _text_cost(trail, lang)  # what is left for the body
    if limit < 8 or 4 * limit < len(body) or (lang == "zh" and len(body) - limit > _ZH_MAX_SAVING):
        # Room for less than a quarter of it: what a cut keeps of a duty that long is too little to try for.
        # Chinese compression deletes a few words of formula (the frame went in rank.py), no more.
        return ""
    full = short = compress(body, lang, capitalise=False)
    if lang == "en" and len(short) > limit:
        short = shorten(short, limit, lang)
    if lang == "en" and len(short) > limit:
        # The core of what shorten kept, or else of the whole clause: a cut that ends on a purpose tail
        # ("… 2,400 wagons to inspect the brake rods") may leave no core of its own.
        short = core(short, lang) or core(full, lang)
        if 2 * len(short) < len(body):
            return ""  # "Members are told of the fee": most of what the clause says is gone
    if not short or len(short) > limit:
        return ""
    return short + trail


def _cost(unit: Unit, lang: Lang) -> int:
    """What a clause adds to the rendered summary (render): its text without the outline marker a
    sentence's first clause opens with ("（二）", "3."), a space between English ones, and the end mark
    rendering adds when the clause ends without one (a Chinese clause's own "，" becomes "。")."""
    text = unit.clause.text
    marker = outline_level(unit.clause.folded)[1] if unit.clause.first else 0
    return _text_cost(text, lang) - marker


def _text_cost(text: str, lang: Lang) -> int:
    ended = text.rstrip(_CLOSING)[-1:] in _MARKS  # a str test: this runs for every clause
    return len(text) + (lang == "en") + (not ended)


def _figures(units: Sequence[Unit], found: dict[int, set[str]]) -> set[str]:
    """The numbers (dates, amounts, counts) the units state. found: each unit's own, by id, filled as they are
    asked for; never changed once there (a caller keeps the set it gets only to read it)."""
    out: set[str] | None = None
    for u in units:
        own = found.get(id(u))
        if own is None:
            own = found[id(u)] = set(_NUMBER.findall(u.clause.text))
        out = own if out is None else out | own
    return set() if out is None else out


def _group(units: Sequence[Unit]) -> list[Group]:
    groups: dict[int, Group] = {}
    for unit in sorted(units, key=lambda u: u.clause.start):
        groups.setdefault(unit.sentence.index, []).append(unit)
    return list(groups.values())


def _repeats(a: frozenset[str], said: set[frozenset[str]], said_all: set[str]) -> bool:
    """More than MAX_OVERLAP of candidate a already said by one chosen clause (a long clause is not
    redundant with a short one)."""
    if not a:
        return False
    most = MAX_OVERLAP * len(a)
    if len(a & said_all) <= most:
        return False  # one set operation rules out every chosen clause at once
    # The same clause said twice (a notice repeating itself) is found by hash; partial repeats by
    # intersections run in C.
    return a in said or max(map(len, map(a.intersection, said))) > most


def render(groups: Sequence[Group], lang: Lang) -> list[str]:
    """One compact directive per sentence: its chosen clauses, outline marker dropped, properly ended."""
    return [_render_group(g, lang) for g in groups]


def _render_group(group: Group, lang: Lang) -> str:
    sentence: Sentence = group[0].sentence
    pieces: list[str] = []
    prev_end = -1
    for unit in group:
        text = unit.shown or unit.clause.text
        if not pieces:
            folded = fold(text) if unit.shown else unit.clause.folded  # compress drops the marker itself
            _, marker = outline_level(folded)
            if not marker and (bullet := BULLET.match(folded)):
                marker = bullet.end()  # "• Limits … lifted": the bullet goes like an outline number
            text = text[marker:].lstrip()
            if lang == "en":
                text = _EN_LEAD.sub("", text)
        contiguous = unit.clause.start == prev_end
        if pieces and not contiguous and lang == "en":
            pieces[-1] = _TRAIL.sub("", pieces[-1]) + ","
        pieces.append(text)
        prev_end = unit.clause.start + len(unit.clause.text)
        if unit.shown and not unit.shown.endswith(unit.clause.text[-4:]):
            prev_end = -1  # cut before its end: the next clause does not follow on
            continue
        # Clauses keep their own trailing separator, so contiguous ones re-join as written.
        while (
            prev_end < len(sentence.text) + sentence.start and sentence.text[prev_end - sentence.start] == " "
        ):
            prev_end += 1
    if lang == "zh":
        out = "".join(pieces)
        if not _ZH_END.search(out):
            out = _TRAIL.sub("", out) + "。"
        return out
    # One space for a run: a sentence api.unwrap joined across an empty line keeps the gap's breaks as spaces.
    out = " ".join(" ".join(pieces).split())
    out = _TRAIL.sub("", out)
    if out and out[0].islower():
        out = out[0].upper() + out[1:]
    if not _ENDS.search(out):
        out += "."
    return out


def join(directives: Sequence[str], lang: Lang) -> str:
    """The push text: directives run together (Chinese) or space-separated (English)."""
    return ("" if lang == "zh" else " ").join(directives)
