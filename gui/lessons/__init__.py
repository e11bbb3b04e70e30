"""Lessons from the study notes and their labs."""
