"""The plugin's options, checked and resolved into settings, the same for every host and the CLI."""
