// 交班 (shift report) of the logged-in operator, or of ?opter_id= for a supervisor: counts, totals by
// who paid, cancellations and the cash expected in the drawer; printable; 交班 closes the shift.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const yuan = (v) => Number(v || 0).toFixed(2);
  const ROWS = [
    ['setl_cnt', '结算笔数', (v) => v + ' 笔'],
    ['cancel_cnt', '撤销笔数', (v) => v + ' 笔'],
    ['medfee_sumamt', '医疗费总额（净额）', yuan],
    ['fund_pay_sumamt', '统筹基金等支付', yuan],
    ['acct_pay', '个人账户支付', yuan],
    ['psn_cash_pay', '现金收取', yuan],
    ['cash_refunded', '撤销退还现金', yuan],
    ['cash_expected', '钱箱应有现金', yuan],
  ];

  async function call(path, method) {
    const response = await fetch(path, {
      method, credentials: 'same-origin',
      headers: method === 'POST' ? { 'Content-Type': 'application/json' } : {},
      body: method === 'POST' ? '{}' : undefined,
    });
    if (response.status === 401) {
      window.location.replace('/console/login');
      throw new Error('请先登录');
    }
    const body = await response.json();
    if (body.infcode !== 0) throw new Error(body.err_msg || '读取失败');
    return body.output;
  }

  function render(r, closed) {
    $('shift-title').textContent = (closed ? '交班报表（已交班）· ' : '交班报表 · ') + r.opter_id + ' ' + r.opter_name;
    $('shift-period').textContent = '班次：' + r.begin_time + ' 至 ' + r.end_time + (r.truncated ? '（记录过多，仅统计最近 200 笔）' : '');
    $('shift-table').tBodies[0].replaceChildren(...ROWS.map(([key, label, fmt]) => {
      const tr = document.createElement('tr');
      tr.id = 'shift-' + key.replace(/_/g, '-');
      if (key === 'cash_expected') tr.className = 'strong';
      const a = document.createElement('td');
      a.textContent = label;
      const b = document.createElement('td');
      b.textContent = fmt(r[key]);
      tr.append(a, b);
      return tr;
    }));
  }

  function fail(e) {
    $('shift-error').textContent = e.message || String(e);
  }

  async function load() {
    const who = new URLSearchParams(window.location.search).get('opter_id');
    render(await call('/console/api/shift' + (who ? '?opter_id=' + encodeURIComponent(who) : ''), 'GET'), false);
  }

  async function closeShift() {
    render(await call('/console/api/shift/close', 'POST'), true);
    $('shift-close').disabled = true;
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('shift-print').addEventListener('click', () => window.print());
    $('shift-close').addEventListener('click', () => closeShift().catch(fail));
    load().catch(fail);
  });
}());
