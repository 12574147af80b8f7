"""English language data (``*.yaml``) and the parse normaliser (``syntax``)."""
