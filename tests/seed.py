"""Read the Blogger month page saved as text (``../shared/seeds/``), independently
of the importer, so the tests can hold the posts in ``posts/`` against it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

DATE_HEADING = re.compile(r"^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \d{1,2} \w+ \d{4}$")
BULLET = "•"


@dataclass
class SeedPost:
    day: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)


def _is_title(block: str, after_heading: bool, next_block: str | None) -> bool:
    if after_heading:
        return True
    # A second post on the same day: a short single line before a long paragraph.
    return (
        "\n" not in block
        and len(block) <= 60
        and not block.endswith((".", ":", "!"))
        and next_block is not None
        and len(next_block) > len(block)
    )


def read_seed(path: Path) -> list[SeedPost]:
    blocks = [b.strip("\n") for b in re.split(r"\n[ \t]*\n", path.read_text(encoding="utf-8"))]
    blocks = [b for b in blocks if b.strip()]
    posts: list[SeedPost] = []
    day, after_heading = None, False
    for i, block in enumerate(blocks):
        if DATE_HEADING.match(block.strip()):
            day, after_heading = block.strip(), True
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if _is_title(block, after_heading, nxt):
            posts.append(SeedPost(day, block.strip()))
        else:
            for line in block.splitlines():
                if line.strip().startswith(BULLET):
                    posts[-1].items.append(line.strip()[1:].strip())
                elif line.strip():
                    posts[-1].paragraphs.append(line.strip())
        after_heading = False
    return posts
