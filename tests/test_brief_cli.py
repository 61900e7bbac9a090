"""`briefing brief`: exits, errors and files, as a cron job or a handover script sees them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.cli import main
from tests.conftest import SEED_ARTICLE, SEEDS


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["brief", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_writes_the_brief_and_says_where(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "brief.txt"
    code, out, err = run(capsys, str(SEED_ARTICLE), "--zone", "UTC", "--out", str(target))
    assert code == 0, err
    assert out == ""
    assert str(target) in err
    text = target.read_text(encoding="utf-8")
    assert text.startswith("=" * 72 + "\nMORNING BRIEF\n")
    assert "310600Z DEC 21" in text  # BRIEFING_NOW, fixed by the test environment


def test_a_second_run_never_overwrites_the_first(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "brief.txt"
    target.write_text("the night shift's own notes\n", encoding="utf-8")
    code, _, err = run(capsys, str(SEED_ARTICLE), "--out", str(target))
    assert code == 0
    assert target.read_text(encoding="utf-8") == "the night shift's own notes\n"
    assert (tmp_path / "brief-2.txt").exists()
    assert "brief-2.txt" in err


def test_standard_output_when_out_is_a_dash(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(SEED_ARTICLE), "--out", "-", "--now",
                       "2022-01-01T00:00:00Z")
    assert code == 0
    assert "010000Z JAN 22" in out.split("1. BLUF")[0]  # --now wins over BRIEFING_NOW


def test_unwritable_folder_is_one_clear_error(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "briefs"
    blocker.write_text("a file where the folder should be\n", encoding="utf-8")
    code, _, err = run(capsys, str(SEED_ARTICLE), "--out", str(blocker / "brief.txt"))
    assert code == 1
    assert "cannot write the brief" in err and str(blocker / "brief.txt") in err
    assert err.count("\n") == 1
    assert blocker.read_text(encoding="utf-8") == "a file where the folder should be\n"


def test_no_articles_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    target = tmp_path / "brief.txt"
    code, _, err = run(capsys, str(empty), "--out", str(target))
    assert code == 1
    assert "no articles" in err
    assert not target.exists()


def test_a_period_that_holds_no_article_is_an_error(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(SEED_ARTICLE), "--period", "1h",
                       "--out", str(tmp_path / "b.txt"))
    assert code == 1
    assert "--period" in err and not (tmp_path / "b.txt").exists()


def test_period_keeps_only_recent_articles(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    code, out, _ = run(capsys, str(folder), "--period", "24h")
    assert code == 0
    assert "S1 " in out and "S2 " not in out  # only the Biden-Putin call is inside
    assert "(last 24 h)" in out


@pytest.mark.parametrize("args", [
    ("--zone", "Mars/Olympus"),
    ("--period", "yesterday"),
    ("--now", "2021-12-31T06:00:00"),  # naive: refused, not guessed
])
def test_bad_options_are_usage_errors(args: tuple[str, str],
                                      capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["brief", str(SEED_ARTICLE), *args])
    assert exit_info.value.code == 2
    assert args[0] in capsys.readouterr().err


def test_a_missing_source_is_named_and_the_rest_still_briefed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere.txt"
    code, out, err = run(capsys, str(missing), str(SEED_ARTICLE))
    assert code == 1
    assert "nowhere.txt" in err
    assert "MORNING BRIEF" in out


def test_flagged_only_uses_the_dashboard_flags(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from briefing.sources import load
    from briefing.store import open_store

    code, _, err = run(capsys, str(SEEDS), "--flagged-only")
    assert code == 1 and "no flagged article" in err
    geneva = next(a for a in load(str(SEEDS)) if "Geneva" in a.title)
    with open_store() as store:
        store.set_flag(geneva)
        store.set_note(geneva, "Confirm the venue with the embassy")
    code, out, _ = run(capsys, str(SEEDS), "--flagged-only")
    assert code == 0
    assert "Geneva" in out and "Mumbai" not in out
    assert "1 article in 1 story, 1 flagged" in out
    assert "Note:  (officer, S1) Confirm the venue with the embassy" in out


def test_flagged_articles_are_briefed_in_the_order_they_were_flagged(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from briefing.sources import load
    from briefing.store import open_store

    seeds = load(str(SEEDS))
    geneva = next(a for a in seeds if "Geneva" in a.title)
    newest = max((a for a in seeds if a.published), key=lambda a: a.published)  # type: ignore[arg-type,return-value]
    assert newest is not geneva
    with open_store() as store:
        store.set_flag(geneva)  # flagged first: the officer's lead story
        store.set_flag(newest)
    code, out, _ = run(capsys, str(SEEDS), "--flagged-only")
    assert code == 0
    sources = out.split("1. BLUF")[1]
    assert sources.index(geneva.title[:30]) < sources.index(newest.title[:30])


def test_the_brief_opens_the_store_once_and_closes_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.sources import load
    from briefing.store import Store, open_store

    with open_store() as store:  # the dashboard ran before: a store with flags exists
        store.set_flag(load(str(SEED_ARTICLE))[0])
    opened: list[Store] = []
    closed: list[Store] = []
    real_open, real_close = Store.open.__func__, Store.close  # type: ignore[attr-defined]

    def counting_open(cls: type[Store], *args: object, **kwargs: object) -> Store:
        store = real_open(cls, *args, **kwargs)
        opened.append(store)
        return store

    def counting_close(self: Store) -> None:
        closed.append(self)
        real_close(self)

    monkeypatch.setattr(Store, "open", classmethod(counting_open))
    monkeypatch.setattr(Store, "close", counting_close)
    code, out, err = run(capsys, str(SEED_ARTICLE), "--out", "-")
    assert code == 0, err
    assert "FLAGGED" in out
    assert len(opened) == 1 and closed == opened


def test_an_unknown_locale_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["brief", str(SEED_ARTICLE), "--locale", "xx"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "--locale 'xx' is not a known locale" in err and "Traceback" not in err


def test_a_bcp47_locale_is_understood(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(SEED_ARTICLE), "--locale", "en-GB")
    assert code == 0, err
    assert "MORNING BRIEF" in out
