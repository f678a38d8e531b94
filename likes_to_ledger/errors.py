"""The base of every error the `course` command reports as a message rather than a traceback."""


class CourseError(Exception):
    """An error whose message says what went wrong and what to do next."""
