// Operators' login for the cashier console: posts {opter_id, password} as JSON to /console/login;
// the answer sets the HttpOnly session cookie, then the console opens. Every message is Chinese.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);

  function showError(text) {
    $('login-error').textContent = text;
    $('opter-password').value = '';
    $('opter-password').focus();
  }

  async function login(event) {
    event.preventDefault();
    const id = $('opter-id').value.trim();
    const password = $('opter-password').value;
    if (id === '' || password === '') {
      showError('请输入工号和密码');
      if (id === '') $('opter-id').focus();
      return;
    }
    $('login-submit').disabled = true;
    try {
      const response = await fetch('/console/login', {
        method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ opter_id: id, password }),
      });
      let body = null;
      try {
        body = await response.json();
      } catch (e) {
        body = null;
      }
      if (body && body.infcode === 0) {
        window.location.replace('/console/');
        return;
      }
      showError(body && body.err_msg ? body.err_msg : '登录失败，请重试');
    } catch (e) {
      showError('终端服务未响应，请检查终端是否运行');
    } finally {
      $('login-submit').disabled = false;
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('operator-login').addEventListener('submit', login);
    if (new URLSearchParams(window.location.search).get('link') === 'invalid') {
      $('login-error').textContent = '登录链接无效、已使用或已过期，请输入工号和密码登录';
    }
    $('opter-id').focus();
  });
}());
