"""The claim model: documents, subjects, normalized values and claims.

These pydantic models are the source of truth for the JSON report (see
`../shared/spec/report-contract.md`); `claimcheck schema` prints their JSON Schema.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

Span = tuple[int, int]
# The `text` of a Time that is its article's publication date, not a time the sentence states.
PUBLICATION_DATE = "publication date"


class Document(BaseModel):
    """One article as read from disk, with the metadata that anchors its relative dates."""

    model_config = ConfigDict(extra="allow")

    id: str
    path: str
    lang: str
    published: Optional[dt.date] = None
    title: Optional[str] = None
    source: Optional[str] = None
    # Article text exactly as decoded; every span points into it.
    text: str = Field(default="", exclude=True, repr=False)
    # Character ranges that yield no claims: repeated paragraphs and site furniture.
    skipped: list[Span] = Field(default_factory=list, exclude=True, repr=False)
    # Organisations glossed in other documents read with this one (claims.aliases): native form, Latin name.
    known_names: list[tuple[str, str]] = Field(default_factory=list, exclude=True, repr=False)
    notes: list[str] = Field(default_factory=list)


class Subject(BaseModel):
    """Who or what a claim is about, linked across scripts: `id` is the same in every language."""

    id: str
    name: str
    kind: Literal["person", "org", "product", "event", "thing"] = "thing"
    aliases: list[str] = Field(default_factory=list)


class Money(BaseModel):
    type: Literal["money"] = "money"
    amount: Optional[float] = None
    currency: Optional[str] = None
    min: Optional[float] = None
    max: Optional[float] = None
    min_exclusive: bool = False
    approx: bool = False
    # Half a unit of the last digit as written: 10億 is ±0.5億, $1.5bn is ±$0.05bn.
    precision: Optional[float] = None
    text: Optional[str] = None


class Quantity(BaseModel):
    type: Literal["quantity"] = "quantity"
    amount: Optional[float] = None
    min: Optional[float] = None
    max: Optional[float] = None
    min_exclusive: bool = False
    unit: Optional[str] = None
    approx: bool = False
    precision: Optional[float] = None
    text: Optional[str] = None


class Time(BaseModel):
    """A calendar interval at year, month or day granularity; a year that could not be
    resolved leaves start/end null and keeps what is known (`month`)."""

    type: Literal["time"] = "time"
    start: Optional[dt.date] = None
    end: Optional[dt.date] = None
    granularity: Literal["year", "month", "day"] = "day"
    month: Optional[int] = None
    relative: bool = False
    approx: bool = False
    text: Optional[str] = None


class Duration(BaseModel):
    type: Literal["duration"] = "duration"
    iso: str
    years: Optional[float] = None
    approx: bool = False
    text: Optional[str] = None


class Title(BaseModel):
    type: Literal["title"] = "title"
    id: str
    text: str


Value = Annotated[Union[Money, Quantity, Time, Duration, Title], Field(discriminator="type")]


class Claim(BaseModel):
    """One atomic, normalized statement of one article."""

    id: str
    doc: str
    predicate: str
    subject: Subject
    value: Optional[Value] = None
    object: Optional[Subject] = None
    destination: Optional[Subject] = None
    time: Optional[Time] = None
    text: str
    span: Span
    value_span: Optional[Span] = None
    lang: Optional[str] = None
    # "past" when the sentence narrates a done fact, "future" for plans, forecasts and targets,
    # "former" for a post held before ("former chief scientist"), "scheduled" for a move or an event
    # put on the calendar for a day or a month ("will leave on 30 September").
    tense: Literal["past", "future", "scheduled", "former", "unknown"] = "unknown"
    confidence: float = 0.8

    @property
    def stated(self) -> bool:
        """Whether the claim states a fact: a figure, a move or an event told as a plan, target or
        forecast ("expects revenue of $5bn by 2028", "is expected to step down") does not; a post
        to come ("will become CEO") is still a role, told as future."""
        return self.tense != "future" or self.predicate == "role"
