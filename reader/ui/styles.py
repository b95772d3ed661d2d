"""Component styles to layer one over another in a Line API widget."""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget


def layered_style(widget: Widget, name: str) -> Style:
    """A component's own style, to layer over others: only what it sets, with colours given
    with alpha ("$text-muted", "$accent 12%") blended over the widget's background (a partial
    style alone leaves them unblended: pale text on a light theme)."""
    own = widget.get_component_rich_style(name, partial=True)
    if own.color is None and own.bgcolor is None:
        return own
    blended = widget.get_component_rich_style(name)
    return own + Style(
        color=blended.color if own.color else None,
        bgcolor=blended.bgcolor if own.bgcolor else None,
    )
