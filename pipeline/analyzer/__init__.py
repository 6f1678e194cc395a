"""Rule-based analysis of ceasefire stories on spaCy: relevance, statements, accusations, commitments."""
