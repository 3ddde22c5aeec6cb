"""The engine: reading, segmenting, quantities, rule registry, reporting, CLI."""
