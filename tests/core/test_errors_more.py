"""A user's mistake as shown, and the problems of a file in the order an editor walks them."""

from __future__ import annotations

from mtcl.core.errors import DataError, DataErrors, Source, UserError


def test_a_mistake_is_shown_with_its_hint_only_when_it_has_one():
    assert str(UserError("sai ngày")) == "sai ngày"
    assert str(UserError("sai ngày", "viết 15/6/2023")) == "sai ngày\n  Gợi ý: viết 15/6/2023"
    assert UserError("sai ngày", "gợi ý").args == ("sai ngày",)


def test_a_problem_without_a_line_comes_first_in_its_file():
    errors = DataErrors([DataError("a.yaml", 1, None, "b"), DataError("a.yaml", None, None, "z")])
    assert [e.message for e in errors.errors] == ["z", "b"]


def test_a_problem_without_a_column_comes_first_on_its_line():
    errors = DataErrors([DataError("a.yaml", 3, 1, "b"), DataError("a.yaml", 3, None, "z"),
                         DataError("a.yaml", 2, 9, "y"), DataError("a.yaml", 3, 1, "b")])
    assert [(e.line, e.column, e.message) for e in errors.errors] == [(2, 9, "y"), (3, None, "z"), (3, 1, "b")]
    assert errors.message == "a.yaml:2:9: y\na.yaml:3: z\na.yaml:3:1: b"


def test_a_problem_is_placed_at_the_deepest_known_key_of_its_path():
    source = Source("a.yaml", {(): (1, 1), ("objectives",): (5, 1), ("objectives", 0, "title"): (7, 5)})
    assert source.position(("objectives", 0, "title", "x")) == (7, 5)
    assert source.position(("objectives", 0, "id")) == (5, 1)
    assert source.position(("decision",)) == (1, 1)
    assert Source("b.yaml").position(("x", "y")) == (None, None)
