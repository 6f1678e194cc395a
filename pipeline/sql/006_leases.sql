-- Leases: a run claims the feeds, pages and articles it works on (SELECT ... FOR UPDATE SKIP LOCKED,
-- then a lease expiry), so concurrent runs split the work instead of colliding, and work held by a
-- run that died is taken up again once its lease expires. Attempts are counted when the lease is
-- taken, so a page that hangs or crashes a run still reaches its attempt limit.

ALTER TABLE feeds ADD COLUMN lease_until timestamptz, ADD COLUMN leased_by bigint;
ALTER TABLE feed_items ADD COLUMN lease_until timestamptz, ADD COLUMN leased_by bigint;
ALTER TABLE articles ADD COLUMN analysis_lease_until timestamptz, ADD COLUMN analysis_leased_by bigint;
ALTER TABLE articles ADD COLUMN analysis_attempts integer NOT NULL DEFAULT 0;

ALTER TABLE runs ADD COLUMN status text NOT NULL DEFAULT 'running'
    CHECK (status IN ('running', 'finished', 'failed'));
ALTER TABLE runs ADD COLUMN error text;
ALTER TABLE runs ADD COLUMN heartbeat_at timestamptz;
UPDATE runs SET status = 'finished' WHERE finished_at IS NOT NULL;

COMMENT ON COLUMN feeds.lease_until IS 'A run is polling this feed until then (NULL: nobody); an expired lease is free.';
COMMENT ON COLUMN feed_items.lease_until IS 'A run is fetching this page until then (NULL: nobody); attempts counts leases taken.';
COMMENT ON COLUMN feed_items.attempts IS 'Fetch attempts so far, counted when a run takes the page (so a page that hangs a run counts too).';
COMMENT ON COLUMN articles.analysis_lease_until IS 'A run is analysing this article until then (NULL: nobody).';
COMMENT ON COLUMN articles.analysis_attempts IS 'Analyses started for the current body; after 3 that never finished the article is recorded as failed.';
COMMENT ON COLUMN runs.status IS 'running, finished, or failed (error says why).';
COMMENT ON COLUMN runs.error IS 'Why a failed run stopped (one line).';
COMMENT ON COLUMN runs.heartbeat_at IS 'Last time a stage of the run reported; a running run silent for 2 hours is closed as failed.';
COMMENT ON COLUMN feed_items.leased_by IS 'The run (runs.id) holding the lease; a run closed as failed hands its leases back at once.';
