"""Corpus commands (Typer): `ingest`, `query` and `export`, thin wrappers over library calls.

`newsevents.cli` registers them on the main app; each module holds one command.
"""
