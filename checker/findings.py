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


class Report(BaseModel):
    version: int = 1
    documents: list[Document]
    claims: list[Claim]
    findings: list[Finding]
    skipped: list[str] = Field(default_factory=list, description="inputs read but set aside, one line each")
    notes: list[str] = Field(default_factory=list)
