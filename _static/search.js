/* The archive's search page (issue 15), on Pagefind's index (pagefind/, made
   by the build): only the index chunks a query needs are fetched, so the first
   search stays small however many posts there are.  Results show each post's
   title, date and an excerpt with the words found marked.  The search form
   (this page's, or the sidebar's) loads this page with ?q=, and this page's
   with &year= and &tag= to search within a year or a tag (Pagefind filters),
   and &order=best for the best matches first rather than the newest posts
   first (as the old blog's own search listed them). */
const PAGE_SIZE = 10;
const FIRST_WAVE = 500; // pages searched before the first results, at least (below)
const NEWEST = { when: "desc" }; // _templates/page.html's data-pagefind-sort

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
const best = params.get("order") === "best";
form.elements.order.value = best ? "best" : "";

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

// The index's parts (blogarchive/search.py: pagefind/, the newest posts, then
// pagefind/part-2/... older ones, for a big blog), each named by the page's
// preload of its entry file, with the tag that preload used (given the tag,
// metaCacheTag, Pagefind asks for that address, already on its way, rather
// than one with the time in it) and the number of pages in the part.
const parts = [...document.querySelectorAll('link[rel="preload"][href*="pagefind-entry.json?"]')].map(
  (link) => {
    const url = new URL(link.href);
    const pages = Number(link.dataset.pages) || 0;
    return { folder: new URL(".", url).pathname, tag: url.searchParams.get("ts"), pages };
  }
);
if (!parts.length) parts.push({ folder: new URL("pagefind/", root).pathname, tag: null, pages: 0 });
const pagefind = import(new URL("pagefind/pagefind.js", root).href);
let lost = 0; // parts that could not be searched: the count says so

// Pagefind runs in this page, not in its worker: a 40 KB script less (csp.py
// allows this page its WebAssembly).  A browser that does not know that
// allowance (Safari before 16, Firefox before 102) may compile none in a page:
// there Pagefind runs in its worker, as it does by default.
const inPage = (() => {
  try {
    return new WebAssembly.Module(Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0)) && true;
  } catch {
    return false;
  }
})();

// Pagefind searching the first part (whose folder holds its WebAssembly) and
// the parts in `merged`, opened (its entry and meta files read) before it is
// asked to search: the first while the page loads, the others once the first
// has compiled Pagefind's WebAssembly (found, below).
function opened(merged, tagged) {
  const options = (part) => ({
    baseUrl: root.pathname,
    ...(tagged && part.tag ? { metaCacheTag: part.tag } : {}),
  });
  return pagefind.then(async ({ createInstance }) => {
    const [first] = parts;
    const instance = createInstance({ basePath: first.folder, noWorker: inPage, ...options(first) });
    await Promise.all(
      merged.map((part) =>
        instance.mergeIndex(part.folder, options(part)).catch((error) => {
          if (tagged) throw error; // asked again without tags (below)
          console.warn(`search: ${part.folder} not loaded`, error); // the others still search
          lost += 1;
        })
      )
    );
    return instance;
  });
}

function searcher(merged) {
  const tagged = opened(merged, true);
  tagged.catch(() => {}); // a failure is met when searching (below)
  // Opened once its files are read and Pagefind's WebAssembly compiled: a
  // search for nothing waits for both, and asks for nothing.
  const ready = tagged.then((instance) => instance.search("")).then(
    () => true,
    () => false
  );
  const search = async (sort) => {
    const options = { filters, ...(sort ? { sort } : {}) };
    try {
      return await (await tagged).search(query, options);
    } catch (error) {
      // A reader's cache can hold a tagged entry file from before the site was
      // last published, naming an index that is gone: ask again as Pagefind
      // does by default, with the time in the address.
      console.warn("search: index asked for again", error);
      await (await tagged.catch(() => null))?.destroy();
      return await (await opened(merged, false)).search(query, options);
    }
  };
  return Object.assign(search, { ready });
}

// What is found, a part at a time, in the order shown.  Newest first: the
// first part's posts (the newest) first, the older parts' after, each searched
// with the first (Pagefind orders a merged search by relevance alone) and the
// first part's posts taken out.  At once, the first wave: the first part, and
// the next ones until FIRST_WAVE pages are searched (the newest part can hold
// a post or two: blogarchive/search.py's parts); the others once asked for,
// all together.  So a search for a word in every post fetches the first
// wave's chunks of it alone before its first page of results: 66 KB at 5000
// posts, not three of 94 KB.  An older part that cannot be searched adds
// nothing, and the count says so (`lost`).  Each batch says whether it is
// the last.
async function* found() {
  if (best) {
    yield { results: (await searcher(parts.slice(1))(null)).results, last: true };
    return;
  }
  const first = searcher([]);
  const newest = first(NEWEST);
  // The others only once the first has compiled Pagefind's WebAssembly: each
  // would compile it again, and two compiled at once replace each other's
  // memory (wasm-bindgen's init checks for a module before it awaits one).
  if (!(await first.ready)) await newest.catch(() => {}); // asked again (searcher)
  const older = parts.slice(1).map((part) => searcher([part]));
  const taken = newest.then((found) => new Set(found.results.map((r) => r.id)));
  const searched = [];
  const search = (i) =>
    (searched[i] ??= Promise.all([taken, older[i](NEWEST)]).then(
      ([ids, found]) => found.results.filter((r) => !ids.has(r.id)),
      (error) => {
        console.warn("search: an older part not searched", error);
        lost += 1;
        return [];
      }
    ));
  let wave = 1;
  for (let pages = parts[0].pages; wave < parts.length && pages < FIRST_WAVE; wave++) {
    pages += parts[wave].pages;
    search(wave - 1);
  }
  yield { results: (await newest).results, last: !older.length };
  for (let i = 0; i < older.length; i++) {
    if (i + 1 === wave) older.forEach((_, j) => search(j)); // the rest, once asked for
    yield { results: await search(i), last: i === older.length - 1 };
  }
}

async function search() {
  if (!query) return;
  performance.mark("search-start"); // benchmarks/search.py reads these marks
  status.textContent = "Searching…";
  const batches = found();
  const results = [];
  let complete = false;
  let shown = 0;
  const pull = async () => {
    // Done only when a click on More and the search for the rest both asked
    // for the last batch.
    const { done, value } = await batches.next();
    if (!done) results.push(...value.results);
    complete = done || value.last;
  };
  const missing = () => (lost ? "; some older posts could not be searched" : "");
  const count = () => {
    const n = results.length;
    const posts = `${n} post${n === 1 ? "" : "s"} found`;
    status.textContent = complete ? `${posts}${missing()}.` : `${posts} so far; searching older posts…`;
  };
  const showMore = async () => {
    // Every result's excerpt on the page is asked for at once, and each is
    // shown as soon as it and those above it have come: on a slow network the
    // first is read while the rest are still on their way.  The list is busy
    // until all are.  An older part is searched only when the page needs it.
    if (list.getAttribute("aria-busy") === "true") return; // one page at a time
    list.setAttribute("aria-busy", "true");
    more.hidden = true;
    const end = shown + PAGE_SIZE;
    while (shown < end) {
      if (shown === results.length) {
        if (complete) break;
        await pull();
        continue;
      }
      const page = results.slice(shown, end).map((r) => r.data());
      for (const data of page) {
        list.append(result(await data));
        if (shown++ === 0) {
          performance.mark("search-shown");
          count();
        }
      }
    }
    list.setAttribute("aria-busy", "false");
    more.hidden = complete && shown >= results.length;
  };
  await pull();
  await showMore();
  performance.mark("search-page"); // the first page of results shown (or none)
  while (!complete) await pull(); // the older parts, once the first page is shown
  if (!results.length) {
    performance.mark("search-shown");
    status.textContent = `Nothing found${missing()}. The All posts page lists every post by date.`;
  } else count();
  if (list.getAttribute("aria-busy") !== "true") more.hidden = shown >= results.length;
  more.addEventListener("click", showMore);
}

search().catch((error) => {
  status.textContent = "Search could not load: " + error.message;
});
