"""The predicate vocabulary: what each claim type says, its subject and its value.

The names are fixed by the report contract; new predicates are welcome. A test checks that every
predicate here is produced by an extractor (claims/extract) and compared by a rule (checker/compare).
"""
from __future__ import annotations

PREDICATES: dict[str, str] = {
    "valuation": "An organisation is worth an amount of money (value: money; time: when, if said).",
    "funding": "An organisation raised money (value: money; object: the investor, where known).",
    "revenue": "An organisation or product earns money over a period (value: money; time: the period).",
    "user_count": "A product or organisation has users (value: quantity, unit users, weekly_users, ...).",
    "departure": "A person left an organisation (object: the organisation; time: when; destination).",
    "hire": "A person joined an organisation (object: the organisation; time: when).",
    "role": "A person holds a title (value: title with a canonical id; object: the organisation; "
            "time: as of the article; tense former/future for posts held before or to come).",
    "tenure": "A person stayed at an organisation for a length of time (value: duration).",
    "event_date": "An event (a code red, an ousting, a memo) happened at a time (value: time).",
    "founding": "An organisation was founded at a time (value: time).",
    "count": "How many of something an organisation has (value: quantity with the counted noun as unit).",
    "share": "A percentage of something (value: quantity with unit %; time when said).",
    "age": "A person's age in years (value: quantity with unit years).",
}
