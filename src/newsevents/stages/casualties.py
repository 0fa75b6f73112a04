"""Casualties stage (placeholder until the real module lands)."""
def extract_casualties(article, resources):
    return article
