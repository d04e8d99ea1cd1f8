"""The journeys people take, in a real browser, asserting what the person sees."""
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait


def navigating(error):
    """Chromedriver answers 'unhandled inspector error' when asked about an element while the page
    under it is being replaced (seen once in CI on a form's answer): the same 'not yet' as a stale one."""
    return isinstance(error, WebDriverException) and "inspector error" in (error.msg or "")


def wait_for(browser, condition, what):
    """Clicks and Enter start a navigation; wait until the new page is there. An element found on
    the old page goes stale when the new one replaces it: that is not yet, so try again."""
    def patient(driver):
        try:
            return condition(driver)
        except WebDriverException as error:
            if navigating(error):
                return False
            raise
    WebDriverWait(browser, 15, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(patient, what)


def test_resident_searches_for_a_measure_and_reads_it(server, browser, screenshot):
    browser.get(server + "/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Skillnad"
    box = browser.find_element(By.ID, "site-q")
    box.send_keys("medborgardialoger")
    box.send_keys(Keys.ENTER)
    wait_for(browser, lambda d: "Sökresultat" in d.title, "the search results page")
    link = browser.find_element(By.LINK_TEXT, "Utveckla en digital dialogportal")
    link.click()
    wait_for(browser, lambda d: "D.2.3.1" in d.title, "the measure page")
    assert browser.find_element(By.CSS_SELECTOR, "h1 .code").text == "D.2.3.1"
    assert "Medborgare med mandat" in browser.find_element(By.CSS_SELECTOR, ".kicker").text
    screenshot("measure")


def test_swedish_letters_and_codes_find_their_objects(server, browser):
    browser.get(server + "/search?q=alvsjo")
    assert "Älvsjö stadsdelsnämnd" in browser.find_element(By.TAG_NAME, "main").text
    browser.get(server + "/search?q=A2.3.1")
    assert "A.2.3.1" in browser.find_element(By.TAG_NAME, "main").text


def test_visitor_switches_to_english_and_the_choice_sticks(server, browser, screenshot):
    browser.get(server + "/reports")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Rapporter"
    browser.find_element(By.LINK_TEXT, "In English").click()
    wait_for(browser, lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", "the English page")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Reports"
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    browser.find_element(By.LINK_TEXT, "Dold potential").click()
    wait_for(browser, lambda d: "Dold potential" in d.title, "the report page")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert "Measures" in browser.find_element(By.TAG_NAME, "main").text
    screenshot("report-en")
    browser.find_element(By.LINK_TEXT, "På svenska").click()
    wait_for(browser, lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "sv", "the Swedish page")


def test_reader_follows_a_body_to_what_it_leads(server, browser, screenshot):
    browser.get(server + "/bodies")
    browser.find_element(By.LINK_TEXT, "Rinkeby-Kista stadsdelsnämnd").click()
    wait_for(browser, lambda d: "Rinkeby-Kista" in d.title, "the body page")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Samverkar i" in main
    assert "Etablera lotsar för civilsamhället" in main
    browser.get(server + "/roadmap")
    assert "Fördjupa dialogen med medborgare" in browser.find_element(By.TAG_NAME, "main").text
    screenshot("roadmap")
    browser.get(server + "/")
    screenshot("home")


def test_keyboard_skip_link_comes_first_and_moves_focus_to_main(server, browser):
    browser.get(server + "/reports/stad-i-samverkan")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.get_attribute("class") == "skip"
    assert focused.is_displayed(), "the skip link must be visible when focused"
    focused.send_keys(Keys.ENTER)
    wait_for(browser, lambda d: d.switch_to.active_element.get_attribute("id") == "main", "focus on main")


def test_keyboard_reaches_navigation_search_and_content_in_order(server, browser):
    browser.get(server + "/")
    names = []
    first_in_main = None
    # Tab until focus enters the page's own content; the navigation grows with each capability,
    # so the walk is bounded by a generous limit rather than by today's count of links.
    for step in range(60):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        el = browser.switch_to.active_element
        names.append(el.get_attribute("id") or el.text)
        if browser.execute_script("return arguments[0].closest('main') !== null", el):
            first_in_main = step
            break
    assert first_in_main is not None, f"focus never reached the content: {names}"
    assert names.index("Skillnad") < names.index("Rapporter") < names.index("site-q") < first_in_main
    # every focused element shows an outline (visible focus)
    browser.get(server + "/")
    browser.switch_to.active_element.send_keys(Keys.TAB)
    browser.switch_to.active_element.send_keys(Keys.TAB)
    el = browser.switch_to.active_element
    outline = browser.execute_script("return getComputedStyle(arguments[0]).outlineStyle", el)
    assert outline != "none"


def test_search_works_with_the_keyboard_alone(server, browser):
    browser.get(server + "/search")
    field = browser.find_element(By.ID, "q")
    field.send_keys("skola", Keys.ENTER)
    wait_for(browser, lambda d: "träffar" in d.find_element(By.TAG_NAME, "main").text, "the results")


def test_a_missing_page_helps(server, browser):
    browser.get(server + "/reports/finns-inte")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Sidan finns inte"
    assert browser.find_element(By.ID, "q").is_displayed()


def test_official_signs_in_edits_a_measure_and_sees_the_history(server, admin_browser, admin_screenshot):
    b = admin_browser
    b.get(server + "/measures/stad-i-samverkan-4-1-2")
    b.find_element(By.LINK_TEXT, "Redigera").click()
    wait_for(b, lambda d: d.find_elements(By.ID, "f-title"), "the edit form")
    title = b.find_element(By.ID, "f-title")
    title.clear()
    title.send_keys("Utvecklingsprogram för civilsamhällets aktörer")
    admin_screenshot("edit-measure")
    b.find_element(By.CSS_SELECTOR, "form.edit button[type=submit]").click()
    wait_for(b, lambda d: "Utvecklingsprogram för civilsamhällets aktörer" in d.find_element(By.TAG_NAME, "h1").text, "the saved measure")
    b.find_element(By.LINK_TEXT, "Historik").click()
    wait_for(b, lambda d: "Historik" in d.title, "the history page")
    main = b.find_element(By.TAG_NAME, "main").text
    assert "ada.admin@example.org" in main
    assert "Implementera ett utvecklingsprogram" in main  # the value before
    assert "Utvecklingsprogram för civilsamhällets aktörer" in main  # and after


def test_a_validation_error_keeps_what_was_typed(server, admin_browser):
    b = admin_browser
    b.get(server + "/bodies/kommunstyrelsen/edit")
    name = b.find_element(By.ID, "f-name")
    name.clear()
    name.send_keys("Kommunstyrelsen (ändrad)")
    b.execute_script("document.getElementById('f-validFrom').type = 'text'")
    b.find_element(By.ID, "f-validFrom").send_keys("inte ett datum")
    b.find_element(By.CSS_SELECTOR, "form.edit button[type=submit]").click()
    wait_for(b, lambda d: d.find_elements(By.ID, "f-validFrom-error"), "the form with its error")
    assert b.find_element(By.ID, "f-name").get_attribute("value") == "Kommunstyrelsen (ändrad)"
    assert b.find_element(By.ID, "f-validFrom-error").is_displayed()


def test_politician_reads_an_indicator_chart_and_its_table(server, browser, screenshot):
    browser.get(server + "/differences")
    browser.find_element(By.LINK_TEXT, "Valdeltagande i kommunvalet").click()
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "figure#bars ol.hbar-list"), "the bar chart")
    chart = browser.find_element(By.CSS_SELECTOR, "figure#bars")
    # The chart has a visible title with its unit; names and values are text, legible at any width.
    assert chart.find_element(By.CSS_SELECTOR, "figcaption").text.endswith("(procent)")
    # Hundreds of voting districts: the 25 highest and 25 lowest are drawn, a visible row between
    # them says how many are left out, and the data table lists the districts drawn.
    assert len(chart.find_elements(By.CSS_SELECTOR, "rect.bar")) == 50
    gap = chart.find_element(By.CSS_SELECTOR, "li.hbar-gap")
    assert "däremellan" in gap.text and gap.is_displayed()
    assert len(chart.find_elements(By.CSS_SELECTOR, "table.data tbody tr")) == 50
    screenshot("indicator")
    # The data table opens from the keyboard.
    summary = chart.find_element(By.CSS_SELECTOR, "details summary")
    summary.send_keys(Keys.ENTER)
    wait_for(browser, lambda d: d.find_element(By.CSS_SELECTOR, "figure#bars table.data").is_displayed(), "the open table")
    # The link under it opens the table of every district, already unfolded.
    full = browser.find_element(By.PARTIAL_LINK_TEXT, "Tabell med alla")
    full.send_keys(Keys.ENTER)
    wait_for(browser, lambda d: "table=all" in d.current_url, "the full table")
    assert len(browser.find_elements(By.CSS_SELECTOR, "figure#bars table.data tbody tr")) > 500


def test_resident_reaches_an_area_from_the_map_by_keyboard(server, browser):
    browser.get(server + "/indicators/socioekonomisk-omradestyp")
    # An indicator of classes: its distribution, no best area or gap, a legend naming the classes.
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Fördelning på klasser" in main
    assert "Bästa område" not in main and "Skillnad bästa–sämsta" not in main
    legend = browser.find_element(By.CSS_SELECTOR, "figure#map .map-legend").text
    assert "Områden med stora socioekonomiska utmaningar" in legend
    # Each area on the map is a link that takes the keyboard focus and opens the area page.
    link = browser.find_element(By.CSS_SELECTOR, "figure#map a[href='/areas/rinkeby']")
    assert browser.execute_script("arguments[0].focus(); return document.activeElement === arguments[0];", link)
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    wait_for(browser, lambda d: d.find_element(By.TAG_NAME, "h1").text == "Rinkeby", "the area page")
    assert "Socioekonomisk områdestyp" in browser.find_element(By.TAG_NAME, "main").text


def test_analyst_imports_a_statistics_file_in_the_browser(server, admin_browser, admin_screenshot, tmp_path):
    b = admin_browser
    data = tmp_path / "trygghet.csv"
    # As Swedish Excel saves it: semicolons, decimal commas, a byte-order mark, CRLF.
    rows = ["Stadsdelsområde;År;Andel"] + [f"{name};2024;{value}" for name, value in [
        ("Rinkeby-Kista", "61,5"), ("SPÅNGA-TENSTA", "64,0"), ("Bromma", "88,2"), ("Södermalm", "83,9")]]
    data.write_bytes(("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8"))
    b.get(server + "/indicators/import")
    b.find_element(By.ID, "f-file").send_keys(str(data))
    for field, value in [("f-code", "trygghet"), ("f-name", "Känner sig trygga"), ("f-areaName", "Stadsdelsområde"),
                         ("f-value", "Andel"), ("f-periodColumn", "År")]:
        b.find_element(By.ID, field).send_keys(value)
    Select(b.find_element(By.ID, "f-areaKind")).select_by_value("districtArea")
    admin_screenshot("import-form")
    b.find_element(By.CSS_SELECTOR, "form.edit button[type=submit]").click()
    # First what the file would do; nothing is written until it is confirmed.
    wait_for(b, lambda d: d.find_elements(By.CSS_SELECTOR, ".notice, .error"), "the preview")
    assert not b.find_elements(By.CSS_SELECTOR, ".error"), b.find_element(By.CSS_SELECTOR, ".error").text
    assert "Filen skapar indikatorn trygghet med 4 värden." in b.find_element(By.CSS_SELECTOR, ".notice").text
    admin_screenshot("import-preview")
    b.find_element(By.CSS_SELECTOR, ".notice form button[type=submit]").click()
    wait_for(b, lambda d: "inlästa" in d.find_element(By.TAG_NAME, "main").text, "the import result")
    assert "4 värden för trygghet är inlästa." in b.find_element(By.CSS_SELECTOR, ".notice").text
    b.find_element(By.LINK_TEXT, "Visa indikatorn").click()
    wait_for(b, lambda d: d.find_element(By.TAG_NAME, "h1").text == "Känner sig trygga", "the new indicator")
    assert "26,7 procentenheter" in b.find_element(By.TAG_NAME, "main").text
