"""Known right and wrong answers of lesson 08 (see __init__.py for what the tests do with them)."""

LESSON_ID = "08-attribution"

ANSWERS = {
    "ex1": {
        "right": [
            'paths = journeys.sort_values(["Order", "Timestamp"]).reset_index(drop=True)\n'
            'paths["Touch"] = paths.groupby("Order")["Timestamp"].rank(method="first").astype(int)\n'
            'paths["Touches"] = paths["Order"].map(paths["Order"].value_counts())',
            'paths = journeys.sort_values(by=["Order", "Timestamp"], ascending=[True, True])\n'
            'paths["Touch"] = paths.groupby("Order").cumcount().add(1)\n'
            'paths["Touches"] = paths.groupby("Order")["Touch"].transform("max")',
            'paths = journeys.sort_values("Timestamp").sort_values("Order", kind="stable")\n'
            "paths = paths.assign(\n"
            '    Touch=paths.groupby("Order").cumcount() + 1,\n'
            '    Touches=paths.groupby("Order")["Channel"].transform("count"),\n'
            ")",
        ],
        "wrong": {
            "not sorted": (
                "paths = journeys.copy()\n"
                'paths["Touch"] = paths.groupby("Order").cumcount() + 1\n'
                'paths["Touches"] = paths.groupby("Order")["Order"].transform("size")'
            ),
            "sorted by order only": (
                'paths = journeys.sort_values("Order")\n'
                'paths["Touch"] = paths.groupby("Order").cumcount() + 1\n'
                'paths["Touches"] = paths.groupby("Order")["Order"].transform("size")'
            ),
            "sorted by time only": (
                'paths = journeys.sort_values("Timestamp")\n'
                'paths["Touch"] = paths.groupby("Order").cumcount() + 1\n'
                'paths["Touches"] = paths.groupby("Order")["Order"].transform("size")'
            ),
            "right numbers, rows not sorted": (
                "paths = journeys.copy()\n"
                'paths["Touch"] = paths.groupby("Order")["Timestamp"].rank(method="first")\n'
                'paths["Touches"] = paths.groupby("Order")["Order"].transform("size")'
            ),
            "starts at 0": (
                'paths = journeys.sort_values(["Order", "Timestamp"])\n'
                'paths["Touch"] = paths.groupby("Order").cumcount()\n'
                'paths["Touches"] = paths.groupby("Order")["Order"].transform("size")'
            ),
            "numbered per customer": (
                'paths = journeys.sort_values(["Order", "Timestamp"])\n'
                'paths["Touch"] = paths.groupby("Customer ID").cumcount() + 1\n'
                'paths["Touches"] = paths.groupby("Order")["Order"].transform("size")'
            ),
            "latest first": (
                'paths = journeys.sort_values(["Order", "Timestamp"], ascending=False)\n'
                'paths["Touch"] = paths.groupby("Order").cumcount() + 1\n'
                'paths["Touches"] = paths.groupby("Order")["Order"].transform("size")'
            ),
            "touches per customer": (
                'paths = journeys.sort_values(["Order", "Timestamp"])\n'
                'paths["Touch"] = paths.groupby("Order").cumcount() + 1\n'
                'paths["Touches"] = paths.groupby("Customer ID")["Order"].transform("size")'
            ),
            "size, not transform": (
                'paths = journeys.sort_values(["Order", "Timestamp"])\n'
                'paths["Touch"] = paths.groupby("Order").cumcount() + 1\n'
                'paths["Touches"] = paths.groupby("Order").size()'
            ),
            "touches is the touch number": (
                'paths = journeys.sort_values(["Order", "Timestamp"])\n'
                'paths["Touch"] = paths.groupby("Order").cumcount() + 1\n'
                'paths["Touches"] = paths["Touch"]'
            ),
            "a lower-case column name": (
                'paths = journeys.sort_values(["Order", "Timestamp"])\n'
                'paths["touch"] = paths.groupby("Order").cumcount() + 1\n'
                'paths["Touches"] = paths.groupby("Order")["Order"].transform("size")'
            ),
            "no Touches column": (
                'paths = journeys.sort_values(["Order", "Timestamp"])\n'
                'paths["Touch"] = paths.groupby("Order").cumcount() + 1'
            ),
            "numbers off by one": (
                'paths = journeys.sort_values(["Order", "Timestamp"])\n'
                'paths["Touch"] = paths.groupby("Order").cumcount() + 2\n'
                'paths["Touches"] = paths.groupby("Order")["Order"].transform("size")'
            ),
        },
        "says": {
            "not sorted": "still in the workbook's order",
            "sorted by order only": "within an order the visits are not in time order",
            "sorted by time only": "not grouped by order",
            "right numbers, rows not sorted": "aren't sorted yet",
            "starts at 0": "counts from 0",
            "numbered per customer": "Touch numbers the visits of each customer",
            "latest first": "latest visit got touch 1",
            "touches per customer": "Touches counts each customer's visits",
            "size, not transform": "empty (NaN)",
            "touches is the touch number": "Touches holds the touch number",
            "a lower-case column name": "has no column 'Touch'",
            "no Touches column": "has no column 'Touches'",
            "numbers off by one": "not all of its values are right yet",
        },
    },
    "ex2": {
        "right": [
            'journey_lengths = paths.loc[paths["Touch"] == 1, "Touches"].value_counts(normalize=True)',
            'counts = paths.groupby("Order").size().value_counts()\njourney_lengths = counts / counts.sum()',
            'one_row_per_order = paths.drop_duplicates("Order")\n'
            'journey_lengths = one_row_per_order["Touches"].value_counts(normalize=True).to_frame()',
        ],
        "wrong": {
            "shares of visits": 'journey_lengths = paths["Touches"].value_counts(normalize=True)',
            "counts, not shares": 'journey_lengths = paths.groupby("Order").size().value_counts()',
            "percentages": (
                'journey_lengths = paths.groupby("Order").size().value_counts(normalize=True) * 100'
            ),
            "per customer": (
                'journey_lengths = paths.groupby("Customer ID").size().value_counts(normalize=True)'
            ),
            "one number": 'journey_lengths = paths.groupby("Order").size().mean()',
            "rounded to 1 decimal": (
                'journey_lengths = paths.groupby("Order").size().value_counts(normalize=True).round(1)'
            ),
        },
        "says": {
            "shares of visits": "shares of the visits",
            "counts, not shares": "numbers of orders",
            "percentages": "look like percentages",
            "per customer": "visits of each customer",
            "one number": "with a label on each row",
            "rounded to 1 decimal": "not all of its values are right yet",
        },
    },
    "ex3": {
        "right": [
            'first_touch = paths[paths["Touch"] == 1]["Channel"].value_counts()',
            'first = journeys.sort_values("Timestamp").drop_duplicates("Order")\n'
            'first_touch = first["Channel"].value_counts()',
            'first_touch = paths.groupby("Order").first()["Channel"].value_counts().to_frame()',
        ],
        "wrong": {
            "first row of the workbook": (
                'first_touch = journeys.groupby("Order")["Channel"].first().value_counts()'
            ),
            "one per visit": 'first_touch = journeys["Channel"].value_counts()',
            "per customer": 'first_touch = paths.groupby("Customer ID")["Channel"].first().value_counts()',
            "shares": 'first_touch = paths.loc[paths["Touch"] == 1, "Channel"].value_counts(normalize=True)',
            "one number": 'first_touch = (paths["Touch"] == 1).sum()',
            "social channels only": (
                'first = paths[paths["Touch"] == 1]\n'
                'first_touch = first[first["Channel"].isin(SOCIAL)]["Channel"].value_counts()'
            ),
        },
        "says": {
            "first row of the workbook": "That's last-touch credit",
            "one per visit": "adds up to the number of visits",
            "per customer": "first visit of each customer",
            "shares": "shares of all conversions",
            "one number": "with a label on each row",
            "social channels only": "doesn't have the number of rows asked for",
        },
    },
    "ex4": {
        "right": [
            'last_touch = paths[paths["Touch"] == paths["Touches"]]["Channel"].value_counts()',
            'last_touch = paths.groupby("Order")["Channel"].last().value_counts()',
            'last_touch = journeys.dropna(subset=["Conversion value"]).groupby("Channel").size()',
        ],
        "wrong": {
            "last row of the workbook": (
                'last_touch = journeys.groupby("Order")["Channel"].last().value_counts()'
            ),
            "first touch": 'last_touch = paths[paths["Touch"] == 1]["Channel"].value_counts()',
            "one per visit": 'last_touch = journeys["Channel"].value_counts()',
            "per customer": 'last_touch = paths.groupby("Customer ID")["Channel"].last().value_counts()',
            "revenue": 'last_touch = journeys.groupby("Channel")["Conversion value"].sum()',
            "two columns": (
                'last = paths[paths["Touch"] == paths["Touches"]]\n'
                'last_touch = last.groupby("Channel")[["Order", "Customer ID"]].count()'
            ),
        },
        "says": {
            "last row of the workbook": "credits the wrong visit",
            "first touch": "That's first-touch credit",
            "one per visit": "adds up to the number of visits",
            "per customer": "last visit of each customer",
            "revenue": "add up the Conversion value",
            "two columns": "one column of numbers is asked for",
        },
    },
    "ex5": {
        "right": [
            'linear = (1 / paths["Touches"]).groupby(paths["Channel"]).sum()',
            'paths["Linear"] = 1 / paths["Touches"]\n'
            'linear = paths.pivot_table(index="Channel", values="Linear", aggfunc="sum")',
        ],
        "wrong": {
            "one per visit": 'linear = paths.groupby("Channel")["Touch"].count()',
            "per customer": (
                'per_customer = paths.groupby("Customer ID")["Order"].transform("size")\n'
                'linear = (1 / per_customer).groupby(paths["Channel"]).sum()'
            ),
            "divides by the touch number": 'linear = (1 / paths["Touch"]).groupby(paths["Channel"]).sum()',
            "shares": 'linear = (1 / paths["Touches"]).groupby(paths["Channel"]).sum() / n_conversions',
            "mean, not sum": 'linear = (1 / paths["Touches"]).groupby(paths["Channel"]).mean()',
        },
        "says": {
            "one per visit": "adds up to the number of visits",
            "per customer": "shares each customer's visits",
            "divides by the touch number": "divides by the touch number",
            "shares": "shares of all conversions",
            "mean, not sum": "not all of its values are right yet",
        },
    },
    "ex6": {
        "right": [
            'latest = paths.groupby("Order")["Timestamp"].transform("max")\n'
            'paths["Days"] = (latest - paths["Timestamp"]) / pd.Timedelta(days=1)\n'
            'paths["Raw"] = 2 ** (-paths["Days"] / 7)\n'
            'paths["Decay"] = paths["Raw"] / paths.groupby("Order")["Raw"].transform("sum")\n'
            'time_decay = paths.groupby("Channel")["Decay"].sum()',
            'end = paths.groupby("Order")["Timestamp"].transform("last")\n'
            'hours = (end - paths["Timestamp"]).dt.total_seconds() / 3600\n'
            "raw = 0.5 ** (hours / 24 / 7)\n"
            'weight = raw / raw.groupby(paths["Order"]).transform("sum")\n'
            'time_decay = weight.groupby(paths["Channel"]).sum()',
        ],
        "wrong": {
            "the wrong direction": (
                'start = paths.groupby("Order")["Timestamp"].transform("min")\n'
                'days = (paths["Timestamp"] - start).dt.total_seconds() / 86400\n'
                "raw = 0.5 ** (days / 7)\n"
                'weight = raw / raw.groupby(paths["Order"]).transform("sum")\n'
                'time_decay = weight.groupby(paths["Channel"]).sum()'
            ),
            "not normalised": (
                'latest = paths.groupby("Order")["Timestamp"].transform("max")\n'
                'days = (latest - paths["Timestamp"]).dt.total_seconds() / 86400\n'
                'time_decay = (0.5 ** (days / 7)).groupby(paths["Channel"]).sum()'
            ),
            "whole days": (
                'latest = paths.groupby("Order")["Timestamp"].transform("max")\n'
                'days = (latest - paths["Timestamp"]).dt.days\n'
                "raw = 0.5 ** (days / 7)\n"
                'weight = raw / raw.groupby(paths["Order"]).transform("sum")\n'
                'time_decay = weight.groupby(paths["Channel"]).sum()'
            ),
            "decays by e": (
                'latest = paths.groupby("Order")["Timestamp"].transform("max")\n'
                'days = (latest - paths["Timestamp"]).dt.total_seconds() / 86400\n'
                "raw = np.exp(-days / 7)\n"
                'weight = raw / raw.groupby(paths["Order"]).transform("sum")\n'
                'time_decay = weight.groupby(paths["Channel"]).sum()'
            ),
            "halves per visit": (
                'raw = 0.5 ** (paths["Touches"] - paths["Touch"])\n'
                'weight = raw / raw.groupby(paths["Order"]).transform("sum")\n'
                'time_decay = weight.groupby(paths["Channel"]).sum()'
            ),
            "one number": "time_decay = 0.5 ** (7 / 7)",
            "a half-life of 14 days": (
                'latest = paths.groupby("Order")["Timestamp"].transform("max")\n'
                'days = (latest - paths["Timestamp"]).dt.total_seconds() / 86400\n'
                "raw = 0.5 ** (days / 14)\n"
                'weight = raw / raw.groupby(paths["Order"]).transform("sum")\n'
                'time_decay = weight.groupby(paths["Channel"]).sum()'
            ),
        },
        "says": {
            "the wrong direction": "run the wrong way",
            "not normalised": "aren't divided by their order's total",
            "whole days": "whole days",
            "decays by e": "decays by e",
            "halves per visit": "halve with each visit back",
            "one number": "with a label on each row",
            "a half-life of 14 days": "not all of its values are right yet",
        },
    },
    "ex7": {
        "right": [
            "def weight(row):\n"
            '    if row["Touches"] == 1:\n'
            "        return 1.0\n"
            '    if row["Touches"] == 2:\n'
            "        return 0.5\n"
            '    if row["Touch"] in (1, row["Touches"]):\n'
            "        return 0.4\n"
            '    return 0.2 / (row["Touches"] - 2)\n'
            "\n"
            'paths["Position"] = paths.apply(weight, axis=1)\n'
            'position_based = paths.groupby("Channel")["Position"].sum()',
            't, n = paths["Touch"], paths["Touches"]\n'
            "ends = np.where((t == 1) | (t == n), 0.4, 0.2 / (n - 2))\n"
            "w = np.where(n == 1, 1.0, np.where(n == 2, 0.5, ends))\n"
            'position_based = pd.Series(w, index=paths.index).groupby(paths["Channel"]).sum()',
        ],
        "wrong": {
            "no special cases": (
                't, n = paths["Touch"], paths["Touches"]\n'
                "w = np.where((t == 1) | (t == n), 0.4, 0.2 / (n - 2))\n"
                'position_based = pd.Series(w, index=paths.index).groupby(paths["Channel"]).sum()'
            ),
            "two-visit journeys at 0.4": (
                't, n = paths["Touch"], paths["Touches"]\n'
                "w = np.where(n == 1, 1.0, np.where((t == 1) | (t == n), 0.4, 0.2 / (n - 2)))\n"
                'position_based = pd.Series(w, index=paths.index).groupby(paths["Channel"]).sum()'
            ),
            "single visits at 0.4": (
                't, n = paths["Touch"], paths["Touches"]\n'
                "w = np.where(n == 2, 0.5, np.where((t == 1) | (t == n), 0.4, 0.2 / (n - 2)))\n"
                'position_based = pd.Series(w, index=paths.index).groupby(paths["Channel"]).sum()'
            ),
            "middle not shared": (
                't, n = paths["Touch"], paths["Touches"]\n'
                "w = np.where(n == 1, 1.0, np.where(n == 2, 0.5, np.where((t == 1) | (t == n), 0.4, 0.2)))\n"
                'position_based = pd.Series(w, index=paths.index).groupby(paths["Channel"]).sum()'
            ),
            "the workbook's order": (
                't = journeys.groupby("Order").cumcount() + 1\n'
                'n = journeys.groupby("Order")["Order"].transform("size")\n'
                "ends = np.where((t == 1) | (t == n), 0.4, 0.2 / (n - 2))\n"
                "w = np.where(n == 1, 1.0, np.where(n == 2, 0.5, ends))\n"
                'position_based = pd.Series(w, index=journeys.index).groupby(journeys["Channel"]).sum()'
            ),
            "linear": 'position_based = (1 / paths["Touches"]).groupby(paths["Channel"]).sum()',
            "30/40/30": (
                't, n = paths["Touch"], paths["Touches"]\n'
                "ends = np.where((t == 1) | (t == n), 0.3, 0.4 / (n - 2))\n"
                "w = np.where(n == 1, 1.0, np.where(n == 2, 0.5, ends))\n"
                'position_based = pd.Series(w, index=paths.index).groupby(paths["Channel"]).sum()'
            ),
        },
        "says": {
            "no special cases": "Journeys of one or two visits",
            "two-visit journeys at 0.4": "Journeys of two visits hand out only 0.8",
            "single visits at 0.4": "Journeys of a single visit",
            "middle not shared": "the whole 0.2",
            "the workbook's order": "follow the workbook's row order",
            "linear": "That's linear credit",
            "30/40/30": "not all of its values are right yet",
        },
    },
    "ex8": {
        "right": [
            "models = {\n"
            '    "First touch": first_touch,\n'
            '    "Last touch": last_touch,\n'
            '    "Linear": linear,\n'
            '    "Time decay": time_decay,\n'
            '    "Position based": position_based,\n'
            "}\n"
            "social_share = pd.DataFrame(models).T[SOCIAL] / n_conversions\n"
            'social_share["Social"] = social_share.sum(axis=1)',
            "rows = {}\n"
            "for name, credit in [\n"
            '    ("Position based", position_based),\n'
            '    ("Time decay", time_decay),\n'
            '    ("Linear", linear),\n'
            '    ("Last touch", last_touch),\n'
            '    ("First touch", first_touch),\n'
            "]:\n"
            "    rows[name] = {\n"
            '        "Organic Social": credit["Organic Social"] / n_conversions,\n'
            '        "Paid Social": credit["Paid Social"] / n_conversions,\n'
            '        "Social": credit[SOCIAL].sum() / n_conversions,\n'
            "    }\n"
            "social_share = pd.DataFrame(rows).T.round(3)",
        ],
        "wrong": {
            "percentages": (
                "models = {'First touch': first_touch, 'Last touch': last_touch, 'Linear': linear,\n"
                "          'Time decay': time_decay, 'Position based': position_based}\n"
                "social_share = pd.DataFrame(models).T[SOCIAL] / n_conversions * 100\n"
                'social_share["Social"] = social_share.sum(axis=1)'
            ),
            "counts, not shares": (
                "models = {'First touch': first_touch, 'Last touch': last_touch, 'Linear': linear,\n"
                "          'Time decay': time_decay, 'Position based': position_based}\n"
                "social_share = pd.DataFrame(models).T[SOCIAL]\n"
                'social_share["Social"] = social_share.sum(axis=1)'
            ),
            "divided by visits": (
                "models = {'First touch': first_touch, 'Last touch': last_touch, 'Linear': linear,\n"
                "          'Time decay': time_decay, 'Position based': position_based}\n"
                "social_share = pd.DataFrame(models).T[SOCIAL] / len(journeys)\n"
                'social_share["Social"] = social_share.sum(axis=1)'
            ),
            "Paid Other counted as social": (
                "models = {'First touch': first_touch, 'Last touch': last_touch, 'Linear': linear,\n"
                "          'Time decay': time_decay, 'Position based': position_based}\n"
                "table = pd.DataFrame(models).T / n_conversions\n"
                "social_share = table[SOCIAL].copy()\n"
                'social_share["Social"] = table[SOCIAL + ["Paid Other"]].sum(axis=1)'
            ),
            "no Social column": (
                "models = {'First touch': first_touch, 'Last touch': last_touch, 'Linear': linear,\n"
                "          'Time decay': time_decay, 'Position based': position_based}\n"
                "social_share = pd.DataFrame(models).T[SOCIAL] / n_conversions"
            ),
            "models in columns": (
                "models = {'First touch': first_touch, 'Last touch': last_touch, 'Linear': linear,\n"
                "          'Time decay': time_decay, 'Position based': position_based}\n"
                "social_share = pd.DataFrame(models).loc[SOCIAL] / n_conversions"
            ),
            "lower-case model names": (
                "models = {'first touch': first_touch, 'last touch': last_touch, 'linear': linear,\n"
                "          'time decay': time_decay, 'position based': position_based}\n"
                "social_share = pd.DataFrame(models).T[SOCIAL] / n_conversions\n"
                'social_share["Social"] = social_share.sum(axis=1)'
            ),
        },
        "says": {
            "percentages": "look like percentages",
            "counts, not shares": "numbers of conversions",
            "divided by visits": "divide by the number of visits",
            "Paid Other counted as social": "also counts Paid Other",
            "no Social column": "has no column 'Social'",
            "models in columns": "has no column",
            "lower-case model names": "row labels aren't the ones asked for",
        },
    },
    "ex9": {
        "right": [
            'value = paths.groupby("Order")["Conversion value"].transform("max")\n'
            'linear_revenue = (value / paths["Touches"]).groupby(paths["Channel"]).sum()',
            'order_value = journeys.groupby("Order")["Conversion value"].sum()\n'
            'paths["Value"] = paths["Order"].map(order_value)\n'
            'shared = paths.assign(Share=paths["Value"] / paths["Touches"])\n'
            'linear_revenue = shared.pivot_table(index="Channel", values="Share", aggfunc="sum")',
        ],
        "wrong": {
            "value on converting visits only": (
                'share = paths["Conversion value"] / paths["Touches"]\n'
                'linear_revenue = share.groupby(paths["Channel"]).sum()'
            ),
            "the whole value to every visit": (
                'value = paths.groupby("Order")["Conversion value"].transform("sum")\n'
                'linear_revenue = value.groupby(paths["Channel"]).sum()'
            ),
            "last-touch revenue": 'linear_revenue = journeys.groupby("Channel")["Conversion value"].sum()',
            "conversions, not dollars": "linear_revenue = linear",
            "one number": 'linear_revenue = journeys["Conversion value"].sum()',
            "rounded to thousands": (
                'value = paths.groupby("Order")["Conversion value"].transform("sum")\n'
                'linear_revenue = (value / paths["Touches"]).groupby(paths["Channel"]).sum().round(-3)'
            ),
        },
        "says": {
            "value on converting visits only": "Only the converting visits got revenue",
            "the whole value to every visit": "whole value",
            "last-touch revenue": "last-touch revenue",
            "conversions, not dollars": "conversions, not dollars",
            "one number": "with a label on each row",
            "rounded to thousands": "not all of its values are right yet",
        },
    },
}
