"""The only band that touches the disk: YAML with positions, the append-only entry files,
the year's book read once, schema steps and comment-keeping rewrites, workbooks read in.
"""
