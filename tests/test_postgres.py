"""A gradebook shared by several graders: nbgrader's Gradebook on a real PostgreSQL server.

`course grade` lets graders share one gradebook through nbgrader's `CourseDirectory.db_url`, such as
postgresql+psycopg://grader@127.0.0.1:5432/gradebook. These tests start Debian's PostgreSQL on loopback and
check that nbgrader builds and fills its gradebook there, also with several processes writing at once, and
that the test server is reachable from this machine only and goes away when it should.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import multiprocessing
import re
import socket

import pytest
from nbgrader.api import Gradebook
from postgres_server import postgres_tmp_dir, running_as_root, server_programs, start_postgres
from sqlalchemy import create_engine, inspect, text

from likes_to_ledger.grading import nbgrader_environment

# The tables nbgrader 0.9.6 makes, and alembic's record of the schema version.
NBGRADER_TABLES = {
    "alembic_version",
    "assignment",
    "base_cell",
    "comment",
    "course",
    "grade",
    "grade_cells",
    "notebook",
    "solution_cells",
    "source_cell",
    "student",
    "submitted_assignment",
    "submitted_notebook",
    "task_cells",
}
ASSIGNMENT = "01-reading-the-exports"
NOTEBOOK = "01-reading-the-exports"
# Grade id -> (cell type, points): an autograded check and a hand-graded written answer, as in the lessons.
GRADE_CELLS = {"ex1_check": ("code", 3.0), "written1": ("markdown", 2.0)}
WRITERS = 4
STUDENTS_PER_WRITER = 25


def table_names(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def add_lesson(gradebook: Gradebook) -> None:
    """The assignment, its notebook and its grade cells, as nbgrader's generate_assignment records them."""
    gradebook.add_assignment(ASSIGNMENT, duedate="2026-03-09 17:00:00 UTC")
    gradebook.add_notebook(NOTEBOOK, ASSIGNMENT)
    for name, (cell_type, points) in GRADE_CELLS.items():
        gradebook.add_grade_cell(name, NOTEBOOK, ASSIGNMENT, max_score=points, cell_type=cell_type)


def student_id(writer: int, number: int) -> str:
    return f"writer{writer}-student{number:02d}"


def scores_of(writer: int, number: int) -> dict[str, tuple[float, float | None]]:
    """Grade id -> (auto score, manual score) that writer `writer` gives its student `number`: the check
    earns 0-3 points, the written answer 0-2 in halves; every pair (writer, number) gets its own mix."""
    seed = writer * STUDENTS_PER_WRITER + number
    return {"ex1_check": (float(seed % 4), None), "written1": (0.0, (seed % 5) / 2)}


def add_students_and_scores(url: str, writer: int, ready: multiprocessing.synchronize.Barrier) -> None:
    """One grader's process: add STUDENTS_PER_WRITER students, each with a graded submission."""
    with Gradebook(url) as gradebook:
        ready.wait(timeout=60)  # every writer has its connection: now all write at once
        for number in range(STUDENTS_PER_WRITER):
            student = student_id(writer, number)
            gradebook.add_student(student)
            gradebook.add_submission(ASSIGNMENT, student, timestamp=dt.datetime.now(dt.UTC))
            for cell, (auto_score, manual_score) in scores_of(writer, number).items():
                grade = gradebook.find_grade(cell, NOTEBOOK, ASSIGNMENT, student)
                grade.auto_score, grade.manual_score = auto_score, manual_score
            gradebook.db.commit()


@pytest.fixture
def alembic_on_path(monkeypatch) -> None:
    """A new Gradebook asks nbgrader's `alembic` command for the schema version: put it on PATH, here and in
    the processes this test starts, even when the virtual environment is not activated."""
    monkeypatch.setenv("PATH", nbgrader_environment()["PATH"])


@pytest.mark.usefixtures("alembic_on_path")
def test_gradebook_builds_its_tables_and_gives_back_what_was_written(postgres_url):
    """Does nbgrader's Gradebook create its tables in an empty PostgreSQL database, and does a new
    connection read back the assignment, student, submission and grades written through another?"""
    assert table_names(postgres_url) == set()
    with Gradebook(postgres_url) as gradebook:
        assert (gradebook.engine.dialect.name, gradebook.engine.dialect.driver) == ("postgresql", "psycopg")
        add_lesson(gradebook)
        gradebook.add_student("ada", first_name="Ada", last_name="Lovelace", email="ada@kc.example")
        gradebook.add_submission(ASSIGNMENT, "ada", timestamp="2026-03-08 21:15:00 Europe/Paris")
        check = gradebook.find_grade("ex1_check", NOTEBOOK, ASSIGNMENT, "ada")
        check.auto_score = 2.0
        written = gradebook.find_grade("written1", NOTEBOOK, ASSIGNMENT, "ada")
        written.auto_score, written.manual_score = 0.0, 1.5
        gradebook.db.commit()
    assert table_names(postgres_url) == NBGRADER_TABLES

    with Gradebook(postgres_url) as gradebook:
        student = gradebook.find_student("ada")
        assert (student.first_name, student.last_name, student.email) == ("Ada", "Lovelace", "ada@kc.example")
        assignment = gradebook.find_assignment(ASSIGNMENT)
        assert assignment.duedate == dt.datetime(2026, 3, 9, 17, 0)
        assert assignment.max_score == 5.0
        submission = gradebook.find_submission(ASSIGNMENT, "ada")
        assert submission.timestamp == dt.datetime(2026, 3, 8, 20, 15)  # stored in UTC
        assert submission.total_seconds_late == 0
        grades = {
            name: (grade.auto_score, grade.manual_score, grade.score)
            for name in GRADE_CELLS
            for grade in [gradebook.find_grade(name, NOTEBOOK, ASSIGNMENT, "ada")]
        }
        assert grades == {"ex1_check": (2.0, None, 2.0), "written1": (0.0, 1.5, 1.5)}
        assert (submission.score, submission.code_score, submission.written_score) == (3.5, 2.0, 1.5)


@pytest.mark.usefixtures("alembic_on_path")
def test_four_graders_writing_at_once_lose_and_duplicate_nothing(postgres_url):
    """Do 4 processes, each adding 25 students with a graded submission of one shared assignment at the same
    time, leave exactly 100 submissions, each once, with every score as its writer set it?"""
    with Gradebook(postgres_url) as gradebook:
        add_lesson(gradebook)
    spawn = multiprocessing.get_context("spawn")
    ready = spawn.Barrier(WRITERS)
    writers = [
        spawn.Process(target=add_students_and_scores, args=(postgres_url, n, ready), name=f"writer{n}")
        for n in range(WRITERS)
    ]
    try:
        for process in writers:
            process.start()
        for process in writers:
            process.join(timeout=120)
    finally:
        for process in writers:
            if process.is_alive():
                process.terminate()
    exit_codes = {process.name: process.exitcode for process in writers}
    assert exit_codes == {f"writer{writer}": 0 for writer in range(WRITERS)}, "see the tracebacks in stderr"

    expected = {
        student_id(writer, number): scores_of(writer, number)
        for writer in range(WRITERS)
        for number in range(STUDENTS_PER_WRITER)
    }
    with Gradebook(postgres_url) as gradebook:
        submissions = gradebook.assignment_submissions(ASSIGNMENT)
        assert len(submissions) == WRITERS * STUDENTS_PER_WRITER
        assert sorted(submission.student_id for submission in submissions) == sorted(expected)
        written = {
            submission.student_id: {
                grade.name: (grade.auto_score, grade.manual_score) for grade in submission.notebooks[0].grades
            }
            for submission in submissions
        }
        assert written == expected
        # The writers really overlapped: each one's first submission came before every one's last.
        first, last = {}, {}
        for submission in submissions:
            writer = submission.student_id.partition("-")[0]
            first[writer] = min(first.get(writer, submission.timestamp), submission.timestamp)
            last[writer] = max(last.get(writer, submission.timestamp), submission.timestamp)
        assert max(first.values()) < min(last.values()), f"first: {first}, last: {last}"
        rows = gradebook.db.execute(
            text("SELECT (SELECT COUNT(*) FROM submitted_notebook), (SELECT COUNT(*) FROM grade)")
        ).one()
        submitted = WRITERS * STUDENTS_PER_WRITER
        assert tuple(rows) == (submitted, submitted * len(GRADE_CELLS))


def non_loopback_addresses() -> set[str]:
    """This machine's IPv4 addresses other than loopback (none on a machine without a network)."""
    addresses = set()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # a documentation address: a UDP "connect" sends nothing
            addresses.add(probe.getsockname()[0])
        except OSError:
            pass  # no route out
    try:
        named = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        addresses.update(info[4][0] for info in named)
    except OSError:
        pass  # the host name does not resolve
    return {address for address in addresses if not ipaddress.ip_address(address).is_loopback}


def accepts_connections(address: str, port: int) -> bool:
    try:
        with socket.create_connection((address, port), timeout=3):
            return True
    except OSError:
        return False


def test_server_listens_on_loopback_only(postgres_server):
    """Does the test server accept connections on 127.0.0.1, and none on the machine's other addresses?"""
    assert accepts_connections("127.0.0.1", postgres_server.port)
    engine = create_engine(postgres_server.url)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SHOW listen_addresses")).scalar() == "127.0.0.1"
    finally:
        engine.dispose()
    port = postgres_server.port
    assert {address for address in non_loopback_addresses() if accepts_connections(address, port)} == set()


class FailedCheck(Exception):
    pass


def test_server_stops_when_its_block_ends_even_after_an_error():
    """Is the server stopped, its port free again, when the block that started it ends with an error?"""
    with postgres_tmp_dir() as folder:
        with pytest.raises(FailedCheck):
            with start_postgres(folder) as server:
                port = server.port
                assert accepts_connections("127.0.0.1", port)
                assert (server.data_dir / "postmaster.pid").exists()
                raise FailedCheck("a test fails while the server runs")
        assert not server.is_running()
        assert not (server.data_dir / "postmaster.pid").exists()
        assert not accepts_connections("127.0.0.1", port)
        with socket.socket() as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # closed connections may linger
            sock.bind(("127.0.0.1", port))  # raises if anything still listens on the port


def test_newest_postgresql_is_chosen(tmp_path, monkeypatch):
    """With PostgreSQL 9.6, 13 and 15 installed, are 15's server programs the ones used?"""
    for version in ("9.6", "13", "15"):
        (tmp_path / version / "bin").mkdir(parents=True)
        (tmp_path / version / "bin" / "pg_ctl").touch()
    monkeypatch.setattr("postgres_server.SERVER_PROGRAMS", f"{tmp_path}/*/bin")
    assert server_programs() == tmp_path / "15" / "bin"


@pytest.mark.parametrize("ci", [None, "true"], ids=["developer", "ci"])
def test_missing_server_skips_except_as_root_on_ci(tmp_path, monkeypatch, ci):
    """Without PostgreSQL's server programs, is a test skipped with the install command, except as root on CI
    (where bootstrap.py installs them), where it fails?"""
    monkeypatch.setattr("postgres_server.SERVER_PROGRAMS", f"{tmp_path}/*/bin")
    if ci:
        monkeypatch.setenv("CI", ci)
    else:
        monkeypatch.delenv("CI", raising=False)
    if running_as_root() and ci:
        outcome, advice = pytest.fail.Exception, "`python3 bootstrap.py test` should have installed"
    else:
        outcome, advice = pytest.skip.Exception, "sudo apt-get install postgresql"
    with pytest.raises(outcome, match=f"PostgreSQL's server is not installed.*{re.escape(advice)}"):
        server_programs()


def test_root_refuses_a_folder_the_postgres_user_cannot_reach(tmp_path):
    """As root, is a cluster folder under a folder closed to other users refused, naming that folder?"""
    if not running_as_root():
        pytest.skip("only root runs the server as the postgres user")
    closed = tmp_path / "closed"
    closed.mkdir(mode=0o700)
    (closed / "cluster").mkdir()
    with pytest.raises(
        ValueError, match=f"{re.escape(str(closed))} is closed to other users.*postgres_tmp_dir"
    ):
        start_postgres(closed / "cluster")
