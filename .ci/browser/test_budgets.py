"""Participatory budgets in a real browser (issue 17), without JavaScript in the pages: a young resident
proposes in the young people's budget of Rinkeby-Kista with a photo (a cost of -5 is refused first); an official of
Rinkeby-Kista reviews the proposal; a resident votes in Järva with a code, sees the receipt, comes back with
code and receipt and changes the ballot, and checks the receipt; and the results of Skärholmen 2025 are read
as a table and as CSV, with whom the vote reached. axe checks each step's page as it stands, errors included.

The tests share one server and run in this order: the proposal of the first is reviewed in the second."""
import base64
import csv
import html
import io
import os
import re
import tempfile
import urllib.parse
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_accessibility import check_current
from test_journeys import wait_for

YOUTH = "/budgets/ungas-budget-rinkeby-kista-exempel"
JARVA = "/budgets/medborgarbudget-jarva-exempel"
SKARHOLMEN = "/budgets/medborgarbudget-skarholmen-2025-exempel"
TITLE = "Skatepark vid Kista gård"
PHOTO_ALT = "Asfaltsytan vid Kista gård där skateparken skulle ligga"
# A 1 × 1 PNG: what matters here is that the page shows what was sent, with its text alternative.
PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="


def main_text(driver):
    return driver.find_element(By.TAG_NAME, "main").text


def submit(driver, css="main form button[type=submit]"):
    driver.find_element(By.CSS_SELECTOR, css).click()


def test_young_resident_proposes(server, browser, screenshot):
    b = browser
    b.get(server + YOUTH)
    assert "Ungas budget Rinkeby-Kista" in b.find_element(By.TAG_NAME, "h1").text
    b.find_element(By.LINK_TEXT, "Lämna ett förslag").click()
    wait_for(b, lambda d: d.current_url.endswith("/propose"), "the proposal form")
    b.find_element(By.ID, "pb-title").send_keys(TITLE)
    b.find_element(By.ID, "pb-description").send_keys("En liten skatepark där det nu bara är asfalt.")
    b.find_element(By.ID, "pb-place").send_keys("Kista gård")
    b.find_element(By.ID, "pb-cost").send_keys("-5")
    submit(b)
    wait_for(b, lambda d: d.find_elements(By.CSS_SELECTOR, ".error-summary"), "the refusal")
    assert "måste vara större än noll" in main_text(b)
    # What was typed is kept.
    assert b.find_element(By.ID, "pb-title").get_attribute("value") == TITLE
    check_current(b)
    cost = b.find_element(By.ID, "pb-cost")
    cost.clear()
    cost.send_keys("300 000")
    # A photo of the place, with what it shows for those who cannot see it (a file field is never refilled).
    photo = os.path.join(tempfile.mkdtemp(), "asfalt.png")
    with open(photo, "wb") as out:
        out.write(base64.b64decode(PNG))
    b.find_element(By.ID, "pb-photo").send_keys(photo)
    b.find_element(By.ID, "pb-photo-alt").send_keys(PHOTO_ALT)
    submit(b)
    wait_for(b, lambda d: "Tack!" in main_text(d), "the thanks")
    number = re.search(r"nummer (\d+)", main_text(b)).group(1)
    screenshot("budget-proposed")
    b.get(server + YOUTH)
    assert TITLE in main_text(b)
    b.find_element(By.PARTIAL_LINK_TEXT, TITLE).click()
    wait_for(b, lambda d: f"/proposals/{number}" in d.current_url, "the proposal's page")
    assert "Ej prövat ännu" in main_text(b)
    image = b.find_element(By.CSS_SELECTOR, "figure.pb-photo img")
    assert image.get_attribute("alt") == PHOTO_ALT
    assert b.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image) == 1
    check_current(b)


def test_official_reviews_the_proposal(server, editor_browser, browser):
    e = editor_browser
    e.get(server + YOUTH)
    e.find_element(By.PARTIAL_LINK_TEXT, TITLE).click()
    wait_for(e, lambda d: "/proposals/" in d.current_url, "the proposal")
    e.find_element(By.LINK_TEXT, "Pröva förslaget").click()
    wait_for(e, lambda d: d.current_url.endswith("/review"), "the review form")
    Select(e.find_element(By.ID, "pb-feasibility")).select_by_value("unfeasible")
    submit(e, "form.edit button[type=submit]")
    wait_for(e, lambda d: d.find_elements(By.CSS_SELECTOR, ".error-summary"), "the refusal")
    assert "ska ha en motivering" in main_text(e)
    check_current(e)
    Select(e.find_element(By.ID, "pb-feasibility")).select_by_value("feasible")
    e.find_element(By.ID, "pb-cost").send_keys("280000")
    e.find_element(By.ID, "pb-cost-explanation").send_keys("Markarbete och ramper, som vid Husby skatepark.")
    Select(e.find_element(By.ID, "pb-responsible")).select_by_value("idrottsnamnden")
    submit(e, "form.edit button[type=submit]")
    wait_for(e, lambda d: not d.current_url.endswith("/review"), "back on the proposal")
    # The resident sees the review.
    browser.get(e.current_url)
    text = main_text(browser)
    assert "Genomförbart" in text and "Markarbete och ramper" in text and "Idrottsnämnden" in text


def voting_codes(server, editor_browser, count):
    """Codes issued through the officials' form, with the editor's session."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in editor_browser.get_cookies())
    page = urllib.request.urlopen(urllib.request.Request(server + JARVA + "/codes", headers={"Cookie": cookies}))
    token = re.search(r'name="_csrf" value="([^"]+)"', page.read().decode()).group(1)
    body = urllib.parse.urlencode({"_csrf": html.unescape(token), "count": str(count)}).encode()
    request = urllib.request.Request(server + JARVA + "/codes", data=body, headers={"Cookie": cookies})
    rows = list(csv.DictReader(io.StringIO(urllib.request.urlopen(request).read().decode())))
    return [row["code"] for row in rows]


def test_resident_votes_with_a_code_changes_the_ballot_and_checks_the_receipt(
        server, browser, editor_browser, screenshot):
    code = voting_codes(server, editor_browser, 2)[0]
    b = browser
    b.get(server + JARVA)
    b.find_element(By.LINK_TEXT, "Rösta").click()
    wait_for(b, lambda d: d.current_url.endswith("/vote"), "the code form")
    b.find_element(By.ID, "pb-code").send_keys(code.lower().replace("-", " "))
    Select(b.find_element(By.ID, "pb-heading")).select_by_value("rinkeby-kista")
    submit(b)
    wait_for(b, lambda d: d.find_elements(By.CSS_SELECTOR, "form.pb-ballot"), "the ballot")
    check_current(b)
    # 3 is not on the ballot: it was found not feasible.
    boxes = b.find_elements(By.CSS_SELECTOR, "form.pb-ballot input[type=checkbox]")
    assert len(boxes) >= 2
    b.find_element(By.ID, "pb-p-1").click()
    b.find_element(By.ID, "pb-p-2").click()
    screenshot("budget-ballot")
    submit(b, "form.pb-ballot button[type=submit]")
    wait_for(b, lambda d: d.find_elements(By.ID, "pb-receipt"), "the receipt")
    assert "Din röst är räknad" in main_text(b)
    receipt = b.find_element(By.ID, "pb-receipt").text
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}", receipt)
    screenshot("budget-counted")
    check_current(b)
    # The same code again without the receipt: refused, the vote stands.
    b.get(server + JARVA + "/vote")
    b.find_element(By.ID, "pb-code").send_keys(code)
    submit(b)
    wait_for(b, lambda d: d.find_elements(By.CSS_SELECTOR, ".error-summary"), "the refusal")
    assert "redan använts" in main_text(b)
    # With the receipt: the ballot as cast, to change.
    b.find_element(By.ID, "pb-receipt-in").send_keys(receipt)
    submit(b)
    wait_for(b, lambda d: d.find_elements(By.CSS_SELECTOR, "form.pb-ballot"), "the earlier ballot")
    assert b.find_element(By.ID, "pb-p-1").is_selected() and b.find_element(By.ID, "pb-p-2").is_selected()
    b.find_element(By.ID, "pb-p-2").click()
    b.find_element(By.ID, "pb-p-4").click()
    submit(b, "form.pb-ballot button[type=submit]")
    wait_for(b, lambda d: d.find_elements(By.ID, "pb-receipt"), "the receipt again")
    assert "Din röst är ändrad" in main_text(b)
    # The receipt says what counts now.
    b.get(server + JARVA + "/receipt")
    b.find_element(By.ID, "pb-receipt-check").send_keys(receipt)
    submit(b)
    wait_for(b, lambda d: "är räknad" in main_text(d), "the receipt's ballot")
    text = main_text(b)
    assert "1. Tak och bänkar vid Rinkeby torg" in text and "4. Läxhjälpsrum med wifi i Kista" in text
    assert "2. Belysning" not in text
    check_current(b)


def test_results_as_a_table_and_as_csv(server, browser, screenshot):
    b = browser
    b.get(server + SKARHOLMEN)
    b.find_element(By.LINK_TEXT, "Resultat").click()
    wait_for(b, lambda d: d.current_url.endswith("/results"), "the results")
    rows = b.find_elements(By.CSS_SELECTOR, "table.list tbody tr")
    assert len(rows) >= 4
    assert b.find_elements(By.CSS_SELECTOR, "tr.pb-won")
    assert "per 1 000 invånare" in main_text(b)
    screenshot("budget-results")
    href = b.find_element(By.LINK_TEXT, "Resultatet som CSV").get_attribute("href")
    table = list(csv.DictReader(io.StringIO(urllib.request.urlopen(href).read().decode())))
    assert {row["won"] for row in table} == {"yes", "no"}
    assert sum(1 for row in table if row["won"] == "yes") == len(b.find_elements(By.CSS_SELECTOR, "tr.pb-won"))
    # Whom it reached: Skärholmen's better-off districts voted more, and another indicator is chosen with the
    # form, without JavaScript.
    text = main_text(b)
    assert "Räckvidd" in text and "röstade de bättre ställda områdena mer" in text
    check_current(b)
    Select(b.find_element(By.ID, "pb-reach-by")).select_by_value("unga-som-varken-arbetar-eller-studerar")
    submit(b, "form.pb-reach-form button[type=submit]")
    wait_for(b, lambda d: "indicator=unga-som-varken" in d.current_url, "the reach by another indicator")
    caption = b.find_element(By.ID, "pb-reach-c").text
    assert "Unga som varken arbetar eller studerar" in caption
    check_current(b)
