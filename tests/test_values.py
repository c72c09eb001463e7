"""The reference parsers' value cases (fixtures/values, from Duckling and Recognizers-Text; see
bench/values_import.py for their licences): how many claimcheck reads, per language and dimension.

Slow (some 2,300 phrases): run by `make nightly` and `make values`. Each group must keep at least
its floor, the share read when the floor was last raised; raise it when a class is fixed.
"""
from __future__ import annotations

import pytest

from bench import values

# share read per "<lang> <dim>" when last measured, less a point of slack
FLOORS = {
    "number": 0.65, "money": 0.58, "date": 0.50, "duration": 0.80,
}


@pytest.mark.slow
def test_value_tables_keep_their_floors():
    figs = values.figures(values.run(values.load()))
    low = {k: f"{ok}/{n}" for k, (ok, n) in figs.items()
           if k.startswith("dim ") and ok / n < FLOORS[k.split()[1]]}
    assert not low, f"value groups below their floor: {low}"
