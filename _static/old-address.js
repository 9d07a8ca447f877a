/* Old addresses a static host cannot serve as pages of their own.
   - On the 404 page: an old Blogger post address (/YYYY/MM/<slug>.html, or
     WordPress's /YYYY/MM/DD/<slug>/) leads to the post of that month whose slug
     shares most words with it; WordPress's day archive (/YYYY/MM/DD/), to
     that month's posts.
   - On the 404 page: a Blogger label typed as a list (/search/label/a, b),
     which the import split into its labels, leads to the first one's page;
     a label's feed (/feeds/posts/default/-/a), to the label's page.
   - On the 404 page: WordPress's feed in another format, a post's
     (/2011/03/14/<slug>/feed/atom/) or a category's or tag's, leads to its
     feed/, where the site answers it (a post's feed of comments:
     model.wordpress_comment_feeds); an address under a WordPress post's (a
     later page of its comments; its AMP page; a picture's attachment page;
     its feeds, where the site has no page) leads to the post's address, and
     so to it.
   - On the 404 page: WordPress's category under its parent
     (/category/news/local/), a later page of a category or tag
     (/tag/x/page/2/), the feed of either (/category/news/local/feed/: the
     page, which names its feed; the site answers /category/x/feed/) and an
     author's posts by a login no post names
     (/author/<login>/; the site answers the others) lead to that
     category's, tag's or author's page, or, with none of that name here, to
     the list of them all.
   - On the 404 page: Blogger's search addresses, /search?q=<words> (its search
     box) to the search page; /search?updated-max=<date> (its "Older posts")
     to the month of the newest post before then, with updated-min too (its
     archive's year links) to that year; no post then, all posts.
   - On the 404 page: a file the old blog served itself (a self-hosted
     WordPress's /wp-content/uploads/2010/07/report.pdf), which the import
     kept beside its post, leads to the kept file (blog/files.json).
   - On any page (the home page, for WordPress's /?p=12): a ?p=<number> or
     ?page_id=<number> address leads to the post or page that had it (with
     &feed=rss2, the feed of its comments, to its feed of comments);
     ?tag=<slug> to that tag's posts (or the list of tags), ?feed=rss2 to the feed;
     WordPress's search (?s=<words>) to the search page; its plain archive
     links (?m=201007, ?m=2010) to that month's or year's posts. */
(async () => {
  const path = decodeURIComponent(location.pathname);
  const label = path.match(/\/search\/label\/([^/]*,[^/]*)$/);
  const first = label && label[1].split(",").map((name) => name.trim()).find(Boolean);
  if (first && document.querySelector("base")) {
    location.replace(new URL(`search/label/${encodeURIComponent(first)}`, document.baseURI));
    return;
  }
  // Blogger's feed of a label (/feeds/posts/default/-/<label>, and the label
  // after it, an AND): its page here, which names the label's feed.  (A static
  // host cannot serve it: /feeds/posts/default is the blog's feed, a file.)
  const labelFeed = path.match(/\/feeds\/posts\/(?:default|summary)\/-\/([^/]+)/);
  if (labelFeed && document.querySelector("base")) {
    const page = `search/label/${encodeURIComponent(labelFeed[1])}`;
    location.replace(new URL(page, document.baseURI));
    return;
  }
  const query = new URLSearchParams(location.search);
  const wordpressId = query.get("p") || query.get("page_id");
  const match = path.match(/\/(\d{4})\/(\d{2})\/(?:\d{2}\/)?([^/]+?)(?:\.html?)?\/?$/);
  // The site's root: the 404 page sets <base>; other pages name it (Sphinx's content_root).
  const root = document.documentElement.dataset.content_root || "";
  const site = document.querySelector("base") ? document.baseURI : new URL(root, location.href);
  // The old address from the site's root, on the 404 page (which sets <base>).
  const rel = document.querySelector("base")
    ? decodeURIComponent(location.pathname.slice(new URL(site).pathname.length))
    : "";
  if (/[^/]\.\w+$/.test(rel) && !/\.html?$/.test(rel)) {
    let files = [];
    try {
      files = await (await fetch(new URL("blog/files.json", site))).json();
    } catch {}
    const file = files.find((entry) => entry.old === rel);
    if (file) {
      location.replace(new URL(file.url, site));
      return;
    }
  }
  // WordPress's feed in another format (<a post's, a category's address>/feed/atom/,
  // feed/rss2/...): the feed at its feed/ where the site answers it (a post's
  // feed of comments, a category's or tag's feed).
  const otherFormat = rel.match(/^((?:[^/]+\/)+)feed\/(?:atom|rss2|rss|rdf)\/?$/);
  if (otherFormat) {
    const feed = new URL(`${otherFormat[1]}feed/`, site);
    try {
      if ((await fetch(feed, { method: "HEAD" })).ok) {
        location.replace(feed);
        return;
      }
    } catch {}
  }
  // Under a WordPress post's address (/2011/03/14/<slug>/, or without the
  // day): its comments' feed (where the site has no page there), a later
  // page of its comments, its AMP or trackback address, a picture's
  // attachment page: the post's address.
  const under = rel.match(
    /^(\d{4}\/\d{2}\/(?:\d{2}\/)?(?!page\/)[^/.]+\/)(?:feed\/(?:\w+\/?)?|[^/.]+\/?)$/,
  );
  if (under) {
    location.replace(new URL(under[1], site));
    return;
  }
  const listing =
    rel.match(
      /^(category|tag|author)\/(?:[^/]+\/)*?([^/]+)\/(?:page\/\d+\/?|feed\/(?:\w+\/?)?)?$/,
    ) ||
    (query.get("tag") && [null, "tag", query.get("tag")]); // WordPress's plain ?tag=<slug>
  if (listing) {
    const index = new URL(`blog/${listing[1]}/`, site);
    const page = new URL(`${encodeURIComponent(listing[2])}/`, index);
    let found = false;
    try {
      found = (await fetch(page, { method: "HEAD" })).ok;
    } catch {}
    location.replace(found ? page : index);
    return;
  }
  if (query.get("feed") && !wordpressId) {
    // WordPress's plain ?feed=rss2 (or atom, rdf...): the blog's feed
    location.replace(new URL("blog/atom.xml", site));
    return;
  }
  const searched = /^search\/?$/.test(rel);
  if (searched && (query.has("q") || !(query.has("updated-max") || query.has("updated-min")))) {
    const words = query.get("q") ? `?q=${encodeURIComponent(query.get("q"))}` : "";
    location.replace(new URL(`search.html${words}`, site));
    return;
  }
  if (query.get("s")) {
    location.replace(new URL(`search.html?q=${encodeURIComponent(query.get("s"))}`, site));
    return;
  }
  // (Blogger's ?m=1, its mobile pages, is no date.)
  const dated = (query.get("m") || "").match(/^(\d{4})(\d{2})?(?:\d{2})?$/);
  if (!searched && !dated && !match && !/^\d+$/.test(wordpressId || "")) return;
  let posts;
  try {
    posts = await (await fetch(new URL("blog/posts.json", site))).json();
  } catch {
    return;
  }
  if (searched) {
    location.replace(new URL(postsOfThen(posts, query), site));
    return;
  }
  if (dated) {
    location.replace(new URL(postsOfThen(posts, span(dated[1], dated[2])), site));
    return;
  }
  if (/^\d+$/.test(wordpressId || "")) {
    let found = posts.find((p) => p.wp === Number(wordpressId));
    if (!found) {
      try {
        const pages = await (await fetch(new URL("blog/pages.json", site))).json();
        found = pages.find((p) => p.wp === Number(wordpressId));
      } catch {
        return;
      }
    }
    // (?p=12&feed=rss2, the feed of its comments: the one beside its page)
    const feed = query.get("feed") && found && found.url.replace(/\.html$/, ".comments.xml");
    if (found) location.replace(new URL(feed || found.url, site));
    return;
  }
  const [, year, month, oldSlug] = match;
  if (/^\d{1,2}$/.test(oldSlug)) {
    // WordPress's day archive (/2011/03/14/): the month's posts
    location.replace(new URL(postsOfThen(posts, span(year, month)), site));
    return;
  }
  const words = new Set(oldSlug.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean));
  let best = null;
  let bestScore = 0;
  for (const post of posts) {
    if (!post.date.startsWith(`${year}-${month}`)) continue;
    const score = post.slug.split("-").filter((word) => words.has(word)).length;
    if (score > bestScore) [best, bestScore] = [post, score];
  }
  if (best) location.replace(new URL(best.url, site));
})();

/* The posts Blogger's /search?updated-min=<date>&updated-max=<date> showed:
   the page of the month (or, for a span longer than a month, the year) of
   the newest post in the span; with none, the page of all posts. */
function postsOfThen(posts, query) {
  const min = Date.parse(query.get("updated-min") || "");
  const max = Date.parse(query.get("updated-max") || "");
  const day = 24 * 60 * 60 * 1000; // posts.json has each post's day, not its time
  const newest = posts
    .filter((post) => {
      const when = Date.parse(post.date);
      return !(when < min - day) && !(when >= max);
    })
    .sort((a, b) => b.date.localeCompare(a.date))[0];
  if (!newest) return "blog/";
  const [year, month] = newest.date.split("-");
  return max - min > 31 * day ? `blog/${year}/` : `blog/${year}/${month}/`;
}

/* The span of a year, or of one of its months, as Blogger's search names it. */
function span(year, month) {
  const end = month ? new Date(Date.UTC(year, month, 1)) : new Date(Date.UTC(+year + 1, 0, 1));
  return new URLSearchParams({
    "updated-min": `${year}-${month || "01"}-01`,
    "updated-max": end.toISOString(),
  });
}
