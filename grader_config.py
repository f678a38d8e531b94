"""nbgrader configuration for Likes to Ledger.

Loaded by the two-line nbgrader_config.py shim, and several times per nbgrader
call: keep this file free of side effects (no I/O, no imports that do work).
"""

import os.path
from importlib.util import find_spec

c = get_config()  # noqa: F821  (provided by nbgrader's config loader)

c.CourseDirectory.course_id = "likes-to-ledger"
# Lessons are written once, with solutions and hidden tests, in solutions/;
# the student versions that nbgrader generates are committed in lessons/.
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "lessons"
# What nbgrader never copies: its defaults, and `output`, where a lesson saves what the learner makes.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "output"]

# An answer cell shows the learner a placeholder line such as `total_reach = ...`
# written above the solution region, so the region itself becomes nothing.
c.ClearSolutions.code_stub = {"python": ""}
c.ClearSolutions.text_stub = "Double-click this cell and write your answer here."

# Feedback pages keep the visible checks and their messages, and drop hidden tests and their tracebacks.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
    "likes_to_ledger.feedback.HideHiddenTests",
]

# Late submissions lose a share of their score per started day late (likes_to_ledger/late.py says how
# to tune it); due dates are set per lesson in the formgrader or with `course grade LESSON --due ...`.
c.AssignLatePenalties.plugin_class = "likes_to_ledger.late.PercentPerDayLate"

# The formgrader's submission page loads MathJax from the internet (nbconvert's cdnjs URL) and half breaks
# without it. Our formgrade/mathjax.html.j2 loads the copy that the jupyter_server_mathjax extension serves:
# template folders listed first win. Setting this replaces nbgrader's own value, so nbgrader's folder (its
# formgrade and feedback templates) is listed too. find_spec locates the packages without importing them;
# without the course tooling installed, the formgrader keeps nbgrader's setting.
_course_tools = find_spec("likes_to_ledger")
if _course_tools is not None:
    _nbgrader_dir = find_spec("nbgrader").submodule_search_locations[0]
    c.HTMLExporter.extra_template_basedirs = [
        os.path.join(_course_tools.submodule_search_locations[0], "formgrader_templates"),
        os.path.join(_nbgrader_dir, "server_extensions", "formgrader", "templates"),
    ]
