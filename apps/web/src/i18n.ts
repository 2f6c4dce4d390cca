/** Every word the page shows, in both languages; zh-CN is the reference the English must match. */
const zh = {
  brand: 'Larder 食堂分析', signOut: '退出', switchTo: 'English', loading: '加载中…', noData: '暂无数据', error: '加载失败',
  notPermitted: '无权访问', notPermittedBody: '您的角色不能查看此页面。', seeding: '正在生成演示数据…',
  'page.overview': '概览', 'page.dishes': '菜品', 'page.demand': '需求与预测', 'page.waste': '浪费', 'page.purchasing': '采购',
  'page.finance': '财务', 'page.satisfaction': '满意度', 'page.jobs': '任务',
  'role.admin': '管理员', 'role.manager': '食堂经理', 'role.finance': '财务', 'role.union': '工会', 'role.viewer': '访客',
  canteens: '食堂', allCanteens: '全部食堂', from: '开始', to: '结束', meal: '餐次', allMeals: '全部餐次', apply: '应用', reset: '重置',
  'meal.breakfast': '早餐', 'meal.lunch': '午餐', 'meal.dinner': '晚餐', 'meal.night': '夜宵',
  asOf: '数据截至', exportCsv: '导出 CSV', savePng: '保存图片', download: '下载 Excel',
  'report.finance': '财务月报', 'report.satisfaction': '满意度月报', 'report.waste': '浪费月报', 'report.accuracy': '预测准确率', 'report.purchase-plan': '采购计划',
  // overview
  'kpi.covers': '就餐人次', 'kpi.participationRate': '就餐率', 'kpi.revenueFen': '营业收入', 'kpi.subsidyFen': '补贴', 'kpi.foodCostPct': '食材成本率',
  'kpi.wasteKg': '浪费重量', 'kpi.wastePct': '浪费率', 'kpi.satisfaction': '满意度', vsPrevious: '较上期', today: '今日人次', thisWeek: '本周人次', forecast: '预测',
  'today.awaiting': '今天还没有数据', 'today.closed': '今天不营业', 'today.noService': '今天没有供餐',
  actual: '实际', band: '预测区间 P10–P90', coversVsForecast: '每日人次与预测', alerts: '提醒', noAlerts: '当前没有提醒',
  'alert.forecast_drift': '预测偏差', 'alert.unusual_waste': '浪费异常', 'alert.falling_ratings': '评分下降',
  // dishes
  dish: '菜品', category: '类别', quantity: '份数', share: '人次占比', revenue: '收入', margin: '单份毛利', rating: '评分', wasted: '浪费份数',
  quadrant: '象限', rankChange: '排名变化', popularity: '受欢迎度（人次占比）', ranking: '菜品销量排行', weeklyTrend: '热门菜品周趋势', matrix: '菜单工程矩阵',
  'quadrant.star': '明星', 'quadrant.plowhorse': '耕马', 'quadrant.puzzle': '谜题', 'quadrant.dog': '瘦狗', dishDetail: '菜品详情', back: '返回',
  salesHistory: '销售与浪费', prepared: '制作份数', ratingsWeekly: '每周评分', responses: '评价数', ingredientCost: '单份食材成本', pickDish: '点击排行或矩阵中的菜品查看详情',
  // demand
  forecastVsActual: '预测与实际', accuracy: '每周预测准确率', wape: 'WAPE', bias: '偏差', coverage80: '80% 区间覆盖率', heatmap: '每小时交易量（星期 × 小时）',
  allDishes: '全部菜品', weekday: '星期', hour: '小时', transactions: '交易笔数',
  'weekday.1': '周一', 'weekday.2': '周二', 'weekday.3': '周三', 'weekday.4': '周四', 'weekday.5': '周五', 'weekday.6': '周六', 'weekday.7': '周日',
  // waste
  wasteByKind: '按类型', wasteByDish: '按菜品（前 15）', wasteByCanteen: '按食堂', wasteTrend: '浪费率与目标', target: '目标', wasteCost: '浪费成本',
  wasteKg: '浪费（公斤）', portions: '份数', cost: '成本', wastePct: '浪费率', platePerCover: '人均剩菜（克）',
  'kind.overproduction': '过量制作', 'kind.plate': '剩菜', 'kind.spoilage': '变质',
  // purchasing
  plan: '生产计划', week: '周', version: '版本', status: '状态', approve: '批准计划', approved: '已批准', override: '调整份数', reason: '原因', save: '保存',
  'status.draft': '草稿', 'status.approved': '已批准', 'status.superseded': '已替代', 'status.cancelled': '已取消', 'status.sent': '已发送', 'status.received': '已收货',
  planLines: '计划明细', plannedPortions: '计划份数', forecastP50: '预测中位数', ordersBySupplier: '按供应商的采购单', supplier: '供应商', delivery: '送货日期', total: '金额',
  overrides: '调整记录', previous: '原份数', newPortions: '新份数', by: '操作人', noPlan: '该周还没有计划', emptyPlan: '此计划没有菜品明细（没有可用的需求预测）。', purchaseCost: '采购金额', foodCost: '食材成本',
  expectedLeftover: '预计剩余', costPerCover: '每人次食材成本', reasonRequired: '请填写原因', date: '日期',
  // purchase orders
  orderTitle: '采购单', orderBy: '截单时间', leadTime: '提前期', leadDays: '{n} 天', lineCount: '行数', ingredient: '食材', sku: '货号', pack: '包装', packs: '件数',
  unitPrice: '单价', address: '地址', phone: '电话', contact: '联系人', editPacks: '修改件数', editPacksTitle: '修改 {item} 的件数', sendOrder: '发送给供应商',
  receiveOrder: '确认收货', cancelOrder: '取消采购单', cancelOrderTitle: '取消此采购单？', orderEdits: '修改记录', downloadOrder: '下载采购单', downloadOrderPdf: '下载 PDF', orderPrintsAsIs: '采购单工作簿已按 A4 排版，可直接打印（本服务器未装办公软件，不能生成 PDF）。', closeOrder: '关闭',
  openOrderHint: '点击采购单查看明细', draftOrderNote: '草稿采购单随计划变化；批准计划后可修改件数并发送。', orderCanteen: '收货食堂', orderDate: '下单日期',
  'unit.kg': '公斤', 'unit.l': '升', 'unit.piece': '个', packsRule: '件数须为 0 或正整数', weekOrders: '本周全部采购单',
  'action.purchase-order': '采购单（全部）', 'action.purchase-order.edit': '修改采购单', 'action.purchase-order.send': '发送采购单', 'action.purchase-order.receive': '采购单收货',
  'action.purchase-order.cancel': '取消采购单', 'action.plan.revise': '修订计划',
  receiveTitle: '验收入库', receivedPacks: '实收件数', receivedPrice: '实收单价（元）', receivedAmount: '实收金额', differences: '差异', receivedTotal: '实收合计',
  stockOnHand: '库存', stockAsOf: '{date}，盘点日 {counted}', noCount: '无盘点', lastCount: '盘点数量', receivedSince: '盘点后到货', onHand: '可用库存', onTheWay: '在途', unitLabel: '单位',
  receiveNote: '备注', 'diff.short': '少送', 'diff.over': '多送', 'diff.price-up': '涨价', 'diff.price-down': '降价', receiveRule: '实收件数须为 0 或正整数，单价须为 0 或以上',
  // finance
  costPerMeal: '每餐成本', foodCostPct: '食材成本率', subsidySpent: '补贴支出', subsidyUsed: '补贴使用率', byChannel: '按支付渠道的收入', budgetVsActual: '预算与实际成本',
  budget: '预算', reconciliation: '对账', 'recon.matched': '已核对一致', 'recon.mismatched': '存在差异', 'recon.no_settlement': '无结算数据', checkedDays: '核对天数',
  mismatchedDays: '差异天数', difference: '差额', financeByCanteen: '各食堂财务', monthlyCost: '每月每餐成本与成本率', ingredientCostTotal: '食材成本', subsidy: '补贴', covers: '人次',
  'channel.card': '饭卡', 'channel.bank_app': '银行 App', 'channel.wechat': '微信支付', 'channel.alipay': '支付宝', 'channel.cash': '现金',
  // satisfaction
  average: '平均评分', satisfied: '满意比例', byCanteen: '各食堂评分', byDish: '菜品评分', tags: '投诉标签', mentions: '提及次数', lowShare: '低分占比',
  participation: '就餐率', priceFairness: '价格公平感', priceComplaints: '价格投诉占比', averagePaid: '人均支付', ratingTrend: '评分趋势', suppressed: '少于 {n} 人，已隐藏',
  aggregatedOnly: '仅显示汇总数据；少于 {n} 位就餐者的分组不显示。',
  praiseTags: '表扬标签', allTags: '全部标签', tagKind: '类别', 'tagKind.praise': '表扬', 'tagKind.complaint': '投诉', 'tagKind.other': '未分类',
  noComplaints: '所选时段没有可显示的投诉标签。', noPraise: '所选时段没有可显示的表扬标签。',
  commentThemes: '评论主题', themesHint: '评论经分词归纳为主题；仅显示至少 {n} 位就餐者的分组和主题词，示例评论已隐去数字、姓名和卡号。', themeGroups: '评论分组',
  themeWords: '主题词与示例评论', theme: '主题词', sentiment: '倾向', 'sentiment.praise': '表扬', 'sentiment.complaint': '投诉', 'sentiment.neutral': '中性',
  diners: '就餐者', example: '示例评论', wholeCanteen: '全食堂',
  partialWeek: '不完整周', partialWeeksNote: '不完整周单独标出，不与整周相连比较：', partialWeekDays: '{week} 仅 {n}/7 天有数据',
  // jobs
  job: '任务', runs: '最近运行', steps: '步骤', started: '开始时间', finished: '结束时间', duration: '耗时', attempts: '尝试', trigger: '触发方式', errorText: '错误',
  'job.succeeded': '成功', 'job.failed': '失败', 'job.running': '运行中', 'job.queued': '排队中', 'job.skipped': '跳过', stepDurations: '各步骤耗时（秒）',
  'job.empty': '无事可做', emptyRuns: '{n} 次运行无事可做', runDetail: '运行详情', closeRun: '关闭', openRunHint: '点击一行查看各步骤', counts: '计数', stepNo: '序号',
  currentStep: '正在：{step}', stepsFailed: '{failed}/{total} 个步骤失败', runFinanceReport: '生成财务月报', runPurchasePlanReport: '生成采购计划报表',
  'trigger.schedule': '定时', 'trigger.manual': '手动', 'trigger.startup': '首次启动',
  'jobName.nightly': '夜间任务', 'jobName.inbox': '收件箱导入', 'jobName.deliveries': '推送发送', 'jobName.finance-report': '财务月报',
  'jobName.purchase-plan-report': '采购计划报表', 'jobName.first-start': '首次启动准备',
  'step.scan-inbox': '扫描收件箱', 'step.pull-sources': '拉取数据源', 'step.refresh-rollups': '刷新汇总', 'step.forecast': '预测', 'step.draft-plans': '生成计划草稿',
  'step.queue-deliveries': '排队推送', 'step.send-deliveries': '发送推送', 'step.write-finance-report': '生成财务月报',
  'step.write-purchase-plan-report': '生成采购计划报表', 'step.forecast-history': '补算历史预测',
  'count.files': '文件', 'count.failed': '失败', 'count.waiting': '等待', 'count.accepted': '接收行', 'count.rejected': '拒收行', 'count.duplicates': '重复行',
  'count.inboxFiles': '收件箱文件', 'count.inboxFailed': '收件箱失败', 'count.inboxWaiting': '收件箱等待', 'count.inboxAccepted': '收件箱接收行',
  'count.sources': '数据源', 'count.pages': '页', 'count.pulledAccepted': '拉取接收行', 'count.pulledDuplicates': '拉取重复行', 'count.pulledRejected': '拉取拒收行',
  'count.days': '天', 'count.series': '序列', 'count.forecasts': '预测值', 'count.weeks': '周', 'count.reports': '报表', 'count.alerts': '提醒', 'count.sent': '已发送',
  'count.drafted': '已起草', 'count.approved-kept': '保留已批准', 'count.unchanged': '未变', 'count.overridden-kept': '保留调整',
  // the manager's week: confirmations, revisions, runs from the page
  confirmTitle: '请确认', confirm: '确认', cancel: '取消', approveTitle: '批准计划前请确认', approveConfirm: '确认批准', overrideTitle: '份数超出常规范围',
  overrideConfirm: '仍然保存', revise: '修订为新版本', draftPlan: '起草计划', draftNextWeek: '起草下周计划', replan: '重新起草', changesSinceDraft: '起草后的调整',
  'whatIf.title': '假设分析', 'whatIf.covers': '人次变化', 'whatIf.wholeWeek': '整周', 'whatIf.price': '食材价格变化', 'whatIf.noPriceChange': '不改价格',
  'whatIf.compute': '计算', 'whatIf.plan': '当前计划', 'whatIf.scenario': '假设', 'whatIf.shortfall': '预计短缺份数', 'whatIf.failed': '无法计算此假设，请检查输入',
  allDays: '全部日期', dishFilter: '按菜名筛选', overridden: '已调整',
  noChanges: '无调整', before: '调整前', after: '调整后', change: '变化', expectedLeftoverCost: '预计剩余成本', purchaseOrders: '采购单数',
  'reason.above-forecast': '超过预测 P99（{p99}）× 1.5，即 {limit} 份', 'reason.above-capacity': '超过座位数 {seats} × 当天餐次 {meals}，即 {limit} 份',
  'reason.past-cutoff': '{orders} 张采购单已过供应商截单时间（最早应于 {firstOrderDate} 下单）', 'reason.week-started': '该周已于 {weekStart} 开始（今天是 {today}）',
  warnings: '注意', runForecast: '运行预测', runNightly: '运行夜间任务', running: '正在运行…', runDone: '已完成', runFailed: '运行失败', elapsed: '已用 {s} 秒',
  stepsDone: '已完成 {done}/{total} 步', weekOf: '{week} 周', nextWeek: '下周',
  'start.seeding': '正在生成演示数据', 'start.forecasting': '正在预测并起草下周计划', 'start.history': '正在补充历史预测', 'start.ready': '准备就绪',
  startHint: '首次启动：准备完成后即可登录查看数据。',
  // login
  // admin pages
  'nav.admin': '管理', 'page.users': '用户', 'page.tokens': 'API 令牌', 'page.audit': '审计日志',
  'apiError.VALIDATION_FAILED': '输入的内容不符合要求', 'apiError.UNAUTHENTICATED': '登录已失效，请重新登录', 'apiError.FORBIDDEN': '您无权执行此操作',
  'apiError.NOT_FOUND': '找不到该记录，可能已被他人修改', 'apiError.CONFLICT': '与现有数据冲突', 'apiError.UNAVAILABLE': '服务暂时不可用，请稍后再试', 'apiError.other': '操作失败',
  userExists: '该用户名已存在', lastAdmin: '这是最后一位启用的管理员：请先设置另一位管理员', usernameRule: '用户名须为 3–32 位小写字母、数字、点、横线或下划线，并以字母开头',
  nameRequired: '请填写名称', pickScope: '请至少选择一项权限', copy: '复制', copied: '已复制', copyManually: '已选中，请按 Ctrl+C 复制', shownOnce: '此内容只显示这一次，关闭后无法再次查看。',
  done: '完成', roleLabel: '角色', activeLabel: '状态', createdAt: '创建时间', actions: '操作', addUser: '添加用户', create: '创建',
  edit: '编辑', disable: '停用', enable: '启用', resetPassword: '重置密码', 'user.active': '已启用', 'user.disabled': '已停用', editUser: '编辑用户 {user}',
  passwordFor: '{user} 的密码', confirmReset: '重置 {user} 的密码？其当前登录将全部失效。', canteensHint: '食堂经理只能查看所选食堂；其他角色可查看全部食堂。', everyCanteen: '全部',
  tokenName: '名称', scopes: '权限范围', revokedAt: '撤销时间', revoke: '撤销', createToken: '创建令牌', tokenFor: '令牌「{name}」', confirmRevoke: '撤销令牌「{name}」？使用它的系统将立即无法访问。',
  'scope.import': '导入数据', 'scope.read': '读取数据', 'scope.metrics': '监控指标', 'token.active': '有效', 'token.revoked': '已撤销',
  actionLabel: '操作类型', allActions: '全部操作', at: '时间', detail: '详情', filter: '筛选', anyone: '任何人',
  'action.login': '登录', 'action.login.failed': '登录失败', 'action.password.change': '修改密码', 'action.password.change.failed': '修改密码失败',
  'action.user': '用户（全部）', 'action.user.create': '创建用户', 'action.user.update': '修改用户', 'action.user.disable': '停用用户', 'action.user.enable': '启用用户',
  'action.user.password.reset': '重置密码', 'action.token': '令牌（全部）', 'action.token.create': '创建令牌', 'action.token.revoke': '撤销令牌',
  'action.plan': '计划（全部）', 'action.plan.approve': '批准计划', 'action.plan.override': '调整计划', 'action.import': '导入（全部）', 'action.import.failed': '导入失败', 'action.import.rollback': '撤回导入',
  'action.report': '报表（全部）', 'action.report.export': '导出报表', 'action.report.export.failed': '导出报表失败',
  'action.subscription': '订阅（全部）', 'action.subscription.create': '添加订阅', 'action.subscription.delete': '删除订阅', 'action.subscription.unsubscribe': '通过邮件退订',
  username: '用户名', password: '密码', signIn: '登录', loginFailed: '用户名或密码错误', tooMany: '尝试次数过多，请稍后再试',
  // subscriptions
  'page.subscriptions': '订阅', mySubscriptions: '我的订阅', allSubscriptions: '全部订阅', addSubscription: '添加订阅', topicLabel: '类型',
  'topic.report': '定期报表', 'topic.alert': '提醒', subjectLabel: '内容', periodLabel: '周期', 'period.weekly': '每周', 'period.monthly': '每月',
  languageLabel: '语言', 'language.zh-CN': '中文', 'language.en': 'English', channels: '发送方式', emailLabel: '电子邮件', webhookLabel: 'Webhook（企业微信/钉钉机器人）',
  'alert.plan_ready': '计划待审批', 'alert.price_rise': '供应商涨价', 'subscription.active': '有效', 'subscription.ended': '已退订', remove: '删除', owner: '用户',
  needChannel: '请填写电子邮件或 Webhook 地址', confirmRemove: '删除此订阅？待发送的消息也将取消。', subscriptionsHint: '定期报表以 Excel 附件发送；提醒在夜间任务发现时发送，每件事只发一次。每封邮件都附有退订链接。',
  'subjectReport.finance': '财务月报', 'subjectReport.satisfaction': '满意度报告', 'subjectReport.waste': '浪费报告', 'subjectReport.accuracy': '预测准确率报告', 'subjectReport.purchase-plan': '下周采购计划',
};

export type TextKey = keyof typeof zh;
export type Lang = 'zh-CN' | 'en';

const en: Record<TextKey, string> = {
  brand: 'Larder canteen analytics', signOut: 'Sign out', switchTo: '中文', loading: 'Loading…', noData: 'No data', error: 'Could not load',
  notPermitted: 'Not permitted', notPermittedBody: 'Your role cannot see this page.', seeding: 'Preparing demo data…',
  'page.overview': 'Overview', 'page.dishes': 'Dishes', 'page.demand': 'Demand & forecast', 'page.waste': 'Waste', 'page.purchasing': 'Purchasing',
  'page.finance': 'Finance', 'page.satisfaction': 'Satisfaction', 'page.jobs': 'Jobs',
  'role.admin': 'Admin', 'role.manager': 'Canteen manager', 'role.finance': 'Finance', 'role.union': 'Union', 'role.viewer': 'Viewer',
  canteens: 'Canteens', allCanteens: 'All canteens', from: 'From', to: 'To', meal: 'Meal', allMeals: 'All meals', apply: 'Apply', reset: 'Reset',
  'meal.breakfast': 'Breakfast', 'meal.lunch': 'Lunch', 'meal.dinner': 'Dinner', 'meal.night': 'Night',
  asOf: 'Data as of', exportCsv: 'Export CSV', savePng: 'Save image', download: 'Download Excel',
  'report.finance': 'Finance report', 'report.satisfaction': 'Satisfaction report', 'report.waste': 'Waste report', 'report.accuracy': 'Forecast accuracy', 'report.purchase-plan': 'Purchase plan',
  'kpi.covers': 'Covers', 'kpi.participationRate': 'Participation', 'kpi.revenueFen': 'Revenue', 'kpi.subsidyFen': 'Subsidy', 'kpi.foodCostPct': 'Food cost %',
  'kpi.wasteKg': 'Waste', 'kpi.wastePct': 'Waste %', 'kpi.satisfaction': 'Satisfaction', vsPrevious: 'vs previous', today: 'Covers today', thisWeek: 'Covers this week', forecast: 'Forecast',
  'today.awaiting': 'No data yet today', 'today.closed': 'Closed today', 'today.noService': 'No service today',
  actual: 'Actual', band: 'Forecast band P10–P90', coversVsForecast: 'Daily covers vs forecast', alerts: 'Alerts', noAlerts: 'No alerts right now',
  'alert.forecast_drift': 'Forecast drift', 'alert.unusual_waste': 'Unusual waste', 'alert.falling_ratings': 'Falling ratings',
  dish: 'Dish', category: 'Category', quantity: 'Portions', share: 'Share of covers', revenue: 'Revenue', margin: 'Margin per portion', rating: 'Rating', wasted: 'Wasted portions',
  quadrant: 'Quadrant', rankChange: 'Rank change', popularity: 'Popularity (share of covers)', ranking: 'Dish popularity', weeklyTrend: 'Top dishes by week', matrix: 'Menu-engineering matrix',
  'quadrant.star': 'Star', 'quadrant.plowhorse': 'Plowhorse', 'quadrant.puzzle': 'Puzzle', 'quadrant.dog': 'Dog', dishDetail: 'Dish detail', back: 'Back',
  salesHistory: 'Sales and waste', prepared: 'Prepared', ratingsWeekly: 'Weekly rating', responses: 'Responses', ingredientCost: 'Ingredient cost per portion', pickDish: 'Click a dish in the ranking or the matrix for its page',
  forecastVsActual: 'Forecast vs actual', accuracy: 'Weekly forecast accuracy', wape: 'WAPE', bias: 'Bias', coverage80: '80% band coverage', heatmap: 'Transactions by weekday × hour',
  allDishes: 'All dishes', weekday: 'Weekday', hour: 'Hour', transactions: 'Transactions',
  'weekday.1': 'Mon', 'weekday.2': 'Tue', 'weekday.3': 'Wed', 'weekday.4': 'Thu', 'weekday.5': 'Fri', 'weekday.6': 'Sat', 'weekday.7': 'Sun',
  wasteByKind: 'By kind', wasteByDish: 'By dish (top 15)', wasteByCanteen: 'By canteen', wasteTrend: 'Waste % against target', target: 'Target', wasteCost: 'Cost of waste',
  wasteKg: 'Waste (kg)', portions: 'Portions', cost: 'Cost', wastePct: 'Waste %', platePerCover: 'Plate waste per cover (g)',
  'kind.overproduction': 'Overproduction', 'kind.plate': 'Plate', 'kind.spoilage': 'Spoilage',
  plan: 'Production plan', week: 'Week', version: 'Version', status: 'Status', approve: 'Approve plan', approved: 'Approved', override: 'Override portions', reason: 'Reason', save: 'Save',
  'status.draft': 'Draft', 'status.approved': 'Approved', 'status.superseded': 'Superseded', 'status.cancelled': 'Cancelled', 'status.sent': 'Sent', 'status.received': 'Received',
  planLines: 'Plan lines', plannedPortions: 'Planned', forecastP50: 'Forecast median', ordersBySupplier: 'Purchase orders by supplier', supplier: 'Supplier', delivery: 'Delivery', total: 'Amount',
  overrides: 'Overrides', previous: 'Before', newPortions: 'After', by: 'By', noPlan: 'No plan for this week yet', emptyPlan: 'This plan has no lines (no demand forecast was available).', purchaseCost: 'Purchase cost', foodCost: 'Food cost',
  expectedLeftover: 'Expected leftover', costPerCover: 'Food cost per cover', reasonRequired: 'A reason is required', date: 'Date',
  orderTitle: 'Purchase order', orderBy: 'Order by', leadTime: 'Lead time', leadDays: '{n} days', lineCount: 'Lines', ingredient: 'Ingredient', sku: 'SKU', pack: 'Pack', packs: 'Packs',
  unitPrice: 'Price', address: 'Address', phone: 'Phone', contact: 'Contact', editPacks: 'Change packs', editPacksTitle: 'Change the packs of {item}', sendOrder: 'Send to supplier',
  receiveOrder: 'Mark received', cancelOrder: 'Cancel order', cancelOrderTitle: 'Cancel this order?', orderEdits: 'Changes', downloadOrder: 'Download order sheet', downloadOrderPdf: 'Download PDF', orderPrintsAsIs: 'The order workbook is laid out for A4 and prints as it is (LibreOffice is not installed on this server, so there is no PDF).', closeOrder: 'Close',
  openOrderHint: 'Click an order to open it', draftOrderNote: 'A draft order follows its plan; approve the plan to change packs and send it.', orderCanteen: 'Deliver to', orderDate: 'Order date',
  'unit.kg': 'kg', 'unit.l': 'l', 'unit.piece': 'pcs', packsRule: 'Packs must be 0 or a whole number', weekOrders: "All of the week's orders",
  'action.purchase-order': 'Purchase orders (all)', 'action.purchase-order.edit': 'Order changed', 'action.purchase-order.send': 'Order sent', 'action.purchase-order.receive': 'Order received',
  'action.purchase-order.cancel': 'Order cancelled', 'action.plan.revise': 'Plan revised',
  receiveTitle: 'Receive the delivery', receivedPacks: 'Received packs', receivedPrice: 'Received price (¥)', receivedAmount: 'Received amount', differences: 'Differences', receivedTotal: 'Received total',
  stockOnHand: 'Stock on hand', stockAsOf: '{date}, counted on {counted}', noCount: 'not counted', lastCount: 'Last count', receivedSince: 'Received since', onHand: 'On hand', onTheWay: 'On the way', unitLabel: 'Unit',
  receiveNote: 'Note', 'diff.short': 'Short', 'diff.over': 'Over', 'diff.price-up': 'Price up', 'diff.price-down': 'Price down', receiveRule: 'Received packs must be 0 or a whole number, the price 0 or more',
  costPerMeal: 'Cost per meal', foodCostPct: 'Food cost %', subsidySpent: 'Subsidy spent', subsidyUsed: 'Subsidy used', byChannel: 'Revenue by payment channel', budgetVsActual: 'Budget vs actual cost',
  budget: 'Budget', reconciliation: 'Reconciliation', 'recon.matched': 'Matched', 'recon.mismatched': 'Mismatched', 'recon.no_settlement': 'No settlement data', checkedDays: 'Days checked',
  mismatchedDays: 'Days mismatched', difference: 'Difference', financeByCanteen: 'Finance by canteen', monthlyCost: 'Monthly cost per meal and food cost %', ingredientCostTotal: 'Ingredient cost', subsidy: 'Subsidy', covers: 'Covers',
  'channel.card': 'Smart card', 'channel.bank_app': 'Bank app', 'channel.wechat': 'WeChat Pay', 'channel.alipay': 'Alipay', 'channel.cash': 'Cash',
  average: 'Average rating', satisfied: 'Satisfied', byCanteen: 'Ratings by canteen', byDish: 'Ratings by dish', tags: 'Complaint tags', mentions: 'Mentions', lowShare: 'Low-rating share',
  participation: 'Participation', priceFairness: 'Price fairness', priceComplaints: 'Price complaints', averagePaid: 'Paid per cover', ratingTrend: 'Rating trend', suppressed: 'under {n} diners, hidden',
  aggregatedOnly: 'Aggregates only; groups of fewer than {n} diners are not shown.',
  praiseTags: 'Praise tags', allTags: 'All tags', tagKind: 'Kind', 'tagKind.praise': 'Praise', 'tagKind.complaint': 'Complaint', 'tagKind.other': 'Unclassed',
  noComplaints: 'No complaint tags to show for this period.', noPraise: 'No praise tags to show for this period.',
  commentThemes: 'Comment themes', themesHint: 'Comments are segmented into themes; only groups and theme words of at least {n} diners are shown, and example comments have numbers, names and card numbers masked.', themeGroups: 'Comments by group',
  themeWords: 'Theme words and example comments', theme: 'Theme word', sentiment: 'Sentiment', 'sentiment.praise': 'Praise', 'sentiment.complaint': 'Complaint', 'sentiment.neutral': 'Neutral',
  diners: 'Diners', example: 'Example comment', wholeCanteen: 'Whole canteen',
  partialWeek: 'partial week', partialWeeksNote: 'Partial weeks are drawn apart, not joined to whole weeks:', partialWeekDays: '{week} has data on {n} of 7 days',
  job: 'Job', runs: 'Recent runs', steps: 'Steps', started: 'Started', finished: 'Finished', duration: 'Duration', attempts: 'Attempts', trigger: 'Trigger', errorText: 'Error',
  'job.succeeded': 'Succeeded', 'job.failed': 'Failed', 'job.running': 'Running', 'job.queued': 'Queued', 'job.skipped': 'Skipped', stepDurations: 'Step durations (s)',
  'job.empty': 'Nothing to do', emptyRuns: '{n} runs with nothing to do', runDetail: 'Run details', closeRun: 'Close', openRunHint: 'click a run to see its steps', counts: 'Counts', stepNo: 'No.',
  currentStep: 'now: {step}', stepsFailed: '{failed} of {total} steps failed', runFinanceReport: 'Write the finance report', runPurchasePlanReport: 'Write the purchase plan report',
  'trigger.schedule': 'Scheduled', 'trigger.manual': 'Manual', 'trigger.startup': 'First start',
  'jobName.nightly': 'Nightly run', 'jobName.inbox': 'Inbox import', 'jobName.deliveries': 'Deliveries', 'jobName.finance-report': 'Finance report',
  'jobName.purchase-plan-report': 'Purchase plan report', 'jobName.first-start': 'First start',
  'step.scan-inbox': 'Scan the inbox', 'step.pull-sources': 'Pull sources', 'step.refresh-rollups': 'Refresh rollups', 'step.forecast': 'Forecast', 'step.draft-plans': 'Draft plans',
  'step.queue-deliveries': 'Queue deliveries', 'step.send-deliveries': 'Send deliveries', 'step.write-finance-report': 'Write the finance report',
  'step.write-purchase-plan-report': 'Write the purchase plan report', 'step.forecast-history': 'Forecast history',
  'count.files': 'files', 'count.failed': 'failed', 'count.waiting': 'waiting', 'count.accepted': 'rows accepted', 'count.rejected': 'rows rejected', 'count.duplicates': 'duplicates',
  'count.inboxFiles': 'inbox files', 'count.inboxFailed': 'inbox failed', 'count.inboxWaiting': 'inbox waiting', 'count.inboxAccepted': 'inbox rows accepted',
  'count.sources': 'sources', 'count.pages': 'pages', 'count.pulledAccepted': 'pulled rows accepted', 'count.pulledDuplicates': 'pulled duplicates', 'count.pulledRejected': 'pulled rows rejected',
  'count.days': 'days', 'count.series': 'series', 'count.forecasts': 'forecasts', 'count.weeks': 'weeks', 'count.reports': 'reports', 'count.alerts': 'alerts', 'count.sent': 'sent',
  'count.drafted': 'drafted', 'count.approved-kept': 'approved kept', 'count.unchanged': 'unchanged', 'count.overridden-kept': 'overrides kept',
  confirmTitle: 'Please confirm', confirm: 'Confirm', cancel: 'Cancel', approveTitle: 'Confirm before approving', approveConfirm: 'Approve', overrideTitle: 'Portions out of the usual range',
  overrideConfirm: 'Save anyway', revise: 'Revise as a new version', draftPlan: 'Draft plan', draftNextWeek: "Draft next week's plan", replan: 'Draft again', changesSinceDraft: 'Changes since the draft',
  'whatIf.title': 'What-if', 'whatIf.covers': 'Covers change', 'whatIf.wholeWeek': 'Whole week', 'whatIf.price': 'Ingredient price change', 'whatIf.noPriceChange': 'No price change',
  'whatIf.compute': 'Compute', 'whatIf.plan': 'Current plan', 'whatIf.scenario': 'What-if', 'whatIf.shortfall': 'Expected shortfall (portions)', 'whatIf.failed': 'This what-if cannot be computed; check the figures',
  allDays: 'All days', dishFilter: 'Filter by dish', overridden: 'Overridden',
  noChanges: 'No changes', before: 'Before', after: 'After', change: 'Change', expectedLeftoverCost: 'Expected leftover cost', purchaseOrders: 'Purchase orders',
  'reason.above-forecast': "above the forecast's P99 ({p99}) × 1.5, i.e. {limit} portions", 'reason.above-capacity': 'above {seats} seats × {meals} meals that day, i.e. {limit} portions',
  'reason.past-cutoff': "{orders} order(s) are past their supplier's cut-off (the first was due on {firstOrderDate})", 'reason.week-started': 'the week began on {weekStart} (today is {today})',
  warnings: 'Note', runForecast: 'Run forecast', runNightly: 'Run the nightly run', running: 'Running…', runDone: 'Done', runFailed: 'The run failed', elapsed: '{s} s so far',
  stepsDone: '{done} of {total} steps done', weekOf: 'week {week}', nextWeek: 'Next week',
  'start.seeding': 'Generating the demo data', 'start.forecasting': "Forecasting and drafting next week's plans", 'start.history': 'Adding the forecast history', 'start.ready': 'Ready',
  startHint: 'First start: sign in when the preparation is done to see the data.',
  'nav.admin': 'Admin', 'page.users': 'Users', 'page.tokens': 'API tokens', 'page.audit': 'Audit log',
  'apiError.VALIDATION_FAILED': 'Some input is not valid', 'apiError.UNAUTHENTICATED': 'Your session has ended; please sign in again', 'apiError.FORBIDDEN': 'You may not do this',
  'apiError.NOT_FOUND': 'Not found; someone may have changed it', 'apiError.CONFLICT': 'This conflicts with what is stored', 'apiError.UNAVAILABLE': 'The service is unavailable; try again shortly', 'apiError.other': 'That did not work',
  userExists: 'That username is taken', lastAdmin: 'This is the last active admin: make another admin first', usernameRule: 'A username is 3–32 lower-case letters, digits, dots, dashes or underscores, starting with a letter',
  nameRequired: 'A name is required', pickScope: 'Choose at least one scope', copy: 'Copy', copied: 'Copied', copyManually: 'Selected; press Ctrl+C to copy', shownOnce: 'This is shown only once; it cannot be seen again after you close this.',
  done: 'Done', roleLabel: 'Role', activeLabel: 'Status', createdAt: 'Created', actions: 'Actions', addUser: 'Add a user', create: 'Create',
  edit: 'Edit', disable: 'Disable', enable: 'Enable', resetPassword: 'Reset password', 'user.active': 'Active', 'user.disabled': 'Disabled', editUser: 'Edit {user}',
  passwordFor: 'Password for {user}', confirmReset: 'Reset the password of {user}? All their sessions end.', canteensHint: 'A canteen manager sees only the chosen canteens; other roles see every canteen.', everyCanteen: 'All',
  tokenName: 'Name', scopes: 'Scopes', revokedAt: 'Revoked', revoke: 'Revoke', createToken: 'Create a token', tokenFor: 'Token "{name}"', confirmRevoke: 'Revoke the token "{name}"? Systems using it lose access at once.',
  'scope.import': 'Import data', 'scope.read': 'Read data', 'scope.metrics': 'Metrics', 'token.active': 'Active', 'token.revoked': 'Revoked',
  actionLabel: 'Action', allActions: 'All actions', at: 'Time', detail: 'Detail', filter: 'Filter', anyone: 'Anyone',
  'action.login': 'Sign-in', 'action.login.failed': 'Failed sign-in', 'action.password.change': 'Password change', 'action.password.change.failed': 'Failed password change',
  'action.user': 'Users (all)', 'action.user.create': 'User created', 'action.user.update': 'User changed', 'action.user.disable': 'User disabled', 'action.user.enable': 'User enabled',
  'action.user.password.reset': 'Password reset', 'action.token': 'Tokens (all)', 'action.token.create': 'Token created', 'action.token.revoke': 'Token revoked',
  'action.plan': 'Plans (all)', 'action.plan.approve': 'Plan approved', 'action.plan.override': 'Plan override', 'action.import': 'Imports (all)', 'action.import.failed': 'Failed import', 'action.import.rollback': 'Import rolled back',
  'action.report': 'Reports (all)', 'action.report.export': 'Report exported', 'action.report.export.failed': 'Failed report export',
  'action.subscription': 'Subscriptions (all)', 'action.subscription.create': 'Subscription added', 'action.subscription.delete': 'Subscription removed', 'action.subscription.unsubscribe': 'Unsubscribed by link',
  username: 'Username', password: 'Password', signIn: 'Sign in', loginFailed: 'Wrong username or password', tooMany: 'Too many attempts; try again in a minute',
  // subscriptions
  'page.subscriptions': 'Subscriptions', mySubscriptions: 'My subscriptions', allSubscriptions: 'All subscriptions', addSubscription: 'Add a subscription', topicLabel: 'Kind',
  'topic.report': 'Scheduled report', 'topic.alert': 'Alert', subjectLabel: 'What', periodLabel: 'Period', 'period.weekly': 'Weekly', 'period.monthly': 'Monthly',
  languageLabel: 'Language', 'language.zh-CN': '中文', 'language.en': 'English', channels: 'Sent by', emailLabel: 'E-mail', webhookLabel: 'Webhook (WeCom/DingTalk robot)',
  'alert.plan_ready': 'Plan ready for approval', 'alert.price_rise': 'Price rise', 'subscription.active': 'Active', 'subscription.ended': 'Unsubscribed', remove: 'Remove', owner: 'User',
  needChannel: 'Give an e-mail address or a webhook URL', confirmRemove: 'Remove this subscription? Messages waiting to be sent are dropped too.', subscriptionsHint: 'Reports come as an Excel attachment; alerts are sent when the nightly run finds them, each once. Every e-mail carries an unsubscribe link.',
  'subjectReport.finance': 'Monthly finance report', 'subjectReport.satisfaction': 'Satisfaction report', 'subjectReport.waste': 'Waste report', 'subjectReport.accuracy': 'Forecast accuracy report', 'subjectReport.purchase-plan': "Next week's purchase plan",
};

const TEXTS: Record<Lang, Record<TextKey, string>> = { 'zh-CN': zh, en };
const STORAGE_KEY = 'larder.lang';

/** The saved choice, else Chinese when the browser prefers it, else English. */
export function initialLang(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'zh-CN' || saved === 'en') return saved;
  return (navigator.languages ?? [navigator.language]).some((tag) => tag.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export function saveLang(lang: Lang): void {
  localStorage.setItem(STORAGE_KEY, lang);
}

export type Translate = (key: TextKey, values?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  return (key, values) => {
    let text = TEXTS[lang][key] ?? key;
    for (const [name, value] of Object.entries(values ?? {})) text = text.replace(`{${name}}`, String(value));
    return text;
  };
}

/** Keys built from data (meal names, statuses) fall back to the raw value when unknown. */
export function textOr(t: Translate, key: string, fallback: string): string {
  return key in zh ? t(key as TextKey) : fallback;
}
