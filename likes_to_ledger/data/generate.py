"""`course data`: simulate Kettle & Crow once and write every data file and its documentation."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from likes_to_ledger.data.catalog import FILES, DataFile
from likes_to_ledger.data.truth import TRUTH, GroundTruth
from likes_to_ledger.data.world import World, simulate

DICTIONARY = "README.md"


def generate_all(datasets: Path, ground_truth_doc: Path, truth: GroundTruth = TRUTH) -> list[Path]:
    """Write every data file into `datasets`, its data dictionary, and the instructors' document."""
    datasets.mkdir(parents=True, exist_ok=True)
    world = simulate(truth)
    written = []
    for data_file in FILES:
        if data_file.write:
            written += data_file.write(world, datasets)
    dictionary = datasets / DICTIONARY
    dictionary.write_text(render_dictionary(datasets, truth), encoding="utf-8", newline="\n")
    ground_truth_doc.parent.mkdir(parents=True, exist_ok=True)
    ground_truth_doc.write_text(render_ground_truth(world), encoding="utf-8", newline="\n")
    return [*written, dictionary, ground_truth_doc]


def load(data_file: DataFile, datasets: Path, **read_options) -> pd.DataFrame:
    """A file as a learner should read it (a family of monthly files: all of them, one after another)."""
    frames = [data_file.read(path, **read_options) for path in data_file.paths(datasets)]
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def render_dictionary(datasets: Path, truth: GroundTruth) -> str:
    lines = [
        "# Data dictionary",
        "",
        "The data of **Kettle & Crow Coffee Roasters**, a fictional specialty coffee roaster in the US Pacific",
        "time zone that sells online (Shopify), at a Saturday market stall, and wholesale to cafés and offices,",
        "with a small French subsidiary. The files imitate what each platform exports, quirks included.",
        f"Period: {truth.first_day:%d %B %Y} to {truth.last_day:%d %B %Y}, unless a file says otherwise.",
        "",
        "Every file here is written by the course's seeded generator: `course data` (code in",
        "`likes_to_ledger/data/`). Don't edit them by hand; change the generator and regenerate. The tests check",
        "that regeneration gives the same bytes. This page is generated too. Lessons carry copies of the files",
        "they use: `course build` puts them in each lesson's folder.",
        "",
        "| file | imitates | rows | size |",
        "| --- | --- | ---: | ---: |",
    ]
    details = []
    for data_file in FILES:
        paths = data_file.paths(datasets)
        rows = len(load(data_file, datasets))
        size = sum(path.stat().st_size for path in paths)
        files = f" ({len(paths)} files)" if len(paths) > 1 else ""
        lines.append(f"| `{data_file.name}`{files} | {data_file.imitates} | {rows:,} | {size / 1e6:.2f} MB |")
        details += [
            "",
            f"## `{data_file.name}`",
            "",
            f"Imitates: {data_file.imitates}. {data_file.about}",
            f"Rows: {rows:,}{files}. Read it with: `{data_file.read_call}`"
            + (", for each file, then `pd.concat` them." if files else "."),
            "",
            "Quirks:",
            "",
        ]
        details += [f"- {quirk}" for quirk in data_file.quirks]
        details += ["", "| column | type | unit | notes |", "| --- | --- | --- | --- |"]
        details += [f"| {c.name} | {c.kind} | {c.unit} | {c.notes} |" for c in data_file.columns]
    return "\n".join(lines + details) + "\n"


def render_ground_truth(world: World) -> str:
    """The instructors' document: each effect built into the data, its true size, and where it shows."""
    t = world.truth
    days, posts, orders = world.days, world.posts, world.orders
    engagement = posts["likes"] + posts["comments"] + posts["shares"]
    fb = posts[posts["network"] == "Facebook"]
    fb_rate = engagement[fb.index].groupby(fb["boosted"]).sum() / fb["reach"].groupby(fb["boosted"]).sum()
    code_orders = orders[orders["discount_code"] == t.social_code]
    leak = (~code_orders["social_session"]).mean()
    contacts = world.contacts
    linkedin = contacts["true_source"].isin(["SOCIAL_MEDIA", "PAID_SOCIAL"])
    mislabelled = contacts[contacts["mislabelled"]]
    lead_gen_share = mislabelled["first_conversion"].str.startswith("LinkedIn Lead Gen Form").mean()
    geo_spend = world.geo["spend"].sum()
    weights = ", ".join(f"{w:.2f}" for w in t.lag_weights[:5])
    sections = [
        (
            "Timing",
            f"Engagement rate by reach is multiplied by {', '.join(map(str, t.weekday_engagement))} from "
            f"Monday to Sunday (highest Tuesday to Thursday, lowest Saturday), and rises by up to "
            f"{t.peak_hour_boost:.0%} near {' and '.join(f'{h}:00' for h in t.peak_hours)} local time "
            f"({t.timezone}). X exports these times in UTC.",
            "posts of every network; lesson 04's weekday × hour pivot",
        ),
        (
            "Format",
            "Reach relative to a photo: "
            + ", ".join(f"{k} ×{v}" for k, v in t.reach_by_format.items())
            + ". Engagement rate by reach: "
            + ", ".join(f"{k} {v:.1%}" for k, v in t.engagement_rate_by_format.items())
            + ". Clicks per reach: "
            + ", ".join(f"{k} {v:.1%}" for k, v in t.click_rate_by_format.items())
            + ".",
            "facebook_post_insights.xlsx, instagram_posts.csv; lesson 02",
        ),
        (
            "Lag and saturation",
            f"Web orders from organic social follow engagement with weights {weights}, … "
            f"for 0, 1, 2, 3, 4 days later (peak at {t.lag_peak_days} day, then ×{t.carryover} a day), "
            f"{t.orders_per_1000_engagements} orders per 1,000 engagements. Paid orders a day = "
            f"{t.paid_max_daily_orders} × spend / (spend + {t.paid_half_saturation_spend:g} USD).",
            "daily engagement (social exports) against daily web orders (shopify_orders.csv); meta_ads_manager.xlsx",
        ),
        (
            "Confounder",
            f"The holiday season lifts sales by up to {t.q4_sales_uplift:.0%}, posting by "
            f"{t.q4_posting_uplift:.0%} and Meta spend by {t.q4_spend_uplift:.0%} at its mid-December peak, so "
            "engagement and revenue move together whether or not one causes the other.",
            "weekly engagement vs revenue, before and after removing the season; lesson 09",
        ),
        (
            "Crisis and decoy",
            f"On {t.crisis_day:%d %B %Y} a defective batch ({t.crisis_batch}) multiplies negative "
            f"mentions by {t.crisis_negative_multiplier:g} (half-life {t.crisis_half_life_days:g} days), social care "
            f"tickets by {t.crisis_ticket_multiplier:g} and reply times by up to {t.crisis_reply_time_multiplier:g}; "
            f"web orders fall {t.crisis_sales_dip:.0%} for {t.crisis_sales_dip_days} days and refunds of the lot rise. "
            f"The decoy: on {t.viral_day:%d %B %Y} a reel goes viral: all mentions ×{t.viral_volume_multiplier:g}, "
            f"{t.viral_sentiment[0]:.0%} positive, {t.viral_sentiment[1]:.0%} neutral, {t.viral_sentiment[2]:.0%} "
            "negative.",
            "listening_mentions.tsv, zendesk_tickets.csv, shopify_orders.csv; lessons 03 and 10",
        ),
        (
            "Geo holdout lift",
            f"True lift in treatment regions during the {t.lift_test_weeks}-week test: "
            f"{t.true_lift:.0%}. Test spend {geo_spend:,.0f} USD for a true incremental ROAS of "
            f"{t.true_incremental_roas:g}; Ads Manager reports a ROAS of {t.platform_roas:g}.",
            "geo_holdout_test.xlsx; lesson 09",
        ),
        (
            "UTM mess",
            "Facebook sessions are spelled "
            + ", ".join(f"`{k}` ({v:.0%})" for k, v in t.facebook_source_spellings.items())
            + f"; {t.social_medium_missing_share:.0%} of tagged social "
            f"visits lack a medium; {t.social_sessions_in_direct_share:.0%} of organic social visits arrive as Direct.",
            "ga4_traffic_acquisition.csv, customer_journeys.csv; ga4_landing_pages.csv (the same spellings and missing "
            "mediums in the UTM parameters of tagged Facebook posts, whose sessions are "
            f"{t.tracked_sessions_per_click[0]:.0%}–{t.tracked_sessions_per_click[1]:.0%} of their link clicks); "
            "lesson 05",
        ),
        (
            "Discount-code leakage",
            f"`{t.social_code}` ({t.social_code_discount:.0%} off) is meant for social "
            f"followers; {t.social_code_leakage_share:.0%} of its orders come from non-social sessions "
            f"(measured in the data: {leak:.1%} of {len(code_orders):,} orders).",
            "shopify_orders.csv joined with the converting visit in customer_journeys.csv; lesson 06",
        ),
        (
            "B2B",
            f"Deals from LinkedIn contacts close {t.linkedin_extra_days_to_close:g} days later on average; "
            f"{t.linkedin_offline_mislabel_share:.0%} of LinkedIn contacts are labelled OFFLINE (in the data: "
            f"{contacts.loc[linkedin, 'mislabelled'].mean():.1%} of {linkedin.sum():,}). The First Conversion of "
            f"{lead_gen_share:.0%} of those mislabelled contacts is a LinkedIn Lead Gen Form, which gives them away; "
            "the others show a website form, as a badge scan imported by hand never would.",
            "hubspot_contacts.xlsx, hubspot_deals.xlsx; lesson 11",
        ),
        (
            "Simpson's paradox",
            "Facebook boosts these shares of each format: "
            + ", ".join(f"{k} {v:.0%}" for k, v in t.boost_share_by_format.items())
            + f"; a boosted post's engagement rate is "
            f"×{t.boosted_engagement_factor} an organic post's of the same format. Overall, boosted posts show "
            f"{fb_rate.get(True, float('nan')):.2%} against {fb_rate.get(False, float('nan')):.2%} for organic ones, "
            "yet within each boosted format they do worse.",
            "facebook_post_insights.xlsx; lesson 02",
        ),
    ]
    lines = [
        "# Ground truth of the course data (for instructors)",
        "",
        "What the generator builds into Kettle & Crow's data, with the true size of each effect. The numbers",
        "come from `likes_to_ledger/data/truth.py` (change them there) and this page is regenerated with",
        "`course data`. It is not copied into `lessons/`. The course tests recover every item from the files",
        "with a short, independent analysis (`tests/test_data_ground_truth.py`).",
        "",
        f"Seed {t.seed}; {len(days)} days; {len(posts):,} posts; {len(orders):,} orders.",
    ]
    for number, (title, text, where) in enumerate(sections, start=1):
        lines += ["", f"## {number}. {title}", "", text, "", f"Where: {where}."]
    return "\n".join(lines) + "\n"
