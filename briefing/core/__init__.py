"""What every layer shares: segmentation, zone names, the TIMEX reading, instants rendered.

The lowest layer above the data model: `extract`, `sources`, `store`, `brief` and `ui` may
import from here, and nothing here imports from them (the contracts in pyproject.toml).
"""
