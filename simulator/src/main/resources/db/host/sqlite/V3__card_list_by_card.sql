-- The card-status lookups (9121 sightings, 1101 reads) look a card up by number.
CREATE INDEX IF NOT EXISTS card_list_card ON card_list(card_no, version);
