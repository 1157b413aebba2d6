"""kg: an annotated knowledge-graph builder for Dutch social-domain publications."""

__version__ = "0.1.0"
