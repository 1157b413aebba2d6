"""SPARQL over a built graph: a store, saved questions, result formats, an endpoint, a Graph Store client."""
