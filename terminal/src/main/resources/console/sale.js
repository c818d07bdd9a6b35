// Cashier console: the sale at the till, one at a time. This is the one place that owns a sale's
// state; the page renders it and asks it before doing anything.
//
//   录入 ──F5──▶ 预结算 ──F8──▶ 待收费 ──settled──▶ 已收费 ──实收──▶ 已完成
//    ▲  (items, card, F7 change) │         │ (refused, Esc)            │
//    └───────────────────────────┘◀────────┘                           │
//   已收费 / 已完成: locked; the next scan or F9 starts a new sale (a fresh 录入).
//
// Nothing leaves 已收费 or 已完成 except a new sale, so a paid basket can never be settled again.
// The open basket survives a reload (sessionStorage); one sale can be held (挂单) and recalled (取单).
'use strict';

const SaleState = Object.freeze({
  ENTRY: '录入', PRESETTLED: '预结算', PAYING: '待收费', PAID: '已收费', DONE: '已完成',
});

const Sale = (() => {
  const KEY = 'yibao.console.sale';
  const HELD = 'yibao.console.held';
  const MAX_QTY = 9999;
  const S = SaleState;
  const NEXT = {
    [S.ENTRY]: [S.ENTRY, S.PRESETTLED],
    [S.PRESETTLED]: [S.ENTRY, S.PRESETTLED, S.PAYING],
    [S.PAYING]: [S.PRESETTLED, S.PAID, S.DONE],
    [S.PAID]: [S.DONE],
    [S.DONE]: [],
  };
  const listeners = [];
  let sale = fresh();

  function fresh() {
    return {
      state: S.ENTRY, lines: [], person: null, pre: null, paid: null, settleMsgid: null,
      mode: 'sale', mdtrtId: null, stay: null, acctUsed: true, tendered: null,
    };
  }

  function to(next) {
    if (!NEXT[sale.state].includes(next)) throw new Error('本单' + sale.state + '，不能' + next);
    sale.state = next;
    changed();
  }

  function changed() {
    save();
    listeners.forEach((fn) => fn(sale));
  }

  function locked() {
    return sale.state === S.PAID || sale.state === S.DONE;
  }

  // Refuses any change to a paid sale (the basket, the card, the quantities are locked).
  function requireOpen() {
    if (locked()) throw new Error('本单已收费（结算号 ' + sale.paid.setlinfo.setl_id + '），请扫码或按 F9 开始新交易');
    if (sale.state === S.PAYING) throw new Error('正在收费，请稍候');
  }

  // back to 录入: the pre-settlement no longer matches what is on the counter
  function edited() {
    sale.pre = null;
    sale.settleMsgid = null;
    sale.state = S.ENTRY;
    changed();
  }

  // A whole number of packs unless the item is sold by weight (spec such as "散装" or "/g").
  function packaged(item) {
    return !/^(散装|称重)|\/(g|kg|克|千克)$/.test(item.spec || '');
  }

  // @return a Chinese refusal for a quantity typed at the till, or null when it is fine
  function checkQty(qty, item) {
    if (!Number.isFinite(qty) || qty <= 0) return '数量必须大于 0';
    if (qty > MAX_QTY) return '数量不能超过 ' + MAX_QTY;
    if (item && packaged(item) && !Number.isInteger(qty)) return '“' + item.hilist_name + '”按包装销售，数量必须是整数';
    return null;
  }

  // Adds an item; a repeated scan of the same item (same prescription) adds to its line.
  // @return the index of the line that holds it
  function add(item, qty, rxno) {
    requireOpen();
    const problem = checkQty(qty, item);
    if (problem) throw new Error(problem);
    if (sale.mode === 'discharge') {
      sale.lines = [];
      sale.mode = 'sale';
      sale.mdtrtId = null;
      sale.stay = null;
    }
    let i = sale.lines.findIndex((l) => l.item.hilist_code === item.hilist_code && (l.rxno || '') === (rxno || ''));
    if (i >= 0) {
      const merged = Math.round((sale.lines[i].qty + qty) * 10000) / 10000;
      const over = checkQty(merged, item);
      if (over) throw new Error(over);
      sale.lines[i].qty = merged;
    } else {
      sale.lines.push({ item, qty, rxno: rxno || undefined });
      i = sale.lines.length - 1;
    }
    edited();
    return i;
  }

  function remove(i) {
    requireOpen();
    if (sale.mode === 'discharge') throw new Error('住院费用明细不能在此删除');
    sale.lines.splice(i, 1);
    edited();
  }

  function setPerson(person) {
    requireOpen();
    sale.person = person;
    edited();
  }

  function setAcctUsed(used) {
    requireOpen();
    sale.acctUsed = used;
    edited();
  }

  // A stay at the discharge desk: its lines replace the basket (read-only).
  function setStay(mdtrtId, stay) {
    requireOpen();
    sale.mode = 'discharge';
    sale.mdtrtId = mdtrtId;
    sale.stay = stay;
    sale.lines = stay ? stay.lines.map((l) => ({
      item: { hilist_code: l.med_list_codg, hilist_name: l.name, pric: l.pric, spec: l.spec || '', chrgitm_lv: l.chrgitm_lv },
      qty: Number(l.cnt), amount: l.det_item_fee_sumamt, stay: true,
    })) : [];
    edited();
  }

  function presettled(out) {
    requireOpen();
    sale.pre = out;
    sale.settleMsgid = null;
    to(S.PRESETTLED);
  }

  // F8: the one way into 待收费; the settlement's msgid is kept so a retry is answered, not re-debited
  function paying(newMsgid) {
    requireOpen();
    if (sale.state !== S.PRESETTLED || !sale.pre) throw new Error('请先预结算（F5）');
    sale.settleMsgid = sale.settleMsgid || newMsgid;
    to(S.PAYING);
  }

  // Back from 待收费. Refused or abandoned (Esc): nothing happened, the next try is a new message.
  // No answer (network): the message is kept, so the next try is answered with the first result
  // instead of debiting twice.
  function unpaid(refused) {
    if (sale.state !== S.PAYING) return;
    if (refused) sale.settleMsgid = null;
    to(S.PRESETTLED);
  }

  // A wrong PIN: still 待收费, and the refused message is not replayed, so the next try is a new one.
  function retry(newMsgid) {
    if (sale.state !== S.PAYING) throw new Error('请先预结算（F5）');
    sale.settleMsgid = newMsgid;
    changed();
  }

  function settled(out) {
    sale.paid = out;
    sale.pre = null;
    to(Number(out.setlinfo.psn_cash_pay) > 0 ? S.PAID : S.DONE);
  }

  function tendered(paid, change) {
    sale.tendered = { paid, change };
    if (sale.state === S.PAID) to(S.DONE);
    else changed();
  }

  function start() {
    sale = fresh();
    changed();
  }

  // ---- reload and hold ----

  function basket() {
    return { lines: sale.lines, mode: sale.mode, mdtrtId: sale.mdtrtId, stay: sale.stay, acctUsed: sale.acctUsed };
  }

  function save() {
    try {
      if (sale.state === S.PAID || sale.state === S.DONE || (sale.lines.length === 0 && sale.state === S.ENTRY)) {
        sessionStorage.removeItem(KEY);
      } else {
        sessionStorage.setItem(KEY, JSON.stringify(Object.assign({ state: sale.state, msgid: sale.settleMsgid }, basket())));
      }
    } catch (e) {
      // storage full or disabled: the sale goes on, a reload loses the basket
    }
  }

  function load(key) {
    try {
      const v = JSON.parse(sessionStorage.getItem(key) || 'null');
      return v && Array.isArray(v.lines) ? v : null;
    } catch (e) {
      return null;
    }
  }

  function adopt(saved) {
    sale = fresh();
    sale.lines = saved.lines;
    sale.mode = saved.mode === 'discharge' ? 'discharge' : 'sale';
    sale.mdtrtId = saved.mdtrtId || null;
    sale.stay = saved.stay || null;
    sale.acctUsed = saved.acctUsed !== false;
  }

  // After a reload: the open basket comes back (the card must be read again). A sale that was being
  // paid is not restored: it may have been settled, the cashier checks the journal.
  // @return {restored: n} or {inDoubt: true} or null
  function restore() {
    const saved = load(KEY);
    if (!saved) return null;
    if (saved.state === S.PAYING) {
      sessionStorage.removeItem(KEY);
      return { inDoubt: true };
    }
    adopt(saved);
    changed();
    return { restored: sale.lines.length };
  }

  function hold() {
    requireOpen();
    if (sale.lines.length === 0) throw new Error('没有可挂起的交易');
    if (load(HELD)) throw new Error('已有一笔挂单，请先取单');
    sessionStorage.setItem(HELD, JSON.stringify(basket()));
    start();
  }

  function recall() {
    const held = load(HELD);
    if (!held) throw new Error('没有挂单');
    if (!locked() && sale.lines.length > 0) throw new Error('请先完成或挂起当前交易，再取单');
    sessionStorage.removeItem(HELD);
    adopt(held);
    changed();
    return sale.lines.length;
  }

  function hasHeld() {
    return load(HELD) !== null;
  }

  return {
    get: () => sale, locked, requireOpen, checkQty, add, remove, setPerson, setAcctUsed, setStay, presettled,
    paying, unpaid, retry, settled, tendered, start, restore, hold, recall, hasHeld,
    onChange: (fn) => listeners.push(fn),
  };
})();
