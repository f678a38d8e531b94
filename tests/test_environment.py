"""The pip path (pyproject.toml) and the conda path (environment.yml) install the same versions."""

import re
import tomllib

from conftest import COURSE

CONDA_ONLY = {"python", "pip"}


def pip_pins() -> dict[str, str]:
    project = tomllib.loads((COURSE.root / "pyproject.toml").read_text())["project"]
    pins = {}
    for requirement in project["dependencies"]:
        name, sep, version = requirement.partition("==")
        assert sep, f"pyproject.toml: {requirement!r} is not pinned with =="
        pins[name.strip().lower()] = version.strip()
    return pins


def conda_pins() -> dict[str, str]:
    pins = {}
    for line in (COURSE.root / "environment.yml").read_text().splitlines():
        match = re.match(r"^\s+-\s+([A-Za-z0-9_.-]+)\s*={1,2}\s*([^=\s#]+)\s*(#.*)?$", line)
        if match:
            pins[match[1].lower()] = match[2]
    return pins


def test_pip_and_conda_pin_the_same_packages_and_versions():
    """Do environment.yml and pyproject.toml pin exactly the same packages at the same versions?"""
    conda = {name: version for name, version in conda_pins().items() if name not in CONDA_ONLY}
    assert conda, "no pinned packages found in environment.yml"
    assert conda == pip_pins()


def test_the_course_packages_are_the_ones_the_design_names():
    """Are the runtime dependencies the design's five, plus numpy (pinned: the data stays byte-identical),
    plotchecker (the chart checks read charts with it) and jupyter-server-mathjax (the formgrader's MathJax,
    offline)?"""
    expected = {"jupyterlab", "nbgrader", "pandas", "matplotlib", "openpyxl", "numpy", "plotchecker"}
    expected.add("jupyter-server-mathjax")
    assert set(pip_pins()) == expected


def test_conda_python_satisfies_the_package_requirement():
    """Does environment.yml ask for a Python that pyproject.toml accepts?"""
    project = tomllib.loads((COURSE.root / "pyproject.toml").read_text())["project"]
    minimum = tuple(int(part) for part in project["requires-python"].removeprefix(">=").split("."))
    conda_python = tuple(int(part) for part in conda_pins()["python"].split("."))
    assert conda_python >= minimum


def test_installed_versions_match_the_pins():
    """Is this test run using the pinned versions (so the suite tests what learners install)?"""
    from importlib.metadata import version

    assert {name: version(name) for name in pip_pins()} == pip_pins()
