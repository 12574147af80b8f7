"""vocab.py, the one definition of the record's closed lists, says what the
contract (../shared/spec/record.md) says."""
import re

import pytest

from diplograph import vocab


@pytest.fixture(scope="module")
def record_md(shared_dir):
    return (shared_dir / "spec" / "record.md").read_text(encoding="utf-8")


def _ticked(text: str) -> list[str]:
    return re.findall(r"`([a-z_]+)`", text)


def test_vocab_event_types_are_the_16_plover_types(record_md):
    listed = re.search(r"16\s+PLOVER event types:\s*([A-Z,\s]+)\.", record_md).group(1)
    assert vocab.EVENT_TYPES == tuple(t.strip() for t in listed.split(","))


def test_vocab_sectors_are_the_closed_list(record_md):
    section = record_md.split("## Sectors", 1)[1].split("\n\n", 1)[0]
    assert vocab.SECTORS == tuple(_ticked(section.split("closed list")[1].split("A vaccine")[0]))


def test_vocab_statuses_and_agreement_lifecycle(record_md):
    section = record_md.split("## Status", 1)[1].split("\n## ", 1)[0]
    assert set(vocab.EVENT_STATUSES) == set(re.findall(r"^- `([a-z]+)`", section, re.M))
    lifecycle = section.split("An agreement's `status`:", 1)[1]
    assert vocab.AGREEMENT_LIFECYCLE == tuple(_ticked(lifecycle))


def test_vocab_modes(record_md):
    for event_type, modes in vocab.EVENT_MODES.items():
        told = re.search(rf"- {event_type}:.*?`mode`:(.*?)\n- ", record_md, re.S).group(1)
        assert modes == tuple(_ticked(told))


def test_vocab_lifecycle_order():
    assert vocab.later_stage("negotiating", "signed") == "signed"
    assert vocab.later_stage("in_force", "agreed") == "in_force"
    assert vocab.stage_index("unknown") == 0
