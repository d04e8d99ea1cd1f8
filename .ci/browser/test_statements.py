"""A statement read into an answer, in a real browser: an official uploads a body's statement as
DOCX, reviews the form it filled beside the statement's marked text (checked by axe), corrects one
suggested position and saves the draft, which keeps the file as its attachment."""
import os

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_accessibility import check_current
from test_journeys import wait_for

STATEMENTS = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "SkillnadCoreTests", "Resources", "Statements")
ANSWER = "/referrals/remiss-fordjupningsrapporter-2016/answers/spanga-tensta-stadsdelsnamnd"
# The position field of A.2.3.3 (Dold potential) in the answer form.
A233 = "m[dold-potential-a-2-3-3][position]"


def test_official_reads_a_statement_corrects_a_suggestion_and_saves_the_draft(server, admin_browser, admin_screenshot):
    b = admin_browser
    b.get(server + ANSWER)
    b.find_element(By.LINK_TEXT, "Läs in ett tjänsteutlåtande i stället för att skriva av det").click()
    wait_for(b, lambda d: d.find_elements(By.ID, "s-file"), "the upload form")
    check_current(b)
    b.find_element(By.ID, "s-file").send_keys(os.path.abspath(os.path.join(STATEMENTS, "spanga-tensta-gemensamt.docx")))
    b.find_element(By.CSS_SELECTOR, "form.edit button[type=submit]").click()
    wait_for(b, lambda d: d.find_elements(By.ID, "h-statement"), "the review page")
    admin_screenshot("statement-review")
    # The statement's text, with what was read marked and named in words.
    text = b.find_element(By.CSS_SELECTOR, ".statement-document").text
    assert "[A.2.3.3: tillstyrker med reservationer]" in text
    assert "Förvaltningarna ställer sig i huvudsak positiva till A.2.3.3" in text
    assert b.find_element(By.ID, "a-diaryNumber").get_attribute("value") == "3.1.2-318-2016"
    check_current(b)
    position = Select(b.find_element(By.NAME, A233))
    assert position.first_selected_option.get_attribute("value") == "supportsWithReservations"
    # The official reads the statement otherwise: the administration supports the measure.
    position.select_by_value("supports")
    b.find_element(By.CSS_SELECTOR, "button[name=action][value=save]").click()
    wait_for(b, lambda d: "Svaret är sparat." in d.find_element(By.TAG_NAME, "main").text, "the saved draft")
    assert Select(b.find_element(By.NAME, A233)).first_selected_option.get_attribute("value") == "supports"
    assert b.find_element(By.ID, "a-diaryNumber").get_attribute("value") == "3.1.2-318-2016"
    # The statement is the answer's attachment now.
    assert b.find_elements(By.LINK_TEXT, "yttrande.docx") or b.find_elements(By.LINK_TEXT, "spanga-tensta-gemensamt.docx")
    check_current(b)
