"""Editing a hand-written YAML file the way a person would: comments, order, layout, line
endings and byte-order mark kept.

Only the commands that change the officer's own files on request (``mtcl init`` copying a
year, ``mtcl migrate``) use this; everything else reads with ``yamlsource``.  A file is
first read by ``yamlsource``, so a broken one (syntax, tabs, duplicate keys, not UTF-8, not
a mapping) is refused with the same located messages as everywhere else.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mtcl.core.errors import DataError, DataErrors
from mtcl.files.fs import display_path
from mtcl.files.yamlsource import read_yaml

BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Layout:
    """How the file was saved: Windows line endings, a byte-order mark (Notepad)."""

    crlf: bool = False
    bom: bool = False


def _yaml():
    from ruamel.yaml import YAML  # 40 ms to import; only init and migrate need it

    yaml = YAML()  # round-trip mode
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a line the officer wrote
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load(path: Path) -> tuple[Any, Layout]:
    """The document for editing, and how its file was laid out."""
    raw, source = read_yaml(path)  # every structural problem, located, before anything is changed
    if not isinstance(raw, dict):
        raise DataErrors([source.error((), "tệp phải là một bảng 'khóa: giá trị' ở cấp ngoài cùng")])
    content = path.read_bytes()
    text = content.removeprefix(BOM).decode("utf-8").replace("\r\n", "\n")
    return _yaml().load(text), Layout(crlf=b"\r\n" in content, bom=content.startswith(BOM))


def dump(document: Any, layout: Layout = Layout()) -> bytes:
    """The document as the bytes of its file, laid out as it was read."""
    out = io.StringIO()
    _yaml().dump(document, out)
    text = out.getvalue().replace("\n", "\r\n") if layout.crlf else out.getvalue()
    return (BOM if layout.bom else b"") + text.encode("utf-8")


def position(path: Path, document: Any, keys: tuple, message: str) -> DataError:
    """A located error for the node at ``keys`` in a round-trip document."""
    node, line, column = document, None, None
    for key in keys:
        try:
            line, column = node.lc.key(key)
            node = node[key]
        except (AttributeError, KeyError, IndexError, TypeError):
            break
    return DataError(display_path(path), None if line is None else line + 1, None if column is None else column + 1,
                     message)


def line_of(document: Any, path: tuple) -> int | None:
    """The line (1-based) of the value at ``path`` in a round-trip document."""
    node, line = document, None
    for key in path:
        try:
            line = (node.lc.item(key) if isinstance(key, int) else node.lc.value(key))[0] + 1
            node = node[key]
        except (AttributeError, KeyError, IndexError, TypeError):
            break
    return line
