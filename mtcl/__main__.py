"""Allow ``python -m mtcl``."""

from mtcl.cli.main import main

main()
