// Cashier console: pre-settlement, the PIN, the settlement, the cash tendered, the discharge of a
// stay. Every step asks Sale (sale.js) first, so nothing paid can be paid again.
'use strict';

function saleInput(extra) {
  const sale = Sale.get();
  if (!sale.person) throw new Error('请先读卡');
  if (sale.lines.length === 0) throw new Error('没有收费项目，请先扫码录入');
  return {
    druginfo: Object.assign({ psn_no: sale.person.baseinfo.psn_no, med_type: '41', acct_used_flag: sale.acctUsed ? '1' : '0' }, extra),
    drugdetail: sale.lines.map((l, i) => ({
      feedetl_sn: String(i + 1), med_list_codg: l.item.hilist_code, cnt: l.qty, pric: l.item.pric, rxno: l.rxno,
    })),
  };
}

// The discharge desk: the stay's fee lines are in the terminal (uploaded by the HIS with 2301).
function dischargeInput(extra) {
  const sale = Sale.get();
  if (!sale.person) throw new Error('请先读卡');
  if (!sale.mdtrtId) throw new Error('请输入住院号');
  return { data: Object.assign({ psn_no: sale.person.baseinfo.psn_no, mdtrt_id: sale.mdtrtId, acct_used_flag: sale.acctUsed ? '1' : '0' },
    extra) };
}

// A refusal that names a line's fault: the lines at fault are highlighted.
function markFaults(code) {
  const lines = Sale.get().lines;
  const at = (test) => lines.map((l, i) => (test(l) ? i : -1)).filter((i) => i >= 0);
  const faulty = code === 'PRESCRIPTION_REQUIRED' ? at((l) => l.item.rx_flag === '1' && !l.rxno)
    : code === 'NON_MEDICAL_GOODS' ? at((l) => l.item.chrgitm_lv === '09')
      : code === 'UNKNOWN_ITEM' ? at((l) => !l.item.hilist_code) : [];
  ui.faulty = new Set(faulty);
  if (faulty.length > 0) render();
}

async function preSettle() {
  const sale = Sale.get();
  Sale.requireOpen();
  if (sale.mode === 'discharge') {
    await preSettleDischarge();
    return;
  }
  let out;
  try {
    out = await Api.call('2101', saleInput({}));
  } catch (e) {
    markFaults(e.code);
    throw e;
  }
  ui.faulty.clear();
  Sale.presettled(out);
  render();
}

async function preSettleDischarge() {
  const out = await Api.call('2303', dischargeInput({}));
  Sale.presettled(out);
  render();
  say('出院预结算：' + stayName());
}

function stayName() {
  const s = Sale.get();
  return s.stay && s.stay.ipt_otp_no ? '住院号 ' + s.stay.ipt_otp_no : '就诊号 ' + s.mdtrtId;
}

// F3 + Enter: a hospital 住院号 (ZY…) looked up where the terminal offers it, else the visit id
async function enterStay() {
  Sale.requireOpen();
  const typed = $('mdtrt-id').value.trim();
  if (typed === '') throw new Error('请输入住院号');
  if (typed.length > 40) throw new Error('住院号过长');
  $('mdtrt-id').value = '';
  const stay = await Api.optional('/console/api/stay?ipt_otp_no=' + encodeURIComponent(typed));
  Sale.setStay(stay ? stay.mdtrt_id : typed, stay);
  showStay(stay);
  render();
  if (stay && stay.discharged === false) {
    say('该患者尚未办理出院登记，不能出院结算（' + stayName() + '）', true);
    return;
  }
  await preSettleDischarge();
}

function showStay(stay) {
  const p = $('stay-info');
  p.hidden = !stay;
  if (!stay) return;
  p.textContent = '住院号 ' + stay.ipt_otp_no + ' · ' + (stay.psn_name || '') + ' · ' + stay.lines.length + ' 项 · 合计 '
    + yuan(stay.total) + ' 元 · ' + (stay.discharged ? '已出院登记' : '未出院登记');
  p.className = 'stay' + (stay.discharged ? '' : ' warn');
}

// F8: the PIN prompt when the account pays (a discharge always writes the card), else settle now.
async function confirmSale() {
  const sale = Sale.get();
  Sale.requireOpen();
  if (sale.mode === 'discharge' && sale.stay && sale.stay.discharged === false) {
    throw new Error('该患者尚未办理出院登记，不能出院结算');
  }
  Sale.paying(Api.msgid());
  const s = sale.pre.setlinfo;
  if (sale.mode === 'discharge' || Number(s.acct_pay) > 0) {
    $('pin-amount').textContent = (sale.mode === 'discharge' ? '出院结算 · ' : '') + '个人账户支付 ' + yuan(s.acct_pay) + ' 元';
    const due = $('due-summary').cloneNode(true);
    due.removeAttribute('id');
    due.querySelectorAll('[id]').forEach((el) => el.removeAttribute('id'));
    $('pin-summary').replaceChildren(...due.childNodes);
    $('pin-error').textContent = '';
    $('pin').value = '';
    $('pin-dialog').hidden = false;
    return;
  }
  try {
    await settle(null);
  } catch (e) {
    Sale.unpaid(e instanceof Refused);
    render();
    markFaults(e.code);
    throw e;
  }
}

async function settle(pin) {
  const sale = Sale.get();
  const isDischarge = sale.mode === 'discharge';
  const agreed = { acct_pay: sale.pre.setlinfo.acct_pay };
  const input = isDischarge ? dischargeInput(agreed) : saleInput(agreed);
  if (pin) input.card_pin = pin;
  const out = await Api.call(isDischarge ? '2304' : '2102', input, sale.settleMsgid);
  $('pin-dialog').hidden = true;
  Sale.settled(out);
  render();
  renderReceipt(out);
  $('balc').textContent = yuan(out.setlinfo.balc) + ' 元';
  showTender(out.setlinfo.psn_cash_pay);
  if (isDischarge) {
    $('card-no').textContent = sale.person.cardinfo.card_no; // the card is no longer in hospital
    say('出院结算成功，结算号 ' + out.setlinfo.setl_id);
  } else {
    say('收费成功，结算号 ' + out.setlinfo.setl_id);
  }
  Status.refresh();
}

function triesLeft(e) {
  const m = /(\d+)\s*次/.exec(e.message || '');
  return m ? Number(m[1]) : null;
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
    const left = triesLeft(e);
    if (PIN_WRONG.includes(e.code) && left !== 0) {
      Sale.retry(Api.msgid());
      $('pin-error').textContent = '密码错误' + (left === null ? '，请重新输入' : '，剩余 ' + left + ' 次');
      return;
    }
    $('pin-dialog').hidden = true;
    Sale.unpaid(e instanceof Refused);
    render();
    if (PIN_WRONG.includes(e.code) || PIN_LOCKED.includes(e.code)) {
      throw new Error('密码已锁定，不能使用个人账户。可按 F7 不使用个人账户，全额现金支付');
    }
    markFaults(e.code);
    throw e;
  }
}

function cancelPin() {
  $('pin-dialog').hidden = true;
  Sale.unpaid(false); // the message may have gone out before (no answer): keep it
  render();
  say('已取消输入密码，未收费');
}

// F7: the customer keeps the account balance (or its PIN is locked): cash only, pre-settled again
async function toggleAccount() {
  const sale = Sale.get();
  const wasPresettled = sale.state === SaleState.PRESETTLED;
  Sale.setAcctUsed(!sale.acctUsed);
  render();
  say(sale.acctUsed ? '使用个人账户支付' : '不使用个人账户：全额现金支付');
  if (wasPresettled) await preSettle();
}

function renderReceipt(out) {
  const s = out.setlinfo;
  const inpatient = s.med_type === '21';
  const op = Api.operator();
  const lines = [inpatient ? '      定点医疗机构 出院结算单' : '      定点零售药店 医保结算单',
    '--------------------------------', '结算号：' + s.setl_id]
    .concat(inpatient ? ['住院号：' + (Sale.get().stay ? Sale.get().stay.ipt_otp_no : s.mdtrt_id)] : [])
    .concat(['时间：' + s.setl_time, '姓名：' + s.psn_name + '  编号：' + s.psn_no])
    .concat(op ? ['收银员：' + op.opter_name] : [])
    .concat(['--------------------------------']);
  out.detlcutinfo.forEach((d) => {
    lines.push(d.hilist_name + ' ' + (CLASS[d.chrgitm_lv] || ''));
    lines.push('   ' + d.cnt + ' x ' + yuan(d.pric) + ' = ' + yuan(d.det_item_fee_sumamt));
  });
  lines.push('--------------------------------');
  SPLIT_ROWS.filter(([f]) => Number(s[f]) !== 0 || f === 'psn_cash_pay').forEach(([f, label]) => {
    lines.push(label + '：' + yuan(s[f]));
  });
  const t = Sale.get().tendered;
  if (t) lines.push('实收：' + yuan(t.paid), '找零：' + yuan(t.change));
  lines.push('--------------------------------', '请妥善保管，当日可撤销');
  $('receipt').textContent = lines.join('\n');
}

// The cash share after a settlement: the cashier types what the customer handed over, Enter shows
// the change (here and on the customer display).
function showTender(cashDue) {
  const due = Number(cashDue);
  $('tender-form').hidden = !(due > 0);
  $('cash-due').textContent = yuan(due);
  $('change').textContent = '';
  $('tendered').value = '';
  $('tendered').disabled = false;
}

async function tender() {
  const text = $('tendered').value.trim();
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(text)) throw new Error('实收金额格式不正确（如 100 或 100.50）');
  const out = await Api.post('/api/tender', { paid: text });
  $('change').textContent = yuan(out.change);
  $('tendered').disabled = true;
  Sale.tendered(text, out.change);
  render();
  renderReceipt(Sale.get().paid);
  say('找零 ' + yuan(out.change) + ' 元');
}

// F9, or the next scan after a paid sale: a new sale (items, card, split, 处方号 cleared)
function newSale() {
  Sale.start();
  $('tender-form').hidden = true;
  $('mdtrt-id').value = '';
  $('rxno').value = '';
  $('qty').value = 1;
  $('person').hidden = true;
  $('stay-info').hidden = true;
  $('receipt').textContent = '（结算后显示）';
  hideResults();
  ui.faulty.clear();
  render();
}
