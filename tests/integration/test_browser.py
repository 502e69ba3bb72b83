"""The real front end in a real browser: `streamlit run` on localhost, driven by headless Debian Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from core.settings import Settings
from tests.integration.browser_support import CHROMEDRIVER, CHROMIUM, PASSWORD, chromium, streamlit_app

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER), reason="Debian chromium and chromium-driver are not installed (make browser)"
)


@pytest.fixture
def app_url(vllm_server, tmp_path: Path) -> Iterator[str]:
    # the real embedded vLLM server and both triage detectors, as a patient would meet them
    real = {
        "CAREFORGE_MODEL_NAME": Settings.model_fields["model_name"].default,
        "CAREFORGE_TRIAGE_SEMANTIC": "true",
        "CAREFORGE_REQUEST_TIMEOUT_S": "60",
    }
    log = tmp_path / "streamlit.log"
    with streamlit_app(tmp_path / "data", vllm_server.base_url, {"pat": "patient"}, log, env=real) as url:
        yield url


@pytest.fixture
def browser() -> Iterator[webdriver.Chrome]:
    with chromium(height=1800) as driver:
        yield driver


def test_a_message_in_the_browser_gets_a_grounded_streamed_answer(app_url, browser, tmp_path: Path) -> None:
    browser.get(app_url)
    wait = WebDriverWait(browser, 180)
    fields = wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "input[type='text'], input[type='password']"))
    fields[0].send_keys("pat")
    browser.find_element(By.CSS_SELECTOR, "input[type='password']").send_keys(PASSWORD)
    next(b for b in browser.find_elements(By.TAG_NAME, "button") if b.text.strip() == "Sign in").click()
    box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "textarea[data-testid='stChatInputTextArea']")))
    box.send_keys("I take warfarin and ibuprofen. Is that a problem?")
    box.send_keys(Keys.ENTER)
    wait.until(lambda d: "[ddi:ibuprofen+warfarin]" in d.find_element(By.TAG_NAME, "body").text)
    wait.until(lambda d: "not medical advice" in d.find_element(By.TAG_NAME, "body").text)
    # the turn is over when the answer is drawn whole (no streaming cursor) with its panels
    wait.until(lambda d: "Details: Medicine interaction check" in d.find_element(By.TAG_NAME, "body").text)
    shot = tmp_path / "chat.png"
    browser.save_screenshot(str(shot))
    page = browser.find_element(By.TAG_NAME, "body").text
    assert shot.stat().st_size > 10_000
    assert "Ibuprofen and warfarin can interact in a serious way" in page  # the composed answer, in plain words
    assert "Signed in as Pat (patient)" in page
    assert "Details: Medicine interaction check" in page  # the step's panel, in plain words
    assert "check_drug_interactions" not in page  # no function names for a patient
    assert "Degraded mode" not in page  # the real vLLM server answered
