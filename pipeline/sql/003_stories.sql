-- Near-duplicate linking: articles of one wire story share a story id; SimHash bands index the lookup.

ALTER TABLE articles ADD COLUMN simhash bigint;
ALTER TABLE articles ADD COLUMN story_id bigint;
ALTER TABLE articles ADD COLUMN sim_bands integer[];
CREATE INDEX articles_sim_bands ON articles USING gin (sim_bands);
CREATE INDEX articles_story ON articles (story_id);

COMMENT ON COLUMN articles.simhash IS '64-bit SimHash of the body (3-word shingles), for near-duplicate detection.';
COMMENT ON COLUMN articles.story_id IS 'Id of the first article of the same story: syndicated copies in other outlets share it.';

CREATE VIEW stories AS
SELECT story_id, min(published_at) AS first_published, count(*) AS articles,
       count(DISTINCT outlet) AS outlets, array_agg(outlet ORDER BY published_at NULLS LAST, id) AS outlet_list,
       (array_agg(title ORDER BY published_at NULLS LAST, id))[1] AS title
FROM articles WHERE story_id IS NOT NULL GROUP BY story_id;
COMMENT ON VIEW stories IS 'One row per story: its articles across outlets (wire copies, syndication).';

ALTER TABLE feed_items ADD COLUMN updated_at timestamptz;
COMMENT ON COLUMN feed_items.updated_at IS 'The feed''s updated time for the item; a later one queues the page again (corrections).';
