-- Why the analyzer made each accusation: the decision (learned or rules), its probability, and
-- the candidate generators and features that fired. For analysts checking a claim, and for
-- finding which generator or feature a wrong claim came from.
ALTER TABLE accusations ADD COLUMN signals jsonb;
COMMENT ON COLUMN accusations.signals IS 'How the analyzer decided: decision (learned/rules), probability, generators and features that fired.';
