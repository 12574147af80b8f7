"""Text with spans highlighted, as safe HTML: evidence in its paragraph, and a
whole article with every extracted item marked by kind."""
from __future__ import annotations

from html import escape

from markupsafe import Markup

from ..showing import paragraph_around


def paragraph_with_evidence(text: str, start: int, end: int) -> Markup:
    """The paragraph around ``text[start:end]`` with that sentence in <mark>."""
    left, right = paragraph_around(text, start, end)
    return Markup(f'{escape(text[left:start])}<mark class="evidence">'
                  f'{escape(text[start:end])}</mark>{escape(text[end:right])}')


def marked_text(text: str, spans: list[tuple[int, int, str, str | None]]) -> Markup:
    """The article with spans (start, end, kind, title) marked; overlapping spans
    give a segment every class it falls in. Paragraphs become <p>."""
    cuts = {0, len(text)}
    for start, end, _, _ in spans:
        if 0 <= start < end <= len(text):
            cuts.update((start, end))
    points = sorted(cuts)
    out = []
    for left, right in zip(points, points[1:]):
        inside = [(k, t) for s, e, k, t in spans if s <= left and right <= e]
        piece = escape(text[left:right]).replace("\n", "<br>")
        if inside:
            kinds = " ".join(sorted({f"k-{k}" for k, _ in inside}))
            titles = "; ".join(sorted({t for _, t in inside if t}))
            out.append(f'<span class="{kinds}" title="{escape(titles)}">{piece}</span>')
        else:
            out.append(piece)
    return Markup("".join(out))
