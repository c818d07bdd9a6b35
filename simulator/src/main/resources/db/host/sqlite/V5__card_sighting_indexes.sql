-- The listed-card sightings (9121) are looked up by card and by the time they were seen, as on
-- PostgreSQL, which has had these two indexes since its V1. With them the two stores' schemas are
-- the same (HostSchemaComparisonIT).
CREATE INDEX IF NOT EXISTS card_sighting_card ON card_sighting(card_no);
CREATE INDEX IF NOT EXISTS card_sighting_seen ON card_sighting(seen_at);
