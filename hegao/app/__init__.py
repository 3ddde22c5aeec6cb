"""The application around the engine: command line, configuration files, the runner
over files and folders, and the report formats. The engine (``hegao.checker``) never
imports from here."""
