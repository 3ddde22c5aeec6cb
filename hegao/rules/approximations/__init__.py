"""Approximation markers that contradict each other on one number."""
