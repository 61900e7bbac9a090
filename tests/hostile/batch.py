"""The child side of `harness.run_batch`: many Python API cases in one process.

    python -m tests.hostile.batch analyze|load SPEC.json

Writes one JSON line per case, in order, on the standard output it was given (anything the
code under test prints goes to stderr instead): the case id, the seconds it took, `error`
(the traceback when it raised, else null) and what the mode reports.

analyze  `briefing.analyze(text, published=...)` on the text in `text_file`; reports spans
         whose offsets do not index the text (the dashboard highlights by them).
load     `briefing.sources.load_many(sources, on_error=...)`; reports the titles loaded,
         every problem (source, reason, fatal) and the articles' text joined.
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from datetime import date, datetime


def _published(spec: dict[str, str] | None) -> object:
    if spec is None:
        return None
    kind, value = spec["kind"], spec["value"]
    if kind == "date":
        return date.fromisoformat(value)
    if kind == "datetime":
        return datetime.fromisoformat(value)
    return value


def _bad_spans(text: str, found: dict[str, list[dict[str, object]]]) -> list[str]:
    bad = []
    for key in ("times", "quotes", "questions"):
        for span in found.get(key, []):
            start, end = span["start"], span["end"]
            if not (isinstance(start, int) and isinstance(end, int)
                    and 0 <= start <= end <= len(text)):
                bad.append(f"{key}: [{start}, {end}] outside the text")
            elif key != "quotes" and text[start:end] != span["text"]:
                bad.append(f"{key}: [{start}, {end}] is not {str(span['text'])[:60]!r}")
    for key in ("people", "organizations", "places"):
        for entity in found.get(key, []):
            for start, end in entity.get("mentions", []):
                if not 0 <= start <= end <= len(text):
                    bad.append(f"{key}: mention [{start}, {end}] outside the text")
    return bad[:5]


def analyze_case(case: dict[str, object]) -> dict[str, object]:
    import briefing

    with open(str(case["text_file"]), encoding="utf-8", errors="surrogatepass") as handle:
        text = handle.read()
    doc = briefing.analyze(text, published=_published(case.get("published")))  # type: ignore[arg-type]
    found = doc.to_dict()
    json.dumps(found, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return {"bad_spans": _bad_spans(text, found), "times": len(found.get("times", []))}


def load_case(case: dict[str, object]) -> dict[str, object]:
    from briefing.sources import load_many

    problems: list[dict[str, object]] = []

    def note(problem: object) -> None:
        problems.append({"source": str(getattr(problem, "source", "")),
                         "reason": str(getattr(problem, "reason", problem)),
                         "fatal": bool(getattr(problem, "fatal", True))})

    articles = load_many([str(s) for s in case["sources"]], on_error=note)  # type: ignore[attr-defined]
    return {"titles": [a.title or "" for a in articles], "problems": problems,
            "text": "\n".join(f"{a.title}\n{a.source}\n{a.url}\n{a.text}" for a in articles)}


def main() -> None:
    mode, spec = sys.argv[1], sys.argv[2]
    out = os.fdopen(os.dup(1), "w", encoding="utf-8", errors="backslashreplace")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    run = {"analyze": analyze_case, "load": load_case}[mode]
    with open(spec, encoding="utf-8") as handle:
        cases = json.load(handle)
    for case in cases:
        start = time.monotonic()
        try:
            record = run(case)
            record["error"] = None
        except BaseException:
            record = {"error": traceback.format_exc(limit=8)[-3000:]}
        record.update(id=case["id"], seconds=round(time.monotonic() - start, 3))
        out.write(json.dumps(record, ensure_ascii=True) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
