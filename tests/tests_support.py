"""Hand-made records for tests that need a small store without spaCy."""
from __future__ import annotations

from conftest import day, make_record


def small_records() -> list[dict]:
    """Two articles on one meeting, one on an agreement, one undated request."""
    meeting = ["Les ministres se sont rencontrés à Jakarta.", "Ils ont parlé de vaccins."]
    out = [make_record(name, meeting + [f"Source {name}."], published, events=[
        {"type": "CONSULT", "mode": "meeting", "parties": ["IDN", "RUS"], "date": day(date),
         "people": ["person:retno-marsudi"], "evidence": [0], "sectors": ["health"]}],
        quantities=[{"value": 2.6e9, "unit": "USD", "parties": ["IDN", "RUS"],
                     "evidence": [1]}], mentions={"IDN": "Jakarta"})
        for name, published, date in (("a", "2021-07-06", "2021-07-06"),
                                      ("b", "2021-07-07", "2021-07-06"))]
    out.append(make_record("c", ["Le texte parle de l'accord sur les visas."], "2021-09-01",
                           agreements=[{"title": "accord sur les visas", "parties": ["IDN", "RUS"],
                                        "status": "negotiating", "evidence": [0]}]))
    out.append(make_record("d", ["Une demande a été faite."], None, events=[
        {"type": "REQUEST", "status": "requested", "parties": ["IDN"], "evidence": [0]}]))
    return out
