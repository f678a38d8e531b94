"""Known right and wrong answers of lesson 04 (see __init__.py for what the tests do with them)."""

LESSON_ID = "04-visual-thinking"

HEATMAP_LABELS = """
heatmap_ax.set_title("X engagement rate by hour and weekday (%)")
heatmap_ax.set_xlabel("Weekday")
heatmap_ax.set_ylabel("Hour (local time)")
"""


def heatmap_of(table: str, labels: str = HEATMAP_LABELS) -> str:
    """Answer code that draws `table` (an expression) as a labelled heatmap with ax.imshow."""
    return (
        f"table = {table}\n"
        "fig, heatmap_ax = plt.subplots()\n"
        "heatmap_ax.imshow(table, aspect='auto')\n"
        "heatmap_ax.set_xticks(range(len(table.columns)), table.columns)\n"
        "heatmap_ax.set_yticks(range(len(table.index)), table.index)\n" + labels.strip()
    )


CRISIS_LABELS = 'title="Negative mentions per day", xlabel="Day", ylabel="Negative mentions"'
SLIDE_LABELS = (
    'title="X posts engage best from Tuesday to Thursday", xlabel="Weekday", '
    'ylabel="Average engagement rate (%)"'
)
UTC = 'utc = pd.to_datetime(tweets["time"], utc=True)\n'

ANSWERS = {
    "ex1": {
        "right": [
            'tweets["Local time"] = pd.to_datetime(tweets["time"], utc=True)'
            '.dt.tz_convert("America/Los_Angeles")',
            'tweets["Local time"] = tweets["UTC time"].dt.tz_convert("US/Pacific")',
            'tweets["Local time"] = [\n'
            '    pd.Timestamp(text).tz_convert(LOCAL_TIME_ZONE) for text in tweets["time"]\n'
            "]",
        ],
        "wrong": {
            "left in UTC": 'tweets["Local time"] = tweets["UTC time"]',
            "parsed but left in UTC": 'tweets["Local time"] = pd.to_datetime(tweets["time"], utc=True)',
            "minus 8 hours, all year": (
                'tweets["Local time"] = pd.to_datetime(tweets["time"], utc=True) - pd.Timedelta(hours=8)'
            ),
            "minus 8 hours, time zone cut off": (
                'tweets["Local time"] = pd.to_datetime(tweets["time"].str[:16]) - pd.Timedelta(hours=8)'
            ),
            "minus 7 hours, all year": (
                'tweets["Local time"] = pd.to_datetime(tweets["time"], utc=True) - pd.Timedelta(hours=7)'
            ),
            "time zone dropped": (
                'tweets["Local time"] = pd.to_datetime(tweets["time"], utc=True)'
                ".dt.tz_convert(LOCAL_TIME_ZONE).dt.tz_localize(None)"
            ),
            "still text": 'tweets["Local time"] = tweets["time"]',
            "New York time": (
                'tweets["Local time"] = pd.to_datetime(tweets["time"], utc=True)'
                '.dt.tz_convert("America/New_York")'
            ),
            "a lower-case column name": (
                'tweets["local time"] = tweets["UTC time"].dt.tz_convert(LOCAL_TIME_ZONE)'
            ),
        },
        "says": {
            "left in UTC": "still UTC times",
            "parsed but left in UTC": "still UTC times",
            "minus 8 hours, all year": "Subtracting 8 hours is right in winter only",
            "minus 8 hours, time zone cut off": "Subtracting 8 hours from the times is right in winter only",
            "minus 7 hours, all year": "Subtracting 7 hours is right in summer only",
            "time zone dropped": "the time zone was dropped",
            "still text": "still the text of the file",
            "New York time": "not all of its values are right yet",
            "a lower-case column name": 'it should be called "Local time"',
        },
    },
    "ex2": {
        "right": [
            'tweets["Weekday"] = tweets["Local time"].dt.strftime("%A")',
            'tweets["Weekday"] = [moment.day_name() for moment in tweets["Local time"]]',
        ],
        "wrong": {
            "weekday numbers": 'tweets["Weekday"] = tweets["Local time"].dt.day_of_week',
            "weekday numbers from 1": 'tweets["Weekday"] = tweets["Local time"].dt.isocalendar().day',
            "short names": 'tweets["Weekday"] = tweets["Local time"].dt.strftime("%a")',
            "UTC weekdays": 'tweets["Weekday"] = pd.to_datetime(tweets["time"], utc=True).dt.day_name()',
            "lower-case names": 'tweets["Weekday"] = tweets["Local time"].dt.day_name().str.lower()',
            "the month's name": 'tweets["Weekday"] = tweets["Local time"].dt.month_name()',
        },
        "says": {
            "weekday numbers": "weekday numbers (Monday is 0)",
            "weekday numbers from 1": "weekday numbers from 1 (Monday) to 7",
            "short names": "short names",
            "UTC weekdays": "weekdays in UTC",
            "lower-case names": "in lower case",
            "the month's name": "not all of its values are right yet",
        },
    },
    "ex3": {
        "right": [
            'tweets["Hour"] = tweets["Local time"].dt.hour.astype(int)',
            'tweets["Hour"] = [moment.hour for moment in tweets["Local time"]]',
            'tweets["Hour"] = pd.to_datetime(tweets["time"], utc=True)'
            ".dt.tz_convert(LOCAL_TIME_ZONE).dt.hour",
        ],
        "wrong": {
            "UTC hours": 'tweets["Hour"] = pd.to_datetime(tweets["time"], utc=True).dt.hour',
            "minus 8 hours, all year": (
                'tweets["Hour"] = (pd.to_datetime(tweets["time"], utc=True) - pd.Timedelta(hours=8)).dt.hour'
            ),
            "minus 7 hours, all year": (
                'tweets["Hour"] = (pd.to_datetime(tweets["time"], utc=True) - pd.Timedelta(hours=7)).dt.hour'
            ),
            "minutes": 'tweets["Hour"] = tweets["Local time"].dt.minute',
            "hours as text": 'tweets["Hour"] = tweets["Local time"].dt.strftime("%H")',
            "12-hour clock": 'tweets["Hour"] = tweets["Local time"].dt.hour % 12',
        },
        "says": {
            "UTC hours": "hours in UTC",
            "minus 8 hours, all year": "8 behind UTC all year",
            "minus 7 hours, all year": "7 behind UTC all year",
            "minutes": "Those are the minutes",
            "hours as text": "texts",
            "12-hour clock": "not all of its values are right yet",
        },
    },
    "ex4": {
        "right": [
            'rate_by_weekday = tweets.groupby("Weekday")["engagement rate"].mean().reindex(WEEKDAYS) * 100',
            'rate_by_weekday = tweets.pivot_table(index="Weekday", values="engagement rate", aggfunc="mean")'
            ".loc[WEEKDAYS] * 100",
            'rate_by_weekday = (tweets.groupby("Weekday")["engagement rate"].mean() * 100)'
            ".round(2)[WEEKDAYS]",
        ],
        "wrong": {
            "sum of rates": (
                'rate_by_weekday = (tweets.groupby("Weekday")["engagement rate"].sum() * 100)'
                ".reindex(WEEKDAYS)"
            ),
            "shares, not percent": (
                'rate_by_weekday = tweets.groupby("Weekday")["engagement rate"].mean().reindex(WEEKDAYS)'
            ),
            "alphabetical order": (
                'rate_by_weekday = tweets.groupby("Weekday")["engagement rate"].mean() * 100'
            ),
            "sorted by rate": (
                'rate_by_weekday = (tweets.groupby("Weekday")["engagement rate"].mean() * 100)'
                ".sort_values(ascending=False)"
            ),
            "UTC weekdays": (
                UTC + 'rate_by_weekday = tweets.groupby(utc.dt.day_name())["engagement rate"].mean()'
                ".reindex(WEEKDAYS) * 100"
            ),
            "ratio of sums": (
                'totals = tweets.groupby("Weekday")[["engagements", "impressions"]].sum()\n'
                'rate_by_weekday = (totals["engagements"] / totals["impressions"] * 100).reindex(WEEKDAYS)'
            ),
            "engagements, not the rate": (
                'rate_by_weekday = tweets.groupby("Weekday")["engagements"].mean().reindex(WEEKDAYS)'
            ),
            "weekday numbers": (
                'rate_by_weekday = tweets.groupby(tweets["Local time"].dt.day_of_week)["engagement rate"]'
                ".mean() * 100"
            ),
            "the median": (
                'rate_by_weekday = (tweets.groupby("Weekday")["engagement rate"].median() * 100)'
                ".reindex(WEEKDAYS)"
            ),
            "every column averaged": (
                'rate_by_weekday = tweets.groupby("Weekday").mean(numeric_only=True).reindex(WEEKDAYS)'
            ),
        },
        "says": {
            "sum of rates": "add up the rates",
            "shares, not percent": "shares (0.05), not percentages",
            "alphabetical order": "alphabetical order",
            "sorted by rate": "sorted by their rate",
            "UTC weekdays": "weekdays in UTC",
            "ratio of sums": "total engagements by its total impressions",
            "engagements, not the rate": "average engagements per post",
            "weekday numbers": "row labels aren't the ones asked for",
            "the median": "not all of its values are right yet",
            "every column averaged": "one column of numbers is asked for",
        },
    },
    "ex5": {
        "right": [
            'pivot = tweets.pivot_table(index="Hour", columns="Weekday", values="engagement rate") * 100',
            'pivot = (tweets.groupby(["Hour", "Weekday"])["engagement rate"].mean() * 100)'
            ".unstack()[WEEKDAYS]",
        ],
        "wrong": {
            "UTC hours and weekdays": (
                UTC + "pivot = tweets.assign(Hour=utc.dt.hour, Weekday=utc.dt.day_name()).pivot_table(\n"
                '    index="Hour", columns="Weekday", values="engagement rate", aggfunc="mean"\n'
                ")[WEEKDAYS] * 100"
            ),
            "UTC hours only": (
                UTC + "pivot = tweets.assign(Hour=utc.dt.hour).pivot_table(\n"
                '    index="Hour", columns="Weekday", values="engagement rate", aggfunc="mean"\n'
                ")[WEEKDAYS] * 100"
            ),
            "sum of rates": (
                'pivot = tweets.pivot_table(index="Hour", columns="Weekday", values="engagement rate", '
                'aggfunc="sum") * 100'
            ),
            "counts posts": (
                'pivot = tweets.pivot_table(index="Hour", columns="Weekday", values="engagement rate", '
                'aggfunc="count")'
            ),
            "shares, not percent": (
                'pivot = tweets.pivot_table(index="Hour", columns="Weekday", values="engagement rate")'
            ),
            "engagements, not the rate": (
                'pivot = tweets.pivot_table(index="Hour", columns="Weekday", values="engagements")'
            ),
            "minus 8 hours, all year": (
                UTC + "shifted = utc - pd.Timedelta(hours=8)\n"
                "pivot = tweets.assign(Hour=shifted.dt.hour, Weekday=shifted.dt.day_name()).pivot_table(\n"
                '    index="Hour", columns="Weekday", values="engagement rate"\n'
                ") * 100"
            ),
            "weekday numbers": (
                "pivot = tweets.pivot_table(\n"
                '    index="Hour", columns=tweets["Local time"].dt.day_of_week, values="engagement rate"\n'
                ") * 100"
            ),
            "weekdays down, hours across": (
                'pivot = tweets.pivot_table(index="Weekday", columns="Hour", values="engagement rate") * 100'
            ),
            "one number": 'pivot = tweets["engagement rate"].mean() * 100',
        },
        "says": {
            "UTC hours and weekdays": "still UTC hours",
            "UTC hours only": "The rows are UTC hours, while the weekdays are local",
            "sum of rates": "add up the rates",
            "counts posts": "count the posts",
            "shares, not percent": "shares (0.05), not percentages",
            "engagements, not the rate": "average engagements per post",
            "minus 8 hours, all year": "8 behind UTC all year",
            "weekday numbers": "has no column 'Monday'",
            "weekdays down, hours across": "has no column 'Monday'",
            "one number": "should be a table (DataFrame)",
        },
    },
    "ex6": {
        "right": [
            'best_hour = int(tweets.groupby("Hour")["engagement rate"].mean().idxmax())',
            'best_hour = tweets.pivot_table(index="Hour", values="engagement rate")'
            '["engagement rate"].idxmax()',
            'best_hour = tweets.groupby("Hour")["engagement rate"].mean().sort_values().index[-1]',
        ],
        "wrong": {
            "UTC hour": (UTC + 'best_hour = tweets.groupby(utc.dt.hour)["engagement rate"].mean().idxmax()'),
            "hour with the most posts": 'best_hour = tweets["Hour"].value_counts().idxmax()',
            "sum of rates": 'best_hour = tweets.groupby("Hour")["engagement rate"].sum().idxmax()',
            "the pivot's best cell": "best_hour = pivot.stack().idxmax()[0]",
            "the worst hour": 'best_hour = tweets.groupby("Hour")["engagement rate"].mean().idxmin()',
            "the best rate, not its hour": (
                'best_hour = tweets.groupby("Hour")["engagement rate"].mean().max()'
            ),
            "a text": 'best_hour = str(tweets.groupby("Hour")["engagement rate"].mean().idxmax())',
        },
        "says": {
            "UTC hour": "best hour in UTC",
            "hour with the most posts": "the hour we post most often",
            "sum of rates": "the hour we post most often",
            "the pivot's best cell": "single best cell",
            "the worst hour": "lowest average rate",
            "the best rate, not its hour": "should be a whole number",
            "a text": "it should be a number",
        },
    },
    "ex7": {
        "right": [
            "fig, heatmap_ax = plt.subplots()\n"
            'heatmap_ax.pcolormesh(pivot[WEEKDAYS], cmap="Greens")\n'
            "heatmap_ax.invert_yaxis()\n"
            "heatmap_ax.set_xticks([i + 0.5 for i in range(7)], WEEKDAYS)\n"
            "heatmap_ax.set_yticks([i + 0.5 for i in range(len(pivot))], pivot.index)\n"
            + HEATMAP_LABELS.strip(),
            "plt.figure(figsize=(5, 7))\n"
            "plt.imshow(pivot, cmap='viridis', aspect='auto')\n"
            "plt.colorbar()\n"
            "plt.xticks(range(7), WEEKDAYS, rotation=90)\n"
            "plt.yticks(range(len(pivot)), pivot.index)\n"
            "plt.title('x engagement rate BY hour and weekday (%) ')\n"
            "plt.xlabel('weekday')\n"
            "plt.ylabel('Hour (local time)')\n"
            "heatmap_ax = plt.gca()",
            heatmap_of("pivot.round(2)"),
        ],
        "wrong": {
            "UTC hours": heatmap_of(
                "(tweets.assign(Hour=pd.to_datetime(tweets['time'], utc=True).dt.hour, "
                "Weekday=pd.to_datetime(tweets['time'], utc=True).dt.day_name())"
                ".pivot_table(index='Hour', columns='Weekday', values='engagement rate') * 100)[WEEKDAYS]"
            ),
            "alphabetical weekdays": heatmap_of("pivot[sorted(WEEKDAYS)]"),
            "counts posts": heatmap_of(
                "tweets.pivot_table(index='Hour', columns='Weekday', values='engagement rate', "
                "aggfunc='count')[WEEKDAYS]"
            ),
            "sum of rates": heatmap_of(
                "(tweets.pivot_table(index='Hour', columns='Weekday', values='engagement rate', "
                "aggfunc='sum') * 100)[WEEKDAYS]"
            ),
            "no title": heatmap_of(
                "pivot", 'heatmap_ax.set_xlabel("Weekday")\nheatmap_ax.set_ylabel("Hour (local time)")'
            ),
            "no tick labels": (
                "fig, heatmap_ax = plt.subplots()\nheatmap_ax.imshow(pivot)\n" + HEATMAP_LABELS.strip()
            ),
            "weekdays down, hours across": heatmap_of("pivot.T"),
            "shares, not percent": heatmap_of("pivot / 100"),
            "a line chart": 'heatmap_ax = pivot.plot(title="X engagement rate by hour and weekday (%)")',
            "not a chart": "heatmap_ax = pivot",
        },
        "says": {
            "UTC hours": "UTC hours",
            "alphabetical weekdays": "alphabetical order",
            "counts posts": "how many posts each cell holds",
            "sum of rates": "totals of rates",
            "no title": "now fix the title",
            "no tick labels": "rows (the y axis) and columns (the x axis) don't carry the labels asked for",
            "weekdays down, hours across": "don't carry the labels asked for",
            "shares, not percent": "cells don't show the numbers asked for",
            "a line chart": "not the kind of chart asked for",
            "not a chart": "not a chart I can read",
        },
    },
    "ex8": {
        "right": [
            f'crisis_ax = daily["Negative"].plot({CRISIS_LABELS})\n'
            'crisis_ax.axvline(daily["Negative"].idxmax())',
            'negative = daily["Negative"]\n'
            "fig, crisis_ax = plt.subplots(figsize=(10, 4))\n"
            "crisis_ax.plot(negative.index, negative.values)\n"
            'crisis_ax.axvline(negative.idxmax(), color="red")\n'
            'crisis_ax.set_title("NEGATIVE mentions per day")\n'
            'crisis_ax.set_xlabel("Day")\n'
            'crisis_ax.set_ylabel("Negative mentions")',
            'negative = mentions[mentions["Sentiment"] == "Negative"].set_index("Day").resample("D").size()\n'
            f"crisis_ax = negative.plot({CRISIS_LABELS})\n"
            'crisis_ax.axvline(negative.idxmax(), linestyle=":")\n'
            'crisis_ax.annotate("Lot 0314", xy=(negative.idxmax(), negative.max()))',
        ],
        "wrong": {
            "every mention": (
                f"every = daily.sum(axis=1)\ncrisis_ax = every.plot({CRISIS_LABELS})\n"
                "crisis_ax.axvline(every.idxmax())"
            ),
            "the viral day marked": (
                f'crisis_ax = daily["Negative"].plot({CRISIS_LABELS})\n'
                "crisis_ax.axvline(daily.sum(axis=1).idxmax())"
            ),
            "no vertical line": f'crisis_ax = daily["Negative"].plot({CRISIS_LABELS})',
            "days without negative mentions left out": (
                'negative = mentions[mentions["Sentiment"] == "Negative"].groupby("Day").size()\n'
                f"crisis_ax = negative.plot({CRISIS_LABELS})\n"
                "crisis_ax.axvline(negative.idxmax())"
            ),
            "no title": (
                'crisis_ax = daily["Negative"].plot(xlabel="Day", ylabel="Negative mentions")\n'
                'crisis_ax.axvline(daily["Negative"].idxmax())'
            ),
            "positive mentions": (
                f'crisis_ax = daily["Positive"].plot({CRISIS_LABELS})\n'
                'crisis_ax.axvline(daily["Positive"].idxmax())'
            ),
            "a legend": (
                f'crisis_ax = daily["Negative"].plot({CRISIS_LABELS}, legend=True)\n'
                'crisis_ax.axvline(daily["Negative"].idxmax())'
            ),
        },
        "says": {
            "every mention": "counts every mention",
            "the viral day marked": "marks the viral post",
            "no vertical line": "now mark the crisis day",
            "days without negative mentions left out": "Days without a negative mention are missing",
            "no title": "now fix the title",
            "positive mentions": "doesn't plot the numbers asked for",
            "a legend": "doesn't plot the numbers asked for",
        },
    },
    "ex9": {
        "right": [
            f'slide_ax = rate_by_weekday.plot(kind="bar", {SLIDE_LABELS})',
            "fig, slide_ax = plt.subplots(figsize=(8, 4))\n"
            "slide_ax.bar(rate_by_weekday.index, rate_by_weekday.values)\n"
            'slide_ax.set_title("X posts engage best from Tuesday to Thursday")\n'
            'slide_ax.set_xlabel("Weekday")\n'
            'slide_ax.set_ylabel("average engagement rate (%)")',
            f"slide_ax = rate_by_weekday.round(2).plot.bar({SLIDE_LABELS}, rot=0, color='tab:green')",
        ],
        "wrong": {
            "alphabetical order": f"slide_ax = rate_by_weekday.sort_index().plot.bar({SLIDE_LABELS})",
            "sum of rates": (
                'totals = (tweets.groupby("Weekday")["engagement rate"].sum() * 100).reindex(WEEKDAYS)\n'
                f"slide_ax = totals.plot.bar({SLIDE_LABELS})"
            ),
            "UTC weekdays": (
                UTC + 'utc_rates = tweets.groupby(utc.dt.day_name())["engagement rate"].mean() * 100\n'
                f"slide_ax = utc_rates.reindex(WEEKDAYS).plot.bar({SLIDE_LABELS})"
            ),
            "shares, not percent": f"slide_ax = (rate_by_weekday / 100).plot.bar({SLIDE_LABELS})",
            "a line chart": f"slide_ax = rate_by_weekday.plot({SLIDE_LABELS})",
            "horizontal bars": f"slide_ax = rate_by_weekday.plot.barh({SLIDE_LABELS})",
            "no title": (
                'slide_ax = rate_by_weekday.plot.bar(xlabel="Weekday", ylabel="Average engagement rate (%)")'
            ),
            "no y-axis label": (
                'slide_ax = rate_by_weekday.plot.bar(title="X posts engage best from Tuesday to Thursday")'
            ),
            "sorted by rate": f"slide_ax = rate_by_weekday.sort_values().plot.bar({SLIDE_LABELS})",
        },
        "says": {
            "alphabetical order": "alphabetical order",
            "sum of rates": "add up rates",
            "UTC weekdays": "weekdays in UTC",
            "shares, not percent": "shares (0.05), not percentages",
            "a line chart": "not the kind of chart asked for",
            "horizontal bars": "not the kind of chart asked for",
            "no title": "now fix the title",
            "no y-axis label": "the y-axis label",
            "sorted by rate": "doesn't plot the numbers asked for",
        },
    },
}
