-- Core tables: feeds, feed items, articles, analysis results, claims, alert outbox, run log.

CREATE TABLE feeds (
    id                   serial PRIMARY KEY,
    name                 text NOT NULL UNIQUE,
    url                  text NOT NULL,
    outlet               text NOT NULL,
    language             text NOT NULL DEFAULT 'en',
    enabled              boolean NOT NULL DEFAULT true,
    disabled_reason      text,
    etag                 text,
    last_modified        text,
    body_hash            text,
    last_polled_at       timestamptz,
    last_success_at      timestamptz,
    last_status          integer,
    last_error           text,
    consecutive_failures integer NOT NULL DEFAULT 0,
    next_poll_at         timestamptz,
    items_seen           bigint NOT NULL DEFAULT 0
);

CREATE TABLE feed_items (
    id            bigserial PRIMARY KEY,
    url           text NOT NULL UNIQUE,          -- canonical URL: the natural key of a story link
    link          text NOT NULL,                 -- the link as the feed gave it (what we fetch)
    feed_id       integer NOT NULL REFERENCES feeds(id),
    guid          text,
    title         text,
    published_at  timestamptz,
    first_seen_at timestamptz NOT NULL DEFAULT now(),
    status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'fetched', 'failed', 'skipped')),
    attempts      integer NOT NULL DEFAULT 0,
    last_error    text,
    article_id    bigint
);
CREATE INDEX feed_items_pending ON feed_items (status) WHERE status = 'pending';
CREATE INDEX feed_items_guid ON feed_items (feed_id, guid);

CREATE TABLE articles (
    id               bigserial PRIMARY KEY,
    url              text NOT NULL UNIQUE,
    final_url        text,
    outlet           text NOT NULL,
    title            text,
    published_at     timestamptz,
    fetched_at       timestamptz NOT NULL DEFAULT now(),
    language         text,
    body_text        text NOT NULL,
    body_hash        text NOT NULL,
    raw_html         bytea,                      -- zlib-compressed page as fetched, for re-analysis
    revision         integer NOT NULL DEFAULT 1,
    is_relevant      boolean,
    idlib            boolean,
    relevance_score  real,
    relevance_evidence jsonb,
    analyzed_at      timestamptz,
    analyzer_version text
);
CREATE INDEX articles_unanalyzed ON articles (id) WHERE analyzed_at IS NULL;
CREATE INDEX articles_body_hash ON articles (body_hash);

ALTER TABLE feed_items ADD FOREIGN KEY (article_id) REFERENCES articles(id);

CREATE TABLE actors (
    id        text PRIMARY KEY,
    name      text NOT NULL,
    kind      text NOT NULL,
    parent_id text REFERENCES actors(id) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE statements (
    id            bigserial PRIMARY KEY,
    article_id    bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind          text NOT NULL CHECK (kind IN ('direct', 'indirect')),
    speaker       text,
    speaker_title text,
    speaker_actor text,
    quote         text NOT NULL,
    cue           text,
    char_start    integer NOT NULL,
    char_end      integer NOT NULL,
    UNIQUE (article_id, char_start, char_end)
);

CREATE TABLE claims (
    id               bigserial PRIMARY KEY,
    accuser          text NOT NULL,
    accused          text NOT NULL,
    agreement        text,
    breach_type      text NOT NULL,
    first_article_id bigint NOT NULL REFERENCES articles(id),
    first_outlet     text NOT NULL,
    first_seen       timestamptz NOT NULL,
    last_seen        timestamptz NOT NULL
);
CREATE INDEX claims_key ON claims (accuser, accused, breach_type, first_seen);

CREATE TABLE accusations (
    id             bigserial PRIMARY KEY,
    article_id     bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    statement_id   bigint REFERENCES statements(id) ON DELETE SET NULL,
    claim_id       bigint REFERENCES claims(id),
    accuser        text NOT NULL,                -- canonical actor id (rolled up)
    accused        text NOT NULL,                -- canonical actor id (rolled up)
    accuser_actor  text,                         -- finest actor found, e.g. russia_mfa
    accused_actor  text,
    agreement      text,
    breach_type    text NOT NULL,
    clause         text,
    mode           text NOT NULL DEFAULT 'claim' CHECK (mode IN ('claim', 'counter', 'narrative', 'hypothetical', 'denial')),
    speaker        text,
    evidence       text NOT NULL,
    char_start     integer NOT NULL,
    char_end       integer NOT NULL,
    confidence     real NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (article_id, accuser, accused, breach_type, mode)
);
CREATE INDEX accusations_claim ON accusations (claim_id);

CREATE TABLE commitments (
    id         bigserial PRIMARY KEY,
    article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor      text,
    agreement  text,
    clause     text NOT NULL,
    kind       text NOT NULL,
    evidence   text NOT NULL,
    char_start integer NOT NULL,
    char_end   integer NOT NULL,
    UNIQUE (article_id, char_start, char_end, clause)
);

-- The outbox: one row per new claim, written in the same transaction as the claim.
CREATE TABLE alerts (
    id            bigserial PRIMARY KEY,
    claim_id      bigint NOT NULL UNIQUE REFERENCES claims(id),
    accusation_id bigint REFERENCES accusations(id) ON DELETE SET NULL,
    recipients    text[] NOT NULL DEFAULT '{}',
    status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'no_recipients')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    sent_at       timestamptz,
    attempts      integer NOT NULL DEFAULT 0,
    last_error    text,
    message_id    text
);
CREATE INDEX alerts_pending ON alerts (id) WHERE status = 'pending';

CREATE TABLE runs (
    id          bigserial PRIMARY KEY,
    source      text NOT NULL,                  -- 'cli' or the Airflow run id
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    counts      jsonb NOT NULL DEFAULT '{}'
);

-- What went wrong, where an operator can see it: one row per failed feed, page or email.
CREATE TABLE events (
    id       bigserial PRIMARY KEY,
    run_id   bigint REFERENCES runs(id),
    at       timestamptz NOT NULL DEFAULT now(),
    stage    text NOT NULL,
    subject  text NOT NULL,
    kind     text NOT NULL,
    message  text NOT NULL
);
CREATE INDEX events_at ON events (at DESC);
