"""Dates stage (placeholder until the real module lands)."""
def resolve_dates(article, resources):
    return article
