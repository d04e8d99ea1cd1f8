"""The follow-up's journeys in a real browser: an official records a budget decision, a district
council's editor reports on it for T1 and the city executive office publishes the report, and a
resident follows the measure's life from proposal to what was done."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_accessibility import check, check_current
from test_journeys import wait_for

MEASURE = "dold-potential-a-2-3-3"
BODY = "rinkeby-kista-stadsdelsnamnd"
REPORT = f"/follow-up/periods/2018-t1/{MEASURE}/{BODY}"
NARRATIVE = "Läxhjälp på biblioteket i Rinkeby två kvällar i veckan sedan februari."


def test_official_records_a_budget_decision(server, admin_browser, admin_screenshot):
    b = admin_browser
    b.get(server + f"/follow-up/decisions/new?measure={MEASURE}")
    assert b.find_element(By.TAG_NAME, "h1").text == "Registrera budgetbeslut"
    assert b.find_element(By.ID, "d-measure").get_attribute("value") == MEASURE
    Select(b.find_element(By.ID, "d-year")).select_by_value("2018")
    b.find_element(By.ID, "k-assigned").click()
    # A date field takes what the keyboard types in the browser's format; set it as the form sends it.
    b.execute_script("document.getElementById('d-date').value = '2017-11-22'")
    b.find_element(By.ID, f"db-{BODY}").click()
    b.find_element(By.ID, "d-text").send_keys("Utveckla läxhjälpen i samarbete med biblioteken.")
    b.find_element(By.CSS_SELECTOR, "form.edit button[type=submit]").click()
    wait_for(b, lambda d: "/follow-up/decisions/" in d.current_url and "/new" not in d.current_url, "the decision page")
    main = b.find_element(By.TAG_NAME, "main").text
    assert "Rinkeby-Kista stadsdelsnämnd" in main
    assert "Utveckla läxhjälpen i samarbete med biblioteken." in main
    admin_screenshot("follow-up-decision")
    # The decision page has an address only once recorded: axe checks it here.
    check(b, b.current_url)


def test_a_decision_dated_before_its_report_is_refused_with_the_field_named(server, admin_browser):
    b = admin_browser
    b.get(server + f"/follow-up/decisions/new?measure={MEASURE}")
    Select(b.find_element(By.ID, "d-year")).select_by_value("2018")
    b.find_element(By.ID, "k-takenUp").click()
    b.execute_script("document.getElementById('d-date').value = '2014-01-15'")
    b.find_element(By.CSS_SELECTOR, "form.edit button[type=submit]").click()
    wait_for(b, lambda d: d.find_elements(By.CSS_SELECTOR, ".error-summary"), "the error summary")
    summary = b.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert "Beslutsdatum" in summary and "före rapporten" in summary
    # What was typed is kept.
    assert b.find_element(By.ID, "d-measure").get_attribute("value") == MEASURE


def test_editor_reports_t1_and_the_office_publishes_it(server, editor_browser, admin_browser, browser):
    e = editor_browser
    e.get(server + REPORT)
    assert "Ingen rapport är publicerad" in e.find_element(By.TAG_NAME, "main").text
    Select(e.find_element(By.ID, "r-status")).select_by_value("done")
    e.find_element(By.ID, "r-progress").send_keys("60")
    e.find_element(By.ID, "r-narrative").send_keys(NARRATIVE)
    e.find_element(By.ID, "r-spent").send_keys("1 234 567,50 kr")
    e.find_element(By.CSS_SELECTOR, "button[value=submit]").click()
    # "Done" with 60 % is asked about, not silently fixed; what was typed stays.
    wait_for(e, lambda d: d.find_elements(By.CSS_SELECTOR, ".error-summary"), "the error summary")
    assert "Klar" in e.find_element(By.CSS_SELECTOR, ".error-summary").text
    check_current(e)
    assert e.find_element(By.ID, "r-narrative").get_attribute("value") == NARRATIVE
    Select(e.find_element(By.ID, "r-status")).select_by_value("inProgress")
    e.find_element(By.CSS_SELECTOR, "button[value=submit]").click()
    wait_for(e, lambda d: "saved=1" in d.current_url, "the saved report")
    assert "Rapporten är sparad." in e.find_element(By.TAG_NAME, "main").text
    assert "Inlämnad" in e.find_element(By.TAG_NAME, "main").text
    # An editor cannot publish.
    assert not e.find_elements(By.CSS_SELECTOR, "button[value=publish]")
    # Not public yet.
    browser.get(server + REPORT)
    assert NARRATIVE not in browser.find_element(By.TAG_NAME, "main").text
    a = admin_browser
    a.get(server + REPORT)
    a.find_element(By.CSS_SELECTOR, "button[value=publish]").click()
    wait_for(a, lambda d: "saved=1" in d.current_url, "the published report")
    assert "Publicerad" in a.find_element(By.TAG_NAME, "main").text
    browser.get(server + REPORT)
    main = browser.find_element(By.TAG_NAME, "main").text
    assert NARRATIVE in main
    assert "Pågår" in main


def test_resident_follows_a_measures_life(server, browser, screenshot):
    browser.get(server + f"/measures/{MEASURE}")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Dold potential" in main
    assert "Uppdrag" in main
    link = browser.find_element(By.CSS_SELECTOR, f"main a[href^='{REPORT}']")
    link.click()
    wait_for(browser, lambda d: REPORT in d.current_url, "the report page")
    assert NARRATIVE in browser.find_element(By.TAG_NAME, "main").text


def test_the_demo_measures_life_reads_from_proposal_to_measured_gap(server, browser, screenshot):
    browser.get(server + "/measures/dold-potential-a-2-3-1")
    life = browser.find_element(By.CSS_SELECTOR, "section.fu-life")
    text = life.text
    for step in ["Föreslagen", "Remissvaren", "Budgetbeslut", "Uppföljning per period"]:
        assert step in text
    assert "Budgetår 2018" in text
    browser.execute_script("arguments[0].scrollIntoView()", life)
    screenshot("measure-life")
