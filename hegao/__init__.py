"""hegao (核稿): a claim-consistency linter for Chinese-language bulletins."""

__version__ = "0.1.0"
