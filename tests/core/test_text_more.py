"""Text as typed: the file that is not UTF-8, spaces alone, control characters shown and refused."""

from __future__ import annotations

import pytest

from mtcl.core.text import clean, excerpt, fold, not_utf8, typed_problem, visible


def test_bytes_that_read_as_windows_1258_are_said_to_be_saved_as_ansi():
    assert not_utf8(b"Ph\xf2ng") == "không phải mã UTF-8 (có vẻ được lưu với mã ANSI của Windows, Windows-1258)"
    assert not_utf8(b"\x81\x90") == "không phải mã UTF-8"


def test_only_spaces_typed_is_nothing():
    assert clean("   ") is None and clean("") is None and clean(None) is None
    assert clean("  Phòng  NN ") == "Phòng  NN"


def test_fold_drops_case_diacritics_and_the_stroke_of_d():
    assert fold("  Đường   GIAO thông ") == "duong giao thong"
    assert fold("đĐ") == "dd"


def test_control_characters_are_written_out_and_breaks_kept():
    assert visible("a\x1bb") == "a\\x1bb"
    assert visible("x\u202ey") == "x\\u202ey"
    assert visible("dòng 1\ndòng 2\tcột") == "dòng 1\ndòng 2\tcột"
    assert visible("\x7f\x9f") == "\\x7f\\x9f"


@pytest.mark.parametrize("surrogate", ["\udc80", "\udcff", "\udcc3"])
def test_bytes_that_are_not_utf8_are_refused(surrogate):
    assert typed_problem(f"Ph{surrogate}ng") == (
        "có byte không phải UTF-8 (gõ lại bằng bộ gõ tiếng Việt, hoặc lưu tệp lệnh với mã UTF-8)")


def test_a_tab_or_a_line_break_is_refused_only_in_a_one_line_text():
    assert typed_problem("a\tb") == "có ký tự điều khiển (\\x09) không được phép"
    assert typed_problem("a\nb") == "có ký tự điều khiển (\\x0a) không được phép"
    assert typed_problem("a\tb\nc", multiline=True) is None
    assert typed_problem("a\x1bb", multiline=True) == "có ký tự điều khiển (\\x1b) không được phép"
    assert typed_problem("Phòng NN") is None


# -- An excerpt of whole words --------------------------------------------------------------------------------------

TEN = "một hai ba bốn năm sáu bảy tám chín mười"  # 40 characters


@pytest.mark.parametrize(("near", "width", "shown"), [
    ("", 40, TEN),
    ("", 39, "một hai ba bốn năm sáu bảy tám chín …"),
    ("", 11, "một hai ba …"),
    ("", 3, "một …"),  # the one word, never cut
    ("", 2, "một …"),
    ("sáu", 11, "… năm sáu bảy …"),  # a word after, then one before
    ("mười", 9, "… chín mười"),
    ("mười", 4, "… mười"),
    ("xyz", 11, "một hai ba …"),  # not found: from the start
])
def test_an_excerpt_shows_whole_words_around_what_it_is_near(near, width, shown):
    assert excerpt(TEN, near, width) == shown


def test_an_excerpt_is_near_the_first_place_it_is_found():
    assert excerpt("ba một hai ba bốn năm sáu bảy tám chín", "ba", 11) == "ba một hai …"


def test_an_excerpt_of_a_short_text_is_the_text_on_one_line():
    assert excerpt("một   hai\nba", width=20) == "một hai ba"


def test_without_a_mark_an_excerpt_starts_at_the_start_whatever_the_text_holds():
    assert excerpt("aaa bbb ccc XXXX ddd", width=7) == "aaa bbb …"
