"""The visual network editor: palette, canvas, inspector, code view."""
