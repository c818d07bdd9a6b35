-- The host store as it stood before its schema was versioned (stop 11), created where missing.
-- A store made before then keeps its tables; V2 adds the columns the oldest of them lack.
CREATE TABLE IF NOT EXISTS terminal(id TEXT PRIMARY KEY, sign_cert BLOB NOT NULL, enrolled_at INTEGER NOT NULL,
    high_seq INTEGER NOT NULL DEFAULT 0, last_hash BLOB, flag TEXT, flagged_at INTEGER,
    journal_head INTEGER NOT NULL DEFAULT 0, last_seen INTEGER);

CREATE TABLE IF NOT EXISTS record(terminal TEXT NOT NULL, seq INTEGER NOT NULL, hash BLOB NOT NULL,
    msgid TEXT NOT NULL UNIQUE, setl_id TEXT NOT NULL, card_no TEXT NOT NULL, card_tti INTEGER, card_counter INTEGER,
    time INTEGER NOT NULL, policy_version TEXT NOT NULL, medfee INTEGER NOT NULL, fund INTEGER NOT NULL,
    acct INTEGER NOT NULL, cash INTEGER NOT NULL, status TEXT NOT NULL DEFAULT 'OK', result TEXT NOT NULL,
    items TEXT, fixmedins_code TEXT,
    PRIMARY KEY(terminal, seq), UNIQUE(card_no, card_tti, card_counter));

CREATE INDEX IF NOT EXISTS record_setl ON record(setl_id);

CREATE TABLE IF NOT EXISTS answered(msgid TEXT PRIMARY KEY, terminal TEXT NOT NULL, infno TEXT NOT NULL,
    target TEXT NOT NULL, response TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS account(card_no TEXT PRIMARY KEY, psn_no TEXT NOT NULL, psn_name TEXT NOT NULL,
    balance INTEGER NOT NULL, ytd_medfee INTEGER NOT NULL DEFAULT 0, ytd_fund INTEGER NOT NULL DEFAULT 0,
    ytd_acct INTEGER NOT NULL DEFAULT 0);

CREATE TABLE IF NOT EXISTS card_list(version INTEGER PRIMARY KEY AUTOINCREMENT, card_no TEXT NOT NULL,
    status TEXT NOT NULL, reported_at INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS policy_pack(version TEXT PRIMARY KEY, bytes BLOB NOT NULL, published_at INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS card_sighting(report_id TEXT NOT NULL,
    terminal TEXT NOT NULL, card_no TEXT NOT NULL, status TEXT NOT NULL, source TEXT NOT NULL,
    seen_at INTEGER NOT NULL, received_at INTEGER NOT NULL, host_status TEXT NOT NULL,
    host_reported_at INTEGER, fixmedins_code TEXT, PRIMARY KEY(terminal, report_id));

CREATE TABLE IF NOT EXISTS stock_take(terminal TEXT NOT NULL, msgid TEXT NOT NULL, line INTEGER NOT NULL,
    fixmedins_code TEXT NOT NULL, med_list_codg TEXT NOT NULL, fixmedins_hilist_id TEXT NOT NULL,
    invdate TEXT NOT NULL, inv_cnt INTEGER NOT NULL, PRIMARY KEY(terminal, msgid, line));

CREATE TABLE IF NOT EXISTS stock_change(terminal TEXT NOT NULL, msgid TEXT NOT NULL, line INTEGER NOT NULL,
    fixmedins_code TEXT NOT NULL, med_list_codg TEXT NOT NULL, fixmedins_hilist_id TEXT NOT NULL,
    fixmedins_hilist_name TEXT NOT NULL, class TEXT NOT NULL, inv_chg_type TEXT NOT NULL,
    inv_chg_time TEXT NOT NULL, cnt INTEGER NOT NULL, pric INTEGER NOT NULL,
    PRIMARY KEY(terminal, msgid, line));
