"""The domain rules every layer shares (keywords, digest times, the duplicate window); stdlib only.

It sits below storage so that each backend applies the same rule inside its own transaction, and the core
(bot/) and handlers read the same limits: one copy of each rule, and no database driver needed to use it.
"""
