"""Scriptable transport faults: 5xx answers, slow answers and dropped connections, per chat or method.

Chat-state faults (blocked by the user, bot kicked, group migrated) live on the chats in state.py;
the control API sets both kinds through one call.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["TRANSPORT_FAULTS", "Fault", "FaultTable"]

TRANSPORT_FAULTS = ("server_error", "slow", "drop")


@dataclass(slots=True)
class Fault:
    """One rule: what to do, to which requests, and how many more times (None = until cleared)."""

    kind: str
    chat_id: int | None = None
    method: str | None = None  # lower-case Bot API method name
    times: int | None = None
    delay: float = 0.0  # for slow: seconds to hold the answer after doing the work
    status: int = 500  # for server_error
    skip: int = 0  # matching requests let through before the rule applies (fail "the second chunk")

    def matches(self, method: str, chat_id: int | None) -> bool:
        if self.method is not None and self.method != method:
            return False
        return self.chat_id is None or self.chat_id == chat_id

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "chat_id": self.chat_id,
            "method": self.method,
            "times": self.times,
            "delay": self.delay,
            "status": self.status,
            "skip": self.skip,
        }


class FaultTable:
    """The active rules; with none set, match() costs one truth test per request."""

    def __init__(self) -> None:
        self.rules: list[Fault] = []

    def add(self, fault: Fault) -> None:
        if fault.kind not in TRANSPORT_FAULTS:
            raise ValueError(
                f"unknown fault {fault.kind!r}; transport faults are {', '.join(TRANSPORT_FAULTS)}"
            )
        if fault.status < 500 or fault.status > 599:
            raise ValueError(f"server_error status must be 5xx, got {fault.status}")
        self.rules.append(fault)

    def clear(self) -> None:
        self.rules.clear()

    def match(self, method: str, chat_id: int | None) -> Fault | None:
        """The first rule that applies to this request, consuming one of its remaining uses."""
        if not self.rules:
            return None
        for rule in self.rules:
            if rule.matches(method, chat_id):
                if rule.skip > 0:
                    rule.skip -= 1
                    continue
                if rule.times is not None:
                    rule.times -= 1
                    if rule.times <= 0:
                        self.rules.remove(rule)
                return rule
        return None
