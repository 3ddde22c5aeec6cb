"""Repeated text: paragraphs and sentences pasted twice, words typed twice."""
