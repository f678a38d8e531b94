"""Known right and wrong answers of lesson 12 (see __init__.py for what the tests do with them)."""

LESSON_ID = "12-executive-pitch"

_NET = 'net = web_orders["Total"] - web_orders["Refunded Amount"]\n'

_SPEND = 'ads["Amount spent (USD)"].sum()'
_VALUE = 'ads["Purchases conversion value"].sum()'

_GEO_AVERAGES = (
    'w = geo.groupby(["Group", "Period", "Week starting"])["Revenue (USD)"].sum()'
    '.groupby(["Group", "Period"]).mean()\n'
)
_DID = (
    '((w["Treatment", "Test"] - w["Treatment", "Pre-test"]) '
    '- (w["Control", "Test"] - w["Control", "Pre-test"]))'
)
_GEO_SPEND = 'geo["Ad spend (USD)"].sum()'

_PHONE_SAVING = '(finance["Cost per phone contact"] - finance["Cost per social contact"])'
_COUNTS = (
    'p = (tickets["Via"] == "Phone call (inbound)").sum()\n'
    'e = tickets["Via"].isin(["Email", "Web form"]).sum()\n'
)
_BLENDED = "(p * finance['Cost per phone contact'] + e * finance['Cost per email contact']) / (p + e)"
_SOCIAL_TICKETS = 'tickets["Via"].isin(SOCIAL_CARE).sum()'

_SLIDE1 = 'title="Social brought in net revenue every quarter", xlabel="Quarter", ylabel="Net revenue (USD)"'
_SOCIAL_NET = (
    'social = web_orders[web_orders["Social visit"]]\n'
    'by_quarter = (social["Total"] - social["Refunded Amount"]).groupby(social["Quarter"]).sum()\n'
)

_SLIDE2 = (
    'title="The ads return less than Meta reports", xlabel="Measure", ylabel="USD of sales per USD of ads"'
)
_REPORTED = 'geo_design["Platform-reported ROAS"]'


def _roas_chart(values, labels=("Ads Manager", "Geo test", "Break-even")):
    pairs = ", ".join(f'"{label}": {value}' for label, value in zip(labels, values, strict=True))
    return f"roas_ax = pd.Series({{{pairs}}}).plot.bar({_SLIDE2})"


_SLIDE3 = 'title="A message on social costs the least to answer", xlabel="USD per contact", ylabel="Channel"'
_COSTS = (
    'costs = pd.Series({name: finance[f"Cost per {name.lower()} contact"] '
    'for name in ["Phone", "Email", "Chat", "Social"]})\n'
)

# Exercise 8: one right workbook, and each wrong one changes a single line of it.
_WORKBOOK = """kpi_rows = [
    ("Social net revenue", social_net_revenue, "USD", '"$"#,##0'),
    ("Paid social ROI", paid_social_roi, "share of ad spend", "0.0%"),
    ("Incremental ROAS", incremental_roas, "USD per USD", "0.00"),
    ("Customer care savings", care_savings, "USD", '"$"#,##0'),
]
workbook = Workbook()
summary = workbook.active
summary.title = "Summary"
summary.append(["KPI", "Value", "Unit"])
for label, value, unit, number_format in kpi_rows:
    summary.append([label, float(value), unit])
    summary.cell(row=summary.max_row, column=2).number_format = number_format
for letter in "ABC":
    summary.column_dimensions[letter].width = 22
summary.freeze_panes = "A2"
quarterly = workbook.create_sheet("Quarterly")
quarterly.append(["Quarter", "Social net revenue (USD)"])
social = web_orders[web_orders["Social visit"]]
by_quarter = (social["Total"] - social["Refunded Amount"]).groupby(social["Quarter"]).sum()
for quarter, revenue in by_quarter.items():
    quarterly.append([quarter, float(revenue)])
    quarterly.cell(row=quarterly.max_row, column=2).number_format = '"$"#,##0'
for letter in "AB":
    quarterly.column_dimensions[letter].width = 24
quarterly.freeze_panes = "A2"
chart = BarChart()
chart.title = "Social net revenue per quarter"
chart.add_data(Reference(quarterly, min_col=2, min_row=1, max_row=quarterly.max_row), titles_from_data=True)
chart.set_categories(Reference(quarterly, min_col=1, min_row=2, max_row=quarterly.max_row))
quarterly.add_chart(chart, "D2")
saved_workbook = save_and_read_back(workbook)"""


def _workbook(*changes):
    """The right workbook's code with some lines replaced: (old line, new line) pairs."""
    code = _WORKBOOK
    for old, new in changes:
        assert old in code, old
        code = code.replace(old, new)
    return code


_SUMMARY_FORMAT = "    summary.cell(row=summary.max_row, column=2).number_format = number_format\n"
_QUARTERLY_FORMAT = "    quarterly.cell(row=quarterly.max_row, column=2).number_format = '\"$\"#,##0'\n"
_SUMMARY_WIDTHS = 'for letter in "ABC":\n    summary.column_dimensions[letter].width = 22\n'
_QUARTERLY_WIDTHS = 'for letter in "AB":\n    quarterly.column_dimensions[letter].width = 24\n'
_ADD_CHART = 'quarterly.add_chart(chart, "D2")\n'
_DATA = (
    "chart.add_data(Reference(quarterly, min_col=2, min_row=1, max_row=quarterly.max_row), "
    "titles_from_data=True)"
)
_CATEGORIES = "chart.set_categories(Reference(quarterly, min_col=1, min_row=2, max_row=quarterly.max_row))\n"

ANSWERS = {
    "ex1": {
        "right": [
            _NET + 'social_net_revenue = net[web_orders["Social visit"]].sum()',
            _NET + 'social_net_revenue = round(net.where(web_orders["Social visit"], 0).sum(), 2)',
            'social = web_orders.loc[web_orders["Social visit"], ["Total", "Refunded Amount"]].sum()\n'
            'social_net_revenue = social["Total"] - social["Refunded Amount"]',
        ],
        "wrong": {
            "gross revenue": 'social_net_revenue = web_orders.loc[web_orders["Social visit"], "Total"].sum()',
            "every web order": _NET + "social_net_revenue = net.sum()",
            "social by GA4's channel": (
                _NET
                + 'social = web_orders["Channel"].isin(["Organic Social", "Paid Social"])\n'
                + "social_net_revenue = net[social].sum()"
            ),
            "the orders that weren't social": _NET
            + 'social_net_revenue = net[~web_orders["Social visit"]].sum()',
            "a share": _NET + 'social_net_revenue = net[web_orders["Social visit"]].sum() / net.sum()',
            "refunds only": (
                'social_net_revenue = web_orders.loc[web_orders["Social visit"], "Refunded Amount"].sum()'
            ),
            "a count of orders": 'social_net_revenue = web_orders["Social visit"].sum()',
            "organic social only": _NET
            + 'social_net_revenue = net[web_orders["Channel"] == "Organic Social"].sum()',
            "one number per order": _NET + 'social_net_revenue = net[web_orders["Social visit"]]',
            "a text": _NET + "social_net_revenue = f\"{net[web_orders['Social visit']].sum():,.2f}\"",
        },
        "says": {
            "gross revenue": "That's gross revenue (Total)",
            "every web order": "net revenue of every web order",
            "social by GA4's channel": "GA4's Channel",
            "the orders that weren't social": "did NOT come through social",
            "a share": "social's share of the web shop's net revenue",
            "refunds only": "refunds of the social orders alone",
            "a count of orders": "That counts the social orders",
            "organic social only": "not the number asked for yet",
            "one number per order": "one number is asked for",
            "a text": "Leave out the quotes",
        },
    },
    "ex2": {
        "right": [
            "spend = campaign_sums['Amount spent (USD)'].sum()\n"
            "value = campaign_sums['Purchases conversion value'].sum()\n"
            "paid_social_roi = (value * gross_margin - spend) / spend",
            f'paid_social_roi = {_VALUE} * finance["Gross margin"] / {_SPEND} - 1',
        ],
        "wrong": {
            "ROI from revenue": f"paid_social_roi = ({_VALUE} - {_SPEND}) / {_SPEND}",
            "the ROAS": f"paid_social_roi = {_VALUE} / {_SPEND}",
            "spend not subtracted": f"paid_social_roi = {_VALUE} * gross_margin / {_SPEND}",
            "profit in dollars": f"paid_social_roi = {_VALUE} * gross_margin - {_SPEND}",
            "a percentage": f"paid_social_roi = 100 * ({_VALUE} * gross_margin - {_SPEND}) / {_SPEND}",
            "mean of the campaigns' ROI": (
                "c = campaign_sums\n"
                "paid_social_roi = ((c['Purchases conversion value'] * gross_margin "
                "- c['Amount spent (USD)'])"
                " / c['Amount spent (USD)']).mean()"
            ),
            "a typed margin of 60 percent": f"paid_social_roi = ({_VALUE} * 0.6 - {_SPEND}) / {_SPEND}",
        },
        "says": {
            "ROI from revenue": "That's ROI from revenue",
            "the ROAS": "That's the ROAS (value / spend)",
            "spend not subtracted": "the spend isn't subtracted yet",
            "profit in dollars": "That's the profit in dollars",
            "a percentage": "That looks like a percentage",
            "mean of the campaigns' ROI": "mean of the campaigns' ROI",
            "a typed margin of 60 percent": "not the number asked for yet",
        },
    },
    "ex3": {
        "right": [
            't = geo.pivot_table(index="Week starting", columns=["Group", "Period"], values="Revenue (USD)", '
            'aggfunc="sum").mean()\n'
            'did = (t["Treatment", "Test"] - t["Treatment", "Pre-test"]) - (t["Control", "Test"] - '
            't["Control", "Pre-test"])\n'
            'incremental_roas = did * test_weeks / geo["Ad spend (USD)"].sum()',
            _GEO_AVERAGES
            + f'incremental_roas = {_DID} * geo_design["Test weeks"] / geo_design["Test spend (USD)"]',
        ],
        "wrong": {
            "Ads Manager's ROAS": f"incremental_roas = {_REPORTED}",
            "treatment change only": (
                _GEO_AVERAGES
                + 'change = w["Treatment", "Test"] - w["Treatment", "Pre-test"]\n'
                + f"incremental_roas = change * test_weeks / {_GEO_SPEND}"
            ),
            "test weeks only": (
                _GEO_AVERAGES
                + 'gap = w["Treatment", "Test"] - w["Control", "Test"]\n'
                + f"incremental_roas = gap * test_weeks / {_GEO_SPEND}"
            ),
            "one week over the whole spend": _GEO_AVERAGES + f"incremental_roas = {_DID} / {_GEO_SPEND}",
            "period totals": (
                'w = geo.groupby(["Group", "Period"])["Revenue (USD)"].sum()\n'
                f"incremental_roas = {_DID} * test_weeks / {_GEO_SPEND}"
            ),
            "mean of region-week rows": (
                'w = geo.groupby(["Group", "Period"])["Revenue (USD)"].mean()\n'
                f"incremental_roas = {_DID} * test_weeks / {_GEO_SPEND}"
            ),
            "a ratio for the control": (
                _GEO_AVERAGES
                + 'expected = w["Treatment", "Pre-test"] * w["Control", "Test"] / w["Control", "Pre-test"]\n'
                + f'incremental_roas = (w["Treatment", "Test"] - expected) * test_weeks / {_GEO_SPEND}'
            ),
            "incremental revenue in dollars": _GEO_AVERAGES + f"incremental_roas = {_DID} * test_weeks",
            "a percentage": _GEO_AVERAGES + f"incremental_roas = 100 * {_DID} * test_weeks / {_GEO_SPEND}",
        },
        "says": {
            "Ads Manager's ROAS": "That's the ROAS Ads Manager reported",
            "treatment change only": "the change of the Treatment regions alone",
            "test weeks only": "compares Treatment with Control in the test weeks only",
            "one week over the whole spend": "Multiply by the number of test weeks",
            "period totals": "Compare weekly averages",
            "mean of region-week rows": "averages the region-week rows",
            "a ratio for the control": "scales the Control change as a ratio",
            "incremental revenue in dollars": "That's the incremental revenue in dollars",
            "a percentage": "not the number asked for yet",
        },
    },
    "ex4": {
        "right": [
            _COUNTS + f"care_savings = {_SOCIAL_TICKETS} * ({_BLENDED} - finance['Cost per social contact'])",
            'n = tickets["Via"].value_counts()\n'
            'weights = pd.Series({"phone": n["Phone call (inbound)"], "email": n["Email"] + n["Web form"]})\n'
            'costs = pd.Series({c: finance[f"Cost per {c} contact"] for c in ["phone", "email"]})\n'
            "blended = (weights * costs).sum() / weights.sum()\n"
            "social = n[SOCIAL_CARE].sum()\n"
            'care_savings = social * blended - social * finance["Cost per social contact"]',
        ],
        "wrong": {
            "phone only": f"care_savings = {_SOCIAL_TICKETS} * {_PHONE_SAVING}",
            "a plain average": (
                f"care_savings = {_SOCIAL_TICKETS} * ((finance['Cost per phone contact'] + "
                "finance['Cost per email contact']) / 2 - finance['Cost per social contact'])"
            ),
            "web forms left out": (
                _COUNTS.replace('isin(["Email", "Web form"])', 'eq("Email")')
                + f"care_savings = {_SOCIAL_TICKETS} * ({_BLENDED} - finance['Cost per social contact'])"
            ),
            "chat blended in": (
                _COUNTS
                + 'c = (tickets["Via"] == "Chat").sum()\n'
                + "blended = (p * finance['Cost per phone contact'] + e * finance['Cost per email contact'] "
                + "+ c * finance['Cost per chat contact']) / (p + e + c)\n"
                + f"care_savings = {_SOCIAL_TICKETS} * (blended - finance['Cost per social contact'])"
            ),
            "the social cost not subtracted": _COUNTS + f"care_savings = {_SOCIAL_TICKETS} * {_BLENDED}",
            "the blended cost": _COUNTS + f"care_savings = {_BLENDED}",
            "per ticket": _COUNTS + f"care_savings = {_BLENDED} - finance['Cost per social contact']",
            "every ticket": (
                _COUNTS + f"care_savings = len(tickets) * ({_BLENDED} - finance['Cost per social contact'])"
            ),
            "the count": f"care_savings = {_SOCIAL_TICKETS}",
            "per year": (
                _COUNTS
                + f"care_savings = {_SOCIAL_TICKETS} * ({_BLENDED} - finance['Cost per social contact']) / 2"
            ),
            "X left out": (
                _COUNTS
                + 'care_savings = tickets["Via"].isin(["Facebook Messenger", "Instagram Direct"]).sum() * '
                + f"({_BLENDED} - finance['Cost per social contact'])"
            ),
        },
        "says": {
            "phone only": "would have been a phone call",
            "a plain average": "plain average",
            "web forms left out": "leave out the web forms",
            "chat blended in": "includes the chat tickets",
            "the social cost not subtracted": "subtract what they cost on social",
            "the blended cost": "That's the blended cost of one contact",
            "per ticket": "That's the saving per ticket",
            "every ticket": "That counts every ticket",
            "the count": "That's the number of social tickets",
            "per year": "That's a saving per year",
            "X left out": "not the number asked for yet",
        },
    },
    "ex5": {
        "right": [
            'social = web_orders[web_orders["Social visit"]]\n'
            'social = social.assign(Net=social["Total"] - social["Refunded Amount"])\n'
            f'revenue_ax = social.groupby("Quarter")["Net"].sum().plot.bar({_SLIDE1})',
            'net = web_orders.assign(Net=web_orders["Total"] - web_orders["Refunded Amount"])\n'
            'table = net[net["Social visit"]].pivot_table(index="Quarter", values="Net", aggfunc="sum")\n'
            f'revenue_ax = table["Net"].plot(kind="bar", rot=45, color="teal", {_SLIDE1})',
            _SOCIAL_NET + "fig, revenue_ax = plt.subplots()\n"
            "revenue_ax.bar(by_quarter.index, by_quarter.values)\n"
            'revenue_ax.set_title("Social brought in net revenue every quarter")\n'
            'revenue_ax.set_xlabel("Quarter")\n'
            'revenue_ax.set_ylabel("Net revenue (USD)")',
        ],
        "wrong": {
            "gross revenue": (
                'social = web_orders[web_orders["Social visit"]]\n'
                f'revenue_ax = social.groupby("Quarter")["Total"].sum().plot.bar({_SLIDE1})'
            ),
            "every web order": (
                _NET + f'revenue_ax = net.groupby(web_orders["Quarter"]).sum().plot.bar({_SLIDE1})'
            ),
            "social by GA4's channel": (
                'social = web_orders[web_orders["Channel"].isin(["Organic Social", "Paid Social"])]\n'
                'net = social["Total"] - social["Refunded Amount"]\n'
                f'revenue_ax = net.groupby(social["Quarter"]).sum().plot.bar({_SLIDE1})'
            ),
            "a count of orders": (
                'social = web_orders[web_orders["Social visit"]]\n'
                f'revenue_ax = social.groupby("Quarter").size().plot.bar({_SLIDE1})'
            ),
            "averages per order": (
                'social = web_orders[web_orders["Social visit"]]\n'
                'net = social["Total"] - social["Refunded Amount"]\n'
                f'revenue_ax = net.groupby(social["Quarter"]).mean().plot.bar({_SLIDE1})'
            ),
            "a line chart": _SOCIAL_NET + f"revenue_ax = by_quarter.plot({_SLIDE1})",
            "the worked example's title": (
                _SOCIAL_NET
                + 'revenue_ax = by_quarter.plot.bar(title="Web orders brought in more each holiday '
                'quarter", xlabel="Quarter", ylabel="Net revenue (USD)")'
            ),
            "no axis labels": (
                _SOCIAL_NET
                + 'revenue_ax = by_quarter.plot.bar(title="Social brought in net revenue every quarter",'
                ' xlabel="", ylabel="")'
            ),
        },
        "says": {
            "gross revenue": "The bars are gross revenue (Total)",
            "every web order": "The bars add up every web order",
            "social by GA4's channel": "GA4's Channel",
            "a count of orders": "The bars count orders",
            "averages per order": "The bars are averages per order",
            "a line chart": "not the kind of chart asked for",
            "the worked example's title": "now fix the title",
            "no axis labels": "now fix the x-axis label and the y-axis label",
        },
    },
    "ex6": {
        "right": [
            _roas_chart([_REPORTED, "incremental_roas", "1 / gross_margin"]),
            "fig, roas_ax = plt.subplots()\n"
            'roas_ax.bar(["Ads Manager", "Geo test", "Break-even"], '
            f'[{_REPORTED}, incremental_roas, 1 / finance["Gross margin"]], color="grey")\n'
            'roas_ax.set_title("The ads return less than Meta reports")\n'
            'roas_ax.set_xlabel("Measure")\n'
            'roas_ax.set_ylabel("USD of sales per USD of ads")',
        ],
        "wrong": {
            "the margin as break-even": _roas_chart([_REPORTED, "incremental_roas", "gross_margin"]),
            "the account's ROAS": _roas_chart(
                [f"{_VALUE} / {_SPEND}", "incremental_roas", "1 / gross_margin"]
            ),
            "treatment change only": (
                _GEO_AVERAGES
                + 'change = w["Treatment", "Test"] - w["Treatment", "Pre-test"]\n'
                + f"pre_post = change * test_weeks / {_GEO_SPEND}\n"
                + _roas_chart([_REPORTED, "pre_post", "1 / gross_margin"])
            ),
            "another order": _roas_chart(
                ["incremental_roas", _REPORTED, "1 / gross_margin"], ("Geo test", "Ads Manager", "Break-even")
            ),
            "sorted by height": _roas_chart(
                ["incremental_roas", "1 / gross_margin", _REPORTED], ("Geo test", "Break-even", "Ads Manager")
            ),
            "the break-even bar left out": (
                f'roas_ax = pd.Series({{"Ads Manager": {_REPORTED}, "Geo test": incremental_roas}})'
                f".plot.bar({_SLIDE2})"
            ),
            "another title": (
                f'roas_ax = pd.Series({{"Ads Manager": {_REPORTED}, "Geo test": incremental_roas, '
                '"Break-even": 1 / gross_margin}).plot.bar(title="ROAS", xlabel="Measure", '
                'ylabel="USD of sales per USD of ads")'
            ),
        },
        "says": {
            "the margin as break-even": "shows the gross margin itself",
            "the account's ROAS": "the whole account's ROAS",
            "treatment change only": "uses the Treatment regions' change alone",
            "another order": "not in the order asked for",
            "sorted by height": "sorted by height",
            "the break-even bar left out": "doesn't plot the numbers asked for",
            "another title": "now fix the title",
        },
    },
    "ex7": {
        "right": [
            _COSTS + f"cost_ax = costs.sort_values().plot.barh({_SLIDE3})",
            "fig, cost_ax = plt.subplots()\n"
            'cost_ax.barh(["Social", "Chat", "Email", "Phone"], [finance["Cost per social contact"], '
            'finance["Cost per chat contact"], finance["Cost per email contact"], '
            'finance["Cost per phone contact"]])\n'
            'cost_ax.set_title("A message on social costs the least to answer")\n'
            'cost_ax.set_xlabel("USD per contact")\n'
            'cost_ax.set_ylabel("Channel")',
        ],
        "wrong": {
            "the cheapest on top": _COSTS
            + f"cost_ax = costs.sort_values(ascending=False).plot.barh({_SLIDE3})",
            "finance's order": _COSTS + f"cost_ax = costs.plot.barh({_SLIDE3})",
            "vertical bars": _COSTS + f"cost_ax = costs.sort_values().plot.bar({_SLIDE3})",
            "finance's long labels": (
                'costs = finance[finance.index.str.startswith("Cost per")].sort_values()\n'
                f"cost_ax = costs.plot.barh({_SLIDE3})"
            ),
            "axis labels swapped": (
                _COSTS
                + 'cost_ax = costs.sort_values().plot.barh(title="A message on social costs the least to '
                'answer", xlabel="Channel", ylabel="USD per contact")'
            ),
        },
        "says": {
            "the cheapest on top": "The cheapest channel is at the top",
            "finance's order": "The cheapest channel is at the top",
            "vertical bars": "Those are vertical bars",
            "finance's long labels": "doesn't plot the numbers asked for",
            "axis labels swapped": "now fix the x-axis label and the y-axis label",
        },
    },
    "ex8": {
        "right": [
            _WORKBOOK,
            _workbook(
                (
                    _SUMMARY_WIDTHS,
                    'summary.column_dimensions["A"].width = 28\nsummary.column_dimensions["B"]'
                    '.width = 16\nsummary.column_dimensions["C"].width = 20\n',
                ),
                (_ADD_CHART, 'quarterly.add_chart(chart, "E4")\n'),
                (
                    _DATA,
                    "chart.add_data(Reference(quarterly, min_col=2, min_row=2, max_row=quarterly.max_row))",
                ),
            ),
        ],
        "wrong": {
            "the first sheet not renamed": _workbook(('summary.title = "Summary"\n', "")),
            "no number formats on Summary": _workbook((_SUMMARY_FORMAT, "")),
            "no number formats on Quarterly": _workbook((_QUARTERLY_FORMAT, "")),
            "no widths on Summary": _workbook((_SUMMARY_WIDTHS, "")),
            "no widths on Quarterly": _workbook((_QUARTERLY_WIDTHS, "")),
            "Summary not frozen": _workbook(('summary.freeze_panes = "A2"\n', "")),
            "Quarterly not frozen": _workbook(('quarterly.freeze_panes = "A2"\n', "")),
            "frozen at B2": _workbook(('summary.freeze_panes = "A2"', 'summary.freeze_panes = "B2"')),
            "no chart": _workbook((_ADD_CHART, "")),
            "a chart without a title": _workbook(('chart.title = "Social net revenue per quarter"\n', "")),
            "the header as data": _workbook(
                (
                    _DATA,
                    "chart.add_data(Reference(quarterly, min_col=2, min_row=1, max_row=quarterly.max_row))",
                )
            ),
            "no categories": _workbook((_CATEGORIES, "")),
            "values rounded": _workbook(
                (
                    "summary.append([label, float(value), unit])",
                    "summary.append([label, round(float(value), 2), unit])",
                )
            ),
            "ROI as a percentage": _workbook(
                ('("Paid social ROI", paid_social_roi,', '("Paid social ROI", 100 * paid_social_roi,')
            ),
            "gross revenue per quarter": _workbook(
                (
                    'by_quarter = (social["Total"] - social["Refunded Amount"])',
                    'by_quarter = (social["Total"])',
                )
            ),
            "an extra sheet": _workbook((_ADD_CHART, _ADD_CHART + 'workbook.create_sheet("Notes")\n')),
            "a width on column D too": _workbook(
                (
                    _QUARTERLY_WIDTHS,
                    'for letter in "ABD":\n    quarterly.column_dimensions[letter].width = 24\n',
                )
            ),
        },
        "says": {
            "the first sheet not renamed": "The first sheet is still called Sheet",
            "no number formats on Summary": "Summary's number formats are not all the ones asked for",
            "no number formats on Quarterly": "The Quarterly sheet's revenue has no number format yet",
            "no widths on Summary": "Summary's column widths aren't set",
            "no widths on Quarterly": "The Quarterly sheet's column widths aren't set",
            "Summary not frozen": "Summary's header isn't frozen",
            "Quarterly not frozen": "The Quarterly sheet's header isn't frozen",
            "frozen at B2": "which freezes column A too",
            "no chart": "The Quarterly sheet has no chart yet",
            "a chart without a title": "The chart has no title yet",
            "the header as data": "the header counts as a value",
            "no categories": "The chart has no category labels",
            "values rounded": "The Summary values are rounded to 2 decimals",
            "ROI as a percentage": "Paid social ROI is written as a percentage number",
            "gross revenue per quarter": "The Quarterly values are gross revenue",
            "an extra sheet": "doesn't have the number of rows asked for",
            "a width on column D too": "has the right rows, but not all of its values are right yet",
        },
    },
}
