"""Web pages as articles: trafilatura finds the main text and the page's metadata, and this module
writes what it found as a Markdown article (front matter, then the body).

The Markdown text is the article's source: offsets, search, analysis and bookmarks all refer to
it, so a page reads, highlights and keeps passages exactly as a Markdown file does. A newer
trafilatura that extracts a page differently gives a new text and a new content hash, and the
bookmarks re-anchor as they do in any edited article.

trafilatura's own Markdown output drops block quotes and does not escape text that reads as
Markdown, so its XML tree is walked here instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reader.corpus.model import Article
from reader.output import strip_controls

# Fewer words than this is a page of links, a login wall or an error page, not an article.
MIN_ARTICLE_WORDS = 25


class NoArticleText(Exception):
    """The page holds no text that reads as an article."""


@dataclass(frozen=True, slots=True)
class Page:
    """What a page says of itself, and its main text as Markdown."""

    title: str
    author: str
    date: str
    site: str
    url: str
    body: str  # Markdown

    @property
    def words(self) -> int:
        return len(self.body.split())


def extract_page(html: str | bytes, url: str = "", min_words: int = MIN_ARTICLE_WORDS) -> Page:
    """The main text and metadata of a page (`bytes`: its charset is detected from the page);
    `NoArticleText` when it holds fewer than `min_words` words of main text."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_links=True,
        include_formatting=True,
        include_tables=True,
        include_images=False,
    )
    body = None if document is None else document.body
    markdown = _Writer().document(body) if body is not None else ""
    if len(markdown.split()) < max(min_words, 1):
        raise NoArticleText("the page holds no article text")
    return Page(
        title=one_line(document.title or ""),
        author=one_line(document.author or ""),
        date=one_line(document.date or ""),
        site=_site_name(document.sitename or "", document.url or url),
        url=one_line(document.url or url or ""),
        body=markdown,
    )


def page_markdown(page: Page, fetched: str = "") -> str:
    """The page as a Markdown article: front matter the Markdown parser reads, then the body."""
    from urllib.parse import urlsplit

    site = page.site or (urlsplit(page.url).hostname or "" if page.url else "")
    fields = [
        ("title", page.title),
        ("author", page.author),
        ("date", page.date),
        ("source", site),
        ("url", page.url),
        ("fetched", fetched),
    ]
    lines = ["---"]
    lines += [f'{key}: "{value}"' for key, value in fields if value]
    lines += ["---", "", page.body.rstrip("\n"), ""]
    return "\n".join(lines)


def parse_saved_page(path: Path, data: bytes) -> Article:
    """A saved page (`.html`) as an article; `NoArticleText` if it holds none."""
    from reader.corpus.markdown import parse_markdown

    return parse_markdown(path, page_markdown(extract_page(data)))


def _site_name(name: str, url: str) -> str:
    """The site's own name; trafilatura gives the address's host when the page names none, and
    a feed's title says more than that."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    hosts = {parts.netloc.lower(), (parts.hostname or "").lower()}
    hosts |= {host.removeprefix("www.") for host in hosts}
    return "" if name.lower() in hosts else one_line(name)


def one_line(text: str) -> str:
    """A metadata value for the front matter: one line, no control characters."""
    return " ".join(strip_controls(text).split())


# Characters that would start Markdown syntax inside text; escaped so a page's text stays text.
_INLINE_SYNTAX = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START_SYNTAX = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def _escape(text: str) -> str:
    return _INLINE_SYNTAX.sub(r"\\\1", strip_controls(text))


class _Writer:
    """trafilatura's XML body (head, p, list/item, quote, table/row/cell, hi, ref, lb, code)
    → Markdown blocks separated by blank lines."""

    def document(self, body) -> str:
        blocks = self._blocks(body, quote=0)
        return "\n\n".join(block for block in blocks if block.strip()) + "\n"

    def _blocks(self, element, quote: int) -> list[str]:
        # Text may sit loose between blocks (a feed's content that is not in paragraphs).
        blocks = self._loose(element.text, quote)
        for child in element:
            blocks.extend(self._block(child, quote))
            blocks.extend(self._loose(child.tail, quote))
        return blocks

    def _loose(self, text: str | None, quote: int) -> list[str]:
        words = " ".join(_escape(text or "").split())
        return [self._quoted(self._paragraph(words), quote)] if words else []

    def _block(self, element, quote: int) -> list[str]:
        tag = element.tag
        if tag == "head":
            level = (element.get("rend") or "h2").lstrip("h")
            level = int(level) if level.isdigit() and 1 <= int(level) <= 6 else 2
            text = self._inline(element)
            return [self._quoted("#" * level + " " + text, quote)] if text else []
        if tag == "list":
            return [self._quoted(line, quote) for line in self._list(element, depth=0)]
        if tag == "quote":
            inner = self._blocks(element, quote + 1) if len(element) else []
            if not inner:
                text = self._inline(element)
                inner = [self._quoted(self._paragraph(text), quote + 1)] if text else []
            return inner
        if tag == "table":
            return [self._quoted(self._table(element), quote)]
        if tag == "code":
            code = strip_controls("".join(element.itertext())).strip("\n")
            fence = "~~~" if "```" in code else "```"
            return [self._quoted(f"{fence}\n{code}\n{fence}", quote)] if code.strip() else []
        if tag in ("graphic", "lb"):
            return []
        text = self._inline(element)
        return [self._quoted(self._paragraph(text), quote)] if text else []

    @staticmethod
    def _paragraph(text: str) -> str:
        # A paragraph that starts like a heading, a list item or a quote stays a paragraph.
        return _LINE_START_SYNTAX.sub(lambda m: m.group(1) + "\\" + m.group(2), text, count=1)

    @staticmethod
    def _quoted(block: str, quote: int) -> str:
        if not quote:
            return block
        marker = "> " * quote
        return "\n".join(marker + line if line else marker.rstrip() for line in block.split("\n"))

    def _list(self, element, depth: int) -> list[str]:
        ordered = (element.get("rend") or "").lower() == "ol"
        lines: list[str] = []
        number = 0
        for item in element:
            if item.tag != "item":
                continue
            number += 1
            marker = f"{number}." if ordered else "-"
            text = self._inline(item, skip=("list",))
            if text:
                lines.append("   " * depth + f"{marker} {text}")
            for nested in item.iterfind("list"):
                lines.extend(self._list(nested, depth + 1))
        return ["\n".join(lines)] if lines else []

    def _table(self, element) -> str:
        rows = [
            [self._inline(cell).replace("\n", " ") or " " for cell in row if cell.tag == "cell"]
            for row in element.iterfind("row")
        ]
        rows = [row for row in rows if row]
        if not rows:
            return ""
        columns = max(len(row) for row in rows)
        lines = []
        for number, row in enumerate(rows):
            cells = row + [" "] * (columns - len(row))
            lines.append("| " + " | ".join(cells) + " |")
            if number == 0:
                lines.append("|" + "---|" * columns)
        return "\n".join(lines)

    def _inline(self, element, skip: tuple[str, ...] = ()) -> str:
        parts = [_escape(element.text or "")]
        for child in element:
            if child.tag in skip:
                parts.append(_escape(child.tail or ""))
                continue
            parts.append(self._inline_child(child))
            parts.append(_escape(child.tail or ""))
        return " ".join("".join(parts).split())

    def _inline_child(self, child) -> str:
        tag = child.tag
        if tag == "lb":
            return " "
        if tag == "code" or (tag == "hi" and "#t" in (child.get("rend") or "")):
            code = " ".join(strip_controls("".join(child.itertext())).split())
            return f"`{code}`" if code and "`" not in code else _escape(code)
        inner = self._inline(child)
        if not inner:
            return ""
        if tag == "ref":
            target = child.get("target") or ""
            if target.startswith(("http://", "https://", "mailto:")) and not re.search(
                r"[\s()<>]", target
            ):
                return f"[{inner}]({target})"
            return inner
        if tag == "hi":
            rend = child.get("rend") or ""
            if "#b" in rend:
                return f"**{inner}**"
            if "#i" in rend:
                return f"*{inner}*"
            return inner
        if tag == "del":
            return f"~~{inner}~~"
        return inner
