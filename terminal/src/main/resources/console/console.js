// Cashier console of the yibao counter terminal: vanilla JS, no build step, same-origin calls with
// the session cookie set by /console/login. Keyboard- and scanner-first (see docs/console.md).
// api.js talks to the terminal, sale.js owns the sale's state; this file draws the page and maps
// the keys. After every action, success or error, the focus goes back to the code field.
'use strict';

const INSUTYPE = { '310': '职工基本医疗保险', '320': '公务员医疗补助', '390': '城乡居民基本医疗保险' };
const CARD_STAS = { '2': '（住院状态）', '3': '（已挂失）', '4': '（黑名单）' };
const CARD_STAS_WARN = { '3': '此卡已挂失，请收回并联系医保经办机构', '4': '此卡已被列入黑名单，不能结算' };
const CLASS = { '01': '甲类', '02': '乙类', '03': '丙类', '09': '非医保' };
const CANCEL = { '2102': '2103', '2207': '2208', '2304': '2305' };
const INFNO = { '2102': '药店结算', '2103': '药店撤销', '2207': '门诊结算', '2208': '门诊撤销', '2304': '出院结算', '2305': '出院撤销' };
const PIN_WRONG = ['PIN_WRONG'];
const PIN_LOCKED = ['PIN_LOCKED'];
const SPLIT_ROWS = [
  ['medfee_sumamt', '医疗费总额', true], ['fulamt_ownpay_amt', '全自费（丙类）'], ['preselfpay_amt', '先行自付（乙类）'],
  ['inscp_scp_amt', '政策范围内金额'], ['act_pay_dedc', '起付线'], ['hifp_pay', '统筹基金支付'],
  ['cvlserv_pay', '公务员医疗补助'], ['hifob_pay', '大额医疗补助'], ['oth_pay', '其他基金'],
  ['fund_pay_sumamt', '基金支付合计'], ['acct_pay', '个人账户支付', true], ['psn_cash_pay', '现金支付', true],
  ['balc', '结算后余额'],
];
const $ = (id) => document.getElementById(id);
const yuan = (v) => (v === undefined || v === null || v === '' ? '0.00' : Number(v).toFixed(2));
const ui = { results: [], active: 0, resultQty: 1, faulty: new Set(), flash: -1 };

// ---- messages and focus ----

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

// Where the cashier's next keystroke goes: the PIN box, 实收 while cash is due, else the code field.
function refocus() {
  if (!$('pin-dialog').hidden) {
    $('pin').focus();
  } else if (!$('login').hidden) {
    if (!$('login-token-box').hidden) $('login-token').focus();
  } else if (Sale.get().state === SaleState.PAID && !$('tender-form').hidden) {
    $('tendered').focus();
  } else {
    $('code').focus();
  }
}

// Runs a cashier's action: an error is said in Chinese, and the focus always comes back.
async function act(work) {
  try {
    await work();
  } catch (e) {
    fail(e);
  } finally {
    refocus();
  }
}

// ---- item entry ----

function typedQty(text) {
  const star = text.match(/^([^*]*)\*(.+)$/);
  const raw = star ? star[1] : $('qty').value.trim() || '1';
  return { qty: /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN, text: star ? star[2].trim() : text };
}

async function enter(scanned) {
  if (Sale.locked()) newSale(); // the next scan after a paid sale starts a new one
  const { qty, text } = typedQty(scanned);
  const problem = Sale.checkQty(qty, null);
  if (problem) throw new Error(problem + '（“' + scanned + '”未录入）');
  const byCode = await Api.call('1312', { data: { hilist_code: text } });
  if (byCode.data.length === 1) {
    addLine(byCode.data[0], qty);
    return;
  }
  const found = await search(text);
  if (found.length === 0) {
    throw new Error('未找到“' + text + '”：医保目录中没有此商品，请核对后重新扫码');
  } else if (found.length === 1) {
    addLine(found[0], qty);
  } else {
    showResults(found, qty);
  }
}

// A name, or pinyin initials ("amxl" → 阿莫西林): 1312 matches both (the catalog carries each name's initials).
async function search(text) {
  return (await Api.call('1312', { data: { hilist_name: text, page_size: 9 } })).data;
}

function addLine(item, qty) {
  const i = Sale.add(item, qty, $('rxno').value.trim());
  $('qty').value = 1;
  $('rxno').value = '';
  hideResults();
  ui.faulty.clear();
  ui.flash = i;
  render();
  refocus();
}

function showResults(items, qty) {
  ui.results = items;
  ui.active = 0;
  ui.resultQty = qty;
  renderResults();
  $('results').hidden = false;
}

function hideResults() {
  ui.results = [];
  $('results').hidden = true;
}

function renderResults() {
  $('results').replaceChildren(...ui.results.map((item, i) => {
    const li = document.createElement('li');
    li.textContent = (i + 1) + '. ' + item.hilist_name + '  ' + (item.spec || '') + '  ¥' + yuan(item.pric);
    li.title = item.hilist_name;
    li.className = i === ui.active ? 'active' : '';
    li.addEventListener('click', () => act(async () => addLine(item, ui.resultQty)));
    return li;
  }));
}

// ---- drawing the sale ----

function lineTotal(line) {
  return line.amount !== undefined ? Number(line.amount) : Math.round(Number(line.item.pric) * 100 * line.qty) / 100;
}

function cell(text, cls, title) {
  const td = document.createElement('td');
  td.textContent = text;
  if (cls) td.className = cls;
  if (title) td.title = title;
  return td;
}

function renderLines(sale) {
  const lock = Sale.locked();
  const rows = sale.lines.map((line, i) => {
    const tr = document.createElement('tr');
    const name = line.item.hilist_name + (line.item.rx_flag === '1' ? '（处方）' : '');
    tr.append(cell(i + 1, 'n'), cell(name, 'name', name + (line.rxno ? ' · 处方号 ' + line.rxno : '')),
      cell(line.item.spec || '', 'spec', line.item.spec || ''), cell(CLASS[line.item.chrgitm_lv] || line.item.chrgitm_lv || '', 'short'),
      cell(yuan(line.item.pric), 'num'), cell(line.qty, 'num'), cell(yuan(lineTotal(line)), 'num'));
    const td = cell('', 'short');
    if (!line.stay) {
      const del = document.createElement('button');
      del.textContent = '删除';
      del.className = 'small';
      del.type = 'button';
      del.disabled = lock;
      del.addEventListener('click', () => act(async () => removeLine(i)));
      td.append(del);
    }
    tr.append(td);
    if (ui.faulty.has(i)) tr.classList.add('fault');
    if (ui.flash === i) tr.classList.add('flash');
    return tr;
  });
  $('lines').tBodies[0].replaceChildren(...rows);
  $('lines-total').textContent = yuan(sale.lines.reduce((s, l) => s + lineTotal(l), 0));
  $('lines-count').textContent = sale.lines.length ? '（' + sale.lines.length + ' 行）' : '';
  const shown = rows[ui.flash >= 0 ? ui.flash : rows.length - 1];
  if (shown) shown.scrollIntoView({ block: 'nearest' });
  ui.flash = -1;
}

function renderDue(out) {
  const s = out ? out.setlinfo : {};
  $('due-total').textContent = yuan(s.medfee_sumamt);
  $('due-fund').textContent = yuan(s.fund_pay_sumamt);
  $('due-acct').textContent = yuan(s.acct_pay);
  $('due-cash').textContent = yuan(s.psn_cash_pay);
}

// The split: rows of a fund that pays nothing are hidden (the explanation keeps them).
function renderSplit(out) {
  const rows = SPLIT_ROWS.map(([field, label, strong]) => {
    const tr = document.createElement('tr');
    tr.dataset.field = field;
    if (strong) tr.className = 'strong';
    tr.hidden = !strong && field !== 'balc' && Number(out.setlinfo[field] || 0) === 0;
    tr.append(cell(label), cell(yuan(out.setlinfo[field])));
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

function render() {
  const sale = Sale.get();
  const lock = Sale.locked();
  $('sale-state').textContent = sale.state + (sale.mode === 'discharge' ? ' · 出院结算' : '');
  $('sale-state').className = 'state' + (lock ? ' paid' : '');
  $('acct-flag').hidden = sale.acctUsed;
  $('held-flag').hidden = !Sale.hasHeld();
  ['qty', 'rxno', 'mdtrt-id'].forEach((id) => { $(id).disabled = lock; });
  ['read-card', 'presettle', 'no-acct', 'hold'].forEach((id) => { $(id).disabled = lock; });
  $('code').placeholder = lock ? '本单' + sale.state + ' · 扫码或按 F9 开始新交易' : '扫码或输入后按回车';
  $('code').classList.toggle('locked', lock);
  $('confirm').disabled = sale.state !== SaleState.PRESETTLED;
  $('no-acct').firstChild.textContent = sale.acctUsed ? '不使用账户 ' : '使用账户 ';
  renderLines(sale);
  const shown = sale.paid || sale.pre;
  renderDue(shown);
  if (shown) renderSplit(shown);
  else {
    $('split-table').hidden = true;
    $('explain').replaceChildren();
  }
}

// ---- card ----

function renderPerson(person) {
  const insu = person.insuinfo[0] || {};
  $('psn-name').textContent = person.baseinfo.psn_name;
  $('psn-name').title = person.baseinfo.psn_name;
  $('psn-no').textContent = person.baseinfo.psn_no;
  $('certno').textContent = person.baseinfo.certno || '';
  $('insutype').textContent = INSUTYPE[insu.insutype] || insu.insutype || '';
  $('card-no').textContent = person.cardinfo.card_no + (CARD_STAS[person.cardinfo.card_stas] || '');
  $('card-no').className = CARD_STAS_WARN[person.cardinfo.card_stas] ? 'warn' : '';
  $('balc').textContent = yuan(insu.balc) + ' 元';
  $('person').hidden = false;
}

async function readCard() {
  Sale.requireOpen();
  const person = await Api.call('1101', { data: { mdtrt_cert_type: '03' } });
  Sale.setPerson(person);
  renderPerson(person);
  const listed = CARD_STAS_WARN[person.cardinfo.card_stas];
  say(listed ? listed + '：' + person.baseinfo.psn_name : '读卡成功：' + person.baseinfo.psn_name, Boolean(listed));
}

function removeLine(i) {
  Sale.remove(i);
  ui.faulty.clear();
  render();
}

// ---- hold and recall (挂单 / 取单) ----

function hold() {
  Sale.hold();
  newSale();
  say('已挂单，可按 Alt+Q 取单');
}

function recall() {
  if (Sale.locked()) newSale();
  const n = Sale.recall();
  $('person').hidden = true;
  render();
  say('已取单：' + n + ' 行，请重新读卡');
}

// ---- journal ----

async function searchJournal() {
  const q = $('journal-q').value.trim();
  if (q.length > 40) throw new Error('查询条件过长');
  const data = q === '' ? {} : (/^S/i.test(q) ? { setl_id: q.toUpperCase() } : { psn_no: q });
  const out = await Api.call('5203', { data: Object.assign({ page_size: 50 }, data) });
  const rows = out.data.map(journalRow);
  if (rows.length === 0) {
    const tr = document.createElement('tr');
    const td = cell(q === '' ? '暂无交易记录' : '没有找到“' + q + '”的交易', 'empty');
    td.colSpan = 11;
    tr.append(td);
    rows.push(tr);
  }
  $('journal-table').tBodies[0].replaceChildren(...rows);
}

function journalRow(e) {
  const tr = document.createElement('tr');
  const stateZh = { SETTLED: '已结算', CANCELLED: '已撤销', REVERSAL: '撤销记录' }[e.state] || e.state;
  [e.seq, e.setl_id, INFNO[e.infno] || e.infno, e.psn_name, e.setl_time, yuan(e.medfee_sumamt), yuan(e.acct_pay),
    yuan(e.psn_cash_pay), stateZh, e.uploaded ? '已上传' : '待上传'].forEach((c, k) => {
    tr.append(cell(c, k >= 5 && k <= 7 ? 'num' : '', k === 3 ? c : null));
  });
  const td = cell('', 'short');
  if (e.state === 'SETTLED' && CANCEL[e.infno]) {
    const b = document.createElement('button');
    b.className = 'small';
    b.type = 'button';
    b.textContent = '撤销';
    b.addEventListener('click', () => act(() => cancelSettlement(e)));
    td.append(b);
  }
  tr.append(td);
  return tr;
}

// Cancellation: the supervisor's dialog (cancel.js) where the terminal has it, else a confirmation
// naming both what goes back to the account and the cash to hand back.
async function cancelSettlement(e) {
  if (window.YibaoCancel && typeof window.YibaoCancel.open === 'function') {
    const result = await window.YibaoCancel.open(e);
    if (!result) return;
  } else {
    if (!window.confirm('撤销结算 ' + e.setl_id + '？\n个人账户退回 ' + yuan(e.acct_pay) + ' 元\n退还现金 '
      + yuan(e.psn_cash_pay) + ' 元')) return;
    await Api.call(CANCEL[e.infno], { data: { setl_id: e.setl_id, mdtrt_id: e.mdtrt_id, psn_no: e.psn_no } });
  }
  say('已撤销 ' + e.setl_id + '，请退还现金 ' + yuan(e.psn_cash_pay) + ' 元');
  await searchJournal();
  Status.refresh();
}

async function reprint() {
  const out = await Api.post('/api/reprint', {});
  Status.printer(out.printer);
  if (out.printer.problem) {
    say(out.printer.message, true);
  } else {
    say('已补打小票');
  }
}

// ---- operator and session ----

async function showOperator() {
  let op = null;
  try {
    op = await Api.me();
  } catch (e) {
    op = null; // no operators on this terminal (or it does not answer yet): no name shown
  }
  $('operator').hidden = !op;
  $('shift').hidden = !op;
  $('logout').hidden = !op;
  if (op) $('operator').textContent = (op.role === 'supervisor' ? '主管 ' : '收银员 ') + op.opter_name;
}

async function logout() {
  await Api.post('/console/logout', {}).catch(() => null);
  window.location.assign('/console/login');
}

let everIn = false;

async function sessionExpired() {
  if (!$('login').hidden) return;
  $('login').querySelector('h2').textContent = everIn ? '登录已过期，请重新登录' : '请登录';
  let page = false;
  try {
    // the operators' login page where the terminal has one (GET /console/login answers a page)
    const r = await fetch('/console/login', { credentials: 'same-origin' });
    page = r.ok && (r.headers.get('Content-Type') || '').startsWith('text/html');
  } catch (e) {
    page = false;
  }
  $('login-page').hidden = !page;
  $('login-token-box').hidden = page;
  $('login').hidden = false;
  refocus();
}

// ---- keyboard ----

const KEYS = {
  F2: () => $('code').focus(),
  F3: () => (Sale.locked() ? act(async () => Sale.requireOpen()) : $('mdtrt-id').focus()),
  F4: () => act(readCard),
  F5: () => act(preSettle),
  F6: () => $('journal-q').focus(),
  F7: () => act(toggleAccount),
  F8: () => act(confirmSale),
  F9: () => act(async () => newSale()),
  F10: () => act(reprint),
};
const ALT_KEYS = { g: () => act(async () => hold()), q: () => act(async () => recall()) };

function onKey(event) {
  if (!$('pin-dialog').hidden) {
    if (event.key === 'Escape') {
      event.preventDefault();
      cancelPin();
      refocus();
    }
    return;
  }
  const action = event.altKey ? ALT_KEYS[event.key.toLowerCase()] : KEYS[event.key];
  if (action) {
    event.preventDefault();
    action();
  }
}

function onCodeKey(event) {
  if (ui.results.length > 0 && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
    event.preventDefault();
    const n = ui.results.length;
    ui.active = (ui.active + (event.key === 'ArrowDown' ? 1 : n - 1)) % n;
    renderResults();
  } else if (event.key === 'Enter') {
    event.preventDefault();
    onEntry();
  } else if (event.key === 'Escape') {
    hideResults();
  } else if (event.key === 'Delete' && $('code').value === '' && Sale.get().lines.length > 0 && !Sale.locked()) {
    act(async () => removeLine(Sale.get().lines.length - 1));
  }
}

// Enter in the code field (a scanner ends every code with Enter): add the item, or pick a result.
// The field is cleared at once, so a bad scan never sticks to the next one.
function onEntry() {
  const text = $('code').value.trim();
  $('code').value = '';
  if (ui.results.length > 0 && text === '') {
    act(async () => addLine(ui.results[ui.active], ui.resultQty));
  } else if (ui.results.length > 0 && /^[1-9]$/.test(text) && ui.results[Number(text) - 1]) {
    act(async () => addLine(ui.results[Number(text) - 1], ui.resultQty));
  } else if (text !== '') {
    hideResults();
    act(() => enter(text));
  }
}

function init() {
  document.addEventListener('keydown', onKey);
  $('entry-form').addEventListener('submit', (e) => { e.preventDefault(); onEntry(); });
  $('code').addEventListener('keydown', onCodeKey);
  $('read-card').addEventListener('click', () => act(readCard));
  $('presettle').addEventListener('click', () => act(preSettle));
  $('confirm').addEventListener('click', () => act(confirmSale));
  $('no-acct').addEventListener('click', () => act(toggleAccount));
  $('new-sale').addEventListener('click', () => act(async () => newSale()));
  $('hold').addEventListener('click', () => act(async () => hold()));
  $('recall').addEventListener('click', () => act(async () => recall()));
  $('reprint').addEventListener('click', () => act(reprint));
  $('tender-form').addEventListener('submit', (e) => { e.preventDefault(); act(tender); });
  $('pin-form').addEventListener('submit', (e) => { e.preventDefault(); act(submitPin); });
  $('journal-form').addEventListener('submit', (e) => { e.preventDefault(); act(searchJournal); });
  $('discharge-form').addEventListener('submit', (e) => { e.preventDefault(); act(enterStay); });
  $('logout').addEventListener('click', () => act(logout));
  $('login-form').addEventListener('submit', (e) => {
    // the token goes in a POST body, never in a URL (history, logs); the answer sets the cookie
    e.preventDefault();
    Api.post('/console/login', { token: $('login-token').value })
      .then(() => window.location.replace('/console/'))
      .catch(fail);
  });
  Api.on('expired', sessionExpired);
  Api.on('ok', () => { everIn = true; });
  const restored = Sale.restore();
  render();
  if (restored && restored.inDoubt) {
    say('刷新前有一笔交易正在收费，请在交易查询（F6）中核对是否已收费', true);
    act(searchJournal);
  } else if (restored) {
    say('已恢复未完成的交易：' + restored.restored + ' 行，请重新读卡');
  }
  Status.refresh();
  showOperator();
  setInterval(Status.refresh, 5000);
  refocus();
}

document.addEventListener('DOMContentLoaded', init);
