"""Training: settings, the trainer loop, the events it reports and the statistics it measures."""
