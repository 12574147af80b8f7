-- 0001_initial: one row per stored article and per item extracted from it,
-- plus the merged views across articles (events, agreements) that ingest keeps
-- up to date. Every item row names its document; evidence rows carry offsets.

CREATE SEQUENCE document_seq START 1;
CREATE SEQUENCE item_seq START 1;

CREATE TABLE documents (
    id              VARCHAR PRIMARY KEY,      -- D<n>
    content_hash    VARCHAR NOT NULL UNIQUE,  -- sha256 of the text as ingested
    name            VARCHAR NOT NULL,         -- the record's doc_id (file stem or feed id)
    source          VARCHAR,
    url             VARCHAR,
    title           VARCHAR,
    language        VARCHAR,
    published       VARCHAR,                  -- as the record gives it: 2021, 2021-07, 2021-07-06
    published_on    DATE,                     -- first day of that period, for ordering
    published_basis VARCHAR,
    text            VARCHAR NOT NULL,
    record          JSON NOT NULL,            -- the full record (record.md), for exports and audit
    ingested_at     TIMESTAMP NOT NULL
);

CREATE TABLE actors (
    id      VARCHAR PRIMARY KEY,              -- RUS, person:sergei-lavrov, igo:asean, org:bpom
    kind    VARCHAR NOT NULL,
    name    VARCHAR NOT NULL,
    country VARCHAR,
    role    VARCHAR                           -- as of the latest article that names one
);

CREATE TABLE document_actors (
    doc_id   VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    country  VARCHAR,
    role     VARCHAR,                         -- the role this article gives
    PRIMARY KEY (doc_id, actor_id)
);

CREATE TABLE mentions (
    doc_id   VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    text     VARCHAR NOT NULL
);

CREATE TABLE events (
    id               VARCHAR PRIMARY KEY,     -- D<n>:e<k>
    seq              BIGINT NOT NULL,
    doc_id           VARCHAR NOT NULL,
    local_id         VARCHAR NOT NULL,
    merged_id        VARCHAR,                 -- E<n> in merged_events
    type             VARCHAR NOT NULL,
    mode             VARCHAR,
    status           VARCHAR NOT NULL,
    source           VARCHAR[] NOT NULL,
    target           VARCHAR[] NOT NULL,
    parties          VARCHAR[] NOT NULL,
    parties_key      VARCHAR NOT NULL,        -- parties joined by '-': the merge key with type
    people           VARCHAR[] NOT NULL,
    sectors          VARCHAR[] NOT NULL,
    date_value       VARCHAR,
    date_granularity VARCHAR,
    date_text        VARCHAR,
    date_start       DATE,
    date_end         DATE,
    location_name    VARCHAR,
    location_country VARCHAR,
    agreement_id     VARCHAR,                 -- D<n>:a<k> when the act concerns a stored agreement
    plover           JSON,
    confidence       DOUBLE
);
CREATE INDEX events_key ON events (type, parties_key);

CREATE TABLE agreements (
    id               VARCHAR PRIMARY KEY,     -- D<n>:a<k>
    seq              BIGINT NOT NULL,
    doc_id           VARCHAR NOT NULL,
    local_id         VARCHAR NOT NULL,
    merged_id        VARCHAR,                 -- A<n> in merged_agreements
    title            VARCHAR NOT NULL,
    kind             VARCHAR,
    parties          VARCHAR[] NOT NULL,
    parties_key      VARCHAR NOT NULL,
    sectors          VARCHAR[] NOT NULL,
    status           VARCHAR NOT NULL,
    date_value       VARCHAR,
    date_granularity VARCHAR,
    date_text        VARCHAR,
    date_start       DATE,
    period_start     VARCHAR,
    period_end       VARCHAR
);
CREATE INDEX agreements_key ON agreements (parties_key);

CREATE TABLE quantities (
    id           VARCHAR PRIMARY KEY,         -- D<n>:q<k>
    doc_id       VARCHAR NOT NULL,
    value        DOUBLE NOT NULL,
    unit         VARCHAR NOT NULL,
    measure      VARCHAR,
    kind         VARCHAR,
    parties      VARCHAR[] NOT NULL,
    per          VARCHAR,
    period_start VARCHAR,
    period_end   VARCHAR,
    status       VARCHAR,
    text         VARCHAR,
    reported_on  DATE                          -- the article's publication date
);

CREATE TABLE evidence (
    doc_id    VARCHAR NOT NULL,
    item_kind VARCHAR NOT NULL,               -- event | agreement | quantity
    item_id   VARCHAR NOT NULL,               -- events.id, agreements.id or quantities.id
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    sentence  VARCHAR NOT NULL
);
CREATE INDEX evidence_item ON evidence (item_id);

-- One row per real-world event: all reports of it across articles.
CREATE TABLE merged_events (
    id               VARCHAR PRIMARY KEY,     -- E<n>: n is the seq of its first stored report
    type             VARCHAR NOT NULL,
    mode             VARCHAR,
    status           VARCHAR NOT NULL,        -- as the latest report tells it
    source           VARCHAR[] NOT NULL,
    target           VARCHAR[] NOT NULL,
    parties          VARCHAR[] NOT NULL,
    parties_key      VARCHAR NOT NULL,
    people           VARCHAR[] NOT NULL,
    sectors          VARCHAR[] NOT NULL,
    date_value       VARCHAR,
    date_granularity VARCHAR,
    date_start       DATE,
    date_end         DATE,
    location_name    VARCHAR,
    location_country VARCHAR,
    first_reported   DATE,
    last_reported    DATE,
    source_count     INTEGER NOT NULL,        -- distinct articles
    report_count     INTEGER NOT NULL,        -- extracted events merged here
    confidence       DOUBLE
);
CREATE INDEX merged_events_key ON merged_events (type, parties_key);

-- One row per real-world agreement, its status the latest in its history.
CREATE TABLE merged_agreements (
    id            VARCHAR PRIMARY KEY,        -- A<n>
    title         VARCHAR NOT NULL,
    kind          VARCHAR,
    parties       VARCHAR[] NOT NULL,
    parties_key   VARCHAR NOT NULL,
    sectors       VARCHAR[] NOT NULL,
    status        VARCHAR NOT NULL,
    status_since  DATE,
    first_seen    DATE,
    last_seen     DATE,
    signed_on     DATE,
    source_count  INTEGER NOT NULL
);

CREATE TABLE agreement_status_history (
    merged_id    VARCHAR NOT NULL,            -- merged_agreements.id
    agreement_id VARCHAR NOT NULL,            -- agreements.id: the report that says so
    doc_id       VARCHAR NOT NULL,
    status       VARCHAR NOT NULL,
    on_date      DATE,                        -- the act's own date, else the article's
    date_basis   VARCHAR NOT NULL,            -- event | published | unknown
    position     INTEGER NOT NULL             -- order in the history, from 1
);
