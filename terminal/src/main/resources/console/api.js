// Cashier console: calls to the terminal, the status bar and the login state. Every failure a
// cashier can meet is turned into Chinese here: a terminal that does not answer, an expired
// session, an answer that is not JSON, an English detail appended to a refusal.
'use strict';

const TERMINAL_DOWN = '终端服务未响应，请检查终端程序是否在运行';
const SESSION_EXPIRED = '登录已过期，请重新登录';

class Refused extends Error {
  constructor(answer, status) {
    super(Api.chinese(answer.err_msg) || '请求失败');
    this.code = answer.err_code;
    this.status = status;
  }
}

const Api = (() => {
  let serial = 0;
  let operator = null;
  const listeners = { down: [], up: [], expired: [], ok: [] };

  function on(event, fn) { listeners[event].push(fn); }
  function emit(event, arg) { listeners[event].forEach((fn) => fn(arg)); }

  function msgid() {
    const d = new Date();
    const p = (n, w = 2) => String(n).padStart(w, '0');
    serial = (serial + 1) % 10000;
    return 'H22010000001' + d.getFullYear() + p(d.getMonth() + 1) + p(d.getDate()) + p(d.getHours())
      + p(d.getMinutes()) + p(d.getSeconds()) + p(serial, 4);
  }

  function infTime() {
    return new Date().toLocaleString('sv-SE').slice(0, 19);
  }

  // The Chinese part of a refusal: the terminal may append an English detail after "：".
  function chinese(text) {
    if (!text) return text;
    const cut = text.indexOf('：');
    if (cut > 0 && /^[\x20-\x7E]*$/.test(text.slice(cut + 1))) return text.slice(0, cut);
    return text;
  }

  // fetch with the session cookie; a terminal that does not answer becomes one Chinese error
  async function send(path, init) {
    let response;
    try {
      response = await fetch(path, Object.assign({ credentials: 'same-origin' }, init));
    } catch (e) {
      emit('down');
      throw new Error(TERMINAL_DOWN);
    }
    emit('up');
    return response;
  }

  async function read(response) {
    let body;
    try {
      body = await response.json();
    } catch (e) {
      throw new Refused({ err_code: 'BAD_ANSWER', err_msg: '终端应答无法识别（HTTP ' + response.status + '）' },
        response.status);
    }
    if (response.status === 401) {
      emit('expired');
      throw new Refused({ err_code: 'SESSION_EXPIRED', err_msg: SESSION_EXPIRED }, 401);
    }
    if (body.infcode !== 0) throw new Refused(body, response.status);
    emit('ok');
    return body.output;
  }

  async function post(path, body) {
    return read(await send(path, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    }));
  }

  async function get(path) {
    return read(await send(path, { method: 'GET' }));
  }

  async function call(infno, input, id) {
    const envelope = {
      infno, msgid: id || msgid(), inf_time: infTime(), opter_type: '1',
      opter: operator ? operator.opter_id : 'console', input,
    };
    if (operator) envelope.opter_name = operator.opter_name;
    return post('/api/' + infno, envelope);
  }

  // An endpoint another part of the terminal may not offer (yet): null when the path is unknown.
  async function optional(path) {
    const response = await send(path, { method: 'GET' });
    if (response.status === 404 || response.status === 405) {
      let body = null;
      try { body = await response.clone().json(); } catch (e) { body = null; }
      if (!body || body.err_code === 'NOT_FOUND' || body.err_code === 'METHOD_NOT_ALLOWED') return null;
    }
    if (response.ok) {
      // the console's own endpoints may answer plain JSON rather than the national envelope
      const body = await response.clone().json().catch(() => null);
      if (body && body.infcode === undefined) return body;
    }
    return read(response);
  }

  // GET /console/api/me: {opter_id, opter_name, role}, plain or in an envelope; null without operators
  async function me() {
    const response = await send('/console/api/me', { method: 'GET' });
    if (!response.ok) return null;
    let body;
    try { body = await response.json(); } catch (e) { return null; }
    const out = body && body.output ? body.output : body;
    operator = out && out.opter_id ? out : null;
    return operator;
  }

  return { on, msgid, chinese, post, get, call, optional, me, operator: () => operator };
})();

// ---- the status bar ----

const Status = (() => {
  const $ = (id) => document.getElementById(id);
  const yuan = (v) => (v === undefined || v === null ? '0.00' : Number(v).toFixed(2));
  let terminalDown = false;

  function pill(id, text, cls) {
    $(id).textContent = text;
    $(id).className = 'pill' + (cls ? ' ' + cls : '');
  }

  function hhmm(time) {
    return time ? time.slice(11, 16) : null;
  }

  function show(out) {
    terminalDown = false;
    const s = out.sync;
    const last = hhmm(s.last_ack_time);
    const text = '待上传 ' + s.queued + ' 笔 · ' + (last ? '最后上传 ' + last : '尚未上传');
    pill('sync', s.host_reachable ? text : '中心连接中断 · ' + text, s.host_reachable ? '' : 'warn');
    const t = out.today;
    pill('today', '今日 ' + t.setl_cnt + ' 笔 · 总额 ' + yuan(t.medfee_sumamt) + ' · 统筹 '
      + yuan(t.fund_pay_sumamt) + ' · 账户 ' + yuan(t.acct_pay) + ' · 现金 ' + yuan(t.psn_cash_pay));
    const r = out.reconciliation;
    pill('recon', '对账：' + (r.stmt_rslt_dscr || '今日尚未对账'), r.stmt_rslt === '0' ? 'ok' : (r.stmt_rslt ? 'warn' : ''));
    printer(out.printer);
  }

  function down() {
    terminalDown = true;
    pill('sync', '终端服务未响应', 'warn');
    pill('recon', '对账：未知（终端未响应）');
  }

  // The receipt printer: receipts kept while it was off or out of paper, and the reprint (F10).
  function printer(p) {
    const el = $('printer');
    el.hidden = !p || !p.configured;
    if (el.hidden) return;
    const trouble = p.pending > 0 || p.problem;
    pill('printer', p.pending > 0 ? '小票待补打 ' + p.pending + ' 张（F10）'
      : (p.problem ? '打印机：' + p.message : '打印机正常'), trouble ? 'warn' : '');
  }

  async function refresh() {
    try {
      show(await Api.get('/api/status'));
    } catch (e) {
      if (e.message === TERMINAL_DOWN) down();
    }
  }

  Api.on('down', down);
  Api.on('up', () => {
    if (terminalDown) {
      terminalDown = false;
      refresh();
    }
  });
  return { refresh, printer };
})();
