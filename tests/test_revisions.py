"""Revisions' pieces, without a build (the pages themselves: test_history.py):
the word diff and the old text rendered inert."""

from __future__ import annotations

from bs4 import BeautifulSoup

from blogarchive.revisions import Version, render_text, word_diff


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_word_diff_marks_words_and_keeps_line_breaks():
    diff = soup(word_diff("one two three\n\nfour five", "one 2 three\n\nfour five six"))
    assert [d.get_text() for d in diff.select("del")] == ["[deleted: two]"]
    assert [i.get_text() for i in diff.select("ins")] == ["[inserted: 2]", "[inserted: six]"]
    for element in diff.select("del, .visually-hidden"):
        element.decompose()
    text = diff.get_text()  # the new text, its paragraphs kept
    assert text.split() == "one 2 three four five six".split() and "three\n\nfour" in text


def test_word_diff_keeps_words_apart():
    assert soup(word_diff("a b c", "a c")).get_text() == "a [deleted: b] c"
    assert soup(word_diff("a b", "a")).get_text().split() == ["a", "[deleted:", "b]"]


def test_word_diff_ignores_respacing_and_escapes_markup():
    assert "<del>" not in word_diff("a  b\nc", "a b c")
    diff = word_diff("x", "x <script>alert(1)</script>")
    assert "<script>" not in diff and "&lt;script&gt;" in diff


def test_old_text_is_rendered_inert():
    html = render_text(
        "<script>alert(1)</script>\n\n[a](javascript:alert(1)) [b](vbscript:x)"
        ' ![photo](https://old.example/p.jpg "t")\n'
    )
    page = soup(html)
    assert page.select("script, img, iframe") == []
    assert [a.get("href") for a in page.select("a")] == []  # neither link is live
    assert "[picture: photo]" in page.get_text()


def test_version_reads_title_tags_and_front_matter():
    version = Version.parse("---\ndate: 2010-07-01\ntags: [A, B]\n---\n\n# Title\n\nText.\n")
    assert (version.title, version.tags, version.text) == ("Title", ("A", "B"), "Text.")
    assert version.front == {"date": __import__("datetime").date(2010, 7, 1)}
    broken = Version.parse("---\ndate: [\n---\n# T\n")
    assert broken.title == "T" and "front matter" in broken.front


def test_an_old_version_of_yaml_aliases_is_read_as_its_text():
    """An old version is read from git on every build, and history does not
    change: a front matter of aliases of aliases (nine lists of nine, five
    deep here: 59,049 items) was taken in whole, its tags made text, every
    build.  Its front matter is kept as the text it was, as a broken one is."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 6)]
    front = "\n".join(lines) + "\ntags: *a5\n"
    version = Version.parse(f"---\n{front}---\n\n# Title\n\nText.\n")
    assert (version.title, version.tags, version.text) == ("Title", (), "Text.")
    assert version.front == {"front matter": front}
