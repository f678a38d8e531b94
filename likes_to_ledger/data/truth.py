"""The ground truth built into Kettle & Crow's data: every effect's parameters, in one place.

The lessons discover these effects; the tests recover them from the files; the instructors'
document (instructors/ground_truth.md) states them. Change a number here and all three follow.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class GroundTruth:
    seed: int = 20240701
    first_day: date = date(2024, 7, 1)
    last_day: date = date(2026, 6, 30)
    timezone: str = "America/Los_Angeles"  # the company's local time; X exports in UTC

    # 1. Timing: engagement rate multipliers by weekday (Mon..Sun) and peaks by local hour.
    weekday_engagement: tuple[float, ...] = (0.97, 1.15, 1.18, 1.14, 0.98, 0.72, 0.86)
    peak_hours: tuple[int, ...] = (12, 19)
    peak_hour_boost: float = 0.45  # engagement rate at a peak hour vs. far from one

    # 2. Format: reach and engagement rate (by reach) relative to a photo; clicks per reach.
    reach_by_format: dict[str, float] = field(
        default_factory=lambda: {
            "Photo": 1.0,
            "Carousel": 1.15,
            "Reel": 2.0,
            "Video": 1.5,
            "Link": 0.55,
            "Text": 0.7,
        }
    )
    engagement_rate_by_format: dict[str, float] = field(
        default_factory=lambda: {
            "Photo": 0.062,
            "Carousel": 0.068,
            "Reel": 0.036,
            "Video": 0.040,
            "Link": 0.022,
            "Text": 0.045,
        }
    )
    click_rate_by_format: dict[str, float] = field(
        default_factory=lambda: {
            "Link": 0.032,
            "Photo": 0.003,
            "Carousel": 0.004,
            "Reel": 0.002,
            "Video": 0.003,
            "Text": 0.002,
        }
    )

    # 3. Lag: organic engagement lifts web orders over the next days; paid spend saturates.
    lag_peak_days: int = 1  # the day after engagement brings the most orders
    carryover: float = 0.55  # geometric decay of the effect after its peak
    orders_per_1000_engagements: float = 3.0
    paid_max_daily_orders: float = 14.0  # orders a day that unlimited Meta spend would approach
    paid_half_saturation_spend: float = 650.0  # USD a day that brings half of that maximum

    # 4. Confounder: the holiday season raises posting, spend and sales together.
    q4_sales_uplift: float = 1.1  # at the peak (mid December)
    q4_posting_uplift: float = 0.8
    q4_spend_uplift: float = 1.1

    # 5. Crisis (a defective batch) and a decoy (a viral, friendly spike).
    crisis_day: date = date(2025, 3, 18)
    crisis_batch: str = "Ethiopia Guji lot 0314"
    crisis_negative_multiplier: float = 8.0  # negative mentions on the day, vs. usual
    crisis_half_life_days: float = 2.5
    crisis_ticket_multiplier: float = 3.5  # social care tickets on the day, vs. usual
    crisis_reply_time_multiplier: float = 2.5
    crisis_sales_dip: float = 0.22  # share of web orders lost during the crisis week
    crisis_sales_dip_days: int = 7
    viral_day: date = date(2025, 8, 6)
    viral_volume_multiplier: float = 9.0  # all mentions on the day, vs. usual
    viral_sentiment: tuple[float, float, float] = (0.56, 0.40, 0.04)  # positive, neutral, negative

    # 6. Geo holdout test of Meta ads: true lift, and what the platform claims.
    lift_test_start: date = date(2026, 3, 2)  # a Monday
    lift_test_weeks: int = 6
    lift_pre_weeks: int = 8
    lift_regions: int = 24
    true_lift: float = 0.08  # treatment regions' revenue during the test, vs. without ads
    true_incremental_roas: float = 1.25  # incremental revenue per dollar of test spend
    platform_roas: float = 4.1  # conversion value per dollar that Ads Manager reports

    # 7. UTM mess: how Facebook traffic is spelled, missing mediums, social traffic seen as Direct.
    facebook_source_spellings: dict[str, float] = field(
        default_factory=lambda: {
            "facebook": 0.35,
            "Facebook": 0.15,
            "fb": 0.15,
            "facebook.com": 0.1,
            "m.facebook.com": 0.15,
            "l.facebook.com": 0.1,
        }
    )
    social_medium_missing_share: float = 0.2
    social_sessions_in_direct_share: float = 0.15
    # In ga4_landing_pages.csv: every Link post and this share of other Facebook posts carry a tagged link;
    # a tagged post's sessions (its day and the next 1-3) are this share of its link clicks.
    tracked_other_post_share: float = 0.15
    tracked_sessions_per_click: tuple[float, float] = (0.55, 0.85)

    # 8. The social-only discount code, and its leakage to orders from other channels.
    social_code: str = "SOCIAL15"
    social_code_discount: float = 0.15
    social_code_use_by_social_orders: float = 0.3
    social_code_leakage_share: float = 0.35  # of the code's orders, the share from non-social sessions

    # 9. B2B: LinkedIn leads close later; some are labelled OFFLINE in the CRM.
    linkedin_extra_days_to_close: float = 28.0
    linkedin_offline_mislabel_share: float = 0.3

    # 10. Simpson's paradox: Facebook boosts mostly high-engagement formats, and a boosted post's
    # engagement rate by reach is lower than an organic post's of the same format.
    boost_share_by_format: dict[str, float] = field(
        default_factory=lambda: {
            "Photo": 0.45,
            "Carousel": 0.4,
            "Video": 0.1,
            "Reel": 0.08,
            "Link": 0.05,
            "Text": 0.0,
        }
    )
    boosted_engagement_factor: float = 0.8

    @property
    def lag_weights(self) -> list[float]:
        """Share of the organic effect that lands 0, 1, 2, ... days after the engagement."""
        weights = [0.0] * self.lag_peak_days + [1.0]
        while weights[-1] > 0.01:
            weights.append(weights[-1] * self.carryover)
        weights = [
            0.25 * (lag + 1) / (self.lag_peak_days + 1) if lag < self.lag_peak_days else w
            for lag, w in enumerate(weights)
        ]
        total = sum(weights)
        return [w / total for w in weights]


TRUTH = GroundTruth()
