"""The Zensical host: the journal read, checked and rendered by our core, written as Markdown pages and
static files into a working folder outside docs/, and built there by Zensical with a generated config."""
