"""Paging refusals are coded facts the catalogue words: a cursor acumat did not give, a limit
out of range."""

from __future__ import annotations

import pytest

from acumat.diary import paging
from acumat.errors import InvalidInput
from acumat.present.messages import for_person, plain
from tests.present.wording import not_for_people


def test_a_cursor_acumat_did_not_give_is_refused_as_bad_cursor() -> None:
    with pytest.raises(InvalidInput) as caught:
        paging.decode("episodes", "not a cursor")
    (problem,) = caught.value.problems
    assert (problem.field, problem.code) == ("cursor", "bad_cursor")
    assert problem.message == plain("bad_cursor", {})
    assert not_for_people(for_person(problem)) == []


def test_another_lists_cursor_is_a_bad_cursor_too() -> None:
    from datetime import UTC, datetime

    cursor = paging.encode("care", paging.Position("care", datetime(2026, 3, 14, tzinfo=UTC), 1))
    assert paging.decode("care", cursor).id == 1
    with pytest.raises(InvalidInput) as caught:
        paging.decode("episodes", cursor)
    assert caught.value.problems[0].code == "bad_cursor"


@pytest.mark.parametrize("limit", [0, -3, paging.MAX_LIMIT + 1])
def test_a_limit_out_of_range_carries_the_range_and_the_number_given(limit: int) -> None:
    with pytest.raises(InvalidInput) as caught:
        paging.check_limit(limit)
    (problem,) = caught.value.problems
    assert (problem.field, problem.code) == ("limit", "limit_out_of_range")
    assert dict(problem.params) == {"minimum": 1, "maximum": paging.MAX_LIMIT, "given": limit}
    assert problem.message == f"must be between 1 and {paging.MAX_LIMIT} (got {limit})"
    assert for_person(problem) == f"a whole number from 1 to 500 (you entered {limit})"


@pytest.mark.parametrize("limit", [1, paging.MAX_LIMIT])
def test_the_limits_at_the_ends_of_the_range_are_served(limit: int) -> None:
    paging.check_limit(limit)
