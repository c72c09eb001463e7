"""The reference parsers' value cases (fixtures/values, from Duckling and Recognizers-Text; see
bench/values_import.py for their licences): how many claimcheck reads, per language and dimension.

Slow (some 2,300 phrases): run by `make nightly` and `make values`. Each group must keep at least
its floor, the share read when the floor was last raised; raise it when a class is fixed.
"""
from __future__ import annotations

import pytest

from bench import values

# share read per "<lang> <dim>" and per dimension when last measured (fixtures/values/README.md), less
# a point of slack
FLOORS = {
    "en number": 0.81, "en money": 0.89, "en date": 0.67, "en duration": 0.91,
    "ru number": 0.92, "ru money": 0.91, "ru date": 0.91, "ru duration": 0.93,
    "zh-Hans number": 0.82, "zh-Hans money": 0.68, "zh-Hans date": 0.69, "zh-Hans duration": 0.71,
    "zh-Hant number": 0.79, "zh-Hant money": 0.32, "zh-Hant date": 0.99, "zh-Hant duration": 0.74,
    "ar number": 0.80, "ar money": 0.95, "ar date": 0.47, "ar duration": 0.86,
    "number": 0.82, "money": 0.86, "date": 0.67, "duration": 0.87,
}


@pytest.mark.slow
def test_value_tables_keep_their_floors():
    figs = values.figures(values.run(values.load()))
    low = {k: f"{ok}/{n}" for k, (ok, n) in figs.items()
           if (k.split(" ", 1)[1] if k.startswith("dim ") else k) in FLOORS
           and ok / n < FLOORS[k.split(" ", 1)[1] if k.startswith("dim ") else k]}
    assert not low, f"value groups below their floor: {low}"
