// The foundation's overview page: data volume and daily covers per canteen, read from the rollups.
const TEXT = {
  'zh-CN': { title: 'Larder 食堂分析', canteens: '食堂', dishes: '菜品', transactions: '交易笔数', period: '数据期间', chart: '每日就餐人次（近 90 天）', seeding: '正在生成演示数据…', empty: '暂无数据', other: 'English' },
  en: { title: 'Larder canteen analytics', canteens: 'Canteens', dishes: 'Dishes', transactions: 'Transactions', period: 'Data period', chart: 'Daily covers (last 90 days)', seeding: 'Preparing demo data…', empty: 'No data yet', other: '中文' },
};
const params = new URLSearchParams(location.search);
let lang = params.get('lang') || (navigator.language.startsWith('zh') ? 'zh-CN' : 'en');
const chart = echarts.init(document.getElementById('chart'));

function t(key) { return TEXT[lang][key]; }

function applyLanguage() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  document.getElementById('lang').textContent = t('other');
  document.title = t('title');
}

async function getJson(url) {
  const response = await fetch(url);
  if (response.status === 401) {
    location.href = `/login.html?lang=${lang}&next=${encodeURIComponent(location.pathname + location.search)}`;
    throw new Error('not signed in');
  }
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

function addDays(date, days) {
  return new Date(Date.parse(date + 'T00:00:00Z') + days * 86400000).toISOString().slice(0, 10);
}

async function load() {
  const health = await getJson('/health').catch(() => null);
  const status = document.getElementById('status');
  if (health && health.demo && health.demo.status === 'seeding') {
    status.textContent = `${t('seeding')} ${Math.round(health.demo.progress * 100)}%`;
    setTimeout(load, 2000);
    return;
  }
  const [summary, canteens] = await Promise.all([getJson('/api/summary'), getJson('/api/canteens')]);
  const number = new Intl.NumberFormat(lang);
  document.getElementById('canteens').textContent = number.format(summary.canteens);
  document.getElementById('dishes').textContent = number.format(summary.dishes);
  document.getElementById('transactions').textContent = number.format(summary.transactions);
  document.getElementById('period').textContent = summary.firstServiceDate ? `${summary.firstServiceDate} – ${summary.lastServiceDate}` : t('empty');
  if (!summary.lastServiceDate) { status.textContent = t('empty'); return; }
  status.textContent = '';
  const to = summary.lastServiceDate;
  const rows = await getJson(`/api/covers/daily?from=${addDays(to, -89)}&to=${to}`);
  const dates = [...new Set(rows.map((row) => row.serviceDate))];
  const series = canteens.map((canteen) => {
    const byDate = new Map(rows.filter((row) => row.canteenId === canteen.id).map((row) => [row.serviceDate, row.covers]));
    return { name: lang === 'en' ? canteen.nameEn : canteen.name, type: 'line', stack: 'covers', areaStyle: {}, showSymbol: false, data: dates.map((date) => byDate.get(date) ?? 0) };
  });
  chart.setOption({
    title: { text: t('chart'), left: 16, top: 12, textStyle: { fontSize: 15 } },
    tooltip: { trigger: 'axis' },
    legend: { top: 14, right: 16 },
    grid: { left: 56, right: 24, top: 56, bottom: 40 },
    xAxis: { type: 'category', data: dates },
    yAxis: { type: 'value' },
    series,
  }, true);
}

document.getElementById('lang').addEventListener('click', () => {
  lang = lang === 'en' ? 'zh-CN' : 'en';
  params.set('lang', lang);
  history.replaceState(null, '', `?${params}`);
  applyLanguage();
  load();
});
window.addEventListener('resize', () => chart.resize());
applyLanguage();
load().catch((error) => { document.getElementById('status').textContent = error.message; });
