"""Finding and Report: the JSON contract (`../shared/spec/report-contract.md`) as pydantic models."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, Field

from claims.model import Claim, Document

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


class SubjectRef(BaseModel):
    id: str
    name: str
    # How the finding's claims wrote their subject, in every script (аварии, the failure, 發射失敗).
    aliases: list[str] = []


class Evidence(BaseModel):
    """One side of a finding: the claim, where it stands and what it was read as."""

    claim: str
    doc: str
    lang: Optional[str] = None
    published: Optional[str] = None
    text: str
    span: tuple[int, int]
    value_span: Optional[tuple[int, int]] = None
    value: str
    line: Optional[int] = None
    column: Optional[int] = None


class Finding(BaseModel):
    id: str
    kind: Literal["contradiction", "anomaly", "agreement"]
    predicate: str
    severity: Severity
    subject: SubjectRef
    claims: list[str]
    docs: list[str]
    values: list[str]
    message: str
    rule: str = Field(description="stable rule code, see `claimcheck rules`")
    rule_name: str = ""
    why: str = ""
    confidence: float = 0.8
    outlier: Optional[str] = Field(default=None, description="the claim the other sources disagree with")
    evidence: list[Evidence] = Field(default_factory=list)
    fingerprint: str = ""
    suppressed: Optional[str] = None


class InputProblem(BaseModel):
    """A file that could not be read: the run went on without it (and exits 2)."""

    code: str
    path: str
    message: str


class Undated(BaseModel):
    """A document without a publication date, and what that costs."""

    doc: str
    path: str
    # The date taken in its place (today, for a draft being written), or None.
    assumed: Optional[str] = None
    # Claims whose relative dates ("in December", 去年) could not be placed in a year: they are
    # compared with nothing.
    unresolved: int = 0
    message: str = ""


class RunInfo(BaseModel):
    """When and from what the report was made."""

    command: str
    inputs: list[str] = Field(default_factory=list)
    archive: list[str] = Field(default_factory=list)
    store: Optional[str] = None
    generated: str = ""
    version: str = ""


class Report(BaseModel):
    version: int = 1
    documents: list[Document]
    claims: list[Claim]
    findings: list[Finding]
    skipped: list[str] = Field(default_factory=list, description="inputs read but set aside, one line each")
    notes: list[str] = Field(default_factory=list)
    errors: list[InputProblem] = Field(default_factory=list,
                                       description="files that could not be read; the run went on without them")
    undated: list[Undated] = Field(default_factory=list, description="documents without a publication date")
    unlisted: list[str] = Field(default_factory=list,
                                description="articles read that their folder's manifest does not list")
    drafts: list[str] = Field(default_factory=list, description="the ids of the drafts checked (`check`)")
    run: Optional[RunInfo] = None
