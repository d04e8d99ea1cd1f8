"""Starts a real Skillnad server on a fresh demo database and a real headless Chromium.

SKILLNAD_BIN names the server binary (the debug or release build). Screenshots go to
SKILLNAD_SCREENSHOTS when set.
"""
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


ADMIN_EMAIL = "ada.admin@example.org"
ADMIN_PASSWORD = "a long enough password 42"
# An editor for one district council, who reports on its follow-up assignments.
EDITOR_EMAIL = "erik.editor@example.org"
EDITOR_BODY = "rinkeby-kista-stadsdelsnamnd"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server():
    binary = os.environ.get("SKILLNAD_BIN")
    if not binary or not os.path.exists(binary):
        raise RuntimeError("SKILLNAD_BIN must name the built skillnad binary")
    work = tempfile.mkdtemp(prefix="skillnad-browser-")
    db = os.path.join(work, "browser.sqlite")
    # The demo with the real public data beside the project: area shapes and two indicators.
    shared = os.environ.get("SKILLNAD_SHARED") or os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared")
    subprocess.run([binary, "demo", "--db", db, "--shared", shared], check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    subprocess.run([binary, "user", "add", "--db", db, "--email", ADMIN_EMAIL, "--name", "Ada Admin", "--role", "admin",
                    "--password-stdin"], check=True, input=ADMIN_PASSWORD + "\n", text=True, stdout=subprocess.DEVNULL)
    subprocess.run([binary, "user", "add", "--db", db, "--email", EDITOR_EMAIL, "--name", "Erik Editor", "--role", "editor",
                    "--bodies", EDITOR_BODY, "--password-stdin"], check=True, input=ADMIN_PASSWORD + "\n", text=True,
                   stdout=subprocess.DEVNULL)
    port = free_port()
    log = open(os.path.join(work, "server.log"), "w")
    proc = subprocess.Popen([binary, "serve", "--db", db, "--hostname", "127.0.0.1", "--port", str(port)],
                            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    else:
        proc.kill()
        raise RuntimeError("the server did not start: " + open(os.path.join(work, "server.log")).read())
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
    shutil.rmtree(work, ignore_errors=True)


def make_driver(lang="sv-SE"):
    options = Options()
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.add_argument("--disable-gpu")
    options.add_argument("--disable-dev-shm-usage")
    options.add_argument("--window-size=1280,1000")
    options.add_argument(f"--lang={lang}")
    options.add_experimental_option("prefs", {"intl.accept_languages": lang})
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if os.path.exists(candidate):
            options.binary_location = candidate
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return webdriver.Chrome(service=Service(driver_path), options=options)


@pytest.fixture(scope="session")
def browser():
    driver = make_driver("sv-SE")
    driver.set_script_timeout(30)
    yield driver
    driver.quit()


def screenshots_of(driver):
    """Saves what the driver shows to SKILLNAD_SCREENSHOTS when it is set."""
    folder = os.environ.get("SKILLNAD_SCREENSHOTS")

    def take(name):
        if folder:
            os.makedirs(folder, exist_ok=True)
            driver.save_screenshot(os.path.join(folder, name + ".png"))
    return take


@pytest.fixture
def screenshot(browser):
    """What the anonymous visitor sees."""
    return screenshots_of(browser)


@pytest.fixture
def admin_screenshot(admin_browser):
    """What the signed-in administrator sees (the `screenshot` fixture photographs the other browser)."""
    return screenshots_of(admin_browser)


@pytest.fixture(scope="session")
def admin_browser(server):
    """A second browser, signed in as an administrator through the real form."""
    from selenium.webdriver.common.by import By
    driver = make_driver("sv-SE")
    driver.set_script_timeout(30)
    driver.get(server + "/login")
    driver.find_element(By.ID, "email").send_keys(ADMIN_EMAIL)
    driver.find_element(By.ID, "password").send_keys(ADMIN_PASSWORD)
    from selenium.webdriver.support.ui import WebDriverWait
    driver.find_element(By.CSS_SELECTOR, "form.form button[type=submit]").click()
    WebDriverWait(driver, 15).until(lambda d: "Mitt konto" in d.title, "signing in did not reach the account page")
    yield driver
    driver.quit()


# Phones: two more browsers whose viewport is a small phone's, 320 CSS pixels wide (WCAG 1.4.10 Reflow),
# kept apart from the desktop browsers above so that no other test sees the narrow window.
PHONE_WIDTH = 320
PHONE_HEIGHT = 800


def make_phone_driver():
    driver = make_driver("sv-SE")
    driver.set_script_timeout(30)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": PHONE_WIDTH, "height": PHONE_HEIGHT, "deviceScaleFactor": 1, "mobile": True})
    return driver


def sign_in(driver, server, email=ADMIN_EMAIL):
    """Signs the administrator (or another user) in through the real form, as admin_browser does."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    driver.get(server + "/login")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(ADMIN_PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form.form button[type=submit]").click()
    WebDriverWait(driver, 15).until(lambda d: "Mitt konto" in d.title, "signing in did not reach the account page")


@pytest.fixture(scope="session")
def phone_browser():
    driver = make_phone_driver()
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def phone_admin_browser(server):
    driver = make_phone_driver()
    sign_in(driver, server)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def editor_browser(server):
    """A browser signed in as the editor of one district council."""
    driver = make_driver("sv-SE")
    driver.set_script_timeout(30)
    sign_in(driver, server, EDITOR_EMAIL)
    yield driver
    driver.quit()
