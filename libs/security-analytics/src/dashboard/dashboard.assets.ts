/** The dashboard page: no inline script (CSP `script-src 'self'`), inline styles are allowed. */
export const DASHBOARD_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nexus · Security</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/admin/security/assets/dashboard.css">
<script src="/admin/security/assets/chart.umd.min.js" defer></script>
<script src="/admin/security/assets/dashboard.js" defer></script>
</head>
<body>
<header><h1>Nexus security</h1><span id="who"></span> <button id="logout" hidden>Sign out</button></header>
<main>
<section id="login-section">
  <h2>Sign in (admin)</h2>
  <form id="login">
    <label>Email <input name="email" type="email" autocomplete="username" required></label>
    <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
    <button type="submit">Sign in</button>
    <p id="login-error" class="error" role="alert"></p>
  </form>
</section>
<section id="app" hidden>
  <div id="totals" class="cards"></div>
  <div class="grid">
    <figure><figcaption>Traffic, last 24 hours (per hour)</figcaption><canvas id="timeseries" height="220"></canvas></figure>
    <figure><figcaption>Requests per country</figcaption><canvas id="countries" height="220"></canvas></figure>
  </div>
  <div class="grid">
    <div><h2>Top addresses</h2><table id="top-ips"></table></div>
    <div><h2>Top paths</h2><table id="top-paths"></table></div>
  </div>
  <h2>Suspicious addresses</h2><table id="suspicious"></table>
  <h2>Blocks</h2>
  <form id="block">
    <input name="cidr" placeholder="IP or CIDR" required>
    <input name="reason" placeholder="reason" required>
    <input name="expiresAt" placeholder="expires (ISO 8601, optional)">
    <button type="submit">Block</button>
    <span id="block-error" class="error" role="alert"></span>
  </form>
  <table id="blocks"></table>
</section>
</main>
<footer>This product includes GeoLite2 data created by MaxMind, available from
<a href="https://www.maxmind.com">https://www.maxmind.com</a>.</footer>
</body>
</html>
`;

export const DASHBOARD_CSS = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #1d2430; background: #f6f7f9; }
header { display: flex; gap: 1em; align-items: center; padding: .6em 1.2em; background: #1d2430; color: #fff; }
header h1 { font-size: 1.1em; margin: 0; flex: 1; }
main { padding: 1em 1.2em; }
footer { padding: 1em 1.2em; color: #667; font-size: .85em; }
.cards { display: flex; gap: .8em; flex-wrap: wrap; margin-bottom: 1em; }
.card { background: #fff; border-radius: 6px; padding: .6em 1em; min-width: 7em; box-shadow: 0 1px 2px #0002; }
.card b { display: block; font-size: 1.4em; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 1em; }
figure { margin: 0; background: #fff; border-radius: 6px; padding: .6em; box-shadow: 0 1px 2px #0002; }
table { border-collapse: collapse; background: #fff; width: 100%; margin-bottom: 1em; }
td, th { text-align: left; padding: .3em .6em; border-bottom: 1px solid #e3e5e8; }
form label { display: block; margin: .4em 0; }
.error { color: #b00020; }
`;

export const DASHBOARD_JS = `'use strict';
(function () {
  const API = '/api/v1';
  let token = sessionStorage.getItem('nexus.token');
  const charts = {};
  const $ = (id) => document.getElementById(id);

  async function api(path, options) {
    const res = await fetch(API + path, Object.assign({}, options, {
      headers: Object.assign(options && options.body ? { 'content-type': 'application/json' } : {}, token ? { authorization: 'Bearer ' + token } : {}),
    }));
    const body = res.status === 204 ? null : await res.json().catch(() => null);
    if (!res.ok) throw Object.assign(new Error((body && (body.detail || body.title)) || res.statusText), { status: res.status });
    return body;
  }

  function cell(text) { const td = document.createElement('td'); td.textContent = text == null ? '' : String(text); return td; }
  function table(el, head, rows) {
    el.replaceChildren();
    const tr = document.createElement('tr');
    head.forEach((h) => { const th = document.createElement('th'); th.textContent = h; tr.append(th); });
    el.append(tr);
    rows.forEach((r) => { const row = document.createElement('tr'); r.forEach((c) => row.append(c instanceof Node ? wrap(c) : cell(c))); el.append(row); });
    el.dataset.rows = String(rows.length);
  }
  function wrap(node) { const td = document.createElement('td'); td.append(node); return td; }

  function draw(id, type, labels, datasets) {
    if (charts[id]) charts[id].destroy();
    charts[id] = new Chart($(id), { type, data: { labels, datasets }, options: { animation: false, responsive: true } });
    $(id).dataset.points = String(labels.length);
  }

  async function load() {
    const to = new Date();
    const from = new Date(to.getTime() - 24 * 3600 * 1000);
    const w = 'from=' + from.toISOString() + '&to=' + to.toISOString();
    const [overview, series, geo, suspicious] = await Promise.all([
      api('/admin/security/analytics/overview?' + w),
      api('/admin/security/analytics/timeseries?bucket=hour&' + w),
      api('/admin/security/analytics/geo?granularity=country&' + w),
      api('/admin/security/suspicious-ips?limit=50'),
    ]);
    $('totals').replaceChildren(...[['Requests', overview.requests], ['Addresses', overview.uniqueIps], ['Blocked', overview.blocked], ['Limited', overview.limited], ['4xx', overview.clientErrors], ['5xx', overview.serverErrors]].map(([k, v]) => {
      const d = document.createElement('div'); d.className = 'card'; const b = document.createElement('b'); b.textContent = String(v); d.append(b, k); return d;
    }));
    draw('timeseries', 'line', series.points.map((p) => p.t.slice(11, 16)), [
      { label: 'requests', data: series.points.map((p) => p.requests), borderColor: '#2962ff' },
      { label: '4xx', data: series.points.map((p) => p.clientErrors), borderColor: '#ff9100' },
      { label: 'blocked', data: series.points.map((p) => p.blocked), borderColor: '#d50000' },
    ]);
    draw('countries', 'bar', geo.rows.map((r) => r.country), [{ label: 'requests', data: geo.rows.map((r) => r.requests), backgroundColor: '#2962ff' }]);
    table($('top-ips'), ['address', 'country', 'requests'], overview.topIps.map((r) => [r.ip, r.country, r.requests]));
    table($('top-paths'), ['path', 'requests'], overview.topPaths.map((r) => [r.key, r.requests]));
    table($('suspicious'), ['address', 'rule', 'reason', 'score', 'last seen'], suspicious.items.map((r) => [r.ip, r.rule, r.reason, r.score, r.lastSeen]));
    await loadBlocks();
    document.body.dataset.ready = 'true';
  }

  async function loadBlocks() {
    try {
      const blocks = await api('/admin/security/blocks?limit=100');
      const now = Date.now();
      const items = (Array.isArray(blocks) ? blocks : blocks.items || []).filter(
        (b) => !b.revokedAt && (!b.expiresAt || Date.parse(b.expiresAt) > now));
      table($('blocks'), ['range', 'reason', 'source', 'expires', ''], items.map((b) => {
        const button = document.createElement('button');
        button.textContent = 'Unblock';
        button.addEventListener('click', async () => { await api('/admin/security/blocks/' + b.id, { method: 'DELETE' }); await loadBlocks(); });
        return [b.cidr, b.reason, b.source, b.expiresAt || 'never', button];
      }));
    } catch (e) {
      table($('blocks'), ['blocks'], [['unavailable: ' + e.message]]);
    }
  }

  function signedIn(yes) {
    $('login-section').hidden = yes; $('app').hidden = !yes; $('logout').hidden = !yes;
  }

  $('login').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = new FormData(ev.target);
    try {
      const t = await api('/auth/login', { method: 'POST', body: JSON.stringify({ email: f.get('email'), password: f.get('password') }) });
      token = t.accessToken; sessionStorage.setItem('nexus.token', token);
      signedIn(true); await load();
    } catch (e) { $('login-error').textContent = e.message; }
  });
  $('logout').addEventListener('click', () => { token = null; sessionStorage.removeItem('nexus.token'); signedIn(false); });
  $('block').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = new FormData(ev.target);
    const body = { cidr: f.get('cidr'), reason: f.get('reason') };
    if (f.get('expiresAt')) body.expiresAt = f.get('expiresAt');
    try { await api('/admin/security/blocks', { method: 'POST', body: JSON.stringify(body) }); $('block-error').textContent = ''; ev.target.reset(); await loadBlocks(); }
    catch (e) { $('block-error').textContent = e.message; }
  });

  if (token) { signedIn(true); load().catch(() => signedIn(false)); }
})();
`;
