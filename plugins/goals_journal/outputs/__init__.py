"""Files besides the pages: feeds, open data, social cards and badges, Open Graph tags and share links."""
