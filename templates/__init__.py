"""The Word and Markdown templates, installed as package data (``mtcl.templates``).

This file only marks the folder as a package: setuptools' editable installs cannot map a
subpackage without one.  The templates are built by ``tools/build_templates.py``.
"""
