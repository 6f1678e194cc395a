-- The SimHash band index without a pending list: with fastupdate, new entries wait in an unsorted
-- list that every near-duplicate lookup scans in full, so lookups slowed as articles were added.
ALTER INDEX articles_sim_bands SET (fastupdate = off);
SELECT gin_clean_pending_list('articles_sim_bands');
