"""English notice metadata: the issuing body (press-release subject, letterhead, signature, contact line).

A body is named as the text writes it, in full when the text spells it out anywhere ("CSO" in a headline,
"the Coastal Survey Office" in the body), else by the acronym it uses ("The NWB has issued …").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.dates import MONTH_NAME, WEEKDAY, YEARLESS_DATE
from bot.summarize.bodies_en import (
    ACRONYM,
    BODY,
    CAP,
    HONORIFIC,
    LINK,
    MIXED_ACRONYM,
    NAMED_AFTER_WORD,
    NOT_ACRONYM,
    ORG_WORD,
    ORG_WORD_ANY,
    PERSON_TITLE,
    PLACE_AGENCY,
    abbreviates,
    acronymed_in,
    antecedent,
    as_written,
    clean,
    initials,
    reorders,
    spelled,
    spelled_in,
    spelled_tail,
    titled,
)
from bot.summarize.chrome import skip_furniture
from bot.summarize.lines_en import (
    _AGENCY_LINE,
    _BODY_NAMED,
    _BOILERPLATE,
    _BY_ORDER,
    _CONTACT,
    _CONTACT_BODY,
    _CONTACT_NEXT,
    _CONTACT_POST,
    _CORPORATE,
    _DASH_ACRONYM,
    _DOC_BYLINE,
    _END_MARK,
    _FOOT_ISSUED,
    _FOOT_OWNER,
    _HEADER,
    _HEADER_SIGNER,
    _LEGAL_FORM,
    _MEDIA,
    _MEMO_FROM,
    _MEMO_TO,
    _MESSAGE_FROM,
    _POST,
    _POST_BODY,
    _POST_OF,
    _SENTENCE_LINE,
    _SIGNATURE_DATE,
    _SOVEREIGN,
    _WHOLE_NAME,
    SALUTATION,
    _and_named,
    _body_shaped,
    _has_contact_label,
    _line_body,
    _run_on_signature,
    _signature_lines,
    _title_suffix,
    _titled_body,
    among_person_fields,
    is_parent_government,
)
from bot.summarize.prefilter import finditer_at, finditer_lines, starts_of

__all__ = ["en_issuer"]


# Between a subject and its verb: time words and asides of press releases ("today", "on Friday night").
_WHEN = (
    # Hong Kong's releases date "today" in brackets: "The Labour Department today (March 24) reminded …".
    # A public notice's body acts "hereby": "The Department of Public Works hereby gives notice that …".
    rf"(?:(?:today|yesterday|recently|also|again|formally|officially|jointly|now|hereby|\([A-Z][a-z]+\.?[ \t]+\d{{1,2}}\)|"
    rf"on[ \t]+(?:{WEEKDAY}|[A-Z][a-z]+\.?[ \t]+\d{{1,2}})(?:[ \t]+(?:night|morning|afternoon|evening))?|{WEEKDAY}|"
    r"this[ \t]+(?:week|month|morning|afternoon)|last[ \t]+(?:week|month|night)|earlier[ \t]+(?:today|this[ \t]+week)|"
    # Asides between a body and its act: "The Ministry of Health, in a statement, said", "The Civil Aviation
    # Authority, which regulates airlines, said" (a relative clause is closed by its comma).
    # A body before an aside must open its clause (see _ASIDE): "to the Department in a letter published" is none.
    r"in[ \t]+(?:a|an|its|the)[ \t]+(?:[a-z]+[ \t]+){0,2}?(?:statement|notice|circular|order|advisory|"
    r"notification|release|letter|memo|memorandum|announcement|post|update|directive|press[ \t]+release)|"
    r"(?:which|who)[ \t][^,.;:\n]{3,80}?,)"
    r",?[ \t]+)*"
)
# An adverb of manner may stand between the auxiliary and the verb ("has successfully launched", "is currently
# reviewing"), and a perfect may be broken by an aside set off by commas ("has, over the years, published"); a body
# that "continues to remind" the public acts as one that reminds.
_ADVERB_LY = r"[a-z]{2,20}ly"
# A notice's courtesy before its act ("wishes to inform", "would like to remind", "is pleased to announce"; read
# only in a body's lead: `_COURTESY`), one copy for _AUX and _COURTESY.
_COURTESY_WORDS = r"(?:wish(?:es)?|would like|(?:is|are) (?:pleased|happy|glad|delighted)) to"
_AUX = (
    r"(?:(?:(?:has|have|had|is|are|was|were|will|would|must|plans to|intends to|continu(?:es|ed) to|"
    rf"{_COURTESY_WORDS})[ \t]+"
    r"|(?:has|have|had),[ \t]+[a-z][a-z \t]{0,40},[ \t]+)"
    rf"(?:(?:also|now|been|be|today|again|{_ADVERB_LY})[ \t]+){{0,2}})?"
)
# Verbs a body acts with in a release; stems, so every form counts (issues, issued, issuing).
_VERB = (
    r"(?:announc|issu|releas|publish|unveil|adopt|order|roll(?:s|ed|ing)? out|remind|urg|instruct|direct|warn|"
    r"launch|approv|requir|said\b|say|state[sd]\b|told\b|tell|advis|notif|inform|ask|decid|extend|declar|clarif|"
    r"suspend|ban|updat|call|confirm|propos|finali[sz]|introduc|impos|lift|postpon|cancel|delay|expand|"
    r"recommend|report|encourag|offer|provid|cit(?:es|ed|ing)\b|charg|award|revis|amend|implement|post|seek|"
    r"sought|waiv|relax|tighten|mandat|prohibit|restrict|allow|permit|grant|authori[sz]|determin|circulat|"
    r"distribut|sen[dt]|sign|rul(?:es|ed)\b|reiterat|emphasi[sz]|stress|highlight|want|plan|intend|vot|resolv|"
    r"agreed\b|agrees\b|pass(?:es|ed)\b|recall|clos|reopen|enact|"
    # Invitations, alerts, bars, fines and changes of levels are announced the same way.
    r"invit|alert|caution|bar(?:s|red|ring)\b|halt|resum|revok|withdr|remov|made\b|mak(?:es|ing)\b|sets?\b|"
    r"rais|lower|reduc|increas|fine[ds]?\b|"
    # Acts a release reports of its body: "The CDC is closely monitoring", "MOM has taken action", "wrote to".
    r"monitor|investigat|tak(?:es|en|ing)\b|took\b|gave\b|giv(?:es|en|ing)\b|wr(?:ote|ites|itten)\b|open(?:s|ed)\b|"
    r"start|began\b|begun\b|begin|accept|stepp?|eas(?:es|ed)\b|scrapp?|block|stopp?|defer|exempt|allocat|"
    r"establish|creat|appoint|designat|identif|hesitat|"
    # A regulator's demand of those it regulates: "The Commission expects all licensees to …", "expects operators
    # to …"; not a forecast ("expects growth to slow", "expects temperatures to fall").
    # Only those a body regulates, right after the verb, and a duty after "to" ("expects firms to fail" forecasts).
    r"expect(?:s|ed)?[ \t]+(?:(?:all|every|each|its)[ \t]+)?(?:licen[cs]e[ \t]+holders?|licensees?|operators?|"
    r"signatories|signatory|registrants?|regulated[ \t]+(?:firms?|entities|persons))[ \t]+to[ \t]+(?:submit|file|"
    r"report|comply|ensure|notify|maintain|provide|complete|pay|register|keep|make|carry|adhere|follow|display|"
    r"obtain|declare|disclose|observe)\b|"
    # A public notice's body holding or scheduling a hearing or a meeting ("The Planning Commission will hold a
    # public hearing"); only such an event: "The Supreme Court held that …" rules, "The Union will hold a strike"
    # is no notice's body.
    # Hosting or convening likewise: "The Magistrates Court convened on Monday to hear", "will host a party".
    r"(?:holds?|held|to[ \t]+hold|host(?:s|ed|ing)?|conven(?:e|es|ed|ing))[ \t]+(?:(?:a|an|the|its|two|three|"
    r"further|another|[a-z]+al|public|special|open|virtual)[ \t]+){0,3}"
    r"(?:hearing|meeting|consultation|session|auction|election|summit|conference|forum)s?\b|schedul|"
    # Issuing in phrasal verbs: "has put out new rules", "has come out with guidelines", "brought out a circular".
    r"put(?:s|ting)?[ \t]+out\b|c[ao]m(?:e|es|ing)[ \t]+out[ \t]+with\b|br(?:ought|ings?|inging)[ \t]+out\b)\w*"
)
_PRESS = re.compile(
    # A short form in brackets may be two words ("the Governor's Office of Emergency Services (Cal OES)") or mixed
    # case ("(MoHFW)"); a number
    # in brackets ("the Harbour Master (HM-07) ordering") is no short form.
    rf"(?<![\w’'])(?:[Tt]he[ \t]+)?({PLACE_AGENCY}|{BODY})(?:[ \t]+\(({ACRONYM})\)|[ \t]+\([A-Z][A-Za-z&.]{{1,10}}(?: [A-Z][A-Za-z&.]{{1,10}}){{0,2}}\))?"
    # Its government after the short form: "the Directorate of Education (DoE) of the Delhi government directed".
    rf"(?:[ \t]+of[ \t]+the[ \t]+[A-Z][a-z]+[ \t]+government)?,?[ \t]+{_WHEN}{_AUX}{_VERB}"
    rf"|\b(?:[Rr]eleased|[Ii]ssued|[Pp]ublished|[Aa]nnounced|ordered|approved|required|signed|set|imposed"
    # A notice informing its readers in the present passive: "The public is hereby informed by the X that …" (a
    # past one reports: "Residents were informed by the Water Board last week"; a bare "are advised by the X"
    # relays another's advice). Ranked with the cited sources (`_NOTIFIED_BY`, `_candidates`).
    rf"|(?:(?<=\bis )|(?<=\bare ))(?:hereby (?:informed|notified|advised|reminded)|informed|notified)) by (?:the )?({BODY})"
    rf"(?=[,.;:)]|[ \t]+(?:on|in|to|that|which|for|and|last|this|today)\b|[ \t]*(?:\n|$))"
    # The name runs to the end of the clause: "according to the Ministry of Fisheries." is not "the Ministry".
    rf"|\b[Aa]ccording to (?:a (?:statement|notice|circular|release) (?:from|by) )?(?:the )?({BODY})"
    rf"(?=[ \t]*[,.;:)]|[ \t]+(?:on|in|that|which|and|last|this|today)\b|[ \t]*(?:\n|$))"
    # News style puts the verb first: "…, said the Regional Board of Technical Examinations (RBTE) on Monday."
    rf"|,[ \t]+(?:said|announced|stated|added|warned|noted)[ \t]+(?:the[ \t]+)?({BODY})(?=[ \t]*[,.;(]|[ \t]+(?:on|in|today)\b)"
)
# Where a _PRESS or _SPOKESPERSON match can start: tried only there (prefilter.starting_with), a third faster.
_PRESS_AT = starts_of(_PRESS)
# A notice's writer in its own voice, speaking to its readers: "The Parking Service thanks you for …", "regrets any
# inconvenience", "apologises for any inconvenience", "appreciates your patience", "is instituting changes". Only
# the present tense and whole words (a "Police Department appreciation dinner", a "Research Council institutional
# board" and a court that "regretted the delay" in a ruling are none), only the readers as the object (a club that
# "thanks all the volunteers" inside a school's notice thanks its own), and only a subject opening its clause (in
# "The Friends of the Library Society thanks you" the name is not "Library Society"). Read by _own_voice, after any
# letterhead or signature: a third party may thank or apologise inside another's notice, so only a voice opening the
# text, with its body named again, counts.
_READERS = (
    r"(?:residents|customers|members|parents|students|staff|employees|users|applicants|patients|visitors|"
    r"passengers|ratepayers|taxpayers|candidates|clients|subscribers)"
)
_OWN_VOICE = re.compile(
    rf"(?:^|(?<=[.!?:,;][ \t])|(?<=[.!?:,;][ \t]{{2}}))(?:[Tt]he[ \t]+)?(?:({PLACE_AGENCY}|{BODY})"
    rf"(?:[ \t]+\({ACRONYM}\))?|({ACRONYM}))[ \t]+(?:"
    r"thanks[ \t]+(?:you|all[ \t]+(?:our[ \t]+|its[ \t]+)?" + _READERS + r")"
    r"|regrets[ \t]+(?:any|the)[ \t]+(?:inconvenience|disruption)"
    r"|apologi[sz]es[ \t]+(?:to[ \t]+(?:you|all[ \t]+" + _READERS + r")[ \t]+)?for[ \t]+(?:any|the)[ \t]+"
    r"(?:inconvenience|disruption)"
    r"|appreciates[ \t]+your[ \t]+(?:patience|cooperation|co-operation|understanding|support)"
    r"|is[ \t]+instituting)\b",
    re.MULTILINE,
)
_OWN_VOICE_AT = starts_of(_OWN_VOICE)
# Its verbs: only the lines holding one are searched (prefilter.finditer_lines).
_OWN_VOICE_WORD = re.compile(r"\b(?:thanks|regrets|apologi[sz]es|appreciates|instituting)\b")
# Where a third party speaks inside another's notice, the voice is not the notice's: a letter ("Dear families, …"),
# a line after a speech verb or a colon ("the minister said: The Department … recognizes"), what readers are told
# they know ("As parents may know, the … Board is instituting"), and a company (a contractor that "regrets any
# inconvenience" in a council's notice).
# The verbs of saying that _QUOTED and _DOCUMENT_SAYS share.
_SPEECH_VERB = r"said|says|stated|states"
_QUOTED = re.compile(
    rf"\b(?:{_SPEECH_VERB}|added|told|announced|explained|wrote|writes|noted)\b|^[ \t]*As\b[^,\n]{{0,80}}\bknows?\b",
    re.IGNORECASE,
)
_COMPANY = re.compile(rf"\b(?:{_LEGAL_FORM}|Construction|Contractors)\b\.?")
# A short last line without a sentence's end: a sign-off ("Highways Team", "Ms R. Okafor / Head Teacher").
_SIGN_OFF = re.compile(r"^[^.!?\n]{1,60}[ \t]*$")


def _own_voice(title: str, text: str) -> Iterator[str]:
    """A body in its own voice opening the text, named again by the title or that first line ("In order to …,
    the Library Service is changing its hours … the Library Service will not lend …")."""
    stripped = text.lstrip()
    first, _, rest = stripped.partition("\n")
    first = first[:3000]
    if _OWN_VOICE_WORD.search(first) is None:
        return  # no verb of a voice on the first line (the gate below): the whole text is not scanned
    last = rest.rstrip().rsplit("\n", 1)[-1]
    # Not a letter, and nothing signs it below: a signature or letterhead is the writer, the voice then a third party.
    if SALUTATION.search(text) or (last and _SIGN_OFF.match(last)):
        return
    for m in finditer_lines(_OWN_VOICE_AT, _OWN_VOICE, _OWN_VOICE_WORD, first):
        before = first[: m.start()]
        clause = before[max(before.rfind("."), before.rfind("!"), before.rfind("?")) + 1 :]
        if clause.rstrip().endswith((":", ";")) or _QUOTED.search(clause.strip()):
            continue
        if m.group(1):
            name = clean(m.group(1))
        elif (acronym := m.group(2)) not in NOT_ACRONYM and acronym not in _NOT_MIXED:
            name = acronym
        else:
            continue
        if _COMPANY.search(name):
            continue
        # Named again: by the headline, or elsewhere on the first line (one mention alone may be anyone's).
        if name in title or name in first[: m.start()] or name in first[m.end() :]:
            yield (spelled(name, text) or name) if m.group(2) else name


# A subject in the passive that a notice directs or describes: "All Heads of Department are instructed to …",
# "The Board has been asked to …", "The Council was established in 1990" name those a notice addresses or is
# about, not its issuer. Only these participles: a body that "is closed on Monday", "has been given powers", "is
# required to publish its accounts" or "is taken to court" still speaks in its own notice.
# The end of a _PRESS or _ACRONYM_SUBJECT match: a form of "be", then the participle.
# (It is read only at the end of a match, which ends on one of _VERB's stems: "requested", "constituted",
# "instituted", "held" and "brought" never end one, so they are not listed.)
_PASSIVE_ADVERB = rf"(?:(?:also|now|again|today|hereby|{_ADVERB_LY})[ \t]+)?"
_PASSIVE = re.compile(
    rf"\b(?:is|are|was|were|been|be)[ \t]+{_PASSIVE_ADVERB}"
    r"(?:(instructed|directed|asked|called)|established|set)$"
    # A plural subject in the passive is a group the notice addresses ("All Heads of Department are informed
    # that …", "The District Officers were told"), whatever the participle; a resolve stays active.
    rf"|\b(?:are|were)[ \t]+{_PASSIVE_ADVERB}"
    r"(?!determined|scheduled|committed|authori[sz]ed|empowered)(?:[a-z]+ed|[a-z]+en|told|sent|made|sought|begun)$"
)
# After a participle of directing, what the addressee is directed to do: "are instructed to", "called upon to".
_DIRECTED_TO = re.compile(r"[ \t]{1,4}(?:upon[ \t]{1,4})?to\b")


def _passive(source: str, m: re.Match[str]) -> bool:
    """Whether a press-subject match's subject is directed ("are instructed to"), described ("was established")
    or a plural group the notice addresses ("are informed that")."""
    p = _PASSIVE.search(m.group(0))
    return p is not None and (
        p.group(1) is None
        or p.group(0).startswith(("are", "were"))
        or _DIRECTED_TO.match(source, m.end()) is not None
    )


# Verbs of issuing and ordering, as against speaking, at the end of a press-subject match.
_ISSUING_STEMS = (
    r"issu|releas|publish|order|direct|instruct|adopt|approv|mandat|impos|circulat|distribut|enact|announc|"
    r"roll(?:s|ed|ing)? out|launch|unveil|ban|suspend|requir|prohibit|restrict|extend|postpon|cancel"
)
_ISSUING = re.compile(rf"(?:{_ISSUING_STEMS})\w*$")
# Those who speak for a body, written in lower case after its name: "Ministry of Health officials said".
_SPEAKER = r"(?:spokes(?:person|man|woman)|officials?|representatives?)\b"
# "Employment Secretary Jane Doe said": a person speaks for the body named before the title.
_SPOKESPERSON = re.compile(
    rf"(?<![\w’'])(?:[Tt]he[ \t]+)?({BODY})(?:['’]s)?[ \t]+(?:{PERSON_TITLE}|{_SPEAKER})(?:[ \t]+{CAP}){{0,4}},?[ \t]+{_WHEN}{_AUX}{_VERB}"
    # News style puts the verb last: "…, a Ministry of Health spokesperson said."
    rf"|(?<![\w’'])an?[ \t]+({BODY})[ \t]+(?:{PERSON_TITLE}|{_SPEAKER})[ \t]+(?:said|says|told|stated|added|confirmed)\b"
    # An office and the person holding it: "The Commissioner General of Examinations B. Jane Doe said".
    rf"|(?<![\w’'])(?:[Tt]he[ \t]+)?({BODY})[ \t]+(?:{HONORIFIC}\.?[ \t]+)?(?:[A-Z]\.[ \t]*){{0,3}}"
    rf"(?:[A-Z][a-z]+[ \t]+){{1,3}}(?:said|says|told|stated|announced|added|confirmed)\b"
)
_SPOKESPERSON_AT = starts_of(_SPOKESPERSON)
_ARTICLE = re.compile(r"^An?[ \t]+")
_OWN_DOCUMENT_AT = re.compile(
    r"(?:\A|[.!?;:\n][\"'’”)]?|\b(?:[Uu]nder|[Pp]er|[Ff]ollowing|[Aa]ccording[ \t]+to|[Ii]n[ \t]+line[ \t]+with))[ \t]*\Z"
)
# A clause's start: a sentence's, or after a comma ("On Monday, the Ministry, in a statement, said").
_CLAUSE_START = re.compile(r"(?:\A|[.!?;:,\n][\"'’”)]?)[ \t]*\Z")
_TIME_WORD = re.compile(
    rf"(?:{WEEKDAY}|Yesterday|Today|Tomorrow|Tonight|{MONTH_NAME}|Last|This|Next|Earlier|Later|Now)\b"
)
_ASIDE = re.compile(r"[ \t](?:in[ \t]+(?:a|an|its|the)|which|who)[ \t]")
# A preposition right before a match's start (searched with its end bound at the start).
_PREPOSITION = re.compile(
    r"\b(?:to|at|of|with|from|for|by|on|in|into|about|against|under|over|near|than|among|between)[ \t]+(?:the[ \t]+)?\Z"
)
# An agency's acronym as the subject of a press verb ("The FAA has issued", "OSHA announced Tuesday").
_ACRONYM_SUBJECT = re.compile(
    rf"(?<![\w’'-])({ACRONYM}|{MIXED_ACRONYM})(?:['’]s)?,?[ \t]+{_WHEN}{_AUX}{_VERB}"
    # "…, according to MOH."
    rf"|\b[Aa]ccording[ \t]+to[ \t]+(?:the[ \t]+)?({ACRONYM}|{MIXED_ACRONYM})(?=[ \t]*[,.;]|[ \t]*$)"
)
# Tried only at a word's capital or "according" (prefilter.finditer_at): sre tries the lookbehind everywhere.
_ACRONYM_SUBJECT_AT = starts_of(_ACRONYM_SUBJECT)
_MIXED = re.compile(MIXED_ACRONYM)
# Mixed-case words shaped like acronyms that name no body.
_NOT_MIXED = frozenset({"PhD", "MoU", "MoUs", "McD", "DoS", "IoT", "NoC", "VoIP", "LoC", "PoS"})
# A headline naming its body before a colon: "MOM: Employers must …"; not a kicker ("UPDATE: …", "ALERT: …").
_TITLE_SPEAKER = re.compile(rf"^\s*({ACRONYM}|{MIXED_ACRONYM})\s*:\s")
_KICKERS = frozenset(
    {
        "NEWS",
        "NOTE",
        "ALERT",
        "UPDATE",
        "UPDATED",
        "NOTICE",
        "WATCH",
        "VIDEO",
        "FAQ",
        "FAQS",
        "BREAKING",
        "URGENT",
        "NEW",
        "LIVE",
        "READ",
        "OPINION",
        "REMINDER",
        "ADVISORY",
        "WARNING",
        "CLOSED",
        "RECALL",
        "MEDIA",
        "PRESS",
        "RELEASE",
        "SPECIAL",
        "ATTN",
        "IMPORTANT",
        "OFFICIAL",
        "TODAY",
        "EVENT",
        "EVENTS",
        "ORDER",
        "CIRCULAR",
        "MEMO",
        "EXCLUSIVE",
        "ANALYSIS",
        "EXPLAINER",
        "CORRECTION",
        "STATEMENT",
        "AMENDED",
        "REVISED",
        "FINAL",
        "DRAFT",
    }
)
# What a headline's "X:" names that is no body: kickers, words that look like acronyms, mixed-case words.
_NOT_SPEAKER = _KICKERS | NOT_ACRONYM | _NOT_MIXED
# An order's title goes on from its author to what it does: "Order of the Harbour Master of the Port of X
# Closing All Public Slipways".
_ORDER_VERB = (
    r"(?:[Dd]irect|[Rr]equir|[Oo]rder|[Ee]xtend|[Aa]mend|[Ii]mpos|[Ee]stablish|[Pp]rohibit|[Ll]imit|[Cc]los|[Ss]uspend|"
    r"[Mm]odify|[Rr]escind|[Dd]eclar|[Ii]mplement|[Rr]estrict|[Aa]llow|[Pp]ermitt|[Aa]uthoriz|[Mm]andat|[Rr]elat)ing\b"
)
# "Order of the Director of Public Health of the City of Springfield": the document names its author.
_ORDER_OF = re.compile(
    rf"\b(?:Order|Directive|Notice|Proclamation|Circular|Guidance|Statement|Memorandum|Advisory|Bulletin|Message|"
    rf"Letter|Announcement|Update|Release)"
    # The name ends at a number, punctuation, a dash before a date, or the subject ("… on COVID-19").
    rf" (?:of|from|by) (?:the )?({BODY})(?=[ \t]+[A-Z]?\d|[,.;:]|[ \t]*(?:\n|$)|[ \t]+[–—|-]"
    rf"|[ \t]+(?:on|regarding|about|concerning)\b|[ \t]+{_ORDER_VERB}|[ \t]+(?:No\.|Number\b|#))"
    # In running text: "a circular from the Ministry of Fisheries instructed …", "new rules issued by MOM".
    rf"|\b(?:circular|directive|notice|order|guidance|guidelines|statement|memo|memorandum|advisory|letter|"
    rf"announcement|press release|rules?|regulations?)[ \t]+(?:issued[ \t]+)?(?:from|by)[ \t]+(?:the[ \t]+)?"
    rf"(?:({BODY})|({ACRONYM})\b)(?=[ \t]*[,.;:(]|[ \t]+[a-z])"
    # A closing line: "By order of the Board of Directors", "By Order of the Governor"; a notice given or signed
    # for a body: "On behalf of the Town Council,", "Notice is hereby given by the Shire Council that …".
    rf"|\b(?:[Bb][Yy] (?:[Oo]rder|[Dd]irection|[Aa]uthority) of|[Oo]n [Bb]ehalf of|[Hh]ereby [Gg]iven by) (?:the )?({BODY})"
    rf"(?=[ \t]*(?:[,.;:]|\n|$)|[ \t]+that\b)"
    # A document owned by its body: "the Ministry of Health's new guidelines require …", "the Health Department's order".
    rf"|(?<![\w’'])(?:[Tt]he[ \t]+)?({BODY})['’]s[ \t]+(?:(?:new|latest|revised|updated|fresh|recent|official)[ \t]+)?"
    rf"(?:statement|notice|order|circular|advisory|guidelines|guidance|rules|regulations|directive|notification|"
    rf"memo|memorandum|announcement|press[ \t]+release|letter|decision)\b"
)
_ORDER_OF_AT = starts_of(_ORDER_OF)
# A body whose head word news style writes in lower case, then its capitalised name: "ministry of Parliamentary
# Affairs", "department of Public Works". Read only as a document's author (_DOCUMENT_OF just before it), and not
# when a person's post follows ("the ministry of Health official said", "the department of Health Minister said").
# "office of" only before "the": without it, a person's office as often ("the office of Jane Doe").
_LOWER_HEAD = re.compile(
    rf"(?<![\w’'-])((?:(?:ministry|department|directorate|bureau|commission)[ \t]+of[ \t]+(?:the[ \t]+)?|"
    rf"office[ \t]+of[ \t]+the[ \t]+)"
    rf"{CAP}(?:[ \t]+(?:(?:and|&|for|of)[ \t]+)?(?!{PERSON_TITLE}|Manager|Officer|Official){CAP}){{0,5}})"
    rf"(?=[ \t]*[,.;:(]|[ \t]+(?!{PERSON_TITLE}|official|officer|spokes)[a-z])"
)
_LOWER_HEAD_AT = starts_of(_LOWER_HEAD)  # tried only where it can start (prefilter.finditer_at)
# The document and its "of"/"from"/"by" right before the author's name, opening its sentence or following a
# dateline ("New Delhi, Nov 3 : An office memorandum of", "A circular issued by the"): a document cited inside
# a sentence ("challenged an order of the department of Revenue") is the sentence's object, not its news.
# Searched over the few characters before a _LOWER_HEAD match only.
_DOCUMENT_OF = re.compile(
    r"(?:\A|(?<=\n)|(?<=[.!?:][ \t])|(?<=[ \t][–—-][ \t]))[ \t]*(?:(?:An?|The|This)[ \t]+)?(?:[a-z]+[ \t]+)?"
    r"(?:[Mm]emorandum|[Cc]ircular|[Nn]otification|[Oo]rder|[Nn]otice|[Aa]dvisory|[Dd]irective|[Ll]etter|"
    r"[Ss]tatement|[Gg]uidelines)[ \t]+(?:(?:issued|released|sent)[ \t]+)?(?:of|from|by)[ \t]+(?:the[ \t]+)?$"
)
_DOCUMENT_OF_REACH = 60
# The author's document speaks or commands right after the name: "… of ministry of Parliamentary Affairs said
# that …", "… (MoPA) has directed …", "…, issued on Monday, said"; a name followed by anything else ("which
# shows", ", saying") is cited.
_DOCUMENT_SAYS = re.compile(
    # Each run of blanks follows a mark (the name's end, a bracket, a comma), so it is read one way only.
    r"(?<![ \t])[ \t]*(?:\([A-Za-z]{2,12}\)[ \t]*)?(?:,[ \t]*(?:issued|dated|released|sent)\b[^,\n]{0,40},[ \t]*)?"
    r"(?:,[ \t]*)?(?:(?:has|had|have)[ \t]+)?"
    rf"(?:{_SPEECH_VERB}|ordered|orders|directed|directs|instructed|instructs)\b"
)


# Lines where a match of _PRESS, _SPOKESPERSON or _ORDER_OF can stand (prefilter.finditer_lines): none of them
# crosses a line break, and each names a body (BODY holds a body word: ORG_WORD), an agency by its field and
# place or, after a document's "from" or "by", an acronym. Most lines of a notice hold none, and each of the
# three patterns is otherwise tried at every capital letter of them. A gate's match only has to be found where it
# starts: starts_of finds that by a scan for its first letters.
def _gate(pattern: str) -> re.Pattern[str]:
    return starts_of(re.compile(pattern)) or re.compile(pattern)


_BODY_GATE = _gate(ORG_WORD)
_PRESS_GATE = _gate(rf"{ORG_WORD}|{PLACE_AGENCY}")
# A document's "from" or "by" before an acronym: its lower-case kinds would make the scan stop at most letters.
_ORDER_OF_GATE = _gate(rf"{ORG_WORD}|(?:from|by)[ \t]+(?:the[ \t]+)?[A-Z]")
# Compiled once: through re's cache a headline's scans cost more than the scans (BODY's long pattern is hashed,
# and recompiled whenever the cache has dropped it).
_TITLE_ACRONYM = re.compile(rf"\b{ACRONYM}\b")
_TITLE_BODY = re.compile(BODY)


def _title_names(title: str) -> set[str]:
    """Acronyms and initials of the bodies a headline names ("CSO: …", "NWB orders …", "Department … publishes")."""
    names = {a for a in _TITLE_ACRONYM.findall(title) if a not in NOT_ACRONYM}
    for m in _TITLE_BODY.finditer(title):
        names |= initials(clean(m.group(0)))
    return names


# A person's title with no body after it, maybe qualified ("Acting Director", "COMMISSIONER (ACTING)",
# "Secretary General"): a body word such as "Commissioner" or "Officer" names an office only with more words.
_TITLE_ONLY = re.compile(
    rf"^(?i:(?:acting|deputy|assistant|associate|interim|senior|principal|joint|additional|special|chief)[ \t]+)*"
    rf"(?i:{PERSON_TITLE}|officer)(?i:[ \t]+general)?(?:[ \t]*\((?i:acting|interim|officiating|offg\.?|i/?c|"
    rf"in[ \t]+charge)\))?$"
)
# A numbered document read as a name ("Executive Order N-33-20 ordering …": "Executive" is a body's word).
_NUMBERED_DOCUMENT = re.compile(
    r"\b(?i:order|circular|notice|memorandum|proclamation|directive|bulletin|release|advisory|notification)s?"
    r"[ \t]+(?:(?i:no\.?|number|#)[ \t]*)?[A-Z]{0,3}-?\d"
)


def en_issuer(title: str, text: str, signed: str | None = None) -> str | None:
    """The issuing body, preferring one the headline names, else the first of: a header line, the
    press-release subject, a spokesperson's body, "Order of the X", the letterhead, a body introduced with
    its acronym, the signature, an acronym subject.
    """
    wanted = _title_names(title)
    first: str | None = None
    headline_only: str | None = None
    flat = " ".join(text.split())  # a name may be broken across lines
    for name in _candidates(title, text, signed):
        if name.endswith(("'s", "’s")):
            # "an order from the District Magistrate's office": the office, when the text names it so.
            office = re.search(re.escape(name) + r"[ \t]+([Oo]ffice)\b", flat)
            if office is None:
                continue
            name = f"{name} {office.group(1)}"
        # A body needs a name: "Agency requires …" or "Department says …" in a headline names no one.
        if " " not in name and not name.isupper() and not (_MIXED.fullmatch(name) and name not in _NOT_MIXED):
            continue
        # A signer's title alone ("COMMISSIONER (ACTING)", "Deputy Secretary") names a post, not its body.
        if _TITLE_ONLY.match(name) or _NUMBERED_DOCUMENT.search(name):
            continue
        name = _with_prefix(_in_text_spelling(name, flat), text)
        if _FOUNDED_BY.fullmatch(name):
            continue  # "Smith's Hospital", "London's University": a founder's or a place's, the body unnamed
        if wanted and not (
            name in wanted or any(abbreviates(w, name) or reorders(w, name) for w in wanted if w.isupper())
        ):
            first = first or name
        elif name in flat or not flat:
            return name
        else:
            # Named by the headline alone: the body the text itself names, if any, is the one it writes.
            headline_only = headline_only or name
    return first or headline_only


# The abbreviated word an institution named after a person or a place opens with ("Dr. Jane Doe Memorial
# Hospital", "St. Mary's College", "Mt. Hood Community College"): a capital word's pattern stops at its dot.
_PREFIX = re.compile(r"(?<![\w.])(?:Dr|St|Mt|Ft)\.[ \t]?\Z")
# What stands before it: only a line's or a clause's start or an article. After a word it is an address's
# "Street" or "Drive" ("12 Oak St. Springfield Town Council") or no name's part ("Meeting with St. Springfield
# Town Council"). Searched in a window of a few characters.
_PREFIX_AFTER = re.compile(r"(?:[\n.!?;:,(\"“]|(?<![\w’'])[Tt]he|THE)[ \t]*\Z")


# An institution named by one word's possessive (bodies_en.clean keeps it whole): a body's name only after a
# saint's "St." (_with_prefix adds it) or as a monarch's ("Queen's College"); else a founder's or a place's.
_FOUNDED_BY = re.compile(rf"(?!(?:Queen|King)['’]s)[A-Z][a-z]+['’]s[ ]{NAMED_AFTER_WORD}")


def _with_prefix(name: str, text: str) -> str:
    """The name with the "Dr."/"St."/"Mt."/"Ft." the text writes right before it on its line; only a name of
    several words ("Dr. Jane Doe" alone is a person's, and no body)."""
    if " " not in name or "." not in text:
        return name
    at = text.find(name)
    while at > 0:
        m = _PREFIX.search(text, max(0, at - 4), at)
        if m is not None and (
            not text[: m.start()].strip(" \t") or _PREFIX_AFTER.search(text, max(0, m.start() - 6), m.start())
        ):
            return " ".join(text[m.start() : at].split()) + (" " if text[at - 1] in " \t" else "") + name
        at = text.find(name, at + 1)
    return name


def _in_text_spelling(name: str, text: str) -> str:
    """The name as the text (its blanks squeezed) spells it when only the headline wrote it so ("US Department of Labor" in the
    headline, "U.S. Department of Labor" in the text): the same words, dots, case and spacing aside."""
    if name in text:
        return name
    parts = []
    for word in name.replace(".", "").split():
        # Each letter of a short initialism may carry a dot ("US" → "U.S.").
        short = word.isupper() and len(word) <= 4
        parts.append("".join(re.escape(c) + r"\.?" for c in word) if short else re.escape(word))
    if not parts:
        return name
    m = re.search(r"(?<![\w.])" + " ".join(parts) + r"(?!\w)", text, re.IGNORECASE)
    return m.group(0) if m and m.group(0).isupper() == name.isupper() else name


def _candidates(title: str, text: str, signed: str | None) -> Iterator[str]:
    """Names of bodies in the order of how surely each form names the issuer (generated lazily: cheap)."""
    head = text[:3000]
    for m in _HEADER.finditer(head):
        if not among_person_fields(head, m.start(), m.end()):
            yield _and_named(clean(m.group(1)), head[m.end(1) :].split("\n", 1)[0])
    for m in _HEADER_SIGNER.finditer(text if len(text) <= 3000 else head + "\n" + text[-1000:]):
        if not _POST.match(name := clean(m.group(1))) and not _MEDIA.search(name):
            yield name
    for m in _DOC_BYLINE.finditer(head):
        yield clean(m.group(1))
    for m in _MESSAGE_FROM.finditer(head) if "from" in head else ():  # its one fixed word
        yield clean(m.group(1))
    for m in _AGENCY_LINE.finditer(head):
        bodies = [b for part in m.group(2).split(",") if (b := _line_body(part.strip(" .;"), text))]
        if bodies:
            yield bodies[-1] if m.group(1).lower().endswith("ies") else bodies[0]
    # A source the text cites ("according to the X") names the body a report's lead relays; under a letterhead or
    # over a signature, or deeper in the text, it is a third party's figure or claim: read after both, lead only.
    cited: list[str] = []
    lead = _lead_end(head)
    for source in (head, title):
        # A body that issues or orders outranks one that only speaks ("The WHO said …; the Ministry ordered …").
        said: list[str] = []
        for m in finditer_lines(_PRESS_AT, _PRESS, _PRESS_GATE, source):
            name = clean(m.group(1) or m.group(3) or m.group(4) or m.group(5))
            if m.group(4):
                if source is title or m.start() < lead:
                    cited.append(name)
                continue
            if (
                m.group(1)
                and source is title
                and _HEADLINE_PASSIVE.fullmatch(source, m.end(1), _word_end(source, m.end()))
            ):
                continue  # "Acme Ltd fined for …": a headline's passive, the body acted on
            # A courtesy ("The X wishes to inform …") or a present passive ("is hereby informed by the X") may be
            # a third party's message the writer passes on ("Northern Water wishes to inform residents …" under
            # a council's letterhead): ranked with the cited sources, after letterhead, "From:" and signature.
            if m.group(3) and _NOTIFIED_BY.search(m.group(0)):
                cited.append(name)
                continue
            if m.group(1) and _COURTESY.search(m.group(0)):
                if not _courtesy_not_own(source is head, m.start(), lead, name):
                    cited.append(name)
                continue
            if m.group(1) and _passive(source, m):
                continue  # "All District Officers are instructed to …": those the notice addresses
            if m.group(1) and _REFERRING_HEAD.match(name):
                continue  # "Any Regional Transport Office can issue …": one office of many, not the writer
            if m.group(1):
                # A body named before an aside acts only as the clause's subject, not as a preposition's object
                # ("Workers at the Port Authority, who went on strike, said").
                if _ASIDE.search(m.group(0), m.end(1) - m.start()) and not _CLAUSE_START.search(
                    source, 0, m.start()
                ):
                    continue
                name = _office_of(source, m.start(1), name)
            # "The Lands Department and the Harbour Revenue Service jointly said": two bodies.
            names = _JOINT.split(name) if _JOINT.search(name) else [name]
            if len(names) > 1 and not all(ORG_WORD_ANY.search(n) for n in names):
                names = [name]
            if m.group(3) or (m.group(1) and _ISSUING.search(m.group(0))):
                yield from names
            else:
                said.extend(names)
        if source is head:
            # News style may write the body's head word in lower case: "An office memorandum of ministry of
            # Parliamentary Affairs said" names its author as the text writes it. After a body that issues or
            # orders ("The Ministry of Health today announced …"), before one that only speaks: "said" would
            # otherwise give the name's capitalised tail ("Parliamentary Affairs said").
            for m in finditer_at(_LOWER_HEAD_AT, _LOWER_HEAD, head):
                if _DOCUMENT_SAYS.match(head, m.end()) and _DOCUMENT_OF.search(
                    head, max(0, m.start() - _DOCUMENT_OF_REACH), m.start()
                ):
                    yield m.group(1)
            yield from _dated_subject(head, title)
        yield from said
        for m in finditer_lines(_SPOKESPERSON_AT, _SPOKESPERSON, _BODY_GATE, source):
            at = m.start(1) if m.group(1) else m.start(2) if m.group(2) else m.start(3)
            # "A Ministry of Health spokesperson said": the article is no part of the name.
            yield _office_of(source, at, _ARTICLE.sub("", clean(m.group(1) or m.group(2) or m.group(3))))
        for m in finditer_at(_ANAPHOR_AT, _ANAPHOR, source):
            if found := antecedent(source[max(0, m.start() - 1500) : m.start()], m.group(1)):
                yield found
        for m in finditer_lines(_ORDER_OF_AT, _ORDER_OF, _ORDER_OF_GATE, source):
            if m.group(3) is None:
                # A body's own document is the sentence's subject ("The Ministry's new rules require …"), not the
                # object of another's act ("The High Court overturned the Education Department's decision").
                if m.group(5) and not _OWN_DOCUMENT_AT.search(source, 0, m.start()):
                    continue
                name = clean(m.group(1) or m.group(2) or m.group(4) or m.group(5))
                yield _fuller(name, head) or name
            elif m.group(3) not in NOT_ACRONYM:
                yield spelled(m.group(3), text) or m.group(3)
    # An order's title set in capitals: "ORDER OF THE HARBOUR MASTER OF THE PORT OF X CLOSING …".
    # A header line "ORDER OF THE HARBOUR MASTER NO. H-12" may stand above the title naming the officer in full.
    authors = [
        clean(line[order.start(1) : order.end(1)])
        for line in [title, *head.split("\n", 6)[:6]]
        if line.isupper()
        and len(line) <= 300
        and (order := _ORDER_OF.search(titled(line)))
        and order.group(1)
    ]
    for name in authors:
        name = max((a for a in authors if a.startswith(name)), key=len)
        yield as_written(name, text) or name
    # A page's furniture ("Home > News", "Print | Share") and the headline repeated above the notice push a
    # letterhead down and a signature up: read the notice's own lines.
    lines = skip_furniture([ln for ln in head.split("\n") if ln.strip()], title)
    # Letterheads go from the parent body down to the unit that writes ("GOVERNMENT OF VELAND / MINISTRY OF
    # WATERWAYS"): the lowest of the consecutive body lines at the top is the issuer.
    letterheads: list[str] = []
    # Under a file number ("No. 24017/3/2011-Adm"), a mark ("REGISTERED") or a date, at most a few lines down.
    for line in lines[:6]:
        if (letterhead := _line_body(line, text)) is not None:
            letterheads.append(letterhead)
        elif letterheads or _SENTENCE_LINE.search(line):
            break  # the body has begun: a short notice's signature is no letterhead
    # A government under its unit ("Office of the Chief Secretary / Government of Veland") is the parent printed
    # below it: the units come first, lowest first.
    yield from sorted(letterheads[::-1], key=is_parent_government)  # stable
    # A memo's "From:" names its writer, a person maybe, under no letterhead: "From: President Jane Doe".
    if _MEMO_TO.search(head):
        for m in _MEMO_FROM.finditer(head):
            yield " ".join(m.group(1).split())
    if suffix := _title_suffix(title, text):
        yield suffix
    for source in (title, head):
        for m in acronymed_in(source):
            if not _referred_to(source, m.start(), m.group(1)):
                yield clean(m.group(1))
        for m in spelled_in(source):
            # Only a body's name: "Spread of Leaf Blight of Unknown Origin (LBU)" in a headline is none.
            if (
                m.group(2) not in NOT_ACRONYM
                and not _referred_to(source, m.start(), m.group(1))
                and (found := spelled_tail(m.group(1), m.group(2), True))
            ):
                yield found
    if signed:
        yield clean(signed)
    tail = (
        lines if len(text) <= 3000 else skip_furniture([ln for ln in text[-1000:].split("\n") if ln.strip()])
    )
    # A government signs under its unit ("Department of Finance / Government of Veland"), as a letterhead stacks
    # them: the unit's line first.
    parents: list[str] = []
    for line in reversed(_signature_lines(tail)):
        if len(line) <= 200 and (undated := _SIGNATURE_DATE.sub("", line)) != line and undated.strip():
            line = undated  # "Department of Finance | 5 January 2023": the name without its date
        if signature := _line_body(line, text) or _titled_body(line, text):
            if is_parent_government(signature):
                parents.append(signature)
                continue
            yield signature
        elif (dash := _DASH_ACRONYM.match(line)) and dash.group(2) not in NOT_ACRONYM:
            yield dash.group(1)  # as signed, article and all: "-The CPA"
        elif (post := _POST_OF.search(line)) and (body := _POST_BODY[post.group(1)].search(text)):
            yield clean(body.group(0))  # "…, Municipal Manager": the municipality the text names
    yield from parents
    for line in tail[-2:]:
        if found := _run_on_signature(line, text):
            yield found
    foot = text[-1000:]
    if _BY_ORDER.search(foot):  # the full pattern is costly: only where its closing words are
        for m in _ORDER_OF.finditer(foot):
            if m.group(4):
                yield clean(m.group(4))
    elif "BY ORDER OF" in foot:
        # A closing set in capitals ("BY ORDER OF THE BOARD OF PUBLIC WORKS"): read title-cased, named as the
        # line writes it (a letterhead in capitals likewise keeps them).
        for line in foot.split("\n"):
            # The line opens with the words: mid-line they close a sign's notice ("SHOPS CLOSED BY ORDER OF THE
            # HEALTH DEPARTMENT UNTIL FURTHER NOTICE"), whose tail is no name.
            if line.lstrip(" \t").startswith("BY ORDER OF") and line.isupper() and len(line) <= 200:
                read = titled(line)
                for m in _ORDER_OF.finditer(read):
                    # A whole name, not a word alone that capitals would pass for an acronym ("BY ORDER OF THE COURT").
                    if (
                        m.group(4)
                        and " " in (name := clean(line[m.start(4) : m.end(4)]))
                        # The closing line names the body alone ("… IN CASE 12" is a court's file, not its name).
                        and not line[m.end(4) :].strip(" .,;:")
                    ):
                        yield name
    yield from cited
    # A body in its own voice, after any letterhead or signature the text has.
    yield from _own_voice(title, text)
    for source in (text[-1000:], head):
        # Tried at every line's and sentence's start, the pattern costs more than a look for its label first.
        for m in _CONTACT.finditer(source) if _has_contact_label(source) else ():
            if not _POST.match(name := clean(m.group(1))) and not _CONTACT_POST.search(name):
                yield name
            elif body := _CONTACT_NEXT.match(source, m.end(1)):
                # The contact's post ("Public Information Officer") stands before the body it works for.
                yield clean(body.group(1))
    # After a release's end mark ("###", "-30-") its boilerplate opens with the body that issued it.
    if (end := _END_MARK.search(text[-1500:])) and (about := _BOILERPLATE.match(text[-1500:], end.end())):
        yield clean(about.group(1))
    for source in (head, title):
        for m in finditer_at(_ACRONYM_SUBJECT_AT, _ACRONYM_SUBJECT, source):
            acronym = m.group(1) or m.group(2)
            if m.group(1) and _passive(source, m):
                continue
            if m.group(2) and source is head and m.start() >= lead:
                continue  # "…, according to ILO." deeper in the text: a third party's figure (`cited` above)
            if (
                m.group(1)
                and _COURTESY.search(m.group(0))
                and _courtesy_not_own(source is head, m.start(), lead, acronym)
            ):
                continue
            if (
                acronym not in NOT_ACRONYM
                and acronym not in _NOT_MIXED
                and not (m.start() == 0 and source is head and _is_dateline(head))
            ):
                yield spelled(acronym, text) or acronym
    # Last, what a page's foot says of its owner, when the notice names its body nowhere else: a header-style
    # field pushed down by a long text ("Source: …"), the owner line ("© 2026 Springfield Water Authority",
    # "This page is maintained by …") and the body to ask ("For more information, contact the … at …").
    if len(text) > len(head):
        for m in _HEADER.finditer(foot):
            if not among_person_fields(foot, m.start(), m.end()):
                yield clean(m.group(1))
        for m in _FOOT_ISSUED.finditer(foot):
            yield clean(m.group(1))
    for m in _FOOT_OWNER.finditer(foot):
        name = clean(m.group(1) or m.group(2))
        if _MEDIA.search(name):
            continue
        # A company's copyright is the site's owner, a news portal's or a vendor's ("© 2026 Example Inc."); a
        # desk to contact ("the Customer Service Centre") is the issuer's only when it names a body.
        if (m.group(1) and _CORPORATE.search(name)) or (m.group(2) and not _CONTACT_BODY.search(name)):
            continue
        yield name
    # Last of all, the weakest forms: a headline's body before a colon ("MOM: Employers must …") and a government
    # named by its place in news style ("the Delhi government has ordered …").
    speaker = _TITLE_SPEAKER.match(title)
    if speaker and (acronym := speaker.group(1)) not in _NOT_SPEAKER:
        # A kicker ("DEADLINE:", "FYI:", "Q&A:") is no body: the acronym counts only when the text spells it out
        # or has it act as a body does ("MOM has issued …").
        if found := spelled(acronym, text):
            yield found
        elif re.search(rf"(?<![\w’'-]){re.escape(acronym)}(?:['’]s)?,?[ \t]+{_WHEN}{_AUX}{_VERB}", text):
            yield acronym
    if len(title) <= 300:
        yield from _title_placed(title, text)
    if "government" in head or "administration" in head:
        for government in _PLACE_GOVERNMENT.finditer(head):
            # The subject, not a preposition's object ("Critics of the Trump administration said"), after a
            # place-like word, not a time word ("Yesterday government announced").
            name = government.group(1)
            words = name.split()
            if (
                words[0] not in _NOT_PLACE
                # No word of the place a time word or a sentence's opener: "On Monday district administration".
                and not any(_TIME_WORD.match(word) or word in _OPENERS for word in words)
                and not _PREPOSITION.search(head, 0, government.start())
            ):
                yield name


# A body the notice sends its readers to, one of many offices of its kind: "pay at the nearest Revenue District
# Office (RDO)", "your local Social Security Office (SSO)", "the concerned Regional Office (RO)": a branch, not the
# body that writes (searched with its end bound at the name's start).
# The words shared by both: "any", "nearest", "respective", "concerned" (capitalised where they open a name).
_REFERRING_WORDS: tuple[str, ...] = ("any", "nearest", "respective", "concerned")
_REFERRED_TO = re.compile(rf"\b(?:{'|'.join(_REFERRING_WORDS)}|local)[ \t]+\Z")
# The same words opening a sentence are read into the name ("Any Regional Transport Office (RTO) can …"), as is
# "Each"/"Every" (an office of many); "Local" may open a body's own name ("Local Government Association") and "Your"
# a body's name for itself ("Your Town Council has approved …"), so neither is among them.
_REFERRING_HEAD = re.compile(rf"(?:{'|'.join(w.capitalize() for w in _REFERRING_WORDS)}|Each|Every)[ \t]")


# A headline's passive: a body and a bare past participle ("Acme Ltd fined for …", "School ordered to close"),
# without the auxiliary a headline leaves out; read from the name's end to the verb's.
_HEADLINE_PASSIVE = re.compile(r",?(?<![ \t])[ \t]+[a-z]+ed")
_WORD_REST = re.compile(r"\w*")


def _word_end(source: str, at: int) -> int:
    """Where the word running through `at` ends."""
    m = _WORD_REST.match(source, at)
    return m.end() if m else at


# A courtesy before a body's act (_AUX): a notice's writer opening its text, or a contractor's or another party's
# further down ("Acme Builders Ltd wishes to inform residents …" in a council's notice).
_COURTESY = re.compile(rf"\b{_COURTESY_WORDS}[ \t]")


def _courtesy_not_own(in_head: bool, start: int, lead: int, name: str) -> bool:
    """Whether a body's courtesy ("X wishes to inform …") is not the writer's: a company's, or below the lead."""
    return (
        _COMPANY.search(name) is not None
        or _CORPORATE.search(name) is not None
        or (in_head and start >= lead)
    )


# A present passive's informing verb (_PRESS): the body the readers are told by.
_NOTIFIED_BY = re.compile(r"(?:informed|notified|advised|reminded) by")
# A line above the lead that ends as a sentence but is none of its text: a byline ("By Jane Doe, Staff Writer."),
# a page's date line ("Published 3 March 2026."), and a standfirst shorter than a lead's sentence ("Jobless
# rate at two-year low.").
_NOT_LEAD = re.compile(r"[ \t]*(?:By|Published|Posted|Updated|Last updated|Issued|Released|Dated)\b")
_LEAD_WORDS = 8


def _lead_end(head: str) -> int:
    """Where a text's lead ends: after its first line that ends as a sentence does (a letterhead, a page's
    furniture or a dateline's date above it belong to no sentence; nor a byline, a date line or a short
    standfirst, _NOT_LEAD); the whole head when none does."""
    at = 0
    for line in head.split("\n"):
        at += len(line) + 1
        if _SENTENCE_LINE.search(line) and not _NOT_LEAD.match(line) and len(line.split()) >= _LEAD_WORDS:
            return at
    return len(head)


def _referred_to(source: str, start: int, name: str) -> bool:
    """Whether a body named with its acronym at start is one the notice sends its readers to."""
    return (
        _REFERRING_HEAD.match(name) is not None
        or _REFERRED_TO.search(source, max(0, start - 24), start) is not None
    )


def _title_placed(title: str, text: str) -> Iterator[str]:
    """A body a headline names by its place alone: before its colon ("Springfield Police Department: Winter
    parking ban"). The piece must be a body's whole name (no person, place or group: "Jane Doe:", "India:").
    A body after a closing "from"/"by" or owning the matter ("… from the European Commission", "Harvard
    University's new policy draws criticism") is as often the news's subject as its issuer, so neither counts."""
    if ":" not in title:
        return
    body = _line_body(title.split(":", 1)[0], text)
    # A whole name ending on its body word or its "… of Y" only: an event or a thing named after a body
    # ("Police Department Open House:", "Water Board Meeting:", "Council Tax:") is none.
    if (
        body is not None
        and not _SOVEREIGN.match(body)
        and _WHOLE_NAME.fullmatch(body)
        and _body_shaped(body)
        and _BODY_NAMED.search(body)
    ):
        yield body


# "The Delhi government has ordered", "the Biden administration announced": capitalised place or leader, then
# the word in lower case.
# Its level may stand between, a district's place in up to three words: "The Gautam Buddh Nagar district
# administration on Sunday ordered", "the Delhi state government has issued".
_PLACE_GOVERNMENT = re.compile(
    rf"(?<![\w’'])(?:[Tt]he[ \t]+)?((?:[A-Z][a-z]+[ \t]+){{1,3}}(?:(?:district|state|city|municipal|county|divisional)"
    rf"[ \t]+)?(?:government|administration))[ \t]+{_WHEN}{_AUX}{_VERB}"
)
# Capitalised words before "government" that are no place: sentence openers and kinds of government.
_NOT_PLACE = frozenset(
    {
        "The",
        "This",
        "That",
        "Our",
        "Your",
        "Their",
        "Its",
        "Local",
        "State",
        "Federal",
        "Central",
        "National",
        "City",
        "County",
        "Municipal",
        "Provincial",
        "Regional",
        "New",
        "Previous",
        "Current",
        "Interim",
        "Any",
        "Every",
        "Each",
    }
)
# Capitalised words that open a sentence before a place could: "On Monday, district administration …".
_OPENERS = frozenset(
    {
        "On",
        "In",
        "At",
        "After",
        "Before",
        "Meanwhile",
        "However",
        "Also",
        "But",
        "And",
        "So",
        "Then",
        "Under",
        "For",
        "With",
        "From",
        "By",
        "Per",
        "Through",
        "Following",
        "Despite",
        "During",
        "As",
    }
)
# A government press release opens with its body acting "today" and the day in brackets: "Hongkong Post
# announced today (February 21) …", "The Water Supplies Department today (Monday) reminded …". The bracketed
# day marks the release's own opening, so the subject is read with a body word _PRESS's bodies miss ("Post") or
# an acronym (the words of a place, a person or a post are refused in _dated_subject). Only from a clause's start: a name's words
# hold no comma, so each start's scan ends at the next one (linear).
_BRACKET_DAY = rf"(?:today|yesterday)[ \t]+\((?:{YEARLESS_DATE}|{WEEKDAY})\)"
# Its object may stand before the day: "urged the public today (March 5) to …".
# Only a body's acts of telling and issuing: an event also "begins today (March 5)", "opens today (Monday)",
# and a person "said" (a body's name with a body word is read by _PRESS with every verb).
_DATED_VERB = rf"(?:{_ISSUING_STEMS}|remind|urg|advis|appeal|warn|alert|notif|inform|declar|reiterat|clarif|introduc)\w*"
_DATED_OPENING = re.compile(
    rf"(?:^|(?<=[.;:,])[ \t]|(?<=\n))[ \t]*(?:[Tt]he[ \t]+)?((?:[A-Z][\w&’'-]*[ \t]+){{0,4}}?[A-Z][\w&’'-]*)[ \t]+"
    rf"(?:{_BRACKET_DAY},?[ \t]+{_AUX}{_DATED_VERB}|{_AUX}{_DATED_VERB}(?:[ \t]+[a-z]+){{0,3}}[ \t]+{_BRACKET_DAY})"
)
# Words that make the subject a person or a post: an honorific, a title ("The Secretary for Security, Mr …").
_PERSON_WORD = re.compile(rf"^(?:{HONORIFIC}|{PERSON_TITLE})\.?$")
# An honorific right before the subject's start: "Mr. Peter Wong announced" (its dot reads as a clause's end).
_HONORIFIC_BEFORE = re.compile(rf"(?<![\w’']){HONORIFIC}\.?[ \t]*\Z")
# A body's evidence in the subject: a body word ("Veland Post", "Coastal Rail Corporation") or an acronym; a bare
# name of two words is a person's or a place's ("Donald Trump", "New Zealand").
_BODY_EVIDENCE = re.compile(r"\bPost\b|\b[A-Z]{2,}\b")


def _dated_subject(head: str, title: str) -> Iterator[str]:
    """The subject of a release's bracket-dated opening (_DATED_OPENING): a name of two words or more, none a
    person's, a post's, a time's or an opener's, with no honorific right before it and a body word or an acronym
    in it (_BODY_EVIDENCE), that the text or headline names again the same way (a body is
    named in full each time, a person next by honorific and surname) and never as the start of a longer name
    (a place: "Hong Kong Observatory")."""
    if "y (" not in head:
        return
    for m in _DATED_OPENING.finditer(head):
        name = m.group(1)
        words = name.split()
        if (
            len(words) < 2
            or any(_PERSON_WORD.match(w) or _TIME_WORD.match(w) or w in _OPENERS for w in words)
            or _HONORIFIC_BEFORE.search(head, max(0, m.start(1) - 12), m.start(1))
            or not (ORG_WORD_ANY.search(name) or _BODY_EVIDENCE.search(name))
        ):
            continue
        again = [
            a.end()
            for source in (title, head)
            for a in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w’'-])", source)
            if source is title or a.start() != m.start(1)
        ]
        if again and not any(re.match(r"[ \t]+[A-Z]", s[e : e + 3]) for s in (title, head) for e in again):
            yield name


# News style names a body in full once, then as "the ministry": "The ministry has sent out a warning".
_ANAPHOR_WORDS = (
    "ministry|department|agency|office|bureau|commission|council|authority|board|administration|service|"
    "committee|division|directorate|inspectorate|regulator|county|city"
)
_ANAPHOR = re.compile(rf"(?<![\w’'])[Tt]he[ \t]+({_ANAPHOR_WORDS})[ \t]+{_WHEN}{_AUX}{_VERB}")
_ANAPHOR_AT = starts_of(_ANAPHOR)
# Two bodies acting together, each with its article: "the Lands Department and the Harbour Revenue Service".
_JOINT = re.compile(r"\s+and\s+the\s+")


def _fuller(name: str, text: str) -> str | None:
    """The name in full where the text spells it so: "Order of the Health Officer No. H-12" names "the Health
    Officer of the Town and Port of Norvale" further on."""
    tail = rf"((?:[ \t]+(?:{LINK}[ \t]+)+{CAP}(?:[ \t]+{CAP}){{0,3}}){{1,4}})"
    best: str | None = None
    for m in re.finditer(rf"(?<![\w’']){re.escape(name)}{tail}", text):
        full = clean(m.group(0))
        if best is None or len(full) > len(best):
            best = full
    return best


# An office named after its holder's title: "Director General of Health Services", "Secretary of the Board".
_OFFICE_BEFORE = re.compile(
    rf"(?:^|(?<=[ \t]))((?:[A-Z][a-z]+[ \t]+)?{PERSON_TITLE}(?:[ \t]+General)?[ \t]+of[ \t]+(?:the[ \t]+)?)$"
)


def _office_of(source: str, start: int, name: str) -> str:
    """The name with the office its text puts before it ("Director General of" + "Health Services"), if any."""
    if start == 0 or not (m := _OFFICE_BEFORE.search(source, max(0, start - 40), start)):
        return name
    # "The Chairman of the County Board held", "Jane Doe, Secretary of the Tenants Union, convened": a person
    # holding a post in the body, which is the issuer; an office is named without "the" ("Director General of").
    if re.search(r"\bthe[ \t]+$", m.group(1)):
        return name
    return f"{' '.join(m.group(1).split())} {name}"


def _is_dateline(text: str) -> bool:
    """Whether text opens with an all-capital dateline ("WASHINGTON —"), whose city is no acronym."""
    return bool(re.match(r"^[A-Z]{2,}(?:\s+[A-Z]{2,})*\s*(?:,|[–—-])", text))
