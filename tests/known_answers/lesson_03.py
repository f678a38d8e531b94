"""Known right and wrong answers of lesson 03 (see __init__.py for what the tests do with them)."""

LESSON_ID = "03-crisis-or-noise"

ANSWERS = {
    "ex1": {
        "right": [
            'daily = mentions.groupby(["Day", "Sentiment"]).size().unstack(fill_value=0)',
            (
                'daily = mentions.pivot_table(index="Day", columns="Sentiment", values="Document ID", '
                'aggfunc="count", fill_value=0)'
            ),
        ],
        "wrong": {
            "empty cells instead of 0": 'daily = mentions.groupby(["Day", "Sentiment"]).size().unstack()',
            "the Date texts as rows": 'daily = pd.crosstab(mentions["Date"], mentions["Sentiment"])',
            "a row of totals": 'daily = pd.crosstab(mentions["Day"], mentions["Sentiment"], margins=True)',
            "shares, not counts": (
                'daily = pd.crosstab(mentions["Day"], mentions["Sentiment"], normalize="index")'
            ),
            "total mentions only": 'daily = mentions.groupby("Day").size()',
            "lower-case columns": 'daily = pd.crosstab(mentions["Day"], mentions["Sentiment"].str.lower())',
        },
        "says": {
            "empty cells instead of 0": "Some cells are empty (NaN)",
            "the Date texts as rows": "row labels are the Date texts",
            "a row of totals": "extra row of totals",
            "shares, not counts": "each day's shares",
            "total mentions only": "should be a table (DataFrame)",
            "lower-case columns": "has no column",
        },
    },
    "ex2": {
        "right": [
            'net_sentiment = (daily["Positive"] - daily["Negative"]) / daily.sum(axis=1)',
            ('net_sentiment = (daily["Positive"] / daily_total - daily["Negative"] / daily_total).round(3)'),
            'net_sentiment = ((daily["Positive"] - daily["Negative"]) / daily_total).to_frame("net")',
        ],
        "wrong": {
            "divided by positive + negative": (
                'net_sentiment = (daily["Positive"] - daily["Negative"]) '
                '/ (daily["Positive"] + daily["Negative"])'
            ),
            "Not Rated left out of the total": (
                'net_sentiment = (daily["Positive"] - daily["Negative"]) '
                '/ daily[["Positive", "Neutral", "Negative"]].sum(axis=1)'
            ),
            "sign flipped": 'net_sentiment = (daily["Negative"] - daily["Positive"]) / daily_total',
            "counts, not a share": 'net_sentiment = daily["Positive"] - daily["Negative"]',
            "a percentage": 'net_sentiment = 100 * (daily["Positive"] - daily["Negative"]) / daily_total',
            "one number for the whole period": (
                'net_sentiment = (daily["Positive"].sum() - daily["Negative"].sum()) / daily_total.sum()'
            ),
            "rounded to 1 decimal": (
                'net_sentiment = ((daily["Positive"] - daily["Negative"]) / daily_total).round(1)'
            ),
        },
        "says": {
            "divided by positive + negative": "divides by positive + negative mentions only",
            "Not Rated left out of the total": "leaves out the Not Rated mentions",
            "sign flipped": "The sign is flipped",
            "counts, not a share": "difference of the counts",
            "a percentage": "look like percentages",
            "one number for the whole period": "with a label on each row",
            "rounded to 1 decimal": "not all of its values are right yet",
        },
    },
    "ex3": {
        "right": [
            (
                'negative_z = (daily["Negative"] - daily["Negative"].rolling(28).mean().shift(1)) '
                '/ daily["Negative"].rolling(28).std().shift(1)'
            ),
            (
                'baseline = daily["Negative"].shift(1).rolling(WINDOW).agg(["mean", "std"])\n'
                'negative_z = ((daily["Negative"] - baseline["mean"]) / baseline["std"]).round(2)'
            ),
        ],
        "wrong": {
            "a baseline that includes the day": (
                'negative_z = (daily["Negative"] - daily["Negative"].rolling(28).mean()) '
                '/ daily["Negative"].rolling(28).std()'
            ),
            "total mentions, not negative ones": "negative_z = total_z",
            "STDEV.P": (
                'past = daily["Negative"].shift(1).rolling(28)\n'
                'negative_z = (daily["Negative"] - past.mean()) / past.std(ddof=0)'
            ),
            "a short baseline at the start": (
                'past = daily["Negative"].shift(1).rolling(28, min_periods=1)\n'
                'negative_z = (daily["Negative"] - past.mean()) / past.std()'
            ),
            "first 28 days dropped": (
                'past = daily["Negative"].shift(1).rolling(28)\n'
                'negative_z = ((daily["Negative"] - past.mean()) / past.std()).dropna()'
            ),
            "a 30-day baseline": (
                'past = daily["Negative"].shift(1).rolling(30)\n'
                'negative_z = (daily["Negative"] - past.mean()) / past.std()'
            ),
            "the whole period as baseline": (
                'negative_z = (daily["Negative"] - daily["Negative"].mean()) / daily["Negative"].std()'
            ),
            "not divided by the spread": (
                'negative_z = daily["Negative"] - daily["Negative"].shift(1).rolling(28).mean()'
            ),
        },
        "says": {
            "a baseline that includes the day": "includes the day being tested",
            "total mentions, not negative ones": "z-scores of all mentions",
            "STDEV.P": "STDEV.P",
            "a short baseline at the start": "no min_periods",
            "first 28 days dropped": "The first 28 days are missing",
            "a 30-day baseline": "30 days long",
            "the whole period as baseline": "average of the whole two years",
            "not divided by the spread": "not all of its values are right yet",
        },
    },
    "ex4": {
        "right": [
            "first_alert = negative_z[negative_z > 3].index[0]",
            "first_alert = (negative_z > THRESHOLD).idxmax()",
            "first_alert = str(negative_z[negative_z > THRESHOLD].index.min().date())",
        ],
        "wrong": {
            "total mentions": "first_alert = total_z[total_z > THRESHOLD].index.min()",
            "the highest score": "first_alert = negative_z.idxmax()",
            "the last alert": "first_alert = negative_z[negative_z > THRESHOLD].index.max()",
            "the whole period as baseline": (
                'z = (daily["Negative"] - daily["Negative"].mean()) / daily["Negative"].std()\n'
                "first_alert = z[z > THRESHOLD].index.min()"
            ),
            "every alert day": "first_alert = negative_z[negative_z > THRESHOLD]",
            "the score, not the day": "first_alert = negative_z.max()",
        },
        "says": {
            "total mentions": "all mentions cross the threshold",
            "the highest score": "the day with the highest score",
            "the last alert": "the last day above the threshold",
            "the whole period as baseline": "within the first 28 days",
            "every alert day": "one date is asked for",
            "the score, not the day": "should be a date",
        },
    },
    "ex5": {
        "right": [
            "first_crisis = daily.index[(negative_z > THRESHOLD) & (net_sentiment < 0)].min()",
            "crisis = negative_z.gt(3) & net_sentiment.lt(0)\nfirst_crisis = crisis.idxmax()",
        ],
        "wrong": {
            "net sentiment ignored": "first_crisis = first_alert",
            "zero counted as negative": (
                "first_crisis = negative_z[(negative_z > THRESHOLD) & (net_sentiment <= 0)].index.min()"
            ),
            "or instead of and": (
                "first_crisis = negative_z[(negative_z > THRESHOLD) | (net_sentiment < 0)].index.min()"
            ),
            "net sentiment alone": "first_crisis = net_sentiment[net_sentiment < 0].index.min()",
            "the last crisis day": (
                "first_crisis = negative_z[(negative_z > THRESHOLD) & (net_sentiment < 0)].index.max()"
            ),
            "a label, not a day": 'first_crisis = "crisis"',
        },
        "says": {
            "net sentiment ignored": "net sentiment was still above 0",
            "zero counted as negative": "exactly 0",
            "or instead of and": "one condition or the other",
            "net sentiment alone": "one condition or the other",
            "the last crisis day": "the last day meeting both conditions",
            "a label, not a day": "should be a date",
        },
    },
    "ex6": {
        "right": [
            "spike_days = net_sentiment.loc[total_z[total_z > 3].index]",
            "spike_days = net_sentiment[total_z > THRESHOLD].round(3).sort_values()",
            'spike_days = pd.DataFrame({"net sentiment": net_sentiment})[total_z > THRESHOLD]',
        ],
        "wrong": {
            "negative spikes, not volume": "spike_days = net_sentiment[negative_z > THRESHOLD]",
            "mention counts": "spike_days = daily_total[total_z > THRESHOLD]",
            "the z-scores": "spike_days = total_z[total_z > THRESHOLD]",
            "every day": "spike_days = net_sentiment",
            "a baseline that includes the day": (
                "z = (daily_total - daily_total.rolling(28).mean()) / daily_total.rolling(28).std()\n"
                "spike_days = net_sentiment[z > THRESHOLD]"
            ),
            "the whole table": "spike_days = daily[total_z > THRESHOLD]",
        },
        "says": {
            "negative spikes, not volume": "days when negative mentions spiked",
            "mention counts": "mention counts",
            "the z-scores": "z-scores of the days",
            "every day": "That's every day",
            "a baseline that includes the day": "includes the day itself",
            "the whole table": "one column of numbers is asked for",
        },
    },
    "ex7": {
        "right": [
            (
                'social_tickets = tickets[tickets["Via"].isin(SOCIAL_CHANNELS)]["Day"].value_counts()'
                ".reindex(daily.index, fill_value=0)"
            ),
            (
                'social_tickets = tickets.assign(social=tickets["Via"].isin(SOCIAL_CHANNELS))'
                '.groupby("Day")["social"].sum().reindex(daily_total.index, fill_value=0)'
            ),
            (
                'social_tickets = pd.crosstab(tickets["Day"], tickets["Via"])[SOCIAL_CHANNELS].sum(axis=1)'
                ".reindex(daily_total.index, fill_value=0)"
            ),
        ],
        "wrong": {
            "every channel": "social_tickets = tickets_per_day",
            "days without tickets missing": (
                'social_tickets = tickets[tickets["Via"].isin(SOCIAL_CHANNELS)].groupby("Day").size()'
            ),
            "resampled from the first ticket": (
                'social_tickets = tickets[tickets["Via"].isin(SOCIAL_CHANNELS)].set_index("Created at")'
                '.resample("D").size()'
            ),
            "by the day solved": (
                'social = tickets[tickets["Via"].isin(SOCIAL_CHANNELS)]\n'
                'solved = pd.to_datetime(social["Solved at"]).dt.normalize()\n'
                "social_tickets = social.groupby(solved).size().reindex(daily_total.index, fill_value=0)"
            ),
            "one channel": (
                'social_tickets = tickets[tickets["Via"] == "Facebook Messenger"].groupby("Day").size()'
                ".reindex(daily_total.index, fill_value=0)"
            ),
            "one number": 'social_tickets = tickets["Via"].isin(SOCIAL_CHANNELS).sum()',
        },
        "says": {
            "every channel": "tickets of every channel",
            "days without tickets missing": "Days without a social ticket are missing",
            "resampled from the first ticket": "The first day of the period is missing",
            "by the day solved": "the day each ticket was solved",
            "one channel": "one channel only",
            "one number": "with a label on each row",
        },
    },
    "ex8": {
        "right": [
            (
                "ticket_lift = social_tickets[first_crisis:].iloc[:7].mean() "
                "/ social_tickets[:first_crisis].iloc[-29:-1].mean()"
            ),
            (
                "ticket_lift = round(social_tickets.rolling(7).mean().shift(-6)[first_crisis] "
                "/ social_tickets.shift(1).rolling(28).mean()[first_crisis], 2)"
            ),
        ],
        "wrong": {
            "every channel": (
                "ticket_lift = tickets_per_day[first_crisis:].iloc[:7].mean() "
                "/ tickets_per_day[:first_crisis].iloc[-29:-1].mean()"
            ),
            "sums, not averages": (
                "ticket_lift = social_tickets[first_crisis:].iloc[:7].sum() "
                "/ social_tickets[:first_crisis].iloc[-29:-1].sum()"
            ),
            "a difference": (
                "ticket_lift = social_tickets[first_crisis:].iloc[:7].mean() "
                "- social_tickets[:first_crisis].iloc[-29:-1].mean()"
            ),
            "the week after the crisis day": (
                "ticket_lift = social_tickets[first_crisis:].iloc[1:8].mean() "
                "/ social_tickets[:first_crisis].iloc[-29:-1].mean()"
            ),
            "an 8-day week": (
                "ticket_lift = social_tickets[first_crisis : first_crisis + pd.Timedelta(days=7)].mean() "
                "/ social_tickets[:first_crisis].iloc[-29:-1].mean()"
            ),
            "the crisis day in the baseline": (
                "ticket_lift = social_tickets[first_crisis:].iloc[:7].mean() "
                "/ social_tickets[first_crisis - pd.Timedelta(days=28) : first_crisis].mean()"
            ),
            "the increase": (
                "ticket_lift = social_tickets[first_crisis:].iloc[:7].mean() "
                "/ social_tickets[:first_crisis].iloc[-29:-1].mean() - 1"
            ),
            "against the whole period": (
                "ticket_lift = social_tickets[first_crisis:].iloc[:7].mean() / social_tickets.mean()"
            ),
            "the crisis week itself": "ticket_lift = social_tickets[first_crisis:].iloc[:7]",
        },
        "says": {
            "every channel": "lift of all tickets",
            "sums, not averages": "7-day total by a 28-day total",
            "a difference": "That's a difference",
            "the week after the crisis day": "starts the day after first_crisis",
            "an 8-day week": "has 8 days",
            "the crisis day in the baseline": "include first_crisis itself",
            "the increase": "the ratio minus 1",
            "against the whole period": "average of the whole two years",
            "the crisis week itself": "one number is asked for",
        },
    },
}
