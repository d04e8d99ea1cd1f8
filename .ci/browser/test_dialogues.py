"""The dialogue portal's journeys in a real browser (issue 15): an official of Rinkeby-Kista plans a
safety walk in Husby and is warned of the earlier ones and the one still awaiting feedback, beside
the area's profile; records the outcome and the feedback of the walk that is over; a resident filters
the portal by their area and status and subscribes to the area's calendar; and the filters work with
the keyboard alone, in English.

The tests share one server and run in this order: the first plans a dialogue before the second gives
the awaited feedback, so the warning still lists the walk that awaits it."""
import urllib.request

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import screenshots_of
from test_accessibility import check_current
from test_journeys import wait_for

PLANNED_ID = "trygghetsvandring-husby-sommaren-2027"
PLANNED_TITLE = "Trygghetsvandring i Husby, sommaren 2027"
# The safety walk of September 2026: over, and no feedback yet.
OVER_ID = "trygghetsvandring-husby-2026"
OVER_TITLE = "Trygghetsvandring i Husby"
COMING_TITLE = "Trygghetsvandring i Husby, våren 2027"
SUMMARY = "Belysningen i gångtunnlarna under Husby centrum och vägen till tunnelbanan nämndes oftast."
LED_TO = "Ny belysning i gångtunnlarna under Husby centrum"
FEEDBACK = "Vi berättade vilka platser som får ny belysning och när arbetet börjar."
# The dialogues in Husby or in an area containing it (Rinkeby-Kista), whose sessions Husby's calendar holds.
HUSBY_DIALOGUES = {
    "husby-traff-motesplats", "boendedialoger-allmannyttan", OVER_ID, "trygghetsvandring-husby-2027", PLANNED_ID}


@pytest.fixture
def editor_screenshot(editor_browser):
    """What the signed-in editor of Rinkeby-Kista sees."""
    return screenshots_of(editor_browser)


def main_text(driver):
    return driver.find_element(By.TAG_NAME, "main").text


def submit_form(driver):
    driver.find_element(By.CSS_SELECTOR, "form.edit button[type=submit]").click()


def test_official_plans_a_dialogue_and_is_warned_of_earlier_ones(server, editor_browser, editor_screenshot):
    e = editor_browser
    e.get(server + "/dialogues")
    e.find_element(By.LINK_TEXT, "Planera en dialog").click()
    wait_for(e, lambda d: d.current_url.endswith("/dialogues/new"), "the form")
    assert e.find_element(By.TAG_NAME, "h1").text == "Planera en dialog"
    # The editor's own body organises it.
    assert Select(e.find_element(By.ID, "dl-organiser")).first_selected_option.get_attribute("value") == \
        "rinkeby-kista-stadsdelsnamnd"
    e.find_element(By.ID, "dl-title").send_keys(PLANNED_TITLE)
    e.find_element(By.ID, "dl-id").send_keys(PLANNED_ID)
    e.find_element(By.ID, "dl-purpose").send_keys("Att se vad som har blivit gjort sedan förra vandringen.")
    e.find_element(By.ID, "dl-question").send_keys("Känns Husby tryggare nu?")
    Select(e.find_element(By.ID, "dl-method")).select_by_value("safetyWalk")
    Select(e.find_element(By.ID, "dl-areas")).select_by_value("husby")
    e.find_element(By.ID, "dl-sessions").send_keys("2027-06-10 18:00; 20:00; Husby centrum")
    e.find_element(By.ID, "dl-tags").send_keys("Trygghet")
    submit_form(e)
    wait_for(e, lambda d: d.find_elements(By.CSS_SELECTOR, "section.dl-warnings"), "the fatigue warning")
    # Not saved yet: the form comes back with the warning, and nothing is published.
    assert e.current_url.endswith("/dialogues/new")
    warnings = e.find_element(By.CSS_SELECTOR, "section.dl-warnings")
    assert warnings.find_element(By.TAG_NAME, "h2").text == "Att tänka på innan du sparar"
    same_topic = warnings.find_elements(By.XPATH, ".//h3[.='Samma ämne, samma område']/following-sibling::ul[1]/li")
    listed = {li.find_element(By.TAG_NAME, "a").get_attribute("pathname"): li.text for li in same_topic}
    # Both Husby safety walks share the tag, the folded "Trygghet" meeting "trygghet".
    assert set(listed) == {"/dialogues/" + OVER_ID, "/dialogues/trygghetsvandring-husby-2027"}, listed
    assert "51 dagar ifrån" in listed["/dialogues/trygghetsvandring-husby-2027"]
    assert "#trygghet" in listed["/dialogues/" + OVER_ID]
    awaiting = warnings.find_elements(By.XPATH, ".//h3[.='Väntar på återkoppling']/following-sibling::ul[1]/li")
    assert [li.find_element(By.TAG_NAME, "a").text for li in awaiting] == [OVER_TITLE]
    assert "Dialogen avslutades 2026-09-15" in awaiting[0].text
    # The area's profile from its indicators, to see who may be missing.
    profile = e.find_element(By.CSS_SELECTOR, "section.dl-profile")
    assert profile.find_element(By.TAG_NAME, "h2").text == "Områdets profil"
    assert profile.find_element(By.TAG_NAME, "h3").text == "Husby"
    assert profile.find_elements(By.CSS_SELECTOR, "li a[href^='/indicators/socioekonomisk-omradestyp']")
    # What was typed is kept.
    assert e.find_element(By.ID, "dl-sessions").get_attribute("value") == "2027-06-10 18:00; 20:00; Husby centrum"
    assert [o.get_attribute("value") for o in Select(e.find_element(By.ID, "dl-areas")).all_selected_options] == \
        ["husby"]
    e.execute_script("arguments[0].scrollIntoView()", warnings)
    editor_screenshot("dialogue-fatigue-warning")
    check_current(e)
    # A warning, not a block: once acknowledged the dialogue is saved.
    acknowledge = e.find_element(By.ID, "dl-ack")
    assert e.find_element(By.CSS_SELECTOR, "label[for=dl-ack]").text == \
        "Jag har sett dialogerna ovan och vill spara ändå"
    acknowledge.click()
    submit_form(e)
    wait_for(e, lambda d: d.current_url.endswith("/dialogues/" + PLANNED_ID), "the dialogue's page")
    assert e.find_element(By.TAG_NAME, "h1").text == PLANNED_TITLE
    assert e.find_element(By.CSS_SELECTOR, "main .status").text == "Planerad"
    main = main_text(e)
    assert "Trygghetsvandring" in main
    assert "Husby centrum" in main
    assert "2027-06-10 18:00–20:00" in main
    assert e.find_elements(By.CSS_SELECTOR, "main a[href='/areas/husby']")


def test_official_records_the_outcome_and_the_feedback(server, editor_browser, browser, editor_screenshot):
    browser.get(server + "/dialogues/" + OVER_ID)
    assert browser.find_element(By.CSS_SELECTOR, "main .status").text == "Avslutad – återkoppling saknas"
    assert "Ingen återkoppling har getts ännu." in main_text(browser)
    # A resident may not change it.
    assert not browser.find_elements(By.LINK_TEXT, "Ändra dialogen")
    e = editor_browser
    e.get(server + "/dialogues/" + OVER_ID)
    e.find_element(By.LINK_TEXT, "Ändra dialogen").click()
    wait_for(e, lambda d: d.current_url.endswith(f"/dialogues/{OVER_ID}/edit"), "the edit form")
    assert e.find_element(By.TAG_NAME, "h1").text == "Ändra dialogen"
    fields = {
        "dl-participants": "34",
        "dl-bygroup": "kon=K=16\nkon=M=18\nalder=16-24=9",
        "dl-contributions": "25",
        "dl-summary": SUMMARY,
        "dl-ledto": "measure medborgare-med-mandat-d-2-3-1\ntext " + LED_TO,
        "dl-feedback": "2026-11-20; Möte på Husby Träff; " + FEEDBACK,
    }
    for field, value in fields.items():
        element = e.find_element(By.ID, field)
        element.clear()
        element.send_keys(value)
    submit_form(e)
    wait_for(e, lambda d: d.current_url.endswith("/dialogues/" + OVER_ID), "the dialogue's page")
    # The day has passed and feedback is recorded: answered.
    assert e.find_element(By.CSS_SELECTOR, "main .status").text == "Återkoppling given"
    assert not e.find_elements(By.CSS_SELECTOR, "main .notice")
    outcome = e.find_element(By.CSS_SELECTOR, "section[aria-labelledby=dl-outcome-h]")
    facts = [dd.text for dd in outcome.find_elements(By.CSS_SELECTOR, "dl dd")]
    assert facts == ["34", "25"]
    rows = {tr.find_element(By.TAG_NAME, "th").text: tr.find_element(By.TAG_NAME, "td").text
            for tr in outcome.find_elements(By.CSS_SELECTOR, "table tbody tr")}
    assert len(rows) == 3 and rows["kön: kvinnor"] == "16" and rows["kön: män"] == "18", rows
    assert [count for group, count in rows.items() if "16-24" in group or "16–24" in group] == ["9"], rows
    assert SUMMARY in outcome.text
    assert LED_TO in outcome.text
    assert outcome.find_elements(By.CSS_SELECTOR, "a[href='/measures/medborgare-med-mandat-d-2-3-1']")
    feedback = e.find_element(By.CSS_SELECTOR, "section[aria-labelledby=dl-feedback-h]").text
    assert "2026-11-20" in feedback and "Möte på Husby Träff" in feedback and FEEDBACK in feedback
    editor_screenshot("dialogue-feedback-given")
    # The resident sees the same, and the portal lists it as answered.
    browser.get(server + "/dialogues/" + OVER_ID)
    assert browser.find_element(By.CSS_SELECTOR, "main .status").text == "Återkoppling given"
    assert FEEDBACK in main_text(browser)
    browser.get(server + "/dialogues?area=husby&status=feedbackGiven")
    titles = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "ul.dl-list h3 a")]
    assert OVER_TITLE in titles


def test_resident_filters_by_area_and_status_and_subscribes_to_the_calendar(server, browser, screenshot):
    browser.get(server + "/dialogues")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Dialoger"
    area = Select(browser.find_element(By.ID, "f-area"))
    # The areas are grouped by district area: Husby under Rinkeby-Kista.
    husby = browser.find_element(By.CSS_SELECTOR, "#f-area option[value=husby]")
    assert husby.text == "Husby"
    assert browser.execute_script("return arguments[0].parentElement.label", husby) == "Rinkeby-Kista"
    area.select_by_visible_text("Husby")
    Select(browser.find_element(By.ID, "f-status")).select_by_visible_text("Planerad")
    browser.find_element(By.CSS_SELECTOR, "form.dl-filters button[type=submit]").click()
    wait_for(browser, lambda d: "area=husby" in d.current_url and "status=planned" in d.current_url,
             "the filtered list")
    # The choices stay chosen.
    assert Select(browser.find_element(By.ID, "f-area")).first_selected_option.get_attribute("value") == "husby"
    assert Select(browser.find_element(By.ID, "f-status")).first_selected_option.get_attribute("value") == "planned"
    items = browser.find_elements(By.CSS_SELECTOR, "ul.dl-list > li")
    titles = [li.find_element(By.CSS_SELECTOR, "h3 a").text for li in items]
    assert COMING_TITLE in titles, titles
    assert OVER_TITLE not in titles and "Medborgarvärdar i Hässelby-Vällingby" not in titles
    assert all(li.find_element(By.CSS_SELECTOR, ".status").text == "Planerad" for li in items)
    count = browser.find_element(By.ID, "dl-list-h").text
    assert count == f"{len(items)} dialoger"
    screenshot("dialogues-filtered")
    link = browser.find_element(By.LINK_TEXT, "Kalender (iCalendar)")
    href = link.get_attribute("href")
    assert "area=husby" in href
    with urllib.request.urlopen(href, timeout=10) as response:
        assert response.headers.get_content_type() == "text/calendar"
        calendar = response.read().decode("utf-8")
    # Lines longer than 75 octets are folded (RFC 5545 3.1): unfold before reading.
    lines = calendar.replace("\r\n ", "").split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR"
    assert "X-WR-CALNAME:Dialoger – Husby" in lines
    urls = [line.removeprefix("URL:") for line in lines if line.startswith("URL:")]
    assert lines.count("BEGIN:VEVENT") == len(urls) > 0
    slugs = [url.rsplit("/dialogues/", 1)[1] for url in urls]
    # Husby's sessions only: in Husby or in the district area around it, none elsewhere.
    assert set(slugs) <= HUSBY_DIALOGUES, set(slugs) - HUSBY_DIALOGUES
    assert slugs.count("husby-traff-motesplats") == 2
    assert {OVER_ID, "trygghetsvandring-husby-2027"} <= set(slugs)
    assert "DTSTART;TZID=Europe/Stockholm:20270420T180000" in lines


def test_filters_work_with_the_keyboard_alone_in_english(server, browser, screenshot):
    browser.get(server + "/dialogues?lang=en")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Dialogues"
    keys = ActionChains(browser)

    def focused():
        return browser.switch_to.active_element

    for _ in range(60):
        if focused().get_attribute("id") == "f-area":
            break
        keys.send_keys(Keys.TAB).perform()
    assert focused().get_attribute("id") == "f-area", "Tab never reached the area select"
    assert browser.execute_script("return getComputedStyle(arguments[0]).outlineStyle", focused()) != "none"
    # Typing a name on a closed select chooses it.
    keys.send_keys("Husby").perform()
    assert browser.execute_script("return document.getElementById('f-area').value") == "husby"
    for _ in range(30):
        keys.send_keys(Keys.TAB).perform()
        if focused().tag_name == "button":
            break
    assert focused().text == "Show"
    keys.send_keys(Keys.ENTER).perform()
    wait_for(browser, lambda d: "area=husby" in d.current_url, "the filtered list")
    assert "lang=en" in browser.current_url
    assert browser.find_element(By.TAG_NAME, "h1").text == "Dialogues"
    places = browser.find_elements(By.CSS_SELECTOR, "ul.dl-list > li")
    assert places
    for item in places:
        where = item.find_element(By.XPATH, ".//dt[.='Where']/following-sibling::dd[1]").text
        assert "Husby" in where or "Rinkeby-Kista" in where, where
    screenshot("dialogues-keyboard-en")
