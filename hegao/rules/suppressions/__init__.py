"""Suppression comments that silence nothing (off by default, like ruff's RUF100)."""
