"""The book as a reader meets it: every page of the built book opened in headless Chromium with the network off
(only the test's own server on 127.0.0.1 answers). Every formula is typeset by MathJax, every image loads,
the console stays clean, nothing is fetched from another host, and the chapters show their exercises blank.
Both editions are opened: the English book and the zh-CN book published in its zh_CN/ folder.
Screenshots of each chapter, whole page in tiles (<chapter>-1.png, -2.png, ...; zh_CN-<chapter>-1.png, ...
for the Chinese edition), are kept in _build/test-book/screenshots/ (CI keeps _build).

Accessibility: axe-core (the copy bundled by the PyPI package axe-core-python, nothing downloaded) runs on
every page of both editions with the WCAG 2.0/2.1 A and AA rules; a serious or critical violation fails the
page. Every interactive element (links, buttons, inputs, anything with a tabindex) must be reachable with
the keyboard, and the page's language must be declared (lang="en" / lang="zh-CN").

Needs Debian's chromium and chromium-driver (`apt-get install -y chromium chromium-driver`; .ci/run installs
them). Without them the test is skipped locally, and fails under CI=true.
"""
import functools
import http.server
import os
import re
import shutil
import threading
from pathlib import Path

import pytest
import yaml

from conftest import BOOK_BUILD, CHAPTERS, ROOT

INSTALL = "apt-get install -y chromium chromium-driver"
SCREENSHOTS = BOOK_BUILD / "screenshots"


EDITIONS = {"": "en", "zh_CN/": "zh-CN"}  # folder under the English book's root -> the pages' language
# axe-core rules this test turns off, each with the reason (none at present: every WCAG 2.1 A/AA rule runs).
AXE_DISABLED: dict[str, str] = {}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _pages() -> list[str]:
    """Every page of the book, as paths relative to the HTML root (from _toc.yml, plus Sphinx's own)."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]]
    for part in toc.get("parts", [{"chapters": toc.get("chapters", [])}]):
        files += [entry["file"] for entry in part["chapters"]]
    pages = [f"{f}.html" for f in files] + ["genindex.html", "search.html"]
    return [edition + page for edition in EDITIONS for page in pages]


def _edition(page: str) -> str:
    return next(prefix for prefix in sorted(EDITIONS, key=len, reverse=True) if page.startswith(prefix))


def _browser() -> tuple[str, str] | None:
    """(browser, driver) executables: $CHROMIUM / $CHROMEDRIVER, else found on PATH; None if either is missing."""
    browser = os.environ.get("CHROMIUM") or next(
        (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
    driver = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
    found = [p for p in (browser, driver) if p and os.access(p, os.X_OK)]
    return (browser, driver) if len(found) == 2 else None


@pytest.fixture(scope="module")
def site(book_html, zh_book_html):
    """The built book served on 127.0.0.1 (an ephemeral port) for the module's tests."""
    handler = functools.partial(_QuietHandler, directory=str(book_html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def browser():
    found = _browser()
    if found is None:
        message = ("headless Chromium not found (chromium and chromedriver on PATH, or $CHROMIUM and $CHROMEDRIVER); "
                   f"install: {INSTALL} (or make browser, as root)")
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the browser test; .ci/run installs the browser with: {INSTALL}")
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = found[0]
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--hide-scrollbars", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions",
                # Network off: every host name fails to resolve, and every connection not to the loopback
                # interface goes to a closed proxy port.
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=found[1]))
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(60)
    yield driver
    driver.quit()


# Runs in the page: wait for MathJax (when the page loads it) and for every image, then report.
_INSPECT = r"""
const done = arguments[arguments.length - 1];
(async () => {
  let mathjax = "absent";
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
    try { await MathJax.startup.promise; mathjax = "typeset"; } catch (e) { mathjax = "failed: " + e; }
  }
  const images = Array.from(document.images);
  images.forEach(img => { img.loading = "eager"; });
  await Promise.all(images.map(img => img.complete ? null : new Promise(resolve => {
    img.addEventListener("load", resolve); img.addEventListener("error", resolve); setTimeout(resolve, 10000);
  })));
  const article = document.querySelector("article") || document.body;
  const prose = article.cloneNode(true);
  prose.querySelectorAll("pre, code, script, style, mjx-container, .cell_input").forEach(e => e.remove());
  done({
    lang: document.documentElement.getAttribute("lang"),
    mathjax: mathjax,
    math_sources: document.querySelectorAll("span.math, div.math").length,
    typeset: document.querySelectorAll("mjx-container").length,
    math_errors: document.querySelectorAll("mjx-merror, [data-mjx-error]").length,
    prose: prose.textContent,
    broken_images: images.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute("src")),
    images: images.length,
    resources: performance.getEntriesByType("resource").map(r => r.name),
    code: Array.from(document.querySelectorAll(".cell_input pre, div.highlight pre")).map(p => p.textContent).join("\n"),
    graded_outputs: document.querySelectorAll(".tag_raises-exception .cell_output").length,
    graded_cells: document.querySelectorAll(".tag_raises-exception").length,
  });
})();
"""


# Interactive elements that are shown but cannot get the keyboard focus (a negative tabindex), and regions that
# scroll (a wide table, a long output) with nothing focusable to scroll them by keyboard (WCAG 2.1.1). A plain
# container with tabindex="-1" (pydata-sphinx-theme's table wrapper when the table fits) is not interactive.
_UNREACHABLE = r"""
const shown = e => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length)
  && getComputedStyle(e).visibility !== "hidden" && !e.closest("[aria-hidden=true], [inert]");
const interactive = "a[href], button, input, select, textarea, summary, [onclick], [role=button], [role=link]";
const blocked = Array.from(document.querySelectorAll(interactive)).filter(e => shown(e) && !e.disabled && e.tabIndex < 0);
const scrolls = e => { const s = getComputedStyle(e);
  return (/(auto|scroll)/.test(s.overflowX) && e.scrollWidth > e.clientWidth + 1)
      || (/(auto|scroll)/.test(s.overflowY) && e.scrollHeight > e.clientHeight + 1); };
const focusable = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])";
const stuck = Array.from(document.querySelectorAll("article *")).filter(e => shown(e) && scrolls(e)
  && e.tabIndex < 0 && !e.querySelector(focusable));
return blocked.concat(stuck).map(e => e.outerHTML.slice(0, 120));
"""


def _axe(driver) -> list[dict]:
    """axe-core's violations on the open page (WCAG 2.0/2.1 A and AA rules, minus AXE_DISABLED)."""
    import json

    import axe_core_python

    script = (Path(axe_core_python.__file__).parent / "axe.min.js").read_text()
    driver.execute_script(script)
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS},
               "rules": {rule: {"enabled": False} for rule in AXE_DISABLED}}
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1]; "
        f"axe.run(document, {json.dumps(options)}).then(done, e => done({{error: String(e)}}));")
    assert "error" not in result, f"axe-core failed: {result['error']}"
    return result["violations"]


def _open(driver, url: str) -> dict:
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get(url)
    report = driver.execute_async_script(_INSPECT)
    report["console"] = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    return report


def _solution_only_lines(chapter: str) -> list[str]:
    """Solution and hidden-test lines that the student notebook does not contain (long enough to be telling)."""
    from cnngrade import notebook as nbtools

    def code(path):
        nb = nbtools.read(path)
        return [line.strip() for c in nb.cells if c.cell_type == "code" for line in c.source.splitlines()]

    student = set(code(ROOT / "chapters" / chapter / f"{chapter}.ipynb"))
    return sorted({line for line in code(ROOT / "solutions" / chapter / f"{chapter}.ipynb")
                   if len(line) >= 30 and line not in student and not line.startswith("#")})


@pytest.mark.slow
@pytest.mark.parametrize("page", _pages())
def test_page_renders_offline(browser, site, book_html, page):
    assert (book_html / page).is_file(), f"{page} was not built"
    report = _open(browser, f"{site}/{page}")
    foreign = [r for r in report["resources"] if not r.startswith((site, "data:", "blob:"))]
    assert not foreign, f"{page} fetched from elsewhere: {foreign}"
    # formulas: every math element typeset, no TeX error, no raw delimiter left in the prose
    if report["math_sources"]:
        assert report["mathjax"] == "typeset", f"{page}: MathJax {report['mathjax']}"
        assert report["typeset"] >= report["math_sources"], (
            f"{page}: {report['math_sources']} formulas, {report['typeset']} typeset by MathJax")
    assert report["math_errors"] == 0, f"{page}: {report['math_errors']} formulas with a TeX error"
    raw = re.findall(r".{0,40}(?:\\\(|\\\[|\$\$).{0,40}", report["prose"])
    assert not raw, f"{page}: raw TeX in the visible text: {raw[:3]}"
    assert not report["broken_images"], f"{page}: images that did not load: {report['broken_images']}"
    assert not report["console"], f"{page}: console errors: {report['console']}"
    # accessibility: the page's language, axe-core, the keyboard
    assert report["lang"] == EDITIONS[_edition(page)], f"{page}: <html lang={report['lang']!r}>"
    violations = _axe(browser)
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, f"{page}: axe-core found " + "; ".join(
        f"{v['id']} ({v['impact']}, {len(v['nodes'])}x: {v['help']}; e.g. {v['nodes'][0]['target']})" for v in serious)
    unreachable = browser.execute_script(_UNREACHABLE)
    assert not unreachable, f"{page}: interactive elements the keyboard cannot reach: {unreachable[:5]}"
    if _edition(page):  # a translated page links back to the same English page, and the reverse
        assert f'href="{"../" * page.count("/")}{page[len(_edition(page)):]}"' in (book_html / page).read_text()
    else:
        assert f'href="{"../" * page.count("/")}zh_CN/{page}"' in (book_html / page).read_text() or page in (
            "genindex.html", "search.html") and 'hreflang="zh-CN"' in (book_html / page).read_text()


@pytest.mark.slow
@pytest.mark.parametrize("edition", list(EDITIONS))
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_exercises_blank_and_screenshot(browser, site, book_html, chapter, edition):
    page = f"{edition}chapters/{chapter}/{chapter}.html"
    assert (book_html / page).is_file(), f"{page} was not built (is the chapter in _toc.yml?)"
    report = _open(browser, f"{site}/{page}")
    assert report["images"] >= 2, f"{chapter}: expected figures, found {report['images']}"
    assert report["graded_cells"] > 0, f"{chapter}: no graded (raises-exception) cell on the page"
    assert report["graded_outputs"] == 0, f"{chapter}: a graded cell shows its output"
    code = report["code"]
    assert "raise NotImplementedError" in code, f"{chapter}: the exercise stubs are not shown"
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
        assert marker not in code, f"{chapter}: the page shows {marker!r}"
    shown = {line.strip() for line in code.splitlines()}
    leaked = [line for line in _solution_only_lines(chapter) if line in shown]
    assert not leaked, f"{chapter}: the page shows solution code: {leaked[:3]}"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    paths = _full_page_screenshots(browser, SCREENSHOTS / (edition.replace("/", "-") + chapter))
    print("screenshots:", *paths)
    assert paths and paths[0].stat().st_size > 10_000, "the screenshot looks blank"


def _full_page_screenshots(driver, stem: Path, tile: int = 8000, scale: float = 0.75) -> list[Path]:
    """The whole page as PNG tiles ``stem-1.png``, ``stem-2.png``, ... (each ``tile`` CSS pixels tall)."""
    import base64

    for old in stem.parent.glob(f"{stem.name}-*.png"):
        old.unlink()
    width, height = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
    paths = []
    for i, top in enumerate(range(0, height, tile), start=1):
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": top, "width": width, "height": min(tile, height - top), "scale": scale}})
        path = stem.parent / f"{stem.name}-{i}.png"
        path.write_bytes(base64.b64decode(shot["data"]))
        paths.append(path)
    return paths
