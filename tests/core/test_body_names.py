"""The bodies a decision names (core.bodies): the header in capitals at the top of its first
page, the body's name as running text writes it, the territory it serves, the body above
named among the recipients, and what the decision did.  Headers and recipients as wards,
communes, towns, provincial departments and health centres write them; each expected name
worked out by hand from the rule of each function."""

from __future__ import annotations

import pytest

from mtcl.core.bodies import (as_written, authority, body_and_territory, in_prose, names_in_capitals, parent_named,
                              proper_name, split_body, subject_line, territory, territory_at, territory_in)

NATIONAL = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC", "Độc lập - Tự do - Hạnh phúc"]
CAPITALS_ONLY = "chỉ viết bằng chữ in hoa: kiểm tra chữ hoa, chữ thường"


# -- The header ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("lines", "names"), [
    # A provincial department under its province: two lines, parent first; the motto, the number, the place and
    # date are no body; reading stops at 'QUYẾT ĐỊNH'.
    (["UBND TỈNH QUẢNG NAM", NATIONAL[0], "SỞ TƯ PHÁP", NATIONAL[2], "Số: 12/QĐ-STP",
      "Quảng Nam, ngày 10 tháng 01 năm 2023", "QUYẾT ĐỊNH", "VỀ VIỆC BAN HÀNH MỤC TIÊU CHẤT LƯỢNG"],
     ["UBND TỈNH QUẢNG NAM", "SỞ TƯ PHÁP"]),
    # A ward's committee on two lines: the ward completes the authority above it.
    (["ỦY BAN NHÂN DÂN", "PHƯỜNG PHÚ HỘI", NATIONAL[0], NATIONAL[1], "SỐ: 05/QĐ-UBND", "Quyết định",
      "SỞ NỘI VỤ"],
     ["ỦY BAN NHÂN DÂN PHƯỜNG PHÚ HỘI"]),
    # A district health centre under the provincial department of health.
    (["SỞ Y TẾ QUẢNG NAM", "TRUNG TÂM Y TẾ", "HUYỆN PHƯỚC SƠN", "---", "QUYẾT ĐỊNH"],
     ["SỞ Y TẾ QUẢNG NAM", "TRUNG TÂM Y TẾ HUYỆN PHƯỚC SƠN"]),
    # A commune under its district, each with its territory: a territory line after a name that has one is a
    # body of its own.
    (["UBND HUYỆN NÚI THÀNH", "XÃ TAM XUÂN 1", "QUYẾT ĐỊNH"], ["UBND HUYỆN NÚI THÀNH", "XÃ TAM XUÂN 1"]),
    # A territory first has nothing above it to complete.
    (["THỊ XÃ HƯƠNG TRÀ"], ["THỊ XÃ HƯƠNG TRÀ"]),
    ([], []),
])
def test_the_bodies_headed_in_capitals_parent_first(lines, names):
    assert names_in_capitals(lines) == names


@pytest.mark.parametrize(("line", "kind"), [
    ("THỊ XÃ HƯƠNG TRÀ", "thị xã"), ("XÃ TAM XUÂN 1", "xã"), ("THỊ TRẤN NAM PHƯỚC", "thị trấn"),
    ("THÀNH PHỐ HỘI AN", "thành phố"), ("PHƯỜNG PHÚ HỘI", "phường"), ("HUYỆN PHƯỚC SƠN", "huyện"),
    ("QUẬN HẢI CHÂU", "quận"), ("TỈNH QUẢNG NAM", "tỉnh"), ("ĐẶC KHU CÔN ĐẢO", "đặc khu"),
    ("SỞ TƯ PHÁP", None), ("TRUNG TÂM Y TẾ HUYỆN PHƯỚC SƠN", None),
])
def test_the_kind_of_territory_a_line_begins_with(line, kind):
    assert territory_at(line) == kind


@pytest.mark.parametrize(("name", "parts"), [
    ("UBND TỈNH QUẢNG NAM", ("UBND", "TỈNH QUẢNG NAM")),
    ("CHI CỤC THUẾ HUYỆN ĐẠI LỘC", ("CHI CỤC THUẾ", "HUYỆN ĐẠI LỘC")),
    ("TRUNG TÂM Y TẾ HUYỆN PHƯỚC SƠN", ("TRUNG TÂM Y TẾ", "HUYỆN PHƯỚC SƠN")),
    # the 'xã' of 'xã hội' is no commune: the territory is the district after it
    ("PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI HUYỆN ĐẠI LỘC", ("PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "HUYỆN ĐẠI LỘC")),
    ("PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", ("PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", None)),
    # a territory alone, or a body with none, is not cut
    ("THỊ XÃ HƯƠNG TRÀ", ("THỊ XÃ HƯƠNG TRÀ", None)),
    ("SỞ TƯ PHÁP", ("SỞ TƯ PHÁP", None)),
])
def test_a_name_is_cut_into_its_authority_and_its_territory(name, parts):
    assert split_body(name) == parts


def test_where_a_name_names_its_territory():
    # 'CỤC THUẾ ' is 9 characters: 'TỈNH' starts at 9
    assert territory_in("CỤC THUẾ TỈNH QUẢNG NAM").start() == 9
    assert territory_in("BAN CHỈ ĐẠO AN SINH XÃ HỘI") is None


@pytest.mark.parametrize(("words", "prose"), [
    ("THỊ XÃ HƯƠNG TRÀ", "thị xã Hương Trà"), ("PHƯỜNG PHÚ HỘI", "phường Phú Hội"),
    ("XÃ TAM XUÂN 1", "xã Tam Xuân 1"), ("ĐẶC KHU CÔN ĐẢO", "đặc khu Côn Đảo"),
    ("THÀNH PHỐ HỘI AN", "thành phố Hội An"), ("QUẢNG NAM", "Quảng Nam"),
])
def test_a_territory_as_prose_writes_it(words, prose):
    assert territory(words) == prose


# -- Names as running text writes them ----------------------------------------------------------------------------

def test_a_name_in_capitals_is_restored_from_the_decisions_own_words():
    text = "Giao Sở  Y\ntế chủ trì, phối hợp với Chi cục Thuế khu vực và SỞ TÀI CHÍNH; sở tư pháp theo dõi."
    assert as_written("SỞ Y TẾ", text) == "Sở  Y\ntế"
    assert authority("SỞ Y TẾ", text) == ("Sở Y tế", None)
    assert authority("CHI CỤC THUẾ", text) == ("Chi cục Thuế", None)
    # written only in capitals, or only in small letters: a guess, said
    assert as_written("SỞ TÀI CHÍNH", text) is None
    assert as_written("SỞ TƯ PHÁP", text) is None
    assert authority("SỞ TÀI CHÍNH", text) == ("Sở tài chính", f"'SỞ TÀI CHÍNH' {CAPITALS_ONLY}")
    # whole words only: 'Sở Y tế' is not the 'Y TẾ' of 'Trung tâm Y tếx'
    assert as_written("Y TẾ", "Trạm Y tếx") is None


def test_the_peoples_committee_is_known_without_its_words():
    assert authority("ỦY BAN NHÂN DÂN", "") == ("Ủy ban nhân dân", None)
    assert authority("UỶ BAN NHÂN DÂN", "") == ("Ủy ban nhân dân", None)
    assert authority("UBND", "") == ("UBND", None)


@pytest.mark.parametrize(("name", "text", "prose"), [
    ("UBND TỈNH QUẢNG NAM", "", ("UBND tỉnh Quảng Nam", None)),
    ("ỦY BAN NHÂN DÂN PHƯỜNG PHÚ HỘI", "", ("UBND phường Phú Hội", None)),
    ("ỦY BAN NHÂN DÂN XÃ TAM XUÂN 1", "", ("UBND xã Tam Xuân 1", None)),
    ("SỞ Y TẾ", "Giao Sở Y tế chủ trì", ("Sở Y tế", None)),
    ("CHI CỤC THUẾ HUYỆN ĐẠI LỘC", "Chi cục Thuế thực hiện", ("Chi cục Thuế huyện Đại Lộc", None)),
    ("TRUNG TÂM Y TẾ HUYỆN PHƯỚC SƠN", "", ("Trung tâm y tế huyện Phước Sơn", f"'TRUNG TÂM Y TẾ' {CAPITALS_ONLY}")),
])
def test_a_body_as_running_text_names_it(name, text, prose):
    assert in_prose(name, text) == prose


@pytest.mark.parametrize(("body", "parent", "text", "expected"), [
    # a department serves its parent's territory
    ("SỞ TƯ PHÁP", "UBND TỈNH QUẢNG NAM", "Giám đốc Sở Tư pháp", (("Sở Tư pháp", None), "Tỉnh Quảng Nam")),
    # a ward's own territory, whatever is above it
    ("ỦY BAN NHÂN DÂN PHƯỜNG PHÚ HỘI", "UBND THÀNH PHỐ HUẾ", "", (("Ủy ban nhân dân", None), "Phường Phú Hội")),
    ("ỦY BAN NHÂN DÂN XÃ TAM XUÂN 1", None, "", (("Ủy ban nhân dân", None), "Xã Tam Xuân 1")),
    ("TRUNG TÂM Y TẾ HUYỆN PHƯỚC SƠN", "SỞ Y TẾ QUẢNG NAM", "",
     (("Trung tâm y tế", f"'TRUNG TÂM Y TẾ' {CAPITALS_ONLY}"), "Huyện Phước Sơn")),
    # no territory anywhere: none served
    ("CHI CỤC THUẾ", None, "Chi cục Thuế", (("Chi cục Thuế", None), None)),
    ("TRUNG TÂM Y TẾ", "SỞ Y TẾ", "Trung tâm Y tế", (("Trung tâm Y tế", None), None)),
])
def test_a_body_and_the_territory_it_serves(body, parent, text, expected):
    assert body_and_territory(body, parent, text) == expected


# -- The body above, from the recipients ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "body", "parent"), [
    ("Nơi nhận:\n- UBND huyện Núi Thành (b/c);\n- Lưu: VT.", "ỦY BAN NHÂN DÂN XÃ TAM XUÂN 1",
     ("UBND huyện Núi Thành", None)),
    # a commune after the 2025 merger: the province is the level above
    ("Nơi nhận:\n- UBND tỉnh Quảng Ngãi (b/c);\n- Đảng ủy xã;", "UBND XÃ TỊNH KHÊ", ("UBND tỉnh Quảng Ngãi", None)),
    # a ward under a city and a province: the nearer level is the one above
    ("- UBND tỉnh Thừa Thiên Huế (b/c);\n- UBND thành phố Huế (b/c);", "ỦY BAN NHÂN DÂN PHƯỜNG PHÚ HỘI",
     ("UBND thành phố Huế", None)),
    ("- UBND thành phố Đà Nẵng (b/c);", "UBND QUẬN HẢI CHÂU", ("UBND thành phố Đà Nẵng", None)),
    ("- UBND huyện Duy Xuyên (b/c);", "UBND THỊ TRẤN NAM PHƯỚC", ("UBND huyện Duy Xuyên", None)),
    ("- UBND tỉnh Quảng Nam (b/c);", "TRUNG TÂM Y TẾ HUYỆN PHƯỚC SƠN", ("UBND tỉnh Quảng Nam", None)),
    # the recipient line leaves the name out: the only province the text names
    ("Căn cứ Quyết định số 12/QĐ-UBND của UBND tỉnh Quảng Trị về việc giao chỉ tiêu;\nNơi nhận:\n"
     "- UBND tỉnh (b/c);", "ỦY BAN NHÂN DÂN THỊ XÃ QUẢNG TRỊ", ("UBND tỉnh Quảng Trị", None)),
    # two provinces named: what to fill in
    ("của UBND tỉnh Quảng Trị và UBND tỉnh Quảng Bình;\n- UBND tỉnh (b/c);", "UBND THỊ XÃ QUẢNG TRỊ",
     (None, "điền cơ quan cấp trên (UBND tỉnh …)")),
    # none named at all
    ("- UBND tỉnh (b/c);", "UBND THỊ XÃ QUẢNG TRỊ", (None, "điền cơ quan cấp trên (UBND tỉnh …)")),
    # a recipient without '(b/c)' is informed, not the body above
    ("- UBND huyện Núi Thành;\n- Lưu: VT.", "ỦY BAN NHÂN DÂN XÃ TAM XUÂN 1", (None, None)),
    # the recipient line names the district: another district the text names elsewhere changes nothing
    ("phối hợp với UBND huyện Phú Ninh;\nNơi nhận:\n- UBND huyện Núi Thành (b/c);", "UBND XÃ TAM XUÂN 1",
     ("UBND huyện Núi Thành", None)),
    # a department has no territory of its own: nothing is looked for
    ("- UBND tỉnh Quảng Nam (b/c);", "SỞ TƯ PHÁP", (None, None)),
])
def test_the_body_above_as_the_recipients_name_it(text, body, parent):
    assert parent_named(text, body) == parent


@pytest.mark.parametrize(("text", "name"), [
    (" Thừa Thiên Huế về việc giao chỉ tiêu", "Thừa Thiên Huế"),
    (" Quảng Nam, về việc", "Quảng Nam"),
    # only the marks around a word are cut, never a letter: 'Xuân' keeps its X
    (" Tam Xuân 1 (b/c)", "Tam Xuân"),
    (" Hội An.", "Hội An"),
    (" (b/c);", ""),
    ("", ""),
])
def test_the_proper_name_a_text_begins_with(text, name):
    assert proper_name(text) == name


# -- What the decision did -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("paragraphs", "did"), [
    (["QUYẾT ĐỊNH", "Về việc công bố Chính sách chất lượng,\n Mục tiêu chất lượng năm 2023", "Điều 1."],
     ("công bố", "công bố Chính sách chất lượng, Mục tiêu chất lượng năm 2023")),
    (["Ban hành Mục tiêu chất lượng năm 2024 của UBND phường Phú Hội"],
     ("ban hành", "Ban hành Mục tiêu chất lượng năm 2024 của UBND phường Phú Hội")),
    (["VỀ VIỆC BAN HÀNH MỤC TIÊU CHẤT LƯỢNG NĂM 2023"], ("ban hành", "BAN HÀNH MỤC TIÊU CHẤT LƯỢNG NĂM 2023")),
    # a plan, not objectives; objectives named but not as the subject line
    (["Về việc ban hành Kế hoạch cải cách hành chính năm 2023"], None),
    (["Điều 1. Ban hành kèm theo Quyết định này Mục tiêu chất lượng"], None),
    ([], None),
])
def test_what_a_decision_did_to_its_objectives(paragraphs, did):
    assert subject_line(paragraphs) == did
