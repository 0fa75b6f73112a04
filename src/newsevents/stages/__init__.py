"""Pipeline stages, one module each; see `newsevents.pipeline.DEFAULT_STAGES` for the order."""
