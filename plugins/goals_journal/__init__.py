"""A public goals journal: goals and dated entries in, a progress website with feeds out.

The stages, each a folder that imports only the folders below it (import-linter checks this):
hosts and cli drive the build; speed makes it fast for the hosts; config turns options into
settings; outputs write feeds, open data, cards and badges; pages plan and render every page;
core reads the journal and counts."""
