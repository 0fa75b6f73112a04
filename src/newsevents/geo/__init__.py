"""Helpers of the places stage: name tables, toponym recognition and resolution."""
