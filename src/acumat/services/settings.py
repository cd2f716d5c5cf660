"""A person's own settings: the time zone their days are counted in, their region, and the
longest mat session their plan may hold."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from acumat import clock
from acumat.actor import Actor
from acumat.plan import load_rules
from acumat.safety.regions import regions
from acumat.services.database import actor_of
from acumat.store.engine import Database
from acumat.store.repos import UserRepo
from acumat.validation import AsWholeNumber, parse

PLAN_RULES = load_rules()

REGIONS = {code: place.name for code, place in regions().items()}
"""Region codes and the names a person picks from (``acumat/safety/regions.toml``)."""


def _known_zone(name: str) -> str:
    try:
        clock.zone(name)
    except KeyError:
        raise ValueError(
            f"{name!r} is not a time zone acumat knows; use a name such as Europe/London, "
            "America/New_York or Pacific/Auckland"
        ) from None
    return name


def _known_region(code: str) -> str:
    if code.upper() not in REGIONS:
        raise ValueError(f"must be one of: {', '.join(REGIONS)}")
    return code.upper()


class SettingsIn(BaseModel):
    """What a person may change; anything left out stays as it is."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    timezone: Annotated[str, AfterValidator(_known_zone)] | None = None
    region: Annotated[str, AfterValidator(_known_region)] | None = None
    mat_cap: (
        Annotated[int, Field(ge=PLAN_RULES.first_minutes, le=PLAN_RULES.hard_cap), AsWholeNumber]
        | None
    ) = Field(
        default=None,
        title="Longest mat session",
        description="The most minutes your plan may build up to "
        f"({PLAN_RULES.default_cap} unless you change it; never more than "
        f"{PLAN_RULES.hard_cap}).",
    )


class SettingsOut(BaseModel):
    timezone: str
    region: str
    mat_cap: int


def read_settings(db: Database, actor: Actor) -> SettingsOut:
    with db.transaction() as session:
        cap = UserRepo(session).get(actor.user_id).mat_cap_minutes
    return SettingsOut(
        timezone=actor.timezone, region=actor.region, mat_cap=cap or PLAN_RULES.default_cap
    )


def change_settings(db: Database, actor: Actor, raw: Mapping[str, Any]) -> Actor:
    """Store the new settings; returns the actor as they now are."""
    data = parse(SettingsIn, raw, None)
    with db.transaction() as session:
        user = UserRepo(session).get(actor.user_id)
        if data.timezone is not None:
            user.timezone = data.timezone
        if data.region is not None:
            user.region = data.region
        if data.mat_cap is not None:
            user.mat_cap_minutes = data.mat_cap
        session.flush()
        return actor_of(user)
