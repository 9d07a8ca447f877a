/* Search results show each post's date, from blog/posts.json. */
(() => {
  const results = () => document.getElementById("search-results");
  const root = document.documentElement.dataset.content_root || "";
  const byUrl = fetch(root + "blog/posts.json")
    .then((response) => response.json())
    .then((posts) => new Map(posts.map((post) => [post.url, post])))
    .catch(() => new Map());

  const addDates = async () => {
    const posts = await byUrl;
    for (const link of results().querySelectorAll("li > a")) {
      const item = link.parentElement;
      if (item.querySelector("time.search-date")) continue;
      const path = link.getAttribute("href").split(/[?#]/)[0];
      const post = posts.get(path);
      if (!post) continue;
      const time = document.createElement("time");
      time.className = "search-date";
      time.dateTime = post.date;
      time.textContent = post.day;
      link.after(" ", time);
    }
  };

  document.addEventListener("DOMContentLoaded", () => {
    if (!results()) return;
    new MutationObserver(addDates).observe(results(), { childList: true, subtree: true });
  });
})();
