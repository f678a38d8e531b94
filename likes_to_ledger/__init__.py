"""Tooling for the Likes to Ledger course: the `course` command and its helpers.

From a notebook cell: `from likes_to_ledger import self_check, progress`.
"""


def self_check(notebook=None):
    """Self-grade a saved lesson notebook, as `course check` does; see likes_to_ledger.selfcheck."""
    from likes_to_ledger.selfcheck import self_check as run

    return run(notebook)


def progress():
    """Your last self-grade of every lesson, as a table and a chart (`course progress`)."""
    from likes_to_ledger.paths import CourseDir
    from likes_to_ledger.progress import progress_report

    return progress_report(CourseDir.find())
