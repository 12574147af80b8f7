"""The real dashboard in headless Chromium (Debian's /usr/bin/chromium, driven
by Playwright): overview -> click a country pair -> open an event -> the
evidence sentence is highlighted. Screenshots go to artifacts/screenshots/."""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install '.[web]')")
playwright_api = pytest.importorskip("playwright.sync_api")
from conftest import REPO  # noqa: E402

from diplograph.web import create_app  # noqa: E402

CHROMIUM = os.environ.get("DIPLOGRAPH_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = REPO / "artifacts" / "screenshots"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

if not Path(CHROMIUM).exists():
    pytest.skip("Chromium is not installed (apt-get install chromium; .ci/run installs it)",
                allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(sample_store):
    import uvicorn

    path = sample_store("browser")
    port = _free_port()
    config = uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(100):
        if running.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        yield context.new_page()
        browser.close()


def test_web_browser_overview_to_evidence(server, page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(server + "/")
    assert page.title().startswith("Overview")
    assert page.locator("svg.network line").count() >= 5
    page.screenshot(path=str(SHOTS / "overview.png"), full_page=True)

    # click the pair's edge where a user would: on the line, at the first point
    # from a third of the way along that no other pair's edge covers
    edge = page.locator('svg.network a[data-dyad="CIV-KHM"] line.hit')
    point = edge.evaluate("""l => {
        const m = l.getScreenCTM();
        for (const t of [1/3, 0.25, 0.4, 0.2, 0.5, 0.15, 0.6, 0.7, 0.8, 0.1, 0.9]) {
            const at = (a, b) => (1 - t) * +l.getAttribute(a) + t * +l.getAttribute(b);
            const p = new DOMPoint(at('x1', 'x2'), at('y1', 'y2')).matrixTransform(m);
            const hit = document.elementFromPoint(p.x, p.y);
            if (hit && hit.closest('a') === l.closest('a')) return [p.x, p.y];
        }
        return null; }""")
    assert point is not None, "the CIV-KHM edge is covered everywhere by other edges"
    page.mouse.click(*point)
    page.wait_for_url("**/dyad/CIV-KHM")
    assert page.locator("h1").inner_text() == "CIV-KHM"
    assert page.locator("svg.timeline circle").count() >= 5
    page.screenshot(path=str(SHOTS / "dyad.png"), full_page=True)

    page.locator("table.events a").first.click()
    page.wait_for_url("**/events/E*")
    mark = page.locator("mark.evidence").first
    assert mark.is_visible() and len(mark.inner_text()) > 20
    background = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    page.screenshot(path=str(SHOTS / "event.png"), full_page=True)

    page.locator(".report h3 a").first.click()
    page.wait_for_url("**/documents/D*")
    assert page.locator(".k-event").count() >= 1
    page.screenshot(path=str(SHOTS / "document.png"), full_page=True)


def test_web_browser_search_and_upload(server, page):
    page.goto(server + "/")
    page.fill("header input[name=q]", "Chhem")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Chhem")
    assert "Chhem Vannak" in page.content()
    page.goto(server + "/upload")
    page.fill("textarea[name=text]", "Texte trop court pour un événement.")
    page.click("button[type=submit]")
    assert page.locator("h2", has_text="stored").count() == 1
