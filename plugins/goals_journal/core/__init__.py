"""Reading and counting: the front-matter contract, what is public, progress and roundups (plain Python)."""
