"""Known right and wrong answers of lesson 01 (see __init__.py for what the tests do with them).

The answer cells of ex1, ex3, ex4 and ex8 also read a DataFrame (facebook, instagram, x_posts, france)
that later exercises or the known answers use. Each known wrong answer of these exercises reads it right
first, so that only its own mistake is judged.
"""

LESSON_ID = "01-reading-exports"

READ_X = 'pd.read_csv(file, dtype={"Tweet id": str}, na_values="-")'
READ_FACEBOOK = (
    'facebook = pd.read_excel(FACEBOOK_FILE, sheet_name="Key Metrics", skiprows=[1], engine="openpyxl")\n'
)
READ_INSTAGRAM = 'instagram = pd.read_csv(INSTAGRAM_FILE, encoding="utf-8-sig", thousands=",")\n'
READ_FRANCE = (
    'france = pd.read_csv(FRANCE_FILE, sep=";", decimal=",")\n'
    'france["Date"] = pd.to_datetime(france["Date"], format="%d/%m/%Y")\n'
)
READ_X_POSTS = f"x_posts = pd.concat([{READ_X} for file in X_FILES], ignore_index=True)\n"

ANSWERS = {
    "ex1": {
        "right": [
            'facebook = pd.read_excel(FACEBOOK_FILE, skiprows=[1], engine="openpyxl")\n'
            "facebook_types = facebook.dtypes",
            "facebook = pd.read_excel(FACEBOOK_FILE, sheet_name=0, "
            'header=0, skiprows=[1], engine="openpyxl")\n'
            'facebook_types = facebook.dtypes.to_frame("type").sort_index()',
        ],
        "wrong": {
            "the description row kept": (
                "facebook_types = pd.read_excel(FACEBOOK_FILE, "
                'sheet_name="Key Metrics", engine="openpyxl").dtypes'
            ),
            "the description row dropped after reading": (
                'facebook_types = pd.read_excel(FACEBOOK_FILE, engine="openpyxl").drop(index=0).dtypes'
            ),
            "skiprows=1 skips the header": (
                'facebook_types = pd.read_excel(FACEBOOK_FILE, skiprows=1, engine="openpyxl").dtypes'
            ),
            "the negative feedback sheet": (
                'facebook_types = pd.read_excel(FACEBOOK_FILE, sheet_name="Lifetime Negative Feedback", '
                'skiprows=[1], engine="openpyxl").dtypes'
            ),
            "the followers sheet": (
                "facebook_types = pd.read_excel(FACEBOOK_FILE, "
                'sheet_name=2, skiprows=[1], engine="openpyxl").dtypes'
            ),
            "the followers sheet, description row kept": (
                "facebook_types = pd.read_excel(FACEBOOK_FILE, "
                'sheet_name="Page followers", engine="openpyxl").dtypes'
            ),
            "one column's type only": 'facebook_types = facebook["Lifetime Post Total Reach"].dtype',
            "every column as text": (
                "facebook_types = pd.read_excel(FACEBOOK_FILE, "
                'skiprows=[1], dtype=str, engine="openpyxl").dtypes'
            ),
        },
        "says": {
            "the description row kept": "the description row under the header was read with them",
            "the description row dropped after reading": "leaves the columns as text",
            "skiprows=1 skips the header": "The description row became the header",
            "the negative feedback sheet": "the sheet Lifetime Negative Feedback",
            "the followers sheet": "the sheet Page followers. The posts",
            "the followers sheet, description row kept": "the sheet Page followers, description row included",
            "one column's type only": "should be a column of values with a label on each row",
            "every column as text": "not all of its values are right yet",
        },
    },
    "ex2": {
        "right": [
            'facebook_reach = int(facebook["Lifetime Post Total Reach"].sum())',
            'facebook_reach = sum(facebook["Lifetime Post Total Reach"])',
            'facebook_reach = facebook.sum(numeric_only=True)["Lifetime Post Total Reach"]',
        ],
        "wrong": {
            "organic plus paid": (
                'facebook_reach = facebook["Lifetime Post organic reach"].sum() + '
                'facebook["Lifetime Post Paid Reach"].sum()'
            ),
            "organic only": 'facebook_reach = facebook["Lifetime Post organic reach"].sum()',
            "impressions": 'facebook_reach = facebook["Lifetime Post Total Impressions"].sum()',
            "the largest post": 'facebook_reach = facebook["Lifetime Post Total Reach"].max()',
            "the average": 'facebook_reach = facebook["Lifetime Post Total Reach"].mean()',
            "a text": 'facebook_reach = str(facebook["Lifetime Post Total Reach"].sum())',
            "the whole column": 'facebook_reach = facebook["Lifetime Post Total Reach"]',
        },
        "says": {
            "organic plus paid": "That adds organic and paid reach",
            "organic only": "organic reach only",
            "impressions": "That adds up impressions",
            "the largest post": "largest reach of a single post",
            "the average": "should be a whole number",
            "a text": "it should be a number",
            "the whole column": "one number is asked for",
        },
    },
    "ex3": {
        "right": [
            'instagram = pd.read_csv(INSTAGRAM_FILE, thousands=",")\n'
            'instagram_reach = instagram["Reach"].sum()',
            "instagram = raw_instagram.copy()\n"
            'instagram["Reach"] = instagram["Reach"].str.replace(",", "").astype(int)\n'
            'instagram_reach = int(instagram["Reach"].sum())',
        ],
        "wrong": {
            "commas turned into NaN": (
                'instagram_reach = pd.to_numeric(raw_instagram["Reach"], errors="coerce").sum()'
            ),
            "views": (
                "instagram_reach = pd.read_csv(INSTAGRAM_FILE, "
                'encoding="utf-8-sig", thousands=",")["Views"].sum()'
            ),
            "the largest post": 'instagram_reach = instagram["Reach"].max()',
            "text glued together": 'instagram_reach = raw_instagram["Reach"].sum()',
            "commas read as decimal points": (
                'instagram_reach = raw_instagram["Reach"].str.replace(",", ".").astype(float).sum()'
            ),
            "likes": 'instagram_reach = instagram["Likes"].sum()',
        },
        "says": {
            "commas turned into NaN": "fewer than a thousand people",
            "views": "That adds up Views",
            "the largest post": "largest reach of a single post",
            "text glued together": "it should be a number",
            "commas read as decimal points": "should be a whole number",
            "likes": "not the number asked for yet",
        },
    },
    "ex4": {
        "right": [
            f"x_posts = pd.concat([{READ_X} for file in X_FILES])\n"
            'x_impressions = int(x_posts["impressions"].sum())',
            "months = []\n"
            "for file in X_FILES:\n"
            f"    months.append({READ_X})\n"
            "x_posts = pd.concat(months, ignore_index=True)\n"
            'x_impressions = x_posts["impressions"].sum()',
        ],
        "wrong": {
            "a month read twice": (
                f"x_impressions = pd.concat([{READ_X} for file in "
                'X_FILES + X_FILES[3:4]])["impressions"].sum()'
            ),
            "a month left out": (
                f"x_impressions = pd.concat([{READ_X} for file in "
                'X_FILES[:7] + X_FILES[8:]])["impressions"].sum()'
            ),
            "every month twice": (
                f'x_impressions = pd.concat([{READ_X} for file in X_FILES * 2])["impressions"].sum()'
            ),
            "the loop keeps the last month": (
                "for file in X_FILES:\n"
                f"    one_month = {READ_X}\n"
                'x_impressions = one_month["impressions"].sum()'
            ),
            "one file only": f'x_impressions = [{READ_X} for file in X_FILES][0]["impressions"].sum()',
            "engagements": 'x_impressions = x_posts["engagements"].sum()',
        },
        "says": {
            "a month read twice": "x_tweet_activity_2024_10.csv is in twice",
            "a month left out": "x_tweet_activity_2025_02.csv is missing",
            "every month twice": "Every post is counted twice",
            "the loop keeps the last month": "That's the last month only",
            "one file only": "That's the first month only",
            "engagements": "not the number asked for yet",
        },
    },
    "ex5": {
        "right": [
            'tweet_ids = x_posts["Tweet permalink"].str.extract(r"(\\d+)$")',
            'tweet_ids = pd.Series([link.split("/")[-1] for link in x_posts["Tweet permalink"]])',
            'tweet_ids = x_posts["Tweet permalink"].str.rsplit("/", n=1).str[1].sort_values()',
        ],
        "wrong": {
            "the rounded IDs kept": 'tweet_ids = x_posts["Tweet id"]',
            "IDs read as numbers": (
                'tweet_ids = pd.concat([pd.read_csv(file) for file in X_FILES])["Tweet id"]'
            ),
            "IDs turned into numbers": (
                'tweet_ids = x_posts["Tweet permalink"].str.split("/").str[-1].astype("int64")'
            ),
            "whole links": 'tweet_ids = x_posts["Tweet permalink"]',
            "the wrong piece": 'tweet_ids = x_posts["Tweet permalink"].str.split("/").str[-2]',
            "a table of pieces": 'tweet_ids = x_posts["Tweet permalink"].str.split("/", expand=True)',
        },
        "says": {
            "the rounded IDs kept": "Excel's rounded numbers",
            "IDs read as numbers": "Those IDs were read as numbers",
            "IDs turned into numbers": "Your IDs are numbers",
            "whole links": "Those are whole links",
            "the wrong piece": "not all of its values are right yet",
            "a table of pieces": "one column of numbers is asked for",
        },
    },
    "ex6": {
        "right": [
            'local = pd.to_datetime(x_posts["time"], utc=True).dt.tz_convert(LOCAL_TIME_ZONE)\n'
            'x_posts_november = int((local.dt.strftime("%Y-%m") == "2024-11").sum())',
            'utc = pd.to_datetime(x_posts["time"], format="%Y-%m-%d %H:%M %z")\n'
            "local = utc.dt.tz_convert(LOCAL_TIME_ZONE)\n"
            'start = pd.Timestamp("2024-11-01", tz=LOCAL_TIME_ZONE)\n'
            'end = pd.Timestamp("2024-12-01", tz=LOCAL_TIME_ZONE)\n'
            "x_posts_november = len(local[(local >= start) & (local < end)])",
        ],
        "wrong": {
            "UTC months": 'x_posts_november = x_posts["time"].str.startswith("2024-11").sum()',
            "the rows of the November file": (
                'x_posts_november = len(pd.read_csv("x_tweet_activity_2024_11.csv"))'
            ),
            "both Novembers": (
                'local = pd.to_datetime(x_posts["time"], utc=True).dt.tz_convert(LOCAL_TIME_ZONE)\n'
                "x_posts_november = (local.dt.month == 11).sum()"
            ),
            "all of 2024": (
                'local = pd.to_datetime(x_posts["time"], utc=True).dt.tz_convert(LOCAL_TIME_ZONE)\n'
                "x_posts_november = (local.dt.year == 2024).sum()"
            ),
            "a share, not a count": (
                'local = pd.to_datetime(x_posts["time"], utc=True).dt.tz_convert(LOCAL_TIME_ZONE)\n'
                'x_posts_november = (local.dt.strftime("%Y-%m") == "2024-11").mean()'
            ),
        },
        "says": {
            "UTC months": "That counts November in UTC",
            "the rows of the November file": "That counts November in UTC",
            "both Novembers": "Novembers of both years",
            "all of 2024": "all of 2024",
            "a share, not a count": "should be a whole number",
        },
    },
    "ex7": {
        "right": [
            "ga4 = pd.read_csv(GA4_FILE, skiprows=9)\n"
            'best_revenue_day = pd.to_datetime(str(ga4.groupby("Date")["Total revenue"].sum().idxmax()), '
            'format="%Y%m%d")',
            'ga4 = pd.read_csv(GA4_FILE, comment="#", dtype={"Date": str})\n'
            'best_revenue_day = ga4.pivot_table(index="Date", values="Total revenue", aggfunc="sum")'
            '["Total revenue"].idxmax()',
        ],
        "wrong": {
            "the biggest single row": (
                'ga4_rows = pd.read_csv(GA4_FILE, comment="#", dtype={"Date": str})\n'
                'biggest_row = ga4_rows["Total revenue"].idxmax()\n'
                'best_revenue_day = pd.to_datetime(ga4_rows.loc[biggest_row, "Date"], format="%Y%m%d")'
            ),
            "dates read as numbers": (
                'ga4_rows = pd.read_csv(GA4_FILE, comment="#")\n'
                'ga4_rows["Date"] = pd.to_datetime(ga4_rows["Date"])\n'
                'best_revenue_day = ga4_rows.groupby("Date")["Total revenue"].sum().idxmax()'
            ),
            "the most sessions": (
                'ga4_rows = pd.read_csv(GA4_FILE, comment="#", dtype={"Date": str})\n'
                'best_revenue_day = ga4_rows.groupby("Date")["Sessions"].sum().idxmax()'
            ),
            "a number, not a date": (
                'ga4_rows = pd.read_csv(GA4_FILE, comment="#")\n'
                'best_revenue_day = ga4_rows.groupby("Date")["Total revenue"].sum().idxmax()'
            ),
            "the amount, not the day": (
                'ga4_rows = pd.read_csv(GA4_FILE, comment="#")\n'
                'best_revenue_day = ga4_rows.groupby("Date")["Total revenue"].sum().max()'
            ),
            "the smallest day": (
                'ga4_rows = pd.read_csv(GA4_FILE, comment="#", dtype={"Date": str})\n'
                'best_revenue_day = ga4_rows.groupby("Date")["Total revenue"].sum().idxmin()'
            ),
        },
        "says": {
            "the biggest single row": "the single biggest row",
            "dates read as numbers": "That's 1 January 1970",
            "the most sessions": "the most sessions",
            "a number, not a date": "should be a date",
            "the amount, not the day": "should be a date",
            "the smallest day": "not the day asked for yet",
        },
    },
    "ex8": {
        "right": [
            'france = pd.read_csv(FRANCE_FILE, sep=";", decimal=",", parse_dates=["Date"], dayfirst=True)\n'
            "france_sales_by_month = "
            'france.groupby(france["Date"].dt.strftime("%Y-%m"))[["CA HT (€)"]].sum()',
            'france = pd.read_csv(FRANCE_FILE, sep=";", decimal=",")\n'
            'france["Month"] = pd.to_datetime(france["Date"], dayfirst=True).dt.to_period("M")\n'
            'france_sales_by_month = france.pivot_table(index="Month", values="CA HT (€)", aggfunc="sum")',
        ],
        "wrong": {
            "dates read month first": (
                'france_text = pd.read_csv(FRANCE_FILE, sep=";", decimal=",")\n'
                'month_first = pd.to_datetime(france_text["Date"], format="mixed")\n'
                "france_sales_by_month = "
                'france_text.groupby(month_first.dt.to_period("M"))["CA HT (€)"].sum()'
            ),
            "month first, day-13 dates dropped": (
                'france_text = pd.read_csv(FRANCE_FILE, sep=";", decimal=",")\n'
                'month_first = pd.to_datetime(france_text["Date"], format="%m/%d/%Y", errors="coerce")\n'
                "france_sales_by_month = "
                'france_text.groupby(month_first.dt.to_period("M"))["CA HT (€)"].sum()'
            ),
            "with VAT": (
                'france_sales_by_month = france.groupby(france["Date"].dt.to_period("M"))["CA TTC (€)"].sum()'
            ),
            "labelled by the first day": (
                'france_sales_by_month = france.resample("MS", on="Date")["CA HT (€)"].sum()'
            ),
            "labelled by the last day": (
                'france_sales_by_month = france.resample("ME", on="Date")["CA HT (€)"].sum()'
            ),
            "two years in one month": (
                'france_sales_by_month = france.groupby(france["Date"].dt.month)["CA HT (€)"].sum()'
            ),
            "two labels per month": (
                'france_sales_by_month = france.groupby([france["Date"].dt.year, france["Date"].dt.month])'
                '["CA HT (€)"].sum()'
            ),
            "one total": 'france_sales_by_month = france["CA HT (€)"].sum()',
        },
        "says": {
            "dates read month first": "the 1st of July became the 7th of January",
            "month first, day-13 dates dropped": "every day after the 12th became NaT",
            "with VAT": "Those amounts include VAT",
            "labelled by the first day": "labelled by their first day",
            "labelled by the last day": "labelled by their last day",
            "two years in one month": "the same month of two different years",
            "two labels per month": "two labels, year and month",
            "one total": "should be a column of values with a label on each row",
        },
    },
    "ex9": {
        "right": [
            "posts_per_network = pd.Series([len(facebook), len(instagram), len(x_posts)], "
            'index=["Facebook", "Instagram", "X"])',
            'posts_per_network = pd.DataFrame({"Posts": [len(x_posts), len(facebook), len(instagram)]}, '
            'index=["X", "Facebook", "Instagram"])',
        ],
        "wrong": {
            "the description row counted": (
                'posts_per_network = pd.Series({"Facebook": len(raw_facebook), "Instagram": len(instagram), '
                '"X": len(x_posts)})'
            ),
            "a month counted twice": (
                'posts_per_network = pd.Series({"Facebook": len(facebook), "Instagram": len(instagram), '
                '"X": len(x_posts) + len(july)})'
            ),
            "a month missing": (
                'posts_per_network = pd.Series({"Facebook": len(facebook), "Instagram": len(instagram), '
                '"X": len(x_posts) - len(february)})'
            ),
            "distinct rounded IDs": (
                'posts_per_network = pd.Series({"Facebook": len(facebook), "Instagram": len(instagram), '
                '"X": x_posts["Tweet id"].nunique()})'
            ),
            "every month twice": (
                'posts_per_network = pd.Series({"Facebook": len(facebook), "Instagram": len(instagram), '
                '"X": 2 * len(x_posts)})'
            ),
            "Twitter": (
                'posts_per_network = pd.Series({"Facebook": len(facebook), "Instagram": len(instagram), '
                '"Twitter": len(x_posts)})'
            ),
            "lower-case networks": (
                'posts_per_network = pd.Series({"facebook": len(facebook), "instagram": len(instagram), '
                '"x": len(x_posts)})'
            ),
            "columns, not rows": 'posts_per_network = pd.Series({"Facebook": facebook.shape[1], '
            '"Instagram": instagram.shape[1], "X": x_posts.shape[1]})',
        },
        "says": {
            "the description row counted": "Facebook has one post too many",
            "a month counted twice": "x_tweet_activity_2024_07.csv or",
            "a month missing": "x_tweet_activity_2025_02.csv is missing",
            "distinct rounded IDs": "counting distinct Tweet ids",
            "every month twice": "Every X post is counted twice",
            "Twitter": "Twitter is its old name",
            "lower-case networks": "row labels aren't the ones asked for",
            "columns, not rows": "not all of its values are right yet",
        },
    },
}

for _exercise, _read in (
    ("ex1", READ_FACEBOOK),
    ("ex3", READ_INSTAGRAM),
    ("ex4", READ_X_POSTS),
    ("ex8", READ_FRANCE),
):
    ANSWERS[_exercise]["wrong"] = {name: _read + code for name, code in ANSWERS[_exercise]["wrong"].items()}
