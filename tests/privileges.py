"""Run a command without root's power to ignore file modes, so read-only tests mean it."""

from __future__ import annotations

import os
import shutil

import pytest


def without_root_override() -> list[str]:
    """A command prefix that drops the capabilities that let root write anywhere.

    Tests run as root on CI; `chmod` alone would prove nothing there.  util-linux's
    `setpriv` is part of every Debian base system; without it the test cannot mean anything.
    """
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if not setpriv:
        pytest.fail("running as root without setpriv: cannot test a read-only folder")
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}"]
