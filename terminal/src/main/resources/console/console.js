// Cashier console of the yibao counter terminal: vanilla JS, no build step, same-origin calls with
// the session cookie set by /console/login. Keyboard- and scanner-first (see docs/console.md).
'use strict';

const INSUTYPE = { '310': '职工基本医疗保险', '320': '公务员医疗补助', '390': '城乡居民基本医疗保险' };
const CARD_STAS = { '2': '（住院状态）', '3': '（已挂失）', '4': '（黑名单）' };
const CARD_STAS_WARN = { '3': '此卡已挂失，请收回并联系医保经办机构', '4': '此卡已被列入黑名单，不能结算' };
const CLASS = { '01': '甲类', '02': '乙类', '03': '丙类', '09': '非医保' };
const CANCEL = { '2102': '2103', '2207': '2208', '2304': '2305' };
const SPLIT_ROWS = [
  ['medfee_sumamt', '医疗费总额', true], ['fulamt_ownpay_amt', '全自费（丙类）'], ['preselfpay_amt', '先行自付（乙类）'],
  ['inscp_scp_amt', '政策范围内金额'], ['act_pay_dedc', '起付线'], ['hifp_pay', '统筹基金支付'],
  ['cvlserv_pay', '公务员医疗补助'], ['hifob_pay', '大额医疗补助'], ['oth_pay', '其他基金'],
  ['fund_pay_sumamt', '基金支付合计'], ['acct_pay', '个人账户支付', true], ['psn_cash_pay', '现金支付', true],
  ['balc', '结算后余额'],
];

// mode: 'sale' (pharmacy items, 2101/2102) or 'discharge' (an inpatient stay by its mdtrt_id, 2303/2304)
const state = {
  lines: [], person: null, pre: null, settleMsgid: null, results: [], active: 0, serial: 0, mode: 'sale', mdtrtId: null,
};
const $ = (id) => document.getElementById(id);

// ---- calls ----

function msgid() {
  const d = new Date();
  const p = (n, w = 2) => String(n).padStart(w, '0');
  state.serial = (state.serial + 1) % 10000;
  return 'H22010000001' + d.getFullYear() + p(d.getMonth() + 1) + p(d.getDate()) + p(d.getHours())
    + p(d.getMinutes()) + p(d.getSeconds()) + p(state.serial, 4);
}

function infTime() {
  return new Date().toLocaleString('sv-SE').slice(0, 19);
}

class Refused extends Error {
  constructor(answer) {
    super(answer.err_msg || '请求失败');
    this.code = answer.err_code;
  }
}

async function call(infno, input, id) {
  const envelope = { infno, msgid: id || msgid(), inf_time: infTime(), opter_type: '1', opter: 'console', input };
  return post('/api/' + infno, envelope);
}

// POSTs JSON to the terminal's API with the console's session cookie; the output, or throws Refused.
async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  return answer(response);
}

async function answer(response) {
  const body = await response.json();
  if (response.status === 401) {
    showLogin();
  }
  if (body.infcode !== 0) {
    throw new Refused(body);
  }
  return body.output;
}

// ---- messages ----

function say(text, isError) {
  const m = $('message');
  m.textContent = text;
  m.className = isError ? 'error' : '';
  m.hidden = false;
  clearTimeout(say.timer);
  say.timer = setTimeout(() => { m.hidden = true; }, isError ? 6000 : 2500);
}

function fail(error) {
  say(error.message || String(error), true);
}

const yuan = (v) => (v === undefined || v === null ? '—' : Number(v).toFixed(2));

// ---- item entry ----

async function enter(text) {
  let qty = Number($('qty').value) || 1;
  const star = text.match(/^(\d+(?:\.\d+)?)\*(.+)$/);
  if (star) {
    qty = Number(star[1]);
    text = star[2];
  }
  const byCode = await call('1312', { data: { hilist_code: text } });
  if (byCode.data.length === 1) {
    addLine(byCode.data[0], qty);
    return;
  }
  const byName = await call('1312', { data: { hilist_name: text, page_size: 9 } });
  if (byName.data.length === 0) {
    say('医保目录中没有“' + text + '”', true);
  } else if (byName.data.length === 1) {
    addLine(byName.data[0], qty);
  } else {
    showResults(byName.data, qty);
  }
}

function addLine(item, qty) {
  state.mode = 'sale';
  state.lines.push({ item, qty, rxno: $('rxno').value.trim() || undefined });
  $('qty').value = 1;
  $('rxno').value = '';
  $('code').value = '';
  hideResults();
  invalidateSplit();
  renderLines();
  $('code').focus();
}

function showResults(items, qty) {
  state.results = items;
  state.active = 0;
  state.resultQty = qty;
  $('code').value = '';
  renderResults();
  $('results').hidden = false;
}

function hideResults() {
  state.results = [];
  $('results').hidden = true;
}

function renderResults() {
  const ul = $('results');
  ul.replaceChildren(...state.results.map((item, i) => {
    const li = document.createElement('li');
    li.textContent = (i + 1) + '. ' + item.hilist_name + '  ' + (item.spec || '') + '  ¥' + yuan(item.pric);
    li.className = i === state.active ? 'active' : '';
    li.addEventListener('click', () => addLine(item, state.resultQty));
    return li;
  }));
}

function lineTotal(line) {
  return Math.round(Number(line.item.pric) * 100 * line.qty) / 100;
}

function renderLines() {
  const rows = state.lines.map((line, i) => {
    const tr = document.createElement('tr');
    const cells = [i + 1, line.item.hilist_name + (line.item.rx_flag === '1' ? '（处方）' : ''),
      CLASS[line.item.chrgitm_lv] || line.item.chrgitm_lv, yuan(line.item.pric), line.qty, yuan(lineTotal(line))];
    cells.forEach((c, k) => {
      const td = document.createElement('td');
      td.textContent = c;
      if (k >= 3) td.className = 'num';
      tr.append(td);
    });
    const del = document.createElement('button');
    del.textContent = '删除';
    del.className = 'small';
    del.type = 'button';
    del.addEventListener('click', () => removeLine(i));
    const td = document.createElement('td');
    td.append(del);
    tr.append(td);
    return tr;
  });
  $('lines').tBodies[0].replaceChildren(...rows);
  $('lines-total').textContent = yuan(state.lines.reduce((s, l) => s + lineTotal(l), 0));
}

function removeLine(i) {
  state.lines.splice(i, 1);
  invalidateSplit();
  renderLines();
}

// ---- card ----

async function readCard() {
  const person = await call('1101', { data: { mdtrt_cert_type: '03' } });
  state.person = person;
  invalidateSplit();
  const insu = person.insuinfo[0] || {};
  $('psn-name').textContent = person.baseinfo.psn_name;
  $('psn-no').textContent = person.baseinfo.psn_no;
  $('certno').textContent = person.baseinfo.certno || '';
  $('insutype').textContent = INSUTYPE[insu.insutype] || insu.insutype || '';
  const listed = CARD_STAS_WARN[person.cardinfo.card_stas];
  $('card-no').textContent = person.cardinfo.card_no + (CARD_STAS[person.cardinfo.card_stas] || '');
  $('card-no').className = listed ? 'warn' : '';
  $('balc').textContent = yuan(insu.balc) + ' 元';
  $('person').hidden = false;
  say(listed ? listed + '：' + person.baseinfo.psn_name : '读卡成功：' + person.baseinfo.psn_name, Boolean(listed));
}

// ---- split, PIN, settle ----

function sale(extra) {
  if (!state.person) throw new Error('请先读卡');
  if (state.lines.length === 0) throw new Error('没有收费项目');
  return {
    druginfo: Object.assign({ psn_no: state.person.baseinfo.psn_no, med_type: '41', acct_used_flag: '1' }, extra),
    drugdetail: state.lines.map((l, i) => ({
      feedetl_sn: String(i + 1), med_list_codg: l.item.hilist_code, cnt: l.qty, pric: l.item.pric, rxno: l.rxno,
    })),
  };
}

async function preSettle() {
  if (state.mode === 'discharge') {
    await preSettleDischarge();
    return;
  }
  const out = await call('2101', sale({}));
  state.pre = out;
  state.settleMsgid = null;
  renderSplit(out);
  $('confirm').disabled = false;
  $('confirm').focus();
}

// The discharge desk: the stay's fee lines are in the terminal (uploaded by the HIS with 2301);
// the clerk reads the card, scans the stay's number and settles it with the cardholder's PIN.
function discharge(extra) {
  if (!state.person) throw new Error('请先读卡');
  if (!state.mdtrtId) throw new Error('请输入住院号');
  return { data: Object.assign({ psn_no: state.person.baseinfo.psn_no, mdtrt_id: state.mdtrtId, acct_used_flag: '1' },
    extra) };
}

async function preSettleDischarge() {
  const id = $('mdtrt-id').value.trim();
  if (id !== '') state.mdtrtId = id;
  const out = await call('2303', discharge({}));
  state.mode = 'discharge';
  state.pre = out;
  state.settleMsgid = null;
  renderSplit(out);
  $('confirm').disabled = false;
  $('confirm').focus();
  say('出院预结算：住院号 ' + state.mdtrtId);
}

function invalidateSplit() {
  state.pre = null;
  state.settleMsgid = null;
  $('confirm').disabled = true;
  $('split-table').hidden = true;
  $('explain').replaceChildren();
}

function renderSplit(out) {
  const rows = SPLIT_ROWS.map(([field, label, strong]) => {
    const tr = document.createElement('tr');
    tr.dataset.field = field;
    if (strong) tr.className = 'strong';
    const name = document.createElement('td');
    name.textContent = label;
    const value = document.createElement('td');
    value.textContent = yuan(out.setlinfo[field]);
    tr.append(name, value);
    return tr;
  });
  $('split-table').tBodies[0].replaceChildren(...rows);
  $('split-table').hidden = false;
  $('explain').replaceChildren(...out.explain.map((line) => {
    const li = document.createElement('li');
    li.textContent = line.zh;
    return li;
  }));
}

function confirmSale() {
  if (!state.pre) return;
  // a discharge settlement always writes the card (year-to-date, in-hospital state): always the PIN
  if (state.mode === 'discharge' || Number(state.pre.setlinfo.acct_pay) > 0) {
    $('pin-amount').textContent = (state.mode === 'discharge' ? '出院结算 · ' : '') + '个人账户支付 '
      + yuan(state.pre.setlinfo.acct_pay) + ' 元';
    $('pin-error').textContent = '';
    $('pin').value = '';
    $('pin-dialog').hidden = false;
    $('pin').focus();
  } else {
    settle(null).catch(fail);
  }
}

async function settle(pin) {
  state.settleMsgid = state.settleMsgid || msgid();
  const isDischarge = state.mode === 'discharge';
  const agreed = { acct_pay: state.pre.setlinfo.acct_pay };
  const input = isDischarge ? discharge(agreed) : sale(agreed);
  if (pin) input.card_pin = pin;
  let out;
  try {
    out = await call(isDischarge ? '2304' : '2102', input, state.settleMsgid);
  } catch (e) {
    if (e instanceof Refused) state.settleMsgid = null; // refused: nothing happened, next try is a new message
    throw e;
  }
  $('pin-dialog').hidden = true;
  renderSplit(out);
  renderReceipt(out);
  $('balc').textContent = yuan(out.setlinfo.balc) + ' 元';
  $('confirm').disabled = true;
  state.pre = null;
  showTender(out.setlinfo.psn_cash_pay);
  if (isDischarge) {
    $('card-no').textContent = state.person.cardinfo.card_no; // the card is no longer in hospital
    say('出院结算成功，结算号 ' + out.setlinfo.setl_id);
  } else {
    say('收费成功，结算号 ' + out.setlinfo.setl_id);
  }
  refreshStatus();
}

async function submitPin() {
  const pin = $('pin').value;
  if (!/^\d{6}$/.test(pin)) {
    $('pin-error').textContent = '密码为 6 位数字';
    return;
  }
  try {
    await settle(pin);
  } catch (e) {
    $('pin').value = '';
    $('pin-error').textContent = e.message;
    if (e.code !== 'PIN_WRONG') {
      $('pin-dialog').hidden = true;
      fail(e);
    }
  }
}

function renderReceipt(out) {
  const s = out.setlinfo;
  const inpatient = s.med_type === '21';
  const lines = [inpatient ? '      定点医疗机构 出院结算单' : '      定点零售药店 医保结算单',
    '--------------------------------', '结算号：' + s.setl_id]
    .concat(inpatient ? ['住院号：' + s.mdtrt_id] : [])
    .concat(['时间：' + s.setl_time, '姓名：' + s.psn_name + '  编号：' + s.psn_no, '--------------------------------']);
  out.detlcutinfo.forEach((d) => {
    lines.push(d.hilist_name + ' ' + (CLASS[d.chrgitm_lv] || ''));
    lines.push('   ' + d.cnt + ' x ' + yuan(d.pric) + ' = ' + yuan(d.det_item_fee_sumamt));
  });
  lines.push('--------------------------------');
  SPLIT_ROWS.filter(([f]) => Number(s[f]) !== 0 || f === 'psn_cash_pay').forEach(([f, label]) => {
    lines.push(label + '：' + yuan(s[f]));
  });
  lines.push('--------------------------------', '请妥善保管，当日可撤销');
  $('receipt').textContent = lines.join('\n');
}

// The cash share after a settlement: the cashier types what the customer handed over, Enter shows
// the change (here and on the customer display).
function showTender(cashDue) {
  const due = Number(cashDue);
  $('tender-form').hidden = !(due > 0);
  $('cash-due').textContent = yuan(due);
  $('change').textContent = '—';
  $('tendered').value = '';
  if (due > 0) $('tendered').focus();
}

async function tender() {
  const text = $('tendered').value.trim();
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(text)) throw new Error('实收金额格式不正确');
  const out = await post('/api/tender', { paid: text });
  $('change').textContent = yuan(out.change);
  say('找零 ' + yuan(out.change) + ' 元');
}

function newSale() {
  $('tender-form').hidden = true;
  state.lines = [];
  state.person = null;
  state.mode = 'sale';
  state.mdtrtId = null;
  $('mdtrt-id').value = '';
  $('person').hidden = true;
  $('receipt').textContent = '（结算后显示）';
  invalidateSplit();
  renderLines();
  $('code').focus();
}

// ---- journal, status ----

async function searchJournal() {
  const q = $('journal-q').value.trim();
  const data = q === '' ? {} : (q.startsWith('S') ? { setl_id: q } : { psn_no: q });
  const out = await call('5203', { data: Object.assign({ page_size: 50 }, data) });
  $('journal-table').tBodies[0].replaceChildren(...out.data.map(journalRow));
}

function journalRow(e) {
  const tr = document.createElement('tr');
  const stateZh = { SETTLED: '已结算', CANCELLED: '已撤销', REVERSAL: '撤销记录' }[e.state] || e.state;
  [e.seq, e.setl_id, e.infno, e.psn_name, e.setl_time, yuan(e.medfee_sumamt), yuan(e.acct_pay), yuan(e.psn_cash_pay),
    stateZh, e.uploaded ? '已上传' : '待上传'].forEach((c) => {
    const td = document.createElement('td');
    td.textContent = c;
    tr.append(td);
  });
  const td = document.createElement('td');
  if (e.state === 'SETTLED' && CANCEL[e.infno]) {
    const b = document.createElement('button');
    b.className = 'small';
    b.type = 'button';
    b.textContent = '撤销';
    b.addEventListener('click', () => cancelSettlement(e).catch(fail));
    td.append(b);
  }
  tr.append(td);
  return tr;
}

async function cancelSettlement(e) {
  if (!window.confirm('撤销结算 ' + e.setl_id + '？个人账户将退回 ' + yuan(e.acct_pay) + ' 元')) return;
  await call(CANCEL[e.infno], { data: { setl_id: e.setl_id, mdtrt_id: e.mdtrt_id, psn_no: e.psn_no } });
  say('已撤销 ' + e.setl_id);
  await searchJournal();
  refreshStatus();
}

async function refreshStatus() {
  try {
    const response = await fetch('/api/status', { credentials: 'same-origin' });
    const out = await answer(response);
    const sync = out.sync;
    $('sync').textContent = '待上传 ' + sync.queued + ' 笔 · 最后确认 #' + sync.last_ack_seq
      + (sync.last_ack_time ? '（' + sync.last_ack_time.slice(11) + '）' : '')
      + (sync.host_reachable ? '' : ' · 中心连接中断');
    $('sync').className = 'pill' + (sync.host_reachable ? '' : ' warn');
    const t = out.today;
    $('today').textContent = '今日 ' + t.setl_cnt + ' 笔 · 总额 ' + yuan(t.medfee_sumamt) + ' · 统筹 '
      + yuan(t.fund_pay_sumamt) + ' · 账户 ' + yuan(t.acct_pay) + ' · 现金 ' + yuan(t.psn_cash_pay);
    const r = out.reconciliation;
    $('recon').textContent = '对账：' + (r.stmt_rslt_dscr || '—');
    $('recon').className = 'pill' + (r.stmt_rslt === '0' ? ' ok' : (r.stmt_rslt ? ' warn' : ''));
    renderPrinter(out.printer);
  } catch (e) {
    $('sync').textContent = '同步：' + e.message;
  }
}

// The receipt printer: receipts kept while it was off or out of paper, and the reprint (F10).
function renderPrinter(printer) {
  const pill = $('printer');
  pill.hidden = !printer || !printer.configured;
  if (pill.hidden) return;
  const trouble = printer.pending > 0 || printer.problem;
  pill.textContent = printer.pending > 0 ? '小票待补打 ' + printer.pending + ' 张（F10）'
    : (printer.problem ? '打印机：' + printer.message : '打印机正常');
  pill.className = 'pill' + (trouble ? ' warn' : '');
}

async function reprint() {
  const out = await post('/api/reprint', {});
  renderPrinter(out.printer);
  if (out.printer.problem) {
    say(out.printer.message, true);
  } else {
    say('已补打小票');
  }
}

function showLogin() {
  $('login').hidden = false;
  $('login-token').focus();
}

// ---- keyboard ----

const KEYS = {
  F2: () => $('code').focus(),
  F3: () => $('mdtrt-id').focus(),
  F4: () => readCard().catch(fail),
  F5: () => preSettle().catch(fail),
  F6: () => $('journal-q').focus(),
  F8: () => confirmSale(),
  F9: () => newSale(),
  F10: () => reprint().catch(fail),
};

function onKey(event) {
  if (!$('pin-dialog').hidden) {
    if (event.key === 'Escape') $('pin-dialog').hidden = true;
    return;
  }
  const action = KEYS[event.key];
  if (action) {
    event.preventDefault();
    action();
  }
}

function onCodeKey(event) {
  if (state.results.length > 0 && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
    event.preventDefault();
    const n = state.results.length;
    state.active = (state.active + (event.key === 'ArrowDown' ? 1 : n - 1)) % n;
    renderResults();
  } else if (event.key === 'Enter') {
    event.preventDefault();
    onEntry();
  } else if (event.key === 'Escape') {
    hideResults();
  } else if (event.key === 'Delete' && $('code').value === '' && state.lines.length > 0) {
    removeLine(state.lines.length - 1);
  }
}

// Enter in the code field (a scanner ends every code with Enter): add the item, or pick a result.
function onEntry() {
  const text = $('code').value.trim();
  if (state.results.length > 0 && text === '') {
    addLine(state.results[state.active], state.resultQty);
  } else if (state.results.length > 0 && /^[1-9]$/.test(text) && state.results[Number(text) - 1]) {
    addLine(state.results[Number(text) - 1], state.resultQty);
  } else if (text !== '') {
    enter(text).catch(fail);
  }
}

function init() {
  document.addEventListener('keydown', onKey);
  $('entry-form').addEventListener('submit', (e) => { e.preventDefault(); onEntry(); });
  $('code').addEventListener('keydown', onCodeKey);
  $('read-card').addEventListener('click', () => readCard().catch(fail));
  $('presettle').addEventListener('click', () => preSettle().catch(fail));
  $('confirm').addEventListener('click', confirmSale);
  $('new-sale').addEventListener('click', newSale);
  $('reprint').addEventListener('click', () => reprint().catch(fail));
  $('tender-form').addEventListener('submit', (e) => { e.preventDefault(); tender().catch(fail); });
  $('pin-form').addEventListener('submit', (e) => { e.preventDefault(); submitPin(); });
  $('journal-form').addEventListener('submit', (e) => { e.preventDefault(); searchJournal().catch(fail); });
  $('discharge-form').addEventListener('submit', (e) => { e.preventDefault(); preSettleDischarge().catch(fail); });
  $('login-form').addEventListener('submit', (e) => {
    // the token goes in a POST body, never in a URL (history, logs); the answer sets the cookie
    e.preventDefault();
    post('/console/login', { token: $('login-token').value })
      .then(() => window.location.replace('/console/'))
      .catch(fail);
  });
  refreshStatus();
  setInterval(refreshStatus, 5000);
  $('code').focus();
}

document.addEventListener('DOMContentLoaded', init);
