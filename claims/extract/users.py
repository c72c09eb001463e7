"""user_count: an amount right beside a word for users, about a product or organisation."""
from __future__ import annotations

from claims.extract import Draft, nearest
from claims.model import Quantity


def extract(sent, reader) -> list[Draft]:
    out = []
    for trig in sent.triggers_for("user_count"):
        amounts = [a for a in sent.amounts if not a.currency and not a.is_year_like and (a.amount or a.min)]
        amount = nearest(amounts, trig.start, max_gap=25)
        if amount is None or (amount.amount is not None and amount.amount < 1000 and not amount.min):
            continue
        products = sent.products + sent.orgs
        near = nearest(products, trig.start, max_gap=40)
        subject = near.subject if near else (reader.main_product or reader.main_org)
        if subject is None:
            continue
        value = Quantity(amount=amount.amount, min=amount.min, max=amount.max, min_exclusive=amount.min_exclusive,
                         unit="users", approx=amount.approx, precision=amount.precision, text=amount.text)
        out.append(Draft("user_count", subject, value, (amount.start, amount.end), confidence=0.8 if near else 0.6))
    return out
