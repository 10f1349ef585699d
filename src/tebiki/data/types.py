"""Types every data file uses: strict models, non-empty text, and the shapes of IDs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

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
    # defer_build: a model's validator is built when it first validates, not when its module is
    # imported; a build that reads the loaded project back from the cache (tebiki/memo.py) never
    # validates, and saves some 35 ms of CPU.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# Characters no address needs, which would let it leave a link or an attribute.
_URL_FORBIDDEN = set('"<>\\`^{|}')


def _url_check(schemes: tuple[str, ...]) -> Callable[[str], str]:
    def check(value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in schemes:
            raise PydanticCustomError(
                "url_scheme",
                "{value!r} is not an allowed address: it must start with {allowed}",
                {"value": value, "allowed": " or ".join(f"{s}:" for s in schemes)},
            )
        bad = sorted({c for c in value if c in _URL_FORBIDDEN or c.isspace() or not c.isprintable()})
        if bad or (parts.scheme == "https" and not parts.hostname) or (parts.scheme == "mailto" and "@" not in value):
            raise PydanticCustomError(
                "url_invalid", "{value!r} is not a valid {scheme}: address", {"value": value, "scheme": parts.scheme}
            )
        return value

    return check


def _url(schemes: tuple[str, ...], description: str) -> Any:
    start = "|".join(schemes)
    return Annotated[
        str,
        AfterValidator(_url_check(schemes)),
        Field(description=description, json_schema_extra={"format": "uri", "pattern": f"^({start}):"}),
    ]


# Addresses are checked by scheme: a `javascript:` or `data:` link cannot reach a page.
WebUrl = _url(("https",), "An https:// address (no other scheme is accepted).")
ContactUrl = _url(("https", "mailto"), "An https:// address, or mailto: for an e-mail address.")
