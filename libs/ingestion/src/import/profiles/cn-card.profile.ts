import { MappingProfile } from './mapping-profile';

/**
 * A typical Chinese smart-canteen (一卡通) export: one row per dish line of a payment, its serial
 * number repeated. The amounts are the line's: 消费金额 what the dishes cost, 补贴金额 the employer's
 * part, 实付金额 what the diner paid; a payment's totals are the sums over its rows.
 */
export const CN_CARD_PROFILE: MappingProfile = {
  name: 'cn-card',
  description: '智慧食堂一卡通消费流水导出 (typical Chinese smart-canteen card export)',
  source: 'cn-card',
  amountUnit: 'yuan',
  // some card systems export no 交易流水号: one is derived from time, card and terminal
  deriveSerials: true,
  kinds: {
    transactions: {
      externalId: ['交易流水号', '流水号', '消费流水号', '订单号'],
      occurredAt: ['交易时间', '消费时间', '刷卡时间'],
      cardNo: ['卡号', '物理卡号', '卡片号'],
      employeeNo: ['工号', '员工编号', '人员编号'],
      lineAmount: ['消费金额', '应收金额', '金额'],
      lineSubsidy: ['补贴金额', '补贴'],
      linePaid: ['实付金额', '实收金额', '个人支付'],
      terminal: ['窗口', '消费窗口', '终端', '设备名称', '终端号'],
      meal: ['餐别', '餐次', '餐段'],
      dish: ['菜品编码', '菜品编号'],
      dishName: ['菜品名称', '菜品', '菜名'],
      quantity: ['数量', '份数'],
      unitPrice: ['单价'],
      channel: ['支付方式', '支付渠道'],
      canteen: ['食堂', '食堂名称', '餐厅', '营业点'],
      kind: ['交易类型', '类型'],
      refundOf: ['原交易流水号', '原流水号', '退款原流水号'],
      lineNo: ['明细序号', '序号'],
    },
    dishes: {
      code: ['菜品编码', '菜品编号'],
      name: ['菜品名称', '菜名'],
      category: ['菜品类别', '类别'],
      listPrice: ['原价', '单价', '售价'],
      subsidisedPrice: ['员工价', '补贴价'],
      portionKg: ['份量(公斤)', '份量公斤', '每份重量(kg)'],
    },
  },
};
