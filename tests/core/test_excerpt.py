"""A long text shown in part: whole words around what matters, never a word cut in two."""

from mtcl.core.text import excerpt

DECISION = ("Quyết định ban hành Mục tiêu chất lượng và Kế hoạch thực hiện Mục tiêu chất lượng năm 2023 "
            "của UBND xã Giang Hải")


def test_a_short_text_is_shown_whole_on_one_line():
    assert excerpt("Quý I\n năm 2023", "năm 2023") == "Quý I năm 2023"


def test_the_words_around_what_moved_are_shown():
    assert excerpt(DECISION, "năm 2023") == "… thực hiện Mục tiêu chất lượng năm 2023 của UBND xã Giang Hải"


def test_without_a_mark_the_start_is_shown():
    assert excerpt(DECISION) == "Quyết định ban hành Mục tiêu chất lượng và Kế hoạch thực …"
    assert excerpt(DECISION, "không có") == excerpt(DECISION)


def test_the_width_is_kept_and_words_are_whole():
    for width in range(10, 80, 7):
        shown = excerpt(DECISION, "Kế hoạch", width)
        inner = shown.removeprefix("… ").removesuffix(" …")
        assert len(inner) <= width and inner in DECISION
        assert all(word in DECISION.split() for word in inner.split())
        assert "Kế" in inner


def test_one_word_longer_than_the_width_is_shown_whole():
    assert excerpt("a" * 100 + " b", "b", 10) == "… b"
    assert excerpt("a" * 100, "", 10) == "a" * 100
