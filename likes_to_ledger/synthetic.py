"""A made-up class for tests and benchmarks: students, their submissions, and the scores they must get.

Every submission is a lesson's student version with its answer cells filled from the course's own
answers: the solution's code and the known wrong answers of tests/known_answers/. A student is one of
five kinds in each lesson:

- right: every exercise holds the solution's code;
- partly: a random non-empty strict subset of the exercises holds one of its known wrong answers, the
  others the solution's code;
- wrong: every exercise holds one of its known wrong answers;
- blank: the untouched student version (lessons/<id>/<id>.ipynb);
- broken: one or two answer cells hold code that fails (a SyntaxError or a NameError), the others the
  solution's code.

`expected` holds the score each autograded check cell must get: its points when the exercise holds the
solution's code, 0 otherwise. It is true because of what the course tests already prove: the solution
earns every point, the untouched lesson none, and a known wrong answer loses its own exercise's points
and no other's (each one leaves the tables later exercises use as the solution does). So a broken
cell with a NameError runs a known wrong answer first and fails after it, and a SyntaxError, which stops
the whole cell, goes only to an exercise whose answer cell sets nothing that a later cell reads.

Right and partly students also answer the written questions with a short sentence: those cells stay
for hand grading and are not in `expected`.
"""

from __future__ import annotations

import ast
import base64
import hashlib
import importlib.util
import random
import re
import shutil
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType

import nbformat

from likes_to_ledger import notebooks
from likes_to_ledger.errors import CourseError
from likes_to_ledger.paths import CourseDir

KINDS = ("right", "partly", "wrong", "blank", "broken")
DEFAULT_MIX = {"right": 0.3, "partly": 0.3, "wrong": 0.15, "blank": 0.1, "broken": 0.15}

# nbgrader's own timestamp format (ExchangeSubmit.timestamp_format): timestamp.txt and exchange folder names.
NBGRADER_TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S.%f %Z"

# Lesson NN is submitted during week NN of a made-up term.
TERM_START = datetime(2026, 9, 7, 8, 0, tzinfo=UTC)

FIRST_NAMES = (
    "Amara", "Ben", "Chloé", "Dev", "Elif", "Farah", "Gus", "Hana", "Ines", "Jonas",
    "Kofi", "Léa", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Søren", "Zoë",
)  # fmt: skip
LAST_NAMES = (
    "Adeyemi", "Brennan", "Castillo", "Dubois", "Eriksen", "Fischer", "García López", "Haddad",
    "Ito", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nguyen", "O'Brien", "Patel", "Rossi",
    "Schmidt", "van Dijk", "Yilmaz",
)  # fmt: skip
WRITTEN_ANSWERS = (
    "Instagram reached the most people, so I would put next week's budget there first.",
    "Reach is highest on Instagram, but I would check the sales figures before we move any budget.",
    "The numbers point one way; I would show my manager the chart and say what we still don't know.",
    "Most of our reach came from one network: worth testing whether that holds for a second week.",
)


class SyntheticClassError(CourseError, ValueError):
    """A made-up class cannot be built as asked; the message says what to change."""


@dataclass(frozen=True)
class SyntheticSubmission:
    student_id: str  # "s001", "s002", ...: the same student in every lesson
    first_name: str
    last_name: str
    lesson_id: str
    kind: str  # one of KINDS
    notebook: nbformat.NotebookNode  # the student version with the answer cells filled
    expected: dict[str, float]  # grade id of every autograded check cell -> the score it must get
    submitted_at: datetime  # timezone-aware, UTC


def filled_lesson(
    course: CourseDir, lesson_id: str, replace: dict[str, str] | None = None
) -> nbformat.NotebookNode:
    """The student version with every answer cell filled with the solution's code,
    except the exercises in `replace`, whose answer cells get the given code instead."""
    lesson_nb = notebooks.read(course.lesson_notebook(lesson_id))
    solution_cells = _cells_by_grade_id(notebooks.read(course.solution_notebook(lesson_id)))
    for grade_id, cell in _cells_by_grade_id(lesson_nb).items():
        if grade_id.endswith("_answer") and grade_id.startswith("ex"):
            exercise = grade_id.removesuffix("_answer")
            cell.source = (replace or {}).get(exercise, solution_cells[grade_id].source)
    return lesson_nb


def make_class(
    course: CourseDir,
    lesson_ids: Sequence[str],
    n_students: int,
    seed: int = 0,
    mix: Mapping[str, float] = DEFAULT_MIX,
) -> list[SyntheticSubmission]:
    """One submission per student per lesson, the same seed giving the same class.

    Each lesson shares its students out among the kinds in proportion to `mix`; with at least as many
    students as kinds of positive weight, each of those kinds gets one student or more. A lesson's
    submissions depend only on the seed and that lesson (not on the other lessons asked for).
    """
    if n_students < 1:
        raise SyntheticClassError(f"A class needs at least one student; got n_students={n_students}.")
    weights = _checked_mix(mix)
    students = _students(n_students, seed)
    known = _known_answers(course)
    submissions = []
    for position, lesson_id in enumerate(lesson_ids):
        lesson = _LessonParts.load(course, lesson_id, known)
        rng = random.Random(f"{seed}:{lesson_id}")
        kinds = _kinds_for(n_students, weights)
        rng.shuffle(kinds)
        week = int(lesson_id[:2]) if lesson_id[:2].isdigit() else position
        start = TERM_START + timedelta(weeks=week)
        for (student_id, first_name, last_name), kind in zip(students, kinds, strict=True):
            submitted_at = start + timedelta(seconds=rng.randrange(7 * 24 * 3600))
            notebook, expected = lesson.submission(kind, rng)
            submissions.append(
                SyntheticSubmission(
                    student_id, first_name, last_name, lesson_id, kind, notebook, expected, submitted_at
                )
            )
    return submissions


def write_submitted(submissions: Sequence[SyntheticSubmission], course_root: Path) -> list[Path]:
    """Write each submission where `nbgrader autograde` looks for it; return the notebooks' paths.

    The layout is nbgrader's: course_root/submitted/<student>/<lesson>/<lesson>.ipynb, next to a
    timestamp.txt in nbgrader's format ("2026-11-20 14:03:11.000000 UTC").
    """
    paths = []
    for submission in submissions:
        folder = course_root / "submitted" / submission.student_id / submission.lesson_id
        paths.append(_write_submission(submission, folder))
    return paths


def write_exchange(
    submissions: Sequence[SyntheticSubmission], exchange_root: Path, course_id: str
) -> list[Path]:
    """Write each submission as `nbgrader submit` leaves it in the exchange; return the notebooks' paths.

    The layout is nbgrader 0.9's inbound folder, which `nbgrader collect` reads:
    exchange_root/<course_id>/inbound/<student>+<lesson>+<timestamp>+<random>/<lesson>.ipynb, next to a
    timestamp.txt. The random part is derived from the rest of the name, so the same class gives the
    same folders.
    """
    inbound = exchange_root / course_id / "inbound"
    paths = []
    for submission in submissions:
        if "+" in submission.student_id or "*" in submission.student_id:
            raise SyntheticClassError(
                f"Student id {submission.student_id!r} holds '+' or '*', which nbgrader's exchange forbids: "
                "use ids of letters, digits, '-' and '_'."
            )
        stamp = nbgrader_timestamp(submission.submitted_at)
        name = f"{submission.student_id}+{submission.lesson_id}+{stamp}"
        random_part = base64.urlsafe_b64encode(hashlib.sha256(name.encode()).digest()[:9]).decode("ascii")
        paths.append(_write_submission(submission, inbound / f"{name}+{random_part}"))
    return paths


def instructor_course(course: CourseDir, root: Path, lesson_ids: Sequence[str]) -> CourseDir:
    """A throwaway instructor's course folder at `root`, for grading these lessons: the manifest, the
    nbgrader configuration, the lessons' source and student folders, and the datasets (linked, read only).
    Nothing is graded in it yet."""
    root.mkdir(parents=True)
    for config in (course.manifest, *course.nbgrader_config_files):
        shutil.copyfile(config, root / config.name)
    target = CourseDir(root)
    for lesson_id in lesson_ids:
        shutil.copytree(course.solution_folder(lesson_id), target.solution_folder(lesson_id))
        shutil.copytree(course.lesson_folder(lesson_id), target.lesson_folder(lesson_id))
    target.datasets.symlink_to(course.datasets, target_is_directory=True)
    return target


def nbgrader_timestamp(moment: datetime) -> str:
    """A time as nbgrader writes it in timestamp.txt, in UTC: "2026-11-20 14:03:11.000000 UTC"."""
    if moment.tzinfo is None:
        raise SyntheticClassError(f"{moment} has no time zone; give submission times in UTC.")
    return moment.astimezone(UTC).strftime(NBGRADER_TIMESTAMP_FORMAT)


def _write_submission(submission: SyntheticSubmission, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{submission.lesson_id}.ipynb"
    notebooks.write(submission.notebook, path)
    (folder / "timestamp.txt").write_text(nbgrader_timestamp(submission.submitted_at), encoding="utf-8")
    return path


# --- the students and their kinds -----------------------------------------------------------------------


def _students(n_students: int, seed: int) -> list[tuple[str, str, str]]:
    """(student id, first name, last name) of each student; names repeat only in very large classes."""
    rng = random.Random(f"{seed}:names")
    pairs = [(first, last) for first in FIRST_NAMES for last in LAST_NAMES]
    if n_students <= len(pairs):
        names = rng.sample(pairs, n_students)
    else:
        names = [rng.choice(pairs) for _ in range(n_students)]
    width = max(3, len(str(n_students)))
    return [(f"s{number:0{width}d}", first, last) for number, (first, last) in enumerate(names, start=1)]


def _checked_mix(mix: Mapping[str, float]) -> dict[str, float]:
    unknown = sorted(set(mix) - set(KINDS))
    if unknown:
        raise SyntheticClassError(f"Unknown kinds {unknown} in mix; the kinds are {', '.join(KINDS)}.")
    weights = {kind: float(mix.get(kind, 0)) for kind in KINDS}
    if any(weight < 0 for weight in weights.values()) or sum(weights.values()) <= 0:
        raise SyntheticClassError(f"mix needs weights of 0 or more, one above 0 at least; got {dict(mix)}.")
    return weights


def _kinds_for(n_students: int, weights: dict[str, float]) -> list[str]:
    """The kind of each student, in proportion to the weights (largest remainders round up), then one
    student at least for each kind of positive weight when there are enough students."""
    total = sum(weights.values())
    shares = {kind: n_students * weight / total for kind, weight in weights.items()}
    counts = {kind: int(share) for kind, share in shares.items()}
    by_remainder = sorted(KINDS, key=lambda kind: counts[kind] - shares[kind])
    for kind in by_remainder[: n_students - sum(counts.values())]:
        counts[kind] += 1
    present = [kind for kind in KINDS if weights[kind] > 0]
    if n_students >= len(present):
        for kind in present:
            if counts[kind] == 0:
                counts[max(KINDS, key=lambda other: counts[other])] -= 1
                counts[kind] += 1
    return [kind for kind in KINDS for _ in range(counts[kind])]


# --- one lesson's parts ---------------------------------------------------------------------------------


@dataclass
class _LessonParts:
    """What it takes to fill one lesson's notebook for any kind of student."""

    lesson_id: str
    blank: nbformat.NotebookNode  # the student version, untouched
    solution_code: dict[str, str]  # exercise -> the solution's answer cell
    wrong_answers: dict[str, list[str]]  # exercise -> its known wrong answers
    points: dict[str, float]  # exercise -> points of its check cell
    syntax_error_safe: set[str]  # exercises whose answer cell sets nothing a later cell reads
    unused_names: dict[str, str]  # exercise -> a name nothing defines, for a NameError

    @classmethod
    def load(cls, course: CourseDir, lesson_id: str, known: dict[str, dict]) -> _LessonParts:
        blank = notebooks.read(course.lesson_notebook(lesson_id))
        solution = notebooks.read(course.solution_notebook(lesson_id))
        answer_cells = _cells_by_grade_id(solution)
        exercises = [
            grade_id.removesuffix("_answer")
            for grade_id in _cells_by_grade_id(blank)
            if re.fullmatch(r"ex\d+_answer", grade_id)
        ]
        if not exercises:
            where = course.relative(course.lesson_notebook(lesson_id))
            raise SyntheticClassError(f"{where} has no exercises (no exN_answer cells) to fill.")
        answers = known.get(lesson_id, {})
        missing = [exercise for exercise in exercises if not answers.get(exercise, {}).get("wrong")]
        if missing:
            raise SyntheticClassError(
                f"Lesson {lesson_id} has no known wrong answers for {', '.join(missing)}: add them to "
                f"tests/known_answers/lesson_{lesson_id[:2]}.py before making a class for it."
            )
        graded = {cell.grade_id: cell for cell in notebooks.graded_cells(blank) if cell.kind == "autograded"}
        solution_code = {exercise: answer_cells[f"{exercise}_answer"].source for exercise in exercises}
        wrong_answers = {exercise: list(answers[exercise]["wrong"].values()) for exercise in exercises}
        return cls(
            lesson_id=lesson_id,
            blank=blank,
            solution_code=solution_code,
            wrong_answers=wrong_answers,
            points={exercise: graded[f"{exercise}_check"].points for exercise in exercises},
            syntax_error_safe=_syntax_error_safe(solution, exercises, wrong_answers),
            unused_names=_unused_names(solution, blank, exercises, answers),
        )

    @property
    def exercises(self) -> list[str]:
        return list(self.solution_code)

    def submission(self, kind: str, rng: random.Random) -> tuple[nbformat.NotebookNode, dict[str, float]]:
        """A notebook of this kind, and the score each check cell must get."""
        if kind == "blank":
            return nbformat.from_dict(self.blank), {f"{exercise}_check": 0.0 for exercise in self.exercises}
        if kind == "right":
            failing = {}
        elif kind == "wrong":
            failing = {exercise: rng.choice(self.wrong_answers[exercise]) for exercise in self.exercises}
        elif kind == "partly":
            if len(self.exercises) < 2:
                raise SyntheticClassError(
                    f"Lesson {self.lesson_id} has one exercise: no student can get part of it right. "
                    "Give 'partly' a weight of 0 in mix."
                )
            chosen = rng.sample(self.exercises, rng.randint(1, len(self.exercises) - 1))
            failing = {exercise: rng.choice(self.wrong_answers[exercise]) for exercise in chosen}
        else:  # broken
            chosen = rng.sample(self.exercises, min(rng.choice((1, 2)), len(self.exercises)))
            failing = {exercise: self._failing_code(exercise, rng) for exercise in chosen}
        answers_written = kind in ("right", "partly")
        notebook = nbformat.from_dict(self.blank)
        for grade_id, cell in _cells_by_grade_id(notebook).items():
            exercise = grade_id.removesuffix("_answer")
            if exercise in self.solution_code:
                cell.source = failing.get(exercise, self.solution_code[exercise])
            elif answers_written and grade_id.startswith("written") and cell.cell_type == "markdown":
                cell.source = rng.choice(WRITTEN_ANSWERS)
        expected = {
            f"{exercise}_check": 0.0 if exercise in failing else self.points[exercise]
            for exercise in self.exercises
        }
        return notebook, expected

    def _failing_code(self, exercise: str, rng: random.Random) -> str:
        """Answer code that raises: a SyntaxError when the cell sets nothing a later cell reads,
        else a NameError after the exercise's first known wrong answer (which sets the rest right)."""
        if exercise in self.syntax_error_safe and rng.random() < 0.5:
            return _without_last_bracket(self.solution_code[exercise])
        return f"{self.wrong_answers[exercise][0]}\nprint({self.unused_names[exercise]})"


def _syntax_error_safe(
    solution: nbformat.NotebookNode, exercises: list[str], wrong_answers: dict[str, list[str]]
) -> set[str]:
    """The exercises whose answer cell can fail to compile without harming another exercise: every name
    the solution's cell sets or changes appears in no later cell but its own check (nor in a known answer
    of a later exercise). A plain word search: a name in a string or comment counts too, which only errs
    on the side of a NameError instead."""
    code_after: dict[str, str] = {}
    later: list[tuple[str, str]] = []  # (grade id, code) of the cells below, and of the answers they may hold
    for cell in reversed(solution.cells):
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        exercise = grade_id.removesuffix("_answer")
        if grade_id.endswith("_answer") and exercise in exercises:
            code_after[exercise] = "\n".join(code for owner, code in later if owner != f"{exercise}_check")
            later.extend((grade_id, code) for code in wrong_answers[exercise])
        if cell.cell_type == "code":
            later.append((grade_id, cell.source))
    answer_cells = _cells_by_grade_id(solution)
    safe = set()
    for exercise in exercises:
        changed = _names_set_or_changed(answer_cells[f"{exercise}_answer"].source)
        words = set(re.findall(r"[A-Za-z_]\w*", code_after[exercise]))
        if changed is not None and not changed & words:
            safe.add(exercise)
    return safe


def _names_set_or_changed(source: str) -> set[str] | None:
    """The names a cell assigns, imports, defines, deletes or changes through an item, an attribute or a
    method call whose result is dropped (`posts["x"] = ...`, `rows.append(...)`); None if it doesn't
    parse."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
            names.add(node.id)
        elif isinstance(node, ast.Subscript | ast.Attribute) and isinstance(node.ctx, ast.Store | ast.Del):
            names.add(_base_name(node))
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            if isinstance(node.value.func, ast.Attribute):
                names.add(_base_name(node.value.func.value))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if any(keyword.arg == "inplace" for keyword in node.keywords):
                names.add(_base_name(node.func.value))
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
    names.discard("")
    return names


def _base_name(node: ast.expr) -> str:
    """The variable at the root of `a.b["c"].d`: 'a' ('' when the root is not a plain name)."""
    while isinstance(node, ast.Subscript | ast.Attribute | ast.Call):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else ""


def _unused_names(
    solution: nbformat.NotebookNode, blank: nbformat.NotebookNode, exercises: list[str], answers: dict
) -> dict[str, str]:
    """For each exercise, a misspelling of its answer's name that nothing in the lesson or its known
    answers uses, so that printing it surely raises a NameError."""
    everything = "\n".join(
        [cell.source for cell in solution.cells]
        + [code for exercise in answers.values() for code in exercise.get("right", [])]
        + [code for exercise in answers.values() for code in exercise.get("wrong", {}).values()]
    )
    words = set(re.findall(r"[A-Za-z_]\w*", everything))
    cells = _cells_by_grade_id(blank)
    names = {}
    for exercise in exercises:
        placeholder = re.search(r"^([A-Za-z_]\w*)", cells[f"{exercise}_answer"].source, re.MULTILINE)
        name = placeholder[1][:-1] if placeholder and len(placeholder[1]) > 1 else "answr"
        while name in words:
            name += "_"
        names[exercise] = name
    return names


def _without_last_bracket(code: str) -> str:
    """The code with its last closing bracket left out, the commonest SyntaxError; an unclosed one added
    when that still compiles (the bracket was inside a string)."""
    for bracket in ")]}":
        at = code.rfind(bracket)
        if at >= 0:
            broken = code[:at] + code[at + 1 :]
            if not _compiles(broken):
                return broken
    return code.rstrip("\n") + "\nanswer = ("


def _compiles(code: str) -> bool:
    try:
        compile(code, "<answer>", "exec")
    except SyntaxError:
        return False
    return True


def _cells_by_grade_id(nb: nbformat.NotebookNode) -> dict[str, nbformat.NotebookNode]:
    return {meta["grade_id"]: cell for cell, meta in notebooks.nbgrader_cells(nb)}


# --- the course's known answers -------------------------------------------------------------------------

_KNOWN_ANSWERS: dict[Path, ModuleType] = {}


def _known_answers(course: CourseDir) -> dict[str, dict]:
    """tests/known_answers of the course: lesson id -> {exercise: {"right": [...], "wrong": {...}}}."""
    package = (course.root / "tests" / "known_answers").resolve()
    init = package / "__init__.py"
    if not init.is_file():
        raise SyntheticClassError(
            f"{course.relative(init)} is missing: a made-up class is built from the course's known right "
            "and wrong answers. Use a full copy of the course repository, tests/ included."
        )
    if package not in _KNOWN_ANSWERS:
        # A name of its own, so that it never clashes with the tests' `known_answers` of another copy.
        name = f"_likes_to_ledger_known_answers_{hashlib.sha1(str(package).encode()).hexdigest()[:12]}"
        spec = importlib.util.spec_from_file_location(name, init, submodule_search_locations=[str(package)])
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # the package imports its lesson modules by its own name
        try:
            spec.loader.exec_module(module)
        except Exception as error:
            del sys.modules[name]
            raise SyntheticClassError(f"{course.relative(package)} cannot be loaded: {error}") from error
        _KNOWN_ANSWERS[package] = module
    return _KNOWN_ANSWERS[package].KNOWN_ANSWERS
