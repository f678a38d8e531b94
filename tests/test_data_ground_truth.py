"""Every effect built into the data can be found again in the files, with a short analysis of its own.

These analyses read only the exported files (as a learner would) and compare what they find with the
ground truth's parameters (likes_to_ledger/data/truth.py).
"""

import numpy as np
import pandas as pd
import pytest
from conftest import COURSE

from likes_to_ledger.data.catalog import FILES
from likes_to_ledger.data.generate import load
from likes_to_ledger.data.truth import TRUTH

LOCAL = TRUTH.timezone
SOCIAL_SOURCE = r"facebook|^fb$|instagram|^ig$|t\.co|twitter|x\.com|linkedin|lnkd"


@pytest.fixture(scope="module")
def files():
    by_name = {data_file.name: data_file for data_file in FILES}
    return lambda name: load(by_name[name], COURSE.datasets)


@pytest.fixture(scope="module")
def posts(files):
    """Facebook and Instagram posts with local time, format, reach and engagements."""
    fb = files("facebook_post_insights.xlsx")
    fb = pd.DataFrame(
        {
            "network": "Facebook",
            "posted": pd.to_datetime(fb["Posted"], format="%m/%d/%Y %H:%M"),
            "format": fb["Type"].replace({"Status": "Text"}),
            "reach": fb["Lifetime Post Total Reach"],
            "paid_reach": fb["Lifetime Post Paid Reach"],
            "engagements": fb[
                [f"Lifetime Post Stories by action type - {a}" for a in ("like", "comment", "share")]
            ].sum(axis=1),
            "clicks": fb["Lifetime Post consumers by type - link clicks"],
        }
    )
    ig = files("instagram_posts.csv")
    ig = pd.DataFrame(
        {
            "network": "Instagram",
            "posted": pd.to_datetime(ig["Publish time"], format="%m/%d/%Y %H:%M"),
            "format": ig["Post type"].str.removeprefix("IG ").str.capitalize().replace({"Image": "Photo"}),
            "reach": ig["Reach"],
            "paid_reach": 0,
            "engagements": ig[["Likes", "Comments", "Shares"]].sum(axis=1),
            "clicks": 0,
        }
    )
    return pd.concat([fb, ig], ignore_index=True)


def rate(frame: pd.DataFrame, by) -> pd.Series:
    grouped = frame.groupby(by)
    return grouped["engagements"].sum() / grouped["reach"].sum()


@pytest.fixture(scope="module")
def daily(files, posts):
    """Per local day: engagements on every network, web orders and web revenue."""
    x = files("x_tweet_activity_YYYY_MM.csv")
    x_local = pd.to_datetime(x["time"], format="%Y-%m-%d %H:%M %z").dt.tz_convert(LOCAL).dt.tz_localize(None)
    x_engagements = x[["likes", "replies", "retweets"]].sum(axis=1).groupby(x_local.dt.normalize()).sum()
    linkedin = files("linkedin_page_content.xlsx")
    linkedin_day = pd.to_datetime(linkedin["Created date"], format="%m/%d/%Y")
    linkedin_engagements = linkedin[["Likes", "Comments", "Reposts"]].sum(axis=1).groupby(linkedin_day).sum()
    meta = posts.groupby(posts["posted"].dt.normalize())["engagements"].sum()
    days = pd.date_range(TRUTH.first_day, TRUTH.last_day, freq="D")
    engagement = sum(
        series.reindex(days, fill_value=0) for series in (meta, x_engagements, linkedin_engagements)
    )

    orders = files("shopify_orders.csv").dropna(subset=["Total"])
    web = orders[orders["Source"] == "web"]
    # Offsets differ between summer and winter time: read as UTC, then convert.
    created = pd.to_datetime(web["Created at"], format="%Y-%m-%d %H:%M:%S %z", utc=True).dt.tz_convert(LOCAL)
    day = created.dt.tz_localize(None).dt.normalize()
    return pd.DataFrame(
        {
            "engagement": engagement,
            "orders": web.groupby(day).size().reindex(days, fill_value=0),
            "revenue": web["Total"].groupby(day).sum().reindex(days, fill_value=0),
        }
    )


def test_timing_engagement_peaks_midweek_and_at_lunch_and_evening(posts):
    """1. Is the engagement rate highest Tuesday to Thursday and lowest on Saturday, and higher around
    12:00 and 19:00 than in the early morning or mid-afternoon?"""
    by_weekday = rate(posts, posts["posted"].dt.day_of_week)
    assert set(by_weekday.nlargest(3).index) == {1, 2, 3}
    assert by_weekday.idxmin() == 5
    by_hour = rate(posts, posts["posted"].dt.hour)
    peaks = by_hour.reindex([h + d for h in TRUTH.peak_hours for d in (-1, 0, 1)]).mean()
    quiet = by_hour.reindex([7, 8, 9, 15, 16]).mean()
    assert peaks > 1.2 * quiet


def test_timing_x_stores_utc(files):
    """1. Are X's times in UTC, so that only converted to local time do posts cluster at the local peaks?"""
    x = files("x_tweet_activity_YYYY_MM.csv")
    utc = pd.to_datetime(x["time"], format="%Y-%m-%d %H:%M %z")
    assert str(utc.dt.tz) == "UTC"
    local_hours = utc.dt.tz_convert(LOCAL).dt.hour
    near_peaks = local_hours.isin([h + d for h in TRUTH.peak_hours for d in (-1, 0, 1)]).mean()
    near_peaks_if_read_as_local = utc.dt.hour.isin(
        [h + d for h in TRUTH.peak_hours for d in (-1, 0, 1)]
    ).mean()
    assert near_peaks > 0.6 > near_peaks_if_read_as_local


def test_format_reels_reach_twice_as_far_but_engage_less_and_links_get_the_clicks(posts):
    """2. Do reels reach about twice as many people as photos, with a lower engagement rate by reach, and
    do link posts reach least but get the most clicks (Facebook)?"""
    organic = posts[posts["paid_reach"] == 0]
    for _network, network_posts in organic.groupby("network"):
        reach = network_posts.groupby("format")["reach"].median()
        assert 1.6 < reach["Reel"] / reach["Photo"] < 2.5
    by_format = rate(organic, "format")
    assert by_format["Reel"] < by_format["Photo"]
    facebook = organic[organic["network"] == "Facebook"]
    assert facebook.groupby("format")["reach"].median().idxmin() == "Link"
    assert facebook.groupby("format")["clicks"].mean().idxmax() == "Link"


def deseasonalise(series: pd.Series, window: int) -> pd.Series:
    return series / series.rolling(window, center=True, min_periods=window // 2).mean()


def test_lag_engagement_brings_orders_a_day_later(daily):
    """3. Once the season is removed, does engagement correlate most with web orders the number of days
    later that the ground truth put the peak at?"""
    engagement, orders = deseasonalise(daily["engagement"], 29), deseasonalise(daily["orders"], 29)
    by_lag = pd.Series({lag: engagement.shift(lag).corr(orders) for lag in range(8)})
    assert by_lag.idxmax() == TRUTH.lag_peak_days
    assert by_lag.max() > 0.1


def test_paid_spend_has_diminishing_returns(files):
    """3. Do the weeks with the most Meta spend bring fewer purchases per dollar than those with the least?"""
    ads = files("meta_ads_manager.xlsx")
    always_on = ads[~ads["Campaign name"].str.contains("A/B test|Geo holdout")]
    weekly = always_on.groupby("Reporting starts")[["Amount spent (USD)", "Results"]].sum()
    per_dollar = weekly["Results"] / weekly["Amount spent (USD)"]
    quartile = pd.qcut(weekly["Amount spent (USD)"], 4, labels=False)
    assert per_dollar[quartile == 3].mean() < 0.85 * per_dollar[quartile == 0].mean()


def test_confounder_season_inflates_the_naive_correlation(daily):
    """4. Is the weekly correlation of engagement and revenue high, and much lower without the season?"""
    weekly = daily.resample("W-SUN").sum().iloc[1:-1]
    naive = weekly["engagement"].corr(weekly["revenue"])
    residual = weekly - weekly.rolling(5, center=True, min_periods=3).mean()
    deseasonalised = residual["engagement"].corr(residual["revenue"])
    assert naive > 0.6
    assert deseasonalised < naive / 2


@pytest.fixture(scope="module")
def mentions(files):
    frame = files("listening_mentions.tsv")
    frame["day"] = pd.to_datetime(frame["Date"], format="%d-%b-%Y")
    return frame


def test_crisis_is_the_highest_z_score_day_of_negative_mentions(mentions):
    """5. Is the crisis day the day whose negative mentions stand highest above their previous four weeks?"""
    days = pd.date_range(TRUTH.first_day, TRUTH.last_day, freq="D")
    negative = mentions[mentions["Sentiment"] == "Negative"].groupby("day").size().reindex(days, fill_value=0)
    baseline = negative.shift(1).rolling(28)
    z_score = (negative - baseline.mean()) / baseline.std()
    assert z_score.idxmax() == pd.Timestamp(TRUTH.crisis_day)
    assert z_score.max() > 5


def test_the_viral_spike_is_loud_but_not_negative(mentions):
    """5. Is the day with the most mentions the viral day, with a smaller negative share than usual?"""
    volume = mentions.groupby("day").size()
    assert volume.idxmax() == pd.Timestamp(TRUTH.viral_day)
    negative_share = (mentions["Sentiment"] == "Negative").groupby(mentions["day"]).mean()
    assert negative_share[pd.Timestamp(TRUTH.viral_day)] < negative_share.median()


def test_the_crisis_echoes_in_care_and_sales(files, daily):
    """5. In the crisis week, do social care tickets jump and web orders dip, against the weeks around it?"""
    tickets = files("zendesk_tickets.csv")
    social = tickets["Via"].isin(["Facebook Messenger", "Instagram Direct", "X Corp (formerly Twitter)"])
    day = pd.to_datetime(tickets["Created at"]).dt.normalize()
    social_daily = social.groupby(day).sum()
    crisis = pd.Timestamp(TRUTH.crisis_day)
    before = social_daily[crisis - pd.Timedelta(days=28) : crisis - pd.Timedelta(days=1)].mean()
    assert social_daily[crisis : crisis + pd.Timedelta(days=2)].mean() > 2 * before

    week = pd.Timedelta(days=TRUTH.crisis_sales_dip_days - 1)
    during = daily.loc[crisis : crisis + week, "orders"].sum()
    around = (
        daily.loc[crisis - pd.Timedelta(days=14) : crisis - pd.Timedelta(days=14) + week, "orders"].sum()
        + daily.loc[crisis + pd.Timedelta(days=14) : crisis + pd.Timedelta(days=14) + week, "orders"].sum()
    ) / 2
    assert during < 0.9 * around


def test_geo_holdout_lift_and_incremental_roas(files):
    """6. Does a difference-in-differences on the geo test land within 2 points of the true lift, and is the
    incremental ROAS near the truth and far below what the platform reports?"""
    geo = files("geo_holdout_test.xlsx")
    weekly = geo.groupby(["Group", "Period"])["Revenue (USD)"].mean()
    expected = weekly["Treatment", "Pre-test"] * weekly["Control", "Test"] / weekly["Control", "Pre-test"]
    lift = weekly["Treatment", "Test"] / expected - 1
    assert abs(lift - TRUTH.true_lift) < 0.02
    test_weeks = geo.loc[geo["Period"] == "Test", "Week starting"].nunique()
    treated_regions = geo.loc[geo["Group"] == "Treatment", "Region"].nunique()
    incremental_revenue = (weekly["Treatment", "Test"] - expected) * test_weeks * treated_regions
    spend = geo["Ad spend (USD)"].sum()
    incremental_roas = incremental_revenue / spend
    assert incremental_revenue > 0
    assert abs(incremental_roas - TRUTH.true_incremental_roas) < 0.35
    design = pd.read_excel(
        COURSE.dataset("geo_holdout_test.xlsx"), sheet_name="Test design", index_col=0, engine="openpyxl"
    )
    platform_roas = float(design.loc["Platform-reported ROAS", "Value"])
    assert platform_roas == pytest.approx(TRUTH.platform_roas)
    assert platform_roas > 2 * incremental_roas


def test_utm_mess_in_ga4(files):
    """7. Are Facebook visits spelled several ways, in about the shares the truth sets, and do some tagged
    social visits lack a medium?"""
    ga4 = files("ga4_traffic_acquisition.csv")
    source = ga4["Session source / medium"].str.split(" / ").str[0]
    medium = ga4["Session source / medium"].str.split(" / ").str[1]
    organic_facebook = source.isin(TRUTH.facebook_source_spellings) & ~medium.str.contains("paid|cpc")
    shares = ga4.loc[organic_facebook, "Sessions"].groupby(source[organic_facebook]).sum()
    shares = shares / shares.sum()
    for spelling, share in TRUTH.facebook_source_spellings.items():
        assert shares[spelling] == pytest.approx(share, abs=0.04), spelling
    tagged_social = (
        source.str.contains(SOCIAL_SOURCE) & (medium != "referral") & ~medium.str.contains("paid|cpc")
    )
    missing = (
        ga4.loc[tagged_social & (medium == "(not set)"), "Sessions"].sum()
        / ga4.loc[tagged_social, "Sessions"].sum()
    )
    assert missing == pytest.approx(TRUTH.social_medium_missing_share, abs=0.04)
    groups = set(ga4.loc[source.isin(["fb"]), "Session primary channel group (Default Channel Group)"])
    assert groups - {"Organic Social", "Paid Social"}, "GA4 leaves some `fb` traffic outside social"


def test_utm_mess_in_landing_pages(files):
    """7. In ga4_landing_pages.csv, are tagged Facebook posts spelled as the truth sets, does about the share
    the truth sets lack a medium, and do their sessions come to the set share of their link clicks?"""
    landing = files("ga4_landing_pages.csv")
    url = landing["Landing page + query string"]
    source = url.str.extract(r"[?&]utm_source=([^&]*)")[0]
    medium = url.str.extract(r"[?&]utm_medium=([^&]*)")[0]
    post = url.str.extract(r"[?&]utm_content=([^&]*)")[0]
    organic = source.isin(TRUTH.facebook_source_spellings) & ~medium.isin(["paid_social", "cpc"])
    posts = pd.DataFrame({"source": source, "medium": medium, "post": post})[organic].drop_duplicates("post")
    shares = posts["source"].value_counts(normalize=True)
    for spelling, share in TRUTH.facebook_source_spellings.items():
        assert shares[spelling] == pytest.approx(share, abs=0.08), spelling
    assert posts["medium"].isna().mean() == pytest.approx(TRUTH.social_medium_missing_share, abs=0.07)
    facebook = files("facebook_post_insights.xlsx").set_index("Post ID")
    sessions = landing.loc[organic, "Sessions"].groupby(post[organic]).sum()
    clicks = facebook.loc[sessions.index, "Lifetime Post consumers by type - link clicks"]
    low, high = TRUTH.tracked_sessions_per_click
    assert sessions.sum() / clicks.sum() == pytest.approx((low + high) / 2, abs=0.05)


def test_social_discount_code_leaks_to_other_channels(files):
    """8. Of the orders that used the social-only code, does the share whose converting visit was not social
    match the leakage built in?"""
    orders = files("shopify_orders.csv").dropna(subset=["Total"])
    code_orders = orders.loc[orders["Discount Code"] == TRUTH.social_code, "Name"]
    journeys = files("customer_journeys.csv").dropna(subset=["Conversion value"])
    converting = journeys.set_index("Order").loc[code_orders, "Source / medium"]
    social = converting.str.split(" / ").str[0].str.lower().str.contains(SOCIAL_SOURCE)
    assert (~social).mean() == pytest.approx(TRUTH.social_code_leakage_share, abs=0.02)


def test_b2b_linkedin_leads_close_later_and_some_are_labelled_offline(files):
    """9. Do deals from LinkedIn leads take weeks longer to close, and are about the built-in share of
    LinkedIn lead-form contacts labelled OFFLINE?"""
    contacts = files("hubspot_contacts.xlsx")
    deals = files("hubspot_deals.xlsx")
    lead_form = contacts["First Conversion"].str.startswith("LinkedIn", na=False)
    offline = (contacts.loc[lead_form, "Original Traffic Source"] == "OFFLINE").mean()
    assert offline == pytest.approx(TRUTH.linkedin_offline_mislabel_share, abs=0.06)

    linkedin = lead_form | contacts["Original Traffic Source"].isin(["SOCIAL_MEDIA", "PAID_SOCIAL"])
    origin = dict(zip(contacts["Record ID"].astype(str), linkedin, strict=True))
    closed = deals[deals["Deal Stage"].isin(["Closed Won", "Closed Lost"])].copy()
    closed["days"] = (
        pd.to_datetime(closed["Close Date"]) - pd.to_datetime(closed["Create Date"]).dt.normalize()
    ).dt.days
    closed["linkedin"] = closed["Associated Contact IDs"].map(origin)
    gap = closed.groupby("linkedin")["days"].mean()
    assert gap[True] - gap[False] == pytest.approx(TRUTH.linkedin_extra_days_to_close, abs=10)


def test_simpsons_paradox_in_boosted_facebook_posts(posts):
    """10. Do boosted Facebook posts show a higher engagement rate overall, yet a lower one within every
    format that was boosted?"""
    facebook = posts[posts["network"] == "Facebook"].assign(boosted=lambda frame: frame["paid_reach"] > 0)
    overall = rate(facebook, "boosted")
    assert overall[True] > overall[False]
    within = rate(facebook, ["format", "boosted"]).unstack().dropna()
    assert len(within) >= 3, "several formats have boosted posts"
    assert (within[True] < within[False]).all(), within
    assert np.isfinite(within.to_numpy()).all()
