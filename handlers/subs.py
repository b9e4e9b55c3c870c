"""Subscriptions from the chat: /subscribe, /unsubscribe, /mysubs, /filter, /digest, /timezone."""

from __future__ import annotations

import re
from functools import cache
from zoneinfo import available_timezones

from telegram import Chat, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError

from bot.i18n import Language, t
from bot.models import MAX_KEYWORD_LENGTH, MAX_KEYWORDS, Source, Subscription
from handlers.common import (
    Context,
    answer,
    esc,
    find_source,
    is_chat_admin,
    lang_of,
    may_change_chat,
    number,
    say,
    send,
)
from handlers.reminders import follow_zone

__all__ = [
    "cmd_digest",
    "cmd_filter",
    "cmd_mysubs",
    "cmd_subscribe",
    "cmd_timezone",
    "cmd_unsubscribe",
    "on_subs_button",
    "subscribe_by_name",
]

PER_PAGE = 8
DEFAULT_DIGEST_AT = "08:00"  # when a subscription is switched to digest by button, before /digest HH:MM
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$", re.ASCII)


def _name(sub_source: str | None, lang: Language) -> str:
    return sub_source if sub_source is not None else t("sources.all", lang)


async def _resolve(update: Update, context: Context, name: str) -> tuple[bool, int | None, str]:
    """A source name (or 'all') -> (found, source id or None for all, display name); tells the user if not."""
    if name.lower() in ("all", "全部"):
        return True, None, t("sources.all", await lang_of(update, context))
    source = await find_source(update, context, name)
    if source is None:
        return False, None, name
    return True, source.id, source.name


async def subscribe_by_name(
    update: Update, context: Context, name: str, *, chat_id: int | None = None
) -> None:
    """Subscribe this chat (or chat_id) to a source by name, replying with the outcome."""
    found, source_id, display = await _resolve(update, context, name)
    if not found:
        return
    chat = update.effective_chat
    assert chat is not None
    target = chat_id if chat_id is not None else chat.id
    created = await context.services.store.subscribe(target, source_id)
    await say(update, context, "sub.done" if created else "sub.already", name=display)


def _sources_keyboard(sources: list[Source], page: int, lang: Language) -> InlineKeyboardMarkup:
    start = page * PER_PAGE
    rows = [
        [InlineKeyboardButton(s.name, callback_data=f"sub:{s.id}")] for s in sources[start : start + PER_PAGE]
    ]
    if page == 0:
        rows.insert(0, [InlineKeyboardButton(t("sources.all", lang), callback_data="sub:all")])
    nav = []
    if page > 0:
        nav.append(InlineKeyboardButton(t("page.prev", lang), callback_data=f"srcp:{page - 1}"))
    if start + PER_PAGE < len(sources):
        nav.append(InlineKeyboardButton(t("page.next", lang), callback_data=f"srcp:{page + 1}"))
    if nav:
        rows.append(nav)
    return InlineKeyboardMarkup(rows)


async def cmd_subscribe(update: Update, context: Context) -> None:
    """/subscribe [source|all] — or /subscribe @channel source from a private chat."""
    args = context.args or []
    if args and args[0].startswith("@"):
        await _subscribe_channel(update, context, args)
        return
    if not await may_change_chat(update, context):
        return
    if args:
        await subscribe_by_name(update, context, args[0])
        return
    lang = await lang_of(update, context)
    sources = [s for s in await context.services.store.list_sources() if s.active]
    if not sources:
        await say(update, context, "sources.none")
        return
    await send(update, context, t("sources.pick", lang), keyboard=_sources_keyboard(sources, 0, lang))


async def _subscribe_channel(update: Update, context: Context, args: list[str]) -> None:
    """Subscribe a channel the user and the bot both administer."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None or chat.type != Chat.PRIVATE or len(args) < 2:
        await say(update, context, "sub.channel_usage")
        return
    handle = args[0]
    try:
        channel = await context.bot.get_chat(handle)
    except TelegramError:
        await say(update, context, "sub.channel_denied", channel=handle)
        return
    if not (
        await is_chat_admin(context, channel.id, user.id)
        and await is_chat_admin(context, channel.id, context.bot.id)
    ):
        await say(update, context, "sub.channel_denied", channel=handle)
        return
    found, source_id, display = await _resolve(update, context, args[1])
    if not found:
        return
    store = context.services.store
    context.chat_changed(channel.id, await store.upsert_chat(channel.id, "channel", channel.title or handle))
    await store.subscribe(channel.id, source_id)
    await say(update, context, "sub.channel_done", channel=handle, name=display)


async def cmd_unsubscribe(update: Update, context: Context) -> None:
    """/unsubscribe [source|all]; without an argument, buttons for the chat's subscriptions."""
    if not await may_change_chat(update, context):
        return
    chat = update.effective_chat
    assert chat is not None
    store = context.services.store
    args = context.args or []
    if args:
        found, source_id, display = await _resolve(update, context, args[0])
        if found:
            removed = await store.unsubscribe(chat.id, source_id)
            await say(update, context, "unsub.done" if removed else "unsub.none", name=display)
        return
    lang = await lang_of(update, context)
    subs = await store.list_subscriptions(chat.id)
    if not subs:
        await say(update, context, "mysubs.none")
        return
    rows = [
        [InlineKeyboardButton(_name(s.source_name, lang), callback_data=f"uns:{s.source_id or 'all'}")]
        for s in subs
    ]
    await send(update, context, t("unsub.pick", lang), keyboard=InlineKeyboardMarkup(rows))


def _describe(sub: Subscription, lang: Language) -> str:
    parts = [f"• <b>{esc(_name(sub.source_name, lang))}</b>"]
    if sub.include:
        parts.append(f"{t('mysubs.include', lang)}: {esc(', '.join(sub.include))}")
    if sub.exclude:
        parts.append(f"{t('mysubs.exclude', lang)}: {esc(', '.join(sub.exclude))}")
    mode = (
        t("mysubs.digest", lang, time=sub.digest_at or "")
        if sub.mode == "digest"
        else t("mysubs.instant", lang)
    )
    parts.append(esc(mode))
    return " — ".join(parts)


async def _mysubs_view(update: Update, context: Context) -> tuple[str, InlineKeyboardMarkup | None]:
    chat = update.effective_chat
    assert chat is not None
    lang = await lang_of(update, context)
    subs = await context.services.store.list_subscriptions(chat.id)
    if not subs:
        return t("mysubs.none", lang), None
    text = "\n".join([t("mysubs.title", lang), *(_describe(s, lang) for s in subs)])
    record = await context.stored_chat(chat.id)
    if record is not None and record.quiet:
        text += "\n" + esc(t("mysubs.quiet", lang, window=record.quiet, tz=record.timezone))
    rows = []
    for s in subs:
        key = s.source_id or "all"
        name = _name(s.source_name, lang)
        to_digest = s.mode == "instant"
        rows.append(
            [
                InlineKeyboardButton(t("mysubs.remove", lang, name=name), callback_data=f"uns:{key}"),
                InlineKeyboardButton(
                    t("mysubs.to_digest" if to_digest else "mysubs.to_instant", lang, name=name),
                    callback_data=f"mode:{key}:{'d' if to_digest else 'i'}",
                ),
            ]
        )
    return text, InlineKeyboardMarkup(rows)


async def cmd_mysubs(update: Update, context: Context) -> None:
    """List the chat's subscriptions with their filters and mode, with buttons to change or remove them."""
    text, keyboard = await _mysubs_view(update, context)
    await send(update, context, text, keyboard=keyboard)


async def on_subs_button(update: Update, context: Context) -> None:
    """Buttons of /subscribe, /unsubscribe and /mysubs."""
    query = update.callback_query
    chat = update.effective_chat
    if query is None or chat is None or query.data is None:
        return
    if not await may_change_chat(update, context):
        await answer(update, context)
        return
    await answer(update, context)
    store = context.services.store
    lang = await lang_of(update, context)
    kind, _, rest = query.data.partition(":")
    if kind == "srcp":
        sources = [s for s in await store.list_sources() if s.active]
        page = number(rest) or 0
        await send(
            update,
            context,
            t("sources.pick", lang),
            keyboard=_sources_keyboard(sources, page, lang),
            edit=True,
        )
        return
    key, _, arg = rest.partition(":")
    parsed = number(key)
    source_id = None if key == "all" else parsed if parsed is not None else -1
    names = {s.id: s.name for s in await store.list_sources()}
    if source_id == -1 or (source_id is not None and source_id not in names):
        return  # a stale button of a removed source
    display = t("sources.all", lang) if source_id is None else names[source_id]
    if kind == "sub":
        created = await store.subscribe(chat.id, source_id)
        await send(
            update, context, esc(t("sub.done" if created else "sub.already", lang, name=display)), edit=True
        )
    elif kind == "uns":
        removed = await store.unsubscribe(chat.id, source_id)
        await send(update, context, esc(t("unsub.done" if removed else "unsub.none", lang, name=display)))
        text, keyboard = await _mysubs_view(update, context)
        await send(update, context, text, keyboard=keyboard, edit=True)
    elif kind == "mode":
        if arg == "d":
            await store.set_mode(chat.id, source_id, "digest", DEFAULT_DIGEST_AT)
        else:
            await store.set_mode(chat.id, source_id, "instant")
        text, keyboard = await _mysubs_view(update, context)
        await send(update, context, text, keyboard=keyboard, edit=True)


@cache
def _zones() -> frozenset[str]:
    """Every IANA zone name; checked before ZoneInfo() ever sees user input (it opens files by that name)."""
    return frozenset(available_timezones())


def parse_filter_args(args: list[str]) -> tuple[list[str], list[str]]:
    """+word / -word / word arguments -> (include, exclude), lower-cased, without duplicates."""
    include: list[str] = []
    exclude: list[str] = []
    for arg in args:
        target = exclude if arg.startswith("-") else include
        word = arg.lstrip("+-").strip().lower()[:MAX_KEYWORD_LENGTH]
        if word and word not in target:
            target.append(word)
    return include[:MAX_KEYWORDS], exclude[:MAX_KEYWORDS]


async def cmd_filter(update: Update, context: Context) -> None:
    """/filter <source|all> +keyword -excluded; a source alone clears its filters."""
    args = context.args or []
    if not args:
        await say(update, context, "filter.usage")
        return
    if not await may_change_chat(update, context):
        return
    chat = update.effective_chat
    assert chat is not None
    found, source_id, display = await _resolve(update, context, args[0])
    if not found:
        return
    include, exclude = parse_filter_args(args[1:])
    if not await context.services.store.set_keywords(chat.id, source_id, include, exclude):
        await say(update, context, "filter.not_subscribed", name=display)
        return
    lang = await lang_of(update, context)
    none = t("filter.none", lang)
    await say(
        update,
        context,
        "filter.done",
        name=display,
        include=", ".join(include) or none,
        exclude=", ".join(exclude) or none,
    )


async def cmd_digest(update: Update, context: Context) -> None:
    """/digest HH:MM switches the chat's subscriptions to a daily digest; /digest off back to instant."""
    arg = (context.args or [""])[0].strip().lower()
    match = _HHMM.match(arg)
    if arg != "off" and match is None:
        await say(update, context, "digest.usage")
        return
    if not await may_change_chat(update, context):
        return
    chat = update.effective_chat
    assert chat is not None
    store = context.services.store
    if arg == "off":
        changed = await store.set_chat_mode(chat.id, "instant")
        await say(update, context, "digest.off" if changed else "digest.no_subs")
        return
    assert match is not None
    at = f"{int(match.group(1)):02d}:{match.group(2)}"
    if not await store.set_chat_mode(chat.id, "digest", at):
        await say(update, context, "digest.no_subs")
        return
    record = await context.stored_chat(chat.id)
    await say(update, context, "digest.on", time=at, tz=record.timezone if record else "UTC")


async def cmd_timezone(update: Update, context: Context) -> None:
    """/timezone Area/City (IANA) for digest times and dates."""
    name = (context.args or [""])[0].strip()
    if not name:
        await say(update, context, "tz.usage")
        return
    if name not in _zones():
        await say(update, context, "tz.unknown", tz=name[:64])
        return
    if not await may_change_chat(update, context):
        return
    chat = update.effective_chat
    assert chat is not None
    record = await context.stored_chat(chat.id)
    await context.services.store.set_chat_timezone(chat.id, name)
    context.chat_changed(chat.id)
    moved = 0
    if record is not None and record.timezone != name:
        moved = await follow_zone(context, chat.id, record.timezone, name)
    if moved:
        await say(update, context, "tz.done_moved", tz=name, n=moved)
    else:
        await say(update, context, "tz.done", tz=name)
