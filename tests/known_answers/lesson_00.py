"""Known right and wrong answers of lesson 00 (see __init__.py for what the tests do with them)."""

LESSON_ID = "00-orientation"

ANSWERS = {
    "ex1": {
        "right": ["n_posts = posts.shape[0]", 'n_posts = int(posts["Date"].count())'],
        "wrong": {
            "counts the columns": "n_posts = len(posts.columns)",
            "counts the cells": "n_posts = posts.size",
            "counts one network": 'n_posts = len(posts[posts["Network"] == "Instagram"])',
            "a text": "n_posts = str(len(posts))",
            "a fifth of the posts": "n_posts = len(posts) / 5",
        },
        "says": {
            "counts the columns": "number of columns",
            "counts the cells": "number of cells",
            "counts one network": "one network only",
            "a text": "it should be a number",
            "a fifth of the posts": "should be a whole number",
        },
    },
    "ex2": {
        "right": ['total_reach = int(posts["Reach"].sum())', 'total_reach = sum(posts["Reach"])'],
        "wrong": {
            "the largest reach, not the total": 'total_reach = posts["Reach"].max()',
            "adds up likes": 'total_reach = posts["Likes"].sum()',
            "the average, with decimals": 'total_reach = posts["Reach"].mean()',
            "the whole column": 'total_reach = posts["Reach"]',
            "leaves out the last post": 'total_reach = posts["Reach"].iloc[:-1].sum()',
        },
        "says": {
            "the largest reach, not the total": "largest reach of a single post",
            "adds up likes": "adds up the Likes column",
            "the average, with decimals": "should be a whole number",
            "the whole column": "one number is asked for",
            "leaves out the last post": "not the number asked for yet",
        },
    },
    "ex3": {
        "right": [
            'average_likes = posts["Likes"].mean()',
            'average_likes = round(posts["Likes"].sum() / len(posts), 1)',
        ],
        "wrong": {
            "the median": 'average_likes = posts["Likes"].median()',
            "the total": 'average_likes = posts["Likes"].sum()',
            "rounded to a whole number": 'average_likes = round(posts["Likes"].mean())',
            "a text": 'average_likes = str(round(posts["Likes"].mean(), 1))',
        },
        "says": {
            "the median": "That's the median",
            "the total": "total of likes",
            "rounded to a whole number": "rounded to a whole number",
            "a text": "Leave out the quotes",
        },
    },
    "ex4": {
        "right": [
            'posts["Engagements"] = posts[["Likes", "Comments", "Shares"]].sum(axis=1)',
        ],
        "wrong": {
            "link clicks included": (
                'posts["Engagements"] = posts[["Likes", "Comments", "Shares", "Link clicks"]].sum(axis=1)'
            ),
            "shares left out": 'posts["Engagements"] = posts["Likes"] + posts["Comments"]',
            "a lower-case name": (
                'posts["engagements"] = posts["Likes"] + posts["Comments"] + posts["Shares"]'
            ),
            "one number for every row": 'posts["Engagements"] = posts["Likes"].sum()',
        },
        "says": {
            "link clicks included": "Link clicks are in there too",
            "shares left out": "Shares are missing",
            "a lower-case name": 'it should be called "Engagements"',
            "one number for every row": "not all of its values are right yet",
        },
    },
    "ex5": {
        "right": [
            'instagram_reach = posts[posts["Network"] == "Instagram"]["Reach"].sum()',
            'instagram_reach = posts.groupby("Network")["Reach"].sum()["Instagram"]',
        ],
        "wrong": {
            "every network's reach": 'instagram_reach = posts["Reach"].sum()',
            "Facebook instead of Instagram": (
                'instagram_reach = posts.loc[posts["Network"] == "Facebook", "Reach"].sum()'
            ),
            "likes instead of reach": (
                'instagram_reach = posts.loc[posts["Network"] == "Instagram", "Likes"].sum()'
            ),
            "a lower-case network name": (
                'instagram_reach = posts.loc[posts["Network"] == "instagram", "Reach"].sum()'
            ),
        },
        "says": {
            "every network's reach": "reach of every network",
            "Facebook instead of Instagram": "Facebook's reach",
            "likes instead of reach": "Instagram's likes",
            "a lower-case network name": "no row matched",
        },
    },
    "ex6": {
        "right": [
            'reach_by_network = posts.pivot_table(index="Network", values="Reach", aggfunc="sum")',
            'reach_by_network = posts.groupby("Network")["Reach"].sum().sort_values()',
        ],
        "wrong": {
            "the average, not the sum": 'reach_by_network = posts.groupby("Network")["Reach"].mean()',
            "counts posts": 'reach_by_network = posts.groupby("Network")["Reach"].count()',
            "every column summed": 'reach_by_network = posts.groupby("Network").sum(numeric_only=True)',
            "grouped by post type": 'reach_by_network = posts.groupby("Post type")["Reach"].sum()',
            "networks in lower case": (
                'reach_by_network = posts.groupby(posts["Network"].str.lower())["Reach"].sum()'
            ),
        },
        "says": {
            "the average, not the sum": "averages per network",
            "counts posts": "count the posts per network",
            "every column summed": "one column of numbers is asked for",
            "grouped by post type": "doesn't have the number of rows asked for",
            "networks in lower case": "row labels aren't the ones asked for",
        },
    },
}
