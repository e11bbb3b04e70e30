"""The live training view."""
