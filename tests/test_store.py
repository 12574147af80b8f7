"""The store on hand-made records: migrations, idempotent and atomic ingest,
merging across articles, queries."""
import datetime as dt

import duckdb
import pytest
from conftest import day, make_record

from diplograph.store import EventFilter, QueryError, StoreError, open_store
from diplograph.store.queries import frame_records
from diplograph.store.schema import known_migrations

MEETING = ["Les ministres se sont rencontrés à Jakarta.", "Ils ont parlé de vaccins."]


def meeting(doc_id, published, date, **extra):
    return make_record(doc_id, MEETING + [f"Article {doc_id}."], published, events=[
        {"type": "CONSULT", "mode": "meeting", "parties": ["IDN", "RUS"], "date": day(date),
         "people": ["person:retno-marsudi", "person:sergei-lavrov"], "evidence": [0],
         "sectors": ["health"], **extra}])


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "s.duckdb") as opened:
        yield opened


def counts(store):
    facts = store.stats()
    return {k: v for k, v in facts.items() if isinstance(v, int)}


def test_store_records_every_migration_in_order(store):
    assert store.migrations == [m.name for m in known_migrations()]
    assert store.migrations[0] == "0001_initial"


def test_store_reopening_applies_nothing_new(tmp_path):
    path = tmp_path / "s.duckdb"
    open_store(path).close()
    with open_store(path) as again:
        rows = again.con.execute("SELECT count(*) FROM schema_migrations").fetchall()[0][0]
    assert rows == len(known_migrations())


def test_store_same_text_twice_changes_nothing(store):
    record = meeting("a", "2021-07-06", "2021-07-06")
    first = store.ingest_record(record)
    before = counts(store)
    again = store.ingest_record(dict(record, doc_id="renamed"))
    assert first.stored and not again.stored and again.doc_id == first.doc_id
    assert counts(store) == before


@pytest.mark.parametrize("copy", [
    lambda text: text.replace("\n", "\r\n"),  # line ends of another system
    lambda text: text + "\n\n",  # one more trailing newline
    lambda text: "\n" + text.replace("\n", " \t\n"),  # blank start, spaces ending lines
    lambda text: text.replace("é", "e\u0301"),  # decomposed accents
], ids=["crlf", "trailing-newline", "line-end-spaces", "nfd"])
def test_store_the_same_text_copied_differently_is_not_stored_again(store, copy):
    record = meeting("a", "2021-07-06", "2021-07-06")
    text = record["text"] + "\nLes délégations ont échangé.\nFin."
    first = store.ingest_record(dict(record, text=text))
    before = counts(store)
    again = store.ingest_record(dict(record, doc_id="copy", text=copy(text)))
    assert first.stored and not again.stored and counts(store) == before


def test_store_keeps_the_hash_of_the_text_as_ingested(store):
    from diplograph.store.writer import raw_hash

    record = meeting("a", "2021-07-06", "2021-07-06")
    store.ingest_record(record)
    (kept,) = store.con.execute("SELECT raw_hash FROM documents").fetchall()[0]
    assert kept == raw_hash(record["text"])


def test_store_migration_0004_gives_older_documents_the_normalised_hash(tmp_path):
    from diplograph.store.writer import content_hash, raw_hash

    path = tmp_path / "old.duckdb"
    text = "Le Mali et le Niger. \r\nFin de l'e\u0301change.\n"
    with open_store(path) as store:
        store.ingest_record(dict(meeting("a", "2021-07-06", "2021-07-06"), text=text))
        store.ingest_record(dict(meeting("b", "2021-07-06", "2021-07-06"), text="autre"))
        store.con.execute("UPDATE documents SET text = ? WHERE name = 'b'", [text + "\n"])
        store.con.execute("DELETE FROM schema_migrations WHERE name = "
                          "'0004_normalised_text_hash'")
        store.con.execute("UPDATE documents SET content_hash = sha256(text)")  # as before 0004
        store.con.execute("ALTER TABLE documents DROP COLUMN raw_hash")
    with open_store(path) as store:
        rows = store.con.execute("SELECT name, content_hash, raw_hash FROM documents "
                                 "ORDER BY name").fetchall()
        assert rows[0] == ("a", content_hash(text), raw_hash(text))  # as Python computes it
        assert rows[1] == ("b", raw_hash(text + "\n"), raw_hash(text + "\n"))  # a twin stays
        assert not store.ingest_record(dict(meeting("c", "2021-07-06", "2021-07-06"),
                                            text=text.replace("\r\n", "\n"))).stored


def test_store_failed_write_leaves_nothing_behind(store):
    store.ingest_record(meeting("a", "2021-07-06", "2021-07-06"))
    before = counts(store)
    broken = meeting("b", "2021-07-07", "2021-07-06")
    broken["quantities"] = [{"value": None, "unit": "USD", "parties": [], "evidence": []}]
    with pytest.raises(duckdb.Error):
        store.ingest_record(broken)
    assert counts(store) == before


def test_store_merges_one_meeting_reported_by_three_articles(store):
    for doc_id, published in (("a", "2021-07-06"), ("b", "2021-07-06"), ("c", "2021-07-07")):
        store.ingest_record(meeting(doc_id, published, "2021-07-06"))
    events = store.events()
    assert len(events) == 1
    assert events.loc[0, "source_count"] == 3
    shown = store.show(events.loc[0, "id"])
    assert len(shown["reports"]) == 3
    assert all(r["evidence"][0]["sentence"] == MEETING[0] for r in shown["reports"])


def test_store_keeps_meetings_a_month_apart_apart(store):
    store.ingest_record(meeting("a", "2021-07-06", "2021-07-06"))
    store.ingest_record(meeting("b", "2021-08-06", "2021-08-05"))
    assert len(store.events()) == 2


def test_store_merge_does_not_depend_on_ingest_order(tmp_path):
    records = [meeting("a", "2021-07-06", "2021-07-06"),
               meeting("b", "2021-08-06", "2021-08-05"),
               meeting("c", "2021-07-07", "2021-07-06")]

    def merged(order):
        with open_store(tmp_path / f"{''.join(order)}.duckdb") as s:
            for key in order:
                s.ingest_record(next(r for r in records if r["doc_id"] == key))
            rows = s.con.execute("""SELECT list(d.name ORDER BY d.name) FROM events e
                JOIN documents d ON d.id = e.doc_id GROUP BY e.merged_id""").fetchall()
        return sorted(r[0] for r in rows)

    assert merged(["a", "b", "c"]) == merged(["c", "b", "a"]) == [["a", "c"], ["b"]]


def agreement_record(doc_id, published, status, title, date=None):
    sentences = [f"Le texte {doc_id} parle de l'accord.", "Autre phrase."]
    return make_record(doc_id, sentences, published, agreements=[
        {"title": title, "parties": ["IDN", "KEN"], "status": status,
         "date": day(date) if date else None, "evidence": [0]}])


def test_store_agreement_history_across_articles(store):
    store.ingest_record(agreement_record("late", "2025-05-13", "signed",
                                         "accord sur l'exemption mutuelle de visas",
                                         date="2025-05-12"))
    store.ingest_record(agreement_record("early", "2025-03-04", "negotiating",
                                         "accord d'exemption de visa"))
    table = store.agreements()
    assert len(table) == 1 and table.loc[0, "status"] == "signed"
    shown = store.show(table.loc[0, "id"])
    assert [(h["status"], h["on_date"]) for h in shown["history"]] == [
        ("negotiating", "2025-03-04"), ("signed", "2025-05-12")]
    assert store.agreements(pending=True).empty


def test_store_pending_agreement_counts_days(store):
    store.ingest_record(agreement_record("x", "2025-03-04", "negotiating", "accord sur la pêche"))
    table = store.agreements(pending=True, today=dt.date(2025, 3, 14))
    assert table.loc[0, "pending_days"] == 10


@pytest.mark.parametrize("filters, expected", [
    (EventFilter(country="RUS"), 2), (EventFilter(country="VNM"), 1),
    (EventFilter(dyad="RUS-IDN"), 1), (EventFilter(type="consult"), 2),
    (EventFilter(status="planned"), 1), (EventFilter(sector="health"), 1),
    (EventFilter(since="2021-09"), 1), (EventFilter(until="2021-07-31"), 1),
    (EventFilter(q="vaccins"), 0), (EventFilter(q="rencontrés"), 1),
    (EventFilter(country="RUS", status="done"), 1),
])
def test_store_event_filters(store, filters, expected):
    store.ingest_record(meeting("a", "2021-07-06", "2021-07-06"))
    store.ingest_record(make_record("b", ["Lavrov se rendra à Hanoï en septembre."],
                                    "2021-08-01", events=[
        {"type": "CONSULT", "mode": "visit", "status": "planned", "parties": ["RUS", "VNM"],
         "date": {"value": "2021-09", "granularity": "month", "text": "septembre"},
         "evidence": [0]}]))
    assert len(store.events(filters)) == expected == store.count_events(filters)
    # the web's rows without a DataFrame are the frame's rows, value for value
    assert store.event_records(filters) == frame_records(store.events(filters))


@pytest.mark.parametrize("filters", [
    EventFilter(country="Russia"), EventFilter(dyad="RUS"), EventFilter(type="MEET"),
    EventFilter(status="maybe"), EventFilter(since="July"),
])
def test_store_bad_filter_says_what_is_expected(store, filters):
    with pytest.raises(QueryError, match="must be"):
        store.events(filters)


def test_store_show_unknown_id(store):
    with pytest.raises(QueryError, match="no event"):
        store.show("E999")
    with pytest.raises(QueryError, match="ids start with"):
        store.show("X1")


def test_store_read_only_needs_an_existing_store(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        open_store(tmp_path / "missing.duckdb", read_only=True)
    foreign = tmp_path / "other.duckdb"
    duckdb.connect(str(foreign)).close()
    with pytest.raises(StoreError, match="not a diplograph store"):
        open_store(foreign, read_only=True)


def test_store_rejects_a_file_that_is_not_duckdb(tmp_path):
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="junk.duckdb"):
        open_store(junk)


def test_store_default_path_from_environment(monkeypatch, tmp_path):
    from diplograph.store import default_db_path

    monkeypatch.setenv("DIPLOGRAPH_DB", str(tmp_path / "env.duckdb"))
    assert default_db_path() == tmp_path / "env.duckdb"
    monkeypatch.delenv("DIPLOGRAPH_DB")
    assert str(default_db_path()) == "diplograph.duckdb"


def test_store_every_row_traces_to_its_document_and_offsets(store):
    store.ingest_record(meeting("a", "2021-07-06", "2021-07-06"))
    text = store.con.execute("SELECT text FROM documents").fetchall()[0][0]
    for start, end, sentence in store.con.execute(
            'SELECT start, "end", sentence FROM evidence').fetchall():
        assert text[start:end] == sentence


def test_store_integrity_holds_after_ingest_and_finds_a_half_document(store):
    store.ingest_record(meeting("a", "2021-07-06", "2021-07-06"))
    assert store.integrity_problems() == []
    store.con.execute("DELETE FROM events")
    problems = store.integrity_problems()
    assert any("0 events stored, record has 1" in p for p in problems)


def test_store_migrates_an_older_store_keeping_its_data(tmp_path):
    """A store made before 0002 gets the new columns, filled from its rows."""
    path = tmp_path / "old.duckdb"
    with open_store(path) as store:
        store.ingest_record(meeting("a", "2021-07-06", "2021-07-06"))
        store.con.execute("DELETE FROM schema_migrations WHERE name = '0002_event_listing_order'")
        store.con.execute("DROP INDEX merged_events_key")  # DuckDB: no DROP COLUMN under an index
        store.con.execute("ALTER TABLE merged_events DROP COLUMN sort_day")
        store.con.execute("ALTER TABLE merged_events DROP COLUMN seq")
        store.con.execute("CREATE INDEX merged_events_key ON merged_events (type, parties_key)")
    with open_store(path) as store:
        assert "0002_event_listing_order" in store.migrations
        row = store.con.execute("SELECT sort_day, seq FROM merged_events").fetchall()[0]
        assert row == (dt.date(2021, 7, 6), 1)
        assert len(store.events()) == 1


def test_store_acts_about_different_agreements_stay_apart_whatever_the_order(tmp_path):
    def record(name, title):
        return make_record(name, [f"Le texte {name} porte sur l'{title}."], "2025-03-04",
                           agreements=[{"title": title, "parties": ["IDN", "RUS"],
                                        "status": "signed", "date": day("2025-03-04"),
                                        "evidence": [0]}],
                           events=[{"type": "AGREE", "mode": "sign", "parties": ["CHN", "RUS"],
                                    "agreement": "a1", "date": day("2025-03-04"),
                                    "evidence": [0]}])

    for order in (("x", "y"), ("y", "x")):
        with open_store(tmp_path / f"{''.join(order)}.duckdb") as store:
            records = {"x": record("x", "accord sur les visas"),
                       "y": record("y", "accord sur la pêche")}
            for name in order:
                store.ingest_record(records[name])
            assert len(store.events()) == 2, order


def test_store_read_only_refuses_an_older_store(tmp_path):
    path = tmp_path / "old.duckdb"
    with open_store(path) as store:
        store.con.execute("DELETE FROM schema_migrations WHERE name = '0002_event_listing_order'")
    with pytest.raises(StoreError, match="older diplograph"):
        open_store(path, read_only=True)


def test_store_text_search_is_literal_and_ignores_case_and_accents(store):
    store.ingest_record(meeting("a", "2021-07-06", "2021-07-06"))
    assert len(store.events(EventFilter(q="_"))) == 0
    assert len(store.events(EventFilter(q="%"))) == 0
    assert len(store.events(EventFilter(q="jakarta"))) == 1
    assert len(store.events(EventFilter(q="RENCONTRES"))) == 1  # "rencontrés"
