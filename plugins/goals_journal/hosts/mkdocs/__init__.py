"""The MkDocs plugin: MkDocs' events, its options, and the glue to MkDocs' files, nav and search."""
