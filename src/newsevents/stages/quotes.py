"""Quotes stage (placeholder until the real module lands)."""
def extract_quotes(article, resources):
    return article
