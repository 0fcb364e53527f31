// The health dashboard: the job list from /api/jobs, one job's chart from /api/chart, drawn with Chart.js, and the
// policies' verdicts side by side from /api/compare. Each day is drawn as the policy that judged it reasons.
const COLORS = { HEALTHY: '#2e7d32', UNHEALTHY: '#c62828', ZERO: '#1565c0' };
const BANDS = {
  sigma: 'rgba(255,213,0,.35)', percent: 'rgba(129,199,132,.35)', overlap: 'rgb(197,210,102)',
  expected: '#6a1b9a', range: 'rgba(106,27,154,.15)',
};
// What each policy draws, for the legend.
const LEGEND = {
  classic: [['classic: μ ± kσ (its sigmas)', BANDS.sigma], ['classic: μ ± p% (its percent)', BANDS.percent],
    ['classic: both bands overlap', BANDS.overlap]],
  adaptive: [['adaptive: expected', BANDS.expected], ['adaptive: range without an alert', BANDS.range]],
};
let chart;

// The page arrives with the job list and the first chart's data in it, so it shows them at once; later charts
// are fetched.
const INITIAL = JSON.parse(document.getElementById('initial').textContent || 'null');

async function loadJobs() {
  const jobs = INITIAL ? INITIAL.jobs : await (await fetch('/api/jobs')).json();
  const body = document.getElementById('jobs');
  body.innerHTML = '';
  for (const job of jobs) {
    const row = document.createElement('tr');
    row.className = 'job';
    row.dataset.job = job.job;
    row.innerHTML = '<td></td><td>' + job.day + '</td><td class="' + job.status + '">' + job.status + '</td><td class="alerted"></td>';
    // When it last alerted in the 90 days on screen: an incident that has recovered still shows.
    if (job.lastAlert) row.lastChild.textContent = '▲ ' + job.lastAlert;
    // An open incident leads the list, and says since when.
    row.firstChild.textContent = (job.incidentSince ? '● ' : '') + job.job + (job.retiredOn ? ' (retired)' : '');
    if (job.incidentSince) row.firstChild.title = 'open incident since ' + job.incidentSince;
    if (job.retiredOn) row.firstChild.title = 'retired on ' + job.retiredOn + '; not checked until it writes again';
    row.onclick = () => show(job.job);
    body.appendChild(row);
  }
  const wanted = new URLSearchParams(location.search).get('job') || (jobs[0] && jobs[0].job);
  if (wanted) show(wanted, INITIAL && INITIAL.chart && INITIAL.chart.job === wanted ? INITIAL.chart : null);
}

function legend(policies) {
  const box = document.getElementById('legend');
  box.innerHTML = '';
  const items = [['healthy', COLORS.HEALTHY], ['unhealthy', COLORS.UNHEALTHY], ['zero', COLORS.ZERO],
    ['insufficient history', '#9e9e9e']];
  for (const p of policies) items.push(...(LEGEND[p] || []));
  for (const [text, color] of items) {
    const span = document.createElement('span');
    span.innerHTML = '<i></i>';
    span.firstChild.style.background = color;
    span.appendChild(document.createTextNode(text));
    box.appendChild(span);
  }
  return items.map(i => i[0]);
}

function judgedBy(data) {
  const policies = data.legend;
  if (policies.length === 0) return '';
  if (policies.length === 1) return 'judged by ' + policies[0];
  // The days on which the policy changed, e.g. "classic, then adaptive from 2026-11-06".
  const parts = [];
  data.policies.forEach((p, i) => {
    if (p && (parts.length === 0 || parts[parts.length - 1].policy !== p)) parts.push({ policy: p, from: data.days[i] });
  });
  return 'judged by ' + parts.map((x, i) => i === 0 ? x.policy : 'then ' + x.policy + ' from ' + x.from).join(', ');
}

async function show(job, given) {
  document.querySelectorAll('tr.job').forEach(r => r.classList.toggle('selected', r.dataset.job === job));
  const data = given || await (await fetch('/api/chart?job=' + encodeURIComponent(job))).json();
  document.getElementById('title').textContent = job;
  document.getElementById('judged-by').textContent = judgedBy(data);
  const legendTexts = legend(data.legend);
  const colors = data.statuses.map(s => COLORS[s] || '#9e9e9e');
  // A band never goes below zero: no count does.
  const floor = values => values.map(v => v === null || v === undefined ? v : Math.max(0, v));
  const band = (label, low, high, color) => [
    { label: label + ' low', data: floor(low), borderWidth: 0, pointRadius: 0, fill: false, spanGaps: false },
    { label: label, data: floor(high), borderWidth: 0, pointRadius: 0, backgroundColor: color, fill: '-1',
      spanGaps: false },
  ];
  if (chart) chart.destroy();
  chart = new Chart(document.getElementById('chart'), {
    type: 'line',
    data: {
      labels: data.days,
      datasets: [
        { label: 'count', data: data.counts, borderColor: '#555', borderWidth: 1,
          pointBackgroundColor: colors, pointBorderColor: colors, pointRadius: 4, fill: false, order: 0 },
        ...band('classic: μ ± 2σ', data.sigmaLow, data.sigmaHigh, BANDS.sigma),
        ...band('classic: μ ± 20%', data.percentLow, data.percentHigh, BANDS.percent),
        { label: 'adaptive: expected', data: data.expected, borderColor: BANDS.expected, borderWidth: 1.5,
          borderDash: [5, 3], pointRadius: 0, fill: false, spanGaps: false },
        ...band('adaptive: range without an alert', data.expectedLow, data.expectedHigh, BANDS.range),
      ],
    },
    options: {
      animation: false, maintainAspectRatio: false, layout: { padding: { right: 12, top: 8 } },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { footer: items => items.length ? (data.explanations[items[0].dataIndex] || '') : '' } },
      },
      scales: { y: { beginAtZero: true } },
    },
  });
  // What was drawn, for tests that load this page in a headless browser.
  const ds = chart.data.datasets;
  document.getElementById('chart-state').textContent = JSON.stringify({
    job, points: ds[0].data.length, colors: ds[0].pointBackgroundColor,
    sigmaLow: ds[1].data, sigmaHigh: ds[2].data, percentLow: ds[3].data, percentHigh: ds[4].data,
    expected: ds[5].data, expectedLow: ds[6].data, expectedHigh: ds[7].data,
    expectedColor: ds[5].borderColor, rangeColor: ds[7].backgroundColor,
    legend: legendTexts, judgedBy: document.getElementById('judged-by').textContent,
    drawn: chart.getDatasetMeta(0).data.length,
    navOverflows: document.querySelector('nav').scrollWidth > document.querySelector('nav').clientWidth,
  });
  await compare(job);
}

// Under the chart: each policy's alert days, and the days on which any policy alerts, side by side.
async function compare(job) {
  const response = await fetch('/api/compare?job=' + encodeURIComponent(job));
  const box = document.getElementById('compare');
  const state = document.getElementById('compare-state');
  if (!response.ok) {
    box.textContent = 'No comparison: ' + (await response.json()).message;
    state.textContent = JSON.stringify({ job, error: true });
    return;
  }
  const c = await response.json();
  const head = '<tr><th>day</th><th>count</th>' + c.policies.map(p => '<th></th>').join('') + '</tr>';
  const table = document.createElement('table');
  table.innerHTML = '<thead>' + head + '</thead><tbody></tbody>';
  c.policies.forEach((p, i) => {
    table.tHead.rows[0].cells[2 + i].textContent = p + (p === c.current ? ' (this job’s)' : '');
  });
  const rows = [];
  c.days.forEach((day, i) => {
    if (!c.policies.some(p => c.verdicts[p].alerts[i])) return;
    const row = table.tBodies[0].insertRow();
    row.className = 'compare-day';
    row.insertCell().textContent = day;
    row.insertCell().textContent = c.counts[i].toLocaleString('en');
    const cells = {};
    for (const p of c.policies) {
      const status = c.verdicts[p].statuses[i];
      const alerts = c.verdicts[p].alerts[i];
      const cell = row.insertCell();
      cell.className = alerts ? 'alerts ' + status : status;
      cell.textContent = alerts ? '▲ ' + status : status;
      cells[p] = { status, alerts };
    }
    rows.push({ day, cells });
  });
  const summary = document.createElement('p');
  summary.textContent = c.policies.map(p => p + ': ' + c.alertDays[p].length + ' of ' + c.days.length
    + ' days would have alerted').join(' · ');
  const title = document.createElement('h3');
  title.textContent = 'Both policies on these days (the days either would have alerted; ./autowatch compare lists all)';
  box.replaceChildren(title, summary);
  box.appendChild(table);
  state.textContent = JSON.stringify({ job, policies: c.policies, summary: summary.textContent, rows });
}

loadJobs();
