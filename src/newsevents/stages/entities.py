"""Entities stage (placeholder until the real module lands)."""
def extract_entities(article, resources):
    return article
