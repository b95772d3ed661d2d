"""Posting a widget's own messages so they always bubble up to the screen; naming workers."""

from __future__ import annotations

from textual.message import Message
from textual.message_pump import MessagePump


def post_own(sender: MessagePump, message: Message) -> None:
    """Post `message` with `sender` as its sender.

    Textual takes a message's sender from whichever handler runs when the message is made, and
    stops bubbling right after that sender. A message a widget makes while its parent's handler
    runs (the parent calling a method of it) would so stop at the parent, short of the screen.
    """
    sender.post_message(message.set_sender(sender))


# Textual's @work describes a worker by the repr() of its arguments unless given a description:
# the repr of a 20 MB article (or of 100,000 rows) took 0.4 s on the UI thread per call.
WORKER_DESCRIPTION = "reader worker (arguments not shown)"
