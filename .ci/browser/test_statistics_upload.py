"""The indicator upload form's newer fields, in a real browser: a wide table with one column per
year (periodkolumner), counts of districts added up to the areas above them (summering uppåt), and
a name another indicator already has. Each journey asserts what the analyst sees on the page, and
what the download then says."""
import csv
import io
import os
import urllib.error
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_accessibility import check_current
from test_journeys import wait_for

# District areas (stadsdelsområden) of the demo, in the demo extract and in the full data alike.
DISTRICT_AREAS = [
    ("Rinkeby-Kista", ["58,1", "60,4", "61,5"]),
    ("Spånga-Tensta", ["62,0", "63,2", "64,0"]),
    ("Bromma", ["87,5", "88,0", "88,2"]),
    ("Södermalm", ["84,2", "83,7", "83,9"]),
    ("Farsta", ["75,1", "76,3", "77,0"]),
    ("Östermalm", ["89,9", "90,2", "90,4"]),
]
YEARS = ["2021", "2022", "2023"]

# Districts (stadsdelar) of two district areas, with counts: (district area, district, numerator, denominator).
# Only names that are districts in the demo extract and in the full data alike, and no district area's name.
DISTRICT_COUNTS = [
    ("Rinkeby-Kista", "Rinkeby", 812, 1400),
    ("Rinkeby-Kista", "Akalla", 390, 820),
    ("Rinkeby-Kista", "Husby", 505, 1010),
    ("Rinkeby-Kista", "Kista", 610, 1150),
    ("Spånga-Tensta", "Tensta", 700, 1300),
    ("Spånga-Tensta", "Bromsten", 410, 560),
]
CITY = "Stockholms stad"


def excel_csv(path, rows):
    """Writes rows as Swedish Excel saves them: semicolons, a byte-order mark, CRLF."""
    path.write_bytes(("\ufeff" + "\r\n".join(";".join(row) for row in rows) + "\r\n").encode("utf-8"))
    return path


def fill_upload_form(b, data, fields, area_kind, ticked=()):
    """Chooses the file and fills the form's text fields, area kind and checkboxes (by id)."""
    b.find_element(By.ID, "f-file").send_keys(str(data))
    for field, value in fields.items():
        box = b.find_element(By.ID, field)
        box.clear()
        box.send_keys(value)
    Select(b.find_element(By.ID, "f-areaKind")).select_by_value(area_kind)
    for box_id in ticked:
        box = b.find_element(By.ID, box_id)
        if not box.is_selected():
            box.click()


def submit_for_preview(b):
    """Sends the form; returns the page's refusal (the .error box) or None when it shows a preview."""
    b.find_element(By.CSS_SELECTOR, "form.edit button[type=submit]").click()
    wait_for(b, lambda d: d.find_elements(By.CSS_SELECTOR, ".notice, .error"), "the preview or the refusal")
    errors = b.find_elements(By.CSS_SELECTOR, ".error")
    return errors[0].text if errors else None


def confirm_preview(b):
    """Imports the previewed file; returns the text of the result."""
    b.find_element(By.CSS_SELECTOR, ".notice form button[type=submit]").click()
    wait_for(b, lambda d: "inlästa" in d.find_element(By.TAG_NAME, "main").text or d.find_elements(
        By.CSS_SELECTOR, ".error"), "the import result")
    assert not b.find_elements(By.CSS_SELECTOR, ".error"), b.find_element(By.CSS_SELECTOR, ".error").text
    return b.find_element(By.CSS_SELECTOR, ".notice").text


def period_choices(b):
    """The periods the indicator page offers (links and the current one) in its period choice."""
    nav = b.find_element(By.CSS_SELECTOR, "nav.choices[aria-label='Period']")
    return [element.text for element in nav.find_elements(By.CSS_SELECTOR, "a, strong")]


def download_csv(server, code):
    with urllib.request.urlopen(f"{server}/indicators/{code}/data?format=csv", timeout=15) as response:
        assert response.status == 200
        text = response.read().decode("utf-8")
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("code, headers, period_columns", [
    # A pattern with YEAR: every header it matches is a year's column.
    ("trygghet-bred-monster", ["Andel 2021", "Andel 2022", "Andel 2023"], "Andel YEAR"),
    # Columns by number with their years given: the headers need not name the year.
    ("trygghet-bred-kolumner", ["Enkät 1", "Enkät 2", "Enkät 3"], "#2-#4=2021-2023"),
])
def test_analyst_imports_a_wide_table_with_a_column_per_year(
        server, admin_browser, admin_screenshot, tmp_path, code, headers, period_columns):
    b = admin_browser
    name = f"Känner sig trygga ({code})"
    rows = [["Stadsdelsområde"] + headers] + [[area] + values for area, values in DISTRICT_AREAS]
    data = excel_csv(tmp_path / f"{code}.csv", rows)
    b.get(server + "/indicators/import")
    fill_upload_form(b, data, {"f-code": code, "f-name": name, "f-areaName": "Stadsdelsområde",
                               "f-periodColumns": period_columns}, "districtArea")
    admin_screenshot(f"import-wide-form-{code}")
    refusal = submit_for_preview(b)
    assert refusal is None, refusal
    preview = b.find_element(By.CSS_SELECTOR, ".notice").text
    values = len(DISTRICT_AREAS) * len(YEARS)
    assert f"Filen skapar indikatorn {code} med {values} värden." in preview
    assert "Perioder: 2021, 2022, 2023" in preview
    admin_screenshot(f"import-wide-preview-{code}")
    result = confirm_preview(b)
    assert f"{values} värden för {code} är inlästa." in result
    b.find_element(By.LINK_TEXT, "Visa indikatorn").click()
    wait_for(b, lambda d: d.find_element(By.TAG_NAME, "h1").text == name, "the new indicator")
    # Newest first, the newest chosen.
    assert period_choices(b) == ["2023", "2022", "2021"]
    assert b.find_element(By.CSS_SELECTOR, "nav.choices[aria-label='Period'] strong").text == "2023"
    # Each year's column went to its own period: 2021's gap is Östermalm's 89,9 less Rinkeby-Kista's 58,1.
    b.find_element(By.CSS_SELECTOR, "nav.choices[aria-label='Period']").find_element(By.LINK_TEXT, "2021").click()
    wait_for(b, lambda d: d.find_element(By.CSS_SELECTOR, "nav.choices[aria-label='Period'] strong").text == "2021",
             "the indicator in 2021")
    assert "31,8 procentenheter" in b.find_element(By.TAG_NAME, "main").text
    downloaded = download_csv(server, code)
    period = downloaded[0].index("period")
    assert sorted({row[period] for row in downloaded[1:]}) == YEARS
    assert len(downloaded) - 1 == values


def test_analyst_adds_up_district_counts_to_the_areas_above(server, admin_browser, admin_screenshot, tmp_path):
    b = admin_browser
    code = "fritidskort-summerat"
    name = "Unga med fritidskort"
    rows = [["Stadsdel", "Med kort", "Unga"]] + [[district, str(num), str(den)]
                                                  for _, district, num, den in DISTRICT_COUNTS]
    data = excel_csv(tmp_path / "fritidskort.csv", rows)
    b.get(server + "/indicators/import")
    fill_upload_form(b, data, {"f-code": code, "f-name": name, "f-areaName": "Stadsdel", "f-numerator": "Med kort",
                               "f-denominator": "Unga", "f-period": "2023"}, "district", ticked=["f-aggregate"])
    admin_screenshot("import-aggregate-form")
    refusal = submit_for_preview(b)
    assert refusal is None, refusal
    assert f"Filen skapar indikatorn {code} med {len(DISTRICT_COUNTS)} värden." in b.find_element(
        By.CSS_SELECTOR, ".notice").text
    result = confirm_preview(b)
    assert f"{len(DISTRICT_COUNTS)} värden för {code} är inlästa." in result
    # Two district areas and the city.
    areas_above = sorted({area for area, *_ in DISTRICT_COUNTS}) + [CITY]
    assert f"Värden summerade för områdena ovanför: {len(areas_above)}" in result
    check_current(b)
    admin_screenshot("import-aggregate-result")

    b.get(f"{server}/indicators/{code}?level=districtArea")
    wait_for(b, lambda d: d.find_element(By.TAG_NAME, "h1").text == name, "the indicator by district area")
    notes = [note.text for note in b.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=h-areas] p.note")]
    assert (f"Värdena för stadsdelsområden och staden som helhet är inte mätta utan summerade från antalen i "
            f"{len(DISTRICT_COUNTS)} stadsdelar.") in notes, notes
    admin_screenshot("indicator-added-up")

    downloaded = download_csv(server, code)
    header, body = downloaded[0], downloaded[1:]
    assert header[-1] == "origin"
    column = {title: index for index, title in enumerate(header)}
    by_name = {row[column["area_name"]]: row for row in body}
    for _, district, _, _ in DISTRICT_COUNTS:
        assert by_name[district][column["area_kind"]] == "district"
        assert by_name[district][-1] == "measured"
    expected = {area: [(num, den) for owner, _, num, den in DISTRICT_COUNTS if owner == area]
                for area in areas_above if area != CITY}
    expected[CITY] = [(num, den) for _, _, num, den in DISTRICT_COUNTS]
    for area, counts in expected.items():
        row = by_name[area]
        assert row[-1] == "summed", row
        # Counts added up, never rates averaged.
        numerator = sum(num for num, _ in counts)
        denominator = sum(den for _, den in counts)
        assert float(row[column["numerator"]]) == numerator
        assert float(row[column["denominator"]]) == denominator
        assert abs(float(row[column["value"]]) - numerator / denominator * 100) < 1e-9
    assert len(body) == len(DISTRICT_COUNTS) + len(areas_above)


def test_a_name_another_indicator_has_is_refused_unless_a_new_indicator_is_asked_for(
        server, admin_browser, admin_screenshot, tmp_path):
    b = admin_browser
    existing = "valdeltagande-kommunval"
    b.get(f"{server}/indicators/{existing}")
    name = b.find_element(By.TAG_NAME, "h1").text
    assert name
    code = "valdeltagande-stadsdelsomraden"
    rows = [["Stadsdelsområde", "År", "Andel"]] + [[area, "2022", values[1]] for area, values in DISTRICT_AREAS]
    data = excel_csv(tmp_path / "valdeltagande.csv", rows)
    fields = {"f-code": code, "f-name": name, "f-areaName": "Stadsdelsområde", "f-value": "Andel",
              "f-periodColumn": "År"}
    b.get(server + "/indicators/import")
    fill_upload_form(b, data, fields, "districtArea")
    refusal = submit_for_preview(b)
    assert refusal is not None, "a second indicator with the name went through to the preview"
    assert "Filen lästes inte in. Inget sparades." in refusal
    assert f"en indikator med namnet ”{name}” finns redan med koden {existing}" in refusal
    # Nothing was made, and the form keeps what was filled in.
    assert b.find_element(By.ID, "f-code").get_attribute("value") == code
    assert b.find_element(By.ID, "f-name").get_attribute("value") == name
    assert not b.find_element(By.ID, "f-allowSameName").is_selected()
    check_current(b)
    admin_screenshot("import-same-name-refused")
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(f"{server}/indicators/{code}", timeout=15)
    assert missing.value.code == 404

    # Asked for on purpose: the file is chosen again (a browser never keeps it) and the box ticked.
    fill_upload_form(b, data, {}, "districtArea", ticked=["f-allowSameName"])
    refusal = submit_for_preview(b)
    assert refusal is None, refusal
    assert f"Filen skapar indikatorn {code} med {len(DISTRICT_AREAS)} värden." in b.find_element(
        By.CSS_SELECTOR, ".notice").text
    check_current(b)
    result = confirm_preview(b)
    assert f"{len(DISTRICT_AREAS)} värden för {code} är inlästa." in result
    b.find_element(By.LINK_TEXT, "Visa indikatorn").click()
    wait_for(b, lambda d: d.current_url.split("?")[0].endswith(f"/indicators/{code}"), "the new indicator")
    assert b.find_element(By.TAG_NAME, "h1").text == name
    # The existing indicator is as it was.
    b.get(f"{server}/indicators/{existing}")
    assert b.find_element(By.TAG_NAME, "h1").text == name
