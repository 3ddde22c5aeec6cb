"""Fixed names that lost a character: a province missing one in a list of provinces."""
