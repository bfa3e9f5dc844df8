"""End to end in Debian's Chromium through Playwright: what a reader does, offline, keyboard included.

Needs /usr/bin/chromium and the playwright package (installed by .ci/run); axe-core comes from the
npm registry into node_modules/ (AXE_CORE may point elsewhere). Screenshots go to
test-artifacts/screenshots/.
"""
from __future__ import annotations

import os
import struct
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(os.environ.get("AXE_CORE", ROOT / "node_modules" / "axe-core" / "axe.min.js"))
SHOTS = ROOT / "test-artifacts" / "screenshots"

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = [pytest.mark.heavy,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed")]

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]


@pytest.fixture(scope="module")
def server(built_index):
    from werkzeug.serving import make_server

    from app import create_app

    app = create_app({"TESTING": True, "INDEX_DIR": built_index, "BUILD_INDEX_IF_MISSING": False})
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class Watch:
    """Every request and console error of a page, to prove it stays on this machine and quiet."""

    def __init__(self, page, origin: str):
        self.origin, self.requests, self.errors = origin, [], []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def check(self):
        outside = [url for url in self.requests if not url.startswith(self.origin) and not url.startswith("data:")]
        assert not outside, outside
        assert not self.errors, self.errors


@pytest.fixture()
def page(browser, server):
    context = browser.new_context(accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    tab = context.new_page()
    watch = Watch(tab, server)
    yield tab
    watch.check()
    context.close()


def test_search_facet_chip_cite_copy_document_download(page, server, tmp_path):
    page.goto(server + "/")
    page.fill("#q", "korea")
    page.keyboard.press("Enter")
    page.wait_for_selector("ol.hits li")
    page.get_by_role("link", name="Kenneth Roth", exact=True).first.click()
    page.wait_for_selector(".chip")
    assert page.locator("ol.hits blockquote footer").all_inner_texts()
    assert all("Kenneth Roth" in t for t in page.locator("ol.hits blockquote footer").all_inner_texts())
    with page.expect_navigation():  # wait for the new page, not the load state of the old one
        page.locator(".chip").click()
    assert page.locator(".chip").count() == 0

    page.goto(server + "/?q=regime&kind=quote")
    page.locator("a.cite").first.click()
    page.wait_for_selector("text=APA 7")
    page.get_by_role("button", name="Copy APA 7").click()
    copied_label(page, "cite-apa")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "(Roth, as cited in" in copied

    with page.expect_download() as info:
        page.get_by_role("link", name="BibTeX").click()
    bib = Path(info.value.path()).read_text(encoding="utf-8")
    assert bib.startswith("@") and "Kenneth Roth" in bib

    with page.expect_navigation():
        page.locator("dl.doc-meta a").first.click()
    anchor = page.url.split("#")[1]
    target = page.locator(f"#{anchor}")
    assert target.is_visible() and "highlighted" in (target.get_attribute("class") or "")


def copied_label(page, target: str) -> None:
    """Wait for the copy button to say it copied. A locator, not wait_for_function: that one
    evaluates a string in the page, which the archive's CSP (no unsafe-eval) rightly refuses."""
    page.locator(f"button[data-copy-target={target}]", has_text="Copied").wait_for(timeout=5000)


def tab_until(page, focused_js: str, presses: int = 80) -> None:
    """Press Tab until the focused element satisfies focused_js; fail if it is never reached."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(focused_js):
            return
    raise AssertionError(f"Tab never reached: {focused_js}")


def test_keyboard_alone_searches_picks_a_facet_and_copies(page, server):
    page.goto(server + "/")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused  # the first tab stops are real links
    page.focus("#q")
    page.keyboard.type("regime")
    page.keyboard.press("Enter")
    page.wait_for_selector("ol.hits li")
    tab_until(page, "document.activeElement.closest('.facet') !== null")
    page.keyboard.press("Enter")
    page.wait_for_selector(".chip")
    page.goto(server + page.locator("a.cite").first.get_attribute("href"))
    tab_until(page, "document.activeElement.matches('button.copy[data-copy-target=cite-mla]')")
    page.keyboard.press("Enter")
    copied_label(page, "cite-mla")
    assert "qtd. in" in page.evaluate("navigator.clipboard.readText()")
    # what a screen reader is told: the status line, not only the button's changed label
    assert page.locator("#copy-status[role=status]").text_content() == "MLA 9 copied"


@pytest.mark.skipif(not AXE.exists(), reason="axe-core not installed (npm install axe-core)")
@pytest.mark.parametrize("path", ["/?q=korea", "/d/hrw_reuters_2018-11-01", "CITATION"])
def test_no_serious_accessibility_violations(browser, server, path):
    context = browser.new_context(bypass_csp=True)  # only so axe itself can be injected
    tab = context.new_page()
    if path == "CITATION":
        tab.goto(server + "/?q=regime&kind=quote")
        path = tab.locator("a.cite").first.get_attribute("href")
    tab.goto(server + path)
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate("axe.run(document, {resultTypes: ['violations']})")
    bad = [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"] if v["impact"] in ("serious", "critical")]
    context.close()
    assert not bad, bad


@pytest.mark.parametrize("width, height, label", [(1280, 900, "desktop"), (390, 844, "phone")])
def test_screenshots(browser, server, width, height, label):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    tab.goto(server + "/?q=korea")
    _fits_the_width(tab, width)
    _shot(tab, SHOTS / f"search-{label}.png", width, height)
    tab.goto(server + "/?q=regime&kind=quote")
    tab.goto(server + tab.locator("a.cite").first.get_attribute("href"))
    quote = tab.locator("blockquote.quote .text")
    assert quote.is_visible() and "regime" in quote.inner_text()
    box = quote.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width  # the quote is on screen, not cut off
    _fits_the_width(tab, width)
    _shot(tab, SHOTS / f"citation-{label}.png", width, height)
    drawn = quote.screenshot()
    quote.evaluate("element => { element.style.color = 'transparent' }")
    assert quote.screenshot() != drawn  # the words are really painted, not an empty box
    context.close()


def test_phone_filter_panel_comes_first_and_opens_on_a_tap(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    tab = context.new_page()
    watch = Watch(tab, server)
    tab.goto(server + "/?q=korea")
    panel = tab.locator("details.filter-panel")
    assert panel.get_attribute("open") is None  # closed on a phone: the results show first
    summary_box = tab.locator("details.filter-panel > summary").bounding_box()
    assert summary_box["y"] < tab.locator("ol.hits li").first.bounding_box()["y"]
    tab.locator("details.filter-panel > summary").tap()
    link = tab.locator(".facet a", has_text="Quotes").first
    assert link.is_visible()
    with tab.expect_navigation():
        link.tap()
    assert "kind=quote" in tab.url and tab.locator(".chip", has_text="Kind: Quotes").count() == 1
    watch.check()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_colours_follow_the_reader_colour_scheme(browser, server, scheme):
    context = browser.new_context(color_scheme=scheme)
    tab = context.new_page()
    tab.goto(server + "/?q=korea")
    background = tab.evaluate("getComputedStyle(document.body).backgroundColor")
    ink = tab.evaluate("getComputedStyle(document.body).color")
    channels = [int(x) for x in background[background.index("(") + 1:-1].split(",")[:3]]
    assert (sum(channels) < 150) == (scheme == "dark"), background
    assert background != ink
    context.close()


def _fits_the_width(tab, width: int) -> None:
    """Nothing sticks out sideways (a phone would scroll horizontally)."""
    assert tab.evaluate("document.documentElement.scrollWidth") <= width


def _shot(tab, path: Path, width: int, height: int) -> None:
    """A full-page screenshot, read back: a PNG as wide as the viewport and at least as tall."""
    tab.screenshot(path=str(path), full_page=True)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    png_width, png_height = struct.unpack(">II", data[16:24])  # the IHDR chunk comes first
    assert png_width == width and png_height >= height


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
@pytest.mark.parametrize("q", ["", "said"])
def test_next_link_walk_shows_each_record_once(page, server, sort, q):
    """Following "Next" from page 1 to the end shows every match once: each sort is a total order."""
    import json
    import urllib.parse
    import urllib.request

    args = urllib.parse.urlencode({"q": q, "sort": sort, "size": 10})
    with urllib.request.urlopen(f"{server}/api/search?{args}") as response:
        total = json.load(response)["total"]
    page.goto(f"{server}/?{args}")
    seen = []
    while True:
        seen += [h.get_attribute("id") for h in page.locator("li.hit").all()]
        following = page.locator("a[rel=next]")
        if not following.count():
            break
        following.first.click()
        page.wait_for_load_state()
    assert len(seen) == len(set(seen)) == total > 10
