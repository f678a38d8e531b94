"""Known right and wrong answers for every exercise, lesson by lesson.

Each answer is the code of an answer cell. The course tests put it in the student version
(every other exercise keeps the solution), autograde it with nbgrader, and expect the
exercise's check cell to score full marks (right) or zero (wrong). A wrong answer is named
after the mistake it stands for, and `says` holds a piece of the message its check must give:
the specific feedback for a recognised mistake, or the generic one for the others.

One module per lesson, `lesson_NN.py`, holds LESSON_ID and ANSWERS:

    ANSWERS = {"ex1": {"right": [code, ...], "wrong": {mistake: code}, "says": {mistake: message part}}}
"""

import importlib
import pkgutil

KNOWN_ANSWERS = {}
for _module_info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
    if _module_info.name.startswith("lesson_"):
        _module = importlib.import_module(f"{__name__}.{_module_info.name}")
        KNOWN_ANSWERS[_module.LESSON_ID] = _module.ANSWERS
