"""Imported once by the analysis pool's fork server (never by the app itself): loads the
extractors and their tables so every worker forked from it starts warm."""

from briefing.extract import analyze

analyze("WASHINGTON (AP) — The minister met officials in Paris and Tokyo on Tuesday at "
        "3:35 p.m. EST, a spokesman said. \"We will return,\" she said.",
        published="2021-12-30T17:02:00-05:00")
