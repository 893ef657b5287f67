"""Checks run inline (no event loop) when nothing waits, and say so when something does."""

from __future__ import annotations

import asyncio

import pytest

from auditor.verify.inline import Suspended, gather_in_order, run_inline


async def _cached(value: int) -> int:
    return value


def test_a_run_that_never_waits_gives_its_result_in_order():
    assert run_inline(gather_in_order(_cached(3), _cached(1), _cached(2))) == [3, 1, 2]


def test_a_run_that_waits_on_the_loop_is_reported_not_lost():
    async def waits() -> int:
        await asyncio.sleep(0)
        return 1

    with pytest.raises(Suspended):
        run_inline(gather_in_order(_cached(1), waits()))
