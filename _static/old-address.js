/* On the 404 page: an old Blogger address (/YYYY/MM/<slug>.html) leads to the
   post of that month whose slug shares most words with it. */
(async () => {
  const match = decodeURIComponent(location.pathname).match(
    /\/(\d{4})\/(\d{2})\/(?:\d{2}\/)?([^/]+?)(?:\.html?)?\/?$/,
  );
  if (!match) return;
  const [, year, month, oldSlug] = match;
  const words = new Set(oldSlug.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean));
  let posts;
  try {
    posts = await (await fetch(new URL("blog/posts.json", document.baseURI))).json();
  } catch {
    return;
  }
  let best = null;
  let bestScore = 0;
  for (const post of posts) {
    if (!post.date.startsWith(`${year}-${month}`)) continue;
    const score = post.slug.split("-").filter((word) => words.has(word)).length;
    if (score > bestScore) [best, bestScore] = [post, score];
  }
  if (best) location.replace(new URL(best.url, document.baseURI));
})();
