"""Types every data file uses: strict models, non-empty text, and the shapes of IDs."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ItemId = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$"),
    Field(description="Stable ASCII ID such as SEC-TEC-01; used as the page anchor."),
]
# Lower-case ASCII IDs of sections, groups, question banks and kits (they become URLs and anchors).
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$")]
RuleId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
