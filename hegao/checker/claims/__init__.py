"""Stage 4, claims: what each figure claims and how the figures relate."""

from hegao.checker.claims.reader import *  # noqa: F403  (temporary, replaced below)
