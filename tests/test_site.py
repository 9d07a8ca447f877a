"""The real site, built from posts/ with the README's command: what a reader sees.

Pins issue 2: the five July 2010 posts with their exact text, titles, dates,
authors, categories and tags; prev/next; month, year, tag, category, author and
All-posts archives; the home page; and a build with zero warnings.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from blogsite import REPO, SEEDS
from seed import read_seed

SEED_FILE = SEEDS / "000_2ed50744c0336e87.txt"
SEED = read_seed(SEED_FILE)
# Newest first, as Blogger listed them: on 21 July Birmingham Blues stands above York.
TITLES = [
    "The Khyra Ishaq Serious Case Review",
    "ContactPoint is dead ... on 6th August. Let's celebrate!!!",
    "Birmingham Blues",
    "Good research from York",
    "Another year over ....",
]
DAYS = ["27 July 2010", "22 July 2010", "21 July 2010", "21 July 2010", "20 July 2010"]


def heading_text(tag) -> str:
    """A heading's text without Sphinx's permalink sign."""
    return "".join(tag.find_all(string=True, recursive=False)).strip() or tag.get_text()


def title_of(soup) -> str:
    h1 = soup.select_one("article h1")
    return heading_text(h1)


@pytest.fixture(scope="module")
def pages(site, post_sources):
    """Post page path -> parsed page, for the five posts."""
    return {path: site.page(path) for path in post_sources}


@pytest.fixture(scope="module")
def by_title(pages):
    return {title_of(soup): (path, soup) for path, soup in pages.items()}


def test_build_has_no_warnings(site):
    assert "WARNING" not in site.log and "ERROR" not in site.log, site.log


def test_seed_reader_finds_five_posts():
    assert [p.title for p in SEED] == TITLES


def test_every_seed_post_has_a_page_with_its_exact_title(by_title):
    assert sorted(by_title) == sorted(TITLES)


@pytest.mark.parametrize("seed_post", SEED, ids=lambda p: p.title[:20])
def test_post_text_is_exactly_the_seed(by_title, seed_post):
    _path, soup = by_title[seed_post.title]
    section = soup.select_one("article section")
    paragraphs = [
        p.get_text()
        for p in section.find_all("p")
        if "post-meta" not in p.get("class", []) and not p.find_parent("li")
    ]
    items = [li.get_text() for li in section.select("ul > li")]
    assert paragraphs == seed_post.paragraphs
    assert items == seed_post.items


@pytest.mark.parametrize("seed_post", SEED, ids=lambda p: p.title[:20])
def test_post_header_shows_date_author_category_tags(site, by_title, post_sources, seed_post):
    path, soup = by_title[seed_post.title]
    front = post_sources[path]
    meta = soup.select_one("article h1 + p.post-meta")
    assert meta is not None, "the header stands right under the title"
    day = dt.datetime.strptime(seed_post.day, "%A, %d %B %Y").date()
    time = meta.select_one("time")
    assert time["datetime"] == day.isoformat()
    assert time.get_text() == f"{day.day} {day:%B %Y}"
    author = meta.select_one("a.post-author")
    assert author.get_text() == front["author"] == "Chris Mills"
    assert heading_text(resolve(site, path, author["href"]).select_one("article h1")).startswith(
        "Posts by"
    )
    category = meta.select_one("a.post-category")
    assert category.get_text() == front["category"]
    assert [a.get_text() for a in meta.select("a.post-tag")] == front["tags"]
    for a in meta.select("a.post-tag"):
        tag_page = resolve(site, path, a["href"])
        assert tag_page.select_one(".archive-name").get_text() == a.get_text()


def resolve(site, from_path: str, href: str):
    from posixpath import dirname, join, normpath

    target = normpath(join(dirname(from_path), href.split("#")[0]))
    return site.page(target)


def test_page_title_is_the_blogs_not_documentation(site, by_title):
    for title, (_path, soup) in by_title.items():
        assert soup.title.get_text() == f"{title} - Chris Mills' blog"
    home = site.page("index.html")
    assert home.title.get_text() == "Chris Mills' blog"
    assert "documentation" not in home.select_one(".sidebar-brand-text").get_text()


def test_prev_next_follow_publication_order(site, by_title):
    for i, title in enumerate(TITLES):
        path, soup = by_title[title]
        newer = soup.select_one("nav.post-navigation a.newer-post .title")
        older = soup.select_one("nav.post-navigation a.older-post .title")
        assert (newer.get_text() if newer else None) == (TITLES[i - 1] if i else None)
        assert (older.get_text() if older else None) == (
            TITLES[i + 1] if i + 1 < len(TITLES) else None
        )
        for link in soup.select("nav.post-navigation a"):
            assert (
                title_of(resolve(site, path, link["href"])) == link.select_one(".title").get_text()
            )


def test_home_lists_posts_newest_first_with_date_tags_excerpt(site, by_title, post_sources):
    home = site.page("index.html")
    summaries = home.select("ol.post-list > li.post-summary")
    assert [s.select_one(".post-title a").get_text() for s in summaries] == TITLES
    assert [s.select_one("time").get_text() for s in summaries] == DAYS
    for summary, seed_post in zip(summaries, SEED, strict=True):
        path, _ = by_title[seed_post.title]
        assert summary.select_one(".post-title a")["href"] == path
        tags = [a.get_text() for a in summary.select("a.post-tag")]
        assert tags == post_sources[path]["tags"]
        assert summary.select_one(".post-excerpt").get_text().strip() == seed_post.paragraphs[0]
        # One link to the post, its title: no "Read ..." link after it, a second
        # stop on the same address for keyboards and screen readers (and 0.9 MB
        # of a 1000-post site's lists).
        assert len(summary.select(f'a[href="{path}"]')) == 1


def listed_titles(soup) -> list[str]:
    return [a.get_text() for a in soup.select("ol.post-list .post-title a")]


def expected(post_sources, key, value) -> list[str]:
    """Titles of the posts whose front matter has ``value`` under ``key``, newest first."""
    chosen = []
    for front in post_sources.values():
        field = front[key]
        if value in (field if isinstance(field, list) else [field]):
            chosen.append(front["title"])
    return [t for t in TITLES if t in chosen]


def test_month_and_year_archives(site):
    assert listed_titles(site.page("blog/2010/07/")) == TITLES
    year = site.page("blog/2010/")  # one page of titles, month by month
    assert [a.get_text() for a in year.select(".archive-month .archive-titles a")] == TITLES
    assert [h.get_text() for h in year.select(".archive-month h2")] == ["July 2010"]
    assert heading_text(site.page("blog/2010/07/").select_one("article h1")).startswith("Posts of")
    assert site.page("blog/2010/07/").select_one(".archive-name").get_text() == "July 2010"


def test_tag_archives_list_exactly_the_tagged_posts(site, post_sources):
    tags = sorted({t for front in post_sources.values() for t in front["tags"]}, key=str.casefold)
    index = site.page("blog/tag/")
    entries = index.select("ul.catalog li")
    assert [li.a.get_text() for li in entries] == tags
    for li in entries:
        tag = li.a.get_text()
        page = site.page("blog/tag/" + li.a["href"])
        assert listed_titles(page) == expected(post_sources, "tags", tag)
        assert li.select_one(".count").get_text() == f"({len(expected(post_sources, 'tags', tag))})"
    shared = [t for t in tags if len(expected(post_sources, "tags", t)) > 1]
    assert len(shared) >= 4, "tags are shared between posts, so tag pages mean something"


@pytest.mark.parametrize("key,folder", [("category", "category"), ("author", "author")])
def test_category_and_author_archives(site, post_sources, key, folder):
    names = sorted({front[key] for front in post_sources.values()}, key=str.casefold)
    index = site.page(f"blog/{folder}/")
    assert [li.a.get_text() for li in index.select("ul.catalog li")] == names
    for li in index.select("ul.catalog li"):
        page = site.page(f"blog/{folder}/" + li.a["href"])
        assert listed_titles(page) == expected(post_sources, key, li.a.get_text())


def test_all_posts_page_grouped_by_year_and_month(site):
    page = site.page("blog/")
    years = page.select("section.archive-year")
    assert [heading_text(y.h2) for y in years] == ["2010"]
    months = years[0].select("section.archive-month")
    assert [m.h3.get_text() for m in months] == ["July 2010"]
    assert [a.get_text() for a in months[0].select("li a")] == TITLES
    assert [t.get_text() for t in months[0].select("li time")] == DAYS


def test_sidebar_offers_recent_tags_and_years_not_every_post(site, post_sources):
    for path in ["index.html", "blog/tag/ofsted/index.html", *post_sources]:
        soup = site.page(path)
        sidebar = soup.select_one(".sidebar-drawer")
        assert sidebar.select(".blog-recent li")
        assert [a.get_text() for a in sidebar.select(".blog-archives li a")] == ["2010 (5)"]
        assert "Ofsted (1)" in [a.get_text() for a in sidebar.select(".blog-tags li a")]
        # Furo's toctree navigation would list every post on every page.
        assert not sidebar.select(".toctree-wrapper, .sidebar-tree > ul > li.toctree-l1 > ul")
        # Each list is named by a heading of its own, a real <h2> (not Furo's
        # <p role="heading"> around a <span>: 0.2 KB a page more).
        headings = {}
        for nav in sidebar.select("nav.blog-list"):
            heading = sidebar.select_one(f"#{nav['aria-labelledby']}")
            headings[heading.name, heading.get_text()] = nav
        assert list(headings) == [("h2", "Recent posts"), ("h2", "Tags"), ("h2", "Archive")]


def test_smart_quotes_are_not_substituted(by_title):
    _, soup = by_title["ContactPoint is dead ... on 6th August. Let's celebrate!!!"]
    text = soup.select_one("article section").get_text()
    assert "It's good news" in text and "\u2019" not in text and "\u201c" not in text
    assert '"... this misguided proposal' in text


def test_every_internal_link_and_anchor_resolves(site):
    from posixpath import dirname, join, normpath
    from urllib.parse import unquote, urlsplit

    ids: dict[str, set[str]] = {}
    links: list[tuple[str, str]] = []
    for path in site.html_files():
        rel = path.relative_to(site.root).as_posix()
        soup = site.page(rel)
        ids[rel] = {tag["id"] for tag in soup.select("[id]")} | {
            a["name"] for a in soup.select("a[name]")
        }
        for tag in soup.select("a[href], link[href]"):
            links.append((rel, tag["href"]))
    broken = []
    for rel, href in links:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("mailto:"):
            continue
        target = rel if not parts.path else normpath(join(dirname(rel), unquote(parts.path)))
        file = site.root / target
        if file.is_dir():
            target, file = f"{target}/index.html", file / "index.html"
        if not file.exists():
            broken.append(f"{rel}: {href}")
        elif (
            parts.fragment
            and target.endswith(".html")
            and parts.fragment not in ids.get(target, set())
        ):
            broken.append(f"{rel}: {href} (no #{parts.fragment})")
    assert not broken, "\n".join(broken)
    assert len(links) > 100


def test_every_page_links_the_feed_in_head(site):
    for path in site.html_files():
        soup = site.page(path.relative_to(site.root).as_posix())
        link = soup.select_one('head link[rel="alternate"][type="application/atom+xml"]')
        assert link is not None, path
        assert re.match(r"https?://.+/blog/atom\.xml$", link["href"])


def test_every_page_carries_a_strict_content_security_policy(site):
    """Issue 11: GitHub Pages sets no headers, so each page says it itself; every
    inline script it runs is allowed by its hash, nothing else inline."""
    import base64
    import hashlib

    for path in site.html_files():
        page = site.page(str(path.relative_to(site.root)))
        meta = page.select_one("head meta[http-equiv=Content-Security-Policy]")
        assert meta is not None, path
        rules = dict(rule.strip().split(" ", 1) for rule in meta["content"].split(";"))
        assert rules["default-src"] == "'self'"
        assert rules["object-src"] == "'none'" and rules["base-uri"] == "'self'"
        assert "unsafe-inline" not in rules["script-src"] and "*" not in rules["script-src"]
        first_script = page.find("script")
        assert first_script is None or meta.sourceline < first_script.sourceline
        for script in page.find_all("script", src=False):
            if script.get("type") == "application/ld+json":
                continue  # data, never run
            digest = hashlib.sha256(script.string.encode("utf-8")).digest()
            assert f"'sha256-{base64.b64encode(digest).decode()}'" in rules["script-src"], path


def test_no_page_sends_a_referrer(site):
    """A followed link or a request told the other end which page it came
    from: every page asks for none (the browser test follows a link)."""
    for path in site.html_files():
        page = site.page(str(path.relative_to(site.root)))
        if page.select_one('head meta[http-equiv="refresh"]'):
            continue  # an old address, sent on to its page here
        meta = page.select("head meta[name=referrer]")
        assert [m["content"] for m in meta] == ["no-referrer"], path


def test_pages_carry_icon_references_not_drawings(site):
    """Furo's icons are drawn once, in _static/icons.svg (issue 15): a page
    carries no symbol, and every icon it shows points at one in the file."""
    sprite = BeautifulSoup(site.path("_static/icons.svg").read_text(), "xml")
    drawn = {symbol["id"] for symbol in sprite.find_all("symbol")}
    for path, prefix in [
        ("posts/2010/birmingham-blues.html", "../../"),
        ("index.html", ""),
        ("blog/tag/birmingham/index.html", "../../../"),
    ]:
        page = site.page(path)
        assert page.select("symbol") == [], path
        assert page.select("svg path") == [], path  # not even Furo's back-to-top arrow
        used = [u["href"] for u in page.select("use")]
        assert len(used) >= 5, path  # the menu, the theme toggle's four
        for href in used:
            file, _, name = href.partition("#")
            assert file == f"{prefix}_static/icons.svg" and name in drawn, (path, href)


def test_sidebar_shows_the_most_used_tags_and_links_them_all(tmp_path):
    """An old blog may have hundreds of labels: the sidebar every page carries
    shows the ten most used, and links the Tags page for all (issue 15)."""
    from blogsite import Site, build_in_child, new_blog

    blog = new_blog(tmp_path / "blog")
    (blog / "posts/2010").mkdir()
    for n in range(12):
        tags = ", ".join(f"tag {t:02d}" for t in range(n + 1))  # tag 00 on every post
        post = f"---\ndate: 2010-07-{n + 1:02d}\ntags: {tags}\n---\n\n# Post {n}\n\nText.\n"
        (blog / f"posts/2010/post-{n}.md").write_text(post, encoding="utf-8")
    site = Site(build_in_child(blog, tmp_path / "html"))
    links = site.page("index.html").select(".blog-tags li a")
    assert [a.get_text() for a in links[:-1]] == [f"tag {t:02d} ({12 - t})" for t in range(10)]
    assert links[-1].get_text() == "All 12 tags" and links[-1]["href"] == "blog/tag/index.html"
    assert len(site.page("blog/tag/index.html").select("article li a")) >= 12


def test_pages_carry_no_template_indentation_or_sphinx_search_scripts(site):
    """Issue 15's lighter pages: the templates' indentation and comments stay
    out of the pages (templates.py), and so do Sphinx's search scripts (the
    search is Pagefind's) and a second viewport tag; what a page shows and the
    text in <pre> are unchanged."""
    for path in site.html_files():
        html = path.read_text(encoding="utf-8")
        outside_pre = re.sub(r"<pre\b.*?</pre>", "", html, flags=re.S)
        indented = [line for line in outside_pre.splitlines() if line[:1] in (" ", "\t")]
        assert indented == [], (path, indented[:3])
        scripts = [s["src"] for s in BeautifulSoup(html, "html.parser").select("script[src]")]
        sphinx_search = re.compile(r"doctools|sphinx_highlight|documentation_options")
        assert not [s for s in scripts if sphinx_search.search(s)], path
        assert "<!--" not in outside_pre, path  # Furo's "Generated with" comment
        viewports = BeautifulSoup(html, "html.parser").select('meta[name="viewport"]')
        assert len(viewports) == 1, path  # Furo's; not docutils' as well
    page = site.page("posts/2010/birmingham-blues.html")
    assert [i["name"] for i in page.select("form[role=search] input")] == ["q"]
    names = [x["src"].rsplit("/", 1)[-1].split("?")[0] for x in page.select("script[src]")]
    assert names == ["furo.js"]


def test_stylesheets_carry_their_own_checksum(site):
    """Each ?v= is the crc32 of the file it names (patches.py asks once per file).
    (Not pygments.css: Furo writes its own after Sphinx's was summed, so its
    ?v= follows Sphinx's file, which changes with the same settings.)"""
    import zlib

    for page in ("index.html", "posts/2010/birmingham-blues.html", "blog/2010/index.html"):
        soup = site.page(page)
        links = soup.select('link[rel="stylesheet"]')
        assert links
        for link in links:
            href, _, version = link["href"].partition("?v=")
            if href.endswith("pygments.css"):
                continue
            path = (site.path(page).parent / href).resolve()
            content = path.read_bytes().replace(b"\r", b"")
            assert version == f"{zlib.crc32(content):08x}", href


def test_pages_carry_one_theme_toggle_and_contents_controls_only_with_contents(tmp_path):
    """Lighter pages (issue 15): Furo draws its theme toggle twice (the mobile
    header's, the article corner's; CSS shows one) and its table-of-contents
    buttons on every page, hidden where there is no table of contents: 1 KB a
    page.  A page carries one toggle, and the contents buttons only with a
    table of contents to open (templates.py)."""
    from blogsite import Site, build_in_child, new_blog

    blog = new_blog(tmp_path / "blog")
    (blog / "posts/2010").mkdir()
    plain = "---\ndate: 2010-07-01\n---\n\n# Plain\n\nOne paragraph.\n"
    parts = "---\ndate: 2010-07-02\n---\n\n# Parts\n\n## First part\n\nA.\n\n## Second part\n\nB.\n"
    (blog / "posts/2010/plain.md").write_text(plain, encoding="utf-8")
    (blog / "posts/2010/parts.md").write_text(parts, encoding="utf-8")
    site = Site(build_in_child(blog, tmp_path / "html"))
    for path in site.html_files():
        page = site.page(str(path.relative_to(site.root)))
        if page.select_one(".mobile-header"):  # not a redirect
            assert len(page.select("button.theme-toggle")) == 1, path
    plain_page = site.page("posts/2010/plain.html")
    assert plain_page.select("#__toc, label[for=__toc]") == []
    with_contents = site.page("posts/2010/parts.html")
    assert with_contents.select_one("input#__toc")
    assert len(with_contents.select("label.toc-overlay-icon[for=__toc]")) == 2
    contents = [a.get_text() for a in with_contents.select(".toc-tree a")]
    assert "First part" in contents and "Second part" in contents


def test_a_footer_carries_no_empty_box_of_previous_and_next_pages(site):
    """Furo's footer has a box for the previous and next page in the table of
    contents on every page, empty on posts (theirs are the newer and older
    posts): only a page with a neighbour has it (templates.py)."""
    for path in site.html_files():
        page = site.page(str(path.relative_to(site.root)))
        for box in page.select("footer .related-pages"):
            assert box.select("a[href]"), path
    about = site.page("about.html").select_one("footer .related-pages a.prev-page")
    assert about["href"] == "index.html" and "Home" in about.get_text()


def test_a_post_pages_chrome_stays_within_its_budget(site):
    """What a post's page carries besides the post (head, sidebar, header and
    footer; issue 15: median post page at most 20 KB, site at most 1.5 x
    Pelican's): at most 10 KB, where it was 11.6 KB with Furo's two theme
    toggles, hidden contents buttons and classes."""
    for path in ("posts/2010/birmingham-blues.html", "posts/2010/another-year-over.html"):
        html = site.path(path).read_bytes()
        body = str(BeautifulSoup(html, "html.parser").select_one("[data-pagefind-body]"))
        chrome = len(html) - len(body.encode("utf-8"))
        assert chrome <= 10_000, (path, chrome)


def test_every_page_links_one_stylesheet_holding_the_themes_and_the_sites(site):
    """Sphinx links five stylesheets on every page (pygments.css, Furo's two,
    the code colours, custom.css): 0.4 KB a page and five requests.  Each
    page links one, site.css, holding them all in that order (stylesheet.py,
    issue 15's lighter pages); Furo's code colours, which it writes in a
    <style> on every page, are in it too, light, dark and dark by preference."""
    import furo

    styles = Path(furo.__file__).parent / "theme/furo/static/styles"
    furo_css = (styles / "furo.css").read_text(encoding="utf-8").strip()
    extensions = (styles / "furo-extensions.css").read_text(encoding="utf-8").strip()
    custom = (REPO / "_static/custom.css").read_text(encoding="utf-8").strip()
    pages = ("index.html", "posts/2010/birmingham-blues.html", "blog/2010/index.html")
    for page_path in (*pages, "search.html", "blog/tag/index.html", "about.html"):
        page = site.page(page_path)
        assert page.select("style") == [], page_path
        sheets = [link["href"].split("?")[0] for link in page.select('link[rel="stylesheet"]')]
        assert [href.rsplit("/", 1)[-1] for href in sheets] == ["site.css"], page_path
        css = (site.path(page_path).parent / sheets[0]).read_text(encoding="utf-8")
        dark_code = 'body[data-theme="dark"] .highlight'  # Furo's pygments.css
        colours = css.index("--color-code-background:")
        assert css.count("--color-code-background:") == 3  # light, dark, dark by preference
        assert css.index(dark_code) < css.index(furo_css) < css.index(extensions) < colours
        assert colours < css.index(custom)  # the site's rules last: they win
        assert "<style>" not in css


def test_every_file_in_static_is_loaded_by_a_page_or_is_the_sites_own(site):
    """Sphinx copies into _static the files of every theme's and extension's
    folder (Sphinx's search scripts and basic theme, Furo's stylesheets and
    their source maps, ABlog's tag cloud) and the stylesheets merged into
    site.css, which no page loads: 0.25 MB of every site.  What is published
    there is what a page loads (a stylesheet, a script, the icons), and the
    site's own _static (a post may link a file of it), but what site.css holds."""
    static = site.root / "_static"
    published = {p.relative_to(static).as_posix() for p in static.rglob("*") if p.is_file()}
    loaded = set()
    for path in site.html_files() + site.redirect_files():
        rel = path.relative_to(site.root).as_posix()
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for element in page.select("link[href], script[src], use[href]"):
            address = element.get("href") or element["src"]
            target = site.target(rel, address.split("#")[0].split("?")[0])
            if target.startswith("_static/"):
                loaded.add(target.removeprefix("_static/"))
    own = {p.relative_to(REPO / "_static").as_posix() for p in (REPO / "_static").rglob("*")}
    merged = {"custom.css", "imported.css"}  # in site.css (the test above)
    assert loaded <= published  # every file a page loads is there
    assert published - loaded <= own - merged, published - loaded
    assert {"site.css", "scripts/furo.js", "icons.svg", "search.js", "old-address.js"} <= loaded


def test_the_sites_logo_from_outside_static_is_published_where_pages_load_it(tmp_path, capfd):
    """The site's logo (``html_logo``), a picture Sphinx copies into _static
    by its name from wherever it is: not the site's static folder's, nor
    named by a page's stylesheet or script list, the sweep of unloaded files
    (``stylesheet.drop_unloaded``) must still keep it, as every page shows it."""
    from test_bad_input import ROOT, build_with

    logo = b'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>'
    conf = (ROOT / "conf.py").read_text(encoding="utf-8") + "\nhtml_logo = 'art/mark.svg'\n"
    status, err, site = build_with(tmp_path, capfd, extra={"conf.py": conf, "art/mark.svg": logo})
    assert status == 0, err
    for rel in ("index.html", "blog/2010/index.html"):
        shown = site.page(rel).select_one(".sidebar-brand img.sidebar-logo")
        assert shown is not None, rel
        assert site.path(site.target(rel, shown["src"].split("?")[0])).read_bytes() == logo


def test_a_furo_page_without_the_markup_its_edits_expect_stops_the_build():
    """templates.py edits Furo's page.html by the markup it names: a Furo that
    changed it is an error, never a page served unedited (or half edited)."""
    import furo
    from sphinx.errors import ThemeError

    from blogarchive.templates import as_served, lightened_furo_page

    page = (Path(furo.__file__).parent / "theme/furo/page.html").read_text(encoding="utf-8")
    served = as_served(page)
    lightened = lightened_furo_page(served)
    assert lightened.count("\n") == served.count("\n")  # Jinja's errors name the right line
    assert "theme-toggle-header" not in lightened
    with pytest.raises(ThemeError, match="theme-toggle-header"):
        lightened_furo_page(served.replace("theme-toggle-header", "theme-toggle-top"))


def test_a_stylesheet_that_cannot_join_site_css_keeps_its_own_link(tmp_path):
    """stylesheet.py merges a stylesheet only where its rules mean the same in
    _static/site.css: not one with a media of its own, not one with an
    @import (which only counts at a stylesheet's start), not one in a
    subfolder whose url()s are relative to that folder."""
    from types import SimpleNamespace

    from blogarchive.stylesheet import _text

    (tmp_path / "styles").mkdir()
    files = {
        "styles/pictures.css": 'a { background: url("bg.png") }',
        "styles/drawn.css": "a { background: url('data:image/svg+xml,<svg/>') }",
        "imports.css": '@import "other.css";\na { color: red }',
        "beside.css": "a { background: url(bg.png) }",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")

    def text(name, **attributes):
        attributes = {"rel": "stylesheet", "type": "text/css", **attributes}
        return _text(
            SimpleNamespace(filename=f"_static/{name}", attributes=attributes), {}, [tmp_path]
        )

    assert text("styles/pictures.css") is None
    assert text("imports.css") is None
    assert text("beside.css", media="print") is None
    assert text("styles/drawn.css") == files["styles/drawn.css"]
    assert text("beside.css") == files["beside.css"]  # in _static itself: the same address


def test_stylesheets_after_one_that_cannot_join_keep_their_order_and_colours(tmp_path):
    """A stylesheet with a media of its own between Furo's and the code
    colours: site.css holds those before it; it and those after it keep their
    own links, in Sphinx's order, and the code colours are a file of their
    own (stylesheet.py)."""
    from blogsite import Site, build_in_child, new_blog

    blog = new_blog(tmp_path / "blog")
    (blog / "_static").mkdir()
    (blog / "_static/print.css").write_text("body { color: black }\n", encoding="utf-8")
    with (blog / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"\nhtml_static_path = [*html_static_path, {str(blog / '_static')!r}]\n")
        printed = '("print.css", {"media": "print", "priority": 650})'
        conf.write(f"html_css_files = [*html_css_files, {printed}]\n")
    site = Site(build_in_child(blog, tmp_path / "html"))
    page = site.page("index.html")
    links = page.select('link[rel="stylesheet"]')
    names = [link["href"].split("?")[0].rsplit("/", 1)[-1] for link in links]
    assert names == ["site.css", "print.css", "furo-variables.css", "custom.css", "imported.css"]
    assert links[1]["media"] == "print"
    held = site.path("_static/site.css").read_text(encoding="utf-8")
    assert "styles/furo.css" in held and "custom.css" not in held
    colours = site.path("_static/furo-variables.css").read_text(encoding="utf-8")
    assert colours.count("--color-code-background:") == 3


def test_a_footnote_is_at_its_posts_end_and_lists_show_no_mark_of_it(tmp_path, capfd):
    """A post's footnote (MyST's ``[^1]``) links to its note at the end of the
    post's page.  A page listing posts shows their first paragraphs without
    the mark: the note is not there, and two posts' marks had the same id."""
    from test_bad_input import build_with

    post = "---\ndate: 2010-07-{day}\n---\n\n# {title}\n\nA claim[^1] opens it.\n\nMore.\n\n"
    post += "[^1]: The source of the claim.\n"
    extra = {
        "posts/2010/noted.md": post.format(day="09", title="Noted"),
        "posts/2010/noted-again.md": post.format(day="10", title="Noted again"),
    }
    status, err, site = build_with(tmp_path, capfd, extra=extra)
    assert status == 0, err
    page = site.page("posts/2010/noted.html")
    mark = page.select_one("article a.footnote-reference")
    assert "The source of the claim." in page.select_one(mark["href"]).get_text()
    assert page.select_one('meta[name="description"]')["content"] == "A claim opens it."
    for listing in ("index.html", "blog/2010/07/index.html"):
        soup = site.page(listing)
        excerpts = [e for e in soup.select(".post-excerpt") if "claim" in e.get_text()]
        assert [" ".join(e.get_text().split()) for e in excerpts] == ["A claim opens it."] * 2
        ids = [tag["id"] for tag in soup.select("[id]")]
        assert len(ids) == len(set(ids)), listing
        for link in soup.select('a[href^="#"]'):
            assert link["href"] == "#" or soup.select_one(f'[id="{link["href"][1:]}"]'), link
