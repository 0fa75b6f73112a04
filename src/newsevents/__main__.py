"""`python -m newsevents` runs the command-line interface."""

from .cli import main

main()
