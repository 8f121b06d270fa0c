"""Reading people's own social-media archives into activities (goals import)."""
