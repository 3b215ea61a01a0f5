"""The report templates, installed as ``mtcl.templates``: the Word template (built by
``build_templates.py``) and the Markdown preview template."""
