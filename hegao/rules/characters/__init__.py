"""Text hygiene: traditional characters, half-width punctuation, and
artifacts of copy and paste. Most of these have a safe fix."""
