"""The decision reader on the corpus (issue 35): no value written unmarked that differs from
the expected draft, at least 80 % of the targets' values proved, no decision refused."""

from __future__ import annotations

import pytest

from tests.decision_corpus.score import Score, run


@pytest.fixture(scope="module")
def score() -> Score:
    return run()


def test_no_value_is_written_unmarked_that_differs_from_the_expected_draft(score):
    assert score.wrong == []


def test_most_values_are_proved(score):
    assert score.target_share >= 0.80, dict(score.targets)
    assert score.proved_share >= 0.80, dict(score.counts)


def test_every_decision_is_read(score):
    # A refusal would name its reason and its place; none of these decisions deserves one.
    assert score.refused == []
