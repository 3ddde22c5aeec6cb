"""The engine, one folder per stage in pipeline order: source (bytes → text), text
(segments and layout), figures (numerals, quantities, dates, tables), claims (what the
figures claim), lint (the document rules read, the rule base, the engine that runs them).
Shared values (spans, findings) are in ``model``, word classes in ``vocabulary``."""
