"""`mtcl targets` and `mtcl show`: the year's data as the officer and other programs read it."""

import json


def test_targets_json_lists_all_forty(cli):
    result = cli("targets", "--json")
    assert result.exit_code == 0
    targets = json.loads(result.stdout)
    assert len(targets) == 40
    by_id = {t["id"]: t for t in targets}
    assert by_id["4đ"]["plan"] == 1936.49 and by_id["4đ"]["unit"] == "tấn"
    assert by_id["4e"]["sum_of"] == ["4e1", "4e2"] and by_id["4e1"]["parent"] == "4e"
    assert by_id["5.2"]["op"] == ">" and by_id["4i"]["op"] == "<="
    assert by_id["4h"]["items"] == ["Giao thông", "Trường học", "Thu nhập"]
    assert by_id["4ê"]["objective"] == 4 and by_id["4ê"]["plan"] == 78000
    assert set(by_id["1.1"]) >= {"id", "objective", "name", "unit", "plan", "op", "kind", "parent", "sum_of", "items"}


def test_targets_table_shows_vietnamese_numbers(cli):
    result = cli("targets")
    assert result.exit_code == 0
    assert "1.936,49" in result.stdout and "78.000" in result.stdout and "5,573" in result.stdout


def test_show_by_telex_id(cli):
    result = cli("show", "4dd")
    assert result.exit_code == 0
    assert "Chỉ tiêu: 4đ" in result.stdout
    assert "Kế hoạch: ≥ 1.936,49 tấn" in result.stdout
    assert "Chỉ tiêu: 4ê" in cli("show", "4EE").stdout


def test_show_task_and_objective(cli):
    task = cli("show", "i.6").stdout
    assert "Nhiệm vụ: I.6" in task and "Hạn: 15/06/2023, 30/11/2023" in task
    assert "Các lần thực hiện: 2023-06-15, 2023-11-30" in task
    assert "Các lần thực hiện: 2023-Q1 (hạn 31/03/2023), 2023-Q2 (hạn 30/06/2023)" in cli("show", "II.2").stdout
    objective = cli("show", "5").stdout
    assert "5.2  Hồ sơ một cửa giải quyết đúng hạn: > 98%" in objective


def test_unknown_id_names_the_closest(cli):
    result = cli("show", "4x")
    assert result.exit_code == 1
    assert "không có mã '4x' trong năm 2023" in result.stderr
    assert "có phải:" in result.stderr and "4đ" in result.stderr


def every_command(group, path=()):
    """Every command of the app, subcommands of ``action`` and ``templates`` included."""
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from every_command(command, (*path, name))
        else:
            yield (*path, name), command


def test_every_command_has_vietnamese_help(cli):
    import typer

    from mtcl.cli.base import app

    commands = dict(every_command(typer.main.get_command(app)))
    assert {("action", "open"), ("action", "close"), ("action", "list"), ("templates", "export"),
            ("status",), ("report",)} <= set(commands)
    for path, command in commands.items():
        result = cli(*path, "--help")
        assert result.exit_code == 0, path
        assert f"Cách dùng: mtcl {' '.join(path)}" in result.stdout, path
        assert command.help and any(ch in command.help for ch in VIETNAMESE_LETTERS), path


VIETNAMESE_LETTERS = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"


def test_help_and_usage_errors_speak_vietnamese(cli):
    help_text = cli("record", "--help").stdout
    assert "Cách dùng: mtcl record" in help_text and "Tùy chọn" in help_text and "Tham số" in help_text
    assert "Xem hướng dẫn này rồi thoát." in help_text and "Usage" not in help_text
    wrong = cli("record", "4a", "1", "--off", "3")
    assert wrong.exit_code == 2
    assert "không có tùy chọn '--off'; có phải:" in wrong.stderr and "--of?" in wrong.stderr
    assert "No such option" not in wrong.stderr
