"""The shared source register: one place every room cites from, checked as data."""

from __future__ import annotations

import tomllib
from importlib.resources import files

from acumat.knowledge import source_ids, source_register
from acumat.plan import load_rules
from acumat.plan.care import load_guides
from acumat.plan.steps import load_steps
from acumat.safety import load_ruleset


def test_every_source_has_an_id_once_a_title_and_no_path_in_its_title() -> None:
    raw = tomllib.loads(files("acumat.knowledge").joinpath("sources.toml").read_text("utf-8"))
    ids = [str(entry["id"]) for entry in raw["source"]]
    assert len(ids) == len(set(ids)) == len(source_register())
    for source in source_register().values():
        assert source.name.strip()
        assert ".md" not in source.name
        assert "knowledge/" not in source.name  # a title, never where it was read


def test_every_room_cites_only_the_register() -> None:
    known = source_ids()
    cited = {s for rule in load_ruleset().rules for s in rule.sources}
    cited |= {s for name in ("first", "grow", "cap") for s in load_rules()[name].sources}
    cited |= {s for step in load_steps().steps for s in step.sources}
    cited |= {s for guide in load_guides().values() for s in guide.all_sources}
    assert cited
    assert cited <= known
    assert load_ruleset().sources == source_register()
