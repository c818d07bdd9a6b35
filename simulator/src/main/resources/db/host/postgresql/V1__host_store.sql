-- The host store on PostgreSQL: the same tables as the SQLite store, with PostgreSQL's types.
-- Amounts are integer fen (BIGINT), times epoch milliseconds (BIGINT). Identifiers (terminal ids,
-- msgids, card numbers, settlement ids) are compared byte by byte (COLLATE "C"), whatever the
-- database's locale: they are codes, not words, and their unique indexes are the hot path of an
-- upload. The tables read back in
-- arrival order have a "rowid" identity column, the name SQLite gives its implicit row id, so
-- that the host's queries are the same on both.
CREATE TABLE terminal(id TEXT COLLATE "C" PRIMARY KEY, sign_cert BYTEA NOT NULL, enrolled_at BIGINT NOT NULL,
    high_seq BIGINT NOT NULL DEFAULT 0, last_hash BYTEA, flag TEXT, flagged_at BIGINT,
    journal_head BIGINT NOT NULL DEFAULT 0, last_seen BIGINT);

CREATE TABLE record(terminal TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL, hash BYTEA NOT NULL,
    msgid TEXT COLLATE "C" NOT NULL UNIQUE, setl_id TEXT COLLATE "C" NOT NULL, card_no TEXT COLLATE "C" NOT NULL,
    card_tti INTEGER, card_counter INTEGER,
    time BIGINT NOT NULL, policy_version TEXT NOT NULL, medfee BIGINT NOT NULL, fund BIGINT NOT NULL,
    acct BIGINT NOT NULL, cash BIGINT NOT NULL, status TEXT NOT NULL DEFAULT 'OK', result TEXT NOT NULL,
    items TEXT, fixmedins_code TEXT,
    PRIMARY KEY(terminal, seq), UNIQUE(card_no, card_tti, card_counter));

CREATE INDEX record_setl ON record(setl_id);

CREATE TABLE answered(msgid TEXT COLLATE "C" PRIMARY KEY, terminal TEXT COLLATE "C" NOT NULL, infno TEXT NOT NULL,
    target TEXT COLLATE "C" NOT NULL, response TEXT NOT NULL, rowid BIGINT GENERATED ALWAYS AS IDENTITY);

CREATE INDEX answered_target ON answered(target, terminal);

CREATE TABLE account(card_no TEXT COLLATE "C" PRIMARY KEY, psn_no TEXT NOT NULL, psn_name TEXT NOT NULL,
    balance BIGINT NOT NULL, ytd_medfee BIGINT NOT NULL DEFAULT 0, ytd_fund BIGINT NOT NULL DEFAULT 0,
    ytd_acct BIGINT NOT NULL DEFAULT 0);

CREATE TABLE card_list(version BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, card_no TEXT COLLATE "C" NOT NULL,
    status TEXT NOT NULL, reported_at BIGINT NOT NULL);

CREATE INDEX card_list_card ON card_list(card_no, version);

CREATE TABLE policy_pack(version TEXT PRIMARY KEY, bytes BYTEA NOT NULL, published_at BIGINT NOT NULL);

CREATE TABLE card_sighting(report_id TEXT COLLATE "C" NOT NULL,
    terminal TEXT COLLATE "C" NOT NULL, card_no TEXT COLLATE "C" NOT NULL, status TEXT NOT NULL,
    source TEXT NOT NULL,
    seen_at BIGINT NOT NULL, received_at BIGINT NOT NULL, host_status TEXT NOT NULL,
    host_reported_at BIGINT, fixmedins_code TEXT, rowid BIGINT GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY(terminal, report_id));

CREATE INDEX card_sighting_card ON card_sighting(card_no);
CREATE INDEX card_sighting_seen ON card_sighting(seen_at);

CREATE TABLE stock_take(terminal TEXT COLLATE "C" NOT NULL, msgid TEXT COLLATE "C" NOT NULL, line INTEGER NOT NULL,
    fixmedins_code TEXT NOT NULL, med_list_codg TEXT NOT NULL, fixmedins_hilist_id TEXT NOT NULL,
    invdate TEXT NOT NULL, inv_cnt INTEGER NOT NULL, rowid BIGINT GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY(terminal, msgid, line));

CREATE TABLE stock_change(terminal TEXT COLLATE "C" NOT NULL, msgid TEXT COLLATE "C" NOT NULL, line INTEGER NOT NULL,
    fixmedins_code TEXT NOT NULL, med_list_codg TEXT NOT NULL, fixmedins_hilist_id TEXT NOT NULL,
    fixmedins_hilist_name TEXT NOT NULL, class TEXT NOT NULL, inv_chg_type TEXT NOT NULL,
    inv_chg_time TEXT NOT NULL, cnt INTEGER NOT NULL, pric BIGINT NOT NULL, rowid BIGINT GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY(terminal, msgid, line));
