/** The page an unsubscribe link opens: said in both languages, the subscriber's first. */
export function unsubscribePage(outcome: { subject: string; language: string; already: boolean }): string {
  const zh = outcome.already ? '此订阅此前已退订。' : '已退订，今后不再发送此订阅的消息。';
  const en = outcome.already ? 'This subscription had already been ended.' : 'You are unsubscribed: nothing more will be sent for this subscription.';
  const [first, second] = outcome.language === 'en' ? [en, zh] : [zh, en];
  return (
    `<!doctype html><html lang="${outcome.language === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><title>Larder</title></head>` +
    `<body><h1>Larder</h1><p data-unsubscribed>${first}</p><p>${second}</p></body></html>`
  );
}
