"""Allow ``python -m acumat``."""

from acumat.cli import main

main()
