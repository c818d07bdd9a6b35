-- Answered requests (2208/2103/2305 cancellations, 2601 reversals) are kept by (terminal, msgid):
-- a msgid is unique per terminal (institution code + time + sequence), not across terminals, and a
-- msgid another terminal already used is another request, answered on its own. Same as SQLite's V4.
ALTER TABLE answered DROP CONSTRAINT answered_pkey;
ALTER TABLE answered ADD PRIMARY KEY(terminal, msgid);
