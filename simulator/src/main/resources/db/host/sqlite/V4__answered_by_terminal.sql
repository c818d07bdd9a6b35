-- Answered requests (2208/2103/2305 cancellations, 2601 reversals) are kept by (terminal, msgid):
-- a msgid is unique per terminal (institution code + time + sequence), not across terminals, and a
-- msgid another terminal already used is another request, answered on its own. Same as
-- PostgreSQL's V4. SQLite cannot change a primary key: the table is copied, keeping its row ids
-- (the order answers are read back in).
CREATE TABLE answered_by_terminal(msgid TEXT NOT NULL, terminal TEXT NOT NULL, infno TEXT NOT NULL,
    target TEXT NOT NULL, response TEXT NOT NULL, PRIMARY KEY(terminal, msgid));
INSERT INTO answered_by_terminal(rowid, msgid, terminal, infno, target, response)
    SELECT rowid, msgid, terminal, infno, target, response FROM answered;
DROP TABLE answered;
ALTER TABLE answered_by_terminal RENAME TO answered;
CREATE INDEX answered_target ON answered(target, terminal);
