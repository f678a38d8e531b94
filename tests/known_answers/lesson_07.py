"""Known right and wrong answers of lesson 07 (see __init__.py for what the tests do with them)."""

LESSON_ID = "07-paid-social-roi"

_EXPORT_MEANS = (
    "account_metrics = pd.Series({\n"
    '    "CPM": ads["CPM (cost per 1,000 impressions)"].mean(),\n'
    '    "CPC": ads["CPC (cost per link click)"].mean(),\n'
    '    "CTR": ads["CTR (link click-through rate)"].mean(),\n'
    '    "CPA": ads["Cost per result"].mean(),\n'
    "})"
)


def _metrics(cpm, cpc, ctr, cpa, labels=("CPM", "CPC", "CTR", "CPA")):
    """The code of an account_metrics answer built from the account's totals `t`."""
    items = ", ".join(
        f'"{label}": {formula}' for label, formula in zip(labels, (cpm, cpc, ctr, cpa), strict=True)
    )
    return f"t = ads[summed].sum()\naccount_metrics = pd.Series({{{items}}})"


_CPM = 't["Spend"] / t["Impressions"] * 1000'
_CPC = 't["Spend"] / t["Clicks"]'
_CTR = 't["Clicks"] / t["Impressions"]'
_CPA = 't["Spend"] / t["Purchases"]'

_CAMPAIGN_SUMS = 'sums = ads.groupby("Campaign name")[["Spend", "Purchases", "Value"]].sum()\n'
_CAMPAIGN_MEANS = (
    'means = ads.groupby("Campaign name")[["Cost per result", "Purchase ROAS (return on ad spend)"]].mean()\n'
)

_AB_RATES = (
    'p1, p2 = conversion_rates["Spring Blend | Static"], conversion_rates["Spring Blend | Video"]\n'
    'n1, n2 = static["Clicks"], video["Clicks"]\n'
)


def _interval(z="1.96", root="** 0.5", difference="p1 - p2", scale=""):
    return (
        _AB_RATES
        + f"d = {difference}\n"
        + f"se = (p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2) {root}\n"
        + f'ab_result = {scale}pd.Series({{"difference": d, "low": d - {z} * se, "high": d + {z} * se}})'
    )


ANSWERS = {
    "ex1": {
        "right": [
            'totals = ads[["Spend", "Impressions", "Clicks", "Purchases", "Value"]].sum().to_frame("Total")',
            "totals = pd.Series({column: ads[column].sum() for column in summed})",
            'totals = ads[summed].agg("sum").sort_values()',
        ],
        "wrong": {
            "averages per row": "totals = ads[summed].mean()",
            "the A/B test only": "totals = ab_totals",
            "reach included": 'totals = ads[[*summed, "Reach"]].sum()',
            "tests left out": (
                'totals = ads.loc[~ads["Campaign name"].isin([AB_TEST, GEO_TEST]), summed].sum()'
            ),
            "every numeric column": "totals = ads.sum(numeric_only=True)",
            "one number": 'totals = ads["Spend"].sum()',
            "the columns, not their sums": "totals = ads[summed]",
        },
        "says": {
            "averages per row": "averages per row",
            "the A/B test only": "the A/B test's totals",
            "reach included": "Reach is in there",
            "tests left out": "leave out the two test campaigns",
            "every numeric column": "doesn't have the number of rows asked for",
            "one number": "should be a column of values",
            "the columns, not their sums": "one column of numbers is asked for",
        },
    },
    "ex2": {
        "right": [
            _metrics(
                _CPA, _CTR, _CPC, '1000 * t["Spend"] / t["Impressions"]', labels=("CPA", "CTR", "CPC", "CPM")
            ),
            "account_metrics = pd.Series({\n"
            '    "CPM": totals["Spend"] / totals["Impressions"] * 1000,\n'
            '    "CPC": totals["Spend"] / totals["Clicks"],\n'
            '    "CTR": totals["Clicks"] / totals["Impressions"],\n'
            '    "CPA": totals["Spend"] / totals["Purchases"],\n'
            '}).round(4).to_frame("Account")',
        ],
        "wrong": {
            "averages of the export's columns": _EXPORT_MEANS,
            "CTR in percent": _metrics(_CPM, _CPC, f"100 * {_CTR}", _CPA),
            "CPM per impression": _metrics('t["Spend"] / t["Impressions"]', _CPC, _CTR, _CPA),
            "CPA upside down": _metrics(_CPM, _CPC, _CTR, 't["Purchases"] / t["Spend"]'),
            "CTR by reach": _metrics(_CPM, _CPC, 't["Clicks"] / ads["Reach"].sum()', _CPA),
            "lower-case labels": _metrics(_CPM, _CPC, _CTR, _CPA, labels=("cpm", "cpc", "ctr", "cpa")),
            "CPC by purchases": _metrics(_CPM, 't["Spend"] / t["Purchases"]', _CTR, _CPA),
            "one number": 'account_metrics = totals["Spend"] / totals["Purchases"]',
        },
        "says": {
            "averages of the export's columns": "averages of the export's per-row",
            "CTR in percent": "CTR looks like a percentage",
            "CPM per impression": "the cost of one impression",
            "CPA upside down": "CPA is upside down",
            "CTR by reach": "divides clicks by reach",
            "lower-case labels": "row labels aren't the ones asked for",
            "CPC by purchases": "not all of its values are right yet",
            "one number": "should be a column of values",
        },
    },
    "ex3": {
        "right": [
            'by_campaign = ads.pivot_table(index="Campaign name", values=["Spend", "Purchases", "Value"], '
            'aggfunc="sum")\n'
            'by_campaign["ROAS"] = by_campaign["Value"] / by_campaign["Spend"]\n'
            'by_campaign["CPA"] = by_campaign["Spend"] / by_campaign["Purchases"]',
            _CAMPAIGN_SUMS + 'by_campaign = pd.DataFrame({"CPA": sums["Spend"] / sums["Purchases"], '
            '"ROAS": sums["Value"] / sums["Spend"]}).sort_values("ROAS")',
        ],
        "wrong": {
            "averages of the weekly CPA and ROAS": _CAMPAIGN_MEANS + "by_campaign = means.set_axis(["
            '"CPA", "ROAS"], axis=1)',
            "ROAS averaged": _CAMPAIGN_SUMS + _CAMPAIGN_MEANS + 'by_campaign = pd.DataFrame({"CPA": '
            'sums["Spend"] / sums["Purchases"], "ROAS": means["Purchase ROAS (return on ad spend)"]})',
            "CPA averaged": _CAMPAIGN_SUMS + _CAMPAIGN_MEANS + 'by_campaign = pd.DataFrame({"CPA": '
            'means["Cost per result"], "ROAS": sums["Value"] / sums["Spend"]})',
            "ROAS upside down": _CAMPAIGN_SUMS + 'by_campaign = pd.DataFrame({"CPA": sums["Spend"] / '
            'sums["Purchases"], "ROAS": sums["Spend"] / sums["Value"]})',
            "grouped by ad name": (
                'by_campaign = by_ad.copy()\nby_campaign["ROAS"] = by_ad["Value"] / by_ad["Spend"]'
            ),
            "no ROAS column": _CAMPAIGN_SUMS
            + 'by_campaign = sums.assign(CPA=sums["Spend"] / sums["Purchases"])',
            "lower-case columns": _CAMPAIGN_SUMS + 'by_campaign = pd.DataFrame({"cpa": sums["Spend"] / '
            'sums["Purchases"], "roas": sums["Value"] / sums["Spend"]})',
            "a Series": 'by_campaign = ads.groupby("Campaign name")["Spend"].sum()',
            "tests left out": 'regular_ads = ads[~ads["Campaign name"].isin([AB_TEST, GEO_TEST])]\n'
            'sums = regular_ads.groupby("Campaign name")[["Spend", "Purchases", "Value"]].sum()\n'
            'by_campaign = sums.assign(CPA=sums["Spend"] / sums["Purchases"], '
            'ROAS=sums["Value"] / sums["Spend"])',
        },
        "says": {
            "averages of the weekly CPA and ROAS": "average each campaign's weekly",
            "ROAS averaged": "Your ROAS column averages",
            "CPA averaged": "Your CPA column averages",
            "ROAS upside down": "Your ROAS column is upside down",
            "grouped by ad name": "Those rows are ads",
            "no ROAS column": "has no column 'ROAS'",
            "lower-case columns": "has no column 'CPA', 'ROAS'",
            "a Series": "should be a table (DataFrame)",
            "tests left out": "doesn't have the number of rows asked for",
        },
    },
    "ex4": {
        "right": [
            'roas = float(ads["Value"].sum() / ads["Spend"].sum())',
            'roas = round(totals["Value"] / totals["Spend"], 2)',
            'roas = by_campaign["Value"].sum() / by_campaign["Spend"].sum()',
        ],
        "wrong": {
            "mean of the campaigns' ROAS": 'roas = by_campaign["ROAS"].mean()',
            "mean of the export's ROAS column": 'roas = ads["Purchase ROAS (return on ad spend)"].mean()',
            "median of the campaigns' ROAS": 'roas = by_campaign["ROAS"].median()',
            "upside down": 'roas = ads["Spend"].sum() / ads["Value"].sum()',
            "return from revenue": 'roas = (ads["Value"].sum() - ads["Spend"].sum()) / ads["Spend"].sum()',
            "a percentage": 'roas = 100 * ads["Value"].sum() / ads["Spend"].sum()',
            "each campaign's ROAS": 'roas = by_campaign["ROAS"]',
            "tests left out": 'kept = ads[~ads["Campaign name"].isin([AB_TEST, GEO_TEST])]\n'
            'roas = kept["Value"].sum() / kept["Spend"].sum()',
        },
        "says": {
            "mean of the campaigns' ROAS": "mean of the campaigns' ROAS",
            "mean of the export's ROAS column": "average of the export's Purchase ROAS column",
            "median of the campaigns' ROAS": "median of the campaigns' ROAS",
            "upside down": "upside down",
            "return from revenue": "a return from revenue",
            "a percentage": "looks like a percentage",
            "each campaign's ROAS": "one number is asked for",
            "tests left out": "not the number asked for yet",
        },
    },
    "ex5": {
        "right": [
            'roi = (ads["Value"].sum() * gross_margin - ads["Spend"].sum()) / ads["Spend"].sum()',
            'margin = assumptions.loc[assumptions["Assumption"] == "Gross margin", "Value"].iloc[0]\n'
            "roi = roas * margin - 1",
            'roi = round(float(totals["Value"] * finance["Gross margin"] / totals["Spend"] - 1), 4)',
        ],
        "wrong": {
            "ROI from revenue": 'roi = (totals["Value"] - totals["Spend"]) / totals["Spend"]',
            "the ROAS": 'roi = totals["Value"] / totals["Spend"]',
            "spend not subtracted": 'roi = totals["Value"] * gross_margin / totals["Spend"]',
            "profit in dollars": 'roi = totals["Value"] * gross_margin - totals["Spend"]',
            "a percentage": (
                'roi = 100 * (totals["Value"] * gross_margin - totals["Spend"]) / totals["Spend"]'
            ),
            "mean of the campaigns' ROI": (
                'profit = by_campaign["Value"] * gross_margin - by_campaign["Spend"]\n'
                'roi = (profit / by_campaign["Spend"]).mean()'
            ),
            "the VAT rate as margin": 'margin = finance["French VAT on coffee"]\n'
            'roi = (totals["Value"] * margin - totals["Spend"]) / totals["Spend"]',
            "a formatted text": 'roi = f"{roas * gross_margin - 1:.1%}"',
        },
        "says": {
            "ROI from revenue": "That's ROI from revenue",
            "the ROAS": "That's the ROAS",
            "spend not subtracted": "the spend isn't subtracted yet",
            "profit in dollars": "profit in dollars",
            "a percentage": "looks like a percentage",
            "mean of the campaigns' ROI": "mean of the campaigns' ROI",
            "the VAT rate as margin": "not the number asked for yet",
            "a formatted text": "it should be a number",
        },
    },
    "ex6": {
        "right": [
            'cpa_by_quarter = weekly.groupby(spend_quarter, observed=True)["Spend"].sum() / weekly.groupby(\n'
            '    spend_quarter, observed=True\n)["Purchases"].sum()',
            'quarter = pd.qcut(weekly["Spend"], 4, labels=["1", "2", "3", "4"])\n'
            "sums = weekly.groupby(quarter, observed=True).sum()\n"
            'cpa_by_quarter = (sums["Spend"] / sums["Purchases"]).to_frame("CPA")',
            'table = weekly.assign(Quarter=spend_quarter).pivot_table(index="Quarter", values=["Spend", '
            '"Purchases"], aggfunc="sum", observed=True)\n'
            'cpa_by_quarter = (table["Spend"] / table["Purchases"]).sort_values(ascending=False)',
        ],
        "wrong": {
            "mean of the weeks' CPA": 'cpa_by_quarter = (weekly["Spend"] / weekly["Purchases"]).groupby('
            "spend_quarter, observed=True).mean()",
            "purchases per dollar": "sums = weekly.groupby(spend_quarter, observed=True).sum()\n"
            'cpa_by_quarter = sums["Purchases"] / sums["Spend"]',
            "ROAS per quarter": "sums = weekly.groupby(spend_quarter, observed=True).sum()\n"
            'cpa_by_quarter = sums["Value"] / sums["Spend"]',
            "tests included": 'every_week = ads.groupby("Reporting starts")[["Spend", "Purchases"]].sum()\n'
            'quarter = pd.qcut(every_week["Spend"], 4, labels=[1, 2, 3, 4])\n'
            "sums = every_week.groupby(quarter, observed=True).sum()\n"
            'cpa_by_quarter = sums["Spend"] / sums["Purchases"]',
            "quarters of ad rows": 'quarter = pd.qcut(regular["Spend"], 4, labels=[1, 2, 3, 4])\n'
            'sums = regular.groupby(quarter, observed=True)[["Spend", "Purchases"]].sum()\n'
            'cpa_by_quarter = sums["Spend"] / sums["Purchases"]',
            "labelled 0 to 3": 'quarter = pd.qcut(weekly["Spend"], 4, labels=False)\n'
            "sums = weekly.groupby(quarter).sum()\n"
            'cpa_by_quarter = sums["Spend"] / sums["Purchases"]',
            "every column": "cpa_by_quarter = weekly.groupby(spend_quarter, observed=True).sum()",
            "quarters of value": 'quarter = pd.qcut(weekly["Value"], 4, labels=[1, 2, 3, 4])\n'
            "sums = weekly.groupby(quarter, observed=True).sum()\n"
            'cpa_by_quarter = sums["Spend"] / sums["Purchases"]',
        },
        "says": {
            "mean of the weeks' CPA": "average the weeks' own CPAs",
            "purchases per dollar": "purchases per dollar",
            "ROAS per quarter": "ROAS per quarter",
            "tests included": "include the two test campaigns",
            "quarters of ad rows": "split ad rows, not weeks",
            "labelled 0 to 3": "labelled 0 to 3",
            "every column": "one column of numbers is asked for",
            "quarters of value": "not all of its values are right yet",
        },
    },
    "ex7": {
        "right": [
            'conversion_rates = creatives["Purchases"] / creatives["Clicks"]',
            'spring = ads[ads["Ad name"].str.startswith("Spring Blend")]\n'
            'sums = spring.pivot_table(index="Ad name", values=["Purchases", "Clicks"], aggfunc="sum")\n'
            'conversion_rates = sums["Purchases"].div(sums["Clicks"]).to_frame("Conversion rate")',
        ],
        "wrong": {
            "CTR": 'conversion_rates = creatives["Clicks"] / creatives["Impressions"]',
            "purchases per impression": (
                'conversion_rates = creatives["Purchases"] / creatives["Impressions"]'
            ),
            "mean of the weekly rates": 'conversion_rates = (test["Purchases"] / test["Clicks"]).groupby('
            'test["Ad name"]).mean()',
            "upside down": 'conversion_rates = creatives["Clicks"] / creatives["Purchases"]',
            "percentages": 'conversion_rates = 100 * creatives["Purchases"] / creatives["Clicks"]',
            "one number for both": (
                'conversion_rates = creatives["Purchases"].sum() / creatives["Clicks"].sum()'
            ),
            "every ad of the account": 'sums = ads.groupby("Ad name")[["Purchases", "Clicks"]].sum()\n'
            'conversion_rates = sums["Purchases"] / sums["Clicks"]',
        },
        "says": {
            "CTR": "Those are CTRs",
            "purchases per impression": "purchases per impression",
            "mean of the weekly rates": "average the four weekly rates",
            "upside down": "clicks per purchase",
            "percentages": "look like percentages",
            "one number for both": "should be a column of values",
            "every ad of the account": "doesn't have the number of rows asked for",
        },
    },
    "ex8": {
        "right": [
            _AB_RATES + "d = p1 - p2\n"
            "se = (p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2) ** 0.5\n"
            'ab_result = pd.Series([d, d - 1.96 * se, d + 1.96 * se], index=["difference", "low", "high"])',
            "import math\n"
            "from statistics import NormalDist\n\n"
            "z = NormalDist().inv_cdf(0.975)\n"
            'rate = creatives["Purchases"] / creatives["Clicks"]\n'
            's, v = "Spring Blend | Static", "Spring Blend | Video"\n'
            'var = rate[s] * (1 - rate[s]) / creatives.loc[s, "Clicks"] + rate[v] * (1 - rate[v]) / '
            'creatives.loc[v, "Clicks"]\n'
            "diff = rate[s] - rate[v]\n"
            'ab_result = pd.Series({"high": diff + z * math.sqrt(var), "low": diff - z * math.sqrt(var), '
            '"difference": diff}).to_frame()',
        ],
        "wrong": {
            "Video minus Static": _interval(difference="p2 - p1"),
            "the CTR's difference": 'p1, p2 = static["CTR"], video["CTR"]\n'
            'n1, n2 = static["Impressions"], video["Impressions"]\n'
            "d = p1 - p2\n"
            "se = (p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2) ** 0.5\n"
            'ab_result = pd.Series({"difference": d, "low": d - 1.96 * se, "high": d + 1.96 * se})',
            "impressions as n": 'p1 = static["Purchases"] / static["Impressions"]\n'
            'p2 = video["Purchases"] / video["Impressions"]\n'
            'n1, n2 = static["Impressions"], video["Impressions"]\n'
            "d = p1 - p2\n"
            "se = (p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2) ** 0.5\n"
            'ab_result = pd.Series({"difference": d, "low": d - 1.96 * se, "high": d + 1.96 * se})',
            "a 90 percent interval": _interval(z="1.645"),
            "no square root": _interval(root=""),
            "percentage points": _interval(scale="100 * "),
            "a tuple": _AB_RATES + "d = p1 - p2\n"
            "se = (p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2) ** 0.5\n"
            "ab_result = (d, d - 1.96 * se, d + 1.96 * se)",
            "other labels": _AB_RATES + "d = p1 - p2\n"
            "se = (p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2) ** 0.5\n"
            'ab_result = pd.Series({"diff": d, "lower": d - 1.96 * se, "upper": d + 1.96 * se})',
        },
        "says": {
            "Video minus Static": "That's Video minus Static",
            "the CTR's difference": "the difference in CTR",
            "impressions as n": "use impressions as n",
            "a 90 percent interval": "too narrow",
            "no square root": "take the square root",
            "percentage points": "look like percentage points",
            "a tuple": "should be a column of values",
            "other labels": "row labels aren't the ones asked for",
        },
    },
}
