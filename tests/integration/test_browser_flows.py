"""The front end's flows in headless Debian Chromium, as a nurse, a patient, a technician and an admin use them."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement

from tests.integration.browser_support import CHROMEDRIVER, CHROMIUM, Page, chromium, fake_model, streamlit_app

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER), reason="Debian chromium and chromium-driver are not installed (make browser)"
)
USERS = {"nina": "nurse", "noah": "nurse", "rita": "nurse", "pat": "patient", "tom": "technician", "ada": "admin"}
DRUGS = "Patient on warfarin asks whether ibuprofen is fine for knee pain"


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("browser")
    with fake_model() as model, streamlit_app(folder / "data", model, USERS, folder / "streamlit.log") as url:
        yield url


@pytest.fixture
def page(app_url: str) -> Iterator[Page]:
    with chromium() as driver:
        yield Page(driver, app_url)


def test_after_new_conversation_the_next_message_lands_in_the_new_one(page: Page) -> None:
    page.sign_in("nina")
    page.shot("01-welcome-nurse")
    page.send(DRUGS)
    page.shows("Details: Medicine interaction check")
    page.shot("02-chat-findings")
    page.keyed("new_thread").find_element(By.TAG_NAME, "button").click()
    page.idle()
    assert page.messages() == []  # an empty page, with the examples
    page.send("Check lithium, lisinopril and furosemide")
    messages = "\n".join(page.messages())
    assert "lithium" in messages and "ibuprofen" not in messages
    # the sidebar is redrawn a moment after the answer (a CI run read it before the new title was there)
    page.until(lambda: "Check lithium" in page.sidebar(), "waiting for the new thread in the sidebar")
    titles = page.sidebar()
    assert titles.index("Check lithium") < titles.index("Patient on warfarin")  # newest first
    page.button("Patient on warfarin", "[data-testid='stSidebar']").click()
    page.idle()
    messages = "\n".join(page.messages())
    assert "ibuprofen" in messages and "lithium" not in messages  # each message stayed where it was written


def _titled(field: WebElement) -> bool:
    return field.is_displayed() and "Patient on warfarin" in (field.get_attribute("value") or "")


def test_switch_rename_and_resume_restore_tool_panels_tables_and_sources(page: Page) -> None:
    page.sign_in("noah")
    page.send(DRUGS)
    page.shows("[ddi:ibuprofen+warfarin]")
    page.keyed("new_thread").find_element(By.TAG_NAME, "button").click()
    page.idle()
    page.send("Check lithium and lisinopril")
    page.sign_in("noah")  # a new browser session: only the stored conversation remains
    page.button("Patient on warfarin", "[data-testid='stSidebar']").click()
    page.idle()
    body = page.body()
    assert "Details: Medicine interaction check" in body and "[ddi:ibuprofen+warfarin]" in body
    table = page.driver.find_element(By.CSS_SELECTOR, "[data-testid='stTable']").text
    assert "ibuprofen + warfarin" in table and "What to do" in table and "Source" in table
    assert body.count("[ddi:ibuprofen+warfarin] ibuprofen + warfarin (major)") == 1  # the source listed once
    menus = page.driver.find_elements(By.CSS_SELECTOR, "[class*='st-key-menu-']")
    menus[-1].find_element(By.TAG_NAME, "button").click()  # the oldest conversation's menu (listed last)
    field = page.until(lambda: [f for f in page.driver.find_elements(By.CSS_SELECTOR, "input") if _titled(f)])[0]
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.DELETE)
    field.send_keys("Bed 4 anticoagulation")
    page.button("Save title").click()
    page.idle()
    page.until(lambda: "Bed 4 anticoagulation" in page.sidebar(), "the new title in the list")
    page.shot("03-conversations")


def _photo(path: Path) -> Path:
    rng = np.random.default_rng(3)
    buffer = io.BytesIO()
    Image.fromarray(rng.integers(0, 255, (300, 400, 3), dtype=np.uint8)).save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


def test_a_file_attached_right_after_a_turn_is_shown_and_analysed(page: Page, tmp_path: Path) -> None:
    page.sign_in("tom")
    page.send("Infusion pump occlusion alarm keeps coming back")
    photo = _photo(tmp_path / "pump screen.png")
    page.send("What does this screen say?", photo)
    last_user = page.driver.find_elements(By.CSS_SELECTOR, "[data-testid='stChatMessage']")[-2]
    assert last_user.find_elements(By.TAG_NAME, "img"), "no thumbnail in the user's message"
    assert "pump screen.png" in last_user.text
    page.shows("Details: Image reading")
    assert "_pump screen.png" not in page.body()  # no hashed internal name
    page.shot("04-attachment")


def test_approve_disables_the_form_while_saving_and_the_result_stays(page: Page) -> None:
    page.sign_in("rita")
    page.send("Bed 4 on warfarin 5 mg, INR 3.4, asks about ibuprofen: prepare an SBAR handoff")
    page.shows("waits for review")
    page.page("Reports")
    page.shows("awaiting review")
    page.shot("05-report-review")
    page.driver.execute_script(  # record every state the Approve button goes through
        """
        window.seenDisabled = false;
        new MutationObserver(() => {
          for (const b of document.querySelectorAll('button')) {
            if (b.innerText.trim() === 'Approve' && b.disabled) { window.seenDisabled = true; }
          }
        }).observe(document.body, {subtree: true, childList: true, attributes: true});
        """
    )
    page.button("Approve").click()
    page.shows("approved by Rita")
    page.idle()
    assert page.driver.execute_script("return window.seenDisabled") is True
    time.sleep(2)
    page.page("Reports")  # and after the page runs again
    assert "Nursing handoff (SBAR)" in page.body() and "approved by Rita." in page.body()
    page.shot("06-report-approved")


def _choice(page: Page, key: str) -> str:
    box = page.keyed(key)
    values = [i.get_attribute("value") or "" for i in box.find_elements(By.TAG_NAME, "input")]
    return " ".join(values).strip()


def test_ingest_previews_maps_the_columns_and_counts_what_was_added(page: Page, tmp_path: Path) -> None:
    log = tmp_path / "site log.csv"
    log.write_text(
        "Date,Device,Issue,Fix\n"
        "2026-03-01,ventilator,high pressure alarm after filter change,reseated the expiratory filter\n"
        "2026-03-04,infusion pump,occlusion alarm on every start,replaced the pressure sensor\n"
        ",,,\n"
    )
    page.sign_in("ada")
    page.page("Data")
    page.driver.find_element(By.CSS_SELECTOR, ".st-key-log-upload input[type='file']").send_keys(str(log))
    page.shows("Which field is each column?")
    page.idle()
    page.shows("high pressure alarm after filter change")  # the preview of the first rows
    chosen = {column: _choice(page, f"map-site-log-csv-{column}") for column in ("Date", "Device", "Issue", "Fix")}
    assert chosen["Issue"].startswith("Problem") and chosen["Fix"].startswith("Action")  # suggested from the words
    assert chosen["Device"] == "Equipment type" and chosen["Date"] == "Date"
    page.shot("07-data-mapping")
    page.button("Ingest with this mapping").click()
    page.shows("Why rows were skipped")
    body = page.body()
    assert "added 2 entries" in body and "row 4: no problem/description text" in body
    # the metrics render a moment after the text: wait for them rather than race the re-run
    metrics = page.until(lambda: page.driver.find_elements(By.CSS_SELECTOR, "[data-testid='stMetric']"), "the metrics")
    page.shot("08-data-result", metrics[0])
    page.page("Status")
    page.shows("Maintenance log entries")
    page.shot("09-status")


def test_a_patient_sees_plain_words_and_no_data_pages(page: Page) -> None:
    page.sign_in("pat")
    assert "Data" not in page.sidebar() and "Status" not in page.sidebar()
    page.send("Can I take ibuprofen with my warfarin?")
    body = page.body()
    assert "check_drug_interactions" not in body and "Tools:" not in body
    assert "Deploy" not in body
    page.shot("10-patient")
