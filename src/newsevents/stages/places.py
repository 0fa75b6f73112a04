"""Places stage (placeholder until the real module lands)."""
def resolve_places(article, resources):
    return article
