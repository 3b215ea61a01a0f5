"""Schema versions of the hand-written files, and the steps from each old one to the next.

Every objectives.yaml and plan.yaml names the ``schema_version`` it is written in.  When
a release of mtcl changes the format, it adds a step here from the old version to the
new one, so an old year's folder stays readable for good: loading applies the steps in
memory (and ``mtcl validate`` suggests ``mtcl migrate``), and ``mtcl migrate`` rewrites
the files once, keeping their comments and order.

History:

- 1 → 2: ``issuer.name`` ("Ủy ban nhân dân xã Giang Hải") is no longer written; it is
  always ``authority`` followed by ``unit``, and two copies could disagree.
- 2 → 3: new optional keys only (a target's ``decimals``…); nothing to rewrite but the
  version, which tells an older mtcl that it cannot read the file.
- 3 → 4: what a target means (issue 27): a range may be one-sided (``op: '>='`` with
  ``plan: [14, 15]``: at least 14, aiming at 15), ``change: points``, monthly milestones and
  milestones on rates, ``every``, ``by``, ``rating``, ``judged``, ``reference`` and
  ``share_of``, ``above_100``, an objective without targets, ``repeat: monthly``.  An old
  file means what it meant (a range there is always ``between``, two-sided): nothing to
  rewrite but the version.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import Any

from mtcl.core.errors import DataErrors, UserError
from mtcl.files.fs import atomic_write, display_path, os_problem
from mtcl.files.roundtrip import dump, load, position

CURRENT_SCHEMA = 4

FileKind = str  # "objectives" or "plan"


class MigrationProblem(Exception):
    """A document that cannot be moved to the next version without a person's decision."""

    def __init__(self, message: str, path: tuple):
        super().__init__(message)
        self.message = message
        self.path = path


def _objectives_1_to_2(doc: MutableMapping[str, Any]) -> None:
    issuer = doc.get("issuer")
    if not isinstance(issuer, MutableMapping) or "name" not in issuer:
        return
    authority, unit = issuer.get("authority") or "Ủy ban nhân dân", str(issuer.get("unit") or "")
    derived = f"{authority} {unit[:1].lower()}{unit[1:]}"
    if issuer["name"] != derived:
        raise MigrationProblem(
            f"issuer.name '{issuer['name']}' khác với authority + unit ('{derived}'); "
            "sửa authority và unit cho đúng tên cơ quan rồi xóa dòng name",
            ("issuer", "name"),
        )
    del issuer["name"]


def _unchanged(doc: MutableMapping[str, Any]) -> None:
    """A step that only adds optional keys: the document stays as it is."""


STEPS: dict[tuple[FileKind, int], Callable[[MutableMapping[str, Any]], None]] = {
    ("objectives", 1): _objectives_1_to_2,
    ("plan", 1): _unchanged,
    ("objectives", 2): _unchanged,
    ("plan", 2): _unchanged,
    ("objectives", 3): _unchanged,
    ("plan", 3): _unchanged,
}


def readable_versions(kind: FileKind) -> list[int]:
    return sorted({version for k, version in STEPS if k == kind} | {CURRENT_SCHEMA})


def upgrade(kind: FileKind, doc: MutableMapping[str, Any]) -> int:
    """Bring ``doc`` to the current version in place; return the version it was in."""
    original = version = doc.get("schema_version")
    while version != CURRENT_SCHEMA:
        STEPS[(kind, version)](doc)
        version += 1
        doc["schema_version"] = version
    return original


def migrate_folder(folder: Path) -> list[str]:
    """Rewrite the folder's files in the current version; return what was changed.  Both
    files are read and upgraded before either is written, so a problem in the second
    leaves the first as it was."""
    upgraded = []
    for kind in ("objectives", "plan"):
        path = folder / f"{kind}.yaml"
        doc, layout = load(path)
        version = doc.get("schema_version")
        if version == CURRENT_SCHEMA:
            continue
        if version not in readable_versions(kind):
            raise DataErrors([position(path, doc, ("schema_version",), f"không biết cách nâng phiên bản '{version}'")])
        try:
            upgrade(kind, doc)
        except MigrationProblem as problem:
            raise DataErrors([position(path, doc, problem.path, problem.message)]) from None
        upgraded.append((path, dump(doc, layout), version))
    for path, content, _ in upgraded:
        try:
            atomic_write(path, content)
        except OSError as exc:
            raise UserError(f"không ghi được '{display_path(path)}': {os_problem(exc)}; tệp cũ vẫn còn nguyên") from None
    return [f"{display_path(path)}: lược đồ {version} → {CURRENT_SCHEMA}" for path, _, version in upgraded]
