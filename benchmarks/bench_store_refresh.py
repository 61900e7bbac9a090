"""Refreshing a 200-entry feed that has nothing new, against a loopback server.

    .venv/bin/python benchmarks/bench_store_refresh.py [--entries 200] [--runs 21]

"Beyond the network" is each refresh's median minus the median of a bare `fetch` of the
same response on the same client, measured in the same run.  Three servers: one that
answers the conditional GET with 304, one that ignores validators and resends the same
bytes, and one whose bytes change every time (a fresh `lastBuildDate`) while every entry is
already held, which forces a full parse.  Aim (issue 7): under 0.2 s beyond the network.
"""

from __future__ import annotations

import argparse
import logging
import tempfile
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from pytest_httpserver import HTTPServer
from timing import median_ms
from werkzeug import Request, Response

from briefing.clock import fixed_clock
from briefing.sources.web import fetch, make_client
from briefing.store import Store
from briefing.subscriptions import refresh_feed

CLOCK = fixed_clock(datetime(2021, 12, 31, 6, 0, tzinfo=UTC))
START = datetime(2021, 12, 1, tzinfo=UTC)


def rss(entries: int, build: int) -> bytes:
    items = "".join(
        f"<item><title>Entry {n}</title><link>https://wire.example/{n}</link>"
        f"<pubDate>{format_datetime(START + timedelta(hours=n))}</pubDate>"
        f"<description>Entry {n}. " + "The minister said talks would resume. " * 12
        + "</description></item>" for n in range(entries))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
            f"<link>https://wire.example/</link><description>d</description>"
            f"<lastBuildDate>{format_datetime(START + timedelta(seconds=build))}</lastBuildDate>"
            f"{items}</channel></rss>").encode()


class Server:
    def __init__(self, server: HTTPServer, entries: int) -> None:
        self.entries, self.mode, self.builds = entries, "304", 0
        self.body = rss(entries, 0)
        server.expect_request("/feed.xml").respond_with_handler(self.handle)

    def handle(self, request: Request) -> Response:
        if self.mode == "304" and request.headers.get("If-None-Match") == '"v"':
            return Response(status=304)
        if self.mode == "changing":
            self.builds += 1
            self.body = rss(self.entries, self.builds)
        return Response(self.body, content_type="application/rss+xml", headers={"ETag": '"v"'})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=200)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request otherwise
    http = HTTPServer()
    http.start()
    server = Server(http, args.entries)
    url = http.url_for("/feed.xml")
    client = make_client()
    try:
        with tempfile.TemporaryDirectory() as folder, \
                Store.open(Path(folder) / "briefing.sqlite3", clock=CLOCK) as store:
            first = refresh_feed(store, url, client=client, clock=CLOCK)
            assert len(first.new) == args.entries, first
            results = []
            for mode, label in (("304", "server answers 304"),
                                ("same", "server ignores validators, same bytes"),
                                ("changing", "new bytes, every entry already held")):
                server.mode = mode
                network = median_ms(lambda: fetch(url, client=client, headers={
                    "If-None-Match": '"v"'}), args.runs)
                total = median_ms(lambda: refresh_feed(store, url, client=client, clock=CLOCK),
                                  args.runs)
                outcome = refresh_feed(store, url, client=client, clock=CLOCK)
                assert not outcome.new, outcome
                results.append((label, network, total, outcome.outcome))
    finally:
        client.close()
        http.stop()
    print(f"refresh of a {args.entries}-entry feed with nothing new ({len(server.body):,} bytes),"
          f" median of {args.runs} runs")
    print(f"  {'case':<40} {'fetch only':>11} {'refresh':>9} {'beyond net':>11}  outcome")
    for label, network, total, outcome in results:
        print(f"  {label:<40} {network:8.1f} ms {total:6.1f} ms {total - network:8.1f} ms"
              f"  {outcome}")


if __name__ == "__main__":
    main()
