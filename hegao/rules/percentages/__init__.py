"""Percentages that cannot be true: shares over 100%, falls of more than 100%, and
percentages that disagree with the counts they are stated with."""
