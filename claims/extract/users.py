"""user_count: an amount right beside a word for users (or passengers, patients, customers: the
pack's `user_nouns`), about a product or organisation."""
from __future__ import annotations

from claims.extract import Draft, nearest, next_word_at
from claims.extract.money import earlier_figure, earlier_figures, period_of
from claims.model import Quantity


def _measure(sent, amount, trig) -> str:
    """What is counted and how often: weekly_users, monthly_passengers, patients...; only like
    measures are compared. The noun comes from the pack's `user_nouns` (users by default), the
    period from its `user_measures`."""
    noun = "users"
    for key, words in sent.pack.lex.user_nouns.items():
        pattern = sent.pack.compile(words)
        if pattern is not None and pattern.fullmatch(trig.text):
            noun = key
            break
    lo, hi = min(amount.start, trig.start) - 20, max(amount.end, trig.end) + 20
    window = sent.text[max(0, lo):hi]
    for measure, words in sent.pack.lex.user_measures.items():
        pattern = sent.pack.compile(words)
        if pattern is not None and pattern.search(window):
            return f"{measure}_{noun}"
    return noun


def _counts_another_noun(sent, amount, trig) -> bool:
    """The amount counts the noun right after it, not the users word ("передала клиентам 312,4
    тыс. автомобилей": cars delivered to customers)."""
    pos = next_word_at(sent.text, amount.end)
    if trig.start <= pos < trig.end:
        return False
    for words in sent.pack.lex.count_nouns.values():
        pattern = sent.pack.compile(words)
        if pattern is not None and pattern.match(sent.text, pos):
            return True
    return False


def extract(sent, reader) -> list[Draft]:
    out = []
    for trig in sent.triggers_for("user_count"):
        amounts = [a for a in sent.amounts if not a.currency and not a.is_year_like and (a.amount or a.min or a.max)]
        amount = nearest(amounts, trig.start, max_gap=25)
        if amount is None or (amount.amount is not None and amount.amount < 1000 and not amount.min):
            continue
        if _counts_another_noun(sent, amount, trig):
            continue
        products = sent.products + sent.orgs
        near = nearest(products, trig.start, max_gap=40)
        subject = near.subject if near else (reader.main_product or reader.main_org)
        if subject is None:
            continue
        value = Quantity(amount=amount.amount, min=amount.min, max=amount.max, min_exclusive=amount.min_exclusive,
                         unit=_measure(sent, amount, trig), approx=amount.approx, precision=amount.precision,
                         text=amount.text)
        out.append(Draft("user_count", subject, value, (amount.start, amount.end), time=period_of(sent, amount, trig),
                         confidence=0.8 if near else 0.6, tense="former" if earlier_figure(sent, amount) else None))
    amounts = [a for a in sent.amounts if not a.currency and not a.is_year_like and (a.amount or a.min or a.max)]
    out += earlier_figures(sent, out, amounts)
    # Two user words around one amount ("Аудитория ... превысила 200 млн пользователей в неделю"): one
    # claim, with the most specific measure (weekly users over users).
    best: dict[tuple, Draft] = {}
    for d in out:
        key = (d.subject.id, d.value_span)
        if key not in best or (best[key].value.unit == "users" and d.value.unit != "users"):
            best[key] = d
    return list(best.values())
