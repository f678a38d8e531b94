"""Known right and wrong answers of lesson 10 (see __init__.py for what the tests do with them)."""

LESSON_ID = "10-saving-money"

_CALENDAR = '"First reply time in minutes"'
_BUSINESS = '"First reply time in minutes within business hours"'


def _reply(how="median", scale="60", key='"Channel"', calendar=_CALENDAR, business=_BUSINESS):
    """The code of a reply_hours answer: one statistic of two columns by `key`, divided by `scale`."""
    return (
        f"groups = tickets.groupby({key})\n"
        "reply_hours = pd.DataFrame({\n"
        f'    "Calendar": groups[{calendar}].{how}() / {scale},\n'
        f'    "Business hours": groups[{business}].{how}() / {scale},\n'
        "})"
    )


_SCORES = 'counts = pd.crosstab(tickets["Channel"], tickets["Satisfaction Score"])\n'
_PHONE_EMAIL = "n = tickets_by_channel\nc = cost_per_contact\n"
_SOCIAL = 'social_n = (tickets["Channel"] == "Social").sum()\n'
_WEEK = 'week = tickets.loc[in_week, "Channel"].value_counts()\n'
_BASELINE = 'base = tickets.loc[in_baseline, "Channel"].value_counts()\n'


def _crisis_reply(how="median", scale="60", column=_BUSINESS, which='tickets["Channel"] == "Social"'):
    return (
        f"which = {which}\n"
        f"minutes = tickets[{column}]\n"
        "crisis_reply_hours = pd.Series({\n"
        f'    "baseline": minutes[which & in_baseline].{how}() / {scale},\n'
        f'    "crisis week": minutes[which & in_week].{how}() / {scale},\n'
        "})"
    )


ANSWERS = {
    "ex1": {
        "right": [
            'tickets_by_channel = tickets.groupby("Channel").size()',
            'tickets_by_channel = tickets.pivot_table(index="Channel", values="Id", aggfunc="count")',
            'tickets_by_channel = pd.crosstab(tickets["Channel"], "tickets").sort_values("tickets")',
        ],
        "wrong": {
            "counted by Via": 'tickets_by_channel = tickets["Via"].value_counts()',
            "shares": 'tickets_by_channel = tickets["Channel"].value_counts(normalize=True)',
            "web form apart": (
                'tickets_by_channel = tickets["Via"].map(CHANNEL_OF_VIA | {"Web form": "Web form"})'
                ".value_counts()"
            ),
            "social networks only": (
                'tickets_by_channel = tickets.loc[tickets["Channel"] == "Social", "Via"].value_counts()'
            ),
            "every column counted": 'tickets_by_channel = tickets.groupby("Channel").count()',
            "one number": "tickets_by_channel = len(tickets)",
        },
        "says": {
            "counted by Via": "counted by Via",
            "shares": "shares of all tickets",
            "web form apart": "Web form tickets are a channel of their own",
            "social networks only": "doesn't have the number of rows asked for",
            "every column counted": "one column of numbers is asked for",
            "one number": "should be a column of values",
        },
    },
    "ex2": {
        "right": [
            'social_share = tickets_by_channel["Social"] / tickets_by_channel.sum()',
            'social_share = round(len(tickets[tickets["Channel"] == "Social"]) / len(tickets), 4)',
            'social_share = float(tickets["Via"].isin(SOCIAL_VIAS).mean())',
        ],
        "wrong": {
            "a percentage": 'social_share = 100 * (tickets["Channel"] == "Social").mean()',
            "divided by the other tickets": (
                'social_share = tickets_by_channel["Social"] / tickets_by_channel.drop("Social").sum()'
            ),
            "chat counted as social": 'social_share = tickets["Channel"].isin(["Social", "Chat"]).mean()',
            "Facebook only": 'social_share = (tickets["Via"] == "Facebook Messenger").mean()',
            "the count": 'social_share = (tickets["Channel"] == "Social").sum()',
            "three channels of seven": "social_share = 3 / 7",
            "a text": "social_share = f\"{(tickets['Channel'] == 'Social').mean():.1%}\"",
        },
        "says": {
            "a percentage": "looks like a percentage",
            "divided by the other tickets": "divides the social tickets by the other tickets",
            "chat counted as social": "Chat is in there too",
            "Facebook only": "one network only",
            "the count": "number of social tickets",
            "three channels of seven": "not the number asked for yet",
            "a text": "it should be a number",
        },
    },
    "ex3": {
        "right": [
            _reply(),
            "reply_hours = (\n"
            f'    tickets.groupby("Channel")[[{_CALENDAR}, {_BUSINESS}]].median() / 60\n'
            ').set_axis(["Calendar", "Business hours"], axis=1).round(2)',
            f'reply_hours = tickets.pivot_table(index="Channel", values=[{_BUSINESS}, {_CALENDAR}], '
            'aggfunc="median").div(60)\n'
            f'names = {{{_CALENDAR}: "Calendar", {_BUSINESS}: "Business hours"}}\n'
            "reply_hours = reply_hours.rename(columns=names)\n"
            'reply_hours["Tickets"] = tickets_by_channel',
        ],
        "wrong": {
            "means": _reply(how="mean"),
            "minutes": _reply(scale="1"),
            "days": _reply(scale="(60 * 24)"),
            "columns swapped": _reply(calendar=_BUSINESS, business=_CALENDAR),
            "resolution time": _reply(calendar='"Full resolution time in minutes"'),
            "by Via": _reply(key='"Via"'),
            "lower-case columns": _reply().replace('"Calendar"', '"calendar"'),
            "one channel": (
                f'reply_hours = tickets[tickets["Channel"] == "Social"].groupby("Channel")[[{_CALENDAR}, '
                f'{_BUSINESS}]].median().set_axis(["Calendar", "Business hours"], axis=1) / 60'
            ),
        },
        "says": {
            "means": "Those are means",
            "minutes": "Those look like minutes",
            "days": "Those look like days",
            "columns swapped": "two columns are swapped",
            "resolution time": "full resolution time",
            "by Via": "seven Via values",
            "lower-case columns": "has no column 'Calendar'",
            "one channel": "doesn't have the number of rows asked for",
        },
    },
    "ex4": {
        "right": [
            'counts = tickets.groupby(["Channel", "Satisfaction Score"]).size().unstack()\n'
            'satisfaction_rate = counts["Good"] / counts[["Good", "Bad"]].sum(axis=1)',
            'rated = tickets[tickets["Satisfaction Score"].isin(["Good", "Bad"])]\n'
            'satisfaction_rate = (rated["Satisfaction Score"] == "Good").groupby(rated["Channel"]).mean()',
            'rated = tickets[tickets["Satisfaction Score"].isin(["Good", "Bad"])]\n'
            'satisfaction_rate = pd.crosstab(rated["Channel"], rated["Satisfaction Score"], '
            'normalize="index")[["Good"]].round(4)',
        ],
        "wrong": {
            "Good over all tickets": (
                'good = tickets["Satisfaction Score"] == "Good"\n'
                'satisfaction_rate = good.groupby(tickets["Channel"]).mean()'
            ),
            "Offered counted as rated": _SCORES
            + 'satisfaction_rate = counts["Good"] / (counts["Good"] + counts["Bad"] + counts["Offered"])',
            "Bad rate": _SCORES + 'satisfaction_rate = counts["Bad"] / (counts["Good"] + counts["Bad"])',
            "percentages": _SCORES
            + 'satisfaction_rate = 100 * counts["Good"] / (counts["Good"] + counts["Bad"])',
            "Good over Bad": _SCORES + 'satisfaction_rate = counts["Good"] / counts["Bad"]',
            "the overall rate": "satisfaction_rate = overall_rate",
            "by Via": 'counts = pd.crosstab(tickets["Via"], tickets["Satisfaction Score"])\n'
            'satisfaction_rate = counts["Good"] / (counts["Good"] + counts["Bad"])',
        },
        "says": {
            "Good over all tickets": "divides Good by all tickets",
            "Offered counted as rated": "Offered tickets are in your denominator",
            "Bad rate": "share of Bad ratings",
            "percentages": "look like percentages",
            "Good over Bad": "divide Good by Bad",
            "the overall rate": "should be a column of values",
            "by Via": "doesn't have the number of rows asked for",
        },
    },
    "ex5": {
        "right": [
            "channel_cost = tickets_by_channel * cost_per_contact",
            'channel_cost = tickets["Channel"].map(cost_per_contact).groupby(tickets["Channel"]).sum()',
            "channel_cost = pd.Series(\n"
            '    {name: (tickets["Channel"] == name).sum() * c for name, c in cost_per_contact.items()}\n'
            ").round(2)",
        ],
        "wrong": {
            "paired by position": 'counts = tickets["Channel"].value_counts()\n'
            "channel_cost = pd.Series(counts.values * cost_per_contact.values, index=counts.index)",
            "the counts": "channel_cost = tickets_by_channel",
            "every contact at the phone cost": (
                'channel_cost = tickets_by_channel * finance["Cost per phone contact"]'
            ),
            "web form left out": (
                'kept = tickets.loc[tickets["Via"] != "Web form", "Channel"]\n'
                "channel_cost = kept.value_counts() * cost_per_contact"
            ),
            "the total": "channel_cost = (tickets_by_channel * cost_per_contact).sum()",
            "per year": "channel_cost = tickets_by_channel * cost_per_contact / 2",
        },
        "says": {
            "paired by position": "paired by position",
            "the counts": "Those are numbers of tickets",
            "every contact at the phone cost": "priced at the phone's cost",
            "web form left out": "Web form tickets are left out of Email",
            "the total": "should be a column of values",
            "per year": "not all of its values are right yet",
        },
    },
    "ex6": {
        "right": [
            'pe = tickets_by_channel[["Phone", "Email"]]\n'
            "blended_cost = (pe * cost_per_contact[pe.index]).sum() / pe.sum()",
            'blended_cost = tickets.loc[tickets["Channel"].isin(["Phone", "Email"]), "Channel"]'
            ".map(cost_per_contact).mean()",
            "import numpy as np\n\n"
            'blended_cost = round(float(np.average(cost_per_contact[["Phone", "Email"]], '
            'weights=tickets_by_channel[["Phone", "Email"]])), 2)',
        ],
        "wrong": {
            "plain average": 'blended_cost = cost_per_contact[["Phone", "Email"]].mean()',
            "weights swapped": _PHONE_EMAIL + 'swapped = n["Email"] * c["Phone"] + n["Phone"] * c["Email"]\n'
            'blended_cost = swapped / (n["Phone"] + n["Email"])',
            "web form left out": _PHONE_EMAIL + 'emails = (tickets["Via"] == "Email").sum()\n'
            'blended_cost = (n["Phone"] * c["Phone"] + emails * c["Email"]) / (n["Phone"] + emails)',
            "chat in the mix": 'pe = tickets_by_channel[["Phone", "Email", "Chat"]]\n'
            "blended_cost = (pe * cost_per_contact[pe.index]).sum() / pe.sum()",
            "every ticket": 'blended_cost = tickets["Channel"].map(cost_per_contact).mean()',
            "the phone cost": 'blended_cost = cost_per_contact["Phone"]',
            "not added up": 'pe = tickets_by_channel[["Phone", "Email"]]\n'
            "blended_cost = pe * cost_per_contact[pe.index] / pe.sum()",
        },
        "says": {
            "plain average": "plain average of the two costs",
            "weights swapped": "weights are swapped",
            "web form left out": "Web form tickets are left out of the email weight",
            "chat in the mix": "Chat is in the mix",
            "every ticket": "average cost of every ticket",
            "the phone cost": "not the number asked for yet",
            "not added up": "one number is asked for",
        },
    },
    "ex7": {
        "right": [
            'savings = tickets_by_channel["Social"] * (blended_cost - cost_per_contact["Social"])',
            _SOCIAL + 'savings = round(social_n * blended_cost - social_n * cost_per_contact["Social"])',
            _SOCIAL + "n = tickets_by_channel\n"
            'phone = n["Phone"] * finance["Cost per phone contact"]\n'
            'email = n["Email"] * finance["Cost per email contact"]\n'
            'per_contact = (phone + email) / (n["Phone"] + n["Email"]) - finance["Cost per social contact"]\n'
            "savings = social_n * per_contact",
        ],
        "wrong": {
            "social cost not subtracted": _SOCIAL + "savings = social_n * blended_cost",
            "plain average": _SOCIAL
            + 'c = cost_per_contact\nsavings = social_n * (c[["Phone", "Email"]].mean() - c["Social"])',
            "all by phone": _SOCIAL
            + 'savings = social_n * (cost_per_contact["Phone"] - cost_per_contact["Social"])',
            "all by email": _SOCIAL
            + 'savings = social_n * (cost_per_contact["Email"] - cost_per_contact["Social"])',
            "the wrong way round": _SOCIAL
            + 'savings = social_n * (cost_per_contact["Social"] - blended_cost)',
            "one contact": 'savings = blended_cost - cost_per_contact["Social"]',
            "per year": _SOCIAL + 'savings = social_n * (blended_cost - cost_per_contact["Social"]) / 2',
            "every channel": "savings = tickets_by_channel * (blended_cost - cost_per_contact)",
        },
        "says": {
            "social cost not subtracted": "would have cost by phone and email",
            "plain average": "plain average of the phone and email costs",
            "all by phone": "would have been a phone call",
            "all by email": "would have been an email",
            "the wrong way round": "That's negative",
            "one contact": "the saving of one contact",
            "per year": "not the number asked for yet",
            "every channel": "one number is asked for",
        },
    },
    "ex8": {
        "right": [
            'crisis_load = (tickets[in_week].groupby("Channel").size() / 7) / (\n'
            '    tickets[in_baseline].groupby("Channel").size() / 28\n'
            ")",
            _WEEK + _BASELINE + "crisis_load = week * 4 / base",
            'week = tickets[tickets["Day"].between(crisis_day, crisis_day + pd.Timedelta(days=6))]\n'
            "start = crisis_day - pd.Timedelta(days=28)\n"
            'base = tickets[(tickets["Day"] >= start) & (tickets["Day"] < crisis_day)]\n'
            'week_n, base_n = pd.crosstab(week["Channel"], "n"), pd.crosstab(base["Channel"], "n")\n'
            "crisis_load = (week_n / 7) / (base_n / 28)",
        ],
        "wrong": {
            "counts, not per day": _WEEK + _BASELINE + "crisis_load = week / base",
            "days without tickets left out": 'week = tickets[in_week].groupby(["Channel", "Day"]).size()'
            '.groupby("Channel").mean()\n'
            'base = tickets[in_baseline].groupby(["Channel", "Day"]).size().groupby("Channel").mean()\n'
            "crisis_load = week / base",
            "baseline includes the week": _WEEK + 'both = tickets["Day"].between(baseline_start, week_end)\n'
            'both = tickets.loc[both, "Channel"].value_counts()\n'
            "crisis_load = (week / 7) / (both / 35)",
            "the whole two years as baseline": _WEEK
            + 'rest = tickets.loc[~in_week, "Channel"].value_counts()\n'
            "days = (last_day - first_day).days + 1\n"
            "crisis_load = (week / 7) / (rest / (days - 7))",
            "a difference": _WEEK + _BASELINE + "crisis_load = week / 7 - base / 28",
            "periods by Created at": 'created = tickets["Created at"]\n'
            'week = tickets.loc[created.between(crisis_day, week_end), "Channel"].value_counts()\n'
            'base = tickets.loc[created.between(baseline_start, baseline_end), "Channel"].value_counts()\n'
            "crisis_load = (week / 7) / (base / 28)",
            "all channels together": "crisis_load = (in_week.sum() / 7) / (in_baseline.sum() / 28)",
            "social only": _WEEK + _BASELINE + 'crisis_load = (week / 7 / (base / 28))[["Social"]]',
        },
        "says": {
            "counts, not per day": "divide a week's tickets by four weeks' tickets",
            "days without tickets left out": "leave out the days without a ticket",
            "baseline includes the week": "baseline includes the crisis week",
            "the whole two years as baseline": "every other day of the two years",
            "a difference": "extra tickets a day",
            "periods by Created at": "Your periods lose their last day",
            "all channels together": "should be a column of values",
            "social only": "doesn't have the number of rows asked for",
        },
    },
    "ex9": {
        "right": [
            _crisis_reply(),
            'social = tickets[(tickets["Channel"] == "Social") & (in_week | in_baseline)]\n'
            'period = in_week[social.index].map({True: "crisis week", False: "baseline"})\n'
            f"crisis_reply_hours = social.groupby(period)[{_BUSINESS}].median() / 60",
            'social = tickets[tickets["Via"].isin(SOCIAL_VIAS)]\n'
            'week = social[social["Day"].between(crisis_day, week_end)]\n'
            'base = social[social["Day"].between(baseline_start, baseline_end)]\n'
            "crisis_reply_hours = pd.Series(\n"
            f"    [base[{_BUSINESS}].median() / 60, week[{_BUSINESS}].median() / 60],\n"
            '    index=["baseline", "crisis week"],\n'
            ").to_frame()",
        ],
        "wrong": {
            "means": _crisis_reply(how="mean"),
            "minutes": _crisis_reply(scale="1"),
            "calendar time": _crisis_reply(column=_CALENDAR),
            "every channel": _crisis_reply(which='tickets["Channel"].notna()'),
            "capitalised labels": _crisis_reply().replace('"baseline"', '"Baseline"'),
            "one number": (
                f'social = tickets["Channel"] == "Social"\nminutes = tickets[{_BUSINESS}]\n'
                "crisis_reply_hours = (\n"
                "    minutes[social & in_week].median() / minutes[social & in_baseline].median()\n"
                ")"
            ),
        },
        "says": {
            "means": "Those are means",
            "minutes": "Those look like minutes",
            "calendar time": "Those are calendar times",
            "every channel": "every channel",
            "capitalised labels": "row labels aren't the ones asked for",
            "one number": "should be a column of values",
        },
    },
}
