"""Events stage (placeholder until the real module lands)."""
def code_events(article, resources):
    return article
