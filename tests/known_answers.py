"""Known right and wrong answers for every exercise, lesson by lesson.

Each answer is the code of an answer cell. The course tests put it in the student version
(every other exercise keeps the solution), autograde it with nbgrader, and expect the
exercise's check cell to score full marks (right) or zero (wrong). A wrong answer carries
the mistake it stands for.
"""

KNOWN_ANSWERS = {
    "00-orientation": {
        "ex1": {
            "right": ["n_posts = posts.shape[0]", 'n_posts = int(posts["Date"].count())'],
            "wrong": {
                "counts the columns": "n_posts = len(posts.columns)",
                "counts the cells": "n_posts = posts.size",
                "counts one network": 'n_posts = len(posts[posts["Network"] == "Instagram"])',
            },
        },
        "ex2": {
            "right": ['total_reach = int(posts["Reach"].sum())', 'total_reach = sum(posts["Reach"])'],
            "wrong": {
                "the largest reach, not the total": 'total_reach = posts["Reach"].max()',
                "adds up likes": 'total_reach = posts["Likes"].sum()',
                "a float where a whole number is asked": 'total_reach = posts["Reach"].mean()',
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
            },
        },
    },
}
