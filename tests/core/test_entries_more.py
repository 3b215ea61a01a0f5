"""The lines the tool writes: numbered on after those of the file, and referenced uniquely by their content."""

from __future__ import annotations

from mtcl.core.entries import Lines, References, make_ref, ref_key


def test_lines_added_are_numbered_on_from_the_files_last_line():
    lines = Lines("records.jsonl", ("a", "b"), (1, 3), digest="abc")
    assert lines.with_added(["c", "d"]) == Lines("records.jsonl", ("a", "b", "c", "d"), (1, 3, 4, 5))
    gaps = Lines("records.jsonl", ("a", "b", "c"), (1, 2, 5))  # a damaged line 3 and a blank line 4 left out
    assert gaps.with_added(["d"]).numbers == (1, 2, 5, 6)
    assert Lines("records.jsonl").with_added(["x"]) == Lines("records.jsonl", ("x",), (1,))
    assert len(lines.with_added([])) == 2 and list(lines.with_added(["c"])) == ["a", "b", "c"]


def test_a_reference_is_a_digest_of_the_lines_content():
    # sha256('abc') begins ba 78 16 bf 8f: in base 32, XJ4BNP4P
    assert make_ref("SL", b"abc") == "SL-XJ4BNP4P"
    assert make_ref("HT", b"abc") == "HT-XJ4BNP4P"


def test_a_line_identical_to_an_earlier_one_takes_the_next_free_number():
    refs = References(["SL-B"])
    assert [refs.unique("SL-A"), refs.unique("SL-A"), refs.unique("SL-A")] == ["SL-A", "SL-A-2", "SL-A-3"]
    assert refs.unique("SL-B") == "SL-B-2"
    assert References(["SL-A", "SL-A-2"]).unique("SL-A") == "SL-A-3"
    assert References().unique("SL-C") == "SL-C"


def test_references_compare_without_case_or_spaces():
    assert ref_key(" sl-abc ") == "SL-ABC"
