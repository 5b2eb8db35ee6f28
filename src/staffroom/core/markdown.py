"""Markdown to safe HTML (DESIGN rule 6).

User text is rendered once, on save, with markdown-it-py (CommonMark, no raw HTML)
and then cleaned by nh3, so a template may mark the stored HTML safe and nothing else.
"""

from functools import cache
from html import unescape

import nh3
from markdown_it import MarkdownIt

_TAGS = {
    "a", "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li",
    "h2", "h3", "h4", "hr", "del", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(
        ["table", "strikethrough"]
    )


def render_markdown(text: str) -> str:
    """Return sanitised HTML for ``text``; raw HTML in the input is shown as text."""
    html = _parser().render(text or "")
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener ugc",
    )


def markdown_text(text: str) -> str:
    """The words of Markdown ``text`` without its markup (no ``#``, ``**`` or link
    syntax): what a search index and its snippets should hold."""
    html = _parser().render(text or "")
    words = nh3.clean(html, tags=set())
    return " ".join(unescape(words).split())
