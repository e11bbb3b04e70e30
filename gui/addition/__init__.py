"""The addition solver panel."""
