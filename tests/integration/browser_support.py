"""Driving the real front end: `streamlit run` on localhost with a small OpenAI-compatible stand-in for the model,
headless Debian Chromium at 1400x1000, and helpers that wait on what a person would see."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
PASSWORD = "a long browser test password"
MODEL = "fake-careforge-model"
REPLY = "Ask your pharmacist or doctor before combining these medicines."
# Set CAREFORGE_SCREENSHOTS=docs/screenshots to refresh the README's screenshots from these tests.
SHOTS = Path(os.environ["CAREFORGE_SCREENSHOTS"]) if os.environ.get("CAREFORGE_SCREENSHOTS") else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Model(BaseHTTPRequestHandler):
    """/models, and chat completions (plain and streamed) that always say REPLY; tool calls are refused (rules)."""

    def log_message(self, *args: Any) -> None:
        pass

    def _json(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        self._json(200, {"object": "list", "data": [{"id": MODEL, "object": "model"}]})

    def do_POST(self) -> None:  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        if body.get("tools"):
            self._json(400, {"error": {"message": "tools are not supported"}})
            return
        if not body.get("stream"):
            message = {"role": "assistant", "content": REPLY}
            choice = {"index": 0, "message": message, "finish_reason": "stop"}
            self._json(200, {"id": "c1", "object": "chat.completion", "model": MODEL, "choices": [choice]})
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        for delta, finish in (({"role": "assistant", "content": REPLY}, None), ({}, "stop")):
            chunk = {"id": "c1", "object": "chat.completion.chunk", "model": MODEL}
            chunk["choices"] = [{"index": 0, "delta": delta, "finish_reason": finish}]
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
        self.wfile.write(b"data: [DONE]\n\n")


@contextmanager
def fake_model() -> Iterator[str]:
    """An OpenAI-compatible endpoint on localhost; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), _Model)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()


@contextmanager
def streamlit_app(
    data_dir: Path, model_url: str, users: dict[str, str], log: Path, env: dict[str, str] | None = None
) -> Iterator[str]:
    """The app on a free port with its own data directory and these users (name -> role); yields its URL.

    ``env`` overrides the defaults (the fake model, phrase rules only), e.g. to run against the real vLLM server.
    """
    from core.users import UserStore

    store = UserStore(data_dir / "users.sqlite")
    for name, role in users.items():
        store.add(name, PASSWORD, role, display_name=name.capitalize())
    port = free_port()
    environment = {
        **os.environ,
        "CAREFORGE_DATA_DIR": str(data_dir),
        "CAREFORGE_MODEL_BASE_URL": model_url,
        "CAREFORGE_MODEL_NAME": MODEL,
        "CAREFORGE_TRIAGE_SEMANTIC": "false",  # the phrase rules are enough here; triage has its own tests
        "CAREFORGE_REQUEST_TIMEOUT_S": "30",
        **(env or {}),
    }
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "ui" / "app.py"), "--server.headless", "true"]
    command += ["--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=out, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.time() + 90
            while time.time() < deadline:
                try:
                    if httpx.get(f"{url}/_stcore/health", timeout=2).text == "ok":
                        break
                except httpx.HTTPError:
                    time.sleep(0.5)
            else:
                raise RuntimeError(log.read_text())
            yield url
        finally:
            process.terminate()
            process.wait(timeout=20)


@contextmanager
def chromium(height: int = 1000) -> Iterator[webdriver.Chrome]:
    """Headless Debian Chromium, 1400 wide, offline (Selenium Manager never downloads a driver)."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or ""
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--window-size=1400,{height}",
    ):
        options.add_argument(flag)
    os.environ["SE_OFFLINE"] = "true"  # never let Selenium Manager try to download a driver
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER or ""), options=options)
    try:
        driver.set_window_size(1400, height)
        yield driver
    finally:
        driver.quit()


class Page:
    """A person at the browser: signs in, types, clicks what they can read, waits for what appears."""

    def __init__(self, driver: webdriver.Chrome, url: str, timeout: float = 180) -> None:
        self.driver, self.url = driver, url
        self.wait = WebDriverWait(driver, timeout, poll_frequency=0.2)

    def body(self) -> str:
        return self.driver.find_element(By.TAG_NAME, "body").text

    def until(self, check: Callable[[], Any], message: str = "") -> Any:
        return self.wait.until(lambda _d: check(), message)

    def shows(self, text: str) -> None:
        self.until(lambda: text in self.body(), f"waiting for {text!r}")

    def idle(self) -> None:
        """Wait until the script run is over (Streamlit's running indicator is gone)."""
        time.sleep(0.5)
        busy = "[data-testid^='stStatusWidgetRunning'], [data-stale='true']"
        self.until(lambda: not self.driver.find_elements(By.CSS_SELECTOR, busy), "waiting for the run to finish")

    def sign_in(self, username: str) -> None:
        self.driver.get(self.url)
        field = self.until(lambda: self.driver.find_elements(By.CSS_SELECTOR, "input[type='text']"))[0]
        field.send_keys(username)
        self.driver.find_element(By.CSS_SELECTOR, "input[type='password']").send_keys(PASSWORD)
        self.button("Sign in").click()
        self.until(lambda: self.driver.find_elements(By.CSS_SELECTOR, "[data-testid='stChatInputTextArea']"))
        self.idle()

    def button(self, label: str, within: str = "body") -> WebElement:
        def find() -> WebElement | None:
            for b in self.driver.find_elements(By.CSS_SELECTOR, f"{within} button"):
                if label in b.text and b.is_displayed():
                    return b
            return None

        return self.until(find, f"waiting for a button {label!r}")

    def keyed(self, key: str) -> WebElement:
        return self.until(lambda: self.driver.find_elements(By.CSS_SELECTOR, f".st-key-{key}"))[0]

    def send(self, text: str, *files: Path) -> None:
        """Attach the files with the message box's clip, type, press Enter, and wait for the finished answer."""
        for path in files:
            box = self.driver.find_element(By.CSS_SELECTOR, "[data-testid='stChatInput'] input[type='file']")
            box.send_keys(str(path))
            self.until(lambda p=path: p.name in self.body(), f"waiting for {path.name} to be staged")
        before = len(self.messages())
        area = self.until(lambda: self.driver.find_element(By.CSS_SELECTOR, "[data-testid='stChatInputTextArea']"))
        area.send_keys(text)
        area.send_keys(Keys.ENTER)
        self.until(lambda: len(self.messages()) >= before + 2, "waiting for the answer")
        self.idle()

    def messages(self) -> list[str]:
        return [m.text for m in self.driver.find_elements(By.CSS_SELECTOR, "[data-testid='stChatMessage']")]

    def sidebar(self) -> str:
        return self.driver.find_element(By.CSS_SELECTOR, "[data-testid='stSidebar']").text

    def page(self, name: str) -> None:
        radio = self.driver.find_elements(By.CSS_SELECTOR, ".st-key-view label")
        next(r for r in radio if r.text.strip() == name).click()
        self.idle()

    def shot(self, name: str, scroll_to: WebElement | None = None) -> None:
        """A 1400x1000 screenshot of what is on screen now (kept under docs/screenshots when asked for)."""
        if scroll_to is not None:
            self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", scroll_to)
            time.sleep(0.3)
        if SHOTS is not None:
            SHOTS.mkdir(parents=True, exist_ok=True)
            self.driver.save_screenshot(str(SHOTS / f"{name}.png"))
