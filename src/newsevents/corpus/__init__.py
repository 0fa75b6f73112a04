"""Corpus-level jobs that work across articles (incident reconciliation, ...)."""
