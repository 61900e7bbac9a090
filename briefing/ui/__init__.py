"""The Textual dashboard.  Only this package imports Textual; `run_app` is the front door."""
