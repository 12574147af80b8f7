"""Language data: everything language-specific lives in ``lang/<code>/*.yaml``.

Adding a language means adding such a folder (and a spaCy model in
``nlp.py``), not new code paths.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..errors import UnsupportedLanguage

#: libyaml's safe loader when PyYAML has it (same data, several times faster)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_FILES = ("triggers", "status", "sectors", "units", "roles", "time", "documents",
          "discourse", "countries", "organisations", "grammar")


@dataclass(frozen=True)
class LanguageData:
    code: str
    triggers: dict[str, list[dict[str, Any]]]
    status: dict[str, Any]
    sectors: dict[str, list[str]]
    units: dict[str, Any]
    roles: dict[str, list[str]]
    time: dict[str, Any]
    documents: dict[str, Any]
    discourse: dict[str, Any]
    countries: dict[str, dict[str, list[str]]]
    organisations: dict[str, list[str]]
    grammar: dict[str, list[str]]

    def words(self, name: str) -> frozenset[str]:
        """A closed word class from grammar.yaml, lowercased (built once)."""
        return _closed_class(self.code, name)


def supported_languages() -> list[str]:
    root = resources.files(__name__)
    return sorted(p.name for p in root.iterdir()
                  if p.is_dir() and (p / "triggers.yaml").is_file())


@lru_cache(maxsize=None)
def load_language(code: str) -> LanguageData:
    if code not in supported_languages():
        raise UnsupportedLanguage(
            f"unsupported language {code!r} (supported: {', '.join(supported_languages())})")
    folder = resources.files(__name__) / code
    data = {name: yaml.load((folder / f"{name}.yaml").read_text(encoding="utf-8"),
                            Loader=SAFE_LOADER) or {}
            for name in _FILES}
    return LanguageData(code=code, **data)


def parse_normaliser(code: str):
    """The language's ``syntax.to_universal`` hook (Doc -> Doc), when its parser
    does not label dependencies as Universal Dependencies; else None."""
    try:
        module = importlib.import_module(f"{__name__}.{code}.syntax")
    except ModuleNotFoundError:
        return None
    return getattr(module, "to_universal", None)


@lru_cache(maxsize=None)
def _closed_class(code: str, name: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_language(code).grammar.get(name, []))
