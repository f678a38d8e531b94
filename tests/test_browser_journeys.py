"""A learner and an instructor in the real JupyterLab and nbgrader formgrader, driven in headless Chromium.

JupyterLab starts as the README says (`python3 bootstrap.py`, on a free loopback port with a token) in a copy
of the course folder, where `course grade` has already graded a small class of lesson 00. Each step of a
journey saves a screenshot in test-artifacts/browser-journeys/ (kept after the run, named in the test's
output) and fails the test on any browser console error or page error so far, naming the step, as does an
error output or anything written to stderr in a cell of the lesson.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import COURSE, MANIFEST
from known_answers import KNOWN_ANSWERS
from lesson_tools import cells_by_grade_id
from lesson_tools import exercises as exercises_of
from nbgrader.api import Gradebook
from postgres_server import free_port

from likes_to_ledger import notebooks, synthetic
from likes_to_ledger.classgrade import grade_class
from likes_to_ledger.paths import CourseDir
from likes_to_ledger.sandbox import unavailable_reason

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = COURSE.root / "test-artifacts" / "browser-journeys"
LESSON = MANIFEST.lessons[0]
COURSE_ID = "likes-to-ledger"
# What a course copy leaves out: the environment (linked instead), caches, and an instructor's own grading.
NOT_COPIED = {
    ".venv", ".git", ".course", "node_modules", "__pycache__", ".ipynb_checkpoints", ".pytest_cache",
    ".ruff_cache", "build", "test-artifacts", "gradebook.db", "submitted", "autograded", "feedback", "grades",
}  # fmt: skip
STDERR = "application/vnd.jupyter.stderr"  # how JupyterLab marks stderr and error outputs
SECONDS = 1000  # Playwright's timeouts are in milliseconds


# --- the course folder and the server -----------------------------------------------------------------


@dataclass
class JourneyCourse:
    folder: CourseDir
    students: dict[str, synthetic.SyntheticSubmission]  # kind of submission -> the student who made it


@pytest.fixture(scope="module")
def journey_course(tmp_path_factory) -> JourneyCourse:
    """A copy of the course folder with lesson 00 graded for three students (right, partly right, wrong)."""
    if not CHROMIUM:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing on CI: bootstrap.py test should have installed it")
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium)")
    ensure_shared_environment()
    root = tmp_path_factory.mktemp("journeys") / "course"
    shutil.copytree(COURSE.root, root, symlinks=True, ignore=_not_copied)
    # The copy runs in this checkout's environment; bootstrap.py finds it installed and installs nothing.
    (root / ".venv").symlink_to(COURSE.root / ".venv", target_is_directory=True)
    folder = CourseDir(root)
    mix = {"right": 1, "partly": 1, "wrong": 1}
    submissions = synthetic.make_class(COURSE, [LESSON.id], 3, seed=10, mix=mix)
    synthetic.write_submitted(submissions, root)
    # The journeys are not about isolation: where bubblewrap can't run, grade without the sandbox.
    report = grade_class(folder, [LESSON.id], workers=2, progress=None, sandbox=unavailable_reason() is None)
    assert report.ok and len(report.lessons[LESSON.id].graded) == 3, report.text()
    return JourneyCourse(folder, {submission.kind: submission for submission in submissions})


def ensure_shared_environment() -> None:
    """Bring .venv up to date from this checkout first. bootstrap.py in the copy finds the environment
    installed for the copy's pyproject.toml (the same file); were it stale, it would install the course from
    the copy, and point this checkout's environment at a folder the test then deletes."""
    spec = importlib.util.spec_from_file_location("course_bootstrap", COURSE.root / "bootstrap.py")
    bootstrap = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bootstrap)
    bootstrap.ensure_environment(with_test_tools=True)


def _not_copied(folder: str, names: list[str]) -> list[str]:
    return [name for name in names if name in NOT_COPIED]


@dataclass
class LabServer:
    port: int
    token: str
    printed_url: str
    log: list[str]

    @property
    def address(self) -> str:
        """What the learner's browser opens: the server's address, with the token."""
        return f"http://127.0.0.1:{self.port}/?token={self.token}"


@pytest.fixture
def lab(journey_course, tmp_path) -> Iterator[LabServer]:
    """`python bootstrap.py` (the README's main command) in the course copy, told not to open a browser; a
    server of its own for each journey, as each person starts their own."""
    port, token = free_port(), "course-test-token"
    command = [sys.executable, "bootstrap.py", "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1"]
    command += [f"--IdentityProvider.token={token}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    # Private settings and workspaces, so no saved layout changes what opens. JupyterLab's first-run question
    # about news would cover part of every screenshot (a learner answers it once), and the learner saves by
    # hand, so that an autosave never lands between two readings of the file.
    private = tmp_path / "jupyterlab"
    settings = {
        "apputils-extension/notification": {"fetchNews": "false"},
        "docmanager-extension/plugin": {"autosave": False},
    }
    for plugin, values in settings.items():
        path = private / "settings" / "@jupyterlab" / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True)
        path.write_text(json.dumps(values))
    env = dict(
        os.environ,
        JUPYTERLAB_SETTINGS_DIR=str(private / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(private / "workspaces"),
        JUPYTER_RUNTIME_DIR=str(private / "runtime"),
    )
    server = subprocess.Popen(
        command,
        cwd=journey_course.folder.root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
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
        assert not any("Installing" in line for line in log), "bootstrap.py installed the course again"
        yield LabServer(port, token, url, log)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


# --- the browser --------------------------------------------------------------------------------------


@dataclass
class Journey:
    """A browser page that keeps a screenshot of each step and fails a step on any console error so far."""

    name: str
    page: object  # playwright.sync_api.Page
    errors: list[str] = field(default_factory=list)
    screenshots: list[Path] = field(default_factory=list)

    def watch(self) -> None:
        self.page.on("console", lambda message: self._console(message))
        self.page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))

    def _console(self, message) -> None:
        if message.type == "error":
            self.errors.append(f"console error at {message.location.get('url')}: {message.text}")

    def step(self, number: int, what: str) -> None:
        path = ARTIFACTS / f"{self.name}-{number:02d}-{what}.png"
        self.page.screenshot(path=str(path))
        self.screenshots.append(path)
        assert not self.errors, f"{self.name}, step {number} ({what}): the browser reported\n" + "\n".join(
            self.errors
        )


@pytest.fixture
def journey(request) -> Iterator[Journey]:
    from playwright.sync_api import expect, sync_playwright

    # Kernels start, notebooks run and the formgrader loads its tables in seconds; CI machines are slower.
    expect.set_options(timeout=60 * SECONDS)
    name = request.node.name.removeprefix("test_").split("_")[0]  # "learner", "instructor"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob(f"{name}-*.png"):
        old.unlink()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.set_default_timeout(60 * SECONDS)
            journey = Journey(name, page)
            journey.watch()
            yield journey
            page.screenshot(path=str(ARTIFACTS / f"{name}-at-end.png"))  # where a failed journey stopped
            print(f"\nScreenshots of the {name} journey:", *journey.screenshots, sep="\n  ")
        finally:
            browser.close()


# --- the learner --------------------------------------------------------------------------------------


def test_learner_runs_answers_validates_and_checks_lesson_00(lab, journey_course, journey):
    """Does lesson 00 open from the README's command, run all its cells with every check saying *not
    attempted*, say *not yet right* and why to a known wrong answer and *right* to a right one, list only the
    unanswered exercises in nbgrader's Validate, and give the score with `course check` run from a cell,
    without a browser error or an error output?"""
    from playwright.sync_api import expect

    page = journey.page
    notebook_file = journey_course.folder.lesson_notebook(LESSON.id)
    shutil.copyfile(COURSE.lesson_notebook(LESSON.id), notebook_file)  # the lesson as released
    lesson = notebooks.read(notebook_file)
    # Where each graded cell is on the page: its place in the notebook.
    cell_of = {grade_id: lesson.cells.index(cell) for grade_id, cell in cells_by_grade_id(lesson).items()}
    exercises = exercises_of(lesson)
    cells = page.locator(".jp-Notebook .jp-Cell")

    # 1. The printed address leads to lesson 00, with nbgrader's Validate button and menu.
    assert f"/lab/tree/lessons/{LESSON.id}/{LESSON.id}.ipynb" in lab.printed_url
    open_lab(page, lab)
    expect(page.locator(".lm-TabBar-tabLabel", has_text=f"{LESSON.id}.ipynb")).to_be_visible()
    expect(page.get_by_role("button", name="Validate")).to_be_visible()
    expect(cells).to_have_count(len(lesson.cells))
    page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
    menu = page.locator(".lm-Menu-itemLabel")
    expect(menu.filter(has_text="Assignment List")).to_be_visible()
    expect(menu.filter(has_text="Formgrader").first).to_be_visible()
    journey.step(1, "lesson-opened")
    page.keyboard.press("Escape")

    # 2. Run → Run All Cells: every code cell runs; each check says "not attempted", and nothing errs.
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    last_check = cells.nth(cell_of[f"{exercises[-1]}_check"])
    expect(last_check.locator(".jp-OutputArea-output")).to_contain_text("Not attempted")
    wait_until_every_code_cell_ran(page)
    for exercise in exercises:
        output = cells.nth(cell_of[f"{exercise}_check"]).locator(".jp-OutputArea-output")
        expect(output).to_have_text(re.compile(r"^Not attempted · Not attempted yet"))
    assert_no_error_outputs(page, "after Run All")
    # Select the first check cell (a click on its prompt), so that JupyterLab keeps it in view, and centre it.
    cells.nth(cell_of["ex1_check"]).locator(".jp-InputPrompt").click()
    first_check = cells.nth(cell_of["ex1_check"]).locator(".jp-OutputArea-output")
    first_check.evaluate("output => output.scrollIntoView({block: 'center'})")
    expect(first_check).to_be_in_viewport()
    journey.step(2, "run-all-not-attempted")

    # The saved notebook holds the same: every code cell ran, none wrote an error or to stderr.
    save(page)
    saved = notebooks.read(notebook_file)
    code_cells = [cell for cell in saved.cells if cell.cell_type == "code"]
    assert all(cell.execution_count for cell in code_cells), "a code cell did not run"
    for index, cell in enumerate(saved.cells):
        for output in cell.get("outputs", []):
            assert output.output_type != "error", f"cell {index} raised: {output.get('evalue')}"
            assert output.get("name") != "stderr", f"cell {index} wrote to stderr: {output.get('text')}"

    # 3. A known wrong answer to exercise 1, run with its check (Shift+Enter twice): "not yet right", and why.
    known = KNOWN_ANSWERS[LESSON.id]["ex1"]
    # A mistake the check still recognises after Run All, whose later cells add columns to `posts`
    # (counting them would then give another number than the one the check knows as a mistake).
    mistake = "counts one network"
    wrong_code = known["wrong"][mistake]
    check = cells.nth(cell_of["ex1_check"]).locator(".jp-OutputArea-output")
    answer_and_run(page, cells.nth(cell_of["ex1_answer"]), wrong_code)
    expect(check).to_have_text(re.compile(r"^Not yet right · "))
    expect(check).to_contain_text(re.compile(re.escape(known["says"][mistake]), re.IGNORECASE))
    assert_no_error_outputs(page, "after a wrong answer to exercise 1")
    journey.step(3, "exercise-1-not-yet-right")

    # 4. A known right answer: "right".
    answer_and_run(page, cells.nth(cell_of["ex1_answer"]), known["right"][0])
    expect(check).to_have_text(re.compile(r"^Right · Right: n_posts is correct"))
    assert_no_error_outputs(page, "after the right answer to exercise 1")
    journey.step(4, "exercise-1-right")

    # 5. nbgrader's Validate: it lists the checks of the exercises not yet answered, and not exercise 1's.
    page.get_by_role("button", name="Validate").click()
    dialog = page.locator(".jp-Dialog")
    expect(dialog).to_contain_text("Validation Results", timeout=120 * SECONDS)
    results = dialog.inner_text()
    failed = set(re.findall(r'The following cell failed:\s*check\("(ex\d+)"\)', results))
    assert failed == set(exercises) - {"ex1"}
    # Each with the check's message, and none with a traceback through the course's checks module.
    assert results.count("NotAttempted: Not attempted yet") == len(failed)
    assert "course_checks.py" not in results and "Traceback" not in results, results
    journey.step(5, "validate")
    dialog.get_by_role("button", name="Ok").click()
    expect(dialog).to_have_count(0)

    # 6. `course check` from a new cell at the end grades the saved notebook: exercise 1 right, 1 point.
    save(page)
    saved_before_check = hashlib.sha256(notebook_file.read_bytes()).hexdigest()
    page.get_by_role("button", name="Click to add a cell.").click()
    expect(cells).to_have_count(len(lesson.cells) + 1)
    new_cell = cells.nth(len(lesson.cells))
    new_cell.locator(".cm-content").click()
    page.keyboard.type(f"!course check {LESSON.id}.ipynb")
    page.keyboard.press("Shift+Enter")
    report = new_cell.locator(".jp-OutputArea-output")
    ran = re.compile(r"\[\d+\]")  # the prompt of a cell that has finished: [23]
    expect(new_cell.locator(".jp-InputArea-prompt")).to_have_text(ran, timeout=180 * SECONDS)
    expect(report).to_contain_text("Score:")
    ex1_points = points_of(lesson, "ex1_check")
    text = report.inner_text()
    assert re.search(rf"ex1 How many posts did we publish\?\s+{ex1_points:g} / {ex1_points:g}\s+right", text)
    for exercise in set(exercises) - {"ex1"}:
        points = points_of(lesson, f"{exercise}_check")
        assert re.search(rf"{exercise} .*\s0 / {points:g}\s+not attempted", text), exercise
    assert f"Score: {ex1_points:g} / {LESSON.autograded_points:g} autograded points" in text
    assert "Traceback" not in text and "Error" not in text, text
    # `course check` reads the notebook and writes its feedback page beside it, never into it.
    assert hashlib.sha256(notebook_file.read_bytes()).hexdigest() == saved_before_check
    assert notebook_file.with_name(f"{LESSON.id}.feedback.html").is_file()
    assert_no_error_outputs(page, "after course check")
    report.scroll_into_view_if_needed()
    journey.step(6, "course-check")


def open_lab(page, lab: LabServer) -> None:
    """Open the address the server printed, and wait until JupyterLab has opened lesson 00 and connected it
    to its kernel: by then it has restored its layout, so no tab it restores late takes the focus."""
    from playwright.sync_api import expect

    page.goto(lab.address)
    expect(page.locator(".jp-Notebook h1").first).to_contain_text(f"Lesson {LESSON.number}")
    expect(page.get_by_role("button", name=re.compile(r"\| Idle$"))).to_be_visible()


def answer_and_run(page, answer_cell, code: str) -> None:
    """Type the code into the answer cell in place of what it holds, then run it and the check cell under
    it, as the lesson says: Shift+Enter twice."""
    answer_cell.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.type(code)
    page.keyboard.press("Shift+Enter")
    page.keyboard.press("Shift+Enter")


def wait_until_every_code_cell_ran(page) -> None:
    """Every code cell of the open notebook shows an execution count ("[12]:"), none a "[*]:"."""
    page.wait_for_function(
        """() => {
            const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputArea-prompt')];
            return prompts.length > 0 && prompts.every(prompt => /\\[\\d+\\]/.test(prompt.textContent));
        }"""
    )


def assert_no_error_outputs(page, when: str) -> None:
    """No cell of the open notebook shows an error or anything written to stderr."""
    outputs = page.locator(f'.jp-Notebook .jp-OutputArea-output[data-mime-type="{STDERR}"]')
    texts = [outputs.nth(n).text_content()[:500] for n in range(outputs.count())]
    assert not texts, f"error output {when}:\n" + "\n---\n".join(texts)


def save(page) -> None:
    """File → Save Notebook, and wait for the server's answer: it writes the file in place, so the file is
    whole only then."""
    page.locator(".lm-MenuBar-itemLabel", has_text="File").click()
    notebook = f"/api/contents/lessons/{LESSON.id}/{LESSON.id}.ipynb"
    with page.expect_response(saved_through(notebook)) as response:
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Save Notebook$")).click()
    assert response.value.ok, f"saving the notebook failed: {response.value.status}"


def saved_through(api_path: str):
    """Matches the server's answer to a PUT on an API path (how JupyterLab and the formgrader save)."""
    return lambda response: api_path in response.url and response.request.method == "PUT"


def points_of(nb, grade_id: str) -> float:
    return cells_by_grade_id(nb)[grade_id].metadata["nbgrader"]["points"]


# --- the instructor -----------------------------------------------------------------------------------


def test_instructor_sees_lessons_and_a_graded_submission_and_grades_by_hand(lab, journey_course, journey):
    """In the formgrader, does the instructor see every lesson, lesson 00's graded submissions with their
    scores, and a submission's autograded checks, and are a hand grade and a comment entered there saved in
    the gradebook, without a browser error?"""
    from playwright.sync_api import expect

    page = journey.page
    student = journey_course.students["right"].student_id
    db_url = f"sqlite:///{journey_course.folder.root / 'gradebook.db'}"
    with Gradebook(db_url, COURSE_ID) as gradebook:
        graded = {
            submission.student.id: (submission.id, submission.score, submission.max_score)
            for submission in gradebook.notebook_submissions(LESSON.id, LESSON.id)
        }
        written = gradebook.find_grade("written1", LESSON.id, LESSON.id, student)
        assert written.manual_score is None and written.needs_manual_grade

    # 1. Nbgrader → Formgrader: every lesson of the course, and lesson 00's three submissions.
    open_lab(page, lab)
    page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
    page.locator(".lm-Menu-itemLabel", has_text="Formgrader").first.click()
    expect(page.locator(".lm-TabBar-tab.lm-mod-current", has_text="Formgrader")).to_be_visible()
    formgrader = page.frame_locator(".jp-MainAreaWidget iframe")
    rows = formgrader.locator("table tbody tr")
    for lesson in MANIFEST.lessons:
        expect(rows.filter(has=formgrader.get_by_role("link", name=lesson.id, exact=True))).to_have_count(1)
    row = rows.filter(has=formgrader.get_by_role("link", name=LESSON.id, exact=True))
    expect(row).to_contain_text(str(len(graded)))
    journey.step(1, "formgrader-lessons")

    # 2. Manual Grading → lesson 00 → its notebook: each submission with its score from the gradebook.
    formgrader.get_by_role("link", name="Manual Grading").click()
    formgrader.get_by_role("link", name=LESSON.id, exact=True).click()
    formgrader.get_by_role("link", name=LESSON.id, exact=True).last.click()
    for submission_id, score, max_score in graded.values():
        row = rows.filter(has=submission_link(formgrader, submission_id))
        expect(row).to_contain_text(f"{score:g} / {max_score:g}")
    journey.step(2, "submissions-with-scores")

    # 3. The right answer's submission: every autograded check scored full, the written answer waiting.
    submission_id = graded[student][0]
    submission_link(formgrader, submission_id).click()
    score_box = formgrader.locator("input.score#written1")
    expect(score_box).to_be_visible()
    # The page is ready once MathJax, served by the Jupyter server itself, has typeset it. (Its script runs
    # before the page's body: a MathJax that is not there by now failed to load, a console error.)
    grading_page = page.frame(url=re.compile(r"/formgrader/submissions/"))
    grading_page.wait_for_function("() => !window.MathJax || window.MathJax.loaded")
    expect(score_box).to_have_class(re.compile(r"needs_manual_grade"))
    for grade_id, deserved in journey_course.students["right"].expected.items():
        # The autograded score shows greyed in the box (its placeholder), ready to be overridden.
        autograded = formgrader.locator(f"input.score#{grade_id}")
        expect(autograded).to_have_attribute("placeholder", f"{deserved:g}")
        expect(autograded).to_have_value("")
    last_check = formgrader.locator(f"input.score#{list(journey_course.students['right'].expected)[-1]}")
    last_check.click()  # the formgrader scrolls to the box the instructor is on
    expect(last_check).to_be_in_viewport()
    journey.step(3, "graded-submission")

    # 4. A hand grade and a comment for the written answer: the formgrader saves each as it is left.
    comment = "Clear recommendation. Next time, quote the reach of the network you recommend."
    lesson = notebooks.read(journey_course.folder.lesson_notebook(LESSON.id))
    hand_score = points_of(lesson, "written1") - 1
    with page.expect_response(saved_through("/formgrader/api/grade/")) as put:
        score_box.fill(f"{hand_score:g}")
        score_box.press("Tab")
    assert put.value.ok
    comment_box = formgrader.locator("textarea#written1-comment")
    with page.expect_response(saved_through("/formgrader/api/comment/")) as put:
        comment_box.fill(comment)
        comment_box.press("Tab")
    assert put.value.ok
    journey.step(4, "hand-grade-entered")

    # The gradebook holds them.
    with Gradebook(db_url, COURSE_ID) as gradebook:
        grade = gradebook.find_grade("written1", LESSON.id, LESSON.id, student)
        assert (grade.manual_score, grade.needs_manual_grade) == (hand_score, False)
        assert gradebook.find_comment("written1", LESSON.id, LESSON.id, student).manual_comment == comment
        total = gradebook.find_submission_notebook(LESSON.id, LESSON.id, student).score
    assert total == graded[student][1] + hand_score

    # 5. Back in the list of submissions, the new total shows.
    formgrader.get_by_role("link", name=LESSON.id, exact=True).last.click()
    row = rows.filter(has=submission_link(formgrader, submission_id))
    expect(row).to_contain_text(f"{total:g} / {graded[student][2]:g}")
    journey.step(5, "hand-grade-saved")


def submission_link(formgrader, submission_id: str):
    """The link "Submission #N" to a submission in the formgrader's list (its twin, with the student's name,
    is hidden until the instructor chooses to show names)."""
    return formgrader.locator(f'a.name-hidden[href$="/formgrader/submissions/{submission_id}"]')
