import './styles.css';
import { initialLang, saveLang, translator, type Lang, type TextKey } from './i18n';

let lang: Lang = initialLang();

function applyLanguage(): void {
  const t = translator(lang);
  document.documentElement.lang = lang;
  document.title = `${t('signIn')} · ${t('brand')}`;
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = t(node.dataset.i18n as TextKey);
  document.getElementById('lang')!.textContent = t('switchTo');
}

document.getElementById('lang')!.addEventListener('click', () => {
  lang = lang === 'zh-CN' ? 'en' : 'zh-CN';
  saveLang(lang);
  applyLanguage();
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
