"""What the officer does, as functions of a book: where the year stands, writing an entry,
the departments' forms, the level above's roll-up, a new year (from the last one or from a
decision).  They return rows and entries; the report band and the command line render them.
"""
