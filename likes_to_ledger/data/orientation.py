"""Lesson 00's small workbook: one week of posts, tidied by the social team for a Monday meeting."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from likes_to_ledger.data.fileio import save_stable

SEED = 20250303

ORIENTATION_WEEK_START = datetime(2025, 3, 3)  # a Monday
# (day of the week, local time, network, post type, caption)
ORIENTATION_SCHEDULE = [
    (0, "12:05", "Instagram", "Reel", "Monday roast: how we roast our Ethiopia Guji"),
    (0, "19:10", "Facebook", "Photo", "New bag, same beans: meet our spring label"),
    (1, "08:30", "LinkedIn", "Text", "We're hiring a wholesale account manager"),
    (1, "12:15", "Instagram", "Photo", "Latte art Tuesday"),
    (2, "12:00", "Facebook", "Link", "Five ways to brew better coffee at home"),
    (2, "19:05", "Instagram", "Carousel", "Meet the farmers behind Finca La Esperanza"),
    (3, "09:00", "LinkedIn", "Link", "Case study: coffee for a 200-person office"),
    (3, "19:20", "Instagram", "Reel", "60 seconds at the roaster"),
    (4, "12:30", "Facebook", "Photo", "Weekend pastry pairing"),
    (5, "10:00", "Instagram", "Photo", "Saturday at the Market Street café"),
    (6, "18:45", "Facebook", "Reel", "Sunday slow pour-over"),
    (6, "19:30", "Instagram", "Carousel", "Next week's roast schedule"),
]
# Typical reach of a post by network and format (reels travel furthest, links least).
TYPICAL_REACH = {
    ("Instagram", "Reel"): 4200,
    ("Instagram", "Carousel"): 2300,
    ("Instagram", "Photo"): 1800,
    ("Facebook", "Reel"): 2600,
    ("Facebook", "Photo"): 1300,
    ("Facebook", "Link"): 900,
    ("LinkedIn", "Text"): 750,
    ("LinkedIn", "Link"): 600,
}
POST_COLUMNS = [
    "Date",
    "Network",
    "Post type",
    "Caption",
    "Reach",
    "Likes",
    "Comments",
    "Shares",
    "Link clicks",
]


def orientation_posts() -> list[list]:
    """One week of Kettle & Crow's posts across three networks, one row per post."""
    rng = random.Random(SEED)
    rows = []
    for day, clock, network, post_type, caption in ORIENTATION_SCHEDULE:
        hour, minute = map(int, clock.split(":"))
        posted = ORIENTATION_WEEK_START + timedelta(days=day, hours=hour, minutes=minute)
        reach = round(TYPICAL_REACH[network, post_type] * rng.uniform(0.8, 1.2))
        likes = round(reach * rng.uniform(0.03, 0.06))
        comments = round(likes * rng.uniform(0.05, 0.12))
        shares = round(likes * rng.uniform(0.02, 0.08))
        click_rate = rng.uniform(0.015, 0.03) if post_type == "Link" else rng.uniform(0, 0.003)
        rows.append(
            [posted, network, post_type, caption, reach, likes, comments, shares, round(reach * click_rate)]
        )
    return rows


def write_orientation_week(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Posts"
    sheet.append(POST_COLUMNS)
    for row in orientation_posts():
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for cell in sheet["A"][1:]:
        cell.number_format = "yyyy-mm-dd hh:mm"
    for column, width in zip("ABCDEFGHI", [17, 11, 10, 46, 8, 8, 10, 8, 11], strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"

    about = workbook.create_sheet("About")
    for line in [
        ["Kettle & Crow Coffee Roasters: social posts, week of 3 March 2025"],
        ["Put together by the social team for the Monday meeting. Times are local (US Pacific time)."],
        ["Reach: unique people who saw the post. Likes, Comments, Shares, Link clicks: counts."],
    ]:
        about.append(line)
    save_stable(workbook, path)


def write(folder: Path) -> list[Path]:
    path = folder / "orientation_week.xlsx"
    write_orientation_week(path)
    return [path]
