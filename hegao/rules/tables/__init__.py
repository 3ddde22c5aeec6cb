"""Tables that add up: a total row against the rows that break it down."""
