"""axe-core on every page kind, in Swedish and English: WCAG 2.0/2.1 A and AA, zero violations."""
import pytest
from axe_selenium_python import Axe

PAGES = [
    "/", "/reports", "/reports/stad-i-samverkan", "/reports/dold-potential",
    "/measures/stad-i-samverkan-4-1-1", "/measures/staden-dar-vi-mots-b-2-2",
    "/bodies", "/bodies/kommunstyrelsen", "/bodies/rinkeby-kista-stadsdelsnamnd",
    "/roadmap", "/areas", "/areas/hagersten-alvsjo", "/search", "/search?q=dialog", "/search?q=zzzz",
    "/accessibility", "/reports/finns-inte", "/login",
    "/indicators", "/indicators/valdeltagande-kommunval", "/indicators/socioekonomisk-omradestyp", "/differences", "/methods",
    "/areas/rinkeby", "/areas/stockholm",
    "/referrals", "/referrals/remiss-fordjupningsrapporter-2016", "/referrals/remiss-fordjupningsrapporter-2016/compilation",
    "/referrals/remiss-fordjupningsrapporter-2016/answers/rinkeby-kista-stadsdelsnamnd",
    "/referrals/remiss-skillnadernas-stockholm-2015/answers/micasa-fastigheter-i-stockholm-ab",
    "/referrals/remiss-fordjupningsrapporter-2016/compilation/print",
    "/indicators/valdeltagande-skillnad-mellan-valdistrikt", "/indicators/unga-som-varken-arbetar-eller-studerar",
    "/search?q=Rinkeby", "/search?q=rinkeby&kind=area", "/areas/rinkeby-kista",
    "/follow-up", "/follow-up?year=2018&status=inProgress", "/follow-up/print", "/follow-up/budget",
    "/follow-up/budget/2018", "/follow-up/periods", "/follow-up/periods/2018-t2",
    "/follow-up/periods/2018-t2/medborgare-med-mandat-d-2-3-1/kommunstyrelsen", "/follow-up/fund",
    "/follow-up/bodies/rinkeby-kista-stadsdelsnamnd", "/measures/medborgare-med-mandat-d-2-3-1",
    "/follow-up/fund/exempel-civilsamhallslotsar-i-jarva",
    "/measures/dold-potential-a-2-3-1",
    "/dialogues", "/dialogues?area=husby&status=awaitingFeedback", "/dialogues/trygghetsvandring-husby-2026",
    "/dialogues/politikermoten-hagersten-liljeholmen", "/dialogues/reach",
    # The answers to a round's standard questions, and search across the answers.
    "/referrals/remiss-skillnadernas-stockholm-2015/compilation", "/referrals/search?q=unga",
    # Participatory budgets: the list, one voting, one built, proposing, voting, the receipt, the results.
    "/budgets", "/budgets/medborgarbudget-jarva-exempel", "/budgets/medborgarbudget-skarholmen-2025-exempel",
    "/budgets/medborgarbudget-skarholmen-2025-exempel/results", "/budgets/medborgarbudget-skarholmen-2025-exempel/proposals/1",
    "/budgets/ungas-budget-rinkeby-kista-exempel/propose", "/budgets/medborgarbudget-jarva-exempel/vote",
    "/budgets/medborgarbudget-jarva-exempel/receipt", "/budgets/medborgarbudget-jarva-exempel/trail",
    "/budgets/medborgarbudget-jarva-exempel/proposals/7",
    # The register of associations: the districts, one district filtered, an association, signing up.
    "/associations", "/associations?district=skarholmen", "/associations?district=rinkeby-kista&age=30&language=so",
    "/associations/bredangs-fritidsforening-exempel", "/associations/join",
    # Grants: the schemes with the city's rules, one scheme, where the support goes.
    "/grants", "/grants/skarholmen-lokalt-exempel", "/grants/support",
]
SIGNED_IN_PAGES = [
    "/budgets/medborgarbudget-jarva-exempel/codes", "/budgets/medborgarbudget-jarva-exempel/paper",
    "/budgets/ungas-budget-rinkeby-kista-exempel/proposals/1/review",
    "/account", "/admin/users", "/measures/stad-i-samverkan-4-1-1/edit", "/measures/new?report=dold-potential",
    "/bodies/kommunstyrelsen/edit", "/areas/bromma/edit", "/reports/dold-potential/edit", "/roadmap/edit", "/referrals/new", "/referrals/remiss-fordjupningsrapporter-2016/edit",
    "/referrals/remiss-fardplan-2018/answers/skarpnack-stadsdelsnamnd",
    # With another body's joint answer to confirm or withdraw.
    "/referrals/remiss-fordjupningsrapporter-2016/answers/exploateringsnamnden",
    "/measures/stad-i-samverkan-4-1-1/history", "/roadmap", "/reports/stad-i-samverkan", "/indicators/import",
    "/follow-up/decisions/new?measure=dold-potential-a-2-3-1", "/follow-up/budget/new", "/follow-up/periods",
    "/follow-up/fund/capital", "/follow-up/fund/new", "/follow-up/import",
    "/follow-up/periods/2019-t2/dold-potential-a-2-3-1/rinkeby-kista-stadsdelsnamnd",
    "/measures/dold-potential-a-2-3-1",
    # The form to plan a dialogue, and an edit form with its fatigue warning and the area's profile.
    "/dialogues/new", "/dialogues/trygghetsvandring-husby-2026/edit", "/dialogues/import",
    # Reading a statement into an answer.
    "/referrals/remiss-fordjupningsrapporter-2016/answers/spanga-tensta-stadsdelsnamnd/statement",
    # The register's forms and the officials' queue and review.
    "/associations/new", "/associations/bredangs-fritidsforening-exempel/edit", "/associations/mine",
    "/associations/queue", "/associations/rinkeby-foraldranatverk-exempel/review",
    # Grants: an association's one entry and its application form, the handlers' queue.
    "/associations/bredangs-fritidsforening-exempel/grants",
    "/associations/bredangs-fritidsforening-exempel/grants/skarholmen-lokalt-exempel", "/grants/queue",
    "/grants/new", "/grants/skarholmen-lokalt-exempel/edit",
]
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def check(browser, url):
    browser.get(url)
    check_current(browser)


def check_current(browser):
    """axe on the page the browser shows now, such as a form returned with its errors."""
    axe = Axe(browser)
    axe.inject()
    # Called directly rather than through Axe.run so that a failure inside axe is reported, not a timeout.
    results = browser.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(function (r) { done(r); }).catch(function (e) { done({error: String(e)}); });", TAGS)
    assert "error" not in results, results.get("error")
    violations = results["violations"]
    assert not violations, axe.report(violations)
    # The check must have run rules: a page where nothing was tested proves nothing.
    assert len(results["passes"]) > 5


def with_lang(server, path, lang):
    sep = "&" if "?" in path else "?"
    return f"{server}{path}{sep}lang={lang}"


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_no_wcag_violations(server, browser, path, lang):
    check(browser, with_lang(server, path, lang))


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("path", SIGNED_IN_PAGES)
def test_no_wcag_violations_signed_in(server, admin_browser, path, lang):
    check(admin_browser, with_lang(server, path, lang))
