// The auditor's pages: plain DOM, data set with textContent only (never innerHTML), no third-party code.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let page = 0;
  const size = 20;

  function api(path) {
    return fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then((r) => {
      if (!r.ok) { const e = new Error('HTTP ' + r.status); e.status = r.status; throw e; }
      return r.json();
    });
  }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function row(cells) {
    const tr = document.createElement('tr');
    cells.forEach((c) => tr.appendChild(c instanceof Node ? wrap(c) : el('td', c)));
    return tr;
  }

  function wrap(node) { const td = document.createElement('td'); td.appendChild(node); return td; }

  function show(id) {
    document.querySelectorAll('.page').forEach((p) => { p.hidden = p.id !== id; });
  }

  function search() {
    const params = new URLSearchParams();
    new FormData($('search-form')).forEach((v, k) => { if (v) { params.set(k, v); } });
    params.set('page', page);
    params.set('size', size);
    api('/api/audit/decisions?' + params).then((result) => {
      $('search-summary').textContent = result.total + ' decisions, page ' + (page + 1);
      const body = $('results').querySelector('tbody');
      body.replaceChildren();
      result.items.forEach((d) => {
        const cards = el('ul');
        (d.cards || []).forEach((c) => cards.appendChild(el('li', c.summary, c.indicator)));
        const tr = row([d.recordedAt, d.serviceId, d.patientId || '', d.httpStatus, cards]);
        tr.dataset.id = d.id;
        tr.addEventListener('click', () => { location.hash = '#decision/' + d.id; });
        body.appendChild(tr);
      });
      $('prev').disabled = page === 0;
      $('next').disabled = (page + 1) * size >= result.total;
    }).catch((e) => { $('search-summary').textContent = 'Search failed: ' + e.message; });
  }

  function decision(id) {
    show('decision');
    $('d-id').textContent = id;
    $('replay-result').textContent = '';
    $('d-fhir').href = '/api/audit/decisions/' + encodeURIComponent(id) + '/fhir';
    api('/api/audit/decisions/' + encodeURIComponent(id)).then((d) => {
      const dl = $('d-summary');
      dl.replaceChildren();
      [['Recorded', d.recordedAt], ['Service', d.serviceId], ['Hook', d.hook], ['hookInstance', d.hookInstance],
        ['Patient', d.patientId], ['User', d.userId], ['EHR issuer', d.clientIssuer], ['HTTP status', d.httpStatus],
        ['Error', d.errorCode], ['Rule pack', d.rulePackVersion], ['Latency', d.latencyMs + ' ms'],
        ['Input hash', d.inputHash],
        ['Chain', d.chain ? 'position ' + d.chain.position + ', hash ' + d.chain.recordHash : '']]
        .filter((p) => p[1] !== undefined && p[1] !== null)
        .forEach((p) => { dl.appendChild(el('dt', p[0])); dl.appendChild(el('dd', p[1])); });
      const cards = $('d-cards');
      cards.replaceChildren();
      (d.cards || []).forEach((c) => {
        const li = el('li', '[' + c.indicator + '] ' + c.summary + (c.source && c.source.topic
          ? ' (rule ' + c.source.topic.code + ')' : ''), 'card ' + c.indicator);
        cards.appendChild(li);
      });
      if (!(d.cards || []).length) { cards.appendChild(el('li', 'no cards')); }
      const feedback = $('d-feedback');
      feedback.replaceChildren();
      (d.feedback || []).forEach((f) => feedback.appendChild(el('li', f.outcome + ' at ' + f.outcomeTimestamp
        + ' (rule ' + (f.ruleId || '?') + ')' + (f.reason ? ': ' + (f.reason.display || f.reason.code) : '')
        + (f.userComment ? ' "' + f.userComment + '"' : ''))));
      if (!(d.feedback || []).length) { feedback.appendChild(el('li', 'no feedback')); }
      const rules = $('d-rules');
      rules.replaceChildren();
      (d.firedRules || []).forEach((r) => rules.appendChild(el('li', r.name + ' matched: '
        + (r.matched || []).join(', '))));
      const inputs = $('d-inputs').querySelector('tbody');
      inputs.replaceChildren();
      (d.inputs || []).forEach((i) => inputs.appendChild(row([i.ref, i.version || '', i.source, i.key || ''])));
      $('d-facts').textContent = JSON.stringify(d.facts || [], null, 2);
    }).catch((e) => { $('d-summary').replaceChildren(el('dt', 'Not available: ' + e.message)); });
  }

  function replay() {
    const id = $('d-id').textContent;
    api('/api/audit/decisions/' + encodeURIComponent(id) + '/replay?pack=archived').then((r) => {
      $('replay-result').textContent = r.identical ? 'identical cards with pack ' + r.packVersion
        : 'differs: ' + JSON.stringify({ added: r.added, removed: r.removed, changed: r.changed });
    }).catch((e) => {
      $('replay-result').textContent = e.status === 404 ? 'replay not available' : 'replay failed: ' + e.message;
    });
  }

  function stats() {
    show('stats');
    api('/api/audit/statistics?period=day').then((list) => {
      const body = $('stats-table').querySelector('tbody');
      body.replaceChildren();
      list.forEach((s) => body.appendChild(row([s.ruleId, s.period, s.fired, s.cards, s.feedback,
        s.overrideRate === null || s.overrideRate === undefined ? '' : Math.round(s.overrideRate * 100) + '%',
        s.suggestionAcceptance === null || s.suggestionAcceptance === undefined ? ''
          : Math.round(s.suggestionAcceptance * 100) + '%',
        Object.entries(s.reasons || {}).map((e) => e[0] + ' ×' + e[1]).join('; ')])));
      chart(list.filter((s) => s.overrideRate !== null && s.overrideRate !== undefined));
    });
  }

  // Inline SVG: one line per rule, x = period, y = override rate (0-100 %).
  function chart(points) {
    const ns = 'http://www.w3.org/2000/svg';
    const periods = [...new Set(points.map((p) => p.period))].sort();
    const rules = [...new Set(points.map((p) => p.ruleId))].sort();
    const w = 640, h = 240, left = 40, bottom = 30;
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('width', w); svg.setAttribute('height', h); svg.setAttribute('id', 'override-chart');
    svg.setAttribute('role', 'img'); svg.setAttribute('aria-label', 'Override rate per rule over time');
    const x = (i) => left + (periods.length < 2 ? (w - left) / 2 : i * (w - left - 20) / (periods.length - 1));
    const y = (rate) => (h - bottom) - rate * (h - bottom - 10);
    const text = (tx, ty, value, anchor) => {
      const t = document.createElementNS(ns, 'text');
      t.setAttribute('x', tx); t.setAttribute('y', ty); t.setAttribute('font-size', '11');
      if (anchor) { t.setAttribute('text-anchor', anchor); }
      t.textContent = value; svg.appendChild(t);
    };
    [0, 0.5, 1].forEach((r) => text(left - 4, y(r) + 4, Math.round(r * 100) + '%', 'end'));
    periods.forEach((p, i) => text(x(i), h - 10, p, 'middle'));
    const colours = ['#c0392b', '#2471a3', '#1e8449', '#b9770e', '#7d3c98', '#566573'];
    rules.forEach((rule, k) => {
      const series = periods.map((p, i) => [i, points.find((q) => q.ruleId === rule && q.period === p)])
        .filter((e) => e[1]);
      const line = document.createElementNS(ns, 'polyline');
      line.setAttribute('fill', 'none'); line.setAttribute('stroke', colours[k % colours.length]);
      line.setAttribute('stroke-width', '2'); line.setAttribute('data-rule', rule);
      line.setAttribute('points', series.map((e) => x(e[0]) + ',' + y(e[1].overrideRate)).join(' '));
      svg.appendChild(line);
      series.forEach((e) => {
        const dot = document.createElementNS(ns, 'circle');
        dot.setAttribute('cx', x(e[0])); dot.setAttribute('cy', y(e[1].overrideRate)); dot.setAttribute('r', 4);
        dot.setAttribute('fill', colours[k % colours.length]); svg.appendChild(dot);
      });
      text(w - 60, 15 + 14 * k, rule, 'start');
    });
    $('chart').replaceChildren(svg);
  }

  function chainStatus() {
    api('/api/audit/verify').then((v) => {
      const broken = v.chains.find((c) => !c.intact);
      $('chain-status').textContent = v.intact ? 'chain: intact' : 'chain: BROKEN (' + broken.chain + ': '
        + broken.detail + ')';
      $('chain-status').className = 'chain ' + (v.intact ? 'ok' : 'broken');
    }).catch((e) => { $('chain-status').textContent = 'chain: unknown (' + e.message + ')'; });
  }

  function route() {
    const hash = location.hash || '#search';
    if (hash.startsWith('#decision/')) {
      decision(decodeURIComponent(hash.substring('#decision/'.length)));
    } else if (hash === '#stats') {
      stats();
    } else {
      show('search');
      search();
    }
  }

  $('search-form').addEventListener('submit', (e) => { e.preventDefault(); page = 0; search(); });
  $('prev').addEventListener('click', () => { page = Math.max(0, page - 1); search(); });
  $('next').addEventListener('click', () => { page += 1; search(); });
  $('replay').addEventListener('click', replay);
  window.addEventListener('hashchange', route);
  chainStatus();
  route();
}());
