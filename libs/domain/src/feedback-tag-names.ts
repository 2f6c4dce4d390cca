/** English names of the feedback tags diners pick; a tag not listed is shown as it was given. */
const TAG_NAMES_EN: Readonly<Record<string, string>> = {
  太咸: 'Too salty',
  太油: 'Too oily',
  分量少: 'Small portion',
  价格贵: 'Too expensive',
  排队久: 'Long queue',
  不新鲜: 'Not fresh',
  菜凉了: 'Served cold',
  口味一般: 'Bland taste',
  售罄了: 'Sold out',
  品种少: 'Little choice',
  好吃: 'Tasty',
  新鲜: 'Fresh',
  分量足: 'Generous portion',
  实惠: 'Good value',
  服务好: 'Friendly service',
  上菜快: 'Quick service',
  品种多: 'Wide choice',
  环境好: 'Pleasant dining room',
};

/** A feedback tag in the reader's language: the page and the workbooks use this one table. */
export function feedbackTagName(tag: string, language: string): string {
  return language === 'en' ? (TAG_NAMES_EN[tag] ?? tag) : tag;
}
