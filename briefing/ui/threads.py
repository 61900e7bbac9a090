"""Blocking calls awaited from the event loop without holding up quit.

`asyncio.to_thread` runs on the loop's default executor, which `asyncio.run` joins when the
loop closes: cancelling the awaiting worker does not stop the thread, so quitting waited for a
slow download to finish (an 8 s load held `q` for 8 s).  A daemon thread is left behind at
exit instead.  Only for work that holds nothing needing an orderly end (reading a source,
one short store transaction, which SQLite keeps whole if the process ends mid-way).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Any, TypeVar

T = TypeVar("T")


async def in_daemon_thread(call: Callable[..., T], *args: Any, name: str = "briefing") -> T:
    """`call(*args)` on a fresh daemon thread; cancelling the await abandons the thread."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(setter: Callable[[Any], object], value: object) -> None:
        if not future.done():  # cancelled meanwhile: nobody wants the answer
            setter(value)

    def run() -> None:
        try:
            outcome: tuple[Callable[[Any], object], object] = (future.set_result, call(*args))
        except BaseException as exc:  # handed to the awaiting task, which reports it
            outcome = (future.set_exception, exc)
        with suppress(RuntimeError):  # the loop has closed: the app is gone
            loop.call_soon_threadsafe(settle, *outcome)

    threading.Thread(target=run, name=name, daemon=True).start()
    return await future
