"""Markdown articles: markdown-it-py tokens → blocks whose display text maps back to the source."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from reader.corpus.model import Article, Block, BlockKind, InlineMark, Metadata, TextBuilder

_FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(?P<body>.*?)(?:\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_FRONT_MATTER_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*?)\s*$")
_NEWLINE = re.compile(r"\r\n|\r|\n")
_SPACE = re.compile(r"\s")
_MARK_KINDS = {"em_open": "em", "strong_open": "strong", "s_open": "strike", "link_open": "link"}


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["strikethrough", "table"]).use(footnote_plugin)


_CELL_GAP = " │ "
_MAX_COLUMN = 40  # cells wider than this are cut; the table as a whole is clipped by the view


def _table_block(
    tokens: list[Token], first: int, source: str, region, quote_depth: int
) -> tuple[Block | None, int]:
    """A table from `table_open` at `first`: each row a line, columns padded to align, a rule
    under the header. Returns the block and the index of `table_close`."""
    from rich.cells import cell_len

    rows: list[list[tuple[str, object, tuple[InlineMark, ...]]]] = []
    header_rows = 0
    index = first
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            start, limit = region(token)
            rows[-1].append(_inline_text(token.children or [], source, start, limit))
        elif token.type == "thead_close":
            header_rows = len(rows)
        index += 1
    if not rows:
        return None, index
    columns = max(len(row) for row in rows)
    widths = [0] * columns
    for row in rows:
        for column, (text, _offsets, _marks) in enumerate(row):
            widths[column] = max(widths[column], min(cell_len(text), _MAX_COLUMN))
    builder = TextBuilder()
    marks: list[InlineMark] = []
    table_start, table_end = region(tokens[first])
    last_source = table_start
    for number, row in enumerate(rows):
        if number:
            builder.add("\n", last_source)
        if number == header_rows and header_rows:
            marks.append(InlineMark(0, builder.length, "strong"))  # the header row
            rule = "─┼─".join("─" * width for width in widths)
            builder.add(rule, last_source)
            builder.add("\n", last_source)
        for column in range(columns):
            if column:
                builder.add(_CELL_GAP, last_source)
            text, offsets, cell_marks = row[column] if column < len(row) else ("", None, ())
            if cell_len(text) > widths[column]:
                text = text[: widths[column] - 1] + "…"
            shift = builder.length
            if offsets is not None and text:
                runs = offsets.runs
                for position, (display_start, source_start) in enumerate(runs):
                    display_end = runs[position + 1][0] if position + 1 < len(runs) else len(text)
                    if display_start < len(text):
                        builder.add(text[display_start : min(display_end, len(text))], source_start)
                last_source = offsets.to_source(len(text) - 1) + 1
            marks.extend(
                InlineMark(
                    mark.start + shift, min(mark.end, len(text)) + shift, mark.kind, mark.href
                )
                for mark in cell_marks
                if mark.start < len(text)
            )
            builder.add(" " * (widths[column] - cell_len(text)), last_source)
    text, offsets = builder.build(table_end)
    block = Block(
        BlockKind.TABLE,
        table_start,
        max(table_end, table_start),
        text,
        offsets,
        quote_depth=quote_depth,
        marks=tuple(marks),
    )
    return block, index


def _line_starts(source: str) -> list[int]:
    return [0] + [match.end() for match in _NEWLINE.finditer(source)] + [len(source)]


def parse_front_matter(source: str) -> tuple[dict[str, str], int]:
    """YAML-style `key: value` front matter and the offset where the body begins."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return {}, 0
    fields = {}
    for line in match.group("body").splitlines():
        field_match = _FRONT_MATTER_LINE.match(line)
        if field_match:
            value = field_match.group("value")
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            fields[field_match.group("key").lower()] = value
    return fields, match.end()


class _Locator:
    """Finds where each piece of rendered inline text sits in the source, moving forward only."""

    def __init__(self, source: str, start: int, limit: int) -> None:
        self.source = source
        self.cursor = start
        self.limit = limit

    def place(self, builder: TextBuilder, text: str, before: re.Pattern[str] | None = None) -> None:
        """Map `text` to the source from the cursor on (and before a match of `before`)."""
        limit = self.limit
        if before is not None:
            closing = before.search(self.source, self.cursor, self.limit)
            limit = closing.start() if closing else limit
        # A text token never holds a line break (that is a break token of its own): it is
        # looked for on the cursor's line, never further on where the same words recur.
        line_end = self.source.find("\n", self.cursor, limit)
        found = self.source.find(text, self.cursor, limit if line_end < 0 else line_end)
        if found >= 0:
            builder.add(text, found)
            self.cursor = found + len(text)
            return
        # Escapes, entities and folded line breaks (`\*`, `&amp;`, a newline inside a code span)
        # make rendered text differ from the source: place it character by character.
        for char in text:
            if char.isspace():
                space = _SPACE.search(self.source, self.cursor, limit)
                found = space.start() if space else -1
            else:
                found = self.source.find(char, self.cursor, limit)
            if found >= 0:
                builder.add(char, found)
                self.cursor = found + 1
                continue
            # Not in the source: a decoded character reference. Map it to the reference's `&`.
            reference = self.source.find("&", self.cursor, limit)
            if reference >= 0:
                builder.add(char, reference)
                end = self.source.find(";", reference, limit)
                self.cursor = end + 1 if end >= 0 else reference + 1
            else:
                builder.add(char, max(min(self.cursor, self.limit, len(self.source)) - 1, 0))

    def skip(self, markup: str) -> None:
        if not markup:
            return
        found = self.source.find(markup, self.cursor, self.limit)
        if found >= 0:
            self.cursor = found + len(markup)

    def skip_link_target(self) -> None:
        """After a link's text: step over `](url "title")` or `][ref]`."""
        source, cursor = self.source, self.cursor
        if cursor < self.limit and source[cursor] == "]":
            cursor += 1
            closer = {"(": ")", "[": "]"}.get(source[cursor : cursor + 1])
            if closer:
                end = source.find(closer, cursor, self.limit)
                cursor = end + 1 if end >= 0 else cursor
            self.cursor = cursor


def _inline_text(
    children: list[Token], source: str, start: int, limit: int
) -> tuple[str, object, tuple[InlineMark, ...]]:
    builder = TextBuilder()
    locator = _Locator(source, start, limit)
    marks: list[InlineMark] = []
    open_marks: list[tuple[str, int, str]] = []
    for token in children:
        kind = token.type
        if kind == "text":
            locator.place(builder, token.content)
        elif kind == "code_inline":
            locator.skip(token.markup)
            mark_start = builder.length
            # The span closes at a backtick run of exactly the opening run's length.
            closing = re.compile(f"(?<!`){re.escape(token.markup)}(?!`)")
            locator.place(builder, token.content, before=closing)
            found = closing.search(source, locator.cursor, limit)
            locator.cursor = found.end() if found else locator.cursor
            marks.append(InlineMark(mark_start, builder.length, "code"))
        elif kind in ("softbreak", "hardbreak"):
            newline = _NEWLINE.search(source, locator.cursor, limit)
            position = newline.start() if newline else locator.cursor
            builder.add(" " if kind == "softbreak" else "\n", position)
            locator.cursor = newline.end() if newline else locator.cursor
        elif kind in _MARK_KINDS:
            locator.skip(token.markup or ("[" if kind == "link_open" else ""))
            href = str(token.attrs.get("href", "")) if kind == "link_open" else ""
            open_marks.append((_MARK_KINDS[kind], builder.length, href))
        elif kind.endswith("_close") and open_marks:
            mark_kind, mark_start, href = open_marks.pop()
            if mark_kind == "link":
                locator.skip_link_target()
            else:
                locator.skip(token.markup)
            marks.append(InlineMark(mark_start, builder.length, mark_kind, href))
        elif kind == "image":
            # An image shows as its alt text; one without any shows nothing (the address is
            # not text of the article).
            alt = "".join(child.content for child in token.children or [])
            mark_start = builder.length
            locator.place(builder, alt)
            locator.skip_link_target()
            marks.append(
                InlineMark(mark_start, builder.length, "link", str(token.attrs.get("src", "")))
            )
        elif kind == "footnote_ref":
            # "[^label]" shows as its number, "[1]", in place.
            found = source.find("[^", locator.cursor, limit)
            position = found if found >= 0 else locator.cursor
            number = f"[{token.meta['id'] + 1}]"
            mark_start = builder.length
            builder.add(number, position)
            end = source.find("]", position, limit)
            locator.cursor = end + 1 if end >= 0 else locator.cursor
            marks.append(InlineMark(mark_start, builder.length, "note"))
        elif kind == "html_inline":
            locator.skip(token.content)
    text, offsets = builder.build(locator.cursor)
    return text, offsets, tuple(marks)


def _same_words(one: str, other: str) -> bool:
    return one.split() == other.split() or one.casefold().split() == other.casefold().split()


def parse_markdown(path: Path, source: str) -> Article:
    fields, body_start = parse_front_matter(source)
    # Blank out the front matter but keep its lines, so token line maps match the source.
    masked = "\n" * source.count("\n", 0, body_start) + source[body_start:]
    tokens = _parser().parse(masked)
    line_starts = _line_starts(source)

    def region(token: Token) -> tuple[int, int]:
        first, last = token.map or (0, 0)
        start = line_starts[min(first, len(line_starts) - 1)]
        end = line_starts[min(last, len(line_starts) - 1)]
        return max(start, body_start), max(end, body_start)

    blocks: list[Block] = []
    list_stack: list[list[int]] = []  # [ordered?, next number] per open list
    item_prefix: str | None = None
    quote_depth = 0
    heading_level = 0
    note_prefix: str | None = None
    skip_to = -1
    for index, token in enumerate(tokens):
        if index <= skip_to:
            continue  # inside a table, taken whole
        kind = token.type
        if kind == "table_open":
            table, skip_to = _table_block(tokens, index, source, region, quote_depth)
            if table is not None:
                blocks.append(table)
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            ordered = kind == "ordered_list_open"
            list_stack.append([ordered, int(token.attrs.get("start", 1) or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
        elif kind == "list_item_open" and list_stack:
            ordered, number = list_stack[-1]
            item_prefix = f"{number}. " if ordered else "• "
            list_stack[-1][1] = number + 1
        elif kind == "heading_open":
            heading_level = int(token.tag[1:])
        elif kind == "footnote_open":
            note_prefix = f"{token.meta['id'] + 1}. "
        elif kind == "inline":
            start, limit = region(token)
            text, offsets, marks = _inline_text(token.children or [], source, start, limit)
            if not text.strip():
                continue
            block_start = offsets.to_source(0)
            block_end = min(offsets.to_source(len(text) - 1) + 1, len(source))
            parent = tokens[index - 1].type if index else ""
            if parent == "heading_open":
                block_kind, level, prefix = BlockKind.HEADING, heading_level, ""
            elif note_prefix is not None:
                # A footnote: a numbered note, where the file defines it (most put them last).
                block_kind, level, prefix = BlockKind.NOTE, 1, note_prefix
                note_prefix = None
            elif list_stack:
                block_kind, level = BlockKind.LIST_ITEM, len(list_stack)
                prefix = item_prefix if item_prefix is not None else ""
                item_prefix = None
            else:
                block_kind, level, prefix = BlockKind.PARAGRAPH, 0, ""
            blocks.append(
                Block(
                    block_kind,
                    block_start,
                    block_end,
                    text,
                    offsets,
                    level=level,
                    prefix=prefix,
                    quote_depth=quote_depth,
                    marks=marks,
                )
            )
        elif kind in ("fence", "code_block"):
            start, limit = region(token)
            builder = TextBuilder()
            locator = _Locator(source, start, limit)
            locator.place(builder, token.content.rstrip("\n"))
            text, offsets = builder.build(locator.cursor)
            if text:
                blocks.append(
                    Block(
                        BlockKind.CODE,
                        offsets.to_source(0),
                        locator.cursor,
                        text,
                        offsets,
                        quote_depth=quote_depth,
                    )
                )
        elif kind == "hr":
            start, limit = region(token)
            end = start + len(source[start:limit].rstrip())
            builder = TextBuilder()
            text, offsets = builder.build(end)
            blocks.append(Block(BlockKind.RULE, start, end, text, offsets))

    # Footnotes come last from the parser; blocks stay in source order (spans are found by
    # bisecting block starts), so each note sits where the file defines it.
    blocks.sort(key=lambda block: block.start)
    title = fields.get("title", "")
    first_heading = next((i for i, b in enumerate(blocks) if b.kind == BlockKind.HEADING), -1)
    if title and first_heading >= 0 and _same_words(blocks[first_heading].text, title):
        # The front matter's title repeated as the first heading: show it once.
        blocks[first_heading] = replace(blocks[first_heading], kind=BlockKind.TITLE)
    if not title:
        for position, block in enumerate(blocks):
            if block.kind == BlockKind.HEADING:
                blocks[position] = replace(block, kind=BlockKind.TITLE)
                title = block.text
                break
    title_index = next((i for i, b in enumerate(blocks) if b.kind == BlockKind.TITLE), -1)
    for position in range(title_index + 1, len(blocks)):
        block = blocks[position]
        if block.kind == BlockKind.PARAGRAPH and not block.quote_depth:
            blocks[position] = replace(block, kind=BlockKind.STANDFIRST)
        if block.kind != BlockKind.RULE:
            break
    metadata = Metadata(
        source=fields.get("source", ""),
        author=fields.get("author", ""),
        date=fields.get("date", ""),
    )
    return Article(
        path=path,
        source=source,
        title=title or path.stem.replace("_", " ").replace("-", " "),
        blocks=tuple(blocks),
        metadata=metadata,
        format="markdown",
    )
