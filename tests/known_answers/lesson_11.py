"""Known right and wrong answers of lesson 11 (see __init__.py for what the tests do with them)."""

LESSON_ID = "11-b2b-pipeline"

_SOURCE = 'source = contacts["Original Traffic Source"]\n'
_LEAD_GEN = 'lead_gen = contacts["First Conversion"].str.startswith("LinkedIn Lead Gen Form")\n'
_UNFIXED = (
    'unfixed = contacts["Original Traffic Source"]'
    '.replace({"SOCIAL_MEDIA": "LinkedIn", "PAID_SOCIAL": "LinkedIn"})\n'
)
_N_LINKEDIN = '(deals_joined["Channel"] == "LinkedIn").sum()'
_BY_ID = 'by_id = contacts.set_index("Record ID")\n'
_LINKEDIN_DEALS = 'li = deals_joined[deals_joined["Channel"] == "LinkedIn"]\n'
_WON_DEALS = 'w = deals_joined[deals_joined["Deal Stage"] == "Closed Won"]\n'


def _revenue(pipeline, closed_won, deals="li"):
    return (
        _LINKEDIN_DEALS
        + f'linkedin_revenue = pd.Series({{"pipeline": {deals}.loc[{pipeline}, "Amount"].sum(), '
        + f'"closed_won": {deals}.loc[{closed_won}, "Amount"].sum()}})'
    )


_OPEN = '~li["Deal Stage"].isin(["Closed Won", "Closed Lost"])'
_WON = 'li["Deal Stage"] == "Closed Won"'
_LOST = 'li["Deal Stage"] == "Closed Lost"'

_CLICKS = 'clicks = daily.groupby(day.dt.to_period("M"))["{column}"].sum()\n'
_LEADS = 'leads = contacts.loc[{rows}, "Create Date"].dt.to_period("M").value_counts()\n'


def _monthly(column="Clicks (total)", rows='contacts["Channel"] == "LinkedIn"'):
    return (
        _CLICKS.format(column=column)
        + _LEADS.format(rows=rows)
        + 'monthly = pd.DataFrame({"Clicks": clicks, "Leads": leads})'
    )


ANSWERS = {
    "ex1": {
        "right": [
            'leads_by_source = contacts.groupby("Original Traffic Source").size()',
            'leads_by_source = contacts.pivot_table(index="Original Traffic Source", values="Record ID", '
            'aggfunc="count")',
            'leads_by_source = contacts["Original Traffic Source"].value_counts().sort_index()',
        ],
        "wrong": {
            "lifecycle stage lead only": (
                'leads_by_source = contacts[contacts["Lifecycle Stage"] == "lead"]'
                '["Original Traffic Source"].value_counts()'
            ),
            "shares": 'leads_by_source = contacts["Original Traffic Source"].value_counts(normalize=True)',
            "drill-down": 'leads_by_source = contacts["Original Traffic Source Drill-Down 1"].value_counts()',
            "one number": "leads_by_source = len(contacts)",
            "every column counted": 'leads_by_source = contacts.groupby("Original Traffic Source").count()',
            "the column itself": 'leads_by_source = contacts["Original Traffic Source"]',
        },
        "says": {
            "lifecycle stage lead only": "Lifecycle Stage is lead",
            "shares": "shares of all contacts",
            "drill-down": "values of Drill-Down 1",
            "one number": "should be a column of values",
            "every column counted": "one column of numbers is asked for",
            "the column itself": "doesn't have the number of rows asked for",
        },
    },
    "ex2": {
        "right": [
            _SOURCE
            + 'linkedin = source.isin(["SOCIAL_MEDIA", "PAID_SOCIAL"]) | (source.eq("OFFLINE") '
            + '& contacts["First Conversion"].str.contains("Lead Gen Form"))\n'
            + 'contacts["Channel"] = source.where(~linkedin, "LinkedIn")',
            "def channel_of(row):\n"
            '    source = row["Original Traffic Source"]\n'
            "    if source in LINKEDIN_SOURCES:\n"
            '        return "LinkedIn"\n'
            '    if source == "OFFLINE" and row["First Conversion"].startswith(LEAD_GEN_FORM):\n'
            '        return "LinkedIn"\n'
            "    return source\n"
            "\n"
            'contacts["Channel"] = contacts.apply(channel_of, axis=1)',
            'contacts["Channel"] = contacts["Original Traffic Source"]\n'
            + _LEAD_GEN
            + 'contacts.loc[contacts["Channel"].isin(LINKEDIN_SOURCES), "Channel"] = "LinkedIn"\n'
            + 'contacts.loc[(contacts["Channel"] == "OFFLINE") & lead_gen, "Channel"] = "LinkedIn"',
        ],
        "wrong": {
            "OFFLINE not fixed": 'contacts["Channel"] = ' + _UNFIXED.removeprefix("unfixed = "),
            "only the OFFLINE ones fixed": (
                _SOURCE
                + _LEAD_GEN
                + 'contacts["Channel"] = source.mask((source == "OFFLINE") & lead_gen, "LinkedIn")'
            ),
            "every OFFLINE contact moved": (
                _SOURCE
                + 'contacts["Channel"] = source.mask(source.isin(["SOCIAL_MEDIA", "PAID_SOCIAL", "OFFLINE"]),'
                + ' "LinkedIn")'
            ),
            "Lead Gen Form alone": _SOURCE
            + _LEAD_GEN
            + 'contacts["Channel"] = source.mask(lead_gen, "LinkedIn")',
            "source unchanged": 'contacts["Channel"] = contacts["Original Traffic Source"]',
            "the condition itself": (
                _SOURCE
                + _LEAD_GEN
                + 'contacts["Channel"] = source.isin(LINKEDIN_SOURCES) | ((source == "OFFLINE") & lead_gen)'
            ),
            "lower case": (
                _SOURCE
                + _LEAD_GEN
                + 'contacts["Channel"] = source.mask(source.isin(LINKEDIN_SOURCES) | ((source == "OFFLINE") '
                + '& lead_gen), "linkedin")'
            ),
        },
        "says": {
            "OFFLINE not fixed": "are still OFFLINE",
            "only the OFFLINE ones fixed": "kept their codes",
            "every OFFLINE contact moved": "trade-show badge scans included",
            "Lead Gen Form alone": "who filled in a website form are LinkedIn too",
            "source unchanged": "Original Traffic Source unchanged",
            "the condition itself": "True/False values",
            "lower case": "not all of its values are right yet",
        },
    },
    "ex3": {
        "right": [
            'leads_by_channel = contacts.groupby("Channel")["Record ID"].count()',
            'leads_by_channel = contacts["Channel"].value_counts().to_frame("Leads")',
        ],
        "wrong": {
            "before the fix": 'leads_by_channel = contacts["Original Traffic Source"].value_counts()',
            "OFFLINE not fixed": _UNFIXED + "leads_by_channel = unfixed.value_counts()",
            "every OFFLINE contact moved": (
                _SOURCE
                + 'leads_by_channel = source.mask(source.isin([*LINKEDIN_SOURCES, "OFFLINE"]), "LinkedIn")'
                + ".value_counts()"
            ),
            "shares": 'leads_by_channel = contacts["Channel"].value_counts(normalize=True)',
            "LinkedIn only": 'leads_by_channel = (contacts["Channel"] == "LinkedIn").sum()',
        },
        "says": {
            "before the fix": "before the fix",
            "OFFLINE not fixed": "as OFFLINE still",
            "every OFFLINE contact moved": "trade-show scans included",
            "shares": "Those are shares",
            "LinkedIn only": "should be a column of values",
        },
    },
    "ex4": {
        "right": [
            'lookup = contacts[["Record ID", "Channel"]].rename(columns={"Record ID": "Contact ID"})\n'
            'deals_joined = deals.merge(lookup, on="Contact ID", how="left")',
            'channel_of = contacts.set_index("Record ID")["Channel"]\n'
            'deals_joined = deals.assign(Channel=deals["Contact ID"].map(channel_of))',
            'deals_joined = deals.merge(contacts, left_on="Contact ID", right_on="Record ID").sample(frac=1, '
            "random_state=1)",
        ],
        "wrong": {
            "joined on company names": (
                'named = deals.assign(Company=deals["Deal Name"].str.replace(" | Wholesale", ""))\n'
                'deals_joined = named.merge(contacts, left_on="Company", right_on="Company Name")'
            ),
            "contacts on the left": (
                'deals_joined = contacts.merge(deals, left_on="Record ID", right_on="Contact ID", how="left")'
            ),
            "OFFLINE not fixed": _UNFIXED
            + _BY_ID
            + 'deals_joined = deals.assign(Channel=deals["Contact ID"].map(unfixed.set_axis(by_id.index)))',
            "Original Traffic Source as channel": (
                _BY_ID
                + 'deals_joined = deals.assign(Channel=deals["Contact ID"]'
                + '.map(by_id["Original Traffic Source"]))'
            ),
            "no Channel column": "deals_joined = deals.copy()",
            "pasted side by side": (
                'first_channels = contacts["Channel"].iloc[: len(deals)].to_numpy()\n'
                "deals_joined = deals.assign(Channel=first_channels)"
            ),
        },
        "says": {
            "joined on company names": "the join matched company names",
            "contacts on the left": "contacts are on the left of the merge",
            "OFFLINE not fixed": "still OFFLINE in your Channel column",
            "Original Traffic Source as channel": "The Channel column holds Original Traffic Source",
            "no Channel column": "has no column 'Channel'",
            "pasted side by side": "not all of its values are right yet",
        },
    },
    "ex5": {
        "right": [
            'decided = deals_joined[deals_joined["Deal Stage"].isin(["Closed Won", "Closed Lost"])]\n'
            'win_rates = decided.groupby("Channel")["Is Closed Won"].mean()',
            't = pd.crosstab(deals_joined["Channel"], deals_joined["Deal Stage"])\n'
            'win_rates = t["Closed Won"] / (t["Closed Won"] + t["Closed Lost"])',
        ],
        "wrong": {
            "open deals counted as won": (
                'not_lost = deals_joined["Deal Stage"] != "Closed Lost"\n'
                'win_rates = not_lost.groupby(deals_joined["Channel"]).mean()'
            ),
            "open deals in the denominator": (
                'win_rates = deals_joined.groupby("Channel")["Is Closed Won"].mean()'
            ),
            "loss rate": (
                't = pd.crosstab(deals_joined["Channel"], deals_joined["Deal Stage"])\n'
                'win_rates = t["Closed Lost"] / (t["Closed Won"] + t["Closed Lost"])'
            ),
            "percentages": (
                'decided = deals_joined[deals_joined["Deal Stage"].isin(["Closed Won", "Closed Lost"])]\n'
                'win_rates = 100 * decided.groupby("Channel")["Is Closed Won"].mean()'
            ),
            "OFFLINE not fixed": (
                _UNFIXED
                + _BY_ID
                + 'channel = deals["Contact ID"].map(unfixed.set_axis(by_id.index))\n'
                + "win_rates = won.groupby(channel).sum() / (won | lost).groupby(channel).sum()"
            ),
            "by Original Traffic Source": (
                _BY_ID
                + 'channel = deals["Contact ID"].map(by_id["Original Traffic Source"])\n'
                + "win_rates = won.groupby(channel).sum() / (won | lost).groupby(channel).sum()"
            ),
            "one number": "win_rates = overall_win_rate",
        },
        "says": {
            "open deals counted as won": "count open deals as won",
            "open deals in the denominator": "divide by every deal",
            "loss rate": "loss rates",
            "percentages": "Those are percentages",
            "OFFLINE not fixed": "before the fix",
            "by Original Traffic Source": "group by Original Traffic Source",
            "one number": "should be a column of values",
        },
    },
    "ex6": {
        "right": [
            _WON_DEALS
            + 'd = (w["Close Date"] - w["Create Date"].dt.floor("D")).dt.days\n'
            + 'days_to_close = d.groupby(w["Channel"]).median()',
            'days_to_close = days[won].groupby(deals_joined.loc[won, "Channel"]).median().round(1)',
        ],
        "wrong": {
            "time of day kept": (
                _WON_DEALS
                + 'd = (w["Close Date"] - w["Create Date"]).dt.days\n'
                + 'days_to_close = d.groupby(w["Channel"]).median()'
            ),
            "average": 'days_to_close = days[won].groupby(deals_joined.loc[won, "Channel"]).mean()',
            "lost deals included": (
                "closed = won | lost\n"
                'days_to_close = days[closed].groupby(deals_joined.loc[closed, "Channel"]).median()'
            ),
            "open deals included": (
                'kept = ~lost\ndays_to_close = days[kept].groupby(deals_joined.loc[kept, "Channel"]).median()'
            ),
            "every deal": 'days_to_close = days.groupby(deals_joined["Channel"]).median()',
            "from the contact's Create Date": (
                _BY_ID
                + _WON_DEALS
                + 'lead_day = w["Contact ID"].map(by_id["Create Date"]).dt.normalize()\n'
                + 'days_to_close = (w["Close Date"] - lead_day).dt.days.groupby(w["Channel"]).median()'
            ),
            "OFFLINE not fixed": (
                _UNFIXED
                + _BY_ID
                + 'channel = deals["Contact ID"].map(unfixed.set_axis(by_id.index))\n'
                + "days_to_close = days[won].groupby(channel[won]).median()"
            ),
            "one number": "days_to_close = days[won].median()",
        },
        "says": {
            "time of day kept": "count the time of day too",
            "average": "Those are averages",
            "lost deals included": "include the lost deals",
            "open deals included": "include open deals",
            "every deal": "include every deal",
            "from the contact's Create Date": "from the contact's Create Date",
            "OFFLINE not fixed": "before the fix",
            "one number": "should be a column of values",
        },
    },
    "ex7": {
        "right": [
            _revenue('~li["Deal Stage"].str.startswith("Closed")', _WON),
            _LINKEDIN_DEALS
            + 'status = li["Deal Stage"].where(li["Deal Stage"].str.startswith("Closed"), "pipeline")\n'
            + 'linkedin_revenue = li.groupby(status)["Amount"].sum().drop("Closed Lost")'
            + '.rename({"Closed Won": "closed_won"}).to_frame()',
        ],
        "wrong": {
            "open deals counted as won": _revenue(_OPEN, f"({_WON}) | ({_OPEN})"),
            "lost deals in the pipeline": _revenue(f"~({_WON})", _WON),
            "every deal in the pipeline": _revenue('li["Amount"] > 0', _WON),
            "labels swapped": _revenue(_WON, _OPEN),
            "OFFLINE not fixed": (
                _UNFIXED
                + _BY_ID
                + 'li = deals[deals["Contact ID"].map(unfixed.set_axis(by_id.index)) == "LinkedIn"]\n'
                + f'linkedin_revenue = pd.Series({{"pipeline": li.loc[{_OPEN}, "Amount"].sum(), '
                + f'"closed_won": li.loc[{_WON}, "Amount"].sum()}})'
            ),
            "every channel": (
                "li = deals_joined\n"
                + f'linkedin_revenue = pd.Series({{"pipeline": li.loc[{_OPEN}, "Amount"].sum(), '
                + f'"closed_won": li.loc[{_WON}, "Amount"].sum()}})'
            ),
            "other labels": (
                _LINKEDIN_DEALS
                + f'linkedin_revenue = pd.Series({{"Pipeline": li.loc[{_OPEN}, "Amount"].sum(), '
                + f'"Closed Won": li.loc[{_WON}, "Amount"].sum()}})'
            ),
            "one number": _LINKEDIN_DEALS + f'linkedin_revenue = li.loc[{_WON}, "Amount"].sum()',
        },
        "says": {
            "open deals counted as won": "counts open deals as won",
            "lost deals in the pipeline": "Your pipeline includes lost deals",
            "every deal in the pipeline": "adds up every LinkedIn deal",
            "labels swapped": "The labels are swapped",
            "OFFLINE not fixed": "before the fix",
            "every channel": "add up every channel's deals",
            "other labels": "row labels aren't the ones asked for",
            "one number": "should be a column of values",
        },
    },
    "ex8": {
        "right": [
            "cost_per_opportunity = linkedin_spend / " + _N_LINKEDIN,
            "li = deals_joined.query(\"Channel == 'LinkedIn'\")\n"
            "cost_per_opportunity = round(monthly_spend * months / len(li), 2)",
        ],
        "wrong": {
            "won deals only": (
                'li = deals_joined[(deals_joined["Channel"] == "LinkedIn") & deals_joined["Is Closed Won"]]\n'
                "cost_per_opportunity = linkedin_spend / len(li)"
            ),
            "open deals left out": (
                'li = deals_joined[(deals_joined["Channel"] == "LinkedIn") & deals_joined["Deal Stage"]'
                '.str.startswith("Closed")]\n'
                "cost_per_opportunity = linkedin_spend / len(li)"
            ),
            "one month's spend": "cost_per_opportunity = monthly_spend / " + _N_LINKEDIN,
            "per lead": 'cost_per_opportunity = linkedin_spend / (contacts["Channel"] == "LinkedIn").sum()',
            "OFFLINE not fixed": (
                _UNFIXED
                + _BY_ID
                + 'n = (deals["Contact ID"].map(unfixed.set_axis(by_id.index)) == "LinkedIn").sum()\n'
                + "cost_per_opportunity = linkedin_spend / n"
            ),
            "PAID_SOCIAL deals only": (
                _BY_ID
                + 'n = (deals["Contact ID"].map(by_id["Original Traffic Source"]) == "PAID_SOCIAL").sum()\n'
                + "cost_per_opportunity = linkedin_spend / n"
            ),
            "upside down": "cost_per_opportunity = " + _N_LINKEDIN + " / linkedin_spend",
            "a text": "cost_per_opportunity = str(round(linkedin_spend / " + _N_LINKEDIN + ", 2))",
            "every deal": "cost_per_opportunity = linkedin_spend / len(deals)",
        },
        "says": {
            "won deals only": "a cost per won deal",
            "open deals left out": "leaves the open deals out",
            "one month's spend": "one month's spend",
            "per lead": "a cost per lead",
            "OFFLINE not fixed": "before the fix",
            "PAID_SOCIAL deals only": "only the PAID_SOCIAL deals",
            "upside down": "upside down",
            "a text": "Leave out the quotes",
            "every deal": "not the number asked for yet",
        },
    },
    "ex9": {
        "right": [
            _monthly(),
            'month = pd.to_datetime(daily["Date"], format="%m/%d/%Y").dt.strftime("%Y-%m")\n'
            'li = contacts[contacts["Channel"] == "LinkedIn"]\n'
            "monthly = pd.DataFrame({\n"
            '    "Clicks": daily.groupby(month)["Clicks (total)"].sum(),\n'
            '    "Leads": li.groupby(li["Create Date"].dt.strftime("%Y-%m"))["Record ID"].count(),\n'
            "}).sort_index(ascending=False)",
        ],
        "wrong": {
            "organic clicks": _monthly(column="Clicks (organic)"),
            "sponsored clicks": _monthly(column="Clicks (sponsored)"),
            "every lead": _monthly(rows='contacts["Record ID"].notna()'),
            "OFFLINE not fixed": _monthly(rows='contacts["Original Traffic Source"].isin(LINKEDIN_SOURCES)'),
            "months as first days": (
                'd = daily.assign(Day=day).set_index("Day")\n'
                'li = contacts[contacts["Channel"] == "LinkedIn"].set_index("Create Date")\n'
                "monthly = pd.DataFrame({\n"
                '    "Clicks": d["Clicks (total)"].resample("MS").sum(),\n'
                '    "Leads": li["Record ID"].resample("MS").count(),\n'
                "})"
            ),
            "no Leads column": 'monthly = daily.groupby(day.dt.to_period("M"))[["Clicks (total)"]].sum()',
        },
        "says": {
            "organic clicks": "organic clicks only",
            "sponsored clicks": "sponsored clicks only",
            "every lead": "Your Leads count every contact",
            "OFFLINE not fixed": "before the fix",
            "months as first days": "row labels aren't the ones asked for",
            "no Leads column": "has no column 'Clicks', 'Leads'",
        },
    },
}
