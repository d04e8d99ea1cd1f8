"""Grants in a real browser (issue 18), without JavaScript in the pages: an association registers in two
districts and an official approves it; from its one entry it gives its documents once and applies to two
districts' schemes (a wrong attachment refused first, Rinkeby-Kista's taken late under its rule); the handler
decides both at one meeting under its diary number and marks one paid; the association sends its report on use.
axe checks each step's page."""
import os
import tempfile

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import make_driver, screenshots_of
from test_accessibility import check_current
from test_associations import fill, fill_entry, main_text, submit
from test_journeys import wait_for

NAME = "Vårby idrottsallians"
SLUG = "varby-idrottsallians"
EMAIL = "idrott@example.se"
PASSWORD = "ett långt lösenord för alliansen"
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" \
      b"trailer<</Root 1 0 R>>\n%%EOF\n"


def files():
    """A real PDF and a picture named as one."""
    folder = tempfile.mkdtemp(prefix="skillnad-grants-")
    pdf = os.path.join(folder, "dokument.pdf")
    with open(pdf, "wb") as f:
        f.write(PDF)
    fake = os.path.join(folder, "budget.pdf")
    with open(fake, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    return pdf, fake


def register(own, server):
    own.get(server + "/associations/join")
    fill(own, "j-name", "Leyla Demir")
    fill(own, "j-email", EMAIL)
    fill(own, "j-password", PASSWORD)
    fill(own, "j-confirm", PASSWORD)
    submit(own)
    wait_for(own, lambda d: d.current_url.endswith("/associations/new"), "the entry form")
    fill_entry(
        own, NAME, "802480-1097", "Fotboll och friidrott för barn i Vårby gård och Husby.",
        ["skarholmen", "rinkeby-kista"], {"m-7-12-women": "12", "m-7-12-men": "14"},
        [("Leyla Demir", "chair"), ("Jonas Ek", "treasurer"), ("Mona Said", "secretary")], EMAIL,
        {"name": "Fotboll", "min": "7", "languages": "sv", "area": "skarholmen", "place": "Vårby gårds bollplan",
         "schedule": "Lördagar 10–12"}, founded="2014-05-01")
    submit(own)
    wait_for(own, lambda d: d.current_url.endswith("/associations/" + SLUG), "the association's page")


def approve(admin, server):
    admin.get(server + f"/associations/{SLUG}/review")
    for district in ["skarholmen", "rinkeby-kista"]:
        Select(admin.find_element(By.ID, f"as-decision-{district}")).select_by_value("approved")
    admin.find_element(By.CSS_SELECTOR, "main form.form button[type=submit]").click()
    wait_for(admin, lambda d: "Besluten är sparade" in main_text(d), "the approval")


def apply(own, server, scheme, amount, pdf, attachments):
    own.get(server + f"/associations/{SLUG}/grants/{scheme}")
    fill(own, "gr-amount", amount)
    fill(own, "gr-purpose", "Träningar och cuper under ett år")
    fill(own, "gr-description", "Två träningar i veckan för 60 barn, och tre cuper.")
    fill(own, "gr-participants", "60")
    for field in attachments:
        own.find_element(By.ID, f"gr-file-{field}").send_keys(pdf)
    own.find_element(By.CSS_SELECTOR, "button[name=action][value=send]").click()
    wait_for(own, lambda d: "/grants/applications/" in d.current_url, "the sent application")
    assert "Ansökan är skickad" in main_text(own)
    check_current(own)
    return own.current_url.split("?")[0]


def test_apply_to_two_districts_decide_and_report(server, admin_browser, admin_screenshot):
    pdf, fake = files()
    own = make_driver("sv-SE")
    own.set_script_timeout(30)
    try:
        register(own, server)
        approve(admin_browser, server)

        # The one entry: both districts' open schemes; the association's documents given once.
        own.get(server + f"/associations/{SLUG}/grants")
        text = main_text(own)
        assert "Lokalt föreningsbidrag, Skärholmen" in text
        assert "Rinkeby-Kista" in text
        check_current(own)
        own.find_element(By.ID, "gr-doc-statutes").send_keys(pdf)
        own.find_element(By.ID, "gr-doc-annualReport").send_keys(pdf)
        own.find_element(By.CSS_SELECTOR, "form[enctype] button[type=submit]").click()
        wait_for(own, lambda d: "2 dokument tillagda" in main_text(d), "the documents")

        # Skärholmen: a picture named budget.pdf is refused by its bytes, what was written is kept.
        own.get(server + f"/associations/{SLUG}/grants/skarholmen-lokalt-exempel")
        fill(own, "gr-amount", "40000")
        fill(own, "gr-purpose", "Träningar och cuper under ett år")
        own.find_element(By.ID, "gr-file-budget").send_keys(fake)
        own.find_element(By.CSS_SELECTOR, "button[name=action][value=send]").click()
        wait_for(own, lambda d: d.find_elements(By.CSS_SELECTOR, ".error-summary"), "the refusal")
        assert "budget.pdf är inte en PDF" in main_text(own)
        assert own.find_element(By.ID, "gr-amount").get_attribute("value") == "40000"
        check_current(own)
        first = apply(own, server, "skarholmen-lokalt-exempel", "40000", pdf, ["budget", "activityPlan"])
        # Rinkeby-Kista's scheme closed three days ago and takes late applications for seven.
        second = apply(own, server, "rinkeby-kista-unga-exempel", "25000", pdf, ["budget"])
        assert "Skickad efter sista dag" in main_text(own)

        # The handler decides both at one meeting, one in full and one rejected with the rule it cites.
        admin = admin_browser
        admin.get(server + "/grants/queue")
        check_current(admin)
        admin_screenshot("grants-queue")
        first_id = first.rsplit("/", 1)[1]
        second_id = second.rsplit("/", 1)[1]
        fill(admin, "gr-diary", "SKÄ 2027/14")
        Select(admin.find_element(By.NAME, f"d[{first_id}][outcome]")).select_by_value("granted")
        Select(admin.find_element(By.NAME, f"d[{second_id}][outcome]")).select_by_value("rejected")
        Select(admin.find_element(By.NAME, f"d[{second_id}][rule]")).select_by_value("deadline")
        admin.find_element(By.NAME, f"d[{second_id}][reason]").send_keys("Ansökan kom efter sista dag.")
        admin.find_element(By.CSS_SELECTOR, "section[aria-labelledby=gr-awaiting] button[type=submit]").click()
        wait_for(admin, lambda d: "2 beslut fattade under SKÄ 2027/14" in main_text(d), "the decisions")
        check_current(admin)
        admin.get(first)
        admin.find_element(By.CSS_SELECTOR, "button[name=status][value=paid]").click()
        wait_for(admin, lambda d: "Utbetald" in main_text(d), "the payment")
        check_current(admin)

        # The association follows both, and sends its report on use.
        own.get(second)
        text = main_text(own)
        assert "Avslagen" in text and "Sista ansökningsdag" in text and "Ansökan kom efter sista dag." in text
        own.get(first)
        fill(own, "gr-report-text", "Vi höll 80 träningar och tre cuper med 64 barn.")
        own.find_element(By.ID, "gr-report-file").send_keys(pdf)
        own.find_element(By.CSS_SELECTOR, "section[aria-labelledby=gr-report] button[type=submit]").click()
        wait_for(own, lambda d: "Redovisningen är skickad" in main_text(d), "the report")
        assert "Redovisning inkommen" in main_text(own)
        check_current(own)
        own.get(server + f"/associations/{SLUG}/grants")
        assert "Redovisning inkommen" in main_text(own)
        screenshots_of(own)("grants-entry")
    finally:
        own.quit()
