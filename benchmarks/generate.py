"""Generate N realistic posts as this blog's MyST posts, Pelican's Markdown and
Hugo's content, so every tool builds the same text.

Each post: ~600 words (drawn by Zipf's law from a vocabulary of 20,000) in 6-9
paragraphs, a bullet list, two links (one to an earlier post), 2-3 of 40 tags,
one of 8 categories, a date spread over 10 years.
Seeded: the same N always gives the same posts.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

FUNCTION_WORDS = (
    "the a of and to in that is was for on with as by it this which be are have not"
).split()
#: The blog's own words, from the most to the least frequent (issue 15's search
#: queries among them: "serious case review", "safeguarding", "outcome").
DOMAIN_WORDS = (
    "child protection social serious case review work family inspection report council "
    "court evidence practice professional assessment referral support school health police "
    "agency board safeguarding neglect abuse young people research policy government reform "
    "bureaucracy target procedure supervision management learning system risk judgement "
    "relationship trust disclosure service outcome"
).split()
VOCABULARY_SIZE = 20_000
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


def vocabulary(size: int = VOCABULARY_SIZE) -> tuple[list[str], list[float]]:
    """Words and their cumulative weights by Zipf's law (a word's frequency is
    inversely proportional to its rank), as in real text: a few words are in
    every post, most in few.  (Before, 60 words were drawn evenly, so every
    post held every word: a worst case for a search index, which still shows
    in the benchmark as a query for "the".)  The function words come first,
    the blog's own words at ranks spread from about 23 to 3000, and
    made-up words of two to four syllables fill the rest."""
    rng = random.Random(0)
    made_up: list[str] = []
    seen = set(FUNCTION_WORDS) | set(DOMAIN_WORDS)
    wanted = size - len(seen)
    while len(made_up) < wanted:
        word = "".join(rng.choices(SYLLABLES, k=rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            made_up.append(word)
    words: list[str | None] = [*FUNCTION_WORDS, *[None] * (size - len(FUNCTION_WORDS))]
    last = len(DOMAIN_WORDS) - 1
    for i, word in enumerate(DOMAIN_WORDS):
        rank = len(FUNCTION_WORDS) + round(3000 ** (i / last))
        while words[rank] is not None:
            rank += 1
        words[rank] = word
    fill = iter(made_up)
    words = [word if word is not None else next(fill) for word in words]
    cumulative, total = [], 0.0
    for rank in range(size):
        total += 1 / (rank + 1)
        cumulative.append(total)
    return words, cumulative


WORDS, CUMULATIVE = vocabulary()
TAGS = [f"topic {n:02d}" for n in range(40)]
CATEGORIES = [
    "Reviews",
    "Inspection",
    "Research",
    "Policy",
    "Practice",
    "Courts",
    "Health",
    "Notes",
]
START = dt.datetime(2009, 1, 1, 9, 0)


@dataclass(frozen=True)
class GeneratedPost:
    slug: str
    title: str
    date: dt.datetime
    tags: tuple[str, ...]
    category: str
    paragraphs: tuple[str, ...]
    items: tuple[str, ...]
    link_to: str | None  # slug of an earlier post


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, cum_weights=CUMULATIVE, k=rng.randint(8, 18))
    return " ".join(words).capitalize() + "."


def posts(count: int, seed: int = 2010) -> list[GeneratedPost]:
    rng = random.Random(seed)
    span = 10 * 365 * 24 * 3600
    out = []
    for index in range(count):
        date = START + dt.timedelta(seconds=index * span // max(count, 1))
        title = f"{_sentence(rng)[:-1].title()[:50].strip()} {index}"
        paragraphs = tuple(
            " ".join(_sentence(rng) for _ in range(rng.randint(4, 7)))
            for _ in range(rng.randint(6, 9))
        )
        out.append(
            GeneratedPost(
                slug=f"post-{index:05d}",
                title=title,
                date=date,
                tags=tuple(sorted(rng.sample(TAGS, rng.randint(2, 3)))),
                category=rng.choice(CATEGORIES),
                paragraphs=paragraphs,
                items=tuple(_sentence(rng) for _ in range(rng.randint(3, 5))),
                link_to=out[rng.randrange(len(out))].slug if out else None,
            )
        )
    return out


def _body(post: GeneratedPost, link: str | None) -> str:
    paragraphs = list(post.paragraphs)
    paragraphs[1] += " See [the inspection framework](https://www.example.org/framework)."
    if link:
        paragraphs[2] += f" I wrote about this [before]({link})."
    items = "\n".join(f"- {item}" for item in post.items)
    return "\n\n".join([*paragraphs[:3], items, *paragraphs[3:]]) + "\n"


def write_myst(blog: Path, generated: list[GeneratedPost]) -> None:
    for post in generated:
        path = blog / "posts" / str(post.date.year) / f"{post.slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        linked = next((p for p in generated if p.slug == post.link_to), None)
        link = f"../{linked.date.year}/{linked.slug}.md" if linked else None
        front = (
            f"---\ndate: {post.date.isoformat()}\nauthor: Chris Mills\n"
            f"category: {post.category}\ntags: [{', '.join(post.tags)}]\n---\n\n"
        )
        path.write_text(front + f"# {post.title}\n\n" + _body(post, link), encoding="utf-8")


def write_pelican(content: Path, generated: list[GeneratedPost]) -> None:
    for post in generated:
        path = content / f"{post.slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        link = f"{{filename}}/{post.link_to}.md" if post.link_to else None
        meta = (
            f"Title: {post.title}\nDate: {post.date:%Y-%m-%d %H:%M}\nAuthor: Chris Mills\n"
            f"Category: {post.category}\nTags: {', '.join(post.tags)}\nSlug: {post.slug}\n\n"
        )
        path.write_text(meta + _body(post, link), encoding="utf-8")


def write_hugo(content: Path, generated: list[GeneratedPost]) -> None:
    """The same posts as Hugo content, with year and month as taxonomies so that
    Hugo renders a page for each, as this blog does (benchmarks/hugo/)."""
    for post in generated:
        path = content / "posts" / f"{post.slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        link = f'{{{{< ref "{post.link_to}.md" >}}}}' if post.link_to else None
        tags = ", ".join(f'"{tag}"' for tag in post.tags)
        meta = (
            f'---\ntitle: "{post.title}"\ndate: {post.date.isoformat()}\nauthors: ["Chris Mills"]\n'
            f'categories: ["{post.category}"]\ntags: [{tags}]\n'
            f'years: ["{post.date:%Y}"]\nmonths: ["{post.date:%Y-%m}"]\n---\n\n'
        )
        path.write_text(meta + _body(post, link), encoding="utf-8")
