"""The pure core: the rules of the domain as values in, values out.

Nothing here opens a file, reads the clock or the environment, or prints: models of the
hand-written files, the shapes of the lines the tool writes, numbers and dates the
Vietnamese way, attainment, schedules, the cross-entry rules, and the words for what these
compute.  Everything above is built on it; it imports nothing above itself.
"""
