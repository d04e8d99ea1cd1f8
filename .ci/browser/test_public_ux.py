"""What the public and the signed-in see, beyond what axe-core checks, on every page kind:

1. reflow at 320 CSS pixels (WCAG 1.4.10), and wide tables in labelled, keyboard-reachable scroll regions;
2. Swedish user content on English pages marked lang="sv" (WCAG 3.1.2, language of parts);
3. no link or form that demands sign-in shown to anonymous visitors;
4. the signed-in state (name and sign-out button) in the header of every page, in both languages;
5. singular and plural: never "1 träffar" or "1 results";
6. the printed compilation of a referral round: A4 landscape, header on every page, every body named.

Pages are loaded once per browser and language; each check reads what it needs from that load.
"""
import os
import re
import subprocess
import tempfile
import urllib.error
import urllib.parse
import urllib.request

import pytest

from test_accessibility import PAGES, SIGNED_IN_PAGES, with_lang

LANGS = ["sv", "en"]

# What one load of a page in a browser gave, by (browser session, URL): the checks below share it.
_loads = {}


def shown(path, lang):
    """The page's address as a failure names it."""
    return with_lang("", path, lang)


def load(driver, url, script):
    key = (driver.session_id, url, script)
    if key not in _loads:
        driver.get(url)
        _loads[key] = driver.execute_script(script)
    return _loads[key]


# 1. Reflow at 320 CSS pixels ------------------------------------------------------------------------------------

# Measures a page in a 320 px wide viewport. Something overflows when it reaches past the viewport's right edge
# and no ancestor below <body> scrolls or clips it (a wide table inside a scroll container is fine): an element's
# box, or a text that runs out of its element's box (a long word, a nowrap line). <html> and <body> are not counted
# as containers: clipping the whole page with overflow-x: hidden hides content, it does not reflow it. The viewport
# is the layout viewport, <html>'s clientWidth: a phone zooms out a page that is too wide, and window.innerWidth
# then grows with it. Only the outermost overflowing elements are named, outermost first (what is inside them
# overflows with them), and alike ones (the <dd>s of <dl class=facts>) are named once, with how many there are.
REFLOW_JS = r"""
var root = document.documentElement;
var vw = root.clientWidth;
function clips(el) {
  var o = getComputedStyle(el).overflowX;
  return o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip';
}
function contained(from) {  // from: the first element to look at, going up
  for (var a = from; a && a !== document.body && a !== root; a = a.parentElement)
    if (clips(a)) return true;
  return false;
}
function right(r) { return Math.round(r.right + window.scrollX); }
function kind(el) {
  var cls = (el.getAttribute('class') || '').trim();
  return el.tagName.toLowerCase() + (cls ? '.' + cls.split(/\s+/).join('.') : '');
}
function name(el) { return kind(el) + (el.id ? '#' + el.id : ''); }
function describe(el) {
  var text = (el.innerText || el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40);
  return name(el) + ' "' + text + '"';
}
function depth(el) { var d = 0; for (; el; el = el.parentElement) d++; return d; }
var over = new Map();  // element -> {right, text: whether only its text overflows}
Array.from(document.body.querySelectorAll('*')).forEach(function (el) {
  var r = el.getBoundingClientRect();
  if ((r.width > 0 || r.height > 0) && r.right + window.scrollX > vw + 0.5 && !contained(el.parentElement))
    over.set(el, {right: right(r), text: false});
});
var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (var node = walker.nextNode(); node; node = walker.nextNode()) {
  var el = node.parentElement;
  if (!node.textContent.trim() || over.has(el) || /^(SCRIPT|STYLE|NOSCRIPT)$/.test(el.tagName)) continue;
  var range = document.createRange();
  range.selectNodeContents(node);
  var edge = Math.max.apply(null, Array.from(range.getClientRects()).map(right).concat([0]));
  if (edge > vw + 0.5 && !contained(el)) over.set(el, {right: edge, text: true});
}
var outermost = Array.from(over.keys()).filter(function (el) {
  for (var a = el.parentElement; a; a = a.parentElement) if (over.has(a)) return false;
  return true;
});
outermost.sort(function (a, b) { return depth(a) - depth(b); });  // stable: document order within a depth
var groups = [];
outermost.forEach(function (el) {
  var key = kind(el) + ' in ' + kind(el.parentElement) + (over.get(el).text ? ', its text,' : '');
  var g = groups.find(function (g) { return g.key === key; });
  if (g) { g.count++; g.right = Math.max(g.right, over.get(el).right); }
  else groups.push({key: key, first: el, count: 1, right: over.get(el).right});
});
var offenders = groups.map(function (g) {
  var el = g.first, text = (el.innerText || el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40);
  return name(el) + ' in ' + name(el.parentElement) + (over.get(el).text ? ', its text,' : '') + ' "' + text + '"'
    + (g.count > 1 ? ' and ' + (g.count - 1) + ' more like it' : '')
    + ' reach' + (g.count > 1 ? '' : 'es') + ' ' + g.right + ' px';
});
// Scroll containers that do scroll sideways: keyboard users must be able to focus them to scroll,
// and screen reader users must hear what they are.
var scrollers = Array.from(document.body.querySelectorAll('*')).filter(function (el) {
  var o = getComputedStyle(el).overflowX;
  return (o === 'auto' || o === 'scroll') && !/^(TEXTAREA|SELECT|INPUT)$/.test(el.tagName)
    && el.scrollWidth > el.clientWidth;
}).map(function (el) {
  var label = (el.getAttribute('aria-label') || '').trim() || (el.getAttribute('aria-labelledby') || '').trim();
  return {what: describe(el), tabindex: el.getAttribute('tabindex'), role: el.getAttribute('role'), label: label};
});
return {vw: vw, innerWidth: window.innerWidth, scrollWidth: root.scrollWidth, overflowing: over.size,
        offenders: offenders.slice(0, 8), more: Math.max(0, offenders.length - 8), scrollers: scrollers};
"""


def reflow_cases():
    cases = [pytest.param(None, path, lang, id=f"{path}-{lang}") for path in PAGES for lang in LANGS]
    cases += [pytest.param("admin", path, lang, id=f"signed-in-{path}-{lang}") for path in SIGNED_IN_PAGES
              for lang in LANGS]
    return cases


@pytest.fixture
def phone(request):
    """The phone browser a case needs: anonymous, or signed in as the administrator."""
    who = request.node.callspec.params["who"]
    return request.getfixturevalue("phone_admin_browser" if who == "admin" else "phone_browser")


def measure_at_320(server, phone, path, lang):
    m = load(phone, with_lang(server, path, lang), REFLOW_JS)
    assert m["vw"] == 320, f"the phone viewport is {m['vw']} px wide, not 320"
    return m


@pytest.mark.parametrize("who,path,lang", reflow_cases())
def test_page_reflows_at_320_px(server, phone, who, path, lang):
    m = measure_at_320(server, phone, path, lang)
    fits = m["scrollWidth"] <= m["vw"] and m["innerWidth"] <= m["vw"]
    named = "".join("\n  " + o for o in m["offenders"]) + (f"\n  … and {m['more']} more" if m["more"] else "")
    assert fits and not m["offenders"], (
        f"{shown(path, lang)} is {m['scrollWidth']} px wide at {m['vw']} px (WCAG 1.4.10); "
        f"{m['overflowing']} elements reach past the edge, the outermost:{named}")


@pytest.mark.parametrize("who,path,lang", reflow_cases())
def test_wide_content_scrolls_in_a_labelled_focusable_region(server, phone, who, path, lang):
    m = measure_at_320(server, phone, path, lang)
    bad = [s["what"] + f" has tabindex={s['tabindex']!r} role={s['role']!r} label={s['label']!r}"
           for s in m["scrollers"]
           if s["tabindex"] != "0" or s["role"] != "region" or not s["label"]]
    assert not bad, (f"{shown(path, lang)}: a scroll container needs tabindex=\"0\", role=\"region\" and "
                     "aria-label or aria-labelledby, so that keyboard users can scroll it:\n  " + "\n  ".join(bad))


# 2. Language of parts -------------------------------------------------------------------------------------------

# Swedish content written by people (titles, summaries, answers) on English pages, from the demo data. Text
# the demo translates (most measure and strategy titles) is shown in English and is rightly lang="en"; where a
# title has no translation, the Swedish one is shown and must be marked.
SWEDISH_PARTS = [
    ("/reports/dold-potential", "Åtgärd A.2.1.1"),  # a measure title without translation
    ("/reports/dold-potential", "Fördjupning från våren 2016"),  # the report's summary
    ("/measures/stad-i-samverkan-4-1-1", "Kommunstyrelsen tar initiativ till och leder arbetet"),  # description
    ("/measures/stad-i-samverkan-4-1-1", "Stad i samverkan"),  # the report's title above the h1
    ("/measures/dold-potential-a-2-3-1", "Åtgärd A.2.3.1"),  # an untranslated measure title in the h1
    ("/bodies/rinkeby-kista-stadsdelsnamnd", "En skola där alla ska lyckas"),  # the report of a listed measure
    ("/search?q=dialog", "Medborgare med mandat – dialog och delaktighet"),  # a result title
    ("/referrals/remiss-fordjupningsrapporter-2016", "Remiss av kommissionens fördjupningsrapporter"),  # h1
    ("/referrals/remiss-fordjupningsrapporter-2016", "Hur ser nämnden respektive bolagsstyrelsen"),  # a question
    ("/referrals/remiss-fordjupningsrapporter-2016/answers/rinkeby-kista-stadsdelsnamnd",
     "Stadsdelsnämnden delar rapporternas analys"),  # the answer's summary
    ("/referrals/remiss-fordjupningsrapporter-2016/answers/rinkeby-kista-stadsdelsnamnd",
     "Nämnden prioriterar åtgärder som når unga"),  # an answer to a question
    ("/roadmap", "Stadens långsiktiga vision"),  # the vision's description
    ("/roadmap", "Andelen unga 16–29 år som varken arbetar"),  # a milestone target
]

# The innermost elements in <main> whose text holds the needle, with the language that applies to each.
LANG_OF_TEXT_JS = r"""
var needle = arguments[0];
function text(el) { return el.textContent.replace(/\s+/g, ' '); }
var hits = Array.from(document.querySelectorAll('main *')).filter(function (el) {
  return text(el).indexOf(needle) >= 0;
});
return hits.filter(function (el) {
  return !Array.from(el.children).some(function (c) { return text(c).indexOf(needle) >= 0; });
}).map(function (el) {
  var holder = el.closest('[lang]');
  return {tag: el.tagName.toLowerCase(), lang: holder ? holder.getAttribute('lang') : null};
});
"""


@pytest.mark.parametrize("path,needle", SWEDISH_PARTS, ids=[f"{p}-{n[:24]}" for p, n in SWEDISH_PARTS])
def test_swedish_content_on_english_pages_is_marked_swedish(server, browser, path, needle):
    browser.get(with_lang(server, path, "en"))
    found = browser.execute_script(LANG_OF_TEXT_JS, needle)
    assert found, f"{shown(path, 'en')} no longer shows {needle!r}: choose another Swedish text"
    wrong = [f"<{f['tag']}> is lang={f['lang']!r}" for f in found if f["lang"] != "sv"]
    assert not wrong, f"{shown(path, 'en')}: the Swedish text {needle!r} is not marked lang=\"sv\": {', '.join(wrong)}"


# 3, 4b and 5: what an anonymous visitor is shown ----------------------------------------------------------------

# One load gives what the anonymous checks read: the visible text, the link and GET form targets (absolute),
# and the sign-in links in the header.
ANONYMOUS_JS = r"""
return {
  text: document.body.innerText,
  lang: document.documentElement.getAttribute('lang'),
  // An SVG link's href is an object (SVGAnimatedString): its baseVal, resolved, is the address.
  links: Array.from(document.querySelectorAll('a[href]')).map(function (a) {
    return typeof a.href === 'string' ? a.href : new URL(a.href.baseVal, document.baseURI).href;
  }),
  forms: Array.from(document.querySelectorAll('form')).filter(function (f) { return f.method === 'get'; })
    .map(function (f) { return f.action; }),
  login: Array.from(document.querySelectorAll('header a[href]')).filter(function (a) {
    return new URL(a.href).pathname === '/login';
  }).map(function (a) { return a.href; })
};
"""


def anonymous_view(server, browser, path, lang):
    return load(browser, with_lang(server, path, lang), ANONYMOUS_JS)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_anonymous_opener = urllib.request.build_opener(_NoRedirects)
_demands_sign_in = {}  # by URL, across pages


def demands_sign_in(url):
    """Whether a visitor without a session is refused (401, 403) or sent to /login."""
    if url not in _demands_sign_in:
        try:
            with _anonymous_opener.open(url, timeout=15) as response:
                status, location = response.status, None
        except urllib.error.HTTPError as e:
            status, location = e.code, e.headers.get("Location")
        to_login = 300 <= status < 400 and urllib.parse.urlsplit(location or "").path == "/login"
        _demands_sign_in[url] = status in (401, 403) or to_login
    return _demands_sign_in[url]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_anonymous_visitors_see_no_actions_that_demand_sign_in(server, browser, path, lang):
    view = anonymous_view(server, browser, path, lang)
    targets = set()
    for href in view["links"] + view["forms"]:
        url = urllib.parse.urldefrag(href)[0]
        if url.startswith(server + "/") and urllib.parse.urlsplit(url).path != "/login":
            targets.add(url)
    refused = sorted(t[len(server):] for t in targets if demands_sign_in(t))
    assert not refused, f"{shown(path, lang)} shows anonymous visitors links that demand sign-in: {refused}"


@pytest.mark.parametrize("path", PAGES)
def test_sign_in_link_keeps_the_english_language(server, browser, path):
    view = anonymous_view(server, browser, path, "en")
    if path == "/login":
        assert view["lang"] == "en"
        return
    assert view["login"], f"{shown(path, 'en')} has no sign-in link in the header"
    href = view["login"][0]
    if "lang=en" in urllib.parse.urlsplit(href).query:
        return
    # Without the parameter, the page it opens must still be English (the browser asks for Swedish).
    browser.get(href)
    opened = browser.find_element("tag name", "html").get_attribute("lang")
    assert opened == "en", f"{shown(path, 'en')} links to {href[len(server):]}, which opens in lang={opened!r}"


# One thing, many things: no "1" before a plural noun, in either language. ("1 svar" is right: the Swedish
# plural of "svar" is "svar".)
PLURAL_AFTER_ONE = re.compile(
    r"(?<![\d.,])\b1 (träffar|perioder|åtgärder|remisser|rapporter|områden|nämnder|"
    r"results|periods|measures|answers|reports|areas|bodies)\b")
ONE_HIT = "/search?q=A2.3.1"  # finds exactly one measure, A.2.3.1 of Dold potential


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES + [ONE_HIT])
def test_no_plural_after_one(server, browser, path, lang):
    text = anonymous_view(server, browser, path, lang)["text"]
    wrong = sorted({m.group(0) for m in PLURAL_AFTER_ONE.finditer(text)})
    assert not wrong, f"{shown(path, lang)} says {wrong}"


@pytest.mark.parametrize("lang,plural", [("sv", "1 träffar"), ("en", "1 results")])
def test_one_search_hit_is_singular(server, browser, lang, plural):
    browser.get(with_lang(server, ONE_HIT, lang))
    hits = browser.execute_script(
        "return document.querySelectorAll('main section li, main section tbody tr').length")
    assert hits == 1, f"{ONE_HIT} finds {hits} hits, not one: choose another query"
    status = browser.find_element("css selector", "main [role=status]").text
    assert status.startswith("1 ") and plural not in status, f"{ONE_HIT}&lang={lang} says {status!r}"


# 4. Signed in: the header says who and offers to sign out, on every page ----------------------------------------

SIGNED_IN_JS = r"""
var header = document.querySelector('header');
return {
  text: header ? header.innerText : '',
  buttons: header ? Array.from(header.querySelectorAll('button, input[type=submit]')).map(function (b) {
    return (b.innerText || b.value || '').trim();
  }) : []
};
"""
SIGN_OUT = {"sv": "Logga ut", "en": "Sign out"}  # CommonText .logout


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", SIGNED_IN_PAGES + [p for p in PAGES if p not in SIGNED_IN_PAGES])
def test_signed_in_header_names_the_user_and_offers_sign_out(server, admin_browser, path, lang):
    header = load(admin_browser, with_lang(server, path, lang), SIGNED_IN_JS)
    seen = " | ".join(line for line in header["text"].splitlines() if line.strip())[:160]
    assert "Ada Admin" in header["text"], f"{shown(path, lang)}: the header does not name the user; it shows: {seen}"
    assert SIGN_OUT[lang] in header["buttons"], (
        f"{shown(path, lang)}: no {SIGN_OUT[lang]!r} button in the header, only {header['buttons']}")


# 6. The printed compilation -------------------------------------------------------------------------------------

ROUND = "/referrals/remiss-fordjupningsrapporter-2016"
PRINT_URL = ROUND + "/compilation/print?lang=sv"
# The compilation table's first column header, which the print view repeats on every page. Measure titles in the
# demo such as "Åtgärd A.2.1.1" start with the same word, so a code right after it does not count.
PRINT_HEADER = "Åtgärd"
HEADER_ON_PAGE = re.compile(rf"(?<!\w){PRINT_HEADER}(?!\w)(?!\s*[A-Z]?\.?\d)")
A4_LANDSCAPE = (842, 595)  # points
QUESTIONS_HEADING = "Svaren på remissens frågor"


@pytest.fixture(scope="module")
def printed(server):
    """The print view as headless Chromium prints it to PDF: (HTTP status, PDF path)."""
    try:
        status = urllib.request.urlopen(server + PRINT_URL, timeout=15).status
    except urllib.error.HTTPError as e:
        status = e.code
    work = tempfile.mkdtemp(prefix="skillnad-print-")
    pdf = os.path.join(work, "compilation.pdf")
    if status == 200:
        chromium = next(c for c in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if os.path.exists(c))
        subprocess.run([chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={work}/profile", f"--print-to-pdf={pdf}", server + PRINT_URL],
                       check=True, timeout=120, stdin=subprocess.DEVNULL, capture_output=True)
    return status, pdf


def pdf_of(printed):
    status, pdf = printed
    assert status == 200, f"{PRINT_URL} answers {status}"
    assert os.path.getsize(pdf) > 0
    return pdf


def pdf_pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    return pages, (float(size.group(1)), float(size.group(2)))


def pdf_text(pdf, *args):
    return subprocess.run(["pdftotext", *args, pdf, "-"], check=True, capture_output=True, text=True).stdout


def loose(s):
    """Text compared loosely: without spaces, line breaks, soft hyphens and hyphens (long names wrap)."""
    return re.sub(r"[\s\u00ad\-‐‑–]", "", s)


def test_printed_compilation_is_a4_landscape_on_several_pages(printed):
    pages, (width, height) = pdf_pages(pdf_of(printed))
    assert abs(width - A4_LANDSCAPE[0]) <= 2 and abs(height - A4_LANDSCAPE[1]) <= 2, (
        f"the page is {width:g} x {height:g} pt, not A4 landscape {A4_LANDSCAPE[0]} x {A4_LANDSCAPE[1]}")
    assert pages > 1, f"{pages} page: the demo round's compilation should take several"


def test_printed_compilation_repeats_the_table_header_on_every_page(printed):
    pdf = pdf_of(printed)
    pages, _ = pdf_pages(pdf)
    texts = [pdf_text(pdf, "-layout", "-f", str(n), "-l", str(n)) for n in range(1, pages + 1)]
    # The answers to the round's questions follow the measure tables and start on a page of their own.
    starts = [n for n, text in enumerate(texts, 1) if QUESTIONS_HEADING in text]
    assert starts, f"the printed compilation has no section {QUESTIONS_HEADING!r}"
    first_line = next(line.strip() for line in texts[starts[0] - 1].splitlines() if line.strip())
    assert first_line == QUESTIONS_HEADING, (
        f"page {starts[0]} starts with {first_line!r}, not the section {QUESTIONS_HEADING!r} on a page of its own")
    measure_pages = range(1, starts[0])
    assert len(measure_pages) > 1, f"the measure tables take {len(measure_pages)} page(s); the demo round needs several"
    missing = [n for n in measure_pages if not HEADER_ON_PAGE.search(texts[n - 1])]
    assert not missing, f"the column header {PRINT_HEADER!r} is missing on page(s) {missing} of {pages}"


def test_printed_compilation_names_every_body(server, browser, printed):
    pdf = pdf_of(printed)
    browser.get(with_lang(server, ROUND + "/compilation", "sv"))
    bodies = browser.execute_script(
        "return Array.from(document.querySelectorAll('table th.body')).map(function (th) {"
        "  var t = th.getAttribute('title') || (th.querySelector('[title]') || {}).title;"
        "  return (t || th.textContent).replace(/\\s+/g, ' ').trim(); });")
    assert len(bodies) > 5, f"the on-screen compilation names {len(bodies)} bodies as columns"
    # -raw keeps a table cell's lines together; -layout interleaves the columns of wrapped names.
    text = loose(pdf_text(pdf, "-raw"))
    missing = [b for b in bodies if loose(b) not in text]
    assert not missing, f"{len(missing)} of {len(bodies)} bodies are not in the printed compilation: {missing}"
