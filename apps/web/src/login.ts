import './styles.css';
import { initialLang, saveLang, translator, type Lang, type TextKey } from './i18n';

let lang: Lang = initialLang();

interface StartHealth {
  status: string;
  demo?: { status: string; progress: number };
  start?: { phase: string; progress: number };
}

let lastHealth: StartHealth | null = null;

function applyLanguage(): void {
  const t = translator(lang);
  document.documentElement.lang = lang;
  document.title = `${t('signIn')} · ${t('brand')}`;
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = t(node.dataset.i18n as TextKey);
  document.getElementById('lang')!.textContent = t('switchTo');
  showStart();
}

/** On a first start the demo is still being prepared: say how far, so nobody signs in to empty pages. */
function showStart(): void {
  const box = document.getElementById('start')!;
  const phase = lastHealth?.start?.phase ?? (lastHealth?.demo?.status === 'seeding' ? 'seeding' : null);
  const preparing = lastHealth !== null && lastHealth.status === 'starting' && (phase === 'seeding' || phase === 'forecasting');
  box.hidden = !preparing;
  if (!preparing) return;
  const t = translator(lang);
  const progress = lastHealth!.start?.progress ?? (lastHealth!.demo?.progress ?? 0) * 0.5;
  document.getElementById('start-phase')!.textContent = t(phase === 'forecasting' ? 'start.forecasting' : 'start.seeding');
  document.getElementById('start-percent')!.textContent = `${Math.floor(progress * 100)}%`;
  (document.getElementById('start-bar') as HTMLProgressElement).value = progress;
}

async function watchStart(): Promise<void> {
  // /health answers within a second even while the demo seeds (test/browser/first-minute, while it seeds).
  const health = (await fetch('/health')
    .then((response) => response.json())
    .catch(() => null)) as StartHealth | null;
  if (health) lastHealth = health;
  showStart();
  if (!health || health.status === 'starting') setTimeout(() => void watchStart(), 1000);
}

document.getElementById('lang')!.addEventListener('click', () => {
  lang = lang === 'zh-CN' ? 'en' : 'zh-CN';
  saveLang(lang);
  applyLanguage();
  void watchStart();
});

document.getElementById('login')!.addEventListener('submit', (event) => {
  event.preventDefault();
  void signIn();
});

async function signIn(): Promise<void> {
  const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value;
  const response = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: value('username'), password: value('password') }),
  });
  if (response.ok) {
    const next = new URLSearchParams(location.search).get('next');
    // Only a path on this site: an open redirect would let a link send people elsewhere after sign-in.
    location.href = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
    return;
  }
  document.getElementById('error')!.textContent = translator(lang)(response.status === 429 ? 'tooMany' : 'loginFailed');
}

applyLanguage();
void watchStart();
