"""Known right and wrong answers of lesson 05 (see __init__.py for what the tests do with them)."""

LESSON_ID = "05-social-traffic"

URL = 'url = landing["Landing page + query string"]\n'
CLEAN = (
    URL + 'source = url.str.extract(r"[?&]utm_source=([^&]*)")[0]\n'
    "cleaned = source.str.strip().str.lower().replace(FACEBOOK_SPELLINGS)\n"
)
POSTS = (
    URL + 'content = url.str.extract(r"utm_content=([^&]+)")[0]\n'
    'rows = landing.assign(Content=content)[content.isin(posts["Post ID"])]\n'
)
CHANNELS = (
    CLEAN + 'medium = url.str.extract(r"[?&]utm_medium=([^&]*)")[0].str.lower()\n'
    "social = cleaned.isin(SOCIAL_SOURCES)\n"
    "paid = social & medium.isin(PAID_MEDIUMS)\n"
    "organic = social | medium.isin(SOCIAL_MEDIUMS)\n"
)


def channel_answer(conditions: str, names: str, untagged_first: bool = True) -> str:
    """Answer code for ex5 that labels rows with np.select over the given conditions and names."""
    return (
        CHANNELS + "import numpy as np\n"
        f"channel = pd.Series(np.select({conditions}, {names}, 'Unassigned'), index=landing.index)\n"
        'sessions_by_channel = landing["Sessions"].groupby(channel).sum()'
    )


ANSWERS = {
    "ex1": {
        "right": [
            'tagged = landing[landing["Landing page + query string"].str.contains("utm_source=")]\n'
            'tagged_share = round(tagged["Sessions"].sum() / landing["Sessions"].sum(), 3)',
            'has_query = landing["Landing page + query string"].str.contains("?", regex=False)\n'
            'tagged_share = float(landing["Sessions"].where(has_query, 0).sum() / landing["Sessions"].sum())',
        ],
        "wrong": {
            "share of rows": (
                'tagged = landing["Landing page + query string"].str.contains("utm_source=")\n'
                "tagged_share = tagged.mean()"
            ),
            "untagged share": (
                'untagged = ~landing["Landing page + query string"].str.contains("utm_source=")\n'
                'tagged_share = landing.loc[untagged, "Sessions"].sum() / landing["Sessions"].sum()'
            ),
            "a percentage": (
                'tagged = landing["Landing page + query string"].str.contains("utm_source=")\n'
                'tagged_share = 100 * landing.loc[tagged, "Sessions"].sum() / landing["Sessions"].sum()'
            ),
            "a count of sessions": (
                'tagged = landing["Landing page + query string"].str.contains("utm_source=")\n'
                'tagged_share = landing.loc[tagged, "Sessions"].sum()'
            ),
            "a column, not one number": ('tagged_share = landing["Sessions"] / landing["Sessions"].sum()'),
            "rounded to 2 decimals": (
                'tagged = landing["Landing page + query string"].str.contains("utm_source=")\n'
                'tagged_share = round(landing.loc[tagged, "Sessions"].sum() / landing["Sessions"].sum(), 2)'
            ),
        },
        "says": {
            "share of rows": "share of rows, not of sessions",
            "untagged share": "That's the untagged share",
            "a percentage": "looks like a percentage",
            "a count of sessions": "not a share",
            "a column, not one number": "one number is asked for",
            "rounded to 2 decimals": "not the number asked for yet",
        },
    },
    "ex2": {
        "right": [
            URL + "utm = pd.DataFrame(index=landing.index)\n"
            'for column in ["Source", "Medium", "Content"]:\n'
            '    pattern = rf"[?&]utm_{column.lower()}=([^&]*)"\n'
            "    utm[column] = url.str.extract(pattern)[0]",
            "from urllib.parse import parse_qs, urlsplit\n\n"
            "def parameters(url):\n"
            "    query = parse_qs(urlsplit(url).query)\n"
            '    names = ["source", "medium", "content"]\n'
            '    return {name.title(): query.get(f"utm_{name}", [None])[0] for name in names}\n\n'
            'rows = [parameters(url) for url in landing["Landing page + query string"]]\n'
            "utm = pd.DataFrame(rows, index=landing.index)",
            URL + 'utm = pd.concat([url.str.extract(r"utm_source=([^&]+)"),\n'
            '                 url.str.extract(r"utm_medium=([^&]+)"),\n'
            '                 url.str.extract(r"utm_content=([^&]+)")], axis=1)\n'
            'utm.columns = ["Source", "Medium", "Content"]',
        ],
        "wrong": {
            "empty texts": (
                URL + "utm = pd.DataFrame({\n"
                '    "Source": url.str.extract(r"utm_source=([^&]*)")[0].fillna(""),\n'
                '    "Medium": url.str.extract(r"utm_medium=([^&]*)")[0].fillna(""),\n'
                '    "Content": url.str.extract(r"utm_content=([^&]*)")[0].fillna(""),\n'
                "})"
            ),
            "by position": (
                URL + 'parts = url.str.split("?").str[1].str.split("&")\n'
                "utm = pd.DataFrame({\n"
                '    "Source": parts.str[0].str.split("=").str[1],\n'
                '    "Medium": parts.str[1].str.split("=").str[1],\n'
                '    "Content": parts.str[3].str.split("=").str[1],\n'
                "})"
            ),
            "names kept": (
                URL + "utm = pd.DataFrame({\n"
                '    "Source": url.str.extract(r"(utm_source=[^&]*)")[0],\n'
                '    "Medium": url.str.extract(r"(utm_medium=[^&]*)")[0],\n'
                '    "Content": url.str.extract(r"(utm_content=[^&]*)")[0],\n'
                "})"
            ),
            "past the next &": (
                URL + "utm = pd.DataFrame({\n"
                '    "Source": url.str.extract(r"utm_source=(.*)")[0],\n'
                '    "Medium": url.str.extract(r"utm_medium=(.*)")[0],\n'
                '    "Content": url.str.extract(r"utm_content=(.*)")[0],\n'
                "})"
            ),
            "lower-cased": (
                URL + "utm = pd.DataFrame({\n"
                '    "Source": url.str.extract(r"utm_source=([^&]*)")[0].str.lower(),\n'
                '    "Medium": url.str.extract(r"utm_medium=([^&]*)")[0].str.lower(),\n'
                '    "Content": url.str.extract(r"utm_content=([^&]*)")[0].str.lower(),\n'
                "})"
            ),
            "lower-case column names": (
                URL + "utm = pd.DataFrame({\n"
                '    "source": url.str.extract(r"utm_source=([^&]*)")[0],\n'
                '    "medium": url.str.extract(r"utm_medium=([^&]*)")[0],\n'
                '    "content": url.str.extract(r"utm_content=([^&]*)")[0],\n'
                "})"
            ),
            "only the source column": URL + 'utm = url.str.extract(r"utm_source=([^&]*)")[0]',
            "campaign instead of content": (
                URL + "utm = pd.DataFrame({\n"
                '    "Source": url.str.extract(r"utm_source=([^&]*)")[0],\n'
                '    "Medium": url.str.extract(r"utm_medium=([^&]*)")[0],\n'
                '    "Content": url.str.extract(r"utm_campaign=([^&]*)")[0],\n'
                "})"
            ),
        },
        "says": {
            "empty texts": 'empty texts ("")',
            "by position": "taking them by position fails",
            "names kept": "still carry the parameter's name",
            "past the next &": 'run past the next "&"',
            "lower-cased": "lower-cased already",
            "lower-case column names": "has no column 'Source', 'Medium', 'Content'",
            "only the source column": "should be a table (DataFrame)",
            "campaign instead of content": "not all of its values are right yet",
        },
    },
    "ex3": {
        "right": [
            'cleaned = utm["Source"].str.strip().str.lower().replace(FACEBOOK_SPELLINGS)\n'
            'sessions_by_source = landing.assign(Clean=cleaned).groupby("Clean")["Sessions"].sum()',
            URL + 'source = url.str.extract(r"utm_source=([^&]+)")[0].str.lower()\n'
            'source = source.where(~source.str.contains("facebook|^fb$", na=False), "facebook")\n'
            "frame = landing.assign(Source=source)\n"
            'sessions_by_source = pd.pivot_table(frame, index="Source", values="Sessions", aggfunc="sum")',
        ],
        "wrong": {
            "case-sensitive grouping": (
                'sessions_by_source = landing["Sessions"].groupby(utm["Source"]).sum()'
            ),
            "lower-cased only": (
                'lowered = utm["Source"].str.strip().str.lower()\n'
                'sessions_by_source = landing["Sessions"].groupby(lowered).sum()'
            ),
            "rows counted": (
                'cleaned = utm["Source"].str.strip().str.lower().replace(FACEBOOK_SPELLINGS)\n'
                "sessions_by_source = cleaned.value_counts()"
            ),
            "untagged kept": (
                'cleaned = utm["Source"].str.strip().str.lower().replace(FACEBOOK_SPELLINGS)\n'
                'sessions_by_source = landing["Sessions"].groupby(cleaned, dropna=False).sum()'
            ),
            "replaced without lower-casing": (
                'cleaned = utm["Source"].replace(FACEBOOK_SPELLINGS)\n'
                'sessions_by_source = landing["Sessions"].groupby(cleaned).sum()'
            ),
            "two columns": (
                'cleaned = utm["Source"].str.strip().str.lower().replace(FACEBOOK_SPELLINGS)\n'
                'sessions_by_source = landing.groupby(cleaned)[["Sessions", "Engaged sessions"]].sum()'
            ),
        },
        "says": {
            "case-sensitive grouping": "the grouping is case-sensitive",
            "lower-cased only": "are still separate rows",
            "rows counted": "count rows, not sessions",
            "untagged kept": "visits without a utm_source",
            "replaced without lower-casing": "number of rows asked for",
            "two columns": "one column of numbers is asked for",
        },
    },
    "ex4": {
        "right": [
            'tagged = landing[utm["Source"].notna()]\n'
            'medium = utm.loc[tagged.index, "Medium"].fillna("(not set)").str.lower()\n'
            'sessions_by_medium = tagged.groupby(medium)["Sessions"].sum()',
            "frame = landing.join(utm)\n"
            'frame = frame[frame["Source"].notna()]\n'
            'frame["Medium"] = frame["Medium"].str.lower().fillna("(not set)")\n'
            'sessions_by_medium = frame.pivot_table(index="Medium", values="Sessions", aggfunc="sum")',
        ],
        "wrong": {
            "missing dropped": (
                'tagged = utm["Source"].notna()\n'
                'medium = utm.loc[tagged, "Medium"].str.lower()\n'
                'sessions_by_medium = landing.loc[tagged, "Sessions"].groupby(medium).sum()'
            ),
            "case-sensitive": (
                'tagged = utm["Source"].notna()\n'
                'medium = utm["Medium"].fillna("(not set)")\n'
                'sessions_by_medium = landing.loc[tagged, "Sessions"].groupby(medium[tagged]).sum()'
            ),
            "untagged included": (
                'medium = utm["Medium"].str.lower().fillna("(not set)")\n'
                'sessions_by_medium = landing["Sessions"].groupby(medium).sum()'
            ),
            "rows counted": (
                'tagged = utm["Source"].notna()\n'
                'medium = utm.loc[tagged, "Medium"].str.lower().fillna("(not set)")\n'
                "sessions_by_medium = medium.value_counts()"
            ),
            "empty label instead of (not set)": (
                'tagged = utm["Source"].notna()\n'
                'medium = utm["Medium"].str.lower().fillna("")\n'
                'sessions_by_medium = landing.loc[tagged, "Sessions"].groupby(medium[tagged]).sum()'
            ),
        },
        "says": {
            "missing dropped": "The (not set) row is missing",
            "case-sensitive": "lower-case the mediums",
            "untagged included": "includes the untagged visits",
            "rows counted": "count rows, not sessions",
            "empty label instead of (not set)": "row labels aren't the ones asked for",
        },
    },
    "ex5": {
        "right": [
            channel_answer(
                "[cleaned.isna(), paid, organic, medium == 'email']",
                "['Untagged', 'Paid Social', 'Organic Social', 'Email']",
            ),
            CHANNELS + 'channel = pd.Series("Unassigned", index=landing.index)\n'
            'channel[medium == "email"] = "Email"\n'
            'channel[organic] = "Organic Social"\n'
            'channel[paid] = "Paid Social"\n'
            'channel[cleaned.isna()] = "Untagged"\n'
            'sessions_by_channel = landing.groupby(channel)["Sessions"].sum().to_frame()',
        ],
        "wrong": {
            "source not cleaned": (
                URL + 'source = url.str.extract(r"[?&]utm_source=([^&]*)")[0]\n'
                'medium = url.str.extract(r"[?&]utm_medium=([^&]*)")[0].str.lower()\n'
                "import numpy as np\n"
                "social = source.isin(SOCIAL_SOURCES)\n"
                "conditions = [source.isna(), social & medium.isin(PAID_MEDIUMS),\n"
                '              social | medium.isin(SOCIAL_MEDIUMS), medium == "email"]\n'
                'names = ["Untagged", "Paid Social", "Organic Social", "Email"]\n'
                'channel = pd.Series(np.select(conditions, names, "Unassigned"), index=landing.index)\n'
                'sessions_by_channel = landing["Sessions"].groupby(channel).sum()'
            ),
            "organic rule first": channel_answer(
                "[cleaned.isna(), organic, paid, medium == 'email']",
                "['Untagged', 'Organic Social', 'Paid Social', 'Email']",
            ),
            "untagged left out": (
                CHANNELS + "import numpy as np\n"
                "channel = pd.Series(np.select([paid, organic, medium == 'email'],\n"
                "                               ['Paid Social', 'Organic Social', 'Email'], 'Unassigned'),\n"
                "                    index=landing.index)\n"
                "channel[cleaned.isna()] = None\n"
                'sessions_by_channel = landing["Sessions"].groupby(channel).sum()'
            ),
            "rows counted": (
                CHANNELS + "import numpy as np\n"
                "channel = pd.Series(np.select([cleaned.isna(), paid, organic, medium == 'email'],\n"
                "                               ['Untagged', 'Paid Social', 'Organic Social', 'Email'],\n"
                "                               'Unassigned'))\n"
                "sessions_by_channel = channel.value_counts()"
            ),
            "untagged called Direct": channel_answer(
                "[cleaned.isna(), paid, organic, medium == 'email']",
                "['Direct', 'Paid Social', 'Organic Social', 'Email']",
            ),
            "instagram ads not paid": channel_answer(
                "[cleaned.isna(), (cleaned == 'facebook') & medium.isin(PAID_MEDIUMS), organic,\n"
                " medium == 'email']",
                "['Untagged', 'Paid Social', 'Organic Social', 'Email']",
            ),
        },
        "says": {
            "source not cleaned": "Some Facebook visits fell into Unassigned",
            "organic rule first": "There's no Paid Social",
            "untagged left out": "There's no Untagged row",
            "rows counted": "count rows, not sessions",
            "untagged called Direct": "row labels aren't the ones asked for",
            "instagram ads not paid": "right rows, but not all of its values are right yet",
        },
    },
    "ex6": {
        "right": [
            'rows = landing[utm["Content"].isin(posts["Post ID"])]\n'
            'sessions_per_post = rows.groupby(utm.loc[rows.index, "Content"])["Sessions"].sum()',
            POSTS + 'sessions_per_post = rows.pivot_table(index="Content", values="Sessions", aggfunc="sum")',
            "sessions_per_post = {}\n"
            "for content, sessions in zip(utm['Content'], landing['Sessions']):\n"
            "    if content in set(posts['Post ID']):\n"
            "        sessions_per_post[content] = sessions_per_post.get(content, 0) + sessions\n"
            "sessions_per_post = pd.Series(sessions_per_post)",
        ],
        "wrong": {
            "first match": POSTS
            + 'sessions_per_post = rows.drop_duplicates("Content").set_index("Content")["Sessions"]',
            "rows counted": POSTS + 'sessions_per_post = rows["Content"].value_counts()',
            "largest row": POSTS + 'sessions_per_post = rows.groupby("Content")["Sessions"].max()',
            "ad IDs included": URL + 'sessions_per_post = landing["Sessions"].groupby(utm["Content"]).sum()',
            "labelled by page": POSTS + 'sessions_per_post = rows.groupby("Page")["Sessions"].sum()',
            "mean per row": POSTS + 'sessions_per_post = rows.groupby("Content")["Sessions"].mean()',
        },
        "says": {
            "first match": "like VLOOKUP's first match",
            "rows counted": "count each post's rows",
            "largest row": "each post's largest row",
            "ad IDs included": "There are ad IDs among the labels",
            "labelled by page": "number of rows asked for",
            "mean per row": "not all of its values are right yet",
        },
    },
    "ex7": {
        "right": [
            'per_post = sessions_per_post.rename("Sessions")\n'
            'posts_with_sessions = posts.join(per_post, on="Post ID")\n'
            'posts_with_sessions["Sessions"] = posts_with_sessions["Sessions"].fillna(0)',
            "posts_with_sessions = posts.copy()\n"
            'posts_with_sessions["Sessions"] = posts["Post ID"].map(sessions_per_post).fillna(0).astype(int)',
            'per_post = sessions_per_post.rename_axis("Post ID").reset_index(name="Sessions")\n'
            'posts_with_sessions = per_post.merge(posts, on="Post ID", how="right").fillna({"Sessions": 0})',
        ],
        "wrong": {
            "inner join": (
                'per_post = sessions_per_post.rename_axis("Post ID").reset_index(name="Sessions")\n'
                'posts_with_sessions = posts.merge(per_post, on="Post ID")'
            ),
            "NaN not filled": (
                'per_post = sessions_per_post.rename_axis("Post ID").reset_index(name="Sessions")\n'
                'posts_with_sessions = posts.merge(per_post, on="Post ID", how="left")'
            ),
            "merged before summing": (
                POSTS + 'rows = rows[["Content", "Sessions"]].rename(columns={"Content": "Post ID"})\n'
                'posts_with_sessions = posts.merge(rows, on="Post ID", how="left").fillna({"Sessions": 0})'
            ),
            "first match": (
                POSTS + 'first = rows.drop_duplicates("Content")[["Content", "Sessions"]]\n'
                'first = first.rename(columns={"Content": "Post ID"})\n'
                'posts_with_sessions = posts.merge(first, on="Post ID", how="left").fillna({"Sessions": 0})'
            ),
            "the per-post table only": (
                'posts_with_sessions = sessions_per_post.rename_axis("Post ID").reset_index(name="Sessions")'
            ),
            "sessions column misnamed": (
                'per_post = sessions_per_post.rename_axis("Post ID").reset_index(name="sessions")\n'
                'posts_with_sessions = posts.merge(per_post, on="Post ID", how="left").fillna(0)'
            ),
            "outer join with ads": (
                URL + 'per_post = landing["Sessions"].groupby(utm["Content"]).sum()\n'
                'per_post = per_post.rename_axis("Post ID").reset_index(name="Sessions")\n'
                'posts_with_sessions = posts.merge(per_post, on="Post ID", how="outer")\n'
                'posts_with_sessions = posts_with_sessions.fillna({"Sessions": 0})'
            ),
        },
        "says": {
            "inner join": "an inner join (merge's default) drops the others silently",
            "NaN not filled": "Set them to 0 with fillna(0)",
            "merged before summing": "Some posts appear on several rows",
            "first match": "sessions of its first row only",
            "the per-post table only": "an inner join",
            "sessions column misnamed": "has no column 'Sessions'",
            "outer join with ads": "number of rows asked for",
        },
    },
    "ex8": {
        "right": [
            'tracked = posts_with_sessions[posts_with_sessions["Sessions"] > 0]\n'
            'sessions_per_click = round(tracked["Sessions"].sum() / tracked["Link clicks"].sum(), 3)',
            'totals = posts_with_sessions.query("Sessions > 0")[["Sessions", "Link clicks"]].sum()\n'
            'sessions_per_click = float(totals["Sessions"] / totals["Link clicks"])',
        ],
        "wrong": {
            "mean of ratios": (
                'tracked = posts_with_sessions[posts_with_sessions["Sessions"] > 0]\n'
                'sessions_per_click = (tracked["Sessions"] / tracked["Link clicks"]).mean()'
            ),
            "every post's clicks": (
                'totals = posts_with_sessions[["Sessions", "Link clicks"]].sum()\n'
                'sessions_per_click = totals["Sessions"] / totals["Link clicks"]'
            ),
            "upside down": (
                'tracked = posts_with_sessions[posts_with_sessions["Sessions"] > 0]\n'
                'sessions_per_click = tracked["Link clicks"].sum() / tracked["Sessions"].sum()'
            ),
            "a percentage": (
                'tracked = posts_with_sessions[posts_with_sessions["Sessions"] > 0]\n'
                'sessions_per_click = 100 * tracked["Sessions"].sum() / tracked["Link clicks"].sum()'
            ),
            "per-post ratios, not one number": (
                'sessions_per_click = posts_with_sessions["Sessions"] / posts_with_sessions["Link clicks"]'
            ),
            "rounded to 2 decimals": (
                'tracked = posts_with_sessions[posts_with_sessions["Sessions"] > 0]\n'
                'sessions_per_click = round(tracked["Sessions"].sum() / tracked["Link clicks"].sum(), 2)'
            ),
            "link posts only": (
                'links = posts_with_sessions[posts_with_sessions["Type"] == "Link"]\n'
                'sessions_per_click = links["Sessions"].sum() / links["Link clicks"].sum()'
            ),
        },
        "says": {
            "mean of ratios": "mean of the per-post ratios",
            "every post's clicks": "link clicks of every post, tracked or not",
            "upside down": "upside down",
            "a percentage": "looks like a percentage",
            "per-post ratios, not one number": "one number is asked for",
            "rounded to 2 decimals": "not the number asked for yet",
            "link posts only": "not the number asked for yet",
        },
    },
}
