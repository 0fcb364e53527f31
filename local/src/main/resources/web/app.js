// The health dashboard: the job list from /api/jobs, one job's chart from /api/chart, drawn with Chart.js.
const COLORS = { HEALTHY: '#2e7d32', UNHEALTHY: '#c62828', ZERO: '#1565c0' };
let chart;

async function loadJobs() {
  const jobs = await (await fetch('/api/jobs')).json();
  const body = document.getElementById('jobs');
  body.innerHTML = '';
  for (const job of jobs) {
    const row = document.createElement('tr');
    row.className = 'job';
    row.dataset.job = job.job;
    row.innerHTML = '<td></td><td>' + job.day + '</td><td class="' + job.status + '">' + job.status + '</td>';
    row.firstChild.textContent = job.job;
    row.onclick = () => show(job.job);
    body.appendChild(row);
  }
  const wanted = new URLSearchParams(location.search).get('job') || (jobs[0] && jobs[0].job);
  if (wanted) show(wanted);
}

async function show(job) {
  document.querySelectorAll('tr.job').forEach(r => r.classList.toggle('selected', r.dataset.job === job));
  const data = await (await fetch('/api/chart?job=' + encodeURIComponent(job))).json();
  document.getElementById('title').textContent = job;
  const colors = data.statuses.map(s => COLORS[s] || '#9e9e9e');
  const band = (label, low, high, color) => [
    { label: label + ' low', data: low, borderWidth: 0, pointRadius: 0, fill: false, spanGaps: false },
    { label: label, data: high, borderWidth: 0, pointRadius: 0, backgroundColor: color, fill: '-1', spanGaps: false },
  ];
  if (chart) chart.destroy();
  chart = new Chart(document.getElementById('chart'), {
    type: 'line',
    data: {
      labels: data.days,
      datasets: [
        { label: 'count', data: data.counts, borderColor: '#555', borderWidth: 1,
          pointBackgroundColor: colors, pointBorderColor: colors, pointRadius: 4, fill: false, order: 0 },
        ...band('μ ± 2σ', data.sigmaLow, data.sigmaHigh, 'rgba(255,213,0,.35)'),
        ...band('μ ± 20%', data.percentLow, data.percentHigh, 'rgba(129,199,132,.35)'),
      ],
    },
    options: {
      animation: false, maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true } },
    },
  });
  // What was drawn, for tests that load this page in a headless browser.
  const ds = chart.data.datasets;
  document.getElementById('chart-state').textContent = JSON.stringify({
    job, points: ds[0].data.length, colors: ds[0].pointBackgroundColor,
    sigmaLow: ds[1].data, sigmaHigh: ds[2].data, percentLow: ds[3].data, percentHigh: ds[4].data,
    drawn: chart.getDatasetMeta(0).data.length,
  });
}

loadJobs();
