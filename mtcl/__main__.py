"""Allow ``python -m mtcl``."""

from mtcl.cli.app import main

main()
