"""The README's main command opens JupyterLab on lesson 00 with nbgrader's menus (real Chromium)."""

import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest
from conftest import COURSE, MANIFEST

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def lab_server(tmp_path):
    """`python bootstrap.py` (the README's main command), told not to open a browser of its own."""
    if not CHROMIUM:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing on CI: bootstrap.py test should have installed it")
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium)")
    port, token = free_port(), "course-test-token"
    command = [sys.executable, "bootstrap.py", "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1"]
    command += [f"--IdentityProvider.token={token}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    # A private settings and workspace folder, so no saved layout changes what opens.
    env = dict(
        os.environ,
        JUPYTERLAB_SETTINGS_DIR=str(tmp_path / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "workspaces"),
        JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
    )
    server = subprocess.Popen(
        command,
        cwd=COURSE.root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    # JupyterLab makes checkpoints of the notebooks it opens: remove the ones this test causes.
    checkpoints = [COURSE.lesson_folder(lesson.id) / ".ipynb_checkpoints" for lesson in MANIFEST.lessons]
    checkpoints = [folder for folder in checkpoints if not folder.exists()]
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout], daemon=True).start()
    log, deadline, url = [], time.monotonic() + 300, None
    while url is None and time.monotonic() < deadline and server.poll() is None:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        log.append(line)
        if f"http://127.0.0.1:{port}/" in line:
            url = line.split()[-1]
    try:
        assert url, "JupyterLab did not start:\n" + "".join(log[-30:])
        yield {"port": port, "token": token, "printed_url": url, "log": log}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        for folder in checkpoints:
            shutil.rmtree(folder, ignore_errors=True)


def test_main_command_opens_lesson_00_with_nbgrader_menus(lab_server, tmp_path):
    """Does `python bootstrap.py` serve the course, open lesson 00, and show nbgrader's menu and Validate?"""
    from playwright.sync_api import expect, sync_playwright

    first = MANIFEST.lessons[0]
    assert f"/lab/tree/lessons/{first.id}/{first.id}.ipynb" in lab_server["printed_url"]

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            # What the learner's browser opens: the server's address, which leads to the lesson.
            page.goto(f"http://127.0.0.1:{lab_server['port']}/?token={lab_server['token']}")
            expect(page.locator(".lm-TabBar-tabLabel", has_text=f"{first.id}.ipynb")).to_be_visible(
                timeout=60_000
            )
            expect(page.locator(".jp-Notebook h1").first).to_contain_text(
                f"Lesson {first.number}", timeout=30_000
            )
            expect(page.get_by_role("button", name="Validate")).to_be_visible()

            page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
            menu = page.locator(".lm-Menu-itemLabel")
            expect(menu.filter(has_text="Assignment List")).to_be_visible()
            expect(menu.filter(has_text="Formgrader").first).to_be_visible()
            page.screenshot(path=str(tmp_path / "jupyterlab.png"))
        finally:
            browser.close()
