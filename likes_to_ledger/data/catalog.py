"""Every data file of the course: what it imitates, its quirks, its columns, and how to read it.

`course data` writes the files and, from this catalog, the data dictionary (datasets/README.md)
and the instructors' ground-truth document. The tests and the benchmark read each file the
way the catalog says a learner should.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from likes_to_ledger.data import exports, orientation
from likes_to_ledger.data.world import World


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    unit: str = ""
    notes: str = ""


@dataclass(frozen=True)
class DataFile:
    name: str  # a file name, or a pattern such as x_tweet_activity_YYYY_MM.csv
    imitates: str
    about: str
    quirks: tuple[str, ...]
    columns: tuple[Column, ...]
    # The pandas call that reads one file (`path`) the way a learner should: the dictionary shows it,
    # and read() runs it.
    read_call: str
    write: Callable[[World, Path], list[Path]] | None = None
    glob: str = ""  # for a family of files: how to find them all

    def read(self, path: Path, engine: str = "openpyxl") -> pd.DataFrame:
        """Run the documented call on one file; `engine` swaps the xlsx reader (the benchmark compares)."""
        call = self.read_call.replace('engine="openpyxl"', "engine=engine")
        return eval(call, {"pd": pd}, {"path": path, "engine": engine})  # noqa: S307  (our own catalog text)

    def paths(self, folder: Path) -> list[Path]:
        return sorted(folder.glob(self.glob)) if self.glob else [folder / self.name]


def C(name: str, kind: str, unit: str = "", notes: str = "") -> Column:  # noqa: N802  (reads like a table)
    return Column(name, kind, unit, notes)


FILES: list[DataFile] = [
    DataFile(
        "orientation_week.xlsx",
        "a tidy workbook the social team made for a Monday meeting (not a platform export)",
        "One row per post of one week (3 to 9 March 2025) on Facebook, Instagram and LinkedIn. Used by lesson 00.",
        (
            "none on purpose: the header is in row 1 and every column has one type",
            "a second sheet, `About`, holds three lines of notes",
        ),
        (
            C("Date", "date and time", "local time", "Excel format yyyy-mm-dd hh:mm"),
            C("Network", "text", "", "Facebook, Instagram or LinkedIn"),
            C("Post type", "text", "", "Photo, Reel, Carousel, Link or Text"),
            C("Caption", "text"),
            C("Reach", "whole number", "people", "unique people who saw the post"),
            C("Likes", "whole number"),
            C("Comments", "whole number"),
            C("Shares", "whole number"),
            C("Link clicks", "whole number"),
        ),
        'pd.read_excel(path, sheet_name="Posts", engine="openpyxl")',
        lambda world, folder: orientation.write(folder),
    ),
    DataFile(
        "facebook_post_insights.xlsx",
        "Meta's legacy Page Insights export, post level",
        "Sheet `Key Metrics`: one row per Facebook post of the Page. Sheet `Page followers`: one row per day, "
        "the Page's followers.",
        (
            "row 2, under the header, describes each metric: skip it (`skiprows=[1]`) or numbers read as text",
            "inconsistent capitals in the headers (`Lifetime Post Total Reach`, `Lifetime Post organic reach`)",
            "`Post ID` is `pageid_postid`",
            "`Posted` is text in m/d/Y H:MM, local time",
            "total reach is not organic + paid (people reached both ways count once)",
            "a second sheet, `Lifetime Negative Feedback`, by post ID",
            "a third sheet, `Page followers`, from the page-level export: one row per day, with the same "
            'description row under its header (read it with the same call and `sheet_name="Page followers"`)',
        ),
        (
            C("Post ID", "text", "", "page ID and post ID joined by `_`"),
            C("Permalink", "text", "URL"),
            C("Post Message", "text", "", "multi-line, emoji"),
            C("Type", "text", "", "Photo, Link, Video, Reel, Status"),
            C("Countries", "empty"),
            C("Languages", "empty"),
            C("Posted", "text", "local time", "m/d/Y H:MM"),
            C("Audience Targeting", "empty"),
            C("Lifetime Post Total Reach", "whole number", "people"),
            C("Lifetime Post organic reach", "whole number", "people"),
            C("Lifetime Post Paid Reach", "whole number", "people", "0 unless the post was boosted"),
            C("Lifetime Post Total Impressions", "whole number", "views"),
            C("Lifetime Post Organic Impressions", "whole number", "views"),
            C("Lifetime Post Paid Impressions", "whole number", "views"),
            C("Lifetime Engaged Users", "whole number", "people"),
            C("Lifetime Post Consumers", "whole number", "people"),
            C("Lifetime Post Consumptions", "whole number", "clicks"),
            C("Lifetime Negative feedback", "whole number", "actions"),
            C(
                "Lifetime Post Stories by action type - like / - comment / - share",
                "whole number",
                "count",
                "three columns",
            ),
            C(
                "Lifetime Post consumers by type - link clicks / - other clicks / - photo view",
                "whole number",
                "people",
                "three columns",
            ),
            C("Page followers: Date", "date", "local time", "one row per day"),
            C("Page followers: Lifetime Total Followers", "whole number", "people", "at the end of the day"),
            C(
                "Page followers: Daily New Followers / Daily Unfollows",
                "whole number",
                "people",
                "two columns",
            ),
        ),
        'pd.read_excel(path, sheet_name="Key Metrics", skiprows=[1], engine="openpyxl")',
        exports.write_facebook,
    ),
    DataFile(
        "instagram_posts.csv",
        "Meta Business Suite's Instagram content export",
        "One row per Instagram post.",
        (
            "UTF-8 with a byte order mark (BOM)",
            "captions span several lines and hold emoji",
            '`Views` and `Reach` have thousands separators (`"9,607"`): `thousands=","`',
            "`Date` is the word `Lifetime` on every row",
            "`Publish time` is MM/DD/YYYY HH:MM, local time",
        ),
        (
            C("Post ID", "text", "", "17 digits: read as text"),
            C("Account ID", "text"),
            C("Account username", "text"),
            C("Account name", "text"),
            C("Description", "text", "", "the caption"),
            C("Duration (sec)", "number", "seconds", "reels only"),
            C("Publish time", "date and time", "local time"),
            C("Permalink", "text", "URL"),
            C("Post type", "text", "", "IG image, IG carousel, IG reel"),
            C("Data comment", "empty"),
            C("Date", "text", "", "always `Lifetime`"),
            C("Views", "whole number", "views"),
            C("Reach", "whole number", "people"),
            C("Likes", "whole number"),
            C("Shares", "whole number"),
            C("Follows", "whole number"),
            C("Comments", "whole number"),
            C("Saves", "whole number"),
        ),
        'pd.read_csv(path, encoding="utf-8-sig", thousands=",", dtype={"Post ID": str})',
        exports.write_instagram,
    ),
    DataFile(
        "x_tweet_activity_YYYY_MM.csv",
        "X (Twitter) analytics, the legacy tweet activity export, one file a month",
        "One row per post; 24 monthly files, July 2024 to June 2026. Months are UTC months.",
        (
            "`time` is UTC (`2025-03-18 19:05 +0000`): convert to local time",
            "counts are written like `424.0`",
            "the `promoted …` columns hold `-` when a post was not promoted",
            "in the February 2025 file, someone saved the IDs through Excel: `1.88550E+18`. The full ID is still in "
            "the permalink",
            "a post published in the evening of the last day of a month (local time) is in the next "
            "month's file",
        ),
        (
            C("Tweet id", "text", "", "19 digits; mangled in one file"),
            C("Tweet permalink", "text", "URL"),
            C("Tweet text", "text"),
            C("time", "text", "UTC", "YYYY-MM-DD HH:MM +0000"),
            C("impressions", "number", "views"),
            C("engagements", "number", "actions"),
            C("engagement rate", "number", "share", "engagements / impressions"),
            C(
                "retweets, replies, likes, user profile clicks, url clicks, hashtag clicks, detail expands, permalink "
                "clicks, app opens, app installs, follows, email tweet, dial phone, media views, media engagements",
                "number",
                "count",
                "one column each",
            ),
            C("promoted … (the same 18 metrics)", "number or `-`", "count", "`-` when not promoted"),
        ),
        'pd.read_csv(path, dtype={"Tweet id": str}, na_values="-")',
        exports.write_x,
        glob="x_tweet_activity_*.csv",
    ),
    DataFile(
        "linkedin_page_content.xlsx",
        "LinkedIn Page analytics, content export",
        "Two sheets: `Update metrics (aggregated)`, one row per day; `All posts`, one row per post.",
        (
            "row 1 of each sheet is a note: the header is on row 2 (`header=1`)",
            "organic, sponsored and total columns side by side",
            "dates are text, MM/DD/YYYY",
        ),
        (
            C("Update metrics: Date", "text", "", "MM/DD/YYYY"),
            C(
                "Update metrics: Impressions / Clicks / Reactions / Comments / Reposts (organic, sponsored, total)",
                "whole number",
                "count",
                "by day of activity",
            ),
            C("Update metrics: Unique impressions (organic)", "whole number", "people"),
            C("Update metrics: Engagement rate (organic, sponsored, total)", "number", "share"),
            C("All posts: Post title", "text"),
            C("All posts: Post link", "text", "URL"),
            C("All posts: Post type", "text", "", "Organic or Sponsored"),
            C("All posts: Campaign name", "text"),
            C("All posts: Posted by", "text"),
            C("All posts: Created date", "text", "", "MM/DD/YYYY"),
            C("All posts: Campaign start date / end date", "text", "", "sponsored posts only"),
            C("All posts: Audience", "text"),
            C("All posts: Impressions", "whole number", "views"),
            C("All posts: Views", "whole number", "views", "videos only"),
            C("All posts: Clicks", "whole number"),
            C("All posts: Click through rate (CTR)", "number", "share"),
            C("All posts: Likes / Comments / Reposts / Follows", "whole number"),
            C("All posts: Engagement rate", "number", "share"),
            C("All posts: Content Type", "text"),
        ),
        'pd.read_excel(path, sheet_name="All posts", header=1, engine="openpyxl")',
        exports.write_linkedin,
    ),
    DataFile(
        "meta_ads_manager.xlsx",
        "Meta Ads Manager report, by ad and week",
        "One row per ad and week (Monday to Sunday) of Kettle & Crow's Meta campaigns, including an A/B test of "
        "two creatives (April 2025) and the geo holdout test campaign (March–April 2026).",
        (
            "the same ad name is reused under several ad IDs and ad sets (`Best Seller Carousel`)",
            "`Results` and `Purchase ROAS` are what the platform attributes to itself, not incremental sales",
            "IDs are text: too long for Excel's numbers",
        ),
        (
            C("Reporting starts / Reporting ends", "date"),
            C("Campaign name", "text"),
            C("Ad set ID", "text"),
            C("Ad set name", "text"),
            C("Ad name", "text"),
            C("Ad ID", "text"),
            C("Amount spent (USD)", "number", "USD"),
            C("Result type", "text", "", "Website purchases"),
            C("Results", "whole number", "purchases", "platform-attributed"),
            C("Cost per result", "number", "USD", "empty when no result"),
            C("Reach", "whole number", "people"),
            C("Impressions", "whole number", "views"),
            C("Frequency", "number", "views per person"),
            C("CPM (cost per 1,000 impressions)", "number", "USD"),
            C("Link clicks", "whole number"),
            C("CPC (cost per link click)", "number", "USD"),
            C("CTR (link click-through rate)", "number", "percent"),
            C("Purchases conversion value", "number", "USD", "platform-attributed"),
            C("Purchase ROAS (return on ad spend)", "number", "USD per USD"),
            C("Attribution setting", "text"),
        ),
        'pd.read_excel(path, dtype={"Ad ID": str, "Ad set ID": str}, engine="openpyxl")',
        exports.write_ads,
    ),
    DataFile(
        "ga4_traffic_acquisition.csv",
        "Google Analytics 4, Traffic acquisition report exported to CSV",
        "One row per day and session source / medium / campaign.",
        (
            'nine `#` comment lines above the header (`skiprows=9`, or `comment="#"`)',
            "`Date` is YYYYMMDD",
            "Facebook traffic under several spellings: `facebook`, `Facebook`, `fb`, "
            "`facebook.com`, `m.facebook.com`, `l.facebook.com`",
            "mediums missing (`(not set)`) or spelled differently (`social`, `Social`, `social-media`)",
            "some social visits arrive as `(direct) / (none)`",
            "GA4's channel group leaves some social traffic `Unassigned` or `Paid Other`",
        ),
        (
            C("Date", "text", "", "YYYYMMDD"),
            C("Session source / medium", "text", "", "`source / medium`"),
            C("Session campaign", "text", "", "`(not set)` when none"),
            C("Session primary channel group (Default Channel Group)", "text"),
            C("Sessions", "whole number"),
            C("Engaged sessions", "whole number"),
            C("Engagement rate", "number", "share"),
            C("Average engagement time per session", "number", "seconds"),
            C("Events per session", "number"),
            C("Event count", "whole number"),
            C("Key events", "whole number", "purchases"),
            C("Session key event rate", "number", "share"),
            C("Total revenue", "number", "USD", "web orders' totals, as Shopify recorded them at purchase"),
        ),
        'pd.read_csv(path, skiprows=9, dtype={"Date": str})',
        exports.write_ga4,
    ),
    DataFile(
        "ga4_landing_pages.csv",
        "Google Analytics 4, Landing page report (dimension Landing page + query string) exported to CSV",
        "One row per day and landing page + query string: the page a session started on, with the UTM "
        "parameters of the link that brought it. Facebook posts with a tagged link carry their `Post ID` "
        "in `utm_content`. Used by lesson 05.",
        (
            'nine `#` comment lines above the header (`skiprows=9`, or `comment="#"`)',
            "`Date` is YYYYMMDD",
            "the UTM parameters sit inside the URL (`?utm_source=…&utm_medium=…`), in varying order",
            "Facebook as `utm_source` under several spellings: `facebook`, `Facebook`, `fb`, `facebook.com`, "
            "`m.facebook.com`, `l.facebook.com`",
            "some links of Facebook posts have no `utm_medium`; the others spell it `social`, `Social` or `social-media`",
            "Facebook adds `&fbclid=…` to some clicks, so one post can have several rows on one day",
            "untagged visits have no query string at all",
            "a separate export from `ga4_traffic_acquisition.csv`: its totals don't reconcile with that file's",
        ),
        (
            C("Date", "text", "", "YYYYMMDD"),
            C(
                "Landing page + query string",
                "text",
                "",
                "path and query string, e.g. `/products/…?utm_source=…`",
            ),
            C("Sessions", "whole number"),
            C("Active users", "whole number", "people"),
            C("New users", "whole number", "people"),
            C("Engaged sessions", "whole number"),
            C("Average engagement time per session", "number", "seconds"),
            C("Key events", "whole number", "purchases"),
        ),
        'pd.read_csv(path, skiprows=9, dtype={"Date": str})',
        exports.write_ga4_landing_pages,
    ),
    DataFile(
        "shopify_orders.csv",
        "Shopify's orders export",
        "One row per line item: an order with three products has three rows.",
        (
            "order fields (totals, status, discount, payment) are only on an order's first row; later rows repeat "
            "`Name`, `Email` and `Created at`",
            "times carry their UTC offset (`-0700`)",
            "cancelled orders (`Financial Status` voided) and refunds (`Refunded Amount`) stay in the file",
            "`Source` is `web` (the online shop) or `pos` (the Saturday market stall)",
        ),
        (
            C("Name", "text", "", "order number, e.g. #1001"),
            C("Email", "text"),
            C("Financial Status", "text", "", "paid, partially_refunded, refunded, voided"),
            C("Paid at", "date and time", "local, with offset"),
            C("Fulfillment Status", "text"),
            C("Fulfilled at", "date and time"),
            C("Accepts Marketing", "text", "", "yes / no"),
            C("Currency", "text"),
            C("Subtotal", "number", "USD", "before discount"),
            C("Shipping", "number", "USD"),
            C("Taxes", "number", "USD"),
            C("Total", "number", "USD", "subtotal − discount + shipping + taxes"),
            C("Discount Code", "text"),
            C("Discount Amount", "number", "USD"),
            C("Shipping Method", "text"),
            C("Created at", "date and time"),
            C("Lineitem quantity", "whole number"),
            C("Lineitem name", "text"),
            C("Lineitem price", "number", "USD"),
            C("Lineitem compare at price", "number", "USD"),
            C("Lineitem sku", "text"),
            C("Lineitem requires shipping", "true/false"),
            C("Lineitem taxable", "true/false"),
            C("Lineitem fulfillment status", "text"),
            C("Cancelled at", "date and time"),
            C("Payment Method", "text"),
            C("Refunded Amount", "number", "USD"),
            C("Vendor", "text"),
            C("Id", "text", "", "Shopify's order ID"),
            C("Tags", "text"),
            C("Risk Level", "text"),
            C("Source", "text", "", "web or pos"),
        ),
        'pd.read_csv(path, dtype={"Id": str, "Discount Code": str})',
        exports.write_shopify,
    ),
    DataFile(
        "hubspot_contacts.xlsx",
        "HubSpot CRM, contacts export",
        "One row per wholesale (B2B) contact.",
        (
            "`Original Traffic Source` uses HubSpot's codes (`SOCIAL_MEDIA`, `PAID_SOCIAL`, `OFFLINE`, …)",
            "some contacts from LinkedIn Lead Gen Forms were imported by hand and labelled `OFFLINE`: "
            "`First Conversion` tells",
            "names repeat across contacts: join on `Record ID`",
        ),
        (
            C("Record ID", "whole number"),
            C("First Name", "text"),
            C("Last Name", "text"),
            C("Email", "text"),
            C("Company Name", "text"),
            C("Create Date", "date and time"),
            C("Lifecycle Stage", "text"),
            C("Original Traffic Source", "text"),
            C("Original Traffic Source Drill-Down 1", "text"),
            C("Original Traffic Source Drill-Down 2", "text"),
            C("First Conversion", "text"),
        ),
        'pd.read_excel(path, engine="openpyxl")',
        exports.write_hubspot,
    ),
    DataFile(
        "hubspot_deals.xlsx",
        "HubSpot CRM, deals export",
        "One row per wholesale deal.",
        (
            "open deals have an expected `Close Date` and an `Amount` too: only `Closed Won` deals are won",
            "`Associated Contact IDs` links a deal to `Record ID` in the contacts file",
        ),
        (
            C("Record ID", "whole number", "", "the deal's ID"),
            C("Deal Name", "text"),
            C("Deal Stage", "text", "", "Appointment Scheduled … Contract Sent, Closed Won, Closed Lost"),
            C("Pipeline", "text"),
            C("Amount", "number", "USD per year"),
            C("Create Date", "date and time"),
            C("Close Date", "date", "", "expected, for open deals"),
            C("Deal owner", "text"),
            C("Is Closed Won", "true/false"),
            C("Associated Contact IDs", "text", "", "the contact's Record ID"),
        ),
        'pd.read_excel(path, dtype={"Associated Contact IDs": str}, engine="openpyxl")',
        None,  # written with the contacts
    ),
    DataFile(
        "listening_mentions.tsv",
        "A social listening tool's mention export (Meltwater-style)",
        "One row per mention of Kettle & Crow on social media, forums, reviews, news and blogs.",
        (
            'UTF-16 text, tab separated: `encoding="utf-16", sep="\\t"`',
            "`Date` like `18-Mar-2025`, `Time` like `09:14 AM`, in local time",
            "`Title` and `Opening Text` only for articles",
            "news without a clear tone is `Not Rated`",
        ),
        (
            C("Date", "text", "", "DD-Mon-YYYY"),
            C("Time", "text", "", "HH:MM AM/PM"),
            C("Document ID", "text"),
            C("URL", "text"),
            C("Input Name", "text"),
            C("Keywords", "text"),
            C("Source Type", "text"),
            C("Source Name", "text"),
            C("Source Domain", "text"),
            C("Content Type", "text"),
            C("Author Name", "text"),
            C("Author Handle", "text"),
            C("Title", "text"),
            C("Opening Text", "text"),
            C("Hit Sentence", "text"),
            C("Hashtags", "empty"),
            C("Country", "text"),
            C("Language", "text"),
            C("Sentiment", "text", "", "Positive, Neutral, Negative, Not Rated"),
            C("Reach", "whole number", "people"),
            C("AVE", "number", "USD", "advertising value equivalent"),
            C("Engagement", "whole number"),
            C("Likes / Replies / Reposts / Comments", "whole number"),
            C("Views", "whole number"),
            C("Document Tags", "empty"),
        ),
        'pd.read_csv(path, encoding="utf-16", sep="\\t", dtype={"Document ID": str})',
        exports.write_mentions,
    ),
    DataFile(
        "zendesk_tickets.csv",
        "Zendesk Support, ticket export",
        "One row per customer care ticket.",
        (
            "`Via` names the channel as Zendesk does (`Facebook Messenger`, `X Corp (formerly Twitter)`, …)",
            "reply times in minutes, both in calendar time and within business hours (9:00–17:00, Mon–Fri)",
            "Windows line ends (CRLF)",
            "tickets still open at the end of the period have no `Solved at`",
        ),
        (
            C("Id", "whole number"),
            C("Requester", "text"),
            C("Subject", "text"),
            C("Tags", "text", "", "space separated"),
            C("Status", "text"),
            C("Priority", "text"),
            C("Via", "text"),
            C("Ticket type", "text"),
            C("Created at", "date and time", "local"),
            C("Solved at", "date and time", "local"),
            C("Satisfaction Score", "text", "", "Good, Bad, Offered, Unoffered"),
            C("Reopens", "whole number"),
            C("Replies", "whole number"),
            C("First reply time in minutes", "whole number", "minutes", "calendar time"),
            C("First reply time in minutes within business hours", "whole number", "minutes"),
            C("Full resolution time in minutes", "whole number", "minutes", "calendar time"),
        ),
        "pd.read_csv(path)",
        exports.write_zendesk,
    ),
    DataFile(
        "customer_journeys.csv",
        "Touchpoint paths of converting customers (an attribution tool's export)",
        "One row per visit before a web order; the last visit of each order is the one that converted and "
        "carries its value.",
        (
            "rows are in time order across all customers: sort by `Order` and `Timestamp` to get a path",
            "a customer can have several orders, each with its own journey",
        ),
        (
            C("Customer ID", "text"),
            C("Order", "text", "", "Shopify's order `Name`"),
            C("Timestamp", "date and time", "local"),
            C("Channel", "text", "", "GA4 channel group"),
            C("Source / medium", "text"),
            C("Campaign", "text"),
            C("Conversion value", "number", "USD", "only on the converting visit"),
        ),
        'pd.read_csv(path, parse_dates=["Timestamp"])',
        exports.write_journeys,
    ),
    DataFile(
        "geo_holdout_test.xlsx",
        "A regional (geo) holdout test of Meta ads",
        "Sheet `Weekly by region`: revenue per region and week, before and during the test; ads ran only in "
        "treatment regions. Sheet `Test design`: the test's set-up and what Ads Manager reported.",
        (
            "pre-test and test periods have different lengths: compare weekly averages, not sums",
            "the platform-reported value is not the incremental value",
        ),
        (
            C("Region", "text"),
            C("Group", "text", "", "Treatment or Control"),
            C("Week starting", "date", "", "Mondays"),
            C("Period", "text", "", "Pre-test or Test"),
            C("Revenue (USD)", "number", "USD"),
            C("Orders", "whole number"),
            C("Ad spend (USD)", "number", "USD", "treatment regions in test weeks"),
        ),
        'pd.read_excel(path, sheet_name="Weekly by region", engine="openpyxl")',
        exports.write_geo,
    ),
    DataFile(
        "ventes_filiale_france.csv",
        "The French subsidiary's sales, exported from a French-locale Excel",
        "One row per day and sales channel.",
        (
            '`;` separates columns, `,` is the decimal mark: `sep=";", decimal=","`',
            'dates are DD/MM/YYYY: `dayfirst=True` or `format="%d/%m/%Y"`',
            "French headers, amounts in euros (€)",
            "Windows line ends",
        ),
        (
            C("Date", "text", "", "DD/MM/YYYY"),
            C("Canal", "text", "", "Boutique en ligne, Marketplace, Cafés partenaires"),
            C("Commandes", "whole number", "orders"),
            C("CA HT (€)", "number", "EUR", "revenue before VAT"),
            C("TVA (€)", "number", "EUR", "VAT at 5.5%"),
            C("CA TTC (€)", "number", "EUR", "revenue with VAT"),
            C("Panier moyen TTC (€)", "number", "EUR", "average order with VAT"),
        ),
        'pd.read_csv(path, sep=";", decimal=",", parse_dates=["Date"], date_format="%d/%m/%Y")',
        exports.write_france,
    ),
    DataFile(
        "finance_assumptions.xlsx",
        "The finance team's planning workbook",
        "Sheet `Assumptions`: one row per input, each value in a named cell; sheet `Notes`.",
        (
            "values are also defined names (`GrossMargin`, `CostPerPhoneContact`, …), as finance teams use them",
        ),
        (C("Assumption", "text"), C("Value", "number"), C("Unit", "text"), C("Source / note", "text")),
        'pd.read_excel(path, sheet_name="Assumptions", engine="openpyxl")',
        exports.write_finance,
    ),
]
