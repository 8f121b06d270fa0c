"""The generators that drive a build: each turns its events into the core's recipe."""
