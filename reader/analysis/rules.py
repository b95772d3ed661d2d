"""What every table of rules shares (`run_cutting`, `label_rules`, `attribution`): a rule's
name as `reader analyze --explain` prints it, from its function's name, and the lazy clues
the rules read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

Value = TypeVar("Value")


def rule_name(rule: Callable) -> str:
    return rule.__name__.replace("_", "-")


class clue(Generic[Value]):
    """A clue worked out the first time a rule reads it, then kept on the instance.

    `functools.cached_property` does the same but takes a lock on every first read in Python
    3.11; the rules read clues some hundred thousand times on a long article, one thread only.
    """

    def __init__(self, compute: Callable[[Any], Value]) -> None:
        self.compute = compute
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> Value:
        if instance is None:
            return self  # type: ignore[return-value]
        value = self.compute(instance)
        instance.__dict__[self.name] = value  # found there from now on, before this descriptor
        return value
