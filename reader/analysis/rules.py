"""What every table of rules shares (`run_cutting`, `label_rules`, `attribution`): a rule's
name as `reader analyze --explain` prints it, from its function's name."""

from __future__ import annotations

from collections.abc import Callable


def rule_name(rule: Callable) -> str:
    return rule.__name__.replace("_", "-")
