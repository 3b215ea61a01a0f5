"""Editing a hand-written YAML file the way a person would: comments, order and layout kept.

Only the commands that change the officer's own files on request (``mtcl init`` copying a
year, ``mtcl migrate``) use this; everything else reads with ``yamlsource``.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from mtcl.errors import DataError
from mtcl.files import display_path


def _yaml():
    from ruamel.yaml import YAML  # 40 ms to import; only init and migrate need it

    yaml = YAML()  # round-trip mode
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a line the officer wrote
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load(path: Path) -> Any:
    return _yaml().load(path.read_text(encoding="utf-8"))


def dump(document: Any) -> str:
    out = io.StringIO()
    _yaml().dump(document, out)
    return out.getvalue()


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
