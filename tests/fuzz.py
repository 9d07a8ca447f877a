"""Not a test: random input, to find what the tests' chosen cases miss.

    .venv/bin/python tests/fuzz.py exports 0 2000     # mutated real exports, imported
    .venv/bin/python tests/fuzz.py json 0 1000        # real Blogger JSON (feed, API), mutated
    .venv/bin/python tests/fuzz.py posts 0 200        # random posts, each built (slow)
    .venv/bin/python tests/fuzz.py front-matter 0 30000
    .venv/bin/python tests/fuzz.py incremental 0 30  # changes, built after each: = clean
    .venv/bin/python tests/fuzz.py markup 0 3000      # real posts' HTML, payloads, converted

Each case is drawn from its seed, so a failure replays.  A failure is a
traceback, an entry an import refused by its own fault ("please report
this"), a post written that the build would refuse, a build that stopped
on a traceback rather than naming the problem at its line, or a site built
after changes that differs from a clean build of the same posts.  Each failing
input is kept in ``_build/fuzz/``.  (The 2026-12-03 session's runs found
fourteen such faults, each mended with a test of its own: the commits of
that day.)
"""

from __future__ import annotations

import contextlib
import copy
import functools
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from docutils import nodes as docutils_nodes
from lxml import etree

from blogarchive.cli import main
from blogarchive.frontmatter import SCHEMA, check, check_file

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests/data"
KEPT = REPO / "_build/fuzz"
LONDON = ZoneInfo("Europe/London")
#: Values an export's element or attribute, or a front-matter key, is given.
ODD = [
    "", " ", "x" * 300, "0000-00-00 00:00:00", "2010-13-45T99:99:99Z", "1969-12-31",
    "0001-01-01T00:00:00+14:00", "9999-12-31 23:59:59", "Mon, 01 Jan 0001 00:00:00 +1400",
    "<p>a</p>", "&lt;script&gt;alert(1)&lt;/script&gt;", "javascript:alert(1)",
    "/../../etc/passwd", "\u202e\u200b", "日本語のタイトル", "a, b, c", "-1", "999999999999",
    "http://", "http://[oops/x", "<a href='http://[oops/'>x</a>", "//[oops/",
    "[caption]x[/caption]", "```{include} /etc/passwd\n```", "# heading\n\n# another",
    "{{< shortcode >}}", "%", "\\", "'\"",
]  # fmt: skip
#: Parts of a post an author may write, well or badly (``posts``).
MARKUP = [
    "```{figure} x.png\n:width: abc\n```", "```{math}\n\\frac{\n```", "[^1]: a\n\n[^1]: b",
    "```{list-table}\n:header-rows: 5\n* - a\n```", "```{csv-table}\n\"a\n```", "{ref}`nope`",
    "```{update} not-a-date\nx\n```", "```{update} 2011-01-01\nFixed.\n```",
    "```{postlist} 3\n:format: {title} {nope}\n```", "```{post} x\n```", "{guilabel}`&`",
    "```{hlist}\n:columns: 0\n* a\n```", "![x](/)", "![x](.)", "![]()", "[x](<>)", "<http://>",
    "```{code-block} python\n:emphasize-lines: 99\nx = 1\n```", "{eq}`nope`", "{pep}`abc`",
    "```{only} nonsense and (\nx\n```", "```{raw} html\n<b>\n```", "<div>", "</div>", ":::",
    "<a href='http://[oops/'>x</a>", "{{", "<!--", "\u000b", "&#0;", "- " * 40 + "x",
    "> " * 60 + "x", "[" * 100, "`" * 50, "```{note}\n" * 30 + "x", "{math}`" + "{" * 300 + "`",
    "(label)=\n## Second", "(label)=\n", "```{toctree}\n../../etc\n```", "# Second title",
    "<!--><b>x</b><!-- -->", "<![CDATA[ x ><b>y</b>]]>", "<p>a <![ b></p>",
    "<p>a <!-- b --!> c</p>",
]  # fmt: skip


def keep(kind: str, seed: int, data: bytes | str, why: str) -> None:
    KEPT.mkdir(parents=True, exist_ok=True)
    path = KEPT / f"{kind}-{seed}"
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    print(f"{kind} {seed}: {why[-1500:]}\n  input kept in {path}", flush=True)


def mutated_export(seed: int) -> tuple[bytes, str]:
    """A real or hand-written export with 1-12 elements removed, emptied,
    copied, or given odd text or attributes; and its format."""
    rnd = random.Random(seed)
    exports = [  # (the XML ones: a seed draws the file it drew before JSON came)
        *sorted(p for p in (DATA / "real").iterdir() if p.suffix != ".json"),
        *sorted(DATA.glob("*.xml")),
        *DATA.glob("*.atom"),
    ]
    source = rnd.choice([p for p in exports if p.stat().st_size < 400_000])
    parser = etree.XMLParser(recover=True, huge_tree=True, resolve_entities=False)
    tree = etree.parse(str(source), parser)
    for _ in range(rnd.randint(1, 12)):
        elements = [e for e in tree.iter() if isinstance(e.tag, str)]
        element, roll = rnd.choice(elements), rnd.random()
        parent = element.getparent()
        if roll < 0.25 and parent is not None:
            parent.remove(element)
        elif roll < 0.6:
            element.text = rnd.choice(ODD)
        elif roll < 0.75 and element.attrib:
            element.attrib[rnd.choice(list(element.attrib))] = rnd.choice(ODD)
        elif roll < 0.9 and parent is not None:
            parent.append(copy.deepcopy(element))
        else:
            element[:] = []
    blob = source.read_bytes()
    blogger = b"blogger.com" in blob and b"wordpress.org/export" not in blob
    return etree.tostring(tree, encoding="utf-8"), "blogger" if blogger else "wordpress"


def exports(seed: int) -> bool:
    text, fmt = mutated_export(seed)
    return imported_well("exports", seed, text, fmt)


def mutated_json(seed: int) -> bytes:
    """A real Blogger feed in JSON, or answer of its API, with 1-12 of its
    values removed, given odd text, numbers, lists or objects, or copied
    (what a script that saved one may have mangled)."""
    rnd = random.Random(seed)
    source = rnd.choice(sorted((DATA / "real").glob("*.json")))
    data = json.loads(source.read_text(encoding="utf-8"))
    odd = [*ODD, 0, -1, 1.5, True, None, [], {}, [ODD[0]], {"$t": None}, {"$t": [1]}]
    for _ in range(rnd.randint(1, 12)):
        places = list(_json_places(data))
        if not places:  # (all of it removed)
            break
        holder, key = rnd.choice(places)
        roll = rnd.random()
        if roll < 0.3 and isinstance(holder, dict):
            del holder[key]
        elif roll < 0.8:
            holder[key] = copy.deepcopy(rnd.choice(odd))
        elif isinstance(holder, list):
            holder.append(copy.deepcopy(holder[key]))
        else:
            holder[rnd.choice(["$t", "xmlns$x", "gd$etag", "app$control", "x$y"])] = holder[key]
    return json.dumps(data, ensure_ascii=rnd.random() < 0.5).encode("utf-8")


def _json_places(value):
    """(holder, key) of every value in ``value``, a JSON's data."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, item in list(items):
        yield value, key
        if isinstance(item, dict | list):
            yield from _json_places(item)


def json_feeds(seed: int) -> bool:
    return imported_well("json", seed, mutated_json(seed), "blogger", ".json")


def imported_well(kind: str, seed: int, text: bytes, fmt: str, suffix: str = ".xml") -> bool:
    """Whether ``text``, an export of ``fmt``, imports with no traceback and
    writes no post the build would refuse (else it is kept)."""
    work = Path(tempfile.mkdtemp(prefix="fuzz-"))
    export, said = work / f"export{suffix}", io.StringIO()
    export.write_bytes(text)
    why = None
    try:
        with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
            main(["import", fmt, str(export), "--no-media", "--posts-dir", str(work / "posts")])
    except SystemExit:
        pass
    except Exception:
        why = traceback.format_exc()
    if why is None and "please report this" in said.getvalue():
        why = said.getvalue()
    for post in [] if why else sorted((work / "posts").rglob("*.md")):
        if errors := [p for p in check_file(post, LONDON).problems if p.severity == "error"]:
            why = f"{post.relative_to(work)} written, and the build would refuse it: {errors}"
            break
    shutil.rmtree(work, ignore_errors=True)
    if why:
        keep(kind, seed, text, why)
    return why is None


def posts(seed: int) -> bool:
    rnd = random.Random(seed)
    body = "\n\n".join(rnd.choice(MARKUP) for _ in range(rnd.randint(1, 4)))
    names = [rnd.choice(ODD).replace(",", " ") for _ in range(rnd.randint(0, 3))]
    front = {"date": "2010-07-02", "tags": [n for n in names if n.strip()] or ["x"]}
    front |= {"author": rnd.choice(ODD).replace(",", " ") or "A"} if rnd.random() < 0.5 else {}
    title = " ".join(
        (rnd.choice(ODD).splitlines() or [""])[0] if rnd.random() < 0.5 else "Fuzz" for _ in "ab"
    )
    text = f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n\n# {title.strip() or 'Fuzz'}\n\n"
    text += f"Text.\n\n{body}\n"
    blog = Path(tempfile.mkdtemp(prefix="fuzz-"))
    (blog / "posts/2010").mkdir(parents=True)
    shutil.copy(REPO / "tests/roots/test-escaping/conf.py", blog / "conf.py")
    (blog / "index.md").write_text("# A blog\n\nIts posts.\n", encoding="utf-8")
    (blog / "posts/2010/fuzz.md").write_text(text, encoding="utf-8")
    built = subprocess.run(
        [sys.executable, "-m", "blogarchive.build", str(blog), str(blog / "_build/html")],
        capture_output=True,
        text=True,
        env={**os.environ, "BLOG_REPO": str(REPO)},
    )
    said = built.stdout + built.stderr
    shutil.rmtree(blog, ignore_errors=True)
    if "Traceback" in said or "Exception occurred" in said or "error!" in said:
        keep("posts", seed, text, said)
        return False
    return True


#: A blog's files (the repository's own blog is the one changed).
SITE_FILES = ("conf.py", "index.md", "about.md", "posts", "_templates", "_static")
TAGS = ["Ofsted", "ofsted", "Munro Review", "new tag", "C#", "C", "Ünïcode", "x"]


def _change(blog: Path, rnd: random.Random) -> str:
    """One change an author makes: an edit, a post added, removed, retitled,
    re-tagged, re-dated, pinned, made a draft or put off, given Blogger's
    number or an old address, made WordPress's (or not: its feed of comments),
    a comment from the old blog added, its comments file taken away; or a
    page of the old blog's changed; says which."""
    posts = sorted((blog / "posts").glob("*/*.md"))
    post = rnd.choice(posts)
    text = post.read_text(encoding="utf-8")
    head, _, body = text.partition("\n---\n")
    kind = rnd.choice(
        ["edit", "add", "remove", "retitle", "tags", "date", "pin", "draft", "number", "comment"]
        + ["uncomment", "redirect", "wordpress", "page"]
    )
    if kind == "page":  # the old blog's page: made again (numbered or not), removed, commented on
        return _change_page(blog / "pages/contact.md", rnd)
    if kind == "add" or len(posts) < 3:
        year = rnd.choice([2009, 2010, 2011])
        tags = ", ".join(rnd.sample(TAGS, rnd.randint(0, 3)))
        front = f"date: {year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}\ntags: [{tags}]"
        path = blog / f"posts/{year}/added-{rnd.randint(0, 10**6)}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(f"---\n{front}\n---\n\n# Added\n\nNew words.\n", encoding="utf-8")
        return f"add {path.name}"
    if kind == "remove":
        post.unlink()
    elif kind == "edit":
        post.write_text(text + f"\nMore words {rnd.randint(0, 99)}.\n", encoding="utf-8")
    elif kind == "uncomment":  # its comments file taken away
        post.with_name(post.stem + ".comments.yaml").unlink(missing_ok=True)
    elif kind == "comment":
        _add_comment(post, rnd)
    elif kind == "retitle":
        post.write_text(
            head + "\n---\n" + re.sub(r"^# .*", "# Retitled", body, count=1, flags=re.M)
        )
    else:
        lines = [line for line in head.split("\n") if not line.startswith(kind_keys(kind))]
        if kind == "tags":
            lines.append(f"tags: [{', '.join(rnd.sample(TAGS, rnd.randint(0, 3)))}]")
        elif kind == "date":
            lines.append(f"date: {rnd.choice([2009, 2010, 2011, 2099])}-0{rnd.randint(1, 9)}-15")
            lines = [line for line in lines if not line.startswith("sequence:")]
        elif kind == "pin":
            lines.append(f"sticky: {rnd.choice(['true', 'false'])}")
        elif kind == "draft":
            lines.append(f"draft: {rnd.choice(['true', 'false'])}")
        elif kind == "redirect":  # an old address of its own
            lines.append(f"redirect: [/2009/0{rnd.randint(1, 9)}/old-{rnd.randint(0, 10**6)}.html]")
        elif kind == "wordpress" and rnd.random() < 0.7:  # (else no longer WordPress's)
            lines += _wordpress_lines(rnd)
        elif kind == "number":  # Blogger's, whose feed of comments the site writes
            lines.append(f"blogger_id: tag:blogger.com,1999:blog-1.post-{rnd.randint(0, 10**6)}")
        post.write_text("\n".join(lines) + "\n---\n" + body, encoding="utf-8")
    return f"{kind} {post.relative_to(blog)}"


def _wordpress_lines(rnd: random.Random) -> list[str]:
    """A post's front matter as WordPress's: its address, an old address of
    its own and, half the time, its number (which /?p=<number> finds it by)."""
    day = f"0{rnd.randint(1, 9)}/{rnd.randint(10, 28)}"
    lines = [
        f"wordpress_url: https://old.example/{rnd.randint(0, 10**6)}/",
        f"redirect: [/2009/{day}/x-{rnd.randint(0, 10**6)}/]",
    ]
    return lines + ([f"wordpress_id: {rnd.randint(1, 20)}"] if rnd.random() < 0.5 else [])


def _change_page(page: Path, rnd: random.Random) -> str:
    what = rnd.choice(["make", "remove", "comment"])
    if what == "make":
        front = f"blogger_id: tag:blogger.com,1999:blog-1.page-{rnd.randint(0, 9)}\n"
        front = (front if rnd.random() < 0.7 else "") + "orphan: true\n"
        if rnd.random() < 0.5:  # WordPress's: its feed of comments, /contact/feed/
            front += "wordpress_url: https://old.example/contact/\nredirect: /contact/\n"
            front += f"wordpress_id: {rnd.randint(1, 20)}\n" if rnd.random() < 0.5 else ""
        page.parent.mkdir(exist_ok=True)
        page.write_text(f"---\n{front}---\n\n# Contact {rnd.randint(0, 9)}\n\nWrite.\n", "utf-8")
    elif what == "remove":
        page.unlink(missing_ok=True)
    elif page.exists():
        _add_comment(page, rnd)
    return f"page {what}"


def _add_comment(post: Path, rnd: random.Random) -> None:
    """One more comment from the old blog, in the post's comments file."""
    sidecar = post.with_name(post.stem + ".comments.yaml")
    kept = yaml.safe_load(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else []
    number = rnd.randint(0, 10**6)
    when = f"2011-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}T10:00:00+00:00"
    kept.append({"id": str(number), "author": "A reader", "date": when, "html": "Words."})
    if rnd.random() < 0.3:  # a link from another blog's post, as WordPress listed it
        kept[-1]["kind"] = rnd.choice(["pingback", "trackback"])
    sidecar.write_text(yaml.safe_dump(kept, allow_unicode=True), encoding="utf-8")


def kind_keys(kind: str) -> tuple[str, ...]:
    """The front matter's keys a change of ``kind`` sets anew."""
    keys = {"tags": "tags:", "date": "date:", "pin": "sticky:", "draft": "draft:"}
    keys |= {"number": "blogger_id:", "redirect": "redirect:"}
    wordpress = ("wordpress_url:", "wordpress_id:", "redirect:")
    return wordpress if kind == "wordpress" else (keys[kind],)


def incremental(seed: int) -> bool:
    """After 1-3 builds of random changes, the site equals a clean build's."""
    rnd = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="fuzz-"))
    blog, clean = work / "blog", work / "clean"
    blog.mkdir()
    for name in SITE_FILES:
        (shutil.copytree if (REPO / name).is_dir() else shutil.copy)(REPO / name, blog / name)
    env = {**os.environ, "BLOG_REPO": str(REPO), "SOURCE_DATE_EPOCH": "1900000000"}

    def build(root: Path) -> None:
        command = [sys.executable, "-m", "blogarchive.build", str(root), str(root / "_build/html")]
        done = subprocess.run(command, capture_output=True, text=True, env=env)
        if done.returncode:  # (no change an author makes here is an error of theirs)
            raise RuntimeError(done.stdout + done.stderr)

    done = []
    try:
        build(blog)
        for _ in range(rnd.randint(1, 3)):
            done += [_change(blog, rnd) for _ in range(rnd.randint(1, 3))]
            build(blog)
        shutil.copytree(blog, clean, ignore=shutil.ignore_patterns("_build"))
        build(clean)
    except RuntimeError as failed:
        keep("incremental", seed, "\n".join(done), f"after {done}: the build failed: {failed}")
        shutil.rmtree(work, ignore_errors=True)
        return False
    ours, theirs = (tree(root / "_build/html") for root in (blog, clean))
    differing = sorted(n for n in ours.keys() | theirs.keys() if ours.get(n) != theirs.get(n))
    if differing:
        keep("incremental", seed, "\n".join(done), f"after {done}: differs from clean: {differing}")
    shutil.rmtree(work, ignore_errors=True)
    return not differing


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def front_matter(seed: int) -> bool:
    rnd = random.Random(seed)
    values = [None, True, 0, 2**70, 1.5, [], [1], {"a": 1}, ["a", "A"], *ODD]
    data = {rnd.choice([*SCHEMA, "Date"]): rnd.choice(values) for _ in range(rnd.randint(1, 6))}
    text = f"---\n{yaml.safe_dump(data, allow_unicode=True)}---\n\n# T\n\nx\n"
    try:
        [str(problem) for problem in check("post.md", text, LONDON).problems]
    except Exception:
        keep("front-matter", seed, text, traceback.format_exc())
        return False
    return True


#: What an export's post may hold that runs, loads or breaks a parser (``markup``).
PAYLOADS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
    "<a href='javascript:alert(1)'>j</a>", "<a href=' jav&#x09;ascript:x'>t</a>",
    "<iframe srcdoc='<script>alert(1)</script>'></iframe>", "<form action='/'><input></form>",
    "<meta http-equiv='refresh' content='0;url=http://evil.example/'>", "<base href='//e/'>",
    "<div style='background:url(http://evil.example/t.png)'>s</div>", "<!--><b>x</b><!-- -->",
    "&lt;script&gt;alert(1)&lt;/script&gt;", "<![CDATA[ x ><b>y</b>]]>", "<p>a <![ b</p>",
    "<math><mtext><script>alert(1)</script></mtext></math>", "<!-- x --!><i>y</i>", "<![",
    "<details open ontoggle=alert(1)>", "{raw}`html <script>x</script>`", "<xmp><b>x</b></xmp>",
    "```{raw} html\n<script>alert(1)</script>\n```", "<a href='http://e/' onclick='x'>o</a>",
    "<iframe data-listed='search'></iframe>", "<iframe data-listed='../../x'></iframe>",
    "<p><b>x</p><p>y</b></p>", "<div><a href='http://e/'>x</div><li>y</a>", "<i><table><td>x</i>",
    "<select><option>a<br>b</select>", "<font><h2>x</font>y</h2>",
    "<iframe data-listed='latest-posts' data-kind='tag' data-named='x'"
    " data-folder='../x'></iframe>",
    "<ul><li>a<br><br>b<br><br></li></ul>", "<li><br><br><i>x<br><br></i>", "<dd>a<br> <br>- b",
    "<p style='mso-list:l0 level2 lfo1'><span style='mso-list:Ignore'>iv)</span>x</p>",
    "<p style='mso-list:l1 level1'><b><span style='mso-list:Ignore'>·</b></span><i>y</p>",
    "<b style='font-weight:normal'><p>x</p><p>y</b>",
    "<span style='mso-bidi-font-weight:bold'>z</span>",
    "<a href='#_ftn1' name='_ftnref1'>[1]</a>", "<div id='ftn1'><p><a name='_ftn1'></a>n</p></div>",
    "<p><a href='#_edn1'>[i]</a><a name='_edn1' href='#_edn1'>x</a></p>",
]  # fmt: skip


@functools.cache
def _bodies() -> list[str]:
    """Every post body of the test exports, real and hand-written, in HTML."""
    parser = etree.XMLParser(recover=True, huge_tree=True, resolve_entities=False)
    found = []
    for path in [*(DATA / "real").iterdir(), *DATA.glob("*.xml")]:
        for element in etree.parse(str(path), parser).iter(etree.Element):
            if element.tag.endswith(("}encoded", "}content")) and "<" in (element.text or ""):
                found.append(element.text)
    return found


def markup(seed: int) -> bool:
    """A real post's HTML, cut and given payloads, converted: no traceback, no
    post refused, and what raw HTML it keeps passes the build's own checks
    (another host's picture aside: the import's media step keeps those)."""
    from docutils.frontend import get_default_settings
    from docutils.utils import new_document
    from myst_parser.parsers.docutils_ import Parser

    from blogarchive.importers.html import convert
    from blogarchive.importers.verify import EXTENSIONS
    from blogarchive.privacy import problems_in

    rnd = random.Random(seed)
    html = rnd.choice(_bodies())
    if rnd.random() < 0.3:
        start = rnd.randrange(len(html))
        html = html[start : start + rnd.randint(1, 3000)]
    for _ in range(rnd.randint(0, 3)):
        at = rnd.randrange(len(html) + 1)
        html = html[:at] + rnd.choice(PAYLOADS) + html[at:]
    settings = get_default_settings(Parser)
    settings.myst_enable_extensions, settings.report_level = EXTENSIONS, 5
    settings.warning_stream = io.StringIO()
    try:
        document = new_document("<post>", settings)
        Parser().parse(convert(html, "http://old.example.org/").text, document)
        found = [
            problem
            for raw in document.findall(docutils_nodes.raw)
            for _, problem in problems_in(raw.astext())
            if "from another host" not in problem
        ]
        why = found and f"the build would refuse its raw HTML: {found}"
    except Exception:
        why = traceback.format_exc()
    if why:
        keep("markup", seed, html, why)
    return not why


if __name__ == "__main__":
    kind, start, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    run = {"exports": exports, "json": json_feeds, "posts": posts, "front-matter": front_matter}
    run = {**run, "incremental": incremental, "markup": markup}[kind]
    failed = sum(not run(seed) for seed in range(start, start + count))
    print(f"{kind}: {count} cases, {failed} failed")
    sys.exit(1 if failed else 0)
