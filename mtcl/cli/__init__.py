"""The command line: thin commands over the core, the only place that prints or exits."""
