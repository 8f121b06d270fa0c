"""The `goals` command: start a journal, write entries and goals, check every file, show progress."""
