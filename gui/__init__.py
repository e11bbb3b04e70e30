"""Qt user interface: thin views over core/."""
