"""The formgrader's submission page loads MathJax from the Jupyter server itself, not from the internet.

nbgrader's formgrade template loads MathJax from cdnjs; grader_config.py puts our formgrade/mathjax.html.j2
(likes_to_ledger/formgrader_templates) first among the template folders, and jupyter_server_mathjax serves
MathJax. These tests render pages the way nbgrader does, without a server or a browser (the browser test
opens the real page).
"""

from __future__ import annotations

import re
from pathlib import Path

import nbgrader
import pytest
from conftest import COURSE

import likes_to_ledger
from likes_to_ledger import notebooks
from likes_to_ledger.classgrade import course_directory, load_nbgrader_config

LESSON = "00-orientation"
NBGRADER_TEMPLATES = Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "templates"
OUR_TEMPLATES = Path(likes_to_ledger.__file__).parent / "formgrader_templates"
# Where jupyter_server_mathjax serves MathJax from: {base_url}static/jupyter_server_mathjax/...
LOCAL_MATHJAX = re.compile(r"/static/jupyter_server_mathjax/(?P<file>[\w.]+)\?config=(?P<configs>[\w,-]+)")


def submission_page(base_url: str) -> tuple[str, str]:
    """The formgrader's page for a submission of Lesson 00 (the student version, as handed in untouched),
    rendered by an HTMLExporter configured as the formgrader configures its own (nbgrader's settings, then
    the course's config files), and the file that the page's mathjax() macro came from."""
    from nbconvert.exporters import HTMLExporter
    from nbgrader.server_extensions.formgrader.formgrader import FormgradeExtension

    formgrader = FormgradeExtension()
    formgrader.initialize([], root=str(COURSE.root))
    exporter = HTMLExporter(config=formgrader.config)
    # What nbgrader's SubmissionHandler passes (nbgrader/server_extensions/formgrader/handlers.py).
    resources = {
        "assignment_id": LESSON,
        "notebook_id": LESSON,
        "submission_id": "0123456789abcdef",
        "index": 0,
        "total": 1,
        "base_url": base_url,
        "student": "s001",
        "last_name": None,
        "first_name": None,
        "notebook_path": f"autograded/s001/{LESSON}/{LESSON}.ipynb",
    }
    html, _ = exporter.from_filename(str(COURSE.lesson_notebook(LESSON)), resources=resources)
    return html, exporter.environment.get_template("mathjax.html.j2").filename


@pytest.fixture(scope="module")
def page_under_jupyterhub() -> str:
    html, macro_file = submission_page("/user/grader")
    assert Path(macro_file) == OUR_TEMPLATES / "formgrade" / "mathjax.html.j2"
    return html


def test_submission_page_loads_mathjax_from_the_server_not_the_internet(page_under_jupyterhub):
    """Does the formgrader's submission page load MathJax from jupyter_server_mathjax, under the server's
    base_url, and from nowhere on the internet?"""
    html = page_under_jupyterhub
    assert "cdnjs" not in html
    assert "https://" not in html.split("</head>")[0]
    assert len(LOCAL_MATHJAX.findall(html)) == 1
    # The script that writes the <script src> reads the page's `base_url`, which nbgrader defines before it
    # as "<server base_url>/formgrader", and drops the "/formgrader".
    defined = html.index('var base_url = "/user/grader/formgrader";')
    used = html.index('base_url.replace(/\\/formgrader$/, "")')
    assert defined < used < LOCAL_MATHJAX.search(html).start()


def test_the_mathjax_files_the_page_asks_for_are_served(page_under_jupyterhub):
    """Do MathJax.js, the configurations the page names and the STIX-Web fonts it selects exist where
    jupyter_server_mathjax serves them from, and is that extension enabled for the Jupyter server?"""
    from jupyter_core.paths import jupyter_config_path
    from jupyter_server.extension.config import ExtensionConfigManager
    from jupyter_server_mathjax.app import MathJaxExtension

    static = Path(MathJaxExtension.static_paths[0])
    request = LOCAL_MATHJAX.search(page_under_jupyterhub)
    assert request["file"] == "MathJax.js"
    assert (static / "MathJax.js").is_file()
    assert request["configs"].split(",") == ["TeX-AMS-MML_HTMLorMML-full", "Safe"]
    for config in request["configs"].split(","):
        assert (static / "config" / f"{config}.js").is_file(), config
    assert 'webFont: "STIX-Web"' in page_under_jupyterhub
    assert (static / "jax" / "output" / "HTML-CSS" / "fonts" / "STIX-Web" / "fontdata.js").is_file()
    assert MathJaxExtension.name == "jupyter_server_mathjax"
    assert ExtensionConfigManager(read_config_path=jupyter_config_path()).enabled("jupyter_server_mathjax")


def test_submission_page_at_the_server_root_defines_the_base_url_the_script_trims():
    """Without JupyterHub (base_url "/"), does the page's `base_url` hold just "/formgrader", so that the
    MathJax script asks for /static/jupyter_server_mathjax/MathJax.js?"""
    html, _ = submission_page("")
    assert 'var base_url = "/formgrader";' in html
    assert "cdnjs" not in html


def test_feedback_pages_keep_nbgrader_feedback_template():
    """Does nbgrader's generate_feedback, with the course's config, still render its own feedback template
    (our folder only overrides the formgrader's page)?"""
    from nbconvert.exporters import HTMLExporter
    from nbgrader.converters import GenerateFeedback

    config = load_nbgrader_config(COURSE)
    feedback = GenerateFeedback(coursedir=course_directory(COURSE), config=config)
    # As nbgrader's BaseConverter.start builds its exporter.
    exporter = HTMLExporter(parent=feedback, config=feedback.config)
    assert exporter.template_name == "feedback"
    assert exporter.extra_template_basedirs == [str(OUR_TEMPLATES), str(NBGRADER_TEMPLATES)]
    template = exporter.environment.get_template("index.html.j2").filename
    assert Path(template) == NBGRADER_TEMPLATES / "feedback" / "index.html.j2"
    macro_file = Path(exporter.environment.get_template("mathjax.html.j2").filename)
    assert macro_file.parts[-3:] == ("templates", "base", "mathjax.html.j2")
    assert OUR_TEMPLATES not in macro_file.parents
    # What nbgrader's GetGrades preprocessor adds from the gradebook, here full marks for every graded cell.
    submission = notebooks.read(COURSE.lesson_notebook(LESSON))
    graded_cells = [meta for _cell, meta in notebooks.nbgrader_cells(submission) if meta.get("grade")]
    for meta in graded_cells:
        meta["score"] = meta["points"]
    total = float(sum(meta["points"] for meta in graded_cells))
    scores = {"notebook": LESSON, "score": total, "max_score": total, "late_penalty": 0}
    html, _ = exporter.from_notebook_node(submission, resources={"nbgrader": scores})
    assert f"{LESSON} (Score: {total} / {total})" in html
    assert "jupyter_server_mathjax" not in html
