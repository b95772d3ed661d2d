"""Checking the user's key remapping against the bindings it changes: unknown binding ids, and
a key that would do two things in one place. Each problem names its line in the config file."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

from textual.binding import Binding

from reader.config import Config


def _keys(binding: Binding, keymap: Mapping[str, str]) -> list[str]:
    keys = keymap.get(binding.id or "", binding.key)
    return [key.strip() for key in keys.split(",") if key.strip()]


def keymap_problems(
    config: Config,
    everywhere: Iterable[Binding],
    places: Mapping[str, Iterable[Binding]],
) -> list[str]:
    """Problems of `config.keymap`: `everywhere` are the bindings active wherever the focus
    is (app and screen); `places` the bindings of each focusable part, which win there."""
    keymap = config.keymap
    if not keymap:
        return []
    everywhere = list(everywhere)
    places = {name: list(bindings) for name, bindings in places.items()}
    known = {b.id for b in everywhere if b.id}
    for bindings in places.values():
        known |= {b.id for b in bindings if b.id}
    problems = []
    for binding_id in keymap:
        if binding_id not in known:
            close = difflib.get_close_matches(binding_id, sorted(known), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problems.append(f"{config.where(binding_id)}: unknown binding id {binding_id!r}{hint}")

    def clashes(bindings: list[Binding], place: str, shadowed: dict[str, str]) -> None:
        seen: dict[str, str] = {}
        for binding in bindings:
            if not binding.id:
                continue
            for key in _keys(binding, keymap):
                other = seen.get(key) or shadowed.get(key)
                if other and other != binding.id and (binding.id in keymap or other in keymap):
                    culprit = binding.id if binding.id in keymap else other
                    problems.append(
                        f"{config.where(culprit)}: {key!r} is bound to both {other!r} and "
                        f"{binding.id!r} in the {place}; {binding.id!r} wins there"
                    )
                seen.setdefault(key, binding.id)

    clashes(everywhere, "whole app", {})
    global_keys = {key: b.id for b in everywhere if b.id for key in _keys(b, keymap)}
    for place, bindings in places.items():
        clashes(bindings, place, global_keys)
    return problems
