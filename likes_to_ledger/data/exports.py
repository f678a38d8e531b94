"""Each file of datasets/, written from the simulated world the way its platform exports it.

One function per file (X writes one file a month). The quirks are deliberate: they are what
learners meet on Monday morning, and the lessons teach how to read through them.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import numpy as np
import pandas as pd

from likes_to_ledger.data.fileio import Sheet, write_delimited, write_xlsx
from likes_to_ledger.data.world import SOCIAL_MEDIUMS, World

PAGE_ID = "104523987654321"
IG_ACCOUNT_ID = "17841400123456789"
X_EPOCH_MS = 1288834974657  # X's snowflake ids count milliseconds from this moment


def _count(value: float) -> int:
    return int(round(float(value)))


def _post_ids(posts: pd.DataFrame, salt: int, digits: int) -> list[str]:
    """Unique, increasing ids of the given length, as platforms hand them out."""
    rng = np.random.default_rng(salt)
    start = int(1.2 * 10 ** (digits - 1))
    steps = rng.integers(10 ** (digits - 7), 10 ** (digits - 6), len(posts))
    return [str(start + int(step)) for step in np.cumsum(steps)]


# -- social ---------------------------------------------------------------------------------------

FACEBOOK_COLUMNS = [
    ("Post ID", "The unique identifier of the post: page ID and post ID joined by an underscore."),
    ("Permalink", "The link to the post on Facebook."),
    ("Post Message", "The text of the post."),
    ("Type", "Photo, Link, Video, Reel or Status."),
    ("Countries", ""),
    ("Languages", ""),
    ("Posted", "When the post was published, in the Page's time zone."),
    ("Audience Targeting", ""),
    (
        "Lifetime Post Total Reach",
        "Lifetime: The number of people who had your Page's post enter their screen. (Unique Users)",
    ),
    (
        "Lifetime Post organic reach",
        "Lifetime: The number of people who had your Page's post enter their screen through unpaid distribution. (Unique Users)",
    ),
    (
        "Lifetime Post Paid Reach",
        "Lifetime: The number of people who had your Page's post enter their screen through paid distribution such as an ad. (Unique Users)",
    ),
    (
        "Lifetime Post Total Impressions",
        "Lifetime: The number of times your Page's post entered a person's screen. (Total Count)",
    ),
    (
        "Lifetime Post Organic Impressions",
        "Lifetime: The number of times your Page's post entered a person's screen through unpaid distribution. (Total Count)",
    ),
    (
        "Lifetime Post Paid Impressions",
        "Lifetime: The number of times your Page's post entered a person's screen through paid distribution such as an ad. (Total Count)",
    ),
    (
        "Lifetime Engaged Users",
        "Lifetime: The number of unique people who engaged in certain ways with your Page post, for example by commenting on, liking, sharing, or clicking upon particular elements of the post. (Unique Users)",
    ),
    (
        "Lifetime Post Consumers",
        "Lifetime: The number of people who clicked anywhere in your post. (Unique Users)",
    ),
    (
        "Lifetime Post Consumptions",
        "Lifetime: The number of times people clicked on anywhere in your posts without generating a story. (Total Count)",
    ),
    (
        "Lifetime Negative feedback",
        "Lifetime: The number of times people took a negative action in your post (e.g. hid it). (Total Count)",
    ),
    (
        "Lifetime Post Stories by action type - like",
        "Lifetime: The number of stories created about your Page post, by action type. (Total Count)",
    ),
    ("Lifetime Post Stories by action type - comment", ""),
    ("Lifetime Post Stories by action type - share", ""),
    (
        "Lifetime Post consumers by type - link clicks",
        "Lifetime: The number of people who clicked anywhere in your post, by type. (Unique Users)",
    ),
    ("Lifetime Post consumers by type - other clicks", ""),
    ("Lifetime Post consumers by type - photo view", ""),
]
FACEBOOK_TYPES = {"Photo": "Photo", "Link": "Link", "Video": "Video", "Reel": "Reel", "Text": "Status"}


def write_facebook(world: World, folder: Path) -> list[Path]:
    posts = world.posts[world.posts["network"] == "Facebook"].reset_index(drop=True)
    ids = _post_ids(posts, 11, 16)
    rng = np.random.default_rng(12)
    crisis = pd.Timestamp(world.truth.crisis_day)
    rows, negative_rows = [], []
    for post, post_id in zip(posts.itertuples(), ids, strict=True):
        local = post.posted_at
        clicks = post.clicks
        other_clicks = _count(post.reach * rng.uniform(0.01, 0.03))
        photo_views = _count(post.reach * rng.uniform(0.02, 0.05)) if post.format == "Photo" else 0
        near_crisis = 0 <= (post.day - crisis).days <= 10
        negative = _count(post.reach * rng.uniform(0.0005, 0.002) * (8 if near_crisis else 1))
        organic_impressions = _count(post.organic_reach * rng.uniform(1.1, 1.5))
        paid_impressions = _count(post.paid_reach * rng.uniform(1.3, 2.0))
        rows.append(
            [
                f"{PAGE_ID}_{post_id}",
                f"https://www.facebook.com/kettleandcrow/posts/{post_id}",
                post.caption,
                FACEBOOK_TYPES[post.format],
                None,
                None,
                f"{local.month}/{local.day}/{local.year} {local.hour}:{local.minute:02d}",
                None,
                post.reach,
                post.organic_reach,
                post.paid_reach,
                organic_impressions + paid_impressions,
                organic_impressions,
                paid_impressions,
                _count((post.likes + post.comments + post.shares + clicks) * 0.85),
                clicks + other_clicks + photo_views,
                _count((clicks + other_clicks + photo_views) * 1.3),
                negative,
                post.likes,
                post.comments,
                post.shares,
                clicks,
                other_clicks,
                photo_views,
            ]
        )
        hide = _count(negative * 0.7)
        negative_rows.append(
            [
                f"{PAGE_ID}_{post_id}",
                hide,
                _count(negative * 0.15),
                _count(negative * 0.05),
                negative - hide - _count(negative * 0.15) - _count(negative * 0.05),
            ]
        )
    headers = [name for name, _ in FACEBOOK_COLUMNS]
    descriptions = [description for _, description in FACEBOOK_COLUMNS]
    followers = _facebook_followers(world, posts)
    path = folder / "facebook_post_insights.xlsx"
    write_xlsx(
        path,
        [
            Sheet("Key Metrics", [headers, descriptions, *rows], widths={0: 34, 2: 40, 6: 16}),
            Sheet(
                "Lifetime Negative Feedback",
                [
                    [
                        "Post ID",
                        "Lifetime Negative Feedback from Users by Type - hide_clicks",
                        "Lifetime Negative Feedback from Users by Type - hide_all_clicks",
                        "Lifetime Negative Feedback from Users by Type - report_spam_clicks",
                        "Lifetime Negative Feedback from Users by Type - unlike_page_clicks",
                    ],
                    *negative_rows,
                ],
            ),
            Sheet(
                "Page followers",
                [
                    [name for name, _ in FACEBOOK_FOLLOWER_COLUMNS],
                    [description for _, description in FACEBOOK_FOLLOWER_COLUMNS],
                    *followers,
                ],
                number_formats={0: "yyyy-mm-dd"},
                widths={0: 12, 1: 24, 2: 20, 3: 16},
            ),
        ],
    )
    return [path]


FACEBOOK_FOLLOWER_COLUMNS = [
    ("Date", ""),
    ("Lifetime Total Followers", "Lifetime: The total number of people who follow your Page. (Unique Users)"),
    ("Daily New Followers", "Daily: The number of people who started following your Page. (Unique Users)"),
    ("Daily Unfollows", "Daily: The number of people who stopped following your Page. (Unique Users)"),
]
FACEBOOK_FOLLOWERS_BEFORE = 18_240  # the Page's followers on the eve of the first day


def _facebook_followers(world: World, posts: pd.DataFrame) -> list[list]:
    """The Page's followers day by day, as the page-level export gives them: new followers come with the
    day's engagement and paid reach, unfollows rise in the crisis. Its own random stream, so the other
    sheets and files don't change."""
    rng = np.random.default_rng(13)
    days = world.days.index
    engagement = (posts["likes"] + posts["comments"] + posts["shares"]).groupby(posts["day"]).sum()
    paid_reach = posts.groupby("day")["paid_reach"].sum()
    engagement = engagement.reindex(days, fill_value=0).to_numpy()
    paid_reach = paid_reach.reindex(days, fill_value=0).to_numpy()
    since_crisis = (days - pd.Timestamp(world.truth.crisis_day)).days.to_numpy()
    crisis = np.where(
        since_crisis >= 0, 0.5 ** (np.maximum(since_crisis, 0) / world.truth.crisis_half_life_days), 0
    )
    new = rng.poisson(4 + 0.05 * engagement + 0.002 * paid_reach)
    unfollows = rng.poisson(3 * (1 + 5 * crisis))
    total = FACEBOOK_FOLLOWERS_BEFORE + np.cumsum(new - unfollows)
    return [
        [day.date(), int(followers), int(joined), int(left)]
        for day, followers, joined, left in zip(days, total, new, unfollows, strict=True)
    ]


INSTAGRAM_TYPES = {"Photo": "IG image", "Carousel": "IG carousel", "Reel": "IG reel"}


def _thousands(value: int) -> str:
    return f"{value:,}"


def write_instagram(world: World, folder: Path) -> list[Path]:
    posts = world.posts[world.posts["network"] == "Instagram"].reset_index(drop=True)
    ids = _post_ids(posts, 21, 17)
    rng = np.random.default_rng(22)
    rows = []
    for post, post_id in zip(posts.itertuples(), ids, strict=True):
        local = post.posted_at
        is_reel = post.format == "Reel"
        views = _count(post.impressions * (rng.uniform(1.2, 1.8) if is_reel else 1.0))
        saves = _count((post.likes + post.comments) * rng.uniform(0.04, 0.1))
        rows.append(
            [
                post_id,
                IG_ACCOUNT_ID,
                "kettleandcrow",
                "Kettle & Crow Coffee",
                post.caption,
                _count(rng.uniform(12, 58)) if is_reel else "",
                local.strftime("%m/%d/%Y %H:%M"),
                f"https://www.instagram.com/{'reel' if is_reel else 'p'}/{post_id[-11:]}/",
                INSTAGRAM_TYPES[post.format],
                "",
                "Lifetime",
                _thousands(views),
                _thousands(post.reach),
                post.likes,
                post.shares,
                _count(post.reach * rng.uniform(0.0005, 0.002)),
                post.comments,
                saves,
            ]
        )
    header = [
        "Post ID",
        "Account ID",
        "Account username",
        "Account name",
        "Description",
        "Duration (sec)",
        "Publish time",
        "Permalink",
        "Post type",
        "Data comment",
        "Date",
        "Views",
        "Reach",
        "Likes",
        "Shares",
        "Follows",
        "Comments",
        "Saves",
    ]
    path = folder / "instagram_posts.csv"
    write_delimited(path, header, rows, encoding="utf-8-sig")
    return [path]


X_METRICS = [
    "impressions",
    "engagements",
    "engagement rate",
    "retweets",
    "replies",
    "likes",
    "user profile clicks",
    "url clicks",
    "hashtag clicks",
    "detail expands",
    "permalink clicks",
    "app opens",
    "app installs",
    "follows",
    "email tweet",
    "dial phone",
    "media views",
    "media engagements",
]
X_MANGLED_MONTH = (2025, 2)  # the month someone opened in Excel and saved again


def write_x(world: World, folder: Path) -> list[Path]:
    posts = world.posts[world.posts["network"] == "X"].reset_index(drop=True)
    rng = np.random.default_rng(31)
    utc = posts["posted_at"].dt.tz_convert("UTC")
    millis = ((utc - pd.Timestamp("1970-01-01", tz="UTC")) // pd.Timedelta(milliseconds=1)).to_numpy()
    snowflakes = ((millis - X_EPOCH_MS) << 22) + rng.integers(0, 2**22, len(posts))
    header = [
        "Tweet id",
        "Tweet permalink",
        "Tweet text",
        "time",
        *X_METRICS,
        *[f"promoted {m}" for m in X_METRICS],
    ]
    paths = []
    months = pd.period_range(world.truth.first_day, world.truth.last_day, freq="M")
    for month in months:
        in_month = (utc.dt.year == month.year) & (utc.dt.month == month.month)
        rows = []
        for index in np.flatnonzero(in_month.to_numpy()):
            post = posts.iloc[index]
            tweet_id = str(int(snowflakes[index]))
            if (month.year, month.month) == X_MANGLED_MONTH:
                shown_id = f"{int(tweet_id[:6]) / 10**5:.5f}E+{len(tweet_id) - 1}"
            else:
                shown_id = tweet_id
            engagements = post.likes + post.comments + post.shares + post.clicks
            detail = _count(post.impressions * rng.uniform(0.005, 0.015))
            profile = _count(post.impressions * rng.uniform(0.001, 0.004))
            engagements += detail + profile
            values = [
                post.impressions,
                engagements,
                engagements / max(post.impressions, 1),
                post.shares,
                post.comments,
                post.likes,
                profile,
                post.clicks,
                _count(engagements * 0.01),
                detail,
                _count(detail * 0.3),
                0,
                0,
                _count(post.impressions * 0.0004),
                0,
                0,
                _count(post.impressions * 0.05) if post.format == "Photo" else 0,
                _count(post.impressions * 0.01) if post.format == "Photo" else 0,
            ]
            shown = [
                f"{v:.16g}" if isinstance(v, float) and not float(v).is_integer() else f"{float(v):.1f}"
                for v in values
            ]
            rows.append(
                [
                    shown_id,
                    f"https://twitter.com/kettleandcrow/status/{tweet_id}",
                    post.caption,
                    utc.iloc[index].strftime("%Y-%m-%d %H:%M +0000"),
                    *shown,
                    *["-"] * len(X_METRICS),
                ]
            )
        path = folder / f"x_tweet_activity_{month.year}_{month.month:02d}.csv"
        write_delimited(path, header, rows)
        paths.append(path)
    return paths


def write_linkedin(world: World, folder: Path) -> list[Path]:
    t = world.truth
    posts = world.posts[world.posts["network"] == "LinkedIn"].reset_index(drop=True)
    rng = np.random.default_rng(41)
    sponsored = rng.random(len(posts)) < 0.18
    note = [
        f"Organic and sponsored content metrics for Kettle & Crow Coffee Roasters, {t.first_day:%m/%d/%Y} - "
        f"{t.last_day:%m/%d/%Y}. Data for the most recent 48 hours may be incomplete."
    ]
    all_posts = [
        note,
        [
            "Post title",
            "Post link",
            "Post type",
            "Campaign name",
            "Posted by",
            "Created date",
            "Campaign start date",
            "Campaign end date",
            "Audience",
            "Impressions",
            "Views",
            "Clicks",
            "Click through rate (CTR)",
            "Likes",
            "Comments",
            "Reposts",
            "Follows",
            "Engagement rate",
            "Content Type",
        ],
    ]
    content_types = {"Text": "Text", "Link": "Article", "Photo": "Image", "Video": "Video"}
    daily = pd.DataFrame(
        0.0,
        index=world.days.index,
        columns=["io", "is", "co", "cs", "ro", "rs", "mo", "ms", "po", "ps", "uo"],
    )
    for index, post in enumerate(posts.itertuples()):
        is_sponsored = bool(sponsored[index])
        impressions = _count(post.impressions * (2.5 if is_sponsored else 1))
        clicks = post.clicks + _count(impressions * 0.004)
        likes, comments, reposts = post.likes, post.comments, post.shares
        follows = _count(impressions * 0.0008)
        campaign = f"Wholesale leads {post.day:%Y-%m}" if is_sponsored else ""
        day = post.day.strftime("%m/%d/%Y")
        all_posts.append(
            [
                post.caption.split("\n")[0],
                f"https://www.linkedin.com/feed/update/urn:li:activity:{7_150_000_000_000_000_000 + post.post_number * 104729}",
                "Sponsored" if is_sponsored else "Organic",
                campaign,
                "Kettle & Crow Coffee Roasters",
                day,
                day if is_sponsored else "",
                (post.day + pd.Timedelta(days=13)).strftime("%m/%d/%Y") if is_sponsored else "",
                "Wholesale buyers, US" if is_sponsored else "All followers",
                impressions,
                _count(impressions * 0.2) if post.format == "Video" else "",
                clicks,
                round(clicks / impressions, 4),
                likes,
                comments,
                reposts,
                follows,
                round((clicks + likes + comments + reposts + follows) / impressions, 4),
                content_types[post.format],
            ]
        )
        # The daily sheet counts activity on the day it happens: most of it on the day of posting.
        for offset, share in ((0, 0.7), (1, 0.2), (2, 0.1)):
            day_index = post.day + pd.Timedelta(days=offset)
            if day_index not in daily.index:
                continue
            kind = "s" if is_sponsored else "o"
            daily.loc[day_index, "i" + kind] += impressions * share
            daily.loc[day_index, "c" + kind] += clicks * share
            daily.loc[day_index, "r" + kind] += likes * share
            daily.loc[day_index, "m" + kind] += comments * share
            daily.loc[day_index, "p" + kind] += reposts * share
            if not is_sponsored:
                daily.loc[day_index, "uo"] += impressions * share * 0.82
    daily = daily.round().astype(int)
    updates = [
        note,
        [
            "Date",
            "Impressions (organic)",
            "Impressions (sponsored)",
            "Impressions (total)",
            "Unique impressions (organic)",
            "Clicks (organic)",
            "Clicks (sponsored)",
            "Clicks (total)",
            "Reactions (organic)",
            "Reactions (sponsored)",
            "Reactions (total)",
            "Comments (organic)",
            "Comments (sponsored)",
            "Comments (total)",
            "Reposts (organic)",
            "Reposts (sponsored)",
            "Reposts (total)",
            "Engagement rate (organic)",
            "Engagement rate (sponsored)",
            "Engagement rate (total)",
        ],
    ]
    for kind in "os":
        actions = sum(daily[metric + kind] for metric in "crmp")
        daily["e" + kind] = (actions / daily["i" + kind].where(daily["i" + kind] > 0)).fillna(0).round(4)
    all_actions = sum(daily[metric + kind] for metric in "crmp" for kind in "os")
    all_impressions = daily["io"] + daily["is"]
    daily["et"] = (all_actions / all_impressions.where(all_impressions > 0)).fillna(0).round(4)
    for day, row in zip(daily.index, daily.to_dict("records"), strict=True):
        counts = []
        for metric in "icrmp":
            organic, sponsored = int(row[metric + "o"]), int(row[metric + "s"])
            counts += [organic, sponsored, organic + sponsored] + ([int(row["uo"])] if metric == "i" else [])
        updates.append([day.strftime("%m/%d/%Y"), *counts, row["eo"], row["es"], row["et"]])
    path = folder / "linkedin_page_content.xlsx"
    write_xlsx(
        path,
        [
            Sheet("Update metrics (aggregated)", updates, header_row=2),
            Sheet("All posts", all_posts, header_row=2),
        ],
    )
    return [path]


# -- paid, web and sales --------------------------------------------------------------------------


def write_ads(world: World, folder: Path) -> list[Path]:
    header = [
        "Reporting starts",
        "Reporting ends",
        "Campaign name",
        "Ad set ID",
        "Ad set name",
        "Ad name",
        "Ad ID",
        "Amount spent (USD)",
        "Result type",
        "Results",
        "Cost per result",
        "Reach",
        "Impressions",
        "Frequency",
        "CPM (cost per 1,000 impressions)",
        "Link clicks",
        "CPC (cost per link click)",
        "CTR (link click-through rate)",
        "Purchases conversion value",
        "Purchase ROAS (return on ad spend)",
        "Attribution setting",
    ]
    rows = [header]
    for ad in world.ads.itertuples():
        rows.append(
            [
                ad.reporting_starts.date(),
                ad.reporting_ends.date(),
                ad.campaign,
                str(ad.ad_set_id),
                ad.ad_set,
                ad.ad_name,
                str(ad.ad_id),
                ad.spend,
                "Website purchases",
                ad.results,
                round(ad.spend / ad.results, 2) if ad.results else None,
                ad.reach,
                ad.impressions,
                round(ad.impressions / ad.reach, 6),
                round(ad.spend / ad.impressions * 1000, 6),
                ad.link_clicks,
                round(ad.spend / ad.link_clicks, 6) if ad.link_clicks else None,
                round(ad.link_clicks / ad.impressions * 100, 6),
                ad.conversion_value,
                round(ad.conversion_value / ad.spend, 6),
                "7-day click or 1-day view",
            ]
        )
    path = folder / "meta_ads_manager.xlsx"
    write_xlsx(
        path,
        [
            Sheet(
                "Raw Data Report",
                rows,
                freeze="A2",
                number_formats={0: "yyyy-mm-dd", 1: "yyyy-mm-dd"},
                widths={2: 32, 4: 22, 5: 24},
            )
        ],
    )
    return [path]


def _ga4_preamble(t, report: str) -> str:
    """The `#` comment lines GA4 writes above the header of a report exported to CSV."""
    lines = [
        "----------------------------------------",
        report,
        "Account: Kettle & Crow",
        "Property: kettleandcrow.com - GA4",
        "All Users",
        f"Start date: {t.first_day:%Y%m%d}",
        f"End date: {t.last_day:%Y%m%d}",
        "----------------------------------------",
        "",
    ]
    return "".join(f"# {line}\n" for line in lines)


def write_ga4(world: World, folder: Path) -> list[Path]:
    t = world.truth
    traffic = world.traffic
    preamble = _ga4_preamble(t, "Traffic acquisition: Session source / medium")
    header = [
        "Date",
        "Session source / medium",
        "Session campaign",
        "Session primary channel group (Default Channel Group)",
        "Sessions",
        "Engaged sessions",
        "Engagement rate",
        "Average engagement time per session",
        "Events per session",
        "Event count",
        "Key events",
        "Session key event rate",
        "Total revenue",
    ]
    rows = []
    for row in traffic.itertuples():
        events = _count(row.sessions * row.events_per_session)
        rows.append(
            [
                row.day.strftime("%Y%m%d"),
                f"{row.session_source} / {row.session_medium}",
                row.session_campaign,
                row.session_channel_group,
                row.sessions,
                row.engaged_sessions,
                f"{row.engaged_sessions / row.sessions:.4f}",
                f"{row.engagement_seconds:.1f}",
                f"{events / row.sessions:.2f}",
                events,
                row.key_events,
                f"{row.key_events / row.sessions:.4f}",
                f"{row.revenue:.2f}",
            ]
        )
    path = folder / "ga4_traffic_acquisition.csv"
    write_delimited(path, header, rows, preamble=preamble)
    return [path]


# -- GA4 landing pages: the query strings that UTM parameters write -------------------------------

PRODUCT_PAGES = {
    "KC-ETH-12": "/products/ethiopia-guji",
    "KC-COL-12": "/products/colombia-huila",
    "KC-GUA-12": "/products/guatemala-antigua",
    "KC-HSE-12": "/products/house-blend",
    "KC-DEC-12": "/products/swiss-water-decaf",
    "KC-ESP-12": "/products/crows-nest-espresso",
    "KC-SPR-12": "/products/spring-blend",
    "KC-SUB-2": "/products/coffee-subscription",
    "KC-GFT-BOX": "/products/holiday-gift-box",
}
COLLECTION_PAGES = ["/collections/single-origins", "/collections/brewing-gear", "/collections/best-sellers"]
BLOG_PAGES = [
    "/blog/how-to-brew-pour-over",
    "/blog/meet-our-head-roaster",
    "/blog/why-fresh-roast-matters",
    "/blog/cold-brew-at-home",
]
# Untagged visits a day (typed URLs, bookmarks, search, links without UTMs): page -> mean sessions.
UNTAGGED_PAGES = {
    "/": 95,
    "/collections/all": 22,
    "/collections/single-origins": 9,
    "/products/house-blend": 14,
    "/products/ethiopia-guji": 11,
    "/products/coffee-subscription": 12,
    "/products/colombia-huila": 7,
    "/blog/how-to-brew-pour-over": 6,
    "/pages/wholesale": 3,
}
PAID_PAGES = {  # the page each ad links to
    "Best Seller Carousel": "/collections/best-sellers",
    "Roaster Reel": "/",
    "Free Shipping Static": "/collections/all",
    "Gift Box Reel": "/products/holiday-gift-box",
    "Spring Blend | Video": "/products/spring-blend",
    "Spring Blend | Static": "/products/spring-blend",
}
UTM_ORDERS = [  # the order of the parameters as different people on the team build links
    ("utm_source", "utm_medium", "utm_campaign", "utm_content"),
    ("utm_content", "utm_source", "utm_medium", "utm_campaign"),
    ("utm_campaign", "utm_source", "utm_medium", "utm_content"),
    ("utm_medium", "utm_source", "utm_content", "utm_campaign"),
]
FBCLID_CHARACTERS = np.array(list("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"))


def facebook_post_ids(world: World) -> pd.Series:
    """Each Facebook post's `Post ID` as facebook_post_insights.xlsx writes it, by the post's row in world.posts."""
    posts = world.posts[world.posts["network"] == "Facebook"]
    return pd.Series([f"{PAGE_ID}_{post_id}" for post_id in _post_ids(posts, 11, 16)], index=posts.index)


def _utm_slug(name: str) -> str:
    return "_".join("".join(ch if ch.isalnum() else " " for ch in name.lower()).split())


def _query(page: str, parameters: dict[str, str], order) -> str:
    return page + "?" + "&".join(f"{key}={parameters[key]}" for key in order if key in parameters)


def tracked_facebook_posts(world: World) -> pd.DataFrame:
    """The Facebook posts whose link carries UTM parameters, with their landing page and sessions by day.
    Its own random stream (seeded from the truth's seed), so no other file changes."""
    t = world.truth
    rng = np.random.default_rng([t.seed, 5])
    posts = world.posts[world.posts["network"] == "Facebook"]
    ids = facebook_post_ids(world)
    last_day = pd.Timestamp(t.last_day)
    spellings, spelling_weights = (
        list(t.facebook_source_spellings),
        np.array(list(t.facebook_source_spellings.values())),
    )
    mediums = SOCIAL_MEDIUMS
    pages = list(PRODUCT_PAGES.values())
    rows = []
    for index, post in posts.iterrows():
        tracked = post["format"] == "Link" or rng.random() < t.tracked_other_post_share
        if not tracked:
            continue
        day = post["day"]
        if post["format"] == "Link":
            kind = rng.choice(["product", "collection", "blog"], p=[0.6, 0.2, 0.2])
        else:
            kind = "product"
        page = {
            "product": lambda: pages[rng.integers(len(pages))],
            "collection": lambda: COLLECTION_PAGES[rng.integers(len(COLLECTION_PAGES))],
            "blog": lambda: BLOG_PAGES[rng.integers(len(BLOG_PAGES))],
        }[kind]()
        campaign = (
            "holiday_gifting"
            if day.month in (11, 12)
            else "spring_blend"
            if day.month in (4, 5)
            else "evergreen"
        )
        parameters = {
            "utm_source": spellings[rng.choice(len(spellings), p=spelling_weights / spelling_weights.sum())],
            "utm_campaign": campaign,
            "utm_content": ids[index],
        }
        if rng.random() >= t.social_medium_missing_share:
            parameters["utm_medium"] = list(mediums)[rng.choice(len(mediums), p=list(mediums.values()))]
        order = UTM_ORDERS[0] if rng.random() < 0.55 else UTM_ORDERS[rng.integers(1, len(UTM_ORDERS))]
        low, high = t.tracked_sessions_per_click
        total = int(round(post["clicks"] * rng.uniform(low, high)))
        later_days = int(rng.integers(1, 4))
        weights = 0.45 ** np.arange(later_days + 1)
        by_day = rng.multinomial(total, weights / weights.sum())
        with_fbclid = rng.random() < 0.4
        for offset, sessions in enumerate(by_day):
            date = day + pd.Timedelta(days=offset)
            if sessions == 0 or date > last_day:
                continue
            url = _query(page, parameters, order)
            clicked = min(int(rng.binomial(sessions, 0.3)), 4) if with_fbclid else 0
            for _ in range(clicked):
                fbclid = "IwAR" + "".join(rng.choice(FBCLID_CHARACTERS, 26))
                rows.append((date, f"{url}&fbclid={fbclid}", 1, ids[index]))
            if sessions - clicked:
                rows.append((date, url, sessions - clicked, ids[index]))
    return pd.DataFrame(rows, columns=["day", "landing_page", "sessions", "post_id"])


def landing_page_sessions(world: World) -> pd.DataFrame:
    """Sessions by day and landing page + query string, every kind of visit."""
    t = world.truth
    rng = np.random.default_rng([t.seed, 5, 1])
    days = world.days
    rows = [
        tuple(row)
        for row in tracked_facebook_posts(world)[["day", "landing_page", "sessions"]].itertuples(index=False)
    ]
    instagram = world.posts[world.posts["network"] == "Instagram"]
    ig_engagement = (
        (instagram["likes"] + instagram["comments"] + instagram["shares"]).groupby(instagram["day"]).sum()
    )
    ig_engagement = ig_engagement.reindex(days.index, fill_value=0)
    link_in_bio = "/pages/link-in-bio?utm_source=instagram&utm_medium=social&utm_campaign=link_in_bio"
    for day in days.index:
        sessions = int(rng.poisson(4 + 0.02 * ig_engagement[day]))
        if sessions:
            rows.append((day, link_in_bio, sessions))
        for page, mean in UNTAGGED_PAGES.items():
            sessions = int(rng.poisson(mean * days.loc[day, "season_sales"]))
            if sessions:
                rows.append((day, page, sessions))
        if day.day_of_week == 3:  # the newsletter goes out on Thursdays
            for offset, share in enumerate((1.0, 0.45, 0.2)):
                date = day + pd.Timedelta(days=offset)
                if date > days.index[-1]:
                    break
                for page, mean in (("/collections/new-arrivals", 40), ("/blog/why-fresh-roast-matters", 12)):
                    sessions = int(rng.poisson(mean * share))
                    if sessions:
                        parameters = {
                            "utm_source": "klaviyo",
                            "utm_medium": "email",
                            "utm_campaign": "weekly_newsletter",
                        }
                        rows.append((date, _query(page, parameters, UTM_ORDERS[0]), sessions))
    for ad in world.ads.itertuples():
        source = "instagram" if "Reel" in ad.ad_name else "facebook"
        medium = "cpc" if ad.campaign.startswith("Retargeting") else "paid_social"
        parameters = {
            "utm_source": source,
            "utm_medium": medium,
            "utm_campaign": _utm_slug(ad.campaign),
            "utm_content": str(ad.ad_id),
        }
        url = _query(PAID_PAGES[ad.ad_name], parameters, UTM_ORDERS[0])
        week = pd.date_range(ad.reporting_starts, ad.reporting_ends, freq="D")
        by_day = rng.multinomial(
            int(round(ad.link_clicks * rng.uniform(0.5, 0.75))), np.ones(len(week)) / len(week)
        )
        rows += [(day, url, int(sessions)) for day, sessions in zip(week, by_day, strict=True) if sessions]
    table = pd.DataFrame(rows, columns=["day", "landing_page", "sessions"])
    table = table.groupby(["day", "landing_page"], as_index=False)["sessions"].sum()
    n = len(table)
    sessions = table["sessions"].to_numpy()
    table["active_users"] = np.maximum(sessions - rng.binomial(sessions, 0.08), 1)
    table["new_users"] = rng.binomial(table["active_users"].to_numpy(), rng.uniform(0.5, 0.75, n))
    table["engaged_sessions"] = rng.binomial(sessions, rng.uniform(0.45, 0.75, n))
    table["engagement_seconds"] = rng.uniform(20, 150, n).round(1)
    table["key_events"] = rng.binomial(table["engaged_sessions"].to_numpy(), 0.02)
    return table.sort_values(["day", "sessions", "landing_page"], ascending=[True, False, True]).reset_index(
        drop=True
    )


def write_ga4_landing_pages(world: World, folder: Path) -> list[Path]:
    t = world.truth
    preamble = _ga4_preamble(t, "Landing page: Landing page + query string")
    header = [
        "Date",
        "Landing page + query string",
        "Sessions",
        "Active users",
        "New users",
        "Engaged sessions",
        "Average engagement time per session",
        "Key events",
    ]
    rows = [
        [
            row.day.strftime("%Y%m%d"),
            row.landing_page,
            row.sessions,
            row.active_users,
            row.new_users,
            row.engaged_sessions,
            f"{row.engagement_seconds:.1f}",
            row.key_events,
        ]
        for row in landing_page_sessions(world).itertuples()
    ]
    path = folder / "ga4_landing_pages.csv"
    write_delimited(path, header, rows, preamble=preamble)
    return [path]


SHOPIFY_HEADER = [
    "Name",
    "Email",
    "Financial Status",
    "Paid at",
    "Fulfillment Status",
    "Fulfilled at",
    "Accepts Marketing",
    "Currency",
    "Subtotal",
    "Shipping",
    "Taxes",
    "Total",
    "Discount Code",
    "Discount Amount",
    "Shipping Method",
    "Created at",
    "Lineitem quantity",
    "Lineitem name",
    "Lineitem price",
    "Lineitem compare at price",
    "Lineitem sku",
    "Lineitem requires shipping",
    "Lineitem taxable",
    "Lineitem fulfillment status",
    "Cancelled at",
    "Payment Method",
    "Refunded Amount",
    "Vendor",
    "Id",
    "Tags",
    "Risk Level",
    "Source",
]


def _shopify_time(moment: pd.Timestamp) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S %z")


def write_shopify(world: World, folder: Path) -> list[Path]:
    orders, lines = world.orders, world.lines
    lines_by_order = lines.groupby("order", sort=False)
    rows = []
    for order in orders.itertuples():
        created = order.created_at
        cancelled = order.cancelled
        fulfilled = created + pd.Timedelta(days=int(order.fulfilled_days))
        pos = order.source_kind == "pos"
        order_fields = [
            order.name,
            order.email if not pos else "",
            order.financial_status,
            "" if cancelled else _shopify_time(created),
            "unfulfilled" if cancelled else "fulfilled",
            "" if cancelled or pos else _shopify_time(fulfilled),
            order.accepts_marketing,
            "USD",
            f"{order.subtotal:.2f}",
            f"{order.shipping:.2f}",
            f"{order.taxes:.2f}",
            f"{order.total:.2f}",
            order.discount_code,
            f"{order.discount:.2f}",
            "" if pos else ("Free shipping" if order.shipping == 0 else "Standard"),
            _shopify_time(created),
        ]
        tail_fields = [
            _shopify_time(created + pd.Timedelta(hours=int(order.refunded_at_days))) if cancelled else "",
            "Cash" if pos and order.Index % 3 == 0 else "Shopify Payments",
            f"{order.refunded:.2f}",
            "Kettle & Crow",
            str(order.order_id),
            "market" if pos else ("holiday" if created.month in (11, 12) else ""),
            "Low",
            order.source_kind,
        ]
        for number, line in enumerate(lines_by_order.get_group(order.Index).itertuples()):
            line_fields = [
                line.quantity,
                line.product,
                f"{line.price:.2f}",
                f"{line.compare_at:.2f}" if pd.notna(line.compare_at) else "",
                line.sku,
                "false" if pos else "true",
                "true",
                "pending" if cancelled else "fulfilled",
            ]
            if number == 0:
                rows.append(order_fields + line_fields + tail_fields)
            else:
                # Shopify repeats only the order's name and a few fields on the other line items, and
                # the vendor, which belongs to the line item.
                blank_order = (
                    [order.name, order.email if not pos else ""] + [""] * 13 + [_shopify_time(created)]
                )
                vendor_only = ["Kettle & Crow" if field == "Kettle & Crow" else "" for field in tail_fields]
                rows.append(blank_order + line_fields + vendor_only)
    path = folder / "shopify_orders.csv"
    write_delimited(path, SHOPIFY_HEADER, rows)
    return [path]


def write_journeys(world: World, folder: Path) -> list[Path]:
    rows = [
        [
            tp.customer_id,
            tp.order,
            tp.timestamp.strftime("%Y-%m-%d %H:%M:%S"),
            tp.channel,
            tp.source_medium,
            tp.campaign,
            "" if pd.isna(tp.conversion_value) else f"{tp.conversion_value:.2f}",
        ]
        for tp in world.touchpoints.itertuples()
    ]
    path = folder / "customer_journeys.csv"
    write_delimited(
        path,
        ["Customer ID", "Order", "Timestamp", "Channel", "Source / medium", "Campaign", "Conversion value"],
        rows,
    )
    return [path]


def write_geo(world: World, folder: Path) -> list[Path]:
    t = world.truth
    geo = world.geo
    weekly = [["Region", "Group", "Week starting", "Period", "Revenue (USD)", "Orders", "Ad spend (USD)"]]
    for row in geo.itertuples():
        weekly.append(
            [row.region, row.group, row.week.date(), row.period, row.revenue, row.orders, row.spend]
        )
    spend = round(float(geo["spend"].sum()), 2)
    # What Ads Manager reports for the test campaign, exactly as meta_ads_manager.xlsx shows it.
    test_campaign = world.ads[world.ads["campaign"].str.startswith("Geo holdout")]
    platform_value = round(float(test_campaign["conversion_value"].sum()), 2)
    design = [
        ["Item", "Value"],
        ["Test", "Meta ads on in treatment regions, off in control regions"],
        ["Regions", t.lift_regions],
        ["Pre-test weeks", t.lift_pre_weeks],
        ["Test weeks", t.lift_test_weeks],
        ["Test start", pd.Timestamp(t.lift_test_start).date()],
        ["Test spend (USD)", spend],
        ["Platform-reported conversion value (USD)", platform_value],
        ["Platform-reported ROAS", round(platform_value / spend, 2)],
    ]
    path = folder / "geo_holdout_test.xlsx"
    write_xlsx(
        path,
        [
            Sheet("Weekly by region", weekly, freeze="A2", number_formats={2: "yyyy-mm-dd"}),
            Sheet("Test design", design, widths={0: 42, 1: 52}),
        ],
    )
    return [path]


def write_finance(world: World, folder: Path) -> list[Path]:
    rows = [
        ["Assumption", "Value", "Unit", "Source / note"],
        ["Gross margin", 0.62, "share of net revenue", "FY2025 management accounts"],
        ["Cost per phone contact", 8.40, "USD", "Support team cost / phone contacts, FY2025"],
        ["Cost per email contact", 4.90, "USD", "Support team cost / email and web form contacts, FY2025"],
        ["Cost per chat contact", 3.10, "USD", ""],
        ["Cost per social contact", 2.60, "USD", "Social care: Facebook, Instagram, X messages"],
        ["Social team monthly cost", 21500, "USD per month", "3 people, salaries and tools"],
        ["LinkedIn sponsored spend, monthly", 1800, "USD per month", "Wholesale lead campaigns"],
        ["EUR to USD", 1.08, "USD per EUR", "Average rate used for the French subsidiary"],
        ["French VAT on coffee", 0.055, "share", "Reduced rate for food"],
    ]
    names = {
        "GrossMargin": "Assumptions!$B$2",
        "CostPerPhoneContact": "Assumptions!$B$3",
        "CostPerEmailContact": "Assumptions!$B$4",
        "CostPerChatContact": "Assumptions!$B$5",
        "CostPerSocialContact": "Assumptions!$B$6",
        "SocialTeamMonthlyCost": "Assumptions!$B$7",
        "LinkedInMonthlySpend": "Assumptions!$B$8",
        "EURUSD": "Assumptions!$B$9",
        "VATFrance": "Assumptions!$B$10",
    }
    notes = [
        ["Notes"],
        ["Finance's planning inputs for the social team. Use the named cells (Formulas > Name Manager)."],
        [
            "Margins apply to net revenue: after discounts, refunds and cancellations, before shipping and tax."
        ],
    ]
    path = folder / "finance_assumptions.xlsx"
    write_xlsx(
        path, [Sheet("Assumptions", rows, widths={0: 34, 1: 10, 2: 22, 3: 58}), Sheet("Notes", notes)], names
    )
    return [path]


def write_hubspot(world: World, folder: Path) -> list[Path]:
    contacts, deals = world.contacts, world.deals
    lifecycle = {True: "customer", False: "lead"}
    won_contacts = set(deals.loc[deals["stage"] == "Closed Won", "record_id"])
    with_deal = set(deals["record_id"])
    contact_rows = [
        [
            "Record ID",
            "First Name",
            "Last Name",
            "Email",
            "Company Name",
            "Create Date",
            "Lifecycle Stage",
            "Original Traffic Source",
            "Original Traffic Source Drill-Down 1",
            "Original Traffic Source Drill-Down 2",
            "First Conversion",
        ]
    ]
    for c in contacts.itertuples():
        stage = (
            lifecycle[c.record_id in won_contacts]
            if c.record_id in won_contacts
            else ("opportunity" if c.record_id in with_deal else "lead")
        )
        contact_rows.append(
            [
                c.record_id,
                c.first_name,
                c.last_name,
                c.email,
                c.company,
                c.created_at.to_pydatetime(),
                stage,
                c.source,
                c.drill_down_1,
                "wholesale" if c.source in ("SOCIAL_MEDIA", "PAID_SOCIAL") else "",
                c.first_conversion,
            ]
        )
    deal_rows = [
        [
            "Record ID",
            "Deal Name",
            "Deal Stage",
            "Pipeline",
            "Amount",
            "Create Date",
            "Close Date",
            "Deal owner",
            "Is Closed Won",
            "Associated Contact IDs",
        ]
    ]
    for d in deals.itertuples():
        deal_rows.append(
            [
                d.deal_id,
                d.deal_name,
                d.stage,
                "Wholesale pipeline",
                d.amount,
                d.deal_created.to_pydatetime(),
                d.close_date.to_pydatetime(),
                d.owner,
                d.stage == "Closed Won",
                str(d.record_id),
            ]
        )
    contacts_path, deals_path = folder / "hubspot_contacts.xlsx", folder / "hubspot_deals.xlsx"
    write_xlsx(
        contacts_path, [Sheet("Contacts", contact_rows, freeze="A2", number_formats={5: "yyyy-mm-dd hh:mm"})]
    )
    write_xlsx(
        deals_path,
        [Sheet("Deals", deal_rows, freeze="A2", number_formats={5: "yyyy-mm-dd hh:mm", 6: "yyyy-mm-dd"})],
    )
    return [contacts_path, deals_path]


# -- listening, care, subsidiary --------------------------------------------------------------------

SOURCE_TYPES = {
    "X": ("Social", "X", "x.com", "Post"),
    "Instagram": ("Social", "Instagram", "instagram.com", "Post"),
    "Reddit": ("Forums", "Reddit", "reddit.com", "Comment"),
    "Facebook": ("Social", "Facebook", "facebook.com", "Comment"),
    "TikTok": ("Social", "TikTok", "tiktok.com", "Post"),
    "News": ("News", "Coffee Trade News", "coffeetradenews.com", "Article"),
    "Blogs": ("Blogs", "Brew Notes", "brewnotes.blog", "Article"),
    "Trustpilot": ("Reviews", "Trustpilot", "trustpilot.com", "Review"),
}
LANGUAGES = {"France": "French", "Germany": "German"}


def write_mentions(world: World, folder: Path) -> list[Path]:
    header = [
        "Date",
        "Time",
        "Document ID",
        "URL",
        "Input Name",
        "Keywords",
        "Source Type",
        "Source Name",
        "Source Domain",
        "Content Type",
        "Author Name",
        "Author Handle",
        "Title",
        "Opening Text",
        "Hit Sentence",
        "Hashtags",
        "Country",
        "Language",
        "Sentiment",
        "Reach",
        "AVE",
        "Engagement",
        "Likes",
        "Replies",
        "Reposts",
        "Comments",
        "Views",
        "Document Tags",
    ]
    rng = np.random.default_rng(51)
    handles = [
        f"{a.lower()}{b.lower()}{n}"
        for a, b, n in zip(
            rng.choice(["coffee", "bean", "brew", "latte", "morning", "roast", "cup"], 800),
            rng.choice(["lover", "nerd", "queen", "guy", "fan", "daily"], 800),
            rng.integers(1, 99, 800),
            strict=True,
        )
    ]
    rows = []
    for m in world.mentions.itertuples():
        source_type, source_name, domain, content = SOURCE_TYPES[m.source]
        handle = handles[int(m.document_id[1:]) % len(handles)]
        is_article = content == "Article"
        likes = _count(m.engagement * 0.7)
        rows.append(
            [
                m.at.strftime("%d-%b-%Y"),
                m.at.strftime("%I:%M %p"),
                m.document_id,
                f"https://{domain}/{m.document_id}",
                "Kettle & Crow",
                "kettle & crow",
                source_type,
                source_name,
                domain,
                content,
                handle if not is_article else "Staff writer",
                f"@{handle}" if source_type == "Social" else "",
                m.text if is_article else "",
                m.text if is_article else "",
                m.text,
                "",
                m.country,
                LANGUAGES.get(m.country, "English"),
                m.sentiment if source_type != "News" or m.sentiment != "Neutral" else "Not Rated",
                m.reach,
                round(m.reach * 0.012, 2),
                m.engagement,
                likes,
                _count(m.engagement * 0.1),
                _count(m.engagement * 0.1),
                m.engagement - likes - 2 * _count(m.engagement * 0.1),
                m.reach * 2 if source_type == "Social" else "",
                "",
            ]
        )
    path = folder / "listening_mentions.tsv"
    write_delimited(path, header, rows, delimiter="\t", encoding="utf-16-le", preamble="\ufeff")
    return [path]


ZENDESK_VIA = {
    "Email": "Email",
    "Phone": "Phone call (inbound)",
    "Chat": "Chat",
    "Web form": "Web form",
    "Facebook": "Facebook Messenger",
    "Instagram": "Instagram Direct",
    "X": "X Corp (formerly Twitter)",
}


def write_zendesk(world: World, folder: Path) -> list[Path]:
    end = pd.Timestamp(world.truth.last_day, tz=world.truth.timezone) + pd.Timedelta(days=1)
    header = [
        "Id",
        "Requester",
        "Subject",
        "Tags",
        "Status",
        "Priority",
        "Via",
        "Ticket type",
        "Created at",
        "Solved at",
        "Satisfaction Score",
        "Reopens",
        "Replies",
        "First reply time in minutes",
        "First reply time in minutes within business hours",
        "Full resolution time in minutes",
    ]
    rows = []
    for ticket in world.tickets.itertuples():
        solved = ticket.created_at + pd.Timedelta(minutes=int(ticket.resolution_calendar))
        still_open = solved >= end
        tags = " ".join(
            filter(
                None,
                [
                    ticket.kind,
                    ticket.via.lower().replace(" ", "_"),
                    "lot_0314" if ticket.kind == "crisis" else "",
                ],
            )
        )
        rows.append(
            [
                ticket.id,
                ticket.requester,
                ticket.subject,
                tags,
                "Open" if still_open else "Closed",
                ticket.priority,
                ZENDESK_VIA[ticket.via],
                "Problem" if ticket.kind in ("product", "crisis") else "Question",
                ticket.created_at.strftime("%Y-%m-%d %H:%M:%S"),
                "" if still_open else solved.strftime("%Y-%m-%d %H:%M:%S"),
                "Unoffered" if still_open else ticket.satisfaction,  # surveys go out once solved
                ticket.reopens,
                ticket.replies,
                ticket.first_reply_calendar,
                ticket.first_reply_business,
                "" if still_open else ticket.resolution_calendar,
            ]
        )
    path = folder / "zendesk_tickets.csv"
    write_delimited(path, header, rows, line_end="\r\n")
    return [path]


def _french_number(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def write_france(world: World, folder: Path) -> list[Path]:
    vat = 0.055
    rows = []
    for row in world.france.itertuples():
        tax = float((Decimal(str(row.net)) * Decimal(str(vat))).quantize(Decimal("0.01"), ROUND_HALF_UP))
        rows.append(
            [
                row.day.strftime("%d/%m/%Y"),
                row.channel,
                row.orders,
                _french_number(row.net),
                _french_number(tax),
                _french_number(row.net + tax),
                _french_number((row.net + tax) / row.orders),
            ]
        )
    header = ["Date", "Canal", "Commandes", "CA HT (€)", "TVA (€)", "CA TTC (€)", "Panier moyen TTC (€)"]
    path = folder / "ventes_filiale_france.csv"
    write_delimited(path, header, rows, delimiter=";", line_end="\r\n")
    return [path]


WRITERS = [
    write_facebook,
    write_instagram,
    write_x,
    write_linkedin,
    write_ads,
    write_ga4,
    write_shopify,
    write_hubspot,
    write_mentions,
    write_zendesk,
    write_journeys,
    write_geo,
    write_france,
    write_finance,
]
