"""Running training jobs from the window: the one run controller every page uses."""
