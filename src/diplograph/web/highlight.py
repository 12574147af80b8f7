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
    give a segment every class it falls in. Line breaks become <br>. One sweep
    over the span ends, so a long article with many items costs linear time."""
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for number, (start, end, _, _) in enumerate(spans):
        if 0 <= start < end <= len(text):
            opening.setdefault(start, []).append(number)
            closing.setdefault(end, []).append(number)
    points = sorted({0, len(text), *opening, *closing})
    active: set[int] = set()
    out = []
    for left, right in zip(points, points[1:]):
        active.difference_update(closing.get(left, ()))
        active.update(opening.get(left, ()))
        piece = escape(text[left:right]).replace("\n", "<br>")
        if active:
            kinds = " ".join(sorted({f"k-{spans[n][2]}" for n in active}))
            titles = "; ".join(sorted({spans[n][3] for n in active if spans[n][3]}))
            out.append(f'<span class="{kinds}" title="{escape(titles)}">{piece}</span>')
        else:
            out.append(piece)
    return Markup("".join(out))
