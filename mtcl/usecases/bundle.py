"""Making the bundle a body sends the level above (``mtcl export bundle``): its year's files
as they stand, once the year has been read and found whole, with the manifest that names the
body, the period, and who made it and when."""

from __future__ import annotations

import re
from datetime import date

from mtcl import __version__
from mtcl.core.entries import Stamp
from mtcl.core.periods import PERIOD_SLUGS
from mtcl.core.text import fold
from mtcl.files.book import Book
from mtcl.files.bundle import BundledBody, Manifest, listed, packed


def make_bundle(book: Book, files: list[tuple[str, bytes]], period: str | None, on: date, made: Stamp) -> bytes:
    """The bundle of ``book``'s year: ``files`` (as ``files.bundle.year_files`` reads them)
    and its manifest, made by ``made``."""
    issuer = book.objectives.issuer
    manifest = Manifest(body=BundledBody(name=issuer.short_name, code=issuer.code, parent=issuer.parent),
                        year=book.year, period=period, as_of=on, made_by=made.by, made_at=made.at,
                        mtcl=__version__, files=listed(files))
    return packed(manifest, files)


def bundle_name(book: Book, period: str | None, on: date) -> str:
    """'goi-mtcl-xa-giang-hai-6-thang-2023.zip' (with the body's code when it has one)."""
    issuer = book.objectives.issuer
    who = "-".join(re.findall(r"[a-z0-9]+", fold(issuer.unit)))
    code = f"-{issuer.code}" if issuer.code else ""
    when = PERIOD_SLUGS[period] if period else on.strftime("%d-%m")
    return f"goi-mtcl-{who}{code}-{when}-{book.year}.zip"
