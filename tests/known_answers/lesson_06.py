"""Known right and wrong answers of lesson 06 (see __init__.py for what the tests do with them)."""

LESSON_ID = "06-social-sales"

ANSWERS = {
    "ex1": {
        "right": [
            'items_per_order = len(lines) / len(lines.drop_duplicates("Name"))',
            'items_per_order = lines.shape[0] / lines["Financial Status"].notna().sum()',
            'items_per_order = lines.groupby("Name").size().mean()',
        ],
        "wrong": {
            "rows counted as orders": "items_per_order = len(lines) / len(lines)",
            "units, not line items": 'items_per_order = lines["Lineitem quantity"].sum() /'
            ' lines["Name"].nunique()',
            "cancelled orders left out": (
                'items_per_order = len(lines) / lines["Financial Status"].isin(["paid",'
                ' "partially_refunded", '
                '"refunded"]).sum()'
            ),
            "per customer": 'items_per_order = len(lines) / lines["Email"].nunique()',
            "upside down": 'items_per_order = lines["Name"].nunique() / len(lines)',
            "a text": 'items_per_order = str(round(len(lines) / lines["Name"].nunique(), 2))',
            "rounded to 1 decimal": 'items_per_order = round(len(lines) / lines["Name"].nunique(), 1)',
        },
        "says": {
            "rows counted as orders": "rows were counted as orders",
            "units, not line items": "counts units",
            "cancelled orders left out": "leaves the cancelled (voided) orders out",
            "per customer": "different customers",
            "upside down": "upside down",
            "a text": "Leave out the quotes",
            "rounded to 1 decimal": "not the number asked for yet",
        },
    },
    "ex2": {
        "right": [
            'orders = lines[lines["Total"].notna()]',
            'orders = lines.groupby("Name", as_index=False).first()',
            'orders = lines.dropna(subset=["Financial Status"]).reset_index(drop=True)',
        ],
        "wrong": {
            "line items": "orders = lines.copy()",
            "last row of each order": 'orders = lines.drop_duplicates("Name", keep="last")',
            "one row per customer": 'orders = lines.drop_duplicates("Email")',
            "web orders only": 'orders = lines[lines["Source"] == "web"]',
            "order numbers as row labels": 'orders = lines.groupby("Name").first()',
            "the order numbers only": 'orders = lines["Name"].unique()',
            "two columns kept": 'orders = lines.drop_duplicates("Name")[["Name", "Total"]]',
        },
        "says": {
            "line items": "still one row per line item",
            "last row of each order": "keeps each order's last row",
            "one row per customer": "one row per customer",
            "web orders only": "one source only",
            "order numbers as row labels": "has no column 'Name'",
            "the order numbers only": "should be a table (DataFrame)",
            "two columns kept": "has no column",
        },
    },
    "ex3": {
        "right": [
            'net_revenue = (orders["Total"] - orders["Refunded Amount"]).sum()',
            'net_revenue = round(lines["Total"].sum() - lines["Refunded Amount"].sum(), 2)',
        ],
        "wrong": {
            "gross revenue": 'net_revenue = lines["Total"].sum()',
            "voided orders taken off twice": (
                'net_revenue = orders.loc[orders["Financial Status"] != "voided", "Total"].sum() '
                '- orders["Refunded Amount"].sum()'
            ),
            "voided dropped, refunds kept": (
                'net_revenue = orders.loc[orders["Financial Status"] != "voided", "Total"].sum()'
            ),
            "paid orders only": 'net_revenue = orders.loc[orders["Financial Status"] == "paid",'
            ' "Total"].sum()',
            "subtotal": 'net_revenue = orders["Subtotal"].sum() - orders["Refunded Amount"].sum()',
            "refunds only": 'net_revenue = orders["Refunded Amount"].sum()',
            "one value per order": 'net_revenue = orders["Total"] - orders["Refunded Amount"]',
            "rounded to whole dollars": 'net_revenue = round(lines["Total"].sum() - lines["Refunded'
            ' Amount"].sum())',
        },
        "says": {
            "gross revenue": "That's gross revenue",
            "voided orders taken off twice": "takes the voided orders off twice",
            "voided dropped, refunds kept": "keeps the refunds in",
            "paid orders only": "keeps only fully paid orders",
            "subtotal": "adds up Subtotal",
            "refunds only": "refunds alone",
            "one value per order": "one number is asked for",
            "rounded to whole dollars": "not the number asked for yet",
        },
    },
    "ex4": {
        "right": [
            'aov = net_revenue / (orders["Financial Status"] != "voided").sum()',
            (
                'aov = (orders["Total"] - orders["Refunded Amount"]).sum() '
                '/ orders["Financial Status"].isin(["paid", "partially_refunded", "refunded"]).sum()'
            ),
            'aov = round(net_revenue / len(orders[orders["Financial Status"] != "voided"]), 2)',
        ],
        "wrong": {
            "per line item": "aov = net_revenue / len(lines)",
            "rows of lines that aren't voided": 'aov = net_revenue / (lines["Financial Status"] !='
            ' "voided").sum()',
            "voided orders in the denominator": "aov = net_revenue / len(orders)",
            "gross per order": 'aov = orders.loc[orders["Financial Status"] != "voided", "Total"].mean()',
            "gross over all orders": 'aov = orders["Total"].mean()',
            "median": (
                'aov = (orders["Total"] - orders["Refunded Amount"])[orders["Financial Status"] !='
                ' "voided"].median()'
            ),
            "the net revenue": "aov = net_revenue",
        },
        "says": {
            "per line item": "number of line items",
            "rows of lines that aren't voided": "blank status of every later line item",
            "voided orders in the denominator": "counts the voided orders",
            "gross per order": "gross revenue per order",
            "gross over all orders": "gross revenue over all orders",
            "median": "the median order",
            "the net revenue": "not the number asked for yet",
        },
    },
    "ex5": {
        "right": [
            (
                'code_summary = pd.DataFrame({"Orders": orders["Discount Code"].value_counts(), '
                '"Discount": orders.groupby("Discount Code")["Discount Amount"].sum(), '
                '"Net revenue": (orders["Total"] - orders["Refunded'
                ' Amount"]).groupby(orders["Discount Code"]).sum()})'
            ),
            (
                'grouped = orders.assign(net=orders["Total"] - orders["Refunded'
                ' Amount"]).groupby("Discount Code")\n'
                'code_summary = grouped.agg(Orders=("Name", "size"), Discount=("Discount Amount", "sum"), '
                'net=("net", "sum")).rename(columns={"net": "Net revenue"})'
            ),
        ],
        "wrong": {
            "gross revenue": (
                'code_summary = orders.groupby("Discount Code").agg(Orders=("Name", "count"), '
                'Discount=("Discount Amount", "sum"), Net=("Total", "sum")).rename(columns={"Net":'
                ' "Net revenue"})'
            ),
            "average discount": (
                'code_summary = orders.assign(N=orders["Total"] - orders["Refunded'
                ' Amount"]).groupby("Discount Code")'
                '.agg(Orders=("Name", "count"), Discount=("Discount Amount", "mean"), N=("N", "sum"))'
                '.rename(columns={"N": "Net revenue"})'
            ),
            "a row for no code": (
                'code_summary = orders.assign(N=orders["Total"] - orders["Refunded Amount"])'
                '.groupby("Discount Code", dropna=False)'
                '.agg(Orders=("Name", "count"), Discount=("Discount Amount", "sum"), N=("N", "sum"))'
                '.rename(columns={"N": "Net revenue"})'
            ),
            "a column named Net": (
                'code_summary = orders.assign(Net=orders["Total"] - orders["Refunded'
                ' Amount"]).groupby("Discount Code")'
                '.agg(Orders=("Name", "count"), Discount=("Discount Amount", "sum"), Net=("Net", "sum"))'
            ),
            "counts only": 'code_summary = orders["Discount Code"].value_counts()',
        },
        "says": {
            "gross revenue": "Net revenue holds the gross Total",
            "average discount": "average discount per order",
            "a row for no code": "orders without a code",
            "a column named Net": "has no column 'Net revenue'",
            "counts only": "should be a table (DataFrame)",
        },
    },
    "ex6": {
        "right": [
            'web_orders = orders.merge(journeys.dropna(subset=["Conversion value"]), left_on="Name",'
            ' right_on="Order")',
            (
                'channel_of = journeys.dropna(subset=["Conversion value"]).set_index("Order")["Channel"]\n'
                'web_orders = orders[orders["Source"] == "web"].assign(Channel=lambda t:'
                ' t["Name"].map(channel_of))'
            ),
            (
                'last_visit = journeys.sort_values("Timestamp").drop_duplicates("Order", keep="last")\n'
                'web_orders = orders[orders["Source"] == "web"].merge(last_visit, left_on="Name",'
                ' right_on="Order")'
            ),
        ],
        "wrong": {
            "first visit": (
                'first_visit = journeys.sort_values("Timestamp").drop_duplicates("Order")\n'
                'web_orders = orders[orders["Source"] == "web"].merge(first_visit, left_on="Name",'
                ' right_on="Order")'
            ),
            "all visits": 'web_orders = orders.merge(journeys, left_on="Name", right_on="Order")',
            "market stall kept": (
                'web_orders = orders.merge(journeys[journeys["Conversion value"].notna()], left_on="Name", '
                'right_on="Order", how="left")'
            ),
            "no channel": 'web_orders = orders[orders["Source"] == "web"]',
            "lower-case channel": (
                'web_orders = orders.merge(journeys.dropna(subset=["Conversion value"]), left_on="Name", '
                'right_on="Order").rename(columns={"Channel": "channel"})'
            ),
        },
        "says": {
            "first visit": "channel of each order's first visit",
            "all visits": "one row per visit",
            "market stall kept": "market-stall orders",
            "no channel": "has no column 'Channel'",
            "lower-case channel": "has no column 'Channel'",
        },
    },
    "ex7": {
        "right": [
            (
                'net_by_channel = web_orders.assign(Net=web_orders["Total"] - web_orders["Refunded Amount"])'
                '.groupby("Channel")["Net"].sum()'
            ),
            (
                'sums = web_orders.pivot_table(index="Channel", values=["Total", "Refunded Amount"],'
                ' aggfunc="sum")\n'
                'net_by_channel = (sums["Total"] - sums["Refunded Amount"]).to_frame("Net")'
            ),
        ],
        "wrong": {
            "gross revenue": 'net_by_channel = web_orders.groupby("Channel")["Total"].sum()',
            "conversion values": 'net_by_channel = journeys.groupby("Channel")["Conversion value"].sum()',
            "order counts": 'net_by_channel = web_orders.groupby("Channel").size()',
            "averages": (
                'net_by_channel = (web_orders["Total"] - web_orders["Refunded Amount"])'
                '.groupby(web_orders["Channel"]).mean()'
            ),
            "first visit's channel": (
                'first = journeys.sort_values("Timestamp").drop_duplicates("Order")\n'
                'merged = orders.merge(first, left_on="Name", right_on="Order")\n'
                'net_by_channel = (merged["Total"] - merged["Refunded'
                ' Amount"]).groupby(merged["Channel"]).sum()'
            ),
            "one total": 'net_by_channel = (web_orders["Total"] - web_orders["Refunded Amount"]).sum()',
        },
        "says": {
            "gross revenue": "gross revenue per channel",
            "conversion values": "gross revenue per channel",
            "order counts": "count the orders per channel",
            "averages": "averages per order",
            "first visit's channel": "channel of its first visit",
            "one total": "a label on each row",
        },
    },
    "ex8": {
        "right": [
            (
                'converting = journeys[journeys["Conversion value"].notna()].set_index("Order")\n'
                'codes = orders.loc[orders["Discount Code"] == "SOCIAL15", "Name"]\n'
                'social15_leak = 1 - converting.loc[codes, "Social visit"].mean()'
            ),
            (
                'visits = orders[orders["Discount Code"] == "SOCIAL15"].merge(\n'
                '    journeys.dropna(subset=["Conversion value"]), left_on="Name", right_on="Order"\n'
                ")\n"
                'social15_leak = round(visits["Social visit"].eq(False).sum() / len(visits), 3)'
            ),
        ],
        "wrong": {
            "GA4 channels only": (
                'visits = orders[orders["Discount Code"] == "SOCIAL15"].merge(\n'
                '    journeys.dropna(subset=["Conversion value"]), left_on="Name", right_on="Order"\n'
                ")\n"
                'social15_leak = 1 - visits["Channel"].isin(["Organic Social", "Paid Social"]).mean()'
            ),
            "the social share": (
                'visits = orders[orders["Discount Code"] == "SOCIAL15"].merge(\n'
                '    journeys.dropna(subset=["Conversion value"]), left_on="Name", right_on="Order"\n'
                ")\n"
                'social15_leak = visits["Social visit"].mean()'
            ),
            "a percentage": (
                'visits = orders[orders["Discount Code"] == "SOCIAL15"].merge(\n'
                '    journeys.dropna(subset=["Conversion value"]), left_on="Name", right_on="Order"\n'
                ")\n"
                'social15_leak = 100 * (~visits["Social visit"]).mean()'
            ),
            "a count": (
                'visits = orders[orders["Discount Code"] == "SOCIAL15"].merge(\n'
                '    journeys.dropna(subset=["Conversion value"]), left_on="Name", right_on="Order"\n'
                ")\n"
                'social15_leak = (~visits["Social visit"]).sum()'
            ),
            "the other way round": (
                'visits = orders.merge(journeys.dropna(subset=["Conversion value"]), left_on="Name", '
                'right_on="Order")\n'
                'social15_leak = (visits.loc[~visits["Social visit"], "Discount Code"] == "SOCIAL15").mean()'
            ),
            "over all web orders": (
                'visits = orders.merge(journeys.dropna(subset=["Conversion value"]), left_on="Name", '
                'right_on="Order")\n'
                'leaked = (visits["Discount Code"] == "SOCIAL15") & ~visits["Social visit"]\n'
                "social15_leak = leaked.sum() / len(visits)"
            ),
            "one value per order": (
                'visits = orders[orders["Discount Code"] == "SOCIAL15"].merge(\n'
                '    journeys.dropna(subset=["Conversion value"]), left_on="Name", right_on="Order"\n'
                ")\n"
                'social15_leak = ~visits["Social visit"]'
            ),
        },
        "says": {
            "GA4 channels only": "judges a visit by GA4's Channel alone",
            "the social share": "did come from social",
            "a percentage": "looks like a percentage",
            "a count": "a count of orders",
            "the other way round": "the other way round",
            "over all web orders": "divides by every web order",
            "one value per order": "one number is asked for",
        },
    },
}
