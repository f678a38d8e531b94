"""The course's late policy, as an nbgrader late-submission plugin.

nbgrader asks its plugin for a notebook's penalty when a submission's timestamp is after the lesson's due
date (plus the student's extension); its own choices are no penalty or zero. grader_config.py selects this
plugin, and instructors tune it there:

    c.PercentPerDayLate.percent_per_day = 10   # the share of the score lost per started day late
    c.PercentPerDayLate.grace_minutes = 15     # this late is still on time (uploads take a while)
    c.PercentPerDayLate.max_days_late = 7      # later than this scores zero

Due dates live in the gradebook: the formgrader's Manage Assignments page, or `course grade LESSON --due ...`.
"""

from __future__ import annotations

import math

from nbgrader.plugins import LateSubmissionPlugin
from traitlets import Float, Int

SECONDS_PER_DAY = 24 * 60 * 60


class PercentPerDayLate(LateSubmissionPlugin):
    """Take a share of the score for every started day late; zero after a maximum number of days."""

    percent_per_day = Float(10.0, help="Percent of the notebook's score lost per started day late.").tag(
        config=True
    )
    grace_minutes = Float(15.0, help="Minutes after the due date that still count as on time.").tag(
        config=True
    )
    max_days_late = Int(7, help="A submission more days late than this scores zero.").tag(config=True)

    def late_submission_penalty(self, student_id: str, score: float, total_seconds_late: float) -> float:
        if total_seconds_late <= self.grace_minutes * 60:
            return 0.0
        days_late = math.ceil(total_seconds_late / SECONDS_PER_DAY)
        if days_late > self.max_days_late:
            return score
        share = min(1.0, days_late * self.percent_per_day / 100)
        return round(score * share, 2)
