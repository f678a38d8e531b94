"""Do the committed data files agree with themselves and with each other?

Every file is read the documented way (datasets/README.md, through the catalog); a few second sheets are
read with the same call and another `sheet_name`. Each test asks one question an analyst would ask before
trusting the numbers, and compares values computed from the files.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from itertools import pairwise

import numpy as np
import pandas as pd
import pytest
from conftest import COURSE

from likes_to_ledger.data.catalog import FILES
from likes_to_ledger.data.generate import load

LOCAL = "America/Los_Angeles"
FIRST_DAY, LAST_DAY = pd.Timestamp("2024-07-01"), pd.Timestamp("2026-06-30")  # local dates, both included
CATALOG = {data_file.name: data_file for data_file in FILES}

X = "x_tweet_activity_YYYY_MM.csv"
X_BY_FILE = "x_tweet_activity_YYYY_MM.csv, file by file"
X_MANGLED_FILE = "x_tweet_activity_2025_02.csv"  # the data dictionary names February 2025
LINKEDIN_DAILY = "linkedin_page_content.xlsx, sheet Update metrics (aggregated)"
FACEBOOK_NEGATIVE = "facebook_post_insights.xlsx, sheet Lifetime Negative Feedback"
GEO_DESIGN = "geo_holdout_test.xlsx, sheet Test design"
XLSX = {"engine": "openpyxl"}

# Second sheets: the documented call of their workbook, with another sheet_name.
SECOND_SHEETS = {
    LINKEDIN_DAILY: lambda folder: pd.read_excel(
        folder / "linkedin_page_content.xlsx", sheet_name="Update metrics (aggregated)", header=1, **XLSX
    ),
    FACEBOOK_NEGATIVE: lambda folder: pd.read_excel(
        folder / "facebook_post_insights.xlsx", sheet_name="Lifetime Negative Feedback", **XLSX
    ),
    GEO_DESIGN: lambda folder: pd.read_excel(
        folder / "geo_holdout_test.xlsx", sheet_name="Test design", **XLSX
    ),
}

SHOPIFY_TIME = "%Y-%m-%d %H:%M:%S %z"
ZENDESK_TIME = "%Y-%m-%d %H:%M:%S"
CLOSED_STAGES = "Closed Won", "Closed Lost"  # every other Deal Stage is an open deal
CLOSED_DEALS = "hubspot_deals.xlsx, closed deals"


class Frames(dict):
    """File (or sheet) name -> DataFrame, each read once, when a test first asks for it."""

    def __init__(self, folder):
        super().__init__()
        self.folder = folder

    def __missing__(self, name: str) -> pd.DataFrame:
        if name == X_BY_FILE:
            frame = {path.name: CATALOG[X].read(path) for path in CATALOG[X].paths(self.folder)}
        elif name == X:  # what load() returns: the monthly files one after another
            frame = pd.concat(self[X_BY_FILE].values(), ignore_index=True)
        elif name in SECOND_SHEETS:
            frame = SECOND_SHEETS[name](self.folder)
        else:
            frame = load(CATALOG[name], self.folder)
        self[name] = frame
        return frame


@pytest.fixture(scope="module")
def data() -> Frames:
    return Frames(COURSE.datasets)


def cents(values: pd.Series) -> pd.Series:
    """USD or EUR amounts as whole cents, so that 'to the cent' is an exact integer comparison."""
    return (values * 100).round().astype("int64")


def design_cents(value) -> int:
    """A cell of the geo test's Test design sheet (a column of mixed text and numbers) in whole cents."""
    return round(float(value) * 100)


def rows(frame: pd.DataFrame, mask, columns=None, n: int = 5) -> str:
    """The first few offending rows, for an assertion message."""
    shown = frame.loc[mask] if columns is None else frame.loc[mask, columns]
    return f"{int(np.sum(mask))} rows, e.g.\n{shown.head(n).to_string()}"


def shopify_orders(shopify: pd.DataFrame) -> pd.DataFrame:
    """One row per order: the rows that carry the order fields (an order's first line item)."""
    return shopify[shopify["Total"].notna()]


def local_time(text: pd.Series, fmt: str) -> pd.Series:
    """Text with a UTC offset (or in UTC), as naive local time in America/Los_Angeles."""
    return pd.to_datetime(text, format=fmt, utc=True).dt.tz_convert(LOCAL).dt.tz_localize(None)


def as_is(values: pd.Series) -> pd.Series:
    """A column the documented read call already parses into dates."""
    assert pd.api.types.is_datetime64_any_dtype(values), f"{values.name} is not read as dates"
    return values


def text(fmt: str):
    return lambda values: pd.to_datetime(values, format=fmt)


MDY_HM, MDY = text("%m/%d/%Y %H:%M"), text("%m/%d/%Y")


def dates(name: str, column: str, parse, days_after: int = 0):
    """A case of the period test: a file's date column, how to read it as naive local time, and how many
    days it may pass 30 June 2026 (said why where it is not 0)."""
    return pytest.param(name, column, parse, days_after, id=f"{name}: {column}")


DATES = [
    dates("orientation_week.xlsx", "Date", as_is),
    dates("facebook_post_insights.xlsx", "Posted", MDY_HM),
    dates("instagram_posts.csv", "Publish time", MDY_HM),
    dates(X, "time", lambda values: local_time(values, "%Y-%m-%d %H:%M %z")),  # UTC: the local date counts
    dates(LINKEDIN_DAILY, "Date", MDY),
    dates("linkedin_page_content.xlsx", "Created date", MDY),
    dates("linkedin_page_content.xlsx", "Campaign start date", MDY),
    # A sponsored campaign started in June may be scheduled to end in July (the latest: 2026-07-08).
    dates("linkedin_page_content.xlsx", "Campaign end date", MDY, 31),
    dates("meta_ads_manager.xlsx", "Reporting starts", as_is),
    dates("meta_ads_manager.xlsx", "Reporting ends", as_is),
    dates("ga4_traffic_acquisition.csv", "Date", text("%Y%m%d")),
    dates("ga4_landing_pages.csv", "Date", text("%Y%m%d")),
    dates("shopify_orders.csv", "Created at", lambda values: local_time(values, SHOPIFY_TIME)),
    dates("shopify_orders.csv", "Paid at", lambda values: local_time(values, SHOPIFY_TIME)),
    dates("shopify_orders.csv", "Cancelled at", lambda values: local_time(values, SHOPIFY_TIME)),
    # The export selects orders by creation date: orders of the last days are shipped in early July.
    dates("shopify_orders.csv", "Fulfilled at", lambda values: local_time(values, SHOPIFY_TIME), 7),
    dates("hubspot_contacts.xlsx", "Create Date", as_is),
    dates(
        "hubspot_deals.xlsx",
        "Create Date",
        as_is,
    ),
    # Closed deals only: an open deal's Close Date is an expected date after the period (HubSpot test).
    dates(CLOSED_DEALS, "Close Date", as_is),
    dates("listening_mentions.tsv", "Date", text("%d-%b-%Y")),
    dates("zendesk_tickets.csv", "Created at", text(ZENDESK_TIME)),
    # No allowance: a ticket that would be solved after 30 June is exported Open, without Solved at.
    dates("zendesk_tickets.csv", "Solved at", text(ZENDESK_TIME)),
    dates("customer_journeys.csv", "Timestamp", as_is),
    dates("geo_holdout_test.xlsx", "Week starting", as_is),
    dates("ventes_filiale_france.csv", "Date", as_is),
]


# ---------------------------------------------------------------------------------------------- Shopify


def test_shopify_subtotal_equals_its_line_items(data):
    """Does every Shopify order's Subtotal equal the sum of Lineitem price × Lineitem quantity over its rows,
    to the cent?"""
    shopify = data["shopify_orders.csv"]
    line_cents = (
        cents(shopify["Lineitem price"] * shopify["Lineitem quantity"]).groupby(shopify["Name"]).sum()
    )
    orders = shopify_orders(shopify).set_index("Name")
    assert len(orders) > 0
    differs = cents(orders["Subtotal"]) != line_cents.reindex(orders.index)
    assert not differs.any(), rows(
        orders.assign(line_items=line_cents / 100), differs, ["Subtotal", "line_items"]
    )


def test_shopify_total_is_subtotal_minus_discount_plus_shipping_and_taxes(data):
    """Is every Shopify order's Total its Subtotal − Discount Amount + Shipping + Taxes, to the cent?"""
    orders = shopify_orders(data["shopify_orders.csv"])
    expected = (
        cents(orders["Subtotal"])
        - cents(orders["Discount Amount"])
        + cents(orders["Shipping"])
        + cents(orders["Taxes"])
    )
    differs = cents(orders["Total"]) != expected
    columns = ["Name", "Subtotal", "Discount Amount", "Shipping", "Taxes", "Total"]
    assert not differs.any(), rows(orders, differs, columns)


def test_shopify_refunds_and_cancellations_agree_with_the_financial_status(data):
    """Is no Shopify order refunded more than its Total, are refunds where the Financial Status says, and
    do exactly the voided orders have a `Cancelled at`?"""
    orders = shopify_orders(data["shopify_orders.csv"])
    refunded, total, status = (
        cents(orders["Refunded Amount"]),
        cents(orders["Total"]),
        orders["Financial Status"],
    )
    columns = ["Name", "Financial Status", "Total", "Refunded Amount", "Cancelled at"]
    assert set(status) <= {"paid", "partially_refunded", "refunded", "voided"}
    too_much = refunded > total
    assert not too_much.any(), rows(orders, too_much, columns)
    wrong = (
        ((status == "paid") & (refunded != 0))
        | ((status == "refunded") & (refunded != total))
        | ((status == "partially_refunded") & ~((refunded > 0) & (refunded < total)))
    )
    assert not wrong.any(), rows(orders, wrong, columns)
    voided = status == "voided"
    assert (voided == orders["Cancelled at"].notna()).all(), rows(
        orders, voided != orders["Cancelled at"].notna(), columns
    )


def test_shopify_order_names_are_unique_and_every_line_item_belongs_to_an_order(data):
    """Is each order Name on exactly one order row, and is every line-item row right under its order's
    first row, with the order fields left empty?"""
    shopify = data["shopify_orders.csv"]
    is_order_row = shopify["Total"].notna()
    names = shopify.loc[is_order_row, "Name"]
    assert names.notna().all() and names.is_unique, rows(shopify, is_order_row & names.duplicated(keep=False))
    assert shopify["Name"].isin(names).all(), rows(shopify, ~shopify["Name"].isin(names), ["Name"])
    # An order's rows are consecutive and its first row carries the order fields: the Name changes
    # exactly on the rows with order fields.
    new_name = shopify["Name"].ne(shopify["Name"].shift())
    assert (new_name == is_order_row).all(), rows(shopify, new_name != is_order_row, ["Name", "Total"])
    order_fields = [
        "Financial Status", "Subtotal", "Shipping", "Taxes", "Total", "Refunded Amount", "Payment Method",
        "Id", "Risk Level", "Source",
    ]  # fmt: skip
    leaked = shopify.loc[~is_order_row, order_fields].notna().any(axis=1)
    assert not leaked.any(), rows(shopify.loc[~is_order_row], leaked, ["Name", *order_fields])
    # The vendor belongs to the line item, so every row has it.
    assert (shopify["Vendor"] == "Kettle & Crow").all(), rows(shopify, shopify["Vendor"] != "Kettle & Crow")
    assert shopify["Lineitem quantity"].notna().all() and (shopify["Lineitem quantity"] >= 1).all()


def test_shopify_timestamps_carry_the_los_angeles_offset_of_their_date(data):
    """Does each Shopify time carry the UTC offset Los Angeles had then (−0700 in summer, −0800 in
    winter), and does nothing happen to an order before it is created?"""
    shopify = data["shopify_orders.csv"]
    for column in ["Created at", "Paid at", "Fulfilled at", "Cancelled at"]:
        written = shopify[column].dropna()
        instant = pd.to_datetime(written, format=SHOPIFY_TIME, utc=True).dt.tz_convert(LOCAL)
        rewritten = instant.dt.strftime(SHOPIFY_TIME)
        assert (rewritten == written).all(), f"{column}: " + rows(written.to_frame(), rewritten != written)
    orders = shopify_orders(shopify)
    created = pd.to_datetime(orders["Created at"], format=SHOPIFY_TIME, utc=True)
    for column in ["Paid at", "Fulfilled at", "Cancelled at"]:
        later = pd.to_datetime(orders[column], format=SHOPIFY_TIME, utc=True)
        early = later < created
        assert not early.any(), f"{column} before Created at: " + rows(
            orders, early, ["Name", "Created at", column]
        )


# -------------------------------------------------------------------------------- reach and impressions


def test_reach_never_exceeds_impressions(data):
    """Wherever a file has both, is the number of people reached at most the number of impressions
    (Facebook total, organic and paid; Instagram Reach ≤ Views; Meta Ads Manager; LinkedIn daily unique
    impressions)?"""
    facebook = data["facebook_post_insights.xlsx"]
    pairs = [
        (facebook, "Lifetime Post Total Reach", "Lifetime Post Total Impressions"),
        (facebook, "Lifetime Post organic reach", "Lifetime Post Organic Impressions"),
        (facebook, "Lifetime Post Paid Reach", "Lifetime Post Paid Impressions"),
        (data["instagram_posts.csv"], "Reach", "Views"),
        (data["meta_ads_manager.xlsx"], "Reach", "Impressions"),
        (data[LINKEDIN_DAILY], "Unique impressions (organic)", "Impressions (organic)"),
    ]
    for frame, reach, impressions in pairs:
        assert len(frame) > 0
        over = frame[reach] > frame[impressions]
        assert not over.any(), f"{reach} > {impressions}: " + rows(frame, over, [reach, impressions])


def test_facebook_total_reach_counts_people_reached_both_ways_once(data):
    """Is Facebook's total reach between the larger of organic and paid reach and their sum (people reached
    both ways count once), while total impressions are exactly organic + paid impressions?"""
    facebook = data["facebook_post_insights.xlsx"]
    organic, paid = facebook["Lifetime Post organic reach"], facebook["Lifetime Post Paid Reach"]
    total = facebook["Lifetime Post Total Reach"]
    outside = (total < np.maximum(organic, paid)) | (total > organic + paid)
    assert not outside.any(), rows(facebook, outside, ["Post ID", total.name, organic.name, paid.name])
    impressions = facebook[["Lifetime Post Organic Impressions", "Lifetime Post Paid Impressions"]].sum(
        axis=1
    )
    differs = facebook["Lifetime Post Total Impressions"] != impressions
    assert not differs.any(), rows(facebook, differs)


def test_facebook_negative_feedback_by_type_adds_up_to_the_total(data):
    """Does the `Lifetime Negative Feedback` sheet hold the same posts as `Key Metrics`, with feedback by
    type adding up to each post's `Lifetime Negative feedback`?"""
    facebook = data["facebook_post_insights.xlsx"].set_index("Post ID")
    by_type = data[FACEBOOK_NEGATIVE].set_index("Post ID")
    assert sorted(by_type.index) == sorted(facebook.index)
    summed = by_type.sum(axis=1).reindex(facebook.index)
    differs = summed != facebook["Lifetime Negative feedback"]
    assert not differs.any(), rows(
        facebook.assign(by_type=summed), differs, ["Lifetime Negative feedback", "by_type"]
    )


# ------------------------------------------------------------------------------------- counts and dates

NUMERIC_FRAMES = [*CATALOG, LINKEDIN_DAILY, FACEBOOK_NEGATIVE]


@pytest.mark.parametrize("name", NUMERIC_FRAMES)
def test_no_negative_counts(data, name):
    """Is every number of every file zero or more (X's `promoted …` columns, `-` when not promoted, read as
    NaN and left out), and is every column the dictionary calls a number read as one?"""
    frame = data[name]
    documented = CATALOG[name].columns if name in CATALOG else ()
    numeric_kinds = {"whole number", "number", "number or `-`"}
    text_columns = [
        column.name
        for column in documented
        if column.kind in numeric_kinds
        and column.name in frame.columns
        and not pd.api.types.is_numeric_dtype(frame[column.name])
    ]
    assert text_columns == [], f"documented as numbers but read as text: {text_columns}"
    numbers = frame.select_dtypes("number")
    assert numbers.shape[1] > 0, "no numeric column: misread?"
    negative = (numbers < 0).sum()
    assert negative.sum() == 0, f"negative values: {negative[negative > 0].to_dict()}"


def test_x_metrics_are_read_as_numbers(data):
    """Are all 36 X metric columns (18 organic, 18 promoted) numbers once `-` reads as NaN, so that the
    no-negative check sees them?"""
    x = data[X]
    metrics = [
        column for column in x.columns if column not in ("Tweet id", "Tweet permalink", "Tweet text", "time")
    ]
    assert len(metrics) == 36
    assert all(pd.api.types.is_numeric_dtype(x[column]) for column in metrics)


@pytest.mark.parametrize(("name", "column", "parse", "days_after"), DATES)
def test_dates_lie_inside_the_period(data, name, column, parse, days_after):
    """Does every date of every file fall between 1 July 2024 and 30 June 2026 (local dates), apart from
    the stated allowances?"""
    if name == CLOSED_DEALS:
        deals = data["hubspot_deals.xlsx"]
        frame = deals[deals["Deal Stage"].isin(CLOSED_STAGES)]
    else:
        frame = data[name]
    values = frame[column].dropna()
    assert len(values) > 0
    days = parse(values).dt.normalize()
    outside = (days < FIRST_DAY) | (days > LAST_DAY + pd.Timedelta(days=days_after))
    assert not outside.any(), f"{column} from {days.min():%Y-%m-%d} to {days.max():%Y-%m-%d}: " + rows(
        values.to_frame(), outside
    )


def test_meta_ads_weeks_run_monday_to_sunday_and_the_last_ends_with_the_period(data):
    """Is every Ads Manager row one Monday-to-Sunday week inside the period, except the last, which ends on
    30 June 2026 (a Tuesday) as the report does?"""
    ads = data["meta_ads_manager.xlsx"]
    starts, ends = ads["Reporting starts"], ads["Reporting ends"]
    assert (starts.dt.day_of_week == 0).all(), rows(ads, starts.dt.day_of_week != 0, ["Reporting starts"])
    assert starts.between(FIRST_DAY, LAST_DAY).all()
    last_monday = LAST_DAY - pd.Timedelta(days=LAST_DAY.day_of_week)
    full = starts < last_monday
    assert (ends[full] - starts[full] == pd.Timedelta(days=6)).all()
    assert (ends[~full] == LAST_DAY).all() and (~full).any()


def test_geo_holdout_weeks_lie_inside_the_period_and_ads_run_only_where_and_when_planned(data):
    """Are the geo test's weeks whole Monday-to-Sunday weeks inside the period, consecutive and the same
    for every region, with the pre-test before the test, and ad spend only in treatment regions during
    the test?"""
    geo = data["geo_holdout_test.xlsx"]
    weeks = geo["Week starting"]
    assert (weeks.dt.day_of_week == 0).all()
    assert weeks.min() >= FIRST_DAY and weeks.max() + pd.Timedelta(days=6) <= LAST_DAY
    calendar = sorted(weeks.unique())
    assert all(b - a == pd.Timedelta(days=7) for a, b in pairwise(calendar))
    per_region = geo.groupby("Region")["Week starting"].agg(lambda w: tuple(sorted(w)))
    assert (per_region == tuple(calendar)).all(), "a region misses a week or has one twice"
    assert geo.groupby("Region")["Group"].nunique().eq(1).all(), "a region changes group"
    assert (
        geo.loc[geo["Period"] == "Pre-test", "Week starting"].max()
        < geo.loc[geo["Period"] == "Test", "Week starting"].min()
    )
    planned = (geo["Group"] == "Treatment") & (geo["Period"] == "Test")
    spend = geo["Ad spend (USD)"]
    assert (spend[planned] > 0).all() and (spend[~planned] == 0).all(), rows(geo, (spend > 0) != planned)


def test_geo_holdout_spend_matches_the_ads_manager_geo_campaign(data):
    """Does the geo file's weekly ad spend match the Ads Manager spend of the `Geo holdout` campaign, week
    by week (within the half cent each treatment region's share may be rounded by), and does the Test
    design sheet's test spend equal the file's total?"""
    geo = data["geo_holdout_test.xlsx"]
    ads = data["meta_ads_manager.xlsx"]
    campaign = ads[ads["Campaign name"].str.startswith("Geo holdout")]
    assert len(campaign) > 0
    geo_weekly = geo[geo["Period"] == "Test"].groupby("Week starting")["Ad spend (USD)"].sum()
    ads_weekly = campaign.groupby("Reporting starts")["Amount spent (USD)"].sum()
    assert list(geo_weekly.index) == list(ads_weekly.index), "the test weeks are not the campaign's weeks"
    regions = geo.loc[geo["Group"] == "Treatment", "Region"].nunique()
    gap = (geo_weekly - ads_weekly).abs()
    assert (gap <= 0.005 * regions + 1e-9).all(), f"weekly spend differs by up to {gap.max():.2f} USD"
    design = data[GEO_DESIGN].set_index("Item")["Value"]
    assert design_cents(design["Test spend (USD)"]) == cents(geo["Ad spend (USD)"]).sum()
    assert int(design["Regions"]) == geo["Region"].nunique()
    assert int(design["Pre-test weeks"]) == geo.loc[geo["Period"] == "Pre-test", "Week starting"].nunique()
    assert int(design["Test weeks"]) == geo.loc[geo["Period"] == "Test", "Week starting"].nunique()


def test_geo_holdout_design_quotes_the_ads_manager_conversion_value(data):
    """Does the Test design sheet's platform-reported conversion value equal the Ads Manager conversion
    value of the geo campaign, to the cent?"""
    ads = data["meta_ads_manager.xlsx"]
    campaign = ads[ads["Campaign name"].str.startswith("Geo holdout")]
    assert len(campaign) > 0
    design = data[GEO_DESIGN].set_index("Item")["Value"]
    reported = design_cents(design["Platform-reported conversion value (USD)"])
    assert reported == cents(campaign["Purchases conversion value"]).sum()


def test_geo_holdout_design_test_start_is_the_first_test_week(data):
    """Is the Test design sheet's Test start a date, the Monday of the first test week?"""
    geo = data["geo_holdout_test.xlsx"]
    start = data[GEO_DESIGN].set_index("Item")["Value"]["Test start"]
    first_test_week = geo.loc[geo["Period"] == "Test", "Week starting"].min()
    assert isinstance(start, pd.Timestamp | np.datetime64 | dt.date), f"Test start reads as {start!r}"
    assert pd.Timestamp(start) == first_test_week


# --------------------------------------------------------------------------------------- GA4 and Shopify


def test_ga4_revenue_and_key_events_match_shopify_web_orders_each_day(data):
    """For every day, does GA4's Total revenue equal the Total of that local day's Shopify web orders (to
    the cent), and GA4's Key events their number? (POS orders are not in GA4; voided orders are, as GA4
    records the purchase.)"""
    ga4 = data["ga4_traffic_acquisition.csv"]
    orders = shopify_orders(data["shopify_orders.csv"])
    web = orders[orders["Source"] == "web"]
    web_day = local_time(web["Created at"], SHOPIFY_TIME).dt.normalize()
    ga4_day = pd.to_datetime(ga4["Date"], format="%Y%m%d")
    compared = pd.DataFrame(
        {
            "ga4_cents": cents(ga4["Total revenue"]).groupby(ga4_day).sum(),
            "shopify_cents": cents(web["Total"]).groupby(web_day).sum(),
            "ga4_key_events": ga4["Key events"].groupby(ga4_day).sum(),
            "shopify_web_orders": web_day.value_counts(),
        }
    ).fillna(0)
    assert len(compared) >= 700 and compared["shopify_web_orders"].sum() == len(web) > 0
    revenue = compared["ga4_cents"] != compared["shopify_cents"]
    assert not revenue.any(), rows(compared, revenue)
    count = compared["ga4_key_events"] != compared["shopify_web_orders"]
    assert not count.any(), rows(compared, count)


def test_every_web_order_has_exactly_one_converting_visit_worth_its_total(data):
    """Does every Shopify web order appear on exactly one converting row of customer_journeys.csv (a
    `Conversion value`, equal to the order's Total, on the order's last visit, before the order), and do
    POS orders have no journey at all?"""
    journeys = data["customer_journeys.csv"]
    orders = shopify_orders(data["shopify_orders.csv"]).set_index("Name")
    web, pos = orders[orders["Source"] == "web"], orders[orders["Source"] == "pos"]
    assert set(orders["Source"]) == {"web", "pos"}
    converting = journeys[journeys["Conversion value"].notna()]
    per_order = converting["Order"].value_counts().reindex(web.index, fill_value=0)
    assert (per_order == 1).all(), rows(per_order.to_frame(), per_order != 1)
    assert converting["Order"].isin(web.index).all(), rows(converting, ~converting["Order"].isin(web.index))
    assert not journeys["Order"].isin(pos.index).any(), rows(journeys, journeys["Order"].isin(pos.index))
    assert journeys["Order"].isin(web.index).all(), rows(journeys, ~journeys["Order"].isin(web.index))
    value = cents(converting.set_index("Order")["Conversion value"])
    differs = value != cents(web["Total"]).reindex(value.index)
    assert not differs.any(), rows(converting.set_index("Order"), differs)
    last_visit = journeys.groupby("Order")["Timestamp"].max()
    converted_at = converting.set_index("Order")["Timestamp"]
    assert (converted_at == last_visit.reindex(converted_at.index)).all(), "a visit after the converting one"
    created = local_time(web["Created at"], SHOPIFY_TIME).reindex(converted_at.index)
    assert (converted_at <= created).all(), rows(converting.set_index("Order"), converted_at > created)


def test_ga4_rates_follow_from_its_counts(data):
    """In GA4, are engaged sessions and key events at most the sessions, do Engagement rate and Session key
    event rate equal their ratios (at the 4 decimals shown), and is there revenue exactly where there are
    key events?"""
    ga4 = data["ga4_traffic_acquisition.csv"]
    sessions = ga4["Sessions"]
    assert (sessions > 0).all()
    assert (ga4["Engaged sessions"] <= sessions).all() and (ga4["Key events"] <= sessions).all()
    for rate, count in [("Engagement rate", "Engaged sessions"), ("Session key event rate", "Key events")]:
        gap = (ga4[rate] - ga4[count] / sessions).abs()
        assert (gap <= 0.00005 + 1e-9).all(), rows(ga4, gap > 0.00005 + 1e-9, [rate, count, "Sessions"])
    assert ((ga4["Total revenue"] > 0) == (ga4["Key events"] > 0)).all()


def test_ga4_events_per_session_is_event_count_over_sessions(data):
    """Does GA4's Events per session equal Event count / Sessions, at the 2 decimals shown?"""
    ga4 = data["ga4_traffic_acquisition.csv"]
    gap = (ga4["Events per session"] - ga4["Event count"] / ga4["Sessions"]).abs()
    assert (gap <= 0.005 + 1e-9).all(), rows(ga4, gap > 0.005 + 1e-9)


def test_ga4_has_one_row_per_day_source_medium_and_campaign(data):
    """Is there one GA4 row per day, session source / medium and campaign, as the dictionary says?"""
    ga4 = data["ga4_traffic_acquisition.csv"]
    repeated = ga4.duplicated(["Date", "Session source / medium", "Session campaign"], keep=False)
    assert not repeated.any(), rows(ga4, repeated)


# ---------------------------------------------------------------------------------------------- Meta ads


def test_meta_ads_derived_columns_follow_from_spend_and_counts(data):
    """Do Ads Manager's CPM, CPC, CTR, Frequency and Purchase ROAS equal spend / impressions × 1000,
    spend / link clicks, clicks / impressions × 100, impressions / reach and conversion value / spend
    (relative 1e-6, or the 6 decimals they are written with), and Cost per result spend / results to the
    cent (empty without results)?"""
    ads = data["meta_ads_manager.xlsx"]
    spend = ads["Amount spent (USD)"]
    assert (spend > 0).all() and (ads["Impressions"] > 0).all() and (ads["Link clicks"] > 0).all()
    derived = {
        "CPM (cost per 1,000 impressions)": spend / ads["Impressions"] * 1000,
        "CPC (cost per link click)": spend / ads["Link clicks"],
        "CTR (link click-through rate)": ads["Link clicks"] / ads["Impressions"] * 100,
        "Frequency": ads["Impressions"] / ads["Reach"],
        "Purchase ROAS (return on ad spend)": ads["Purchases conversion value"] / spend,
    }
    for column, expected in derived.items():
        close = np.isclose(ads[column], expected, rtol=1e-6, atol=5e-7)
        assert close.all(), f"{column}: " + rows(ads.assign(expected=expected), ~close, [column, "expected"])
    results = ads["Results"]
    with_results = results > 0
    per_result = spend[with_results] / results[with_results]
    gap = (ads.loc[with_results, "Cost per result"] - per_result).abs()
    assert (gap <= 0.005 + 1e-9).all(), rows(ads[with_results], gap > 0.005 + 1e-9)
    assert ads.loc[~with_results, "Cost per result"].isna().all()


# ---------------------------------------------------------------------------------------------- HubSpot


def test_hubspot_deals_link_to_contacts_and_close_consistently(data):
    """Is every deal's Associated Contact ID a contact's Record ID (the contact created no later than the
    deal), is `Is Closed Won` true exactly for `Closed Won`, does no closed deal close before it was created,
    and does every open deal expect to close after the period?"""
    deals, contacts = data["hubspot_deals.xlsx"], data["hubspot_contacts.xlsx"]
    assert contacts["Record ID"].is_unique and deals["Record ID"].is_unique
    links = deals.assign(contact=deals["Associated Contact IDs"].str.split(";")).explode("contact")
    links["contact"] = links["contact"].str.strip()
    known = links["contact"].isin(contacts["Record ID"].astype(str))
    assert not links["contact"].isna().any() and known.all(), rows(links, ~known, ["Record ID", "contact"])
    contact_created = links["contact"].map(
        contacts.set_index(contacts["Record ID"].astype(str))["Create Date"]
    )
    early = links["Create Date"] < contact_created
    assert not early.any(), rows(links.assign(contact_created=contact_created), early)
    won = deals["Deal Stage"] == "Closed Won"
    assert (deals["Is Closed Won"] == won).all(), rows(deals, deals["Is Closed Won"] != won)
    closed = deals["Deal Stage"].isin(CLOSED_STAGES)
    before = closed & (deals["Close Date"] < deals["Create Date"].dt.normalize())
    assert not before.any(), rows(deals, before, ["Record ID", "Deal Stage", "Create Date", "Close Date"])
    # Open deals carry an expected Close Date: a date after the export, so after the period.
    past = ~closed & (deals["Close Date"] <= LAST_DAY)
    assert not past.any(), rows(deals, past, ["Record ID", "Deal Stage", "Create Date", "Close Date"])


# ----------------------------------------------------------------------------------------------- France


def test_french_vat_and_average_basket_add_up(data):
    """In the French file, is CA TTC = CA HT + TVA to the cent, TVA = CA HT × 5.5 % rounded to the cent,
    and Panier moyen TTC = CA TTC / Commandes rounded to the cent? (Both roundings are checked exactly in
    whole cents; an exact half cent may round either way.)"""
    france = data["ventes_filiale_france.csv"]
    ht, tva, ttc = cents(france["CA HT (€)"]), cents(france["TVA (€)"]), cents(france["CA TTC (€)"])
    basket, orders = cents(france["Panier moyen TTC (€)"]), france["Commandes"]
    assert len(france) > 0 and (orders > 0).all()
    assert (ttc == ht + tva).all(), rows(france, ttc != ht + tva)
    # |TVA − HT × 55/1000| ≤ ½ cent, in thousandths of a cent.
    vat_off = (1000 * tva - 55 * ht).abs() > 500
    assert not vat_off.any(), rows(france, vat_off)
    # |basket − TTC / orders| ≤ ½ cent, times 2 × orders.
    basket_off = 2 * (basket * orders - ttc).abs() > orders
    assert not basket_off.any(), rows(france, basket_off)


# ---------------------------------------------------------------------------------------------- Zendesk


def zendesk_times(zendesk: pd.DataFrame) -> pd.DataFrame:
    """Closed tickets with Created at and Solved at as local wall-clock times and as instants (NaT for the
    rare wall-clock time that happens twice, when clocks go back)."""
    closed = zendesk[zendesk["Solved at"].notna()]
    times = closed[["Id"]].copy()
    for column in ["Created at", "Solved at"]:
        wall = pd.to_datetime(closed[column], format=ZENDESK_TIME)
        times[column] = wall
        times[f"{column} (instant)"] = wall.dt.tz_localize(LOCAL, ambiguous="NaT", nonexistent="NaT")
    times["wall minutes"] = (times["Solved at"] - times["Created at"]) / pd.Timedelta(minutes=1)
    elapsed = times["Solved at (instant)"] - times["Created at (instant)"]
    times["elapsed minutes"] = elapsed / pd.Timedelta(minutes=1)
    times["Full resolution time in minutes"] = closed["Full resolution time in minutes"]
    return times


def test_zendesk_reply_times_come_in_order(data):
    """Is each Zendesk ticket's first reply time within business hours at most its calendar first reply
    time, and its full resolution time at least its first reply time?"""
    zendesk = data["zendesk_tickets.csv"]
    calendar = zendesk["First reply time in minutes"]
    business = zendesk["First reply time in minutes within business hours"]
    full = zendesk["Full resolution time in minutes"]
    assert (business <= calendar).all(), rows(zendesk, business > calendar)
    both = full.notna() & calendar.notna()
    assert both.sum() > 0
    assert (full[both] >= calendar[both]).all(), rows(zendesk[both], full[both] < calendar[both])


def test_zendesk_open_tickets_are_the_ones_without_solved_at(data):
    """Are the tickets without `Solved at` exactly the Open ones, without a full resolution time, and all
    others Closed?"""
    zendesk = data["zendesk_tickets.csv"]
    unsolved = zendesk["Solved at"].isna()
    assert set(zendesk["Status"]) <= {"Open", "Closed"}
    assert ((zendesk["Status"] == "Open") == unsolved).all(), rows(
        zendesk, (zendesk["Status"] == "Open") != unsolved
    )
    assert (zendesk["Full resolution time in minutes"].isna() == unsolved).all()


def test_zendesk_resolution_time_is_solved_at_minus_created_at(data):
    """For every closed Zendesk ticket that does not span a change of clocks, is Solved at − Created at the
    Full resolution time in minutes? (Tickets open across a DST change: the next test.)"""
    zendesk = data["zendesk_tickets.csv"]
    for column in ["Created at", "Solved at"]:
        wall = pd.to_datetime(zendesk[column].dropna(), format=ZENDESK_TIME)
        # A time in the hour skipped when clocks go forward never happened in Los Angeles.
        if_summer = np.ones(len(wall), dtype=bool)  # settles the repeated hour, leaving only skipped times
        skipped = wall.dt.tz_localize(LOCAL, ambiguous=if_summer, nonexistent="NaT").isna()
        assert not skipped.any(), f"{column} in a skipped hour: " + rows(wall.to_frame(), skipped)
    times = zendesk_times(zendesk)
    same_offset = times["elapsed minutes"] == times["wall minutes"]  # False for the NaT of a repeated hour
    kept = times[same_offset]
    assert len(kept) > 0.9 * len(times) > 0
    differs = kept["elapsed minutes"] != kept["Full resolution time in minutes"]
    assert not differs.any(), rows(kept, differs)


def test_zendesk_resolution_time_counts_elapsed_minutes_across_dst(data):
    """For closed Zendesk tickets open across a change of clocks, is the Full resolution time the elapsed
    time between Created at and Solved at (Los Angeles time)?"""
    times = zendesk_times(data["zendesk_tickets.csv"])
    across = times[times["elapsed minutes"].notna() & (times["elapsed minutes"] != times["wall minutes"])]
    differs = across["elapsed minutes"] != across["Full resolution time in minutes"]
    assert not differs.any(), rows(across, differs)


# --------------------------------------------------------------------------------------------- LinkedIn


def test_linkedin_daily_totals_are_organic_plus_sponsored(data):
    """On LinkedIn's daily sheet, is each `(total)` count the `(organic)` plus the `(sponsored)` one, with
    one row a day?"""
    daily = data[LINKEDIN_DAILY]
    assert daily["Date"].is_unique and len(daily) > 0
    totals = [column.removesuffix(" (total)") for column in daily.columns if column.endswith(" (total)")]
    counts = [metric for metric in totals if metric != "Engagement rate"]
    assert counts == ["Impressions", "Clicks", "Reactions", "Comments", "Reposts"]
    for metric in counts:
        parts = daily[f"{metric} (organic)"] + daily[f"{metric} (sponsored)"]
        differs = daily[f"{metric} (total)"] != parts
        assert not differs.any(), f"{metric}: " + rows(daily, differs, ["Date", *daily.filter(like=metric)])


# ------------------------------------------------------------------------------------------------------ X

PERMALINK_ID = r"/status/(\d+)$"


def test_x_monthly_files_hold_only_their_utc_month(data):
    """Does each x_tweet_activity_YYYY_MM.csv hold only posts whose UTC `time` is in that month, one file
    for each month of the period?"""
    by_file = data[X_BY_FILE]
    months = [re.fullmatch(r"x_tweet_activity_(\d{4})_(\d{2})\.csv", name) for name in by_file]
    assert all(months)
    assert [f"{m[1]}-{m[2]}" for m in months] == [
        f"{month:%Y-%m}" for month in pd.period_range(FIRST_DAY, LAST_DAY, freq="M")
    ]
    for (name, frame), month in zip(by_file.items(), months, strict=True):
        assert frame["time"].str.endswith(" +0000").all(), f"{name}: a time not in UTC"
        utc = pd.to_datetime(frame["time"], format="%Y-%m-%d %H:%M %z")
        wrong = utc.dt.strftime("%Y-%m") != f"{month[1]}-{month[2]}"
        assert len(frame) > 0 and not wrong.any(), f"{name}: " + rows(frame, wrong, ["Tweet id", "time"])


def test_x_tweet_ids_are_unique_and_match_their_permalinks(data):
    """Is each X post's id the one in its permalink, unique across the files, with exactly one file (February
    2025) holding Excel-mangled ids like `1.88550E+18` that its permalinks still recover?"""
    by_file = data[X_BY_FILE]
    whole_ids = {name: frame["Tweet id"].str.fullmatch(r"\d{19}").all() for name, frame in by_file.items()}
    assert [name for name, whole in whole_ids.items() if not whole] == [X_MANGLED_FILE]
    for name, frame in by_file.items():
        linked = frame["Tweet permalink"].str.extract(PERMALINK_ID)[0]
        assert linked.str.fullmatch(r"\d{19}").all(), f"{name}: a permalink without a 19-digit id"
        if name != X_MANGLED_FILE:
            differs = frame["Tweet id"] != linked
            assert not differs.any(), f"{name}: " + rows(frame, differs, ["Tweet id", "Tweet permalink"])
            continue
        shown = frame["Tweet id"]
        assert shown.str.fullmatch(r"\d\.\d{5}E\+18").all(), rows(
            frame, ~shown.str.fullmatch(r"\d\.\d{5}E\+18")
        )
        # Six significant digits survive: the permalink's id is within one unit of the last one (1e13).
        gaps = [abs(int(Decimal(s)) - int(full)) for s, full in zip(shown, linked, strict=True)]
        assert max(gaps) < 10**13, f"{name}: a permalink id far from the mangled id"
    x = data[X]
    linked = x["Tweet permalink"].str.extract(PERMALINK_ID)[0]
    assert linked.is_unique, rows(x, linked.duplicated(keep=False), ["Tweet id", "Tweet permalink"])
    intact = x[x["Tweet id"].str.fullmatch(r"\d{19}")]
    assert intact["Tweet id"].is_unique


# ------------------------------------------------------------------------------------ GA4 landing pages

LANDING = "ga4_landing_pages.csv"
FACEBOOK_SPELLINGS = {"facebook", "Facebook", "fb", "facebook.com", "m.facebook.com", "l.facebook.com"}


def utm(landing: pd.DataFrame, parameter: str) -> pd.Series:
    """One UTM parameter of each landing page's query string (NaN where the link has none)."""
    return landing["Landing page + query string"].str.extract(rf"[?&]{parameter}=([^&]*)")[0]


def tagged_post_sessions(data) -> pd.DataFrame:
    """Landing-page rows of organic Facebook posts (a Facebook spelling, no paid medium), with their post."""
    landing = data[LANDING]
    medium = utm(landing, "utm_medium").fillna("")
    organic = utm(landing, "utm_source").isin(FACEBOOK_SPELLINGS) & ~medium.isin(["paid_social", "cpc"])
    return landing[organic].assign(post=utm(landing, "utm_content")[organic])


def test_ga4_landing_pages_has_one_row_per_day_and_landing_page(data):
    """Is there one row per day and landing page + query string, as the dictionary says?"""
    landing = data[LANDING]
    repeated = landing.duplicated(["Date", "Landing page + query string"], keep=False)
    assert not repeated.any(), rows(landing, repeated)


def test_ga4_landing_pages_counts_nest(data):
    """Are new users at most active users, active users and engaged sessions at most sessions, key events at
    most engaged sessions, every row at least one session, and engagement times between 0 and 10 minutes?"""
    landing = data[LANDING]
    wrong = (
        (landing["Sessions"] < 1)
        | (landing["Active users"] > landing["Sessions"])
        | (landing["New users"] > landing["Active users"])
        | (landing["Engaged sessions"] > landing["Sessions"])
        | (landing["Key events"] > landing["Engaged sessions"])
        | ~landing["Average engagement time per session"].between(0, 600)
    )
    assert not wrong.any(), rows(landing, wrong)


def test_ga4_landing_pages_facebook_posts_carry_their_post_id(data):
    """Does every tagged organic Facebook link carry, as utm_content, a Post ID exactly as
    facebook_post_insights.xlsx writes it, and does every Link post with link clicks have sessions?"""
    tagged = tagged_post_sessions(data)
    facebook = data["facebook_post_insights.xlsx"]
    unknown = ~tagged["post"].isin(facebook["Post ID"])
    assert len(tagged) > 0 and not unknown.any(), rows(tagged, unknown)
    links = facebook[
        (facebook["Type"] == "Link") & (facebook["Lifetime Post consumers by type - link clicks"] > 0)
    ]
    assert links["Post ID"].isin(tagged["post"]).all()
    assert tagged["post"].nunique() > links["Post ID"].nunique(), "only Link posts are tagged"


def test_ga4_landing_pages_post_sessions_come_in_its_first_days_and_stay_below_its_clicks(data):
    """Does a tagged post bring sessions only on the day it was posted and the next 3 days, never more
    sessions than its link clicks, and at least half of them (posts older than the last 3 days)?"""
    tagged = tagged_post_sessions(data)
    facebook = data["facebook_post_insights.xlsx"].set_index("Post ID")
    posted = pd.to_datetime(facebook["Posted"], format="%m/%d/%Y %H:%M").dt.normalize()
    lag = (pd.to_datetime(tagged["Date"], format="%Y%m%d") - posted[tagged["post"]].to_numpy()).dt.days
    assert lag.between(0, 3).all(), rows(tagged, ~lag.between(0, 3))
    sessions = tagged.groupby("post")["Sessions"].sum()
    clicks = facebook.loc[sessions.index, "Lifetime Post consumers by type - link clicks"]
    assert (sessions <= clicks).all(), rows(sessions.to_frame(), sessions > clicks)
    complete = posted[sessions.index] <= LAST_DAY - pd.Timedelta(days=3)
    assert (sessions[complete] >= 0.5 * clicks[complete]).all()


def test_ga4_landing_pages_paid_links_carry_ads_manager_ad_ids(data):
    """Does every paid social link (medium paid_social or cpc) carry an Ad ID of meta_ads_manager.xlsx as
    utm_content, never a Facebook Post ID?"""
    landing = data[LANDING]
    paid = utm(landing, "utm_medium").isin(["paid_social", "cpc"])
    content = utm(landing, "utm_content")[paid]
    ads = data["meta_ads_manager.xlsx"]
    assert paid.sum() > 0 and content.isin(ads["Ad ID"]).all()
    assert not content.isin(data["facebook_post_insights.xlsx"]["Post ID"]).any()
