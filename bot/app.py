"""The composition root: builds the PTB Application, opens the services in post_init, closes them after."""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AsyncExitStack
from datetime import UTC, datetime, timedelta

from telegram import BotCommand, BotCommandScopeDefault
from telegram.ext import Application, ContextTypes

from bot.alerts import notify_admins
from bot.config import Config
from bot.delivery import Digests, PTBMessenger, Sender, SenderSettings
from bot.delivery.catchup import CatchUps
from bot.delivery.retention import PRUNE_EVERY, prune_finished
from bot.delivery.timed import TimedSends, periodic_step
from bot.delivery.transport import file_url_for
from bot.errors import ConfigError, DatabaseFailure, StorageError
from bot.i18n import t
from bot.inline import InlineSearch
from bot.logs import register_secret
from bot.poller import PollReport
from bot.roles import ROLE_CHECK, RoleKeeper
from bot.runtime import open_runtime
from bot.services import Services
from bot.throttle import UserThrottle
from handlers import COMMANDS, CONTEXT_TYPES, register

__all__ = ["FATAL", "PRUNE_JOB", "build_application"]

log = logging.getLogger(__name__)
POLL_TICK = 30.0  # seconds between checks for due sources; each source keeps its own interval
_EXIT = "noticebot_exit_stack"
FATAL = "noticebot_fatal_error"  # bot_data key: the error that stopped the bot, for the exit code
PRUNE_JOB = "prune-outbox"  # the JobQueue name of the outbox retention job


def build_application(
    config: Config,
    *,
    poll_tick: float | None = None,
    role_check: float = ROLE_CHECK,
    clock: Callable[[], datetime] | None = None,
) -> Application:  # type: ignore[type-arg]
    """The bot: handlers registered, services opened at start-up and closed at shutdown.

    clock: the wall clock of delivery, reminders and quiet hours (tests move it instead of sleeping).
    """
    wall = clock or (lambda: datetime.now(UTC))
    token = config.telegram.token
    if not token:
        raise ConfigError("telegram.token", "a bot token (or the TELEGRAM_BOT_TOKEN environment variable)")
    register_secret(token)
    builder = Application.builder().token(token).context_types(CONTEXT_TYPES).concurrent_updates(True)
    if config.telegram.base_url:
        builder = builder.base_url(config.telegram.base_url).base_file_url(
            file_url_for(config.telegram.base_url)
        )

    async def post_init(app: Application) -> None:  # type: ignore[type-arg]
        stack = AsyncExitStack()
        app.bot_data[_EXIT] = stack
        runtime = await stack.enter_async_context(open_runtime(config))
        # Broadcasts get a Bot with its own connection pool: a user's command never queues behind them.
        messenger = PTBMessenger.dedicated(
            token,
            base_url=config.telegram.base_url or None,
            base_file_url=file_url_for(config.telegram.base_url) if config.telegram.base_url else None,
            pool_size=config.delivery.concurrency + 4,
        )
        settings = SenderSettings.from_config(
            config.delivery, default_language=config.telegram.default_language
        )
        store = runtime.store
        sender = Sender(store, messenger, settings, wall=wall)
        governor = sender.governor  # one governor for everything the bot sends: replies, alerts, pushes
        digests = Digests(sender)
        timed = TimedSends(sender)

        # A chat that comes back gets one catch-up of what it missed, within the outbox retention.
        catchups = CatchUps(sender, window=timedelta(seconds=config.delivery.retention))
        sender.digests = periodic_step(digests, timed, catchups)
        runtime.poller.on_report = lambda report: _after_poll(app, report)
        runtime.poller.on_error = lambda exc: _poll_failed(app, exc)
        app.bot_data["services"] = Services(
            config=config,
            store=store,
            fetcher=runtime.fetcher,
            poller=runtime.poller,
            sender=sender,
            digests=digests,
            governor=governor,
            throttle=UserThrottle(config.delivery.user_burst, config.delivery.user_rate),
            timed=timed,
            inline=InlineSearch(runtime.store),
            clock=wall,
        )
        # One sender per bot token: the instance holding the sender role (always this one on SQLite).
        stack.push_async_callback(sender.stop)
        if config.storage.shared:
            # Long polling is one instance's too; with a webhook every instance serves updates.
            updater = app.updater if not config.telegram.webhook_url else None
            keeper = RoleKeeper(runtime.store, sender, updater, interval=role_check)
            app.bot_data["roles"] = keeper
            stack.push_async_callback(keeper.stop)
            await keeper.check()
            keeper.start()
        elif await runtime.store.claim_role("sender"):
            await sender.start()
        await _set_commands(app)
        if not app.bot.supports_inline_queries:
            log.info(
                "inline mode is off for this bot; enable it with @BotFather's /setinline to search from any chat"
            )
        assert app.job_queue is not None
        # Checked at least as often as the default interval, so a short [poll] interval is honoured.
        tick = poll_tick or min(POLL_TICK, config.poll.interval)
        app.job_queue.run_repeating(_poll_tick, interval=tick, first=0.5, name="poll-tick")
        # Every instance runs it (the store makes concurrent runs safe); a minute in, then hourly.
        app.job_queue.run_repeating(_prune_outbox, interval=PRUNE_EVERY, first=60.0, name=PRUNE_JOB)

    async def post_shutdown(app: Application) -> None:  # type: ignore[type-arg]
        stack = app.bot_data.pop(_EXIT, None)
        if isinstance(stack, AsyncExitStack):
            await stack.aclose()

    app = builder.post_init(post_init).post_shutdown(post_shutdown).build()
    register(app)
    return app


async def _poll_tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    """A short job: start polling the due sources in the background, each source in its own task."""
    services: Services = context.application.bot_data["services"]
    services.poller.start_cycle()


async def _prune_outbox(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The retention job: delete old finished deliveries in bounded batches (bot.delivery.retention)."""
    services: Services = context.application.bot_data["services"]
    keep = timedelta(seconds=services.config.delivery.retention)
    try:
        await prune_finished(services.store, services.clock(), keep)
    except StorageError as exc:  # a database hiccup: nothing was half-deleted, the next run goes on
        if not _stop_if_damaged(context.application, exc):  # but a damaged file stops the bot, as a poll's
            log.warning("outbox retention failed, retrying in an hour: %s", exc)


def _after_poll(app: Application, report: PollReport) -> None:  # type: ignore[type-arg]
    """After each source's poll: wake the sender for its new deliveries; alert the admins if need be."""
    services: Services | None = app.bot_data.get("services")
    if services is None:
        return
    if services.sender is not None and (report.new or report.updated):
        services.sender.wake()
    if report.alert and services.config.telegram.admins:
        app.create_task(notify_admins(app.bot, services, [report]), name="admin-alerts")


def _stop_if_damaged(app: Application, exc: BaseException) -> bool:  # type: ignore[type-arg]
    """A damaged database stops the bot (exit code 1): going on would blame sources or lose notices."""
    if isinstance(exc, DatabaseFailure) and exc.corrupt:
        log.critical("stopping: %s", exc)
        app.bot_data[FATAL] = exc
        app.stop_running()
        return True
    return False


def _poll_failed(app: Application, exc: BaseException) -> None:  # type: ignore[type-arg]
    """A poll's failure: a damaged database stops the bot, anything else is logged."""
    if not _stop_if_damaged(app, exc):
        log.error("polling failed: %s", exc, exc_info=exc)


async def _set_commands(app: Application) -> None:  # type: ignore[type-arg]
    """The command menu in Chinese (users whose Telegram speaks Chinese) and English (everyone else)."""
    for lang, code in (("en", None), ("zh", "zh")):
        commands = [BotCommand(name, t(key, lang)) for name, key in COMMANDS]
        await app.bot.set_my_commands(commands, scope=BotCommandScopeDefault(), language_code=code)
