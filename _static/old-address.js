/* Old addresses a static host cannot serve as pages of their own.
   - On the 404 page: an old Blogger post address (/YYYY/MM/<slug>.html, or
     WordPress's /YYYY/MM/DD/<slug>/) leads to the post of that month whose slug
     shares most words with it.
   - On the 404 page: a Blogger label typed as a list (/search/label/a, b),
     which the import split into its labels, leads to the first one's page.
   - On any page (the home page, for WordPress's /?p=12): a ?p=<number> or
     ?page_id=<number> address leads to the post or page that had it. */
(async () => {
  const path = decodeURIComponent(location.pathname);
  const label = path.match(/\/search\/label\/([^/]*,[^/]*)$/);
  const first = label && label[1].split(",").map((name) => name.trim()).find(Boolean);
  if (first && document.querySelector("base")) {
    location.replace(new URL(`search/label/${encodeURIComponent(first)}`, document.baseURI));
    return;
  }
  const query = new URLSearchParams(location.search);
  const wordpressId = query.get("p") || query.get("page_id");
  const match = path.match(/\/(\d{4})\/(\d{2})\/(?:\d{2}\/)?([^/]+?)(?:\.html?)?\/?$/);
  if (!match && !/^\d+$/.test(wordpressId || "")) return;
  // The site's root: the 404 page sets <base>; other pages name it (Sphinx's content_root).
  const root = document.documentElement.dataset.content_root || "";
  const site = document.querySelector("base") ? document.baseURI : new URL(root, location.href);
  let posts;
  try {
    posts = await (await fetch(new URL("blog/posts.json", site))).json();
  } catch {
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
    if (found) location.replace(new URL(found.url, site));
    return;
  }
  const [, year, month, oldSlug] = match;
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
