"""Writing plain text as MyST without changing a character the reader sees."""

from __future__ import annotations

import re

# Characters that start Markdown syntax inside a line.
INLINE = re.compile(r"([\\`*_\[\]<>|{}$])")
# Line starts that Markdown would read as a heading, list, quote, rule, table or front matter.
BLOCK_START = re.compile(
    r"^(#{1,6}(\s|$)|[-+*](\s|$)|\d{1,9}[.)](\s|$)|>|=+\s*$|-{3,}\s*$|:::|```|~~~)"
)


def escape_line(text: str, in_list: bool = False) -> str:
    """Backslash-escape what Markdown would otherwise interpret; keep the rest as is."""
    text = INLINE.sub(r"\\\1", text)
    if BLOCK_START.match(text):
        text = "\\" + text
    return text
