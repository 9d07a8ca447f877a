"""The front-matter schema, key by key, without building a site (issue 14).

Each case is one post's front matter and what the schema makes of it: the
values handed to ABlog, or the problem as ``line: field: message``.  One
build test (tests/test_bad_input.py) keeps the ``path:line:`` wiring.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from blogarchive.frontmatter import SCHEMA, check, dump

LONDON = ZoneInfo("Europe/London")


def front(text: str):
    return check("post.md", f"---\n{text}---\n\n# Title\n\nText.\n", LONDON)


GOOD = [
    ("date: 2010-07-21\n", "date", dt.datetime(2010, 7, 21)),
    ("date: 2010-07-21T23:30:00-04:00\n", "date", dt.datetime(2010, 7, 22, 4, 30)),
    ("date: 2010-07-21\nsequence: 2\n", "date", dt.datetime(2010, 7, 21, 0, 0, 2)),
    ("author: [Chris Mills, Eileen Munro]\n", "author", ["Chris Mills", "Eileen Munro"]),
    ("category: Policy\n", "category", ["Policy"]),
    ("tags: Ofsted,  Birmingham , ofsted\n", "tags", ["Ofsted", "Birmingham"]),
    ("draft: true\n", "draft", True),
    ("blogpost: false\n", "blogpost", False),
    ("excerpt: 2\n", "excerpt", 2),
    ("comments: 3\n", "comments", 3),
    (
        "redirect: [/2010/07/old.html, /2010/07/21/old/]\n",
        "redirect",
        ["/2010/07/old.html", "/2010/07/21/old/"],
    ),
    # (a list's item whole: a comma, a capital letter are an address's own)
    (
        "redirect: ['/2010/07/a,b/', /A.html, /a.html]\n",
        "redirect",
        ["/2010/07/a,b/", "/A.html", "/a.html"],
    ),
    (  # (two names of one login: one for each name, in order)
        "author: [Chris Mills, The Editor]\nwordpress_author: [chris, chris]\n",
        "wordpress_author",
        ["chris", "chris"],
    ),
    (  # each author's login, whose page WordPress had at /author/<login>/
        "author: [Chris Mills, Eileen Munro]\nwordpress_author: [chris, e_munro]\n",
        "wordpress_author",
        ["chris", "e_munro"],
    ),
    # WordPress's number of a post at another address: /?p=11 leads to it
    ("wordpress_id: 11\n", "wordpress_id", 11),
    (
        "blogger_url: http://x.blogspot.com/2010/07/a.html\n",
        "blogger_url",
        "http://x.blogspot.com/2010/07/a.html",
    ),
]


@pytest.mark.parametrize(("text", "key", "value"), GOOD, ids=[g[1] for g in GOOD])
def test_each_key_is_read_as_meant(text, key, value):
    fm = front(text)
    assert fm.problems == [] and fm.values[key] == value
    assert "sequence" not in fm.values  # folded into the date


BAD = [
    ("date: 2010-02-30\n", "2: date: '2010-02-30' is not a valid ISO 8601 date"),
    ("date: [2010]\n", "2: date: expected an ISO 8601 date"),
    ("date: 2010-07-21\nsequence: first\n", "3: sequence: expected a whole number from 0"),
    ("date: 2010-07-21\nsequence: -1\n", "3: sequence: expected a whole number from 0"),
    # (a day's seconds at most; past them, 2**70, Python's timedelta overflowed: a traceback)
    ("date: 2010-07-21\nsequence: 86400\n", "3: sequence: expected a whole number from 0 to 86399"),
    ("date: 2010-07-21\nsequence: 1180591620717411303424\n", "3: sequence: expected a whole"),
    ("date: 9999-12-30T23:59:59\nsequence: 1\n", "3: sequence: 1 seconds after the date is past"),
    # (Python's first and last days: moved to UTC for the feeds, past them: a traceback)
    ("date: 0001-01-01T00:00:00+14:00\n", "2: date: '0001-01-01T00:00:00+14:00' is outside the"),
    ("date: 9999-12-31\n", "2: date: '9999-12-31' is outside the dates a page can show"),
    ("tags: [a, {b: c}]\n", "2: tags: expected text, got dict"),
    ("tags: [a, 'b, c']\n", "2: tags: 'b, c' contains a comma"),
    ("category: 3.5.1\nauthor: {a: b}\n", "3: author: expected a string or a list"),
    ("draft: yes please\n", "2: draft: expected true or false"),
    ("sticky: first\n", "2: sticky: expected true or false"),
    ("excerpt: two\n", "2: excerpt: expected a whole number"),
    ("excerpt: -1\n", "2: excerpt: expected a whole number >= 0"),
    ("image: -2\n", "2: image: expected a whole number >= 0"),
    ("canonical_link: javascript:alert(1)\n", "2: canonical_link: expected an http or https"),
    ("summary: 5\n", "2: summary: expected text"),
    ("redirect: /../../escape.html\n", "2: redirect: '/../../escape.html' has an empty, '.', '..'"),
    ("redirect: /index.html\n", "2: redirect: '/index.html' must name a page of its own"),
    ("redirect: old.html\n", "2: redirect: 'old.html' must be a path from the site's root"),
    (
        "author: Chris Mills\nwordpress_author: chris@example.org\n",
        "3: wordpress_author: expected a WordPress login of small letters",
    ),
    (
        "author: [Chris Mills, Eileen Munro]\nwordpress_author: chris\n",
        "3: wordpress_author: 1 login(s) for 2 author(s)",
    ),
    ("wordpress_id: eleven\n", "2: wordpress_id: expected WordPress's number of the post"),
    ("wordpress_id: '11'\n", "2: wordpress_id: expected WordPress's number of the post"),
    ("wordpress_id: 0\n", "2: wordpress_id: expected WordPress's number of the post"),
    # (past what the home page's script compares exactly: it would find another post)
    ("wordpress_id: 9007199254740993\n", "2: wordpress_id: expected WordPress's number"),
    ("Date: 2010-07-21\n", "2: Date: unknown front-matter key: did you mean 'date'?"),
    ("catgory: Policy\n", "2: catgory: unknown front-matter key: did you mean 'category'?"),
    ("tags: [a, b\n", "2: front matter: malformed YAML"),
    ("- a list\n", "2: front matter: must be a mapping"),
]


@pytest.mark.parametrize(("text", "problem"), BAD, ids=[b[1].split(":")[1].strip() for b in BAD])
def test_each_bad_value_is_named_with_its_line_and_field(text, problem):
    fm = front(text)
    assert not fm.ok
    assert any(str(p).removeprefix("post.md:").startswith(problem) for p in fm.problems), (
        fm.problems
    )


def test_an_unknown_key_unlike_any_is_a_warning():
    fm = front("date: 2010-07-21\nmood: happy\n")
    assert fm.ok and [str(p) for p in fm.problems] == [
        "post.md:3: mood: unknown front-matter key (ignored)"
    ]


def test_every_key_has_a_description():
    assert all(spec.description for spec in SCHEMA.values())


def test_what_dump_writes_the_schema_reads_back():
    values = {
        "date": dt.datetime(2011, 5, 10, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        "author": "Smith: J",
        "category": "Policy #2",
        "tags": ["a", "C#"],
        "redirect": ["/2011/05/x.html"],
    }
    fm = front("\n".join(dump(values)) + "\n")
    assert fm.problems == []
    assert fm.values["author"] == ["Smith: J"] and fm.values["category"] == ["Policy #2"]
    assert fm.values["tags"] == ["a", "C#"] and fm.values["date"] == dt.datetime(2011, 5, 10, 9, 30)
