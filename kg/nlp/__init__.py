"""spaCy pipeline components of the extraction stage (see docs/nlp.md)."""
