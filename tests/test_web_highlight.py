"""The article marker: same output as the obvious per-segment definition, in
linear time."""
from __future__ import annotations

from html import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("markupsafe")
from diplograph.web.highlight import marked_text  # noqa: E402

TEXT = "Le Mali et le Niger.\nIls ont signé un accord <de> pêche & d'eau."


def reference(text, spans):
    """Every segment between span ends, with every span that covers it."""
    cuts = sorted({0, len(text), *(p for s, e, _, _ in spans if 0 <= s < e <= len(text)
                                   for p in (s, e))})
    out = []
    for left, right in zip(cuts, cuts[1:]):
        inside = [(k, t) for s, e, k, t in spans
                  if 0 <= s < e <= len(text) and s <= left and right <= e]
        piece = escape(text[left:right]).replace("\n", "<br>")
        if inside:
            kinds = " ".join(sorted({f"k-{k}" for k, _ in inside}))
            titles = "; ".join(sorted({t for _, t in inside if t}))
            out.append(f'<span class="{kinds}" title="{escape(titles)}">{piece}</span>')
        else:
            out.append(piece)
    return "".join(out)


span = st.tuples(st.integers(-3, len(TEXT) + 3), st.integers(-3, len(TEXT) + 3),
                 st.sampled_from(["event", "actor", "agreement"]),
                 st.one_of(st.none(), st.sampled_from(["CONSULT", "a <b>", "MLI"])))


@settings(max_examples=300, deadline=None)
@given(st.lists(span, max_size=8))
def test_web_highlight_marks_as_the_per_segment_definition(spans):
    assert str(marked_text(TEXT, spans)) == reference(TEXT, spans)


def test_web_highlight_escapes_the_text_and_titles():
    html = str(marked_text(TEXT, [(0, 6, "actor", 'x"<y>')]))
    assert "&lt;de&gt;" in html and "&amp;" in html and 'title="x&quot;&lt;y&gt;"' in html
