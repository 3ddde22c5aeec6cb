"""Layout damage from copy and paste: paragraphs broken mid-sentence, hard-wrapped
text, and paragraphs that stop mid-sentence because text was lost."""
