"""Bot API methods: parameter checks with Telegram's error texts, and their effect on the state."""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from typing import Any

from bot.emulator.html import HtmlError, parse_html
from bot.emulator.limits import FloodLimiter
from bot.emulator.state import JSON, ApiError, Chat, State, StoredMessage
from bot.emulator.webhook import WebhookPusher

__all__ = ["INLINE_ANSWER_TIMEOUT", "MAX_CALLBACK_DATA", "MAX_INLINE_RESULTS", "MAX_TEXT_LENGTH", "BotApi"]

MAX_TEXT_LENGTH = 4096
MAX_CALLBACK_DATA = 64
MAX_INLINE_RESULTS = 50
MAX_INLINE_ID = 64  # bytes, result ids and next_offset alike
# Telegram shows nothing once the user waited this long; a later answer gets "query is too old".
INLINE_ANSWER_TIMEOUT = 10.0
_INLINE_TYPES = frozenset(
    "article photo gif mpeg4_gif video audio voice document location venue contact game sticker".split()
)
_BUTTON_KINDS = frozenset(
    {
        "url",
        "callback_data",
        "login_url",
        "switch_inline_query",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "callback_game",
        "pay",
        "web_app",
        "copy_text",
    }
)
_COMMAND = re.compile(r"[a-z0-9_]{1,32}")
_CHAT_ACTIONS = frozenset(
    "typing upload_photo record_video upload_video record_voice upload_voice upload_document "
    "choose_sticker find_location record_video_note upload_video_note".split()
)
_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
_OLD_QUERY = "Bad Request: query is too old and response timeout expired or query ID is invalid"
_CONFLICT = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
)
_FALSE = frozenset({"false", "0", ""})

Handler = Callable[[JSON], Any]


def _bad(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


def _int(params: JSON, name: str, default: int | None = None) -> int | None:
    value = params.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        raise _bad(f"invalid {name} specified") from None


def _required_int(params: JSON, name: str) -> int:
    value = _int(params, name)
    if value is None:
        raise _bad(f"{name} is empty")
    return value


def _bool(params: JSON, name: str) -> bool:
    value = params.get(name)
    if isinstance(value, str):
        return value.lower() not in _FALSE
    return bool(value)


def _obj(params: JSON, name: str) -> Any:
    """A parameter that carries an object: JSON text in form bodies, already decoded in JSON bodies."""
    value = params.get(name)
    if isinstance(value, str):
        if not value:
            return None
        try:
            return json.loads(value)
        except ValueError:
            raise _bad(f"can't parse {name} JSON object") from None
    return value


class BotApi:
    """The Bot API methods the emulator implements, looked up by lower-case name (Telegram ignores case)."""

    def __init__(self, state: State, limiter: FloodLimiter, *, strict_html: bool = True) -> None:
        self.state = state
        self.limiter = limiter
        self.strict_html = strict_html
        self._poll_generation = 0
        self.webhook = WebhookPusher(state)
        self.sync_methods: dict[str, Handler] = {
            "getme": self.get_me,
            "setwebhook": self.set_webhook,
            "getwebhookinfo": self.get_webhook_info,
            "logout": lambda p: True,
            "close": lambda p: True,
            "sendmessage": self.send_message,
            "editmessagetext": self.edit_message_text,
            "editmessagereplymarkup": self.edit_message_reply_markup,
            "deletemessage": self.delete_message,
            "answercallbackquery": self.answer_callback_query,
            "answerinlinequery": self.answer_inline_query,
            "setmycommands": self.set_my_commands,
            "getmycommands": self.get_my_commands,
            "deletemycommands": self.delete_my_commands,
            "sendchataction": self.send_chat_action,
            "getchat": self.get_chat,
            "getchatmember": self.get_chat_member,
            "getchatadministrators": self.get_chat_administrators,
        }
        self.async_methods: dict[str, Callable[[JSON], Awaitable[Any]]] = {
            "getupdates": self.get_updates,
            "deletewebhook": self.delete_webhook,
        }

    # --- shared checks ---------------------------------------------------------------------------

    def chat_of(self, params: JSON) -> Chat:
        """The chat named by chat_id, or the error Telegram gives for a missing or unknown one."""
        ref = params.get("chat_id")
        if ref is None or ref == "":
            raise _bad("chat_id is empty")
        chat = self.state.find_chat(ref)
        if chat is None:
            raise _bad("chat not found")
        return chat

    def writable_chat(self, params: JSON) -> Chat:
        """chat_of() plus the reasons a bot cannot write there: migration, block, kick."""
        try:
            chat = self.chat_of(params)
        except ApiError as exc:
            user_id = _int(params, "chat_id") if exc.description.endswith("not found") else None
            if user_id is not None and user_id in self.state.users:
                raise ApiError(403, "Forbidden: bot can't initiate conversation with a user") from None
            raise
        if chat.migrated_to is not None:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": chat.migrated_to},
            )
        if chat.user is not None and chat.user.blocked_bot:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if chat.bot_status in ("kicked", "left"):
            if chat.type == "channel":
                raise ApiError(403, "Forbidden: bot is not a member of the channel chat")
            if chat.bot_status == "kicked":
                raise ApiError(403, f"Forbidden: bot was kicked from the {chat.type} chat")
            raise ApiError(403, f"Forbidden: bot is not a member of the {chat.type} chat")
        return chat

    def text_of(self, params: JSON) -> tuple[str, list[JSON]]:
        raw = params.get("text")
        if raw is None or raw == "":
            raise _bad("message text is empty")
        raw = str(raw)
        mode = str(params.get("parse_mode") or "").lower()
        if mode == "html":
            try:
                text, entities = parse_html(raw, strict=self.strict_html)
            except HtmlError as exc:
                raise _bad(f"can't parse entities: {exc}") from None
        elif mode in ("markdown", "markdownv2"):
            raise _bad("unsupported parse_mode: the emulator implements only HTML")
        elif mode:
            raise _bad("unsupported parse_mode")
        else:
            text, entities = raw, _obj(params, "entities") or []
            if not isinstance(entities, list):
                raise _bad("can't parse entities JSON object")
        if not text.strip():
            raise _bad("message text is empty")
        if len(text) > MAX_TEXT_LENGTH:
            raise _bad("message is too long")
        return text, entities

    def markup_of(self, params: JSON) -> JSON | None:
        markup = _obj(params, "reply_markup")
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise _bad("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" in markup:
            rows = markup["inline_keyboard"]
            if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
                raise _bad('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays')
            for row in rows:
                for button in row:
                    self._check_button(button)
            return markup
        if "keyboard" in markup or "remove_keyboard" in markup or "force_reply" in markup:
            return markup
        raise _bad("can't parse reply keyboard markup JSON object")

    @staticmethod
    def _check_button(button: Any) -> None:
        if not isinstance(button, dict) or not isinstance(button.get("text"), str):
            raise _bad('can\'t parse inline keyboard button: Field "text" must be of type String')
        kinds = _BUTTON_KINDS.intersection(button)
        if len(kinds) != 1:
            raise _bad(
                "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
            )
        if "callback_data" in button:
            data = button["callback_data"]
            if not isinstance(data, str) or not 1 <= len(data.encode("utf-8")) <= MAX_CALLBACK_DATA:
                raise _bad("BUTTON_DATA_INVALID")
        if "url" in button:
            url = button["url"]
            if not isinstance(url, str) or not url.startswith(("http://", "https://", "tg://")):
                raise _bad("BUTTON_URL_INVALID")

    def _message(self, chat: Chat, params: JSON, action: str) -> StoredMessage:
        message_id = _required_int(params, "message_id")
        msg = chat.by_id.get(message_id)
        if msg is None or msg.deleted:
            raise _bad(f"message to {action} not found")
        return msg

    def _flood(self, chat: Chat) -> None:
        retry_after = self.limiter.acquire(chat.id, chat.is_group)
        if retry_after is not None:
            self.state.counters["rate_limited"] += 1
            raise ApiError(429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after})

    # --- methods ---------------------------------------------------------------------------------

    def get_me(self, params: JSON) -> JSON:
        me = self.state.bot.to_json()
        me.update(
            can_join_groups=True,
            can_read_all_group_messages=False,
            supports_inline_queries=self.state.inline_enabled,
        )
        return me

    def set_webhook(self, params: JSON) -> bool:
        url = str(params.get("url") or "")
        if url and not url.startswith(("http://", "https://")):
            raise _bad("invalid webhook URL specified")
        if _bool(params, "drop_pending_updates"):
            self.state.updates.clear()
        allowed = _obj(params, "allowed_updates")
        self.state.set_allowed_updates(allowed if isinstance(allowed, list) else None)
        if url:
            # Telegram requires HTTPS; a self-hosted Bot API server (which this stands in for) accepts HTTP.
            self.webhook.set(url, str(params.get("secret_token") or ""))
        return True

    async def delete_webhook(self, params: JSON) -> bool:
        await self.webhook.clear()
        if _bool(params, "drop_pending_updates"):
            self.state.updates.clear()
        return True

    def get_webhook_info(self, params: JSON) -> JSON:
        info: JSON = {
            "url": self.webhook.url,
            "has_custom_certificate": False,
            "pending_update_count": len(self.state.updates),
        }
        if self.webhook.last_error:
            info["last_error_message"] = self.webhook.last_error
        return info

    async def get_updates(self, params: JSON) -> list[JSON]:
        if self.webhook.active:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
            )
        state = self.state
        offset = _int(params, "offset")
        limit = min(100, max(1, _int(params, "limit", 100) or 100))
        try:
            timeout = max(0.0, float(params.get("timeout") or 0))
        except ValueError:
            raise _bad("invalid timeout specified") from None
        allowed = _obj(params, "allowed_updates")
        if offset is not None:
            state.confirm(offset)
        state.set_allowed_updates(allowed if isinstance(allowed, list) else None)
        self._poll_generation += 1
        generation = self._poll_generation
        result = state.pending(limit)
        if not result and timeout > 0:
            state.wake_pollers()  # an older long poll is answered with 409, as Telegram does
            await state.wait_updates(timeout)
            if generation != self._poll_generation:
                raise ApiError(409, _CONFLICT)
            result = state.pending(limit)
        return result

    def send_message(self, params: JSON) -> JSON:
        chat = self.writable_chat(params)
        text, entities = self.text_of(params)
        markup = self.markup_of(params)
        reply_to = None
        reply = _obj(params, "reply_parameters")
        if isinstance(reply, dict):
            reply_id = _int(reply, "message_id")
        else:
            reply_id = _int(params, "reply_to_message_id")
        if reply_id is not None:
            reply_to = chat.by_id.get(reply_id)
            allow = isinstance(reply, dict) and reply.get("allow_sending_without_reply")
            if reply_to is None and not allow:
                raise _bad("message to be replied not found")
        self._flood(chat)
        return self.state.bot_message(chat, text, entities, markup, reply_to).to_json(self.state.bot)

    def edit_message_text(self, params: JSON) -> JSON:
        if params.get("inline_message_id"):
            raise _bad("inline messages are not supported by the emulator")
        chat = self.writable_chat(params)
        msg = self._message(chat, params, "edit")
        if not msg.outgoing:
            raise _bad("message can't be edited")
        text, entities = self.text_of(params)
        markup = self.markup_of(params)
        if text == msg.text and entities == msg.entities and markup == msg.reply_markup:
            raise _bad(_NOT_MODIFIED[len("Bad Request: ") :])
        self._flood(chat)
        msg.text, msg.entities, msg.reply_markup = text, entities, markup
        return self._edited(msg)

    def edit_message_reply_markup(self, params: JSON) -> JSON:
        chat = self.writable_chat(params)
        msg = self._message(chat, params, "edit")
        markup = self.markup_of(params)
        if markup == msg.reply_markup:
            raise _bad(_NOT_MODIFIED[len("Bad Request: ") :])
        msg.reply_markup = markup
        return self._edited(msg)

    def _edited(self, msg: StoredMessage) -> JSON:
        msg.edit_date = self.state.now()
        self.state.counters["edits"] += 1
        self.state.changed()
        return msg.to_json(self.state.bot)

    def delete_message(self, params: JSON) -> bool:
        chat = self.writable_chat(params)
        msg = self._message(chat, params, "delete")
        msg.deleted = True
        self.state.counters["deletes"] += 1
        self.state.changed()
        return True

    def answer_callback_query(self, params: JSON) -> bool:
        record = self.state.callbacks.get(str(params.get("callback_query_id") or ""))
        if record is None or record.answered:
            raise ApiError(400, _OLD_QUERY)
        text = str(params.get("text") or "")
        if len(text) > 200:
            raise _bad("MESSAGE_TOO_LONG")
        record.answered = True
        record.answer = {"text": text, "show_alert": _bool(params, "show_alert"), "url": params.get("url")}
        self.state.changed()
        return True

    def answer_inline_query(self, params: JSON) -> bool:
        record = self.state.inline_queries.get(str(params.get("inline_query_id") or ""))
        elapsed = self.state.clock() - record.created if record is not None else 0.0
        if record is None or record.answered or elapsed > INLINE_ANSWER_TIMEOUT:
            raise ApiError(400, _OLD_QUERY)
        results = _obj(params, "results")
        if not isinstance(results, list):
            raise _bad("can't parse results JSON object")
        if len(results) > MAX_INLINE_RESULTS:
            raise _bad("RESULTS_TOO_MUCH")
        seen: set[str] = set()
        checked = [self._inline_result(result, seen) for result in results]
        next_offset = str(params.get("next_offset") or "")
        if len(next_offset.encode("utf-8")) > MAX_INLINE_ID:
            raise _bad("NEXT_OFFSET_INVALID")
        cache_time = _int(params, "cache_time", 300)
        if cache_time is None or cache_time < 0:
            raise _bad("CACHE_TIME_INVALID")
        record.answered, record.answered_after = True, elapsed
        record.results, record.next_offset, record.cache_time = checked, next_offset, cache_time
        record.is_personal = _bool(params, "is_personal")
        self.state.counters["inline_answers"] += 1
        self.state.changed()
        return True

    def _inline_result(self, result: Any, seen: set[str]) -> JSON:
        """One InlineQueryResult checked as Telegram does; article message texts are parsed like messages."""
        if not isinstance(result, dict) or result.get("type") not in _INLINE_TYPES:
            raise _bad("RESULT_TYPE_INVALID")
        result_id = result.get("id")
        if not isinstance(result_id, str) or not 1 <= len(result_id.encode("utf-8")) <= MAX_INLINE_ID:
            raise _bad("RESULT_ID_INVALID")
        if result_id in seen:
            raise _bad("RESULT_ID_DUPLICATE")
        seen.add(result_id)
        checked = dict(result)
        if result["type"] == "article":
            if not str(result.get("title") or "").strip():
                raise _bad("RESULT_TITLE_EMPTY")
            content = result.get("input_message_content")
            if not isinstance(content, dict) or "message_text" not in content:
                raise _bad("MESSAGE_EMPTY")
            text, entities = self.text_of(
                {
                    "text": content["message_text"],
                    "parse_mode": content.get("parse_mode"),
                    "entities": content.get("entities"),
                }
            )
            checked["_text"], checked["_entities"] = text, entities
        if result.get("reply_markup") is not None:
            self.markup_of({"reply_markup": result["reply_markup"]})
        return checked

    @staticmethod
    def _commands_key(params: JSON) -> str:
        scope = _obj(params, "scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True) + "|" + str(params.get("language_code") or "")

    def set_my_commands(self, params: JSON) -> bool:
        commands = _obj(params, "commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise _bad("can't parse commands JSON object")
        for item in commands:
            if not isinstance(item, dict) or not _COMMAND.fullmatch(str(item.get("command", ""))):
                raise _bad("BOT_COMMAND_INVALID")
            if not 1 <= len(str(item.get("description", ""))) <= 256:
                raise _bad("command description is empty or too long")
        self.state.commands[self._commands_key(params)] = [
            {"command": c["command"], "description": c["description"]} for c in commands
        ]
        return True

    def get_my_commands(self, params: JSON) -> list[JSON]:
        return self.state.commands.get(self._commands_key(params), [])

    def delete_my_commands(self, params: JSON) -> bool:
        self.state.commands.pop(self._commands_key(params), None)
        return True

    def send_chat_action(self, params: JSON) -> bool:
        self.writable_chat(params)
        if params.get("action") not in _CHAT_ACTIONS:
            raise _bad("wrong parameter action in request")
        return True

    def get_chat(self, params: JSON) -> JSON:
        data = self.chat_of(params).to_json()
        # Fields ChatFullInfo requires since Bot API 7.3 / 9.0.
        data.update(accent_color_id=0, max_reaction_count=11)
        data["accepted_gift_types"] = dict.fromkeys(
            (
                "unlimited_gifts",
                "limited_gifts",
                "unique_gifts",
                "premium_subscription",
                "gifts_from_channels",
            ),
            False,
        )
        return data

    def _member(self, chat: Chat, user_id: int) -> JSON:
        state = self.state
        if user_id == state.bot.id:
            status, user = chat.bot_status, state.bot
        else:
            known = state.users.get(user_id)
            if known is None:
                raise _bad("user not found")
            user = known
            status = "member" if chat.user is user else chat.members.get(user_id, "left")
        data: JSON = {"status": status, "user": user.to_json()}
        if status == "creator":
            data["is_anonymous"] = False
        elif status == "administrator":
            rights = ("can_manage_chat can_delete_messages can_manage_video_chats can_restrict_members "
                      "can_promote_members can_change_info can_invite_users can_post_stories "
                      "can_edit_stories can_delete_stories can_post_messages can_edit_messages "
                      "can_pin_messages").split()  # fmt: skip
            data.update(dict.fromkeys(rights, True), can_be_edited=False, is_anonymous=False)
        elif status == "kicked":
            data["until_date"] = 0
        return data

    def get_chat_member(self, params: JSON) -> JSON:
        return self._member(self.chat_of(params), _required_int(params, "user_id"))

    def get_chat_administrators(self, params: JSON) -> list[JSON]:
        chat = self.chat_of(params)
        if chat.type == "private":
            raise _bad("there are no administrators in the private chat")
        ids = [uid for uid, status in chat.members.items() if status in ("creator", "administrator")]
        if chat.bot_status == "administrator":
            ids.append(self.state.bot.id)
        return [self._member(chat, uid) for uid in ids]
