const TEXT = {
  'zh-CN': { title: 'Larder 食堂分析', username: '用户名', password: '密码', submit: '登录', failed: '用户名或密码错误', tooMany: '尝试次数过多，请稍后再试' },
  en: { title: 'Larder canteen analytics', username: 'Username', password: 'Password', submit: 'Sign in', failed: 'Wrong username or password', tooMany: 'Too many attempts; try again in a minute' },
};
const lang = new URLSearchParams(location.search).get('lang') || (navigator.language.startsWith('zh') ? 'zh-CN' : 'en');
document.documentElement.lang = lang;
document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = TEXT[lang][node.dataset.i18n]; });

document.getElementById('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const response = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: document.getElementById('username').value, password: document.getElementById('password').value }),
  });
  if (response.ok) {
    const next = new URLSearchParams(location.search).get('next');
    location.href = next && next.startsWith('/') && !next.startsWith('//') ? next : `/?lang=${lang}`;
    return;
  }
  document.getElementById('error').textContent = TEXT[lang][response.status === 429 ? 'tooMany' : 'failed'];
});
