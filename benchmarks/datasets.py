"""How long the data takes to generate, and each file to load: xlsx with openpyxl and with calamine.

    python benchmarks/datasets.py [--runs 5]

Prints the time of `course data`'s work (simulation and writing, once), then per file its
rows, size and the median load time over several runs, read the documented way; for xlsx
files also with pandas' calamine engine, and the ratio of the two, measured side by side.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from likes_to_ledger.data.catalog import FILES
from likes_to_ledger.data.generate import generate_all, load
from likes_to_ledger.paths import CourseDir


def median_seconds(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="load runs per file (default 5)")
    args = parser.parse_args()
    course = CourseDir.find(Path(__file__).parent)

    with tempfile.TemporaryDirectory(prefix="course-data-bench-") as folder:
        start = time.perf_counter()
        generate_all(Path(folder) / "datasets", Path(folder) / "ground_truth.md")
        print(
            f"generation (simulate, write all files and both documents): {time.perf_counter() - start:.1f} s"
        )

    print(f"\nload times, median of {args.runs} runs, seconds")
    print("read: the documented call (openpyxl for xlsx); calamine: the same call with engine='calamine'")
    print(f"{'file':<34} {'rows':>7} {'MB':>6} {'read':>8} {'calamine':>9} {'ratio':>6}")
    for data_file in FILES:
        paths = data_file.paths(course.datasets)
        rows = len(load(data_file, course.datasets))
        size = sum(path.stat().st_size for path in paths) / 1e6
        documented = median_seconds(lambda data_file=data_file: load(data_file, course.datasets), args.runs)
        line = f"{data_file.name:<34} {rows:>7} {size:>6.2f} {documented:>8.3f}"
        if data_file.name.endswith(".xlsx"):
            calamine = lambda data_file=data_file: load(data_file, course.datasets, engine="calamine")  # noqa: E731
            fast = median_seconds(calamine, args.runs)
            line += f" {fast:>9.3f} {documented / fast:>6.1f}"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
