"""Request routing: Bot API calls (with faults, counters and status codes) and control calls."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from bot.emulator.botapi import BotApi
from bot.emulator.control import CONTROL_PREFIX, Control, ControlError
from bot.emulator.faults import FaultTable
from bot.emulator.limits import FloodLimiter, LimitConfig
from bot.emulator.state import JSON, ApiError, State, User

__all__ = ["DEFAULT_BOT_USERNAME", "Emulator", "EmulatorConfig", "Response"]

log = logging.getLogger(__name__)

DEFAULT_BOT_USERNAME = "noticebot_emulated_bot"
_TOKEN = re.compile(r"\d{1,20}:[A-Za-z0-9_-]{1,100}")
_NOT_FOUND = ApiError(404, "Not Found")
_UNAUTHORIZED = ApiError(401, "Unauthorized")


@dataclass(slots=True)
class EmulatorConfig:
    """Who the bot is, which token it accepts (None: any well-formed one), and the flood limits."""

    bot_id: int = 7_000_000_001
    bot_username: str = DEFAULT_BOT_USERNAME
    bot_first_name: str = "Noticebot (emulator)"
    token: str | None = None
    strict_html: bool = True
    limits: LimitConfig = field(default_factory=LimitConfig)


@dataclass(slots=True)
class Response:
    """What to send back: a status and JSON body, optionally after a delay; drop closes the socket."""

    status: int
    body: bytes = b""
    delay: float = 0.0
    drop: bool = False


def _json_response(status: int, payload: Any) -> Response:
    return Response(status, json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode())


def _multipart(body: bytes, content_type: str) -> JSON:
    """Fields of a multipart/form-data body; file parts become {"filename", "size"} placeholders."""
    match = re.search(r'boundary="?([^";]+)"?', content_type)
    if match is None:
        raise ApiError(400, "Bad Request: multipart boundary is missing")
    params: JSON = {}
    for part in body.split(b"--" + match.group(1).encode())[1:]:
        if part.startswith(b"--"):
            break
        head, _, content = part.partition(b"\r\n\r\n")
        content = content.removesuffix(b"\r\n")
        name = re.search(rb'name="([^"]*)"', head)
        if name is None:
            continue
        filename = re.search(rb'filename="([^"]*)"', head)
        if filename is not None:
            params[name.group(1).decode()] = {"filename": filename.group(1).decode(), "size": len(content)}
        else:
            params[name.group(1).decode()] = content.decode("utf-8", "replace")
    return params


def parse_params(query: str, content_type: str, body: bytes) -> JSON:
    """Bot API parameters from the query string and a form, JSON or multipart body."""
    params: JSON = dict(parse_qsl(query, keep_blank_values=True)) if query else {}
    if not body:
        return params
    ctype = content_type.split(";", 1)[0].strip().lower()
    if ctype == "application/json":
        try:
            data = json.loads(body)
        except ValueError:
            raise ApiError(400, "Bad Request: can't parse JSON body") from None
        if not isinstance(data, dict):
            raise ApiError(400, "Bad Request: JSON body must be an object")
        params.update(data)
    elif ctype == "multipart/form-data":
        params.update(_multipart(body, content_type))
    else:
        params.update(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
    return params


class Emulator:
    """The whole emulator minus the socket: state, flood limiter, faults, Bot API and control API."""

    def __init__(self, config: EmulatorConfig | None = None) -> None:
        self.config = config or EmulatorConfig()
        bot = User(
            id=self.config.bot_id,
            first_name=self.config.bot_first_name,
            username=self.config.bot_username,
            is_bot=True,
        )
        self.state = State(bot)
        self.limiter = FloodLimiter(self.config.limits)
        self.faults = FaultTable()
        self.api = BotApi(self.state, self.limiter, strict_html=self.config.strict_html)
        self.control = Control(self.state, self.limiter, self.faults)

    async def handle(self, path: str, query: str, content_type: str, body: bytes) -> Response:
        if path.startswith("/bot"):
            return await self._bot_api(path, query, content_type, body)
        if path.startswith(CONTROL_PREFIX):
            return await self._control(path[len(CONTROL_PREFIX) :], body)
        return _json_response(404, _NOT_FOUND.to_json())

    async def _bot_api(self, path: str, query: str, content_type: str, body: bytes) -> Response:
        state = self.state
        token, _, method = path[4:].partition("/")
        counters = state.counters
        counters["requests"] += 1
        if not _TOKEN.fullmatch(token):
            return self._error(_NOT_FOUND, method)  # Telegram answers a malformed token with 404
        if self.config.token is not None and token != self.config.token:
            return self._error(_UNAUTHORIZED, method)
        name = method.lower()
        counters["method_" + name] += 1
        try:
            params = parse_params(query, content_type, body)
        except ApiError as exc:
            return self._error(exc, method)
        fault = self.faults.match(name, _chat_id(params)) if self.faults.rules else None
        if fault is not None:
            counters["faults"] += 1
            if fault.kind == "drop":
                return Response(0, drop=True)
            if fault.kind == "server_error":
                return self._error(ApiError(fault.status, "Internal Server Error"), method)
        state.in_flight += 1
        counters["in_flight_max"] = max(counters["in_flight_max"], state.in_flight)
        try:
            sync = self.api.sync_methods.get(name)
            if sync is not None:
                result = sync(params)
            else:
                handler = self.api.async_methods.get(name)
                if handler is None:
                    return self._error(_NOT_FOUND, method)
                result = await handler(params)
        except ApiError as exc:
            response = self._error(exc, method)
        else:
            response = _json_response(200, {"ok": True, "result": result})
        finally:
            state.in_flight -= 1
        if fault is not None and fault.kind == "slow":
            response.delay = fault.delay  # the work is done: a timed-out send may still have arrived
        return response

    def _error(self, exc: ApiError, method: str) -> Response:
        self.state.counters["errors"] += 1
        self.state.counters[f"status_{exc.code}"] += 1
        log.debug("%s -> %s %s", method, exc.code, exc.description)
        return _json_response(exc.code, exc.to_json())

    async def _control(self, action: str, body: bytes) -> Response:
        try:
            data = json.loads(body) if body else {}
        except ValueError as exc:
            return _json_response(400, {"ok": False, "error": f"the body is not JSON: {exc}"})
        try:
            if not isinstance(data, dict):
                raise ControlError("the body must be a JSON object")
            result = await self.control.handle(action, data)
        except (TypeError, ValueError) as exc:
            return _json_response(400, {"ok": False, "error": f"bad value in {action}: {exc}"})
        except ControlError as exc:
            return _json_response(exc.status, {"ok": False, "error": str(exc)})
        return _json_response(200, {"ok": True, "result": result})


def _chat_id(params: JSON) -> int | None:
    value = params.get("chat_id")
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None
