"""Signing in through a real OpenID Connect provider in a real browser: Skillnad's sign-in page, the
provider's own form (oidc-provider-mock from PyPI, named by SKILLNAD_OIDC_PROVIDER), back to
Skillnad signed in, and signing out at both. The server is a second one, started with the provider's
settings, on its own demo database; the groups table makes the person an editor of one district.
"""
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import free_port, make_driver
from test_accessibility import check_current

PROVIDER = os.environ.get("SKILLNAD_OIDC_PROVIDER")


def wait_for(url, proc, log):
    for _ in range(150):
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"{url} did not answer: " + open(log).read())


@pytest.fixture(scope="module")
def oidc_site():
    if not PROVIDER or not os.path.exists(PROVIDER):
        raise RuntimeError("SKILLNAD_OIDC_PROVIDER must name oidc-provider-mock (.ci/run installs it)")
    work = tempfile.mkdtemp(prefix="skillnad-oidc-")
    provider_port = free_port()
    provider_log = os.path.join(work, "provider.log")
    provider = subprocess.Popen([PROVIDER, "--port", str(provider_port)], stdout=open(provider_log, "w"),
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    issuer = f"http://127.0.0.1:{provider_port}"
    wait_for(issuer + "/.well-known/openid-configuration", provider, provider_log)
    claims = {"email": "olle.oidc@stockholm.se", "name": "Olle Oidc", "groups": ["Skillnad-Rinkeby"]}
    request = urllib.request.Request(issuer + "/users/olle", data=json.dumps(claims).encode(), method="PUT",
                                     headers={"Content-Type": "application/json"})
    urllib.request.urlopen(request, timeout=5)

    binary = os.environ["SKILLNAD_BIN"]
    db = os.path.join(work, "oidc.sqlite")
    subprocess.run([binary, "demo", "--db", db], check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    groups = os.path.join(work, "groups.csv")
    with open(groups, "w") as table:
        table.write("# group;role;bodies\nSkillnad-Rinkeby;editor;rinkeby-kista-stadsdelsnamnd\n")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, SKILLNAD_PUBLIC_URL=base, SKILLNAD_OIDC_ISSUER=issuer, SKILLNAD_OIDC_CLIENT_ID="skillnad",
               SKILLNAD_OIDC_CLIENT_SECRET="browser-secret", SKILLNAD_SIGN_IN_CREATE_USERS="on",
               SKILLNAD_SIGN_IN_GROUPS=groups, SKILLNAD_LOCAL_PASSWORDS="off",
               SKILLNAD_OIDC_TRUST_EMAIL="on")
    server_log = os.path.join(work, "server.log")
    server = subprocess.Popen([binary, "serve", "--db", db, "--hostname", "127.0.0.1", "--port", str(port)], env=env,
                              stdout=open(server_log, "w"), stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    wait_for(base + "/healthz", server, server_log)
    yield base, issuer
    for proc in (server, provider):
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="module")
def oidc_browser():
    """One browser for the module's journeys: the language comes from each page's address."""
    driver = make_driver("sv-SE")
    driver.set_script_timeout(30)
    yield driver
    driver.quit()


def test_sign_in_and_out_through_the_provider(oidc_site, oidc_browser):
    base, issuer = oidc_site
    driver = oidc_browser
    driver.get(base + "/login")
    # Passwords are switched off for staff: the form is there for association administrators only, and
    # says so; the page passes axe.
    assert "Föreningsadministratörer loggar in med lösenord" in driver.find_element(By.TAG_NAME, "main").text
    check_current(driver)
    driver.find_element(By.LINK_TEXT, "Logga in med kommunens konto").click()
    WebDriverWait(driver, 15).until(lambda d: d.current_url.startswith(issuer + "/oauth2/authorize"))
    driver.find_element(By.NAME, "sub").send_keys("olle")
    driver.find_element(By.XPATH, "//button[normalize-space()='Authorize']").click()
    WebDriverWait(driver, 15).until(lambda d: "Mitt konto" in d.title, "the provider did not send us back signed in")
    page = driver.find_element(By.TAG_NAME, "main").text
    assert "olle.oidc@stockholm.se" in page
    assert "Rinkeby-Kista" in page or "rinkeby-kista" in page
    # Signing out ends the session here and goes to the provider's end of session.
    driver.find_element(By.CSS_SELECTOR, "form[action^='/logout'] button").click()
    WebDriverWait(driver, 15).until(lambda d: d.current_url.startswith(issuer + "/oauth2/end_session"))
    driver.find_element(By.XPATH, "//button[normalize-space()='End session']").click()
    WebDriverWait(driver, 15).until(lambda d: d.current_url.startswith(base))
    driver.get(base + "/account")
    assert "/login" in driver.current_url


def test_english_sign_in_page_passes_axe(oidc_site, oidc_browser):
    base, _ = oidc_site
    oidc_browser.get(base + "/login?lang=en")
    assert oidc_browser.find_element(By.LINK_TEXT, "Sign in with the municipality's account")
    check_current(oidc_browser)
