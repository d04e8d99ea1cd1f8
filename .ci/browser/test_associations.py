"""The register of associations in a real browser (issue 18), without JavaScript in the pages: a person signs up
for an association, registers it in Spånga-Tensta's register (an organisation number that is a personal identity
number is refused first, and what was typed is kept), an administrator approves it from the queue, and a resident
finds it in the district's public register, filtered by age, and reads its page. axe checks each step's page."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import make_driver
from test_accessibility import check_current
from test_journeys import wait_for

NAME = "Tensta läsecirkel"
SLUG = "tensta-lasecirkel"
EMAIL = "lasecirkel@example.se"
PASSWORD = "ett långt lösenord för cirkeln"


def main_text(driver):
    return driver.find_element(By.TAG_NAME, "main").text


def submit(driver):
    driver.find_element(By.CSS_SELECTOR, "main form.form button[type=submit]").click()


def fill(driver, field_id, value):
    element = driver.find_element(By.ID, field_id)
    element.clear()
    element.send_keys(value)


def fill_entry(driver, name, number, purpose, districts, members, board, email, activity, founded=None):
    """The entry form, filled the way a person would: `members` by cell id, `board` as (name, role), and one
    activity by its fields' suffixes (name, min, languages, area, place, lat, lon, schedule)."""
    fill(driver, "e-name", name)
    fill(driver, "e-orgnr", number)
    Select(driver.find_element(By.ID, "e-form")).select_by_value("nonProfit")
    if founded:
        driver.execute_script(f"document.getElementById('e-founded').value = '{founded}'")
    fill(driver, "e-purpose", purpose)
    for district in districts:
        driver.find_element(By.ID, f"e-d-{district}").click()
    for cell, count in members.items():
        fill(driver, cell, count)
    for index, (member, role) in enumerate(board):
        fill(driver, f"e-b-{index}-name", member)
        Select(driver.find_element(By.ID, f"e-b-{index}-role")).select_by_value(role)
    fill(driver, "e-c-name", board[0][0])
    fill(driver, "e-c-email", email)
    Select(driver.find_element(By.ID, "e-giro-kind")).select_by_value("bankgiro")
    fill(driver, "e-giro", "5050-7011")
    driver.execute_script("document.getElementById('e-meeting').value = '2026-03-01'")
    driver.find_element(By.ID, "e-democracy").click()
    for part, value in activity.items():
        if part == "area":
            Select(driver.find_element(By.ID, "e-a-0-area")).select_by_value(value)
        else:
            fill(driver, f"e-a-0-{part}", value)


def test_association_registers_and_an_official_approves(server, admin_browser, browser, screenshot, admin_screenshot):
    own = make_driver("sv-SE")
    own.set_script_timeout(30)
    try:
        own.get(server + "/associations")
        own.find_element(By.PARTIAL_LINK_TEXT, "Skapa ett konto").click()
        wait_for(own, lambda d: d.current_url.endswith("/associations/join"), "the sign-up form")
        check_current(own)
        fill(own, "j-name", "Hodan Ali")
        fill(own, "j-email", EMAIL)
        fill(own, "j-password", PASSWORD)
        fill(own, "j-confirm", PASSWORD)
        submit(own)
        wait_for(own, lambda d: d.current_url.endswith("/associations/new"), "the entry form")
        fill_entry(
            own, NAME, "19850101-1234", "Vi läser böcker tillsammans på svenska och somaliska.", ["spanga-tensta"],
            {"m-21-25-women": "6", "m-26-64-women": "9"},
            [("Hodan Ali", "chair"), ("Sara Lund", "treasurer"), ("Amal Nur", "secretary")], EMAIL,
            {"name": "Läsecirkel", "min": "16", "languages": "sv, so", "area": "spanga-tensta",
             "place": "Tensta bibliotek", "lat": "59.3944", "lon": "17.9006", "schedule": "Söndagar 14–16"})
        submit(own)
        wait_for(own, lambda d: d.find_elements(By.CSS_SELECTOR, ".error-summary"), "the refusal")
        assert "det här är ett personnummer" in main_text(own)
        # The summary's link takes the keyboard to the field in error.
        own.find_element(By.CSS_SELECTOR, ".error-summary a[href='#e-orgnr']").send_keys(Keys.ENTER)
        wait_for(own, lambda d: d.switch_to.active_element.get_attribute("id") == "e-orgnr", "focus on the field")
        # What was typed is kept, and the page with its errors passes axe.
        assert own.find_element(By.ID, "e-name").get_attribute("value") == NAME
        assert own.find_element(By.ID, "e-a-0-place").get_attribute("value") == "Tensta bibliotek"
        check_current(own)
        fill(own, "e-orgnr", "802480-1089")
        submit(own)
        wait_for(own, lambda d: d.current_url.endswith("/associations/" + SLUG), "the association's page")
        assert "väntar på prövning" in main_text(own)
        check_current(own)

        # The official approves it from the queue.
        admin = admin_browser
        admin.get(server + "/associations/queue")
        check_current(admin)
        admin.find_element(By.LINK_TEXT, NAME).click()
        wait_for(admin, lambda d: d.current_url.endswith(f"/associations/{SLUG}/review"), "the review form")
        assert "Sara Lund" in main_text(admin), "the official sees the board"
        Select(admin.find_element(By.ID, "as-decision-spanga-tensta")).select_by_value("approved")
        admin.find_element(By.CSS_SELECTOR, "main form.form button[type=submit]").click()
        wait_for(admin, lambda d: "Besluten är sparade" in main_text(d), "the decision")
        check_current(admin)
        admin_screenshot("association-review")

        # A resident finds it in the district's register, by age, and reads its page.
        browser.get(server + "/associations")
        Select(browser.find_element(By.ID, "as-district")).select_by_value("spanga-tensta")
        browser.find_element(By.CSS_SELECTOR, "form.as-filters button[type=submit]").click()
        wait_for(browser, lambda d: "district=spanga-tensta" in d.current_url, "the district's register")
        fill(browser, "as-age", "17")
        browser.find_element(By.CSS_SELECTOR, "form.as-filters button[type=submit]").click()
        wait_for(browser, lambda d: "age=17" in d.current_url, "the filtered register")
        assert NAME in main_text(browser)
        check_current(browser)
        screenshot("association-register")
        browser.find_element(By.LINK_TEXT, NAME).click()
        wait_for(browser, lambda d: d.current_url.endswith("/associations/" + SLUG), "the public page")
        text = main_text(browser)
        assert "Läsecirkel" in text and "från 16 år" in text
        assert "Sara Lund" not in text and "5050-7011" not in text, "the board and the account stay private"
    finally:
        own.quit()
