"""Counting consistency: 分别 lists, numbered labels, and the numbering of enumerations."""
