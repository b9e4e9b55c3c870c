"""Telegram adapters: parse a command, call the core, reply. No SQL, no feed parsing."""
