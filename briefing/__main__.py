"""`python -m briefing` is the same front door as the `briefing` command."""

from briefing.cli import main

raise SystemExit(main())
