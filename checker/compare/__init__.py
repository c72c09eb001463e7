"""Comparison rules, one small class each, registered in the one table below.

`claimcheck rules` prints this table with each rule's docstring.
"""
from __future__ import annotations

from checker.compare.amounts import AmountConflict
from checker.compare.base import Rule
from checker.compare.people import MoveConflict, RoleConflict, SingleHolderConflict, TenureConflict
from checker.compare.times import EventAfterPublication, EventDateConflict

RULES: list[Rule] = [
    EventDateConflict(),
    EventAfterPublication(),
    AmountConflict(),
    TenureConflict(),
    RoleConflict(),
    SingleHolderConflict(),
    MoveConflict(),
]
BY_CODE = {r.code: r for r in RULES}
