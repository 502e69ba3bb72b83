"""python -m app.cli: the same as the careforge command."""

from app.cli import main

main()
