"""Extraction stages: pure functions over a ParsedDoc, run in order by
``extract.py``: actors -> times -> quantities -> agreements -> events."""
