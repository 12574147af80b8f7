"""One exception hierarchy; every message says what to do about it."""


class DiplographError(Exception):
    """Base class for errors a user can act on (the CLI prints them on one line)."""


class InputError(DiplographError):
    """An input file cannot be read as an article."""


class UnsupportedLanguage(DiplographError):
    """No extraction data exists for the language of a document."""


class ModelMissing(DiplographError):
    """The spaCy pipeline for a language is not installed."""
