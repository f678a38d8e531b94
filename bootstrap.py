"""Set up the course, then open it in JupyterLab or run its tests.

    python3 bootstrap.py           set up, then open JupyterLab on the first lesson
    python3 bootstrap.py test      set up, then run the whole test suite

(On Windows, type `py` instead of `python3`.) Needs only Python 3.11 or newer and access to
PyPI. Setting up means: a virtual environment in .venv with the pinned packages of
pyproject.toml and the `course` command. It is done once and redone only when
pyproject.toml changes. Extra words are passed on to `jupyter lab` or `pytest`.
"""

from __future__ import annotations

import glob
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
# Debian packages the test suite drives for real: Chromium for the JupyterLab browser test, LibreOffice
# Calc for the test that every workbook of datasets/ opens in it, PostgreSQL's server for the tests of a
# gradebook shared by several graders. What shows the package is installed -> Debian package: a command on
# PATH, or a path pattern for programs Debian keeps off PATH (each PostgreSQL version's own bin folder).
TEST_SYSTEM_PACKAGES = {
    "chromium": "chromium",
    "soffice": "libreoffice-calc",
    "/usr/lib/postgresql/*/bin/pg_ctl": "postgresql",
    "bwrap": "bubblewrap",  # `course grade` runs each submission in a bubblewrap sandbox
}


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036  (this script must explain, not crash)
        print(f"This course needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
        return 2
    command, extra = (argv[0], argv[1:]) if argv and argv[0] in {"lab", "test"} else ("lab", argv)
    python = ensure_environment(with_test_tools=command == "test")
    env = environment_for(python)
    if command == "test":
        ensure_system_packages()
        return subprocess.call([python, "-m", "pytest", *extra], cwd=ROOT, env=env)
    first_lesson = first_lesson_notebook()
    print(f"Opening JupyterLab on {first_lesson}. Stop it with Ctrl+C in this window.")
    # The server's root is the course folder (nbgrader's formgrader needs it there);
    # the page it opens is the first lesson.
    lab = [python, "-m", "jupyter", "lab", f"--ServerApp.root_dir={ROOT}"]
    lab += [f"--LabApp.default_url=/lab/tree/{first_lesson}", *extra]
    return subprocess.call(lab, cwd=ROOT, env=env)


def ensure_environment(with_test_tools: bool) -> str:
    """Create .venv and install the course into it, unless that is already done."""
    python = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if not python.exists():
        print(f"Creating a virtual environment in {VENV} ...")
        venv.create(VENV, with_pip=True, clear=True)
    target = ".[test]" if with_test_tools else "."
    stamp = VENV / f"installed{'-test' if with_test_tools else ''}.sha256"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    # The test install holds everything the course needs, so after `bootstrap.py test` the course opens
    # without installing again.
    stamps = [stamp] if with_test_tools else [stamp, VENV / "installed-test.sha256"]
    if not any(done.exists() and done.read_text().strip() == wanted for done in stamps):
        print("Installing the course's pinned packages (the first time takes a few minutes) ...")
        subprocess.check_call(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--disable-pip-version-check",
                "--quiet",
                "--editable",
                target,
            ],
            cwd=ROOT,
        )
        stamp.write_text(wanted)
    return str(python)


def environment_for(python: str) -> dict[str, str]:
    """Run as if .venv were activated: nbgrader calls tools (alembic) from the same folder."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(python).parent), env.get("PATH", "")])
    env["VIRTUAL_ENV"] = str(VENV)
    return env


def ensure_system_packages() -> None:
    """Install the Debian packages the tests need, where that is possible (CI runs as root)."""
    missing = [pkg for program, pkg in TEST_SYSTEM_PACKAGES.items() if not is_installed(program)]
    if not missing:
        return
    can_install = shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0
    if not can_install:
        print(
            f"Not installed: {', '.join(missing)}. The tests that need them will be skipped; "
            f"on Debian or Ubuntu: sudo apt-get install {' '.join(missing)}"
        )
        return
    print(f"Installing Debian packages for the tests: {', '.join(missing)} ...")
    apt_env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.check_call(["apt-get", "update", "-qq"], env=apt_env)
    subprocess.check_call(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], env=apt_env
    )


def is_installed(program: str) -> bool:
    """A command found on PATH, or, for a path pattern such as /usr/lib/postgresql/*/bin/pg_ctl, a file
    that matches it."""
    if "/" in program:
        return bool(glob.glob(program))
    return shutil.which(program) is not None


def first_lesson_notebook() -> str:
    import tomllib  # Python 3.11+, checked in main()

    manifest = tomllib.loads((ROOT / "course.toml").read_text(encoding="utf-8"))
    lesson_id = manifest["lessons"][0]["id"]
    return f"lessons/{lesson_id}/{lesson_id}.ipynb"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
