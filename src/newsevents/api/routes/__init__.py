"""One router per resource; `newsevents.api.create_app` includes them all."""
