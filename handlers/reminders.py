"""Acting on time from the chat: /remind and the "Remind me" button, /reminders, "Done", and /quiet."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.delivery.texts import zone
from bot.i18n import Language, t
from bot.quiet import QuietHoursError, parse_window
from bot.reminders import LeadTimeError, parse_leads, plan_reminders, rezone
from bot.render import clip, fit_message
from handlers.common import Context, answer, esc, governed, lang_of, may_change_chat, number, say, send

__all__ = ["cmd_quiet", "cmd_remind", "cmd_reminders", "follow_zone", "on_reminder_button"]

_LIST_BUTTONS = 10  # cancel buttons under /reminders (the list itself shows up to 50)
_ALL = 100_000  # every pending reminder of a chat (a few per notice it asked about)


async def _zone_of(context: Context, chat_id: int) -> tuple[tzinfo, str]:
    record = await context.stored_chat(chat_id)
    name = record.timezone if record else "UTC"
    return zone(name) or UTC, name


def _local(when: datetime, tz: tzinfo) -> str:
    return when.astimezone(tz).strftime("%Y-%m-%d %H:%M")


async def _schedule(update: Update, context: Context, notice_id: int, leads: tuple[int, ...]) -> None:
    """Plan and store the reminders of one notice for this chat, and say when they will come."""
    chat = update.effective_chat
    assert chat is not None
    svc = context.services
    notice = await svc.store.get_notice(notice_id)
    if notice is None:
        await say(update, context, "notice.unknown", id=notice_id)
        return
    tz, tz_name = await _zone_of(context, chat.id)
    now = svc.clock()
    planned = plan_reminders(notice, tz, now, leads)
    if not planned:
        await say(update, context, "remind.nothing", id=notice_id)
        return
    count = await svc.store.add_reminders(chat.id, notice.id, planned, now)
    lang = await lang_of(update, context)
    lines = [t("remind.set", lang, count=count, title=esc(clip(notice.title, 120)), tz=esc(tz_name))]
    lines += [f"• {_local(r.due, tz)} — {esc(t('remind.deadline', lang, date=r.deadline))}" for r in planned]
    lines.append(t("remind.hint", lang, id=notice.id))
    await send(update, context, fit_message(lines))
    if svc.sender is not None and any(r.due <= now for r in planned):
        svc.sender.wake(periodic=True)  # a deadline today: remind now, not at the next periodic check


async def follow_zone(context: Context, chat_id: int, old_name: str, new_name: str) -> int:
    """The chat changed its time zone: its pending reminders keep their local day and time (09:00 stays
    09:00 where the chat is now); returns how many moved. Call after storing the new zone."""
    old, new = zone(old_name) or UTC, zone(new_name) or UTC
    svc = context.services
    moves = rezone(await svc.store.list_reminders(chat_id, _ALL), old, new)
    if not moves:
        return 0
    moved = await svc.store.move_reminders(chat_id, moves)
    if svc.sender is not None and any(due <= svc.clock() for _, due in moves):
        svc.sender.wake(periodic=True)  # moved into the past (the zone is hours ahead): remind now
    return moved


async def cmd_remind(update: Update, context: Context) -> None:
    """/remind <notice id> [7d 1d] — remind this chat of the notice's deadlines (default 3 and 1 days before)."""
    args = context.args or []
    notice_arg = args[0].lstrip("#") if args else ""
    notice_id = number(notice_arg)
    if notice_id is None:
        await say(update, context, "remind.usage")
        return
    try:
        leads = parse_leads(args[1:])
    except LeadTimeError:
        await say(update, context, "remind.usage")
        return
    if not await may_change_chat(update, context):
        return
    await _schedule(update, context, notice_id, leads)


def _list_view(reminders: list[tuple[int, str]], lang: Language) -> tuple[str, InlineKeyboardMarkup | None]:
    if not reminders:
        return t("reminders.none", lang), None
    text = fit_message([t("reminders.title", lang), *(line for _, line in reminders)])
    buttons = [
        InlineKeyboardButton(t("reminders.cancel", lang, n=n + 1), callback_data=f"rmc:{rid}")
        for n, (rid, _) in enumerate(reminders[:_LIST_BUTTONS])
    ]
    rows = [buttons[i : i + 5] for i in range(0, len(buttons), 5)]
    return text, InlineKeyboardMarkup(rows)


async def _reminders_view(update: Update, context: Context) -> tuple[str, InlineKeyboardMarkup | None]:
    chat = update.effective_chat
    assert chat is not None
    lang = await lang_of(update, context)
    tz, _ = await _zone_of(context, chat.id)
    pending = await context.services.store.list_reminders(chat.id)
    lines = [
        (
            r.id,
            f"{n + 1}. {_local(r.due, tz)} — {esc(t('remind.deadline', lang, date=r.deadline))} · "
            f"{esc(clip(r.title, 60))} /notice {r.notice_id}",
        )
        for n, r in enumerate(pending)
    ]
    return _list_view(lines, lang)


async def cmd_reminders(update: Update, context: Context) -> None:
    """/reminders — the chat's pending reminders, with buttons to cancel them."""
    text, keyboard = await _reminders_view(update, context)
    await send(update, context, text, keyboard=keyboard)


async def on_reminder_button(update: Update, context: Context) -> None:
    """Buttons: rm:<notice> (Remind me), rmd:<notice> (Done: cancel the rest), rmc:<reminder> (cancel one)."""
    query = update.callback_query
    chat = update.effective_chat
    if query is None or query.data is None or chat is None:
        return
    kind, _, digits = query.data.partition(":")
    arg = number(digits)  # ASCII digits only: callback data can be forged
    if arg is None:
        await answer(update, context)
        return
    if not await may_change_chat(update, context):
        await answer(update, context)
        return
    store = context.services.store
    lang = await lang_of(update, context)
    if kind == "rm":
        await answer(update, context)
        await _schedule(update, context, arg, parse_leads(()))
    elif kind == "rmd":
        cancelled = await store.cancel_reminders(chat.id, notice_id=arg)
        await answer(update, context, t("reminder.cancelled", lang, n=cancelled))
        if query.message is not None:
            await governed(context, chat, lambda: query.edit_message_reply_markup(reply_markup=None))
        await say(update, context, "reminder.cancelled", n=cancelled)
    elif kind == "rmc":
        cancelled = await store.cancel_reminders(chat.id, reminder_id=arg)
        await answer(update, context, t("reminder.cancelled", lang, n=cancelled))
        text, keyboard = await _reminders_view(update, context)
        await send(update, context, text, keyboard=keyboard, edit=True)
    else:
        await answer(update, context)


async def cmd_quiet(update: Update, context: Context) -> None:
    """/quiet 22:00-07:30 (the chat's time zone) holds pushes and reminders in that window; /quiet off."""
    chat = update.effective_chat
    assert chat is not None
    arg = " ".join(context.args or []).strip()
    svc = context.services
    _, tz_name = await _zone_of(context, chat.id)
    if not arg:
        record = await context.stored_chat(chat.id)
        if record is not None and record.quiet:
            await say(update, context, "quiet.current", window=record.quiet, tz=tz_name)
        else:
            await say(update, context, "quiet.usage")
        return
    window: str | None = None
    if arg.lower() not in ("off", "关闭"):
        try:
            window = parse_window(arg)
        except QuietHoursError:
            await say(update, context, "quiet.usage")
            return
    if not await may_change_chat(update, context):
        return
    await svc.store.set_chat_quiet(chat.id, window)
    context.chat_changed(chat.id)
    # Held pushes become due now: the release step holds them again if the new window still covers now.
    if await svc.store.release_held(chat.id, svc.clock()) and svc.sender is not None:
        svc.sender.wake(periodic=True)
    if window is None:
        await say(update, context, "quiet.off")
    else:
        await say(update, context, "quiet.on", window=window, tz=tz_name)
