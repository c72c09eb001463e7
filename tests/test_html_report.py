"""The HTML report (`--format html`): one self-contained page, escaped article text, filters,
right-to-left Arabic, suppressed findings with their reason.

The tests marked `browser` load the page in Debian's chromium through selenium and chromedriver
(`apt-get install chromium chromium-driver`); they are skipped, saying so, when either is missing.
They save screenshots under tests/artifacts/ at laptop and phone widths.
"""
from __future__ import annotations

import base64
import http.server
import json
import shutil
import tempfile
import threading
from pathlib import Path

import lxml.html
import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.report.common import counted
from tests.conftest import FIXTURES, ROOT

SEED = FIXTURES / "openai"
CODE_RED_DOCS = {"000_d2a00caa719a37ee", "001_9cce78ee4fb8eaa2"}
ARTIFACTS = ROOT / "tests" / "artifacts"
RLO = "\u202e"
# A hostile article: every payload sets window.__pwned if it ever runs. It repeats the code-red
# sentence with the wrong date, so the payload lands in a finding card next to the seed article.
HOSTILE_ID = f'hostile {RLO}" onmouseover="window.__pwned=1'
HOSTILE = f"""---
id: '{HOSTILE_ID}'
title: "<script>window.__pwned = 'title'</script> report{RLO}gpj.exe"
published: 2026-02-10
lang: zh-Hans
---

# OpenAI <img src=x onerror="window.__pwned='heading'">

<script>window.__pwned = 'script'</script>

2026年12月,首席执行官萨姆·奥特曼(Sam Altman)<script>window.__pwned = 'inline'</script>向全体员工发出了“红色警报”<img src=x onerror="window.__pwned='img'"><a href="javascript:window.__pwned='link'">点击</a>{RLO}evil,强调了提升ChatGPT性能的紧迫性。
"""
# An Arabic draft that gives OpenAI another valuation than the seed articles: Arabic on both sides.
ARABIC_DRAFT = """---
published: 2026-02-06
lang: ar
title: مسودة
---

تسعى شركة OpenAI، التي وصلت قيمتها السوقية إلى 300 مليار دولار، جاهدة لتبرير هذا الرقم الضخم أمام المستثمرين.
"""
IGNORE = "<!-- claimcheck: ignore CC101 -- the FT corrected its date; we follow the correction -->\n"


def html_of(*args) -> str:
    """`claimcheck ARGS --format html --output FILE`, the page's text."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.html"
        r = CliRunner().invoke(app, [str(a) for a in (*args, "--format", "html", "--output", out, "--fail-on", "never")])
        assert r.exit_code == 0, (r.stdout, r.stderr, r.exception)
        return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    """The pages the tests look at, each written once: the seed audit, a hostile article audited
    with a copy of a seed article, an Arabic draft checked against the seed, a draft whose
    code-red conflict is suppressed."""
    root = tmp_path_factory.mktemp("html")
    hostile = root / "hostile-story"
    hostile.mkdir()
    shutil.copy(SEED / "000_d2a00caa719a37ee.txt", hostile / "seed.txt")
    (hostile / "manifest.yaml").write_text(
        "documents:\n  seed.txt: {published: 2026-02-03, lang: ru, source: a copy of a seed article}\n",
        encoding="utf-8")
    (hostile / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    (root / "ar_draft.md").write_text(ARABIC_DRAFT, encoding="utf-8")
    draft = (ROOT / "tests" / "data" / "drafts" / "code-red-draft.md").read_text(encoding="utf-8")
    (root / "ignored.md").write_text(draft.replace("2026年12月", IGNORE + "2026年12月", 1), encoding="utf-8")

    out = {}
    for name, args in {
        "seed": ("audit", SEED),
        "hostile": ("audit", hostile / "seed.txt", hostile / "hostile.md"),
        "arabic": ("check", root / "ar_draft.md", "--against", SEED),
        "suppressed": ("check", root / "ignored.md", "--against", SEED),
    }.items():
        out[name] = root / f"{name}.html"
        out[name].write_text(html_of(*args), encoding="utf-8")
    return out


def tree(path: Path):
    return lxml.html.fromstring(path.read_text(encoding="utf-8"))


def text(el) -> str:
    return " ".join(el.text_content().split())


def has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def cards(page):
    return page.xpath(f"//article[{has_class('card')}]")


def docs_of(card) -> set[str]:
    return {text(d) for d in card.xpath(".//*[@class='doc']")}


# ---- plain parsing of the HTML, no browser ----------------------------------------------------

def test_the_page_is_self_contained(pages):
    for name, path in pages.items():
        page = tree(path)
        for el in page.iter():
            for attr in ("src", "href", "srcset", "action", "poster", "data"):
                value = (el.get(attr) or "").strip().lower()
                # Links to the documents (their files, or their web address) load nothing; they are followed.
                allowed = ("data:", "#", "file:", "https:", "http:") if (el.tag, attr) == ("a", "href") else ("data:", "#")
                assert not value or value.startswith(allowed), (name, el.tag, attr, value)
        assert not page.xpath("//script[@src] | //link[@rel='stylesheet'] | //iframe | //object | //embed")
        css = " ".join(s.text or "" for s in page.xpath("//style"))
        assert "@import" not in css and "url(" not in css
        csp = page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
        assert csp and "default-src 'none'" in csp[0]


def test_the_summary_counts_documents_languages_claims_and_findings_by_severity(pages, seed_report):
    page = tree(pages["seed"])
    chips = {}
    for li in page.xpath("//ul[@class='summary']/li"):
        number = li.xpath("./b")[0].text_content()
        chips[text(li).replace(number, "", 1).strip().rstrip("s")] = number
    live = counted(seed_report)
    assert chips["document"] == str(len(seed_report.documents)) == "5"
    assert chips["language"] == ", ".join(sorted({d.lang for d in seed_report.documents})) == "ar, ru, zh-Hans, zh-Hant"
    assert chips["claim"] == str(len(seed_report.claims))
    for severity in ("error", "warning", "info"):
        assert chips[severity] == str(sum(f.severity == severity for f in live)), severity
    assert int(chips["error"]) >= 1
    # One card per finding, and one row per document with its language and date.
    assert [c.get("id") for c in cards(page)] == [f.id for f in seed_report.findings]
    rows = page.xpath("//details[contains(@class, 'docs')]//tbody/tr")
    assert [text(r.xpath("./td")[0]) for r in rows] == [d.id for d in seed_report.documents]
    assert [text(r.xpath("./td")[2]) for r in rows] == [str(d.published) for d in seed_report.documents]


def test_the_code_red_card_has_both_sentences_values_and_why(pages):
    page = tree(pages["seed"])
    card = next(c for c in cards(page) if docs_of(c) == CODE_RED_DOCS and c.get("data-predicate") == "event_date")
    assert card.get("data-severity") == "error"
    sides = card.xpath(f".//div[{has_class('side')}]")
    assert len(sides) == 2
    marks = {text(s.xpath(".//*[@class='doc']")[0]): (text(s.xpath(".//mark")[0]), text(s.xpath(".//*[@class='norm']")[0]))
             for s in sides}
    assert marks == {"000_d2a00caa719a37ee": ("В декабре", "read as 2025-12"),
                     "001_9cce78ee4fb8eaa2": ("2026年12月", "read as 2026-12")}
    meta = " ".join(text(s.xpath(".//*[@class='meta']")[0]) for s in sides)
    assert "ru" in meta and "zh-Hans" in meta and "published 2026-02-03" in meta and "published 2026-02-04" in meta
    why = text(card.xpath(".//*[@class='why']")[0])
    assert why.startswith("Why: the dates 2025-12 and 2026-12 do not overlap") and "confidence 0.80" in why


def test_hostile_article_text_is_escaped(pages):
    raw = pages["hostile"].read_text(encoding="utf-8")
    page = tree(pages["hostile"])
    # Nothing from the article became markup: one script (the page's own), no image, no link,
    # no event handler, no javascript: URL, no bidi control left in the page.
    scripts = page.xpath("//script")
    assert len(scripts) == 1 and "__pwned" not in (scripts[0].text or "")
    # (the page's own links go to the documents' files: file: URLs made from their paths, never from their text)
    assert not page.xpath("//img | //svg | //iframe | //a[not(starts-with(@href, 'file:'))]")
    assert not [(el.tag, a) for el in page.iter() for a in el.attrib if a.lower().startswith("on")]
    assert "javascript:" not in " ".join(v for el in page.iter() for v in el.attrib.values())
    assert RLO not in raw
    # ... and it is all shown, as text, in the card next to the seed article.
    card = next(c for c in cards(page) if c.get("data-predicate") == "event_date" and c.get("data-severity") == "error")
    shown = text(card)
    assert "<script>window.__pwned = 'inline'</script>" in shown
    assert "<img src=x onerror=\"window.__pwned='img'\">" in shown
    assert "<a href=\"javascript:window.__pwned='link'\">点击</a>" in shown
    assert "U+202Eevil" in shown and "<script>window.__pwned = 'title'</script> report" in shown
    assert "В декабре" in shown
    # The hostile id breaks no attribute: every card still has all its data attributes.
    assert all(c.get("data-suppressed") in ("0", "1") for c in cards(page))
    assert any(HOSTILE_ID.replace(RLO, "U+202E") in text(o) for o in page.xpath("//select[@id='f-doc']/option"))


def test_control_characters_in_an_attribute_do_not_end_it(seed_report):
    """A subject's names go into an attribute (the subject search) as well as the text."""
    from checker.report.html import render

    claim = seed_report.claims[0]
    odd = claim.model_copy(update={"subject": claim.subject.model_copy(update={"name": f'Odd{RLO}" onclick="x'})})
    page = lxml.html.fromstring(render(seed_report.model_copy(update={"claims": [odd, *seed_report.claims[1:]]})))
    subject = next(d for d in page.xpath(f"//details[{has_class('subject')}]") if "odd" in d.get("data-search", ""))
    assert set(subject.attrib) == {"class", "data-search"}
    assert 'OddU+202E" onclick="x' in text(subject.xpath("./summary")[0])


def test_the_subject_table_lists_the_claims_that_name_a_subject(pages):
    # From the claim graph: OpenAI's own claims, and the departures of the people who left it.
    page = tree(pages["seed"])
    openai = next(d for d in page.xpath("//details[contains(@class, 'subject')]") if "org:openai" in d.get("data-search"))
    named = text(openai.xpath(".//p[@class='meta']")[0])
    assert "about others" in named and "departure" in named and "Jerry Tworek" in named


def test_arabic_evidence_is_marked_right_to_left(pages):
    page = tree(pages["arabic"])
    sides = page.xpath(f"//div[{has_class('side')} and @lang='ar']")
    assert len(sides) >= 2 and all(s.get("dir") == "rtl" for s in sides)
    assert all(s.xpath("./div[@class='meta']")[0].get("dir") == "ltr" for s in sides)  # ids and dates stay LTR
    seed_rows = tree(pages["seed"]).xpath("//td[@class='sent' and @lang='ar']")
    assert seed_rows and all(td.get("dir") == "rtl" for td in seed_rows)


def test_suppressed_findings_are_shown_as_such_with_their_reason(pages):
    page = tree(pages["suppressed"])
    card = next(c for c in cards(page) if c.get("data-suppressed") == "1")
    assert "suppressed" in card.get("class").split()
    assert "the FT corrected its date; we follow the correction" in text(card.xpath(".//*[@class='supp']")[0])
    assert "SUPPRESSED" in text(card.xpath("./h3")[0]).upper()
    assert cards(page)[-1].get("data-suppressed") == "1"  # reviewed last, as in the text report
    chips = [text(li) for li in page.xpath("//ul[@class='summary']/li")]
    assert "1 suppressed" in chips and "0 errors" in chips


# ---- in a real browser -------------------------------------------------------------------------

CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage"]
LAPTOP, PHONE = (1366, 900), (390, 844)


@pytest.fixture(scope="module")
def browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        pytest.skip("browser tests skipped: chromium and chromedriver are not installed "
                    "(apt-get install chromium chromium-driver)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("browser tests skipped: selenium is not installed (pip install -e '.[test]')")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="claimcheck-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    # The driver's path is given, so selenium never looks for (or downloads) one.
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver, url: str, size=LAPTOP):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": size == PHONE})
    driver.get(url)
    driver.get_log("performance")  # start each page with empty logs
    return driver


def console_errors(driver) -> list[dict]:
    return [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


def code_red(driver):
    from selenium.webdriver.common.by import By

    for card in driver.find_elements(By.CSS_SELECTOR, "article.card[data-predicate=event_date][data-severity=error]"):
        if {d.text for d in card.find_elements(By.CSS_SELECTOR, ".side .doc")} == CODE_RED_DOCS:
            return card
    raise AssertionError("no code-red card")


def full_page_png(driver, size, path: Path) -> None:
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": size[0], "height": min(height, 16000), "deviceScaleFactor": 1, "mobile": size == PHONE})
    png = base64.b64decode(driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"])
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": size == PHONE})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png)


@pytest.mark.browser
def test_the_page_loads_without_console_errors(browser, pages):
    for name in ("seed", "hostile", "arabic", "suppressed"):
        open_page(browser, pages[name].as_uri())
        assert browser.execute_script("return document.readyState") == "complete"
        assert console_errors(browser) == [], name
        # The page's script ran (the CSP lets it): the filter bar counts the findings.
        assert browser.find_element("id", "f-count").text.startswith("showing ")
    # The log is really read: an error the test makes shows up.
    browser.execute_script("console.error('probe from the test')")
    assert any("probe from the test" in e["message"] for e in console_errors(browser))


@pytest.mark.browser
def test_the_code_red_finding_is_visible_with_both_sentences(browser, pages):
    open_page(browser, pages["seed"].as_uri())
    card = code_red(browser)
    assert card.is_displayed()
    sentences = [s for s in card.find_elements("css selector", ".sentence") if s.is_displayed()]
    assert len(sentences) == 2
    joined = " ".join(s.text for s in sentences)
    assert "В декабре Сэм Альтман объявил «тревогу»" in joined and "2026年12月,面对日益激烈的外部竞争" in joined
    # Side by side at laptop width, one above the other on a phone.
    a, b = (s.rect for s in sentences)
    assert abs(a["y"] - b["y"]) < 5 and a["x"] != b["x"]
    open_page(browser, pages["seed"].as_uri(), PHONE)
    a, b = (s.rect for s in code_red(browser).find_elements("css selector", ".sentence"))
    assert b["y"] > a["y"] + a["height"] - 1
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.browser
def test_severity_claim_type_and_document_filters_hide_and_show_the_finding(browser, pages):
    from selenium.webdriver.support.ui import Select

    open_page(browser, pages["seed"].as_uri())
    card = code_red(browser)
    severity, predicate, doc = (Select(browser.find_element("id", i)) for i in ("f-severity", "f-predicate", "f-doc"))
    count = browser.find_element("id", "f-count")
    total = len(browser.find_elements("css selector", "article.card"))

    severity.select_by_value("warning")
    assert not card.is_displayed()
    assert count.text != f"showing {total} of {total} findings"
    severity.select_by_value("error")
    assert card.is_displayed()
    severity.select_by_value("")

    others = [o.get_attribute("value") for o in predicate.options if o.get_attribute("value") not in ("", "event_date")]
    for other in others:  # the seed's findings today are all about one date; any other type hides the card
        predicate.select_by_value(other)
        assert not card.is_displayed()
    predicate.select_by_value("event_date")
    assert card.is_displayed()
    assert {o.get_attribute("value") for o in predicate.options} >= {"", "event_date"}

    doc.select_by_visible_text("002_27ea64b740333a9c (zh-Hant)")
    assert not card.is_displayed()
    doc.select_by_visible_text("001_9cce78ee4fb8eaa2 (zh-Hans)")
    assert card.is_displayed()

    severity.select_by_value("warning")
    assert not card.is_displayed()
    browser.find_element("id", "f-reset").click()
    assert card.is_displayed() and count.text == f"showing {total} of {total} findings"


@pytest.mark.browser
def test_arabic_evidence_is_laid_out_right_to_left(browser, pages):
    open_page(browser, pages["arabic"].as_uri())
    sentences = browser.find_elements("css selector", ".side[lang=ar] .sentence")
    assert len(sentences) >= 2
    for s in sentences:
        assert s.is_displayed()
        # Computed direction, and the first letter really stands at the right edge of the paragraph.
        first, box = browser.execute_script("""
            const p = arguments[0], r = document.createRange(), node = p.firstChild;
            r.setStart(node, 0); r.setEnd(node, 1);
            return [r.getBoundingClientRect().right, p.getBoundingClientRect().right];""", s)
        assert s.value_of_css_property("direction") == "rtl"
        assert box - first < 12, (first, box, s.text)
    assert browser.find_element("css selector", ".side[lang=ar] .meta").value_of_css_property("direction") == "ltr"


@pytest.mark.browser
def test_a_hostile_article_runs_nothing_and_is_shown_escaped(browser, pages):
    from selenium.webdriver.common.action_chains import ActionChains

    open_page(browser, pages["hostile"].as_uri())
    card = browser.find_element("css selector", "article.card[data-predicate=event_date][data-severity=error]")
    ActionChains(browser).move_to_element(card).perform()  # an onmouseover, had one slipped into an attribute
    for sentence in card.find_elements("css selector", ".sentence"):
        ActionChains(browser).move_to_element(sentence).click(sentence).perform()
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert browser.execute_script("return document.scripts.length") == 1
    assert browser.execute_script("return document.querySelectorAll('img, svg, iframe, [onerror], [onmouseover]').length") == 0
    # The only links are the report's own, to the documents' files: none in what an article wrote,
    # and none to a script.
    assert browser.execute_script("return document.querySelectorAll('.sentence a, .norm a, td.sent a').length") == 0
    hrefs = browser.execute_script("return Array.from(document.querySelectorAll('a')).map(a => a.getAttribute('href'))")
    assert hrefs and all(h.startswith(("file:", "http:", "https:")) for h in hrefs), hrefs
    shown = card.text
    assert "<script>window.__pwned = 'inline'</script>" in shown and "onerror=" in shown and "javascript:" in shown
    assert "U+202E" in shown and RLO not in browser.page_source
    # The document filter still finds the hostile document by its odd id.
    from selenium.webdriver.support.ui import Select

    doc = Select(browser.find_element("id", "f-doc"))
    doc.select_by_value(next(o.get_attribute("value") for o in doc.options if o.text.startswith("hostile")))
    assert card.is_displayed()
    assert console_errors(browser) == []
    full_page_png(browser, LAPTOP, ARTIFACTS / "html-report-hostile-laptop.png")


class _Server(http.server.ThreadingHTTPServer):
    requests: list[str]


@pytest.mark.browser
def test_the_page_requests_nothing_from_the_network(browser, pages):
    """Served over HTTP, the page asks for itself and nothing more (no font, icon, script, image)."""
    folder = pages["seed"].parent

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=str(folder), **kw)

        def log_message(self, *a):
            self.server.requests.append(self.path)

    server = _Server(("127.0.0.1", 0), Handler)
    server.requests = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/{pages['seed'].name}"
        browser.get_log("performance")
        browser.get(url)
        browser.execute_script("document.querySelector('details.subject').open = true")
        sent = [json.loads(e["message"])["message"] for e in browser.get_log("performance")]
        urls = {m["params"]["request"]["url"] for m in sent if m["method"] == "Network.requestWillBeSent"}
    finally:
        server.shutdown()
        server.server_close()
    assert server.requests == [f"/{pages['seed'].name}"]
    assert urls == {url}
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0


@pytest.mark.browser
def test_screenshots_at_laptop_and_phone_widths(browser, pages):
    for size, name in ((LAPTOP, "laptop"), (PHONE, "phone")):
        open_page(browser, pages["seed"].as_uri(), size)
        assert code_red(browser).is_displayed()
        path = ARTIFACTS / f"html-report-{name}.png"
        full_page_png(browser, size, path)
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000
        code_red(browser).screenshot(str(ARTIFACTS / f"html-report-code-red-{name}.png"))
