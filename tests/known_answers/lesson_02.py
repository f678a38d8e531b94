"""Known right and wrong answers of lesson 02 (see __init__.py for what the tests do with them)."""

LESSON_ID = "02-which-posts-won"

ANSWERS = {
    "ex1": {
        "right": [
            'fb["Rate by reach"] = fb["Engagements"].div(fb["Reach"]).round(4)',
            'fb["Rate by reach"] = (fb["Likes"] + fb["Comments"] + fb["Shares"]) / fb["Reach"]',
        ],
        "wrong": {
            "by impressions": 'fb["Rate by reach"] = fb["Engagements"] / fb["Impressions"]',
            "organic reach": 'fb["Rate by reach"] = fb["Engagements"] / fb["Lifetime Post organic reach"]',
            "engaged users": 'fb["Rate by reach"] = fb["Lifetime Engaged Users"] / fb["Reach"]',
            "upside down": 'fb["Rate by reach"] = fb["Reach"] / fb["Engagements"]',
            "percentages": 'fb["Rate by reach"] = fb["Engagements"] / fb["Reach"] * 100',
            "a lower-case name": 'fb["rate by reach"] = fb["Engagements"] / fb["Reach"]',
            "the overall rate in every row": (
                'fb["Rate by reach"] = fb["Engagements"].sum() / fb["Reach"].sum()'
            ),
            "rounded to 2 decimals": 'fb["Rate by reach"] = (fb["Engagements"] / fb["Reach"]).round(2)',
        },
        "says": {
            "by impressions": "engagement per impression",
            "organic reach": "organic reach only",
            "engaged users": "uses Lifetime Engaged Users",
            "upside down": "upside down",
            "percentages": "look like percentages",
            "a lower-case name": 'it should be called "Rate by reach"',
            "the overall rate in every row": "not all of its values are right yet",
            "rounded to 2 decimals": "not all of its values are right yet",
        },
    },
    "ex2": {
        "right": [
            'rate_by_reach = round(fb["Engagements"].sum() / fb["Reach"].sum(), 4)',
            'rate_by_reach = float(sum(fb["Engagements"]) / sum(fb["Reach"]))',
            'totals = fb[["Engagements", "Reach"]].sum()\n'
            'rate_by_reach = totals["Engagements"] / totals["Reach"]',
        ],
        "wrong": {
            "mean of per-post rates": 'rate_by_reach = (fb["Engagements"] / fb["Reach"]).mean()',
            "median of per-post rates": 'rate_by_reach = (fb["Engagements"] / fb["Reach"]).median()',
            "by impressions": 'rate_by_reach = fb["Engagements"].sum() / fb["Impressions"].sum()',
            "engaged users": 'rate_by_reach = fb["Lifetime Engaged Users"].sum() / fb["Reach"].sum()',
            "organic reach": (
                'rate_by_reach = fb["Engagements"].sum() / fb["Lifetime Post organic reach"].sum()'
            ),
            "a percentage": 'rate_by_reach = 100 * fb["Engagements"].sum() / fb["Reach"].sum()',
            "per-post rates, not one number": 'rate_by_reach = fb["Engagements"] / fb["Reach"]',
            "a formatted text": "rate_by_reach = f\"{fb['Engagements'].sum() / fb['Reach'].sum():.2%}\"",
            "rounded to 2 decimals": 'rate_by_reach = round(fb["Engagements"].sum() / fb["Reach"].sum(), 2)',
        },
        "says": {
            "mean of per-post rates": "mean of the per-post rates",
            "median of per-post rates": "median of the per-post rates",
            "by impressions": "engagement per impression",
            "engaged users": "uses Lifetime Engaged Users",
            "organic reach": "organic reach only",
            "a percentage": "looks like a percentage",
            "per-post rates, not one number": "one number is asked for",
            "a formatted text": "it should be a number",
            "rounded to 2 decimals": "not the number asked for yet",
        },
    },
    "ex3": {
        "right": [
            'rate_by_impressions = fb["Engagements"].sum() / fb["Impressions"].sum()\n'
            "rate_by_impressions = round(rate_by_impressions, 4)",
            'totals = fb[["Engagements", "Impressions"]].sum()\n'
            'rate_by_impressions = totals["Engagements"] / totals["Impressions"]',
        ],
        "wrong": {
            "mean of per-post rates": 'rate_by_impressions = (fb["Engagements"] / fb["Impressions"]).mean()',
            "by reach": 'rate_by_impressions = fb["Engagements"].sum() / fb["Reach"].sum()',
            "organic impressions": (
                'organic = fb["Lifetime Post Organic Impressions"]\n'
                'rate_by_impressions = fb["Engagements"].sum() / organic.sum()'
            ),
            "upside down": 'rate_by_impressions = fb["Impressions"].sum() / fb["Engagements"].sum()',
            "a percentage": 'rate_by_impressions = fb["Engagements"].sum() / fb["Impressions"].sum() * 100',
            "not summed": 'rate_by_impressions = fb["Engagements"] / fb["Impressions"]',
            "engaged users": (
                'rate_by_impressions = fb["Lifetime Engaged Users"].sum() / fb["Impressions"].sum()'
            ),
        },
        "says": {
            "mean of per-post rates": "mean of the per-post rates",
            "by reach": "rate by reach from Exercise 2",
            "organic impressions": "organic impressions only",
            "upside down": "upside down",
            "a percentage": "looks like a percentage",
            "not summed": "one number is asked for",
            "engaged users": "not the number asked for yet",
        },
    },
    "ex4": {
        "right": [
            'lookup = followers.rename(columns={"Date": "Day", "Lifetime Total Followers": "Followers"})\n'
            'fb = fb.merge(lookup[["Day", "Followers"]], on="Day", how="left")\n'
            'rate_by_followers = fb["Engagements"].sum() / fb["Followers"].sum()',
            'fb["Followers"] = [followers_by_day[day] for day in fb["Day"]]\n'
            'rate_by_followers = fb["Engagements"].mean() / fb["Followers"].mean()',
        ],
        "wrong": {
            "mean of per-post rates": (
                'fb["Followers"] = fb["Day"].map(followers_by_day)\n'
                'rate_by_followers = (fb["Engagements"] / fb["Followers"]).mean()'
            ),
            "the last day's followers for every post": (
                'rate_by_followers = fb["Engagements"].mean() / followers_by_day.iloc[-1]'
            ),
            "the first day's followers for every post": (
                'rate_by_followers = fb["Engagements"].sum() / (len(fb) * followers_by_day.iloc[0])'
            ),
            "two years over one day": (
                'rate_by_followers = fb["Engagements"].sum() / followers["Lifetime Total Followers"].iloc[-1]'
            ),
            "every day's followers": (
                'rate_by_followers = fb["Engagements"].sum() / followers["Lifetime Total Followers"].sum()'
            ),
            "by reach": 'rate_by_followers = fb["Engagements"].sum() / fb["Reach"].sum()',
            "a percentage": (
                'fb["Followers"] = fb["Day"].map(followers_by_day)\n'
                'rate_by_followers = fb["Engagements"].sum() / fb["Followers"].sum() * 100'
            ),
            "looked up the Posted text": (
                'fb["Followers"] = fb["Posted"].map(followers_by_day)\n'
                'rate_by_followers = (fb["Engagements"] / fb["Followers"]).mean()'
            ),
            "per-post rates, not one number": (
                'fb["Followers"] = fb["Day"].map(followers_by_day)\n'
                'rate_by_followers = fb["Engagements"] / fb["Followers"]'
            ),
        },
        "says": {
            "mean of per-post rates": "mean of the per-post rates",
            "the last day's followers for every post": "last day's followers for every post",
            "the first day's followers for every post": "first day's followers for every post",
            "two years over one day": "two years of engagements by one day's followers",
            "every day's followers": "including days without a post",
            "by reach": "That's the rate by reach",
            "a percentage": "looks like a percentage",
            "looked up the Posted text": "NaN (not a number)",
            "per-post rates, not one number": "one number is asked for",
        },
    },
    "ex5": {
        "right": [
            'fb["Rate by reach"] = fb["Engagements"] / fb["Reach"]\n'
            'top_by_reach = fb.sort_values("Rate by reach", ascending=False).head(10)["Post ID"]',
            'ranked = fb.assign(rate=fb["Engagements"] / fb["Reach"])\n'
            'top_by_reach = ranked.nlargest(10, "rate")[["Post ID"]]',
            'rates = fb.set_index("Post ID")["Engagements"] / fb.set_index("Post ID")["Reach"]\n'
            "top_by_reach = rates.nlargest(10).index.to_series()",
        ],
        "wrong": {
            "lowest first": (
                'fb["Rate by reach"] = fb["Engagements"] / fb["Reach"]\n'
                'top_by_reach = fb.nlargest(10, "Rate by reach")["Post ID"][::-1]'
            ),
            "the 10 lowest": (
                'fb["Rate by reach"] = fb["Engagements"] / fb["Reach"]\n'
                'top_by_reach = fb.sort_values("Rate by reach").head(10)["Post ID"]'
            ),
            "by engagements": 'top_by_reach = fb.nlargest(10, "Engagements")["Post ID"]',
            "by reach": 'top_by_reach = fb.nlargest(10, "Reach")["Post ID"]',
            "by rate by impressions": (
                'ranked = fb.assign(rate=fb["Engagements"] / fb["Impressions"])\n'
                'top_by_reach = ranked.nlargest(10, "rate")["Post ID"]'
            ),
            "whole rows": (
                'fb["Rate by reach"] = fb["Engagements"] / fb["Reach"]\n'
                'top_by_reach = fb.nlargest(10, "Rate by reach")'
            ),
            "a list": (
                'fb["Rate by reach"] = fb["Engagements"] / fb["Reach"]\n'
                'top_by_reach = list(fb.nlargest(10, "Rate by reach")["Post ID"])'
            ),
            "top 5": (
                'fb["Rate by reach"] = fb["Engagements"] / fb["Reach"]\n'
                'top_by_reach = fb.nlargest(5, "Rate by reach")["Post ID"]'
            ),
        },
        "says": {
            "lowest first": "right 10 posts, lowest first",
            "the 10 lowest": "lowest rate",
            "by engagements": "top 10 by engagements",
            "by reach": "top 10 by reach (audience size)",
            "by rate by impressions": "top 10 by rate by impressions",
            "whole rows": "columns",
            "a list": "(a Series)",
            "top 5": "doesn't have the number of rows asked for",
        },
    },
    "ex6": {
        "right": [
            'fb["Rate by followers"] = fb["Engagements"] / fb["Followers"]\n'
            'top_by_followers = fb.sort_values("Rate by followers", ascending=False)["Post ID"].head(10)',
            'rates = fb["Engagements"] / fb["Followers"]\n'
            'top_by_followers = fb.loc[rates.nlargest(10).index, ["Post ID"]]',
        ],
        "wrong": {
            "lowest first": (
                'rates = fb["Engagements"] / fb["Followers"]\n'
                'top_by_followers = fb.loc[rates.nlargest(10).index, "Post ID"].iloc[::-1]'
            ),
            "by engagements": 'top_by_followers = fb.nlargest(10, "Engagements")["Post ID"]',
            "by rate by reach": (
                'top_by_followers = fb.loc[(fb["Engagements"] / fb["Reach"]).nlargest(10).index, "Post ID"]'
            ),
            "the 10 lowest": (
                'rates = fb["Engagements"] / fb["Followers"]\n'
                'top_by_followers = fb.loc[rates.nsmallest(10).index, "Post ID"]'
            ),
            "an index, not a Series": (
                'by_id = fb.set_index("Post ID")\n'
                'top_by_followers = (by_id["Engagements"] / by_id["Followers"]).nlargest(10).index'
            ),
            "by reach": 'top_by_followers = fb.nlargest(10, "Reach")["Post ID"]',
        },
        "says": {
            "lowest first": "right 10 posts, lowest first",
            "by engagements": "same posts, in another order",
            "by rate by reach": "top 10 by rate by reach (Exercise 5)",
            "the 10 lowest": "lowest rate by followers",
            "an index, not a Series": "(a Series)",
            "by reach": "not all of its values are right yet",
        },
    },
    "ex7": {
        "right": [
            'sums = fb.pivot_table(index="Type", values=["Engagements", "Reach"], aggfunc="sum")\n'
            'rate_by_type = sums.eval("Engagements / Reach")',
            'by_type = fb.groupby("Type")\n'
            'rate_by_type = (by_type["Engagements"].sum() / by_type["Reach"].sum()).sort_values()',
            'by_type = fb.groupby("Type")\n'
            'rate_by_type = (by_type["Engagements"].sum() / by_type["Reach"].sum()).to_frame("Rate")',
        ],
        "wrong": {
            "mean of per-post rates": (
                'rate_by_type = (fb["Engagements"] / fb["Reach"]).groupby(fb["Type"]).mean()'
            ),
            "by impressions": (
                'by_type = fb.groupby("Type")\n'
                'rate_by_type = by_type["Engagements"].sum() / by_type["Impressions"].sum()'
            ),
            "upside down": (
                'by_type = fb.groupby("Type")\n'
                'rate_by_type = by_type["Reach"].sum() / by_type["Engagements"].sum()'
            ),
            "share of all engagements": (
                'rate_by_type = fb.groupby("Type")["Engagements"].sum() / fb["Engagements"].sum()'
            ),
            "the sums, not divided": 'rate_by_type = fb.groupby("Type")[["Engagements", "Reach"]].sum()',
            "grouped by boosting": (
                'by_boost = fb.groupby(fb["Paid reach"] > 0)\n'
                'rate_by_type = by_boost["Engagements"].sum() / by_boost["Reach"].sum()'
            ),
            "percentages": (
                'by_type = fb.groupby("Type")\n'
                'rate_by_type = 100 * by_type["Engagements"].sum() / by_type["Reach"].sum()'
            ),
        },
        "says": {
            "mean of per-post rates": "means of the per-post rates",
            "by impressions": "rates by impressions",
            "upside down": "upside down",
            "share of all engagements": "share of all engagements",
            "the sums, not divided": "has 2 columns",
            "grouped by boosting": "doesn't have the number of rows asked for",
            "percentages": "not all of its values are right yet",
        },
    },
    "ex8": {
        "right": [
            'sums = fb.pivot_table(index="Promotion", values=["Engagements", "Reach"], aggfunc="sum")\n'
            'rate_by_promotion = sums.eval("Engagements / Reach")',
            'boosted = fb[fb["Paid reach"] > 0]\n'
            'organic = fb[fb["Paid reach"] == 0]\n'
            "rate_by_promotion = pd.Series({\n"
            '    "Organic": organic["Engagements"].sum() / organic["Reach"].sum(),\n'
            '    "Boosted": boosted["Engagements"].sum() / boosted["Reach"].sum(),\n'
            "})",
        ],
        "wrong": {
            "mean of per-post rates": (
                'rate_by_promotion = (fb["Engagements"] / fb["Reach"]).groupby(fb["Promotion"]).mean()'
            ),
            "by impressions": (
                'totals = fb.groupby("Promotion")[["Engagements", "Impressions"]].sum()\n'
                'rate_by_promotion = totals["Engagements"] / totals["Impressions"]'
            ),
            "labels swapped": (
                'boosted = fb[fb["Paid reach"] > 0]\n'
                'organic = fb[fb["Paid reach"] == 0]\n'
                "rate_by_promotion = pd.Series({\n"
                '    "Boosted": organic["Engagements"].sum() / organic["Reach"].sum(),\n'
                '    "Organic": boosted["Engagements"].sum() / boosted["Reach"].sum(),\n'
                "})"
            ),
            "True and False labels": (
                'totals = fb.groupby(fb["Paid reach"] > 0)[["Engagements", "Reach"]].sum()\n'
                'rate_by_promotion = totals["Engagements"] / totals["Reach"]'
            ),
            "one overall number": 'rate_by_promotion = fb["Engagements"].sum() / fb["Reach"].sum()',
            "grouped by type": (
                'by_type = fb.groupby("Type")\n'
                'rate_by_promotion = by_type["Engagements"].sum() / by_type["Reach"].sum()'
            ),
        },
        "says": {
            "mean of per-post rates": "means of the per-post rates",
            "by impressions": "rates by impressions",
            "labels swapped": "labels are swapped",
            "True and False labels": "labelled True and False",
            "one overall number": "(a Series)",
            "grouped by type": "doesn't have the number of rows asked for",
        },
    },
    "ex9": {
        "right": [
            "sums = fb.pivot_table(\n"
            '    index="Type", columns="Promotion", values=["Engagements", "Reach"], aggfunc="sum"\n'
            ")\n"
            'rate_by_type_and_promotion = sums["Engagements"] / sums["Reach"]',
            "rate_by_type_and_promotion = pd.DataFrame({\n"
            '    group: fb[fb["Promotion"] == group].groupby("Type")["Engagements"].sum()\n'
            '    / fb[fb["Promotion"] == group].groupby("Type")["Reach"].sum()\n'
            '    for group in ["Organic", "Boosted"]\n'
            "})",
        ],
        "wrong": {
            "mean of per-post rates": (
                'rate_by_type_and_promotion = (fb["Engagements"] / fb["Reach"]).groupby('
                '[fb["Type"], fb["Promotion"]]).mean().unstack()'
            ),
            "by impressions": (
                'sums = fb.groupby(["Type", "Promotion"])[["Engagements", "Impressions"]].sum()\n'
                'rate_by_type_and_promotion = (sums["Engagements"] / sums["Impressions"]).unstack()'
            ),
            "Status row dropped": (
                'sums = fb.groupby(["Type", "Promotion"])[["Engagements", "Reach"]].sum()\n'
                'rate_by_type_and_promotion = (sums["Engagements"] / sums["Reach"]).unstack().dropna()'
            ),
            "post counts": 'rate_by_type_and_promotion = pd.crosstab(fb["Type"], fb["Promotion"])',
            "types across the columns": (
                'sums = fb.groupby(["Type", "Promotion"])[["Engagements", "Reach"]].sum()\n'
                'rate_by_type_and_promotion = (sums["Engagements"] / sums["Reach"]).unstack("Type")'
            ),
            "not unstacked": (
                'sums = fb.groupby(["Type", "Promotion"])[["Engagements", "Reach"]].sum()\n'
                'rate_by_type_and_promotion = sums["Engagements"] / sums["Reach"]'
            ),
            "percentages": (
                'sums = fb.groupby(["Type", "Promotion"])[["Engagements", "Reach"]].sum()\n'
                'rate_by_type_and_promotion = (100 * sums["Engagements"] / sums["Reach"]).unstack()'
            ),
        },
        "says": {
            "mean of per-post rates": "means of the per-post rates",
            "by impressions": "rates by impressions",
            "Status row dropped": "Status row is missing",
            "post counts": "Those count posts",
            "types across the columns": "has no column",
            "not unstacked": "should be a table (DataFrame)",
            "percentages": "not all of its values are right yet",
        },
    },
}
