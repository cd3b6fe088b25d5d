"""Crawls the running server in headless Chromium as each demo role and reports what a person would trip over.

Usage: crawl_roles.py SERVER_URL CHROMEDRIVER_URL OUTDIR [--roles resident,secretary] [--axe PATH/axe.min.js]
       [--lang en] [--bin SERVER_BINARY | --routes FILE] [--jobs N] [--max-pages N] [--links-per-pattern N]
As a module: `from crawl_roles import crawl, format_report, count_findings` (crawl(...) returns the report dict).

For each role (resident, member, gridworker on a 360x780 phone; secretary, street, command, unit, orgdept on a
1280x900 desk) it signs in with the demo password ($GONGZHI_DEMO_PASSWORD, default Gongzhi-demo-2026), then walks
breadth-first the same-origin pages reachable by GET links (a[href]) from the home page, one page per pattern.
A pattern is the server route a path matches (from the binary's `routes` table, --bin or --routes) or, without the
table, the path with numeric and UUID segments as :id. Bounds: each pattern is opened once, and once more for its
first link with a query string (a filter or a tab of the same page); further URLs of a pattern are only fetched
as links. /logout, /lang/* and links with `download` are never followed, forms are never submitted. A hard bound of
--max-pages (400) pages per role guards against a server that invents patterns; reaching it leaves patterns
unvisited, and those fail the crawl.
Coverage: per role, the page patterns visited out of those linked (a[href] answering 2xx HTML or a redirect); a
linked pattern never visited is a finding. With the route table it also lists, for information only, the server's
GET routes (API, Open311, static assets, health and metrics left out) the role never saw a link to.
On every visited page:
  - dead links: linked URLs (a href, img/script/source/iframe src, link href) are fetched from inside the page
    (same origin, credentials, redirect 'manual'; once per URL per role); 4xx/5xx is a dead link, with the pages
    it was on (opaque redirects are not followed and not counted; /logout and /lang/* are not fetched). A list
    links each of its rows: of each pattern (with and without a query string apart) the first
    --links-per-pattern (12) URLs in crawl order are fetched and the rest counted, and the report says how many
    URLs were linked, how many fetched, and how many patterns reached the number (0 fetches every URL);
  - overflow (phone roles): document.documentElement.scrollWidth > window.innerWidth, with the offending element
    (or > clientWidth: an emulated phone zooms out to fit a wide page, and innerWidth then grows with it);
  - escaped markup shown as text: tags such as </span> or entities such as &lt; / &amp;amp; in body.innerText;
and once per pattern, accessibility: axe-core 4.x (axe.min.js from the pinned axe-playwright-python package in
.build/browser-venv, see scripts/test); critical and serious violations by rule (--axe off leaves it out: scripts/test
runs it on every pattern in Chinese, and the English pass over the same patterns checks the rest).
--jobs N crawls N roles at once, each in its own Chromium session. It saves OUTDIR/crawl-<role>-home.png, prints
the report grouped by role and kind, writes OUTDIR/crawl.json and exits 1 when anything was found (2 when it could
not run).
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter, OrderedDict, deque
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import unquote, urldefrag, urlsplit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from webdriver import Browser  # noqa: E402

PASSWORD = os.environ.get("GONGZHI_DEMO_PASSWORD", "Gongzhi-demo-2026")
PHONE_ROLES = ["resident", "member", "gridworker"]
DESK_ROLES = ["secretary", "street", "command", "unit", "orgdept"]
ROLES = PHONE_ROLES + DESK_ROLES
# With --jobs, the longest crawls start first, so the last one to finish is a short one.
LONGEST_FIRST = ["orgdept", "command", "street", "secretary", "unit", "gridworker", "member", "resident"]
QUERY_VARIANT = True  # a pattern's first URL with a query string is opened too: filters and tabs change the page
# A list links every row: the first URLs of each pattern are fetched, the others counted (--links-per-pattern).
LINKS_PER_PATTERN = 12
MAX_PAGES = 400  # a safety bound, not a budget: at one or two pages per pattern no role comes near it
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# GET routes that are not pages a person opens: left out of the informational count of routes never linked.
NOT_PAGES = re.compile(r"^/(api|open311|static)(/|$)|^/(favicon\.ico|healthz|metrics)$")

PAGE_SCRIPT = r"""
// With a phone's emulated viewport, a page wider than the screen zooms out and innerWidth grows with it; the
// layout viewport (clientWidth) keeps the phone's width.
const IW = window.innerWidth, CW = document.documentElement.clientWidth, SW = document.documentElement.scrollWidth;
const W = Math.min(IW, CW);
const abs = h => { try { return new URL(h, document.baseURI).href; } catch (e) { return null; } };
const links = [];
for (const a of document.querySelectorAll('a[href]')) {
  const h = a.getAttribute('href') || a.getAttribute('xlink:href');  // SVG links have no string .href
  if (h !== null) links.push([abs(h), a.hasAttribute('download')]);
}
const assets = [];
for (const e of document.querySelectorAll('img[src], script[src], source[src], iframe[src], link[href]'))
  assets.push(abs(e.getAttribute(e.tagName === 'LINK' ? 'href' : 'src')));
function sel(el) {
  const parts = [];
  for (let e = el, d = 0; e && e.nodeType === 1 && e !== document.body && d < 5; e = e.parentElement, d++) {
    let s = e.tagName.toLowerCase();
    if (e.id) { parts.unshift(s + '#' + CSS.escape(e.id)); break; }
    s += [...e.classList].slice(0, 2).map(c => '.' + CSS.escape(c)).join('');
    const p = e.parentElement;
    if (p) { const same = [...p.children].filter(c => c.tagName === e.tagName);
             if (same.length > 1) s += ':nth-of-type(' + (same.indexOf(e) + 1) + ')'; }
    parts.unshift(s);
  }
  return parts.join(' > ');
}
let overflow = null;
if (SW > W) {
  const over = el => el.getBoundingClientRect().right > W + 0.5;
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if ((r.width === 0 && r.height === 0) || r.right <= W + 0.5) continue;
    let clipped = getComputedStyle(el).position === 'fixed', depth = 0;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement, depth++) {
      const cs = getComputedStyle(a);
      if (cs.overflowX !== 'visible' || cs.position === 'fixed') clipped = true;
    }
    if (clipped) continue;  // in its own scroll box, or fixed to the (zoomed-out) screen: does not widen the page
    const p = el.parentElement;
    found.push({el, r, depth, outer: !p || p === document.body || !over(p)});
  }
  const desc = f => ({selector: sel(f.el), right: Math.round(f.r.right), width: Math.round(f.r.width),
                      text: (f.el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50)});
  const outer = found.filter(f => f.outer).sort((a, b) => b.r.right - a.r.right);
  // the deepest element wider than the screen forces the width; a table row or cell stands for its table
  const wide = found.filter(f => f.r.width > W + 0.5).sort((a, b) => b.depth - a.depth || b.r.right - a.r.right);
  let widest = wide.length ? wide[0] : outer[0];
  const table = widest && widest.el.closest('table');
  if (table && table !== widest.el) widest = {el: table, r: table.getBoundingClientRect()};
  overflow = {scrollWidth: SW, innerWidth: IW, clientWidth: CW, outermost: outer.slice(0, 3).map(desc),
              widest: widest ? desc(widest) : null};
}
const text = document.body ? document.body.innerText : '';
// a tag, or an entity (&lt; &gt; &quot; &#39; &amp;, escaped once or more) that should have been markup or a character
const re = new RegExp('</?(?:span|a|div|strong|em|b|i|p|br|small|ul|li|h[1-6]|table|tr|td|img|script)\\b[^>]*>'
                      + '|&(?:amp;)*(?:lt|gt|quot|amp|#0*39|#x0*27);', 'gi');
const escaped = [];
let m;
while ((m = re.exec(text)) && escaped.length < 5) {
  escaped.push(text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30).replace(/\s+/g, ' '));
  re.lastIndex = m.index + m[0].length + 30;  // the next snippet starts after this one
}
return {url: location.href, title: document.title, links, assets, overflow, escaped,
        layout: document.body ? document.body.className : ''};
"""

FETCH_BATCH = 8  # 4 fetches at a time: 2 timeouts in a row stay under the driver call's 60 s
FETCH_TIMEOUT_MS = 20000  # a link that does not answer in this time is dead to its user (status -2)
SLOW_MS = 3000  # listed in the report, not a finding: timing belongs in Benchmarks/

FETCH_SCRIPT = r"""
const urls = arguments[0], limitMs = arguments[1], done = arguments[arguments.length - 1], out = {};
let next = 0;
async function worker() {
  while (next < urls.length) {
    const u = urls[next++], t0 = performance.now(), stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), limitMs);
    try {
      const r = await fetch(u, {credentials: 'same-origin', redirect: 'manual', cache: 'no-store',
                                signal: stop.signal});
      out[u] = [r.status, r.type, r.headers.get('content-type') || ''];
      try { await r.arrayBuffer(); } catch (e) {}
    } catch (e) { out[u] = [stop.signal.aborted ? -2 : -1, 'error', String(e)]; }
    clearTimeout(timer);
    out[u].push(Math.round(performance.now() - t0));
  }
}
Promise.all([worker(), worker(), worker(), worker()]).then(() => done(out));
"""

AXE_SCRIPT = r"""
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']}).then(r => done({version: axe.version,
  violations: r.violations.filter(v => v.impact === 'critical' || v.impact === 'serious').map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.length,
    targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))}), e => done({error: String(e)}));
"""


def find_axe(explicit=None):
    """axe.min.js: the given path, $GONGZHI_AXE_JS, the package in this interpreter, or the one in .build's venv."""
    if explicit:
        if not os.path.isfile(explicit):
            raise FileNotFoundError(f"no such file: {explicit}")
        return explicit
    candidates = [os.environ.get("GONGZHI_AXE_JS")]
    try:
        import importlib.resources
        candidates.append(str(importlib.resources.files("axe_playwright_python") / "axe.min.js"))
    except Exception:
        pass
    candidates += sorted(glob.glob(os.path.join(
        ROOT, ".build", "browser-venv", "lib", "python*", "site-packages", "axe_playwright_python", "axe.min.js")))
    for c in candidates:
        if c and os.path.isfile(c):
            return c
    raise FileNotFoundError("axe.min.js not found: install axe-playwright-python into .build/browser-venv "
                            "(scripts/test does) or pass --axe PATH")


def parse_routes(text):
    """The GET paths in the table Vapor's `routes` command prints (| GET | /path |); other lines are skipped."""
    out = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 2 and cells[0] == "GET" and cells[1].startswith("/"):
            out.append(cells[1])
    return list(dict.fromkeys(out))


def server_routes(binary):
    """Runs `BINARY routes` on a throw-away empty SQLite database (no demo) and returns its GET paths."""
    with tempfile.TemporaryDirectory() as d:
        env = dict(os.environ, DATABASE_URL=f"sqlite://{d}/routes.sqlite", GONGZHI_DEMO="0")
        r = subprocess.run([binary, "routes"], cwd=d, env=env, capture_output=True, text=True, timeout=300)
    routes = parse_routes(r.stdout)
    if r.returncode or not routes:
        raise RuntimeError(f"{binary} routes: exit {r.returncode}, {len(routes)} GET routes; {r.stderr[-500:]}")
    return routes


class Routes:
    """Matches a path to the server route that answers it: a constant segment before a parameter before **."""

    def __init__(self, paths):
        self.paths = list(paths)
        self.split = [(p, [s for s in p.split("/") if s]) for p in self.paths]
        self.cache = {}

    def match(self, path):
        if path not in self.cache:
            segs = [unquote(s) for s in path.split("/") if s]
            best, best_rank = None, None
            for p, rs in self.split:
                rank = self._rank(rs, segs)
                if rank is not None and (best_rank is None or rank < best_rank):
                    best, best_rank = p, rank
            self.cache[path] = best
        return self.cache[path]

    @staticmethod
    def _rank(rs, segs):
        rank = []
        for i, r in enumerate(rs):
            if r == "**":
                return rank + [2] if len(segs) > i else None
            if i >= len(segs):
                return None
            if r == segs[i]:
                rank.append(0)
            elif r.startswith(":") or r == "*":
                rank.append(1)
            else:
                return None
        return rank if len(rs) == len(segs) else None


NUMERIC = re.compile(r"^\d+$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def pattern(url, routes=None):
    path = urlsplit(url).path
    matched = routes.match(path) if routes else None
    return matched or "/".join(":id" if NUMERIC.match(s) else s for s in path.split("/")) or "/"


def never_follow(path):
    return path == "/logout" or path.startswith("/logout/") or path.startswith("/lang/")


def login(b, server, role):
    b.get(server + "/login")
    b.type(b.find("#login"), role)
    b.type(b.find("#password"), PASSWORD)
    b.click(b.find("#login-submit"))
    end = time.time() + 15
    while "/login" in urlsplit(b.url).path:
        if time.time() > end:
            raise RuntimeError(f"{role} could not sign in")
        time.sleep(0.2)


def is_page(st):
    """A link that answers as a page to walk into: not a dead link, a CSV or an image. Unchecked counts as one."""
    return not st or st[0] == 0 or (200 <= st[0] < 300 and "text/html" in st[2])


def crawl_role(server, driver, role, outdir, axe_js, log=None, lang=None, routes=None, max_pages=MAX_PAGES,
               links_per_pattern=LINKS_PER_PATTERN):
    log = log or (lambda m: print(m, flush=True))
    phone = role in PHONE_ROLES
    width, height = (360, 780) if phone else (1280, 900)
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(server))
    rep = OrderedDict(role=role, viewport=f"{width}x{height}", layout="phone" if phone else "desk", seconds=0,
                      pages=[], skipped={}, links_checked=0, dead_links=[], overflow=[], escaped=[], axe={},
                      axe_pages=0, error=None)
    started = time.time()
    spent = Counter()  # seconds by kind of work: where a role's time goes
    status = {}  # url -> [status, type, content-type, ms]
    seen_on = {}  # url -> pages it is linked from (in crawl order)
    page_links = set()  # followable a[href] URLs that answer as pages
    seen_patterns = set()  # the pattern of every same-origin URL the role saw a link to, pages or not
    visits = Counter()  # pattern -> pages opened
    link_slots = Counter()  # (pattern, has a query) -> URLs fetched
    unchecked = set()  # linked URLs past their slot's --links-per-pattern
    axe_done = set()
    home = server + "/"
    queue, queued, slots = deque([home]), {home}, {(pattern(home, routes), False)}
    page_links.add(home)
    b = None
    try:
        b = Browser(driver, width, height, phone=phone)
        b.script_timeout(90)
        login(b, server, role)
        if lang:  # the language switch sets a cookie and comes back home
            b.get(server + f"/lang/{lang}?back=/")
        b.get(home)
        b.screenshot(os.path.join(outdir, f"crawl-{role}{'-' + lang if lang else ''}-home.png"))
        while queue and len(rep["pages"]) < max_pages:
            url = queue.popleft()
            t0 = time.time()
            if url != home:
                b.get(url)
            page = b.run(PAGE_SCRIPT)
            spent["pages"] += time.time() - t0
            final = urldefrag(page["url"])[0]
            queued.add(final)
            if urlsplit(final).path == "/login":
                raise RuntimeError(f"signed out while opening {url}")
            rep["pages"].append(url if final == url else f"{url} -> {final}")
            here, pat = final, pattern(final, routes)
            visits[pattern(url, routes)] += 1
            if pat != pattern(url, routes):  # a redirect opened this pattern too
                visits[pat] += 1
            # dead links: check each same-origin URL once
            targets = []
            for href, download in page["links"]:
                if href and href.startswith(origin):
                    targets.append((urldefrag(href)[0], download))
            assets = [urldefrag(a)[0] for a in page["assets"] if a and a.startswith(origin)]
            for u in [t for t, _ in targets] + assets:
                seen_patterns.add(pattern(u, routes))
                if never_follow(urlsplit(u).path):
                    continue
                seen_on.setdefault(u, [])
                if here not in seen_on[u]:
                    seen_on[u].append(here)
            # the first --links-per-pattern URLs of each slot (pattern, with or without a query) are fetched;
            # the rest are counted as linked, not checked: a template prints one link for every row of a list
            fresh = []
            for u in dict.fromkeys(seen_on):
                if u in status or u in unchecked:
                    continue
                slot = (pattern(u, routes), bool(urlsplit(u).query))
                if link_slots[slot] >= links_per_pattern:
                    unchecked.add(u)
                    continue
                link_slots[slot] += 1
                fresh.append(u)
            t0 = time.time()
            # in small batches, so one slow URL is named in the report instead of timing the whole batch out
            for i in range(0, len(fresh), FETCH_BATCH):
                status.update(b.run_async(FETCH_SCRIPT, fresh[i:i + FETCH_BATCH], FETCH_TIMEOUT_MS))
            spent["links"] += time.time() - t0
            # overflow and escaped markup
            if phone and page["overflow"]:
                rep["overflow"].append(OrderedDict(page=here, **page["overflow"]))
            if page["escaped"]:
                rep["escaped"].append(OrderedDict(page=here, snippets=page["escaped"]))
            # accessibility: once per pattern, the page's template is what axe judges
            if axe_js and pat not in axe_done:
                axe_done.add(pat)
                t0 = time.time()
                record_axe(b, axe_js, here, rep)
                spent["axe"] += time.time() - t0
            # what to visit next: a pattern's first URL, and its first with a query string
            for u, download in targets:
                if download or never_follow(urlsplit(u).path) or not is_page(status.get(u)):
                    continue
                page_links.add(u)
                if u in queued:
                    continue
                p = pattern(u, routes)
                slot = (p, QUERY_VARIANT and bool(urlsplit(u).query))
                if slot in slots:
                    rep["skipped"][p] = rep["skipped"].get(p, 0) + 1
                    continue
                slots.add(slot)
                queued.add(u)
                queue.append(u)
    except Exception as e:
        rep["error"] = f"{type(e).__name__}: {e}"
        traceback.print_exc()
    finally:
        if b:
            b.quit()
    for u, pages in seen_on.items():
        st = status.get(u)
        if st and (st[0] >= 400 or st[0] == -2):
            rep["dead_links"].append(OrderedDict(url=u, status=st[0], pages=pages))
    rep["slow"] = [OrderedDict(url=u, ms=st[3], pages=seen_on.get(u, [])[:4])
                   for u, st in sorted(status.items(), key=lambda kv: -kv[1][3]) if st[3] >= SLOW_MS]
    rep["slowest"] = [[u, st[3]] for u, st in sorted(status.items(), key=lambda kv: -kv[1][3])[:5]]
    rep["links_checked"] = len(status)
    rep["links_unchecked"] = len(unchecked)
    rep["link_slots_full"] = sum(1 for n in link_slots.values() if n >= links_per_pattern)
    rep["link_statuses"] = dict(Counter(str(st[0]) for st in status.values()).most_common())
    rep["coverage"] = coverage(page_links, visits, seen_patterns, routes, queue, routes is not None)
    rep["seconds"] = round(time.time() - started, 1)
    rep["seconds_by_kind"] = {k: round(v, 1) for k, v in spent.items()}
    c = rep["coverage"]
    log(f"{role}: {len(rep['pages'])} pages, {c['visited']}/{c['linked']} linked patterns visited, "
        f"{len(status)} URLs checked ({len(unchecked)} more linked), {rep['axe_pages']} axe runs, {rep['seconds']} s")
    return rep


def coverage(page_links, visits, seen_patterns, routes, queue, with_routes):
    """Page patterns linked and visited; a linked pattern never visited is a finding. Server routes: information."""
    linked = Counter(pattern(u, routes) for u in page_links)
    cov = OrderedDict(linked=len(linked), visited=sum(1 for p in linked if visits[p]),
                      not_visited=sorted(p for p in linked if not visits[p]),
                      left_in_queue=len(queue),
                      patterns=OrderedDict((p, OrderedDict(visits=visits[p], urls_linked=linked[p]))
                                           for p in sorted(set(linked) | set(visits))))
    if with_routes:
        pages = [r for r in routes.paths if not NOT_PAGES.search(r)]
        cov["server_page_routes"] = len(pages)
        cov["never_linked"] = [r for r in pages if r not in seen_patterns and not visits[r]]
    return cov


def record_axe(b, axe_js, page, rep):
    b.run(axe_js + "\n;return typeof axe;")
    res = b.run_async(AXE_SCRIPT)
    if "error" in res:
        rep.setdefault("axe_errors", []).append(f"{page}: {res['error']}")
        return
    rep["axe_version"] = res["version"]
    rep["axe_pages"] += 1
    for v in res["violations"]:
        rule = rep["axe"].setdefault(v["id"], OrderedDict(impact=v["impact"], help=v["help"], helpUrl=v["helpUrl"],
                                                          nodes=0, pages=OrderedDict(), examples=[]))
        rule["nodes"] += v["nodes"]
        rule["pages"][page] = v["nodes"]
        for t in v["targets"]:
            if len(rule["examples"]) < 3:
                rule["examples"].append(OrderedDict(page=page, target=t))


def count_findings(report):
    n = 0
    for r in report["roles"].values():
        n += len(r["dead_links"]) + len(r["overflow"]) + len(r["escaped"]) + len(r["axe"])
        n += len(r.get("coverage", {}).get("not_visited", []))
        n += 1 if r["error"] else 0
    return n


def crawl(server, driver, outdir, roles=None, axe=None, log=None, lang=None, routes=None, jobs=1,
          max_pages=MAX_PAGES, links_per_pattern=LINKS_PER_PATTERN):
    """routes: the server's GET paths (server_routes(binary) or parse_routes(text)), or None for :id patterns."""
    server = server.rstrip("/")
    os.makedirs(outdir, exist_ok=True)
    axe_js = None if axe == "off" else open(find_axe(axe), encoding="utf-8").read()
    router = Routes(routes) if routes else None
    roles = list(roles or ROLES)
    started = time.time()
    report = OrderedDict(server=server, jobs=jobs, routes=len(routes) if routes else None,
                         links_per_pattern=links_per_pattern, roles=OrderedDict())
    run = lambda role: crawl_role(server, driver, role, outdir, axe_js, log, lang, router, max_pages,  # noqa: E731
                                  links_per_pattern)
    if jobs > 1:
        order = sorted(roles, key=lambda r: LONGEST_FIRST.index(r) if r in LONGEST_FIRST else -1)
        with ThreadPoolExecutor(jobs) as pool:
            done = {role: pool.submit(run, role) for role in order}
            for role in roles:
                report["roles"][role] = done[role].result()
    else:
        for role in roles:
            report["roles"][role] = run(role)
    report["seconds"] = round(time.time() - started, 1)
    report["axe_version"] = next((r["axe_version"] for r in report["roles"].values() if "axe_version" in r), None)
    report["findings"] = count_findings(report)
    with open(os.path.join(outdir, "crawl.json"), "w", encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False, indent=1)
    return report


def format_report(report):
    rel = lambda u: u[len(report["server"]):] if u.startswith(report["server"]) else u  # noqa: E731
    out = [f"crawl of {report['server']}: {report['findings']} finding(s), {report['seconds']} s, "
           f"axe-core {report['axe_version']}"]
    for role, r in report["roles"].items():
        c = r.get("coverage", {})
        out.append(f"\n== {role} ({r['layout']} {r['viewport']}): {len(r['pages'])} pages, {r['links_checked']} URLs "
                   f"checked of {r['links_checked'] + r['links_unchecked']} linked ({r['link_slots_full']} patterns "
                   f"at {report['links_per_pattern']}), axe on {r['axe_pages']} pages, {r['seconds']} s")
        if c:
            line = f"  coverage: {c['visited']}/{c['linked']} linked page patterns visited"
            if "never_linked" in c:
                line += (f"; {len(c['never_linked'])} of the server's {c['server_page_routes']} GET page routes "
                         f"never linked for this role (information)")
            out.append(line)
        if r["error"]:
            out.append(f"  ERROR {r['error']}")
        if c.get("not_visited"):
            out.append(f"  linked patterns never visited ({len(c['not_visited'])}; {c['left_in_queue']} pages left "
                       f"in the queue at the bound): " + ", ".join(c["not_visited"]))
        for e in r.get("axe_errors", []):
            out.append(f"  axe error {rel(e)}")
        if r["dead_links"]:
            out.append(f"  dead links ({len(r['dead_links'])}):")
            for d in r["dead_links"]:
                more = f" (+{len(d['pages']) - 4})" if len(d["pages"]) > 4 else ""
                on = ", ".join(rel(p) for p in d["pages"][:4]) + more
                out.append(f"    {d['status']} {rel(d['url'])}  on {on}")
        if r["slow"]:
            out.append(f"  slow links, {SLOW_MS} ms or more, not counted ({len(r['slow'])}):")
            for d in r["slow"]:
                out.append(f"    {d['ms']} ms {rel(d['url'])}  on " + ", ".join(rel(p) for p in d["pages"]))
        out.append("  slowest: " + ", ".join(f"{rel(u)} {ms} ms" for u, ms in r.get("slowest", [])))
        if r["overflow"]:
            out.append(f"  horizontal overflow ({len(r['overflow'])} pages):")
            for o in r["overflow"]:
                w = o.get("widest") or {}
                out.append(f"    {rel(o['page'])}: scrollWidth {o['scrollWidth']}, innerWidth {o['innerWidth']}, "
                           f"clientWidth {o['clientWidth']}; "
                           f"{w.get('selector')} (right {w.get('right')}, width {w.get('width')}) "
                           f"{w.get('text', '')!r}")
        if r["escaped"]:
            out.append(f"  escaped markup shown as text ({len(r['escaped'])} pages):")
            for e in r["escaped"]:
                out.append(f"    {rel(e['page'])}: " + " | ".join(repr(s) for s in e["snippets"][:3]))
        if r["axe"]:
            out.append(f"  axe critical/serious ({len(r['axe'])} rules):")
            for rule, v in sorted(r["axe"].items(), key=lambda kv: -kv[1]["nodes"]):
                out.append(f"    {rule} [{v['impact']}] {v['help']}: {v['nodes']} nodes on {len(v['pages'])} pages: "
                           + ", ".join(f"{rel(p)} ({n})" for p, n in v["pages"].items()))
                for ex in v["examples"]:
                    out.append(f"      {rel(ex['page'])}  {ex['target']}")
        if not (r["error"] or r["dead_links"] or r["overflow"] or r["escaped"] or r["axe"] or c.get("not_visited")):
            out.append("  nothing found")
    return "\n".join(out)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("server")
    ap.add_argument("driver")
    ap.add_argument("outdir")
    ap.add_argument("--roles", help="comma-separated, from " + ",".join(ROLES))
    ap.add_argument("--axe", help="path to axe.min.js, or off (a second pass over the same patterns)")
    ap.add_argument("--lang", help="switch the interface language after signing in (e.g. en)")
    routes = ap.add_mutually_exclusive_group()
    routes.add_argument("--bin", help="the server binary: its `routes` table gives the patterns and the count of "
                                      "routes never linked")
    routes.add_argument("--routes", help="a file holding the output of `gongzhi routes`, instead of --bin")
    ap.add_argument("--jobs", type=int, default=1, help="roles crawled at once, each in its own Chromium session")
    ap.add_argument("--links-per-pattern", type=int, default=LINKS_PER_PATTERN,
                    help=f"URLs fetched per link pattern, the first ones linked ({LINKS_PER_PATTERN}); 0: all")
    ap.add_argument("--max-pages", type=int, default=MAX_PAGES,
                    help=f"pages per role before the crawl stops and fails on what it left ({MAX_PAGES})")
    a = ap.parse_args(argv)
    roles = a.roles.split(",") if a.roles else ROLES
    unknown = [r for r in roles if r not in ROLES]
    if unknown:
        ap.error("unknown role(s): " + ",".join(unknown))
    try:
        table = server_routes(a.bin) if a.bin else None
        if a.routes:
            with open(a.routes, encoding="utf-8") as f:
                table = parse_routes(f.read())
            if not table:
                raise RuntimeError(f"no GET routes in {a.routes}")
        report = crawl(a.server, a.driver, a.outdir, roles, a.axe, lang=a.lang, routes=table, jobs=max(1, a.jobs),
                       max_pages=a.max_pages, links_per_pattern=a.links_per_pattern or 10 ** 9)
    except Exception as e:
        print(f"crawl could not run: {e}", file=sys.stderr)
        return 2
    print(format_report(report))
    print(f"\nreport in {os.path.join(a.outdir, 'crawl.json')}")
    return 1 if report["findings"] else 0


if __name__ == "__main__":
    sys.exit(main())
