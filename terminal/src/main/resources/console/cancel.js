// The console's cancellation dialog (撤销): window.YibaoCancel.open(entry) shows what the customer gets
// back — the refund to the personal account AND the cash to hand back — asks a supervisor's id and
// password and a reason, posts to /console/api/cancel, then shows the cancellation slip (撤销凭条)
// naming the cash to return. Resolves with the answer, or null when dismissed. No confirm().
// `entry` is a 5203 journal row: {setl_id, mdtrt_id, psn_no, psn_name, medfee_sumamt, acct_pay, psn_cash_pay, …}.
'use strict';

(function () {
  const yuan = (v) => (v === undefined || v === null ? '0.00' : Math.abs(Number(v)).toFixed(2));

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
    });
    children.forEach((c) => e.append(c));
    return e;
  }

  function ensureStyles() {
    if (!document.querySelector('link[href="operator.css"]')) {
      document.head.append(el('link', { rel: 'stylesheet', href: 'operator.css' }));
    }
  }

  function msgid() {
    const d = new Date();
    const p = (n, w = 2) => String(n).padStart(w, '0');
    return 'CX' + d.getFullYear() + p(d.getMonth() + 1) + p(d.getDate()) + p(d.getHours()) + p(d.getMinutes())
      + p(d.getSeconds()) + p(d.getMilliseconds(), 3) + p(Math.floor(Math.random() * 1000), 3);
  }

  function slipText(entry, out) {
    const s = out.setlinfo || {};
    return [
      '        医疗保险撤销凭条',
      '原结算号  ' + entry.setl_id,
      '参保人    ' + (entry.psn_name || entry.psn_no),
      '撤销时间  ' + (s.setl_time || ''),
      '医疗费总额 -' + yuan(entry.medfee_sumamt),
      '退回个人账户 ' + yuan(out.acct_refund),
      '应退现金  ' + yuan(out.cash_refund) + ' 元',
      '撤销原因  ' + out.reason,
      '操作员    ' + out.opter + ' ' + out.opter_name,
      '批准主管  ' + out.supervisor_id + ' ' + out.supervisor_name,
      '请将现金 ' + yuan(out.cash_refund) + ' 元退还顾客。',
    ].join('\n');
  }

  function open(entry) {
    ensureStyles();
    return new Promise((resolve) => {
      const id = msgid();
      const supervisor = el('input', { id: 'cancel-supervisor-id', maxlength: '20', autocomplete: 'off' });
      const password = el('input', { id: 'cancel-supervisor-password', type: 'password', maxlength: '128', autocomplete: 'off' });
      const reason = el('input', { id: 'cancel-reason', maxlength: '100', autocomplete: 'off', placeholder: '如：顾客退货、录入错误' });
      const error = el('p', { id: 'cancel-error', class: 'error', role: 'alert' });
      const confirmButton = el('button', { id: 'cancel-confirm', type: 'submit', text: '确认撤销' });
      const dismiss = el('button', { id: 'cancel-dismiss', type: 'button', class: 'secondary', text: '取消（Esc）' });
      const form = el('form', { class: 'cancel-box', autocomplete: 'off' },
        el('h2', { text: '撤销结算 ' + entry.setl_id }),
        el('p', { text: '参保人：' + (entry.psn_name || entry.psn_no) + ' · 医疗费总额 ' + yuan(entry.medfee_sumamt) + ' 元' }),
        el('p', { class: 'refund', id: 'cancel-acct' }, '退回个人账户：', el('b', { text: yuan(entry.acct_pay) }), ' 元'),
        el('p', { class: 'refund', id: 'cancel-cash' }, '应退顾客现金：', el('b', { text: yuan(entry.psn_cash_pay) }), ' 元'),
        el('label', {}, '主管工号', supervisor),
        el('label', {}, '主管密码', password),
        el('label', {}, '撤销原因', reason),
        error,
        el('div', { class: 'row' }, dismiss, confirmButton));
      const modal = el('div', { id: 'cancel-dialog', class: 'modal' }, form);
      document.body.append(modal);
      const previous = document.activeElement;
      let done = false;

      function close(result) {
        if (done) return;
        done = true;
        document.removeEventListener('keydown', onKey, true);
        modal.remove();
        if (previous && previous.focus) previous.focus();
        resolve(result);
      }
      function onKey(event) {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          close(form.dataset.result ? JSON.parse(form.dataset.result) : null);
        }
      }
      function refuse(text, field) {
        error.textContent = text;
        password.value = '';
        (field || password).focus();
      }
      function showSlip(out) {
        form.dataset.result = JSON.stringify(out);
        const slip = el('pre', { id: 'cancel-slip', class: 'cancel-slip', text: slipText(entry, out) });
        const print = el('button', { id: 'cancel-print', type: 'button', class: 'secondary', text: '打印凭条' });
        const finish = el('button', { id: 'cancel-done', type: 'button', text: '完成' });
        print.addEventListener('click', () => window.print());
        finish.addEventListener('click', () => close(out));
        form.replaceChildren(el('h2', { text: '已撤销，请退还顾客现金 ' + yuan(out.cash_refund) + ' 元' }), slip,
          el('div', { class: 'row no-print' }, print, finish));
        finish.focus();
      }

      async function submit(event) {
        event.preventDefault();
        if (supervisor.value.trim() === '' || password.value === '') {
          refuse('请输入主管工号和密码', supervisor.value.trim() === '' ? supervisor : password);
          return;
        }
        if (reason.value.trim() === '') {
          refuse('请填写撤销原因', reason);
          return;
        }
        confirmButton.disabled = true;
        try {
          const response = await fetch('/console/api/cancel', {
            method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({
              setl_id: entry.setl_id, mdtrt_id: entry.mdtrt_id, psn_no: entry.psn_no, msgid: id,
              supervisor_id: supervisor.value.trim(), supervisor_password: password.value, reason: reason.value.trim(),
            }),
          });
          let body = null;
          try { body = await response.json(); } catch (e) { body = null; }
          if (body && body.infcode === 0) {
            showSlip(body.output);
          } else {
            refuse(body && body.err_msg ? body.err_msg : '撤销失败，请重试');
          }
        } catch (e) {
          refuse('终端服务未响应，撤销未完成，请稍后重试');
        } finally {
          confirmButton.disabled = false;
        }
      }

      form.addEventListener('submit', submit);
      dismiss.addEventListener('click', () => close(null));
      document.addEventListener('keydown', onKey, true);
      supervisor.focus();
    });
  }

  window.YibaoCancel = { open };
}());
