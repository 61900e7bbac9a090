"""`briefing handover`: what changed since the last brief, with who did it, for the next
shift; the brief records when it was made so the handover starts there by itself."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from briefing.cli import main
from briefing.clock import fixed_clock
from briefing.model import Article
from briefing.sources.build import build_article
from briefing.store import Store

NIGHT = datetime(2021, 12, 30, 22, 0, tzinfo=UTC)
BRIEF = datetime(2021, 12, 31, 5, 0, tzinfo=UTC)
DAY = datetime(2021, 12, 31, 9, 0, tzinfo=UTC)


def _article(title: str, body: str) -> Article:
    return build_article(body=body, source=f"{title}.txt", title=title, url=None,
                         published_raw="2021-12-30T15:35:00-05:00")


GENEVA = _article("Envoys meet in Geneva", "GENEVA — Envoys met on Thursday to discuss "
                  "arms control. The talks will resume in January.")
FERRY = _article("Ferry cancelled in Oslo", "OSLO — The ferry to Kiel stayed in port on "
                 "Thursday because of a storm in the Skagerrak.")
DAM = _article("Dam breach floods valley", "KHERSON — A dam was breached overnight and "
               "villages downstream were evacuated, officials said.")


def night_shift(target: str) -> None:
    """Amy flags two stories and notes one, then exports the brief at 05:00Z."""
    with Store.open(target, clock=fixed_clock(NIGHT), officer="amy") as amy:
        amy.add_many([GENEVA, FERRY])
        amy.set_flag(GENEVA)
        amy.set_flag(FERRY)
        amy.set_note(GENEVA, "ask the Geneva desk")
    with Store.open(target, clock=fixed_clock(BRIEF), officer="amy") as amy:
        amy.record_brief("/briefs/310500Z.txt", amy.flagged())


def day_shift(target: str) -> None:
    """Bob: a new story arrives and is flagged, the ferry is resolved, a note added."""
    with Store.open(target, clock=fixed_clock(DAY), officer="bob") as bob:
        bob.add_many([DAM])
        bob.set_flag(DAM)
        bob.set_flag(FERRY, False)
        bob.set_note(DAM, "evacuation numbers at 10Z")


def test_handover_starts_at_the_last_brief_and_names_who_did_what(
        capsys: pytest.CaptureFixture[str]) -> None:
    from briefing.store import default_path

    night_shift(str(default_path()))
    day_shift(str(default_path()))
    assert main(["handover"]) == 0
    out = capsys.readouterr().out
    assert "since the last brief, 310500Z DEC 21 by amy" in out
    new = out[out.index("1. NEW STORIES"):out.index("2. ")]
    assert "Dam breach floods valley" in new and "Geneva" not in new  # briefed already
    flags = out[out.index("3. FLAGS"):out.index("4. ")]
    assert "310900Z DEC 21  bob flagged: Dam breach floods valley" in flags
    assert "bob unflagged: Ferry cancelled in Oslo" in flags and "amy" not in flags
    notes = out[out.index("4. NOTES"):out.index("5. ")]
    assert "bob on Dam breach floods valley: evacuation numbers at 10Z" in notes
    assert "ask the Geneva desk" not in notes  # written before the brief
    watch = out[out.index("5. WATCH"):]
    assert "RESOLVED  Ferry cancelled in Oslo" in watch
    assert "OPEN      Envoys meet in Geneva\n" in watch
    assert "OPEN      Dam breach floods valley  (new since)" in watch


def test_since_overrides_the_last_brief(capsys: pytest.CaptureFixture[str]) -> None:
    from briefing.store import default_path

    night_shift(str(default_path()))
    assert main(["handover", "--since", "2021-12-30T00:00:00Z"]) == 0
    out = capsys.readouterr().out
    assert "since 300000Z DEC 21" in out
    assert "amy on Envoys meet in Geneva: ask the Geneva desk" in out
    assert main(["handover", "--since", "yesterday"]) == 2


def test_a_brief_from_the_cli_records_when_it_was_made(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from briefing.store import default_path
    from tests.conftest import SEED_ARTICLE

    assert main(["brief", str(SEED_ARTICLE), "--out", str(tmp_path / "b.txt")]) == 0
    with Store.open(default_path()) as store:
        last = store.last_brief()
    assert last is not None and last.made == datetime(2021, 12, 31, 6, 0, tzinfo=UTC)
    assert last.path == str(tmp_path / "b.txt")


def test_the_handover_reads_a_shared_server(pg_url: str) -> None:
    from briefing.handover import build_handover, render_handover

    night_shift(pg_url)
    day_shift(pg_url)
    with Store.open(pg_url, officer="carol") as store:
        text = render_handover(build_handover(store), DAY)
    assert "by amy" in text and "bob flagged: Dam breach floods valley" in text
