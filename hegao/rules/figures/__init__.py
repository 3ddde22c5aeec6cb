"""The same figure stated twice with different values."""
