"""Choosing a link of the passage under the cursor to open in the browser: the addresses are
shown first, and nothing opens until Enter."""

from __future__ import annotations

from textual.content import Content

from reader.links import link_problem
from reader.output import safe
from reader.ui.screens.choice import ChoiceScreen


def _not_opened(address: str) -> list:
    problem = link_problem(address)
    return (
        []
        if problem is None
        else ["\n", (f"not opened ({problem}): Enter copies it", "$text-warning")]
    )


class LinkScreen(ChoiceScreen):
    def __init__(self, links: list[tuple[str, str]]) -> None:
        super().__init__(
            "Open in the browser · Enter opens · Esc closes",
            [
                (
                    address,
                    Content.assemble(
                        (safe(text or address, tabs=False), "bold"),
                        "\n",
                        (safe(address, tabs=False), "$text-muted"),
                        *_not_opened(address),
                    ),
                )
                for text, address in links
            ],
        )
