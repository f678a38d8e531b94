"""Known right and wrong answers of lesson 09 (see __init__.py for what the tests do with them)."""

LESSON_ID = "09-correlation-or-cause"

_POST_DAYS = 'post_days = posts.groupby(posts["Posted"].dt.normalize())["Engagements"].sum()\n'
_EVERY_DAY = _POST_DAYS + "every_day = post_days.reindex(sales.index, fill_value=0)\n"


def _lags(series="engagement", sign="", outcome='sales["Orders"]', lags="range(8)"):
    """The code of a lag_correlations answer."""
    return f"lag_correlations = pd.Series({{k: {series}.shift({sign}k).corr({outcome}) for k in {lags}}})"


_WEEKS = (
    'weeks = pd.DataFrame({"e": engagement, "o": sales["Orders"], "r": sales["Revenue"]})\n'
    'weeks = weeks.resample("W").sum()\n'
)
_COMPLETE = _WEEKS + "weeks = weeks.iloc[:-1]\n"


def _without_season(window="5, center=True", table="weeks", rest="table - season"):
    """The code of a deseasonalised_correlation answer, from the weekly table `weeks`."""
    return (
        f"table = {table}\n"
        f"season = table.rolling({window}).mean()\n"
        f"rest = {rest}\n"
        'deseasonalised_correlation = rest["e"].corr(rest["o"])'
    )


_MEANS = (
    'tp, tt = weekly_means.loc["Treatment", "Pre-test"], weekly_means.loc["Treatment", "Test"]\n'
    'cp, ct = weekly_means.loc["Control", "Pre-test"], weekly_means.loc["Control", "Test"]\n'
)
_SPEND = 'spend = geo["Ad spend (USD)"].sum()\n'


def _roas(extra="tt - (tp + ct - cp)", weeks="6", regions="12"):
    """The code of an incremental_roas answer."""
    return _MEANS + _SPEND + f"incremental_roas = ({extra}) * {weeks} * {regions} / spend"


def _interval(t="2.18", root="** 0.5", ddof="", n_test="len(test)", n_pre="len(pre)", scale="* 72 / spend"):
    """The code of a roas_interval answer, from the worked example's weekly_gap."""
    return (
        _SPEND
        + 'test, pre = weekly_gap.loc["Test", "Gap"], weekly_gap.loc["Pre-test", "Gap"]\n'
        + "d = test.mean() - pre.mean()\n"
        + f"se = (test.var({ddof}) / {n_test} + pre.var({ddof}) / {n_pre}) {root}\n"
        + f'roas_interval = pd.Series({{"low": (d - {t} * se) {scale}, "high": (d + {t} * se) {scale}}})'
    )


ANSWERS = {
    "ex1": {
        "right": [
            _POST_DAYS + "engagement = post_days.reindex(sales.index, fill_value=0).astype(int)",
            'engagement = posts.set_index("Posted")["Engagements"].resample("D").sum()'
            ".reindex(sales.index, fill_value=0)",
            'days = posts.assign(Day=posts["Posted"].dt.normalize()).groupby("Day")[["Engagements"]].sum()\n'
            "engagement = sales[[]].join(days).fillna(0)",
        ],
        "wrong": {
            "post days only": _POST_DAYS + "engagement = post_days",
            "empty days": _POST_DAYS + "engagement = post_days.reindex(sales.index)",
            "counts the posts": "engagement = posts_per_day.reindex(sales.index, fill_value=0)",
            "facebook only": 'fb = posts[posts["Network"] == "Facebook"]\n'
            'engagement = fb.groupby(fb["Posted"].dt.normalize())["Engagements"].sum()'
            ".reindex(sales.index, fill_value=0)",
            "instagram only": 'ig = posts[posts["Network"] == "Instagram"]\n'
            'engagement = ig.groupby(ig["Posted"].dt.normalize())["Engagements"].sum()'
            ".reindex(sales.index, fill_value=0)",
            "texts against timestamps": 'day = posts["Posted"].dt.strftime("%Y-%m-%d")\n'
            'engagement = posts.groupby(day)["Engagements"].sum().reindex(sales.index, fill_value=0)',
            "python dates": 'days = posts.groupby(posts["Posted"].dt.date)["Engagements"].sum()\n'
            "engagement = days.reindex(sales.index.date)",
            "one number": 'engagement = posts["Engagements"].sum()',
            "by position": _POST_DAYS
            + "engagement = pd.Series(post_days.to_numpy(), index=sales.index[: len(post_days)])",
        },
        "says": {
            "post days only": "only the days with a post",
            "empty days": "are empty (NaN)",
            "counts the posts": "count the posts of each day",
            "facebook only": "Facebook posts' engagements only",
            "instagram only": "Instagram posts' engagements only",
            "texts against timestamps": "Every day is 0",
            "python dates": "are empty (NaN)",
            "one number": "should be a column of values",
            "by position": "doesn't have the number of rows asked for",
        },
    },
    "ex2": {
        "right": [
            'same_day_correlation = sales["Orders"].corr(engagement)',
            'same_day_correlation = pd.concat([engagement, sales["Orders"]], axis=1).corr().iloc[0, 1]',
            'import numpy as np\nsame_day_correlation = np.corrcoef(engagement, sales["Orders"])[0, 1]',
        ],
        "wrong": {
            "post days only": _POST_DAYS + 'same_day_correlation = post_days.corr(sales["Orders"])',
            "by position": _POST_DAYS
            + "same_day_correlation = post_days.reset_index(drop=True)"
            + '.corr(sales["Orders"].reset_index(drop=True))',
            "revenue": 'same_day_correlation = engagement.corr(sales["Revenue"])',
            "r squared": 'same_day_correlation = engagement.corr(sales["Orders"]) ** 2',
            "posts per day": "same_day_correlation = posts_per_day.reindex(sales.index, fill_value=0)"
            '.corr(sales["Orders"])',
            "a matrix": 'import numpy as np\nsame_day_correlation = np.corrcoef(engagement, sales["Orders"])',
            "the next day": 'same_day_correlation = engagement.shift(1).corr(sales["Orders"])',
        },
        "says": {
            "post days only": "leaves out the days without a post",
            "by position": "pairs the rows by position",
            "revenue": "correlation with the revenue",
            "r squared": "R squared",
            "posts per day": "number of posts",
            "a matrix": "should be a number",
            "the next day": "not the number asked for yet",
        },
    },
    "ex3": {
        "right": [
            'lag_correlations = pd.Series([engagement.shift(k).corr(sales["Orders"]) for k in range(8)])',
            'lag_correlations = pd.DataFrame({"r": {k: sales["Orders"].corr(engagement.shift(k))'
            " for k in range(8)}})",
            _EVERY_DAY + _lags(series="every_day"),
        ],
        "wrong": {
            "engagement after the orders": _lags(sign="-"),
            "orders shifted": 'lag_correlations = pd.Series({k: engagement.corr(sales["Orders"].shift(k))'
            " for k in range(8)})",
            "post days only": _POST_DAYS + _lags(series="post_days"),
            "revenue": _lags(outcome='sales["Revenue"]'),
            "lag 0 missing": _lags(lags="range(1, 8)"),
            "lags 0 to 6": _lags(lags="range(7)"),
            "a list": 'lag_correlations = [engagement.shift(k).corr(sales["Orders"]) for k in range(8)]',
            "labelled 1 to 8": 'values = [engagement.shift(k).corr(sales["Orders"]) for k in range(8)]\n'
            "lag_correlations = pd.Series(values, index=range(1, 9))",
        },
        "says": {
            "engagement after the orders": "engagement of later days",
            "orders shifted": "engagement of later days",
            "post days only": "series of post days only",
            "revenue": "correlate with the revenue",
            "lag 0 missing": "Lag 0 (the same day) is missing",
            "lags 0 to 6": "lags 0 to 6",
            "a list": "should be a column of values",
            "labelled 1 to 8": "row labels aren't the ones asked for",
        },
    },
    "ex4": {
        "right": [
            "peak_lag = int(lag_correlations.idxmax())",
            "peak_lag = lag_correlations.sort_values().index[-1]",
            "peak_lag = max(range(8), key=lambda k: lag_correlations[k])",
        ],
        "wrong": {
            "lowest": "peak_lag = lag_correlations.idxmin()",
            "the same day": "peak_lag = 0",
            "the correlation, not the lag": "peak_lag = lag_correlations.max()",
            "a text": "peak_lag = str(lag_correlations.idxmax())",
            "a week": "peak_lag = 7",
        },
        "says": {
            "lowest": "lowest correlation",
            "the same day": "the same day, lag 0",
            "the correlation, not the lag": "should be a whole number",
            "a text": "should be a number",
            "a week": "not the number asked for yet",
        },
    },
    "ex5": {
        "right": [
            _COMPLETE + 'weekly_correlation = weeks["e"].corr(weeks["o"])',
            'weekly_correlation = engagement.resample("W").sum()[:-1].corr(weekly_orders)',
            'weeks = pd.DataFrame({"e": engagement, "o": sales["Orders"]}).resample("W-SUN").mean()\n'
            'weeks = weeks[weeks.index <= "2026-06-28"]\n'
            'weekly_correlation = weeks["e"].corr(weeks["o"])',
        ],
        "wrong": {
            "last week kept": _WEEKS + 'weekly_correlation = weeks["e"].corr(weeks["o"])',
            "daily": 'weekly_correlation = engagement.corr(sales["Orders"])',
            "revenue": _COMPLETE + 'weekly_correlation = weeks["e"].corr(weeks["r"])',
            "the worked example": "weekly_correlation = spend_and_orders",
            "weeks ending on Monday": 'weeks = pd.DataFrame({"e": engagement, "o": sales["Orders"]})\n'
            'weeks = weeks.resample("W-MON").sum()\n'
            'weekly_correlation = weeks["e"].iloc[:-1].corr(weeks["o"].iloc[:-1])',
            "a table": _COMPLETE + "weekly_correlation = weeks.corr()",
        },
        "says": {
            "last week kept": "keeps the last week",
            "daily": "That's the daily correlation",
            "revenue": "weekly revenue",
            "the worked example": "Meta spend with orders",
            "weeks ending on Monday": "not the number asked for yet",
            "a table": "one number is asked for",
        },
    },
    "ex6": {
        "right": [
            _COMPLETE + _without_season(),
            'w = engagement.resample("W").sum().iloc[:-1]\n'
            "deseasonalised_correlation = (w - w.rolling(5, center=True).mean())"
            ".corr(weekly_orders - orders_season)",
            _COMPLETE
            + _without_season(window="window=5, center=True, min_periods=5")
            + '\ndeseasonalised_correlation = rest.dropna()["o"].corr(rest.dropna()["e"])',
        ],
        "wrong": {
            "the naive correlation": _COMPLETE + 'deseasonalised_correlation = weeks["e"].corr(weeks["o"])',
            "not centred": _COMPLETE + _without_season(window="5"),
            "divided": _COMPLETE + _without_season(rest="table / season"),
            "last week kept": _WEEKS + _without_season(),
            "3 weeks": _COMPLETE + _without_season(window="3, center=True"),
            "7 weeks": _COMPLETE + _without_season(window="7, center=True"),
            "engagement only": _COMPLETE + _without_season(rest='table.assign(e=table["e"] - season["e"])'),
            "orders only": _COMPLETE + _without_season(rest='table.assign(o=table["o"] - season["o"])'),
            "edges kept": _COMPLETE + _without_season(window="5, center=True, min_periods=1"),
        },
        "says": {
            "the naive correlation": "naive weekly correlation",
            "not centred": "not centred",
            "divided": "divides by the season",
            "last week kept": "keeps the last, incomplete week",
            "3 weeks": "3-week window",
            "7 weeks": "7-week window",
            "engagement only": "from the engagement only",
            "orders only": "from the orders only",
            "edges kept": "not the number asked for yet",
        },
    },
    "ex7": {
        "right": [
            _MEANS + "lift = tt / (tp + ct - cp) - 1",
            'g = geo.groupby(["Group", "Period"])["Revenue (USD)"].mean()\n'
            'lift = g["Treatment", "Test"] / (g["Treatment", "Pre-test"] + g["Control", "Test"]'
            ' - g["Control", "Pre-test"]) - 1',
            _MEANS + "did = (tt - tp) - (ct - cp)\nlift = did / (tt - did)",
        ],
        "wrong": {
            "before and after only": _MEANS + "lift = tt / tp - 1",
            "during the test only": _MEANS + "lift = tt / ct - 1",
            "ratio": _MEANS + "lift = tt / (tp * ct / cp) - 1",
            "sums": 's = geo.pivot_table(index="Group", columns="Period", values="Revenue (USD)",'
            ' aggfunc="sum")\n'
            'lift = s.loc["Treatment", "Test"] / (s.loc["Treatment", "Pre-test"] + s.loc["Control", "Test"]'
            ' - s.loc["Control", "Pre-test"]) - 1',
            "percentage": _MEANS + "lift = 100 * (tt / (tp + ct - cp) - 1)",
            "dollars": _MEANS + "lift = tt - (tp + ct - cp)",
            "over the pre-test": _MEANS + "lift = (tt - (tp + ct - cp)) / tp",
            "a text": _MEANS + 'lift = f"{tt / (tp + ct - cp) - 1:.4f}"',
        },
        "says": {
            "before and after only": "treatment after against treatment before",
            "during the test only": "during the test only",
            "ratio": "(a ratio)",
            "sums": "That uses sums",
            "percentage": "looks like a percentage",
            "dollars": "in USD",
            "over the pre-test": "pre-test average",
            "a text": "Leave out the quotes",
        },
    },
    "ex8": {
        "right": [
            _roas(),
            _MEANS + 'incremental_roas = (tt - tp - ct + cp) * 72 / float(design["Test spend (USD)"])',
            _MEANS + _SPEND + "incremental_roas = lift * (tp + ct - cp) * 6 * 12 / spend",
        ],
        "wrong": {
            "the platform's ROAS": 'incremental_roas = float(design["Platform-reported ROAS"])',
            "all the revenue": _roas(extra="tt"),
            "during the test only": _roas(extra="tt - ct"),
            "before and after only": _roas(extra="tt - tp"),
            "every region": _roas(regions="24"),
            "every week": _roas(weeks="14"),
            "one region": _roas(regions="1"),
            "one week": _roas(weeks="1"),
            "the revenue, not the ROAS": _MEANS + "incremental_roas = (tt - (tp + ct - cp)) * 6 * 12",
            "a Series": 'incremental_roas = geo.groupby("Group")["Revenue (USD)"].sum()',
        },
        "says": {
            "the platform's ROAS": "ROAS Ads Manager reported",
            "all the revenue": "all the treatment regions' revenue",
            "during the test only": "during the test only",
            "before and after only": "treatment after minus treatment before",
            "every region": "counts every region",
            "every week": "counts every week",
            "one region": "one region's extra revenue",
            "one week": "extra revenue of one week",
            "the revenue, not the ROAS": "not the number asked for yet",
            "a Series": "one number is asked for",
        },
    },
    "ex9": {
        "right": [
            _interval(),
            "import numpy as np\n"
            + _interval(root="", n_test="6", n_pre="8").replace("se = (", "se = np.sqrt("),
            _SPEND
            + 'gap = geo.groupby(["Period", "Week starting", "Group"])["Revenue (USD)"].mean().unstack()\n'
            + 'gap = gap["Treatment"] - gap["Control"]\n'
            + 'd = gap["Test"].mean() - gap["Pre-test"].mean()\n'
            + 'se = (gap["Test"].std() ** 2 / 6 + gap["Pre-test"].std() ** 2 / 8) ** 0.5\n'
            + 'scale = geo.loc[geo["Period"] == "Test", "Week starting"].nunique() * 12 / spend\n'
            + "ends = {'high': (d + 2.18 * se) * scale, 'low': (d - 2.18 * se) * scale}\n"
            + 'roas_interval = pd.DataFrame({"ROAS": ends})',
        ],
        "wrong": {
            "normal multiplier": _interval(t="1.96"),
            "dollars": _interval(scale=""),
            "variance": _interval(root=""),
            "population variance": _interval(ddof="ddof=0"),
            "not divided by the weeks": _interval(n_test="1", n_pre="1"),
            "test weeks only": _interval().replace(" + pre.var() / len(pre)", ""),
            "a list": _interval().replace("pd.Series({", "list({"),
            "ends swapped": _interval()
            .replace('"low": (d - ', '"low": (d + ')
            .replace('"high": (d + ', '"high": (d - '),
        },
        "says": {
            "normal multiplier": "uses 1.96",
            "dollars": "in USD per region and week",
            "variance": "uses the variance, not the standard error",
            "population variance": "population variance",
            "not divided by the weeks": "not divided by the number of weeks",
            "test weeks only": "leaves out the spread of the pre-test gaps",
            "a list": "should be a column of values",
            "ends swapped": "not all of its values are right yet",
        },
    },
}
