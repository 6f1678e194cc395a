-- Finding the articles still to analyse without reading the whole table: by analyzer version, so
-- that "never analysed or analysed by another version" is three index range scans.
CREATE INDEX IF NOT EXISTS articles_analyzer_version ON articles (analyzer_version, id);
