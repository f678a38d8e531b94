"""Kettle & Crow's two years, simulated once: the facts every export is written from.

The simulation works in the company's local time. Each table here is tidy and complete;
the export writers (exports.py) reshape them into what each platform really exports,
quirks included. One seeded generator drives everything, in a fixed order, so the same
ground truth always gives the same files.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from likes_to_ledger.data import vocabulary as vocab
from likes_to_ledger.data.truth import GroundTruth

NETWORKS = {
    # network: (posts a day, formats and their shares, typical reach of a photo)
    "Facebook": (1.0, {"Photo": 0.35, "Link": 0.22, "Video": 0.1, "Reel": 0.18, "Text": 0.15}, 1500),
    "Instagram": (1.3, {"Photo": 0.4, "Carousel": 0.25, "Reel": 0.35}, 2100),
    "X": (1.9, {"Text": 0.5, "Link": 0.3, "Photo": 0.2}, 950),
    "LinkedIn": (0.7, {"Text": 0.3, "Link": 0.35, "Photo": 0.25, "Video": 0.1}, 800),
}
WEEKDAY_POSTING = (1.0, 1.05, 1.05, 1.05, 1.0, 0.55, 0.65)
WEEKDAY_SALES = (1.0, 1.04, 1.04, 1.03, 0.98, 0.9, 0.95)

# Traffic sources as GA4 shows them: (source, medium) and their share within a channel.
SOCIAL_SOURCES = {
    "Facebook": None,  # spelled as GroundTruth.facebook_source_spellings says
    "Instagram": {"instagram": 0.5, "ig": 0.2, "l.instagram.com": 0.3},
    "X": {"t.co": 0.6, "twitter": 0.25, "x.com": 0.15},
    "LinkedIn": {"linkedin": 0.5, "lnkd.in": 0.3, "linkedin.com": 0.2},
}
SOCIAL_MEDIUMS = {"social": 0.7, "Social": 0.1, "social-media": 0.2}
OTHER_CHANNELS = {
    # channel group: ({(source, medium): share}, sessions per order)
    "Organic Search": (
        {("google", "organic"): 0.88, ("bing", "organic"): 0.09, ("duckduckgo", "organic"): 0.03},
        45,
    ),
    "Direct": ({("(direct)", "(none)"): 1.0}, 33),
    "Email": ({("klaviyo", "email"): 0.8, ("newsletter", "email"): 0.2}, 25),
    "Referral": (
        {
            ("coffeereview.com", "referral"): 0.5,
            ("sprudge.com", "referral"): 0.3,
            ("reddit.com", "referral"): 0.2,
        },
        60,
    ),
}
BASELINE_CHANNEL_SHARES = {"Organic Search": 0.5, "Direct": 0.25, "Email": 0.17, "Referral": 0.08}
ORGANIC_SOCIAL_SESSIONS_PER_ORDER = 40
ORGANIC_SOCIAL_SESSIONS_PER_ENGAGEMENT = 0.12
PAID_SOCIAL_SESSIONS_PER_ORDER = 80
BASELINE_DAILY_ORDERS = 4.2
POS_ORDERS_PER_SATURDAY = 3.0


@dataclass
class World:
    truth: GroundTruth
    days: pd.DataFrame  # one row per local date
    posts: pd.DataFrame  # one row per post, every network
    orders: pd.DataFrame  # one row per Shopify order
    lines: pd.DataFrame  # one row per order line item
    traffic: pd.DataFrame  # GA4 rows: date x source / medium / campaign
    touchpoints: pd.DataFrame  # customer journeys of web orders
    ads: pd.DataFrame  # Meta Ads Manager: one row per ad and week
    geo: pd.DataFrame  # the geo holdout test: one row per region and week
    mentions: pd.DataFrame  # listening tool mentions
    tickets: pd.DataFrame  # Zendesk tickets
    contacts: pd.DataFrame  # HubSpot contacts
    deals: pd.DataFrame  # HubSpot deals
    france: pd.DataFrame  # the French subsidiary's daily sales


def simulate(truth: GroundTruth) -> World:
    return _Simulation(truth).run()


class _Simulation:
    def __init__(self, truth: GroundTruth):
        self.truth = truth
        self.rng = np.random.default_rng(truth.seed)
        self.dates = pd.date_range(truth.first_day, truth.last_day, freq="D")
        self.ad_ids: dict[tuple[str, str, str], int] = {}
        self.next_ad_id = itertools.count(23851234567890000, 1723)

    # -- helpers -------------------------------------------------------------------------
    def choice(self, options: dict, size=None):
        if isinstance(options, pd.Series):
            options = options.to_dict()
        keys = list(options)
        weights = np.array(list(options.values()), dtype=float)
        picked = self.rng.choice(len(keys), size=size, p=weights / weights.sum())
        return [keys[i] for i in picked] if size is not None else keys[picked]

    def holiday_bump(self, dates) -> np.ndarray:
        """0 most of the year, rising through autumn to 1 in mid December, gone by early January."""
        dates = pd.DatetimeIndex(dates)
        bump = np.zeros(len(dates))
        for year in sorted({d.year for d in dates} | {min(dates).year - 1}):
            peak = pd.Timestamp(year, 12, 14)
            days = (dates - peak).days.to_numpy()
            width = np.where(days < 0, 30.0, 9.0)  # a slow build-up, a quick drop after Christmas
            bump = np.maximum(bump, np.exp(-0.5 * (days / width) ** 2))
        return bump

    def days_since(self, day: date) -> np.ndarray:
        return (self.dates - pd.Timestamp(day)).days.to_numpy()

    # -- the simulation, in a fixed order --------------------------------------------------
    def run(self) -> World:
        days = self.simulate_days()
        posts = self.posts = self.simulate_posts(days)
        days = self.add_engagement(days, posts)
        orders, lines, traffic = self.simulate_commerce(days)
        touchpoints = self.simulate_journeys(orders)
        geo = self.simulate_geo()
        ads = self.simulate_ads(days, geo)
        mentions = self.simulate_mentions(days)
        tickets = self.simulate_tickets(days, orders)
        contacts, deals = self.simulate_b2b()
        france = self.simulate_france(days)
        return World(
            self.truth,
            days,
            posts,
            orders,
            lines,
            traffic,
            touchpoints,
            ads,
            geo,
            mentions,
            tickets,
            contacts,
            deals,
            france,
        )

    def simulate_days(self) -> pd.DataFrame:
        t = self.truth
        bump = self.holiday_bump(self.dates)
        weekday = self.dates.day_of_week.to_numpy()
        crisis_days = self.days_since(t.crisis_day)
        in_dip = (crisis_days >= 0) & (crisis_days < t.crisis_sales_dip_days)
        growth = 1 + 0.08 * np.arange(len(self.dates)) / 365
        spend = 250 * (1 + t.q4_spend_uplift * bump) * self.rng.lognormal(0, 0.25, len(self.dates))
        return pd.DataFrame(
            {
                "holiday_bump": bump,
                "season_sales": (1 + t.q4_sales_uplift * bump) * growth,
                "season_posting": 1 + t.q4_posting_uplift * bump,
                "weekday": weekday,
                "sales_factor": np.where(in_dip, 1 - t.crisis_sales_dip, 1.0),
                "meta_spend": spend.round(2),
            },
            index=self.dates,
        )

    def simulate_posts(self, days: pd.DataFrame) -> pd.DataFrame:
        t = self.truth
        rows = []
        for network, (per_day, formats, photo_reach) in NETWORKS.items():
            rate = per_day * days["season_posting"].to_numpy() * np.array(WEEKDAY_POSTING)[days["weekday"]]
            if network == "LinkedIn":
                rate = np.where(days["weekday"] < 5, rate * 7 / 5, 0)
            counts = self.rng.poisson(rate)
            for day, count in zip(self.dates, counts, strict=True):
                for _ in range(count):
                    rows.append((network, day, self.choice(formats), photo_reach))
        posts = pd.DataFrame(rows, columns=["network", "day", "format", "photo_reach"])
        n = len(posts)

        # Posting times cluster around the peaks, with some posts at other hours.
        peak = self.rng.choice(t.peak_hours, n)
        hour = np.where(self.rng.random(n) < 0.8, self.rng.normal(peak, 1.3), self.rng.uniform(7, 23, n))
        hour = np.clip(hour, 6, 23.5)
        posts["posted_at"] = (posts["day"] + pd.to_timedelta(np.round(hour * 60), unit="min")).dt.tz_localize(
            t.timezone, nonexistent="shift_forward", ambiguous=False
        )
        local_hour = posts["posted_at"].dt.hour.to_numpy() + posts["posted_at"].dt.minute.to_numpy() / 60

        formats = posts["format"]
        season = days.loc[posts["day"], "season_posting"].to_numpy()
        reach = (
            posts["photo_reach"]
            * formats.map(t.reach_by_format)
            * season**0.5
            * self.rng.lognormal(0, 0.45, n)
        )
        distance = np.min([np.abs(local_hour - h) for h in t.peak_hours], axis=0)
        hour_factor = 1 + t.peak_hour_boost * np.exp(-0.5 * (distance / 1.5) ** 2) - t.peak_hour_boost / 3
        weekday_factor = np.array(t.weekday_engagement)[posts["day"].dt.day_of_week]
        rate = (
            formats.map(t.engagement_rate_by_format)
            * weekday_factor
            * hour_factor
            * self.rng.lognormal(0, 0.2, n)
        ).to_numpy()

        boostable = (posts["network"] == "Facebook").to_numpy()  # the team boosts on Facebook only
        boosted = boostable & (self.rng.random(n) < formats.map(t.boost_share_by_format).to_numpy())
        paid_reach = np.where(boosted, reach * self.rng.uniform(0.8, 2.5, n), 0)
        rate = np.where(boosted, rate * t.boosted_engagement_factor, rate)

        # The decoy: one reel on the viral day travels far and wide.
        viral = (posts["network"] == "Instagram") & (posts["day"] == pd.Timestamp(t.viral_day))
        if viral.any():
            first = int(viral.to_numpy().argmax())
            reach.iloc[first] *= 30
            rate[first] = 0.09
            posts.loc[first, "format"] = "Reel"

        total_reach = reach + paid_reach * 0.93  # people who saw it both ways are counted once
        engagements = np.round(total_reach * rate)
        likes = np.round(engagements * self.rng.uniform(0.66, 0.78, n))
        comments = np.round(engagements * self.rng.uniform(0.08, 0.15, n))
        posts["organic_reach"] = np.round(reach).astype(int)
        posts["paid_reach"] = np.round(paid_reach).astype(int)
        posts["reach"] = np.round(total_reach).astype(int)
        posts["impressions"] = np.round(total_reach * self.rng.uniform(1.1, 1.7, n)).astype(int)
        posts["likes"] = likes.astype(int)
        posts["comments"] = comments.astype(int)
        posts["shares"] = np.maximum(engagements - likes - comments, 0).astype(int)
        posts["clicks"] = np.round(
            total_reach * formats.map(t.click_rate_by_format) * self.rng.lognormal(0, 0.3, n)
        ).astype(int)
        posts["boosted"] = boosted
        posts["caption"] = [self.caption(f) for f in posts["format"]]
        posts = posts.sort_values("posted_at", kind="stable").reset_index(drop=True)
        posts["post_number"] = np.arange(1, len(posts) + 1)
        return posts.drop(columns=["photo_reach"])

    def caption(self, post_format: str) -> str:
        opener = self.rng.choice(vocab.CAPTION_OPENERS[post_format]).format(
            origin=self.rng.choice(vocab.ORIGINS)
        )
        tags = " ".join(self.rng.choice(vocab.HASHTAGS, size=self.rng.integers(1, 4), replace=False))
        if self.rng.random() < 0.5:
            return f"{opener}\n\n{tags}"
        return f"{opener}\nOrder link in bio.\n{tags}"

    def add_engagement(self, days: pd.DataFrame, posts: pd.DataFrame) -> pd.DataFrame:
        engagement = (posts["likes"] + posts["comments"] + posts["shares"]).groupby(posts["day"]).sum()
        days = days.copy()
        days["engagement"] = engagement.reindex(days.index, fill_value=0)
        weights = np.array(self.truth.lag_weights)
        # lagged[d] = sum over lags L of weights[L] * engagement[d - L]
        days["lagged_engagement"] = np.convolve(days["engagement"].to_numpy(), weights)[: len(days)]
        return days

    def simulate_commerce(self, days: pd.DataFrame):
        t = self.truth
        season = days["season_sales"].to_numpy() * np.array(WEEKDAY_SALES)[days["weekday"]]
        dip = days["sales_factor"].to_numpy()
        spend = days["meta_spend"].to_numpy()
        expected = {
            "baseline": BASELINE_DAILY_ORDERS * season * dip,
            "Organic Social": t.orders_per_1000_engagements
            * days["lagged_engagement"].to_numpy()
            / 1000
            * dip,
            "Paid Social": t.paid_max_daily_orders * spend / (spend + t.paid_half_saturation_spend) * dip,
        }
        days["expected_social_orders"] = expected["Organic Social"]
        days["expected_paid_orders"] = expected["Paid Social"]

        share_by_network = self.network_shares(days)
        orders = []
        for index, day in enumerate(self.dates):
            for kind, rate in expected.items():
                for _ in range(self.rng.poisson(rate[index])):
                    orders.append((day, kind if kind != "baseline" else self.choice(BASELINE_CHANNEL_SHARES)))
            if day.day_of_week == 5:
                orders += [(day, "Market stall")] * self.rng.poisson(POS_ORDERS_PER_SATURDAY)
        orders = pd.DataFrame(orders, columns=["day", "channel"])
        n = len(orders)
        # Orders come in through the day, mostly between 7:00 and 22:00.
        minutes = np.clip(self.rng.normal(14.5 * 60, 200, n), 6 * 60, 23.9 * 60)
        orders["created_at"] = (
            orders["day"] + pd.to_timedelta(np.round(minutes), unit="min")
        ).dt.tz_localize(t.timezone, nonexistent="shift_forward", ambiguous=False)
        orders = orders.sort_values("created_at", kind="stable").reset_index(drop=True)
        orders["source_kind"] = np.where(orders["channel"] == "Market stall", "pos", "web")
        orders["network"] = [
            self.choice(share_by_network.loc[day])
            if channel in ("Organic Social",)
            else (self.choice({"Facebook": 0.55, "Instagram": 0.45}) if channel == "Paid Social" else "")
            for day, channel in zip(orders["day"], orders["channel"], strict=True)
        ]
        orders["name"] = [f"#{1001 + i}" for i in range(len(orders))]
        orders["order_id"] = 5_600_000_000_000 + np.cumsum(self.rng.integers(1_000, 90_000, len(orders)))
        self.assign_customers(orders)
        self.assign_sessions(orders)
        lines = self.order_lines(orders)
        traffic = self.traffic_table(days, orders)
        return orders, lines, traffic

    def network_shares(self, days: pd.DataFrame) -> pd.DataFrame:
        """For each day, the share of organic social orders each network brings (by recent engagement)."""
        posts = self.posts
        engagement = posts["likes"] + posts["comments"] + posts["shares"]
        posts_engagement = engagement.groupby([posts["day"], posts["network"]]).sum().unstack(fill_value=0)
        smoothed = posts_engagement.reindex(days.index, fill_value=0).rolling(7, min_periods=1).mean() + 1
        return smoothed.div(smoothed.sum(axis=1), axis=0)

    def assign_customers(self, orders: pd.DataFrame) -> None:
        n = len(orders)
        returning = self.rng.random(n) < 0.3
        customer = np.empty(n, dtype=np.int64)
        next_id = 100_001
        for i in range(n):
            if returning[i] and i > 50:
                customer[i] = customer[self.rng.integers(0, i)]
            else:
                customer[i] = next_id
                next_id += 1
        orders["customer_id"] = [f"C{c}" for c in customer]
        first = self.rng.choice(vocab.FIRST_NAMES, next_id)
        last = self.rng.choice(vocab.LAST_NAMES, next_id)
        domains = self.rng.choice(
            ["gmail.com", "outlook.com", "icloud.com", "yahoo.com", "proton.me"], next_id
        )
        orders["email"] = [
            f"{first[c - 100_001].lower()}.{last[c - 100_001].lower()}{c % 997}@{domains[c - 100_001]}".replace(
                "é", "e"
            )
            for c in customer
        ]
        orders["accepts_marketing"] = np.where(self.rng.random(n) < 0.55, "yes", "no")

    def assign_sessions(self, orders: pd.DataFrame) -> None:
        """The GA4 session (source / medium / campaign / channel group) each web order came from."""
        t = self.truth
        sources, mediums, campaigns, groups = [], [], [], []
        for channel, network, day in zip(orders["channel"], orders["network"], orders["day"], strict=True):
            source, medium, campaign = self.session_of(channel, network, day)
            sources.append(source)
            mediums.append(medium)
            campaigns.append(campaign)
            groups.append(ga4_channel_group(source, medium) if channel != "Market stall" else "")
        orders["session_source"], orders["session_medium"] = sources, mediums
        orders["session_campaign"], orders["session_channel_group"] = campaigns, groups
        orders["social_session"] = orders["channel"].isin(["Organic Social", "Paid Social"]) & (
            orders["session_source"] != "(direct)"
        )
        # The social-only code: used by some social orders, and leaked to orders from other channels.
        code = np.array([""] * len(orders), dtype=object)
        social = orders.index[orders["social_session"]].to_numpy()
        users = social[self.rng.random(len(social)) < t.social_code_use_by_social_orders]
        code[users] = t.social_code
        others = orders.index[(orders["source_kind"] == "web") & ~orders["social_session"]].to_numpy()
        leaked = round(len(users) * t.social_code_leakage_share / (1 - t.social_code_leakage_share))
        code[self.rng.choice(others, leaked, replace=False)] = t.social_code
        email = orders.index[(orders["session_medium"] == "email") & (code == "")].to_numpy()
        code[email[self.rng.random(len(email)) < 0.35]] = "WELCOME10"
        holiday = orders.index[
            (orders["day"].dt.month.isin([11, 12])) & (code == "") & (orders["source_kind"] == "web")
        ]
        code[holiday[self.rng.random(len(holiday)) < 0.2]] = "HOLIDAY20"
        orders["discount_code"] = code

    def session_of(self, channel: str, network: str, day: pd.Timestamp) -> tuple[str, str, str]:
        t = self.truth
        if channel == "Market stall":
            return "", "", ""
        if channel == "Organic Social":
            if self.rng.random() < t.social_sessions_in_direct_share:
                return "(direct)", "(none)", "(not set)"
            spellings = t.facebook_source_spellings if network == "Facebook" else SOCIAL_SOURCES[network]
            source = self.choice(spellings)
            if source.startswith(("l.", "m.", "lnkd")) or source in ("t.co",):
                return source, "referral", "(not set)"
            medium = (
                "(not set)"
                if self.rng.random() < t.social_medium_missing_share
                else self.choice(SOCIAL_MEDIUMS)
            )
            return source, medium, self.organic_campaign(day)
        if channel == "Paid Social":
            source = {"Facebook": self.choice({"facebook": 0.7, "fb": 0.3}), "Instagram": "instagram"}[
                network
            ]
            medium = self.choice({"paid_social": 0.6, "cpc": 0.25, "paid": 0.15})
            return source, medium, self.paid_campaign(day)
        sources, _ = OTHER_CHANNELS[channel]
        source, medium = self.choice(sources)
        campaign = "weekly_newsletter" if medium == "email" else "(not set)"
        return source, medium, campaign

    def organic_campaign(self, day: pd.Timestamp) -> str:
        if day.month in (11, 12):
            return "holiday_gifting"
        if day.month in (4, 5):
            return "spring_blend"
        return "(not set)"

    def paid_campaign(self, day: pd.Timestamp) -> str:
        if day.month in (11, 12) and day.day <= 24 or day.month == 11:
            return f"holiday_gifting_{day.year}"
        return self.choice({"always_on_prospecting": 0.65, "retargeting_30d": 0.35})

    def order_lines(self, orders: pd.DataFrame) -> pd.DataFrame:
        t = self.truth
        weights = np.array(vocab.PRODUCT_WEIGHTS, dtype=float)
        rows = []
        crisis = pd.Timestamp(t.crisis_day)
        for order in orders.itertuples():
            count = 1 + self.rng.poisson(0.6)
            product_weights = weights.copy()
            if order.day.month in (11, 12):
                product_weights[8] *= 6  # gift boxes sell in the holidays
            if pd.Timestamp(2025, 4, 1) <= order.day <= pd.Timestamp(2025, 5, 31):
                product_weights[6] *= 5  # the Spring Blend launch
            picks = self.rng.choice(
                len(vocab.PRODUCTS),
                size=min(count, 4),
                replace=False,
                p=product_weights / product_weights.sum(),
            )
            for product in picks:
                sku, name, price, compare = vocab.PRODUCTS[product]
                quantity = 1 + int(self.rng.random() < 0.2)
                rows.append((order.Index, sku, name, price, compare, quantity))
        lines = pd.DataFrame(rows, columns=["order", "sku", "product", "price", "compare_at", "quantity"])

        subtotal = (lines["price"] * lines["quantity"]).groupby(lines["order"]).sum()
        orders["subtotal"] = subtotal.reindex(orders.index).round(2)
        rate = (
            orders["discount_code"]
            .map({t.social_code: t.social_code_discount, "WELCOME10": 0.10, "HOLIDAY20": 0.20})
            .fillna(0)
        )
        orders["discount"] = (orders["subtotal"] * rate).round(2)
        taxable = orders["subtotal"] - orders["discount"]
        web = orders["source_kind"] == "web"
        orders["shipping"] = np.where(web & (taxable < 45), 6.95, 0.0)
        orders["taxes"] = (taxable * 0.0825).round(2)
        orders["total"] = (taxable + orders["shipping"] + orders["taxes"]).round(2)

        # Cancellations and refunds; the defective lot brings refunds in the crisis weeks.
        n = len(orders)
        since_crisis = (orders["day"] - crisis).dt.days.to_numpy()
        has_lot = orders.index.isin(lines.loc[lines["sku"] == "KC-ETH-12", "order"])
        recent_lot = has_lot & (since_crisis >= -21) & (since_crisis <= 10)
        refund_probability = np.where(recent_lot, 0.45, 0.03)
        draw = self.rng.random(n)
        cancelled = web.to_numpy() & (draw < 0.02)
        refunded = ~cancelled & (draw < 0.02 + refund_probability)
        full = refunded & (self.rng.random(n) < 0.5)
        orders["cancelled"] = cancelled
        orders["refunded"] = np.where(
            cancelled | full,
            orders["total"],
            np.where(refunded, (orders["total"] * self.rng.uniform(0.2, 0.6, n)).round(2), 0.0),
        )
        orders["financial_status"] = np.select(
            [cancelled, full, refunded], ["voided", "refunded", "partially_refunded"], "paid"
        )
        orders["refunded_at_days"] = np.where(refunded | cancelled, self.rng.integers(1, 12, n), 0)
        orders["fulfilled_days"] = self.rng.integers(1, 4, n)
        return lines

    def traffic_table(self, days: pd.DataFrame, orders: pd.DataFrame) -> pd.DataFrame:
        """GA4 sessions by date and source / medium / campaign; revenue and key events from the orders."""
        web = orders[orders["source_kind"] == "web"]
        keys = [
            "day",
            "session_source",
            "session_medium",
            "session_campaign",
            "session_channel_group",
            "channel",
        ]
        grouped = web.groupby(keys, sort=False).agg(key_events=("total", "size"), revenue=("total", "sum"))
        grouped = grouped.reset_index()
        per_order = grouped["channel"].map(
            {
                "Organic Social": ORGANIC_SOCIAL_SESSIONS_PER_ORDER,
                "Paid Social": PAID_SOCIAL_SESSIONS_PER_ORDER,
            }
            | {name: spec[1] for name, spec in OTHER_CHANNELS.items()}
        )
        # Sessions that didn't buy: rows with orders get sessions in proportion, plus some rows with none.
        grouped["sessions"] = self.rng.poisson(
            grouped["key_events"] * per_order * self.rng.uniform(0.7, 1.3, len(grouped))
        )
        browsing = []
        for day in self.dates:
            for channel, (sources, per_order_sessions) in OTHER_CHANNELS.items():
                for (source, medium), share in sources.items():
                    if self.rng.random() < 0.6:
                        browsing.append(
                            (
                                day,
                                source,
                                medium,
                                "(not set)",
                                ga4_channel_group(source, medium),
                                channel,
                                0,
                                0.0,
                                self.rng.poisson(share * per_order_sessions * 0.8),
                            )
                        )
        # Organic social visits follow engagement, a day or two later, like the orders do.
        shares = self.network_shares(days)
        social_visits = self.rng.poisson(
            ORGANIC_SOCIAL_SESSIONS_PER_ENGAGEMENT * days["lagged_engagement"].to_numpy()
        )
        for day, visits in zip(self.dates, social_visits, strict=True):
            counts: dict[tuple[str, str, str], int] = {}
            for network in self.choice(shares.loc[day], visits):
                session = self.session_of("Organic Social", network, day)
                counts[session] = counts.get(session, 0) + 1
            for (source, medium, campaign), visits_of_row in counts.items():
                browsing.append(
                    (
                        day,
                        source,
                        medium,
                        campaign,
                        ga4_channel_group(source, medium),
                        "Organic Social",
                        0,
                        0.0,
                        visits_of_row,
                    )
                )
        browsing = pd.DataFrame(browsing, columns=list(grouped.columns))
        traffic = pd.concat([grouped, browsing], ignore_index=True)
        ga4_keys = [key for key in keys if key != "channel"]  # direct visits from social merge with Direct
        traffic = traffic.drop(columns="channel").groupby(ga4_keys, sort=False, as_index=False).sum()
        traffic = traffic[(traffic["sessions"] > 0) | (traffic["key_events"] > 0)]
        traffic["sessions"] = np.maximum(traffic["sessions"], traffic["key_events"])
        engaged_share = self.rng.uniform(0.5, 0.72, len(traffic))
        traffic["engaged_sessions"] = np.maximum(
            np.round(traffic["sessions"] * engaged_share), traffic["key_events"]
        ).astype(int)
        traffic["engagement_seconds"] = self.rng.uniform(35, 140, len(traffic)).round(1)
        traffic["events_per_session"] = self.rng.uniform(4.5, 9.5, len(traffic)).round(2)
        return traffic.sort_values(["day", "sessions"], ascending=[True, False]).reset_index(drop=True)

    def simulate_journeys(self, orders: pd.DataFrame) -> pd.DataFrame:
        """Touchpoints before each web order; social tends to open journeys that search and email close."""
        earlier = {
            "Organic Social": 0.38,
            "Paid Social": 0.14,
            "Organic Search": 0.2,
            "Email": 0.12,
            "Direct": 0.1,
            "Referral": 0.06,
        }
        rows = []
        web = orders[orders["source_kind"] == "web"]
        for order in web.itertuples():
            count = min(1 + self.rng.poisson(1.4), 6)
            times = [order.created_at - pd.Timedelta(minutes=int(self.rng.integers(1, 40)))]
            for _ in range(count - 1):
                times.append(times[-1] - pd.Timedelta(minutes=int(self.rng.integers(30, 5 * 24 * 60))))
            times.reverse()
            for position, moment in enumerate(times):
                last = position == len(times) - 1
                if last:
                    channel, source = (
                        order.session_channel_group,
                        f"{order.session_source} / {order.session_medium}",
                    )
                    campaign = order.session_campaign
                else:
                    group = self.choice(earlier)
                    network = self.choice({"Facebook": 0.4, "Instagram": 0.6}) if "Social" in group else ""
                    src, medium, campaign = self.session_of(group, network, order.day)
                    channel, source = ga4_channel_group(src, medium), f"{src} / {medium}"
                rows.append(
                    (
                        order.customer_id,
                        order.name,
                        moment,
                        channel,
                        source,
                        campaign,
                        order.total if last else np.nan,
                    )
                )
        journeys = pd.DataFrame(
            rows,
            columns=[
                "customer_id",
                "order",
                "timestamp",
                "channel",
                "source_medium",
                "campaign",
                "conversion_value",
            ],
        )
        # The tracking only covers the data period: touches before its first day are not recorded.
        journeys = journeys[
            journeys["timestamp"] >= pd.Timestamp(self.truth.first_day, tz=self.truth.timezone)
        ]
        return journeys.sort_values("timestamp", kind="stable").reset_index(drop=True)

    def simulate_ads(self, days: pd.DataFrame, geo: pd.DataFrame) -> pd.DataFrame:
        """Meta Ads Manager, one row per ad and week. Platform-reported purchases are inflated."""
        t = self.truth
        weeks = pd.date_range(self.dates[0], self.dates[-1], freq="W-MON")
        inflation = t.platform_roas / 1.2  # reported vs. incremental conversion value, roughly
        rows = []
        spend_by_week = days["meta_spend"].resample("W-SUN", label="left", closed="right").sum()
        paid_orders = days["expected_paid_orders"].resample("W-SUN", label="left", closed="right").sum()
        for week in weeks:
            # Ads Manager ends a report at the end of the date range asked for: the last week is short.
            week_end = min(week + pd.Timedelta(days=6), self.dates[-1])
            key = week - pd.Timedelta(days=1)
            spend = float(spend_by_week.get(key, spend_by_week.iloc[-1]))
            purchases = float(paid_orders.get(key, paid_orders.iloc[-1]))
            holiday = week.month in (11, 12) and week.day <= 24 or week.month == 11
            plan = [
                ("Always-on | Prospecting", "Broad US 25-54", "Best Seller Carousel", 0.35),
                ("Always-on | Prospecting", "Broad US 25-54", "Roaster Reel", 0.25),
                ("Retargeting | 30-day visitors", "Site visitors 30d", "Best Seller Carousel", 0.22),
                ("Retargeting | 30-day visitors", "Site visitors 30d", "Free Shipping Static", 0.18),
            ]
            if holiday:
                plan = [(c, s, a, share * 0.5) for c, s, a, share in plan]
                plan += [
                    (f"Holiday Gifting {week.year}", "Gift buyers US", "Gift Box Reel", 0.3),
                    (f"Holiday Gifting {week.year}", "Gift buyers US", "Best Seller Carousel", 0.2),
                ]
            for campaign, ad_set, ad, share in plan:
                rows.append(
                    self.ad_row(
                        week,
                        week_end,
                        campaign,
                        ad_set,
                        ad,
                        spend * share,
                        purchases * share * inflation,
                        ctr=0.011,
                    )
                )
        for week in pd.date_range("2025-04-07", periods=4, freq="W-MON"):
            for ad, ctr in (("Spring Blend | Video", 0.013), ("Spring Blend | Static", 0.0105)):
                campaign, ad_set = "Spring Blend Launch | A/B test", "A/B creative test"
                rows.append(
                    self.ad_row(
                        week,
                        week + pd.Timedelta(days=6),
                        campaign,
                        ad_set,
                        ad,
                        1200.0,
                        1200.0 / 48 * 0.9,
                        ctr=ctr,
                    )
                )
        geo_spend = geo.groupby("week")["spend"].sum()  # the geo test's spend, as the regions got it
        for week in pd.date_range(t.lift_test_start, periods=t.lift_test_weeks, freq="W-MON"):
            campaign, ad_set, ad = "Geo holdout | Treatment regions", "Treatment regions", "Roaster Reel"
            spend = float(geo_spend[week])
            rows.append(
                self.ad_row(
                    week,
                    week + pd.Timedelta(days=6),
                    campaign,
                    ad_set,
                    ad,
                    spend,
                    spend * t.platform_roas / 48,
                    ctr=0.011,
                    value=spend * t.platform_roas,
                )
            )
        ads = pd.DataFrame(rows)
        return ads.sort_values(["reporting_starts", "campaign", "ad_name"], kind="stable").reset_index(
            drop=True
        )

    def ad_row(self, start, end, campaign, ad_set, ad, spend, purchases, ctr, value=None) -> dict:
        # An ad keeps its ID week after week; the same name in another ad set is another ad.
        identifier = self.ad_ids.setdefault((campaign, ad_set, ad), next(self.next_ad_id))
        cpm = self.rng.uniform(9, 13) * (1.35 if start.month in (11, 12) else 1.0)
        impressions = int(round(spend / cpm * 1000))
        frequency = self.rng.uniform(1.4, 2.6)
        clicks = int(self.rng.binomial(impressions, ctr))
        results = int(self.rng.poisson(max(purchases, 0)))
        conversion_value = value if value is not None else results * self.rng.uniform(44, 52)
        return {
            "reporting_starts": start,
            "reporting_ends": end,
            "campaign": campaign,
            "ad_set": ad_set,
            "ad_set_id": 23850000000000000 + sum(map(ord, campaign + ad_set)) * 1000,
            "ad_name": ad,
            "ad_id": identifier,
            "spend": round(spend, 2),
            "results": results,
            "reach": int(round(impressions / frequency)),
            "impressions": impressions,
            "link_clicks": clicks,
            "conversion_value": round(conversion_value, 2),
        }

    def simulate_geo(self) -> pd.DataFrame:
        t = self.truth
        regions = vocab.US_METROS[: t.lift_regions]
        treated = set(self.rng.choice(regions, t.lift_regions // 2, replace=False))
        size = dict(zip(regions, self.rng.lognormal(0, 0.35, len(regions)), strict=True))
        mean_size = np.mean(list(size.values()))
        start = pd.Timestamp(t.lift_test_start) - pd.Timedelta(weeks=t.lift_pre_weeks)
        weeks = pd.date_range(start, periods=t.lift_pre_weeks + t.lift_test_weeks, freq="W-MON")
        treated_size = sum(size[r] for r in treated)
        # The spend that buys the true lift at the true incremental ROAS, given these regions' sales.
        test_seasons = [1 + 0.015 * n for n in range(t.lift_pre_weeks, t.lift_pre_weeks + t.lift_test_weeks)]
        expected_incremental = 3500 * treated_size / mean_size * sum(test_seasons) * t.true_lift
        spend = expected_incremental / t.true_incremental_roas
        rows = []
        for week_number, week in enumerate(weeks):
            in_test = week_number >= t.lift_pre_weeks
            season = 1 + 0.015 * week_number  # spring brings a little more each week, everywhere
            for region in regions:
                group = "Treatment" if region in treated else "Control"
                base = 3500 * size[region] / mean_size * season
                lifted = base * (1 + t.true_lift) if in_test and group == "Treatment" else base
                revenue = lifted * self.rng.lognormal(0, 0.03)
                region_spend = spend / t.lift_test_weeks * size[region] / treated_size
                rows.append(
                    {
                        "region": region,
                        "group": group,
                        "week": week,
                        "period": "Test" if in_test else "Pre-test",
                        "revenue": round(revenue, 2),
                        "orders": int(round(revenue / self.rng.uniform(46, 50))),
                        "spend": round(region_spend, 2) if in_test and group == "Treatment" else 0.0,
                    }
                )
        return pd.DataFrame(rows)

    def simulate_mentions(self, days: pd.DataFrame) -> pd.DataFrame:
        t = self.truth
        base = 28 * (1 + 0.4 * days["holiday_bump"].to_numpy()) * np.where(days["weekday"] >= 5, 0.8, 1.05)
        since_crisis = self.days_since(t.crisis_day)
        since_viral = self.days_since(t.viral_day)
        usual = {"Positive": 0.32, "Neutral": 0.55, "Negative": 0.13}
        crisis_extra = np.where(
            since_crisis >= 0,
            base
            * usual["Negative"]
            * (t.crisis_negative_multiplier - 1)
            * 0.5 ** (np.maximum(since_crisis, 0) / t.crisis_half_life_days),
            0,
        )
        viral_extra = np.where(
            since_viral >= 0,
            base * (t.viral_volume_multiplier - 1) * 0.5 ** (np.maximum(since_viral, 0) / 0.8),
            0,
        )
        rows = []
        for index, day in enumerate(self.dates):
            for _ in range(self.rng.poisson(base[index])):
                rows.append((day, self.choice(usual), "usual"))
            for _ in range(self.rng.poisson(crisis_extra[index])):
                rows.append((day, "Negative", "crisis"))
            for _ in range(self.rng.poisson(viral_extra[index])):
                rows.append((day, self.choice(dict(zip(usual, t.viral_sentiment, strict=True))), "viral"))
        mentions = pd.DataFrame(rows, columns=["day", "sentiment", "story"])
        n = len(mentions)
        minutes = self.rng.integers(0, 24 * 60, n)
        mentions["at"] = mentions["day"] + pd.to_timedelta(minutes, unit="min")
        sources = {
            "X": 0.34,
            "Instagram": 0.2,
            "Reddit": 0.1,
            "Facebook": 0.1,
            "TikTok": 0.09,
            "News": 0.04,
            "Blogs": 0.05,
            "Trustpilot": 0.08,
        }
        mentions["source"] = self.choice(sources, n)
        mentions["country"] = self.choice(
            {"United States": 0.72, "Canada": 0.08, "United Kingdom": 0.06, "France": 0.09, "Germany": 0.05},
            n,
        )
        mentions["reach"] = np.round(self.rng.lognormal(6.2, 1.4, n)).astype(int)
        mentions["engagement"] = np.round(mentions["reach"] * self.rng.uniform(0.005, 0.05, n)).astype(int)
        template = []
        for sentiment, story in zip(mentions["sentiment"], mentions["story"], strict=True):
            kind = {"crisis": "Crisis", "viral": "Viral"}.get(story, sentiment)
            if story == "viral" and sentiment == "Negative":
                kind = "Negative"
            text = self.rng.choice(vocab.MENTIONS[kind])
            template.append(text.format(batch=t.crisis_batch, product=self.rng.choice(vocab.ORIGINS)))
        mentions["text"] = template
        mentions = mentions.sort_values("at", kind="stable").reset_index(drop=True)
        mentions["document_id"] = [f"m{i:07d}" for i in self.rng.permutation(n)]
        return mentions

    def simulate_tickets(self, days: pd.DataFrame, orders: pd.DataFrame) -> pd.DataFrame:
        t = self.truth
        progress = np.linspace(0, 1, len(self.dates))
        social_share = 0.15 + 0.17 * progress  # customers move to social care over the two years
        base = 10 * (1 + 0.5 * days["holiday_bump"].to_numpy()) * np.where(days["weekday"] >= 5, 0.5, 1.1)
        since_crisis = self.days_since(t.crisis_day)
        decay = np.where(
            since_crisis >= 0, 0.5 ** (np.maximum(since_crisis, 0) / (t.crisis_half_life_days * 1.5)), 0
        )
        rows = []
        for index, day in enumerate(self.dates):
            social = social_share[index]
            mix = {
                "Email": 0.36 - social / 2,
                "Phone": 0.3 - social / 3,
                "Chat": 0.1,
                "Web form": 0.24 - social / 6,
                "Facebook": social * 0.4,
                "Instagram": social * 0.4,
                "X": social * 0.2,
            }
            for _ in range(self.rng.poisson(base[index])):
                rows.append((day, self.choice(mix), False))
            crisis_social = base[index] * social * (t.crisis_ticket_multiplier - 1) * decay[index]
            for _ in range(self.rng.poisson(crisis_social)):
                rows.append((day, self.choice({"Facebook": 0.4, "Instagram": 0.4, "X": 0.2}), True))
            for _ in range(self.rng.poisson(base[index] * 0.4 * decay[index])):
                rows.append((day, "Email", True))
        tickets = pd.DataFrame(rows, columns=["day", "via", "crisis"])
        n = len(tickets)
        synchronous = tickets["via"].isin(["Phone", "Chat"]).to_numpy()
        # Phone and chat only happen in opening hours; other channels at any time.
        business_minute = self.rng.integers(9 * 60, 17 * 60, n)
        any_minute = np.clip(self.rng.normal(13 * 60, 240, n), 0, 24 * 60 - 1).astype(int)
        weekday = tickets["day"].dt.day_of_week.to_numpy()
        minutes = np.where(synchronous, business_minute, any_minute)
        # Real local times: minutes added across a DST change must count elapsed time.
        tickets["created_at"] = (tickets["day"] + pd.to_timedelta(minutes, unit="min")).dt.tz_localize(
            t.timezone, nonexistent="shift_forward", ambiguous=False
        )
        keep = ~(synchronous & (weekday >= 5))  # no phone or chat at weekends
        tickets = tickets[keep].reset_index(drop=True)
        n = len(tickets)

        typical_business_minutes = {
            "Phone": 1,
            "Chat": 2,
            "Facebook": 38,
            "Instagram": 42,
            "X": 30,
            "Email": 260,
            "Web form": 300,
        }
        business = tickets["via"].map(typical_business_minutes).to_numpy() * self.rng.lognormal(0, 0.6, n)
        crisis_pressure = 1 + (t.crisis_reply_time_multiplier - 1) * np.interp(
            (tickets["day"] - pd.Timestamp(t.crisis_day)).dt.days, [-1, 0, 10, 11], [0, 1, 0.2, 0]
        )
        business = np.maximum(np.round(business * crisis_pressure), 0)
        tickets["first_reply_business"] = business.astype(int)
        tickets["first_reply_calendar"] = [
            calendar_minutes(start, minutes)
            for start, minutes in zip(tickets["created_at"].dt.tz_localize(None), business, strict=True)
        ]
        tickets["resolution_calendar"] = (
            tickets["first_reply_calendar"] + np.round(self.rng.lognormal(6.2, 1.1, n))
        ).astype(int)
        tickets["replies"] = 1 + self.rng.poisson(1.3, n)
        tickets["reopens"] = (self.rng.random(n) < 0.06).astype(int)
        bad = np.where(tickets["crisis"], 0.35, 0.09)
        draw = self.rng.random(n)
        tickets["satisfaction"] = np.select(
            [draw < bad, draw < bad + 0.62, draw < bad + 0.62 + 0.22], ["Bad", "Good", "Offered"], "Unoffered"
        )
        kinds = np.where(
            tickets["crisis"], "crisis", self.choice({"order": 0.55, "product": 0.25, "billing": 0.2}, n)
        )
        web_orders = orders.loc[orders["source_kind"] == "web", "name"].to_numpy()
        tickets["subject"] = [
            self.rng.choice(vocab.TICKET_SUBJECTS[kind]).format(
                order=self.rng.choice(web_orders), batch=t.crisis_batch
            )
            for kind in kinds
        ]
        tickets["kind"] = kinds
        tickets["requester"] = [
            f"{a} {b}"
            for a, b in zip(
                self.rng.choice(vocab.FIRST_NAMES, n), self.rng.choice(vocab.LAST_NAMES, n), strict=True
            )
        ]
        tickets["priority"] = self.choice({"Normal": 0.75, "High": 0.15, "Low": 0.1}, n)
        tickets = tickets.sort_values("created_at", kind="stable").reset_index(drop=True)
        tickets["id"] = np.arange(48_211, 48_211 + len(tickets))
        return tickets

    def simulate_b2b(self):
        t = self.truth
        sources = {
            "ORGANIC_SEARCH": 0.24,
            "SOCIAL_MEDIA": 0.2,
            "PAID_SOCIAL": 0.08,
            "EMAIL_MARKETING": 0.08,
            "REFERRALS": 0.12,
            "DIRECT_TRAFFIC": 0.12,
            "OFFLINE": 0.11,
            "OTHER_CAMPAIGNS": 0.05,
        }
        n = 2600
        created = pd.to_datetime(self.rng.choice(self.dates, n)) + pd.to_timedelta(
            self.rng.integers(8 * 60, 18 * 60, n), unit="min"
        )
        contacts = pd.DataFrame({"created_at": created}).sort_values("created_at").reset_index(drop=True)
        contacts["true_source"] = self.choice(sources, n)
        linkedin = contacts["true_source"].isin(["SOCIAL_MEDIA", "PAID_SOCIAL"]).to_numpy()
        mislabelled = linkedin & (self.rng.random(n) < t.linkedin_offline_mislabel_share)
        contacts["source"] = np.where(mislabelled, "OFFLINE", contacts["true_source"])
        contacts["mislabelled"] = mislabelled
        drill = {
            "ORGANIC_SEARCH": "google",
            "SOCIAL_MEDIA": "LinkedIn",
            "PAID_SOCIAL": "LinkedIn",
            "EMAIL_MARKETING": "Wholesale newsletter",
            "REFERRALS": "sca.coffee",
            "DIRECT_TRAFFIC": "",
            "OTHER_CAMPAIGNS": "Office coffee guide",
        }
        contacts["drill_down_1"] = [
            "IMPORT" if m else (self.choice({"CRM_UI": 0.5, "IMPORT": 0.5}) if s == "OFFLINE" else drill[s])
            for s, m in zip(contacts["source"], mislabelled, strict=True)
        ]
        contacts["first_conversion"] = [
            "LinkedIn Lead Gen Form: Wholesale enquiry"
            if src in ("SOCIAL_MEDIA", "PAID_SOCIAL") and self.rng.random() < 0.8
            else ("Trade show badge scan" if src == "OFFLINE" else "Website form: Wholesale enquiry")
            for src in contacts["true_source"]
        ]
        first = self.rng.choice(vocab.FIRST_NAMES, n)
        last = self.rng.choice(vocab.LAST_NAMES, n)
        contacts["first_name"], contacts["last_name"] = first, last
        contacts["company"] = [
            f"{self.rng.choice(vocab.COMPANY_STEMS)} {self.rng.choice(vocab.COMPANY_KINDS)}" for _ in range(n)
        ]
        contacts["email"] = [
            f"{a.lower()}.{b.lower()}@{c.lower().replace(' ', '').replace('&', '')}.com".replace(
                "é", "e"
            ).replace("ç", "c")
            for a, b, c in zip(first, last, contacts["company"], strict=True)
        ]
        contacts["record_id"] = 51_000 + np.cumsum(self.rng.integers(1, 40, n))

        has_deal = self.rng.random(n) < np.where(linkedin, 0.34, 0.28)
        deals = contacts[has_deal].copy()
        m = len(deals)
        deals["deal_created"] = deals["created_at"] + pd.to_timedelta(self.rng.integers(1, 20, m), unit="D")
        # The export covers the period: a contact's deal opened after its last day is not in it yet.
        in_period = (deals["deal_created"] < pd.Timestamp(t.last_day) + pd.Timedelta(days=1)).to_numpy()
        deals = deals[in_period].copy()
        m = len(deals)
        days_to_close = self.rng.gamma(4, 9, m) + np.where(
            deals["true_source"].isin(["SOCIAL_MEDIA", "PAID_SOCIAL"]), t.linkedin_extra_days_to_close, 0
        )
        deals["close_date"] = (
            deals["deal_created"] + pd.to_timedelta(np.round(days_to_close), unit="D")
        ).dt.normalize()
        end = pd.Timestamp(t.last_day)
        open_deal = deals["close_date"] > end
        won = self.rng.random(m) < 0.38
        open_stages = [
            "Appointment Scheduled",
            "Qualified To Buy",
            "Presentation Scheduled",
            "Decision Maker Bought-In",
            "Contract Sent",
        ]
        deals["stage"] = np.where(
            open_deal, self.rng.choice(open_stages, m), np.where(won, "Closed Won", "Closed Lost")
        )
        deals["amount"] = np.round(self.rng.lognormal(np.log(5200), 0.5, m), -1)
        deals["deal_id"] = 9_100_000 + np.cumsum(self.rng.integers(1, 50, m))
        deals["deal_name"] = deals["company"] + " | Wholesale"
        deals["owner"] = self.rng.choice(["Dana Whitfield", "Marco Reyes", "Claire Dubois"], m)
        return contacts.reset_index(drop=True), deals.reset_index(drop=True)

    def simulate_france(self, days: pd.DataFrame) -> pd.DataFrame:
        rows = []
        channels = {"Boutique en ligne": 6.0, "Marketplace": 3.0, "Cafés partenaires": 2.0}
        season = days["season_sales"].to_numpy()
        for index, day in enumerate(self.dates):
            for channel, per_day in channels.items():
                if channel == "Cafés partenaires" and day.day_of_week >= 5:
                    continue
                count = self.rng.poisson(per_day * season[index])
                if count == 0:
                    continue
                net = round(count * self.rng.uniform(24, 36), 2)
                rows.append((day, channel, count, net))
        return pd.DataFrame(rows, columns=["day", "channel", "orders", "net"])


def ga4_channel_group(source: str, medium: str) -> str:
    """GA4's default channel group, reduced to the rules that matter for these sources."""
    social_sources = {
        "facebook",
        "facebook.com",
        "m.facebook.com",
        "l.facebook.com",
        "instagram",
        "l.instagram.com",
        "instagram.com",
        "t.co",
        "twitter",
        "x.com",
        "linkedin",
        "linkedin.com",
        "lnkd.in",
    }
    source_lower, medium_lower = source.lower(), medium.lower()
    if source == "(direct)":
        return "Direct"
    paid = bool(re.match(r"^(.*cp.*|ppc|retargeting|paid.*)$", medium_lower))
    if source_lower in social_sources and paid:
        return "Paid Social"
    social_mediums = {"social", "social-network", "social-media", "sm", "social network", "social media"}
    if source_lower in social_sources or medium_lower in social_mediums:
        return "Organic Social"
    if paid:
        return "Paid Other"
    if medium_lower == "organic":
        return "Organic Search"
    if medium_lower == "email":
        return "Email"
    if medium_lower == "referral":
        return "Referral"
    return "Unassigned"


def calendar_minutes(start: pd.Timestamp, business_minutes: float) -> int:
    """Calendar minutes until `business_minutes` of opening hours (9:00-17:00, Mon-Fri) have passed."""
    moment = start
    remaining = float(business_minutes)
    while True:
        day_open = moment.normalize() + timedelta(hours=9)
        day_close = moment.normalize() + timedelta(hours=17)
        if moment.day_of_week >= 5 or moment >= day_close:
            moment = (moment.normalize() + timedelta(days=1)) + timedelta(hours=9)
            continue
        if moment < day_open:
            moment = day_open
        available = (day_close - moment).total_seconds() / 60
        if remaining <= available:
            moment += timedelta(minutes=remaining)
            return int(round((moment - start).total_seconds() / 60))
        remaining -= available
        moment = day_close
