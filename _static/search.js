/* The archive's search page (issue 15), on Pagefind's index (pagefind/, made
   by the build): only the index chunks a query needs are fetched, so the first
   search stays small however many posts there are.  Results show each post's
   title, date and an excerpt with the words found marked.  The search form
   (this page's, or the sidebar's) loads this page with ?q=, and this page's
   with &year= and &tag= to search within a year or a tag (Pagefind filters). */
const PAGE_SIZE = 10;

const form = document.getElementById("search-form");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");

const root = new URL(document.documentElement.dataset.content_root || "./", location.href);
const params = new URLSearchParams(location.search);
const query = (params.get("q") || "").trim();
form.elements.q.value = query;
const filters = {};
for (const name of ["year", "tag"]) {
  const value = params.get(name) || "";
  const select = form.elements[name];
  if (value && [...select.options].some((option) => option.value === value)) {
    select.value = value;
    filters[name] = value;
  }
}

function result(data) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  item.append(link);
  if (data.meta.date) {
    const time = document.createElement("time");
    time.className = "search-date";
    time.dateTime = data.meta.day || "";
    time.textContent = data.meta.date;
    item.append(" ", time);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "search-excerpt";
  excerpt.innerHTML = data.excerpt; // Pagefind's: the post's own text, escaped, words found in <mark>
  item.append(excerpt);
  return item;
}

// The index's parts (blogarchive/search.py: pagefind/, then pagefind/part-2/...
// for a big blog), each named by the page's preload of its entry file, with
// the tag that preload used: given the tag (metaCacheTag), Pagefind asks for
// that address, already on its way, rather than one with the time in it.
const parts = [...document.querySelectorAll('link[rel="preload"][href*="pagefind-entry.json?"]')]
  .map((link) => new URL(link.href))
  .map((url) => ({ folder: new URL(".", url).pathname, tag: url.searchParams.get("ts") }));

async function open(tagged) {
  const pagefind = await import(new URL("pagefind/pagefind.js", root).href);
  const options = (part) => ({
    baseUrl: root.pathname,
    ...(tagged && part?.tag ? { metaCacheTag: part.tag } : {}),
  });
  const [first, ...rest] = parts;
  await pagefind.options(options(first));
  await Promise.all(
    rest.map((part) =>
      pagefind.mergeIndex(part.folder, options(part)).catch((error) => {
        if (tagged) throw error; // asked again without tags (below)
        console.warn(`search: ${part.folder} not loaded`, error); // the others still search
      })
    )
  );
  return pagefind;
}

async function search() {
  if (!query) return;
  performance.mark("search-start"); // benchmarks/search.py reads these marks
  status.textContent = "Searching…";
  let pagefind, found;
  try {
    pagefind = await open(true);
    found = await pagefind.search(query, { filters });
  } catch (error) {
    // A reader's cache can hold a tagged entry file from before the site was
    // last published, naming an index that is gone: ask again as Pagefind
    // does by default, with the time in the address.
    console.warn("search: index asked for again", error);
    await pagefind?.destroy();
    pagefind = await open(false);
    found = await pagefind.search(query, { filters });
  }
  const count = found.results.length;
  let shown = 0;
  const showMore = async () => {
    // Every result's excerpt is asked for at once, and each is shown as soon as
    // it and those above it have come: on a slow network the first is read
    // while the rest are still on their way.  The list is busy until all are.
    list.setAttribute("aria-busy", "true");
    more.hidden = true;
    const page = found.results.slice(shown, shown + PAGE_SIZE).map((r) => r.data());
    for (const data of page) {
      list.append(result(await data));
      if (shown++ === 0) {
        performance.mark("search-shown");
        status.textContent = `${count} post${count === 1 ? "" : "s"} found.`;
      }
    }
    list.setAttribute("aria-busy", "false");
    more.hidden = shown >= count;
  };
  await showMore();
  if (!count) {
    performance.mark("search-shown");
    status.textContent = "Nothing found. The All posts page lists every post by date.";
  }
  more.addEventListener("click", showMore);
}

search().catch((error) => {
  status.textContent = "Search could not load: " + error.message;
});
