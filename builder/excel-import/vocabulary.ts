/**
 * Business words of order-processing templates. Pinyin is not available, so Chinese
 * labels get English keys only through this list (`客户名称` → customer + name →
 * `customerName`); anything not covered falls back to `field_<n>`.
 */

/** Chinese word → English key part(s), matched longest first. */
const ZH: ReadonlyArray<readonly [string, string]> = [
  ['统一社会信用代码', 'uscc'], ['价税合计', 'grandTotal'], ['规格型号', 'spec'], ['信用额度', 'creditLimit'],
  ['付款方式', 'paymentMethod'], ['付款条件', 'paymentTerms'], ['电子邮件', 'email'], ['收货地址', 'shippingAddress'],
  ['送货地址', 'deliveryAddress'], ['联系电话', 'phone'], ['联系人', 'contact'], ['业务员', 'salesperson'],
  ['销售员', 'salesperson'], ['经办人', 'handler'], ['负责人', 'owner'], ['审核人', 'reviewer'], ['制单人', 'preparer'],
  ['折扣率', 'discountRate'], ['起订量', 'minQty'], ['有效期', 'validUntil'], ['原订单', 'originalOrder'],
  ['订单', 'order'], ['销售', 'sales'], ['采购', 'purchase'], ['退货', 'return'], ['退款', 'refund'], ['出库', 'stockOut'],
  ['入库', 'stockIn'], ['发货', 'shipping'], ['收货', 'receiving'], ['送货', 'delivery'], ['交货', 'delivery'],
  ['客户', 'customer'], ['供应商', 'supplier'], ['供货商', 'supplier'], ['产品', 'product'], ['商品', 'product'],
  ['物料', 'material'], ['货品', 'item'], ['品名', 'productName'], ['名称', 'name'], ['编号', 'no'], ['单号', 'no'],
  ['号码', 'number'], ['编码', 'code'], ['代码', 'code'], ['序号', 'lineNo'], ['行号', 'lineNo'], ['规格', 'spec'],
  ['型号', 'model'], ['单位', 'unit'], ['数量', 'qty'], ['单价', 'price'], ['价格', 'price'], ['标准', 'standard'],
  ['金额', 'amount'], ['总额', 'total'], ['合计', 'total'], ['小计', 'subtotal'], ['总计', 'grandTotal'],
  ['折扣', 'discount'], ['优惠', 'discount'], ['税率', 'taxRate'], ['税额', 'taxAmount'], ['含税', 'taxIncl'],
  ['不含税', 'taxExcl'], ['运费', 'freight'], ['费用', 'fee'], ['日期', 'date'], ['时间', 'time'], ['联系', 'contact'],
  ['电话', 'phone'], ['手机', 'mobile'], ['邮箱', 'email'], ['地址', 'address'], ['区域', 'region'], ['地区', 'region'],
  ['省份', 'province'], ['城市', 'city'], ['付款', 'payment'], ['支付', 'payment'], ['方式', 'method'],
  ['条件', 'terms'], ['账期', 'paymentTerms'], ['币种', 'currency'], ['汇率', 'exchangeRate'], ['仓库', 'warehouse'],
  ['库位', 'location'], ['备注', 'remarks'], ['说明', 'notes'], ['原因', 'reason'], ['状态', 'status'],
  ['等级', 'level'], ['级别', 'level'], ['类型', 'type'], ['类别', 'category'], ['信用', 'credit'], ['额度', 'limit'],
  ['已用', 'used'], ['可用', 'available'], ['余额', 'balance'], ['建档', 'created'], ['成交', 'deal'], ['会员', 'member'],
  ['重量', 'weight'], ['体积', 'volume'], ['批次', 'batch'], ['批号', 'batchNo'], ['实退', 'actualReturn'],
  ['应退', 'refundDue'], ['明细', 'items'], ['清单', 'list'], ['信息', 'info'], ['交期', 'deliveryDate'],
  ['部门', 'department'], ['公司', 'company'], ['开户行', 'bank'], ['账号', 'account'], ['发票', 'invoice'],
  ['抬头', 'title'], ['税号', 'taxNo'], ['邮编', 'postcode'], ['传真', 'fax'], ['网址', 'website'], ['品牌', 'brand'],
  ['颜色', 'color'], ['尺码', 'size'], ['箱数', 'cartons'], ['件数', 'pieces'], ['箱', 'carton'], ['档', 'tier'],
  ['阶梯', 'tier'], ['级', 'level'], ['率', 'rate'], ['额', 'amount'], ['价', 'price'], ['量', 'qty'], ['号', 'no'],
  ['人', 'person'], ['的', ''], ['及', 'and'], ['与', 'and'], ['和', 'and'], ['总', 'total'], ['数', 'count'],
  ['已', ''], ['应', 'due'], ['实', 'actual'], ['原', 'original'], ['新', 'new'], ['旧', 'old'], ['月', 'month'],
  ['年', 'year'], ['日', 'day'],
];

const ZH_WORDS = new Map(ZH);
const LONGEST = Math.max(...ZH.map(([word]) => word.length));

export type FieldHint = 'uscc' | 'email' | 'phone' | 'date' | 'datetime' | 'percent' | 'money' | 'number' | 'textarea' | 'boolean';

/** Header words → field type, first match wins (so `税率` is a percent before `税` reads as money). */
const HINTS: ReadonlyArray<readonly [RegExp, FieldHint]> = [
  [/统一社会信用代码|信用代码|\buscc\b|social credit/i, 'uscc'],
  [/邮箱|电子邮件|e-?mail/i, 'email'],
  [/手机|\bmobile\b|cell ?phone/i, 'phone'],
  [/时间戳|日期时间|date ?time|timestamp/i, 'datetime'],
  [/日期|交期|\bdate\b|\bdob\b/i, 'date'],
  [/税率|折扣|折让|比例|百分比|tax ?rate|discount|percent|%/i, 'percent'],
  [/单价|价格|金额|总额|合计|小计|总计|税额|运费|费用|余额|额度|\bprice|amount|total|\bcost|\bfee\b|freight|shipping|\btax\b|balance|credit limit|refund/i, 'money'],
  [/数量|件数|箱数|起订量|\bqty\b|quantity|\bcount\b|\bpcs\b/i, 'number'],
  [/备注|说明|描述|remarks?|\bnotes?\b|comments?|description/i, 'textarea'],
  [/^是否|yes\/no/i, 'boolean'],
];

export function hintFromWords(text: string): FieldHint | null {
  for (const [pattern, hint] of HINTS) if (pattern.test(text)) return hint;
  return null;
}

/**
 * Splits a label into English key parts: ASCII words as written, Chinese words through
 * the vocabulary. Null when a Chinese character is not covered.
 */
export function keyParts(text: string): string[] | null {
  const parts: string[] = [];
  const source = text.replace(/#/g, ' no ').replace(/\./g, '');
  let i = 0;
  while (i < source.length) {
    const ascii = /^[A-Za-z0-9]+/.exec(source.slice(i));
    if (ascii) {
      parts.push(ascii[0]);
      i += ascii[0].length;
      continue;
    }
    if (!/[\u3400-\u9fff\uf900-\ufaff]/.test(source[i])) {
      i++;
      continue;
    }
    let matched = false;
    for (let len = Math.min(LONGEST, source.length - i); len > 0; len--) {
      const english = ZH_WORDS.get(source.slice(i, i + len));
      if (english === undefined) continue;
      if (english) parts.push(english);
      i += len;
      matched = true;
      break;
    }
    if (!matched) return null;
  }
  return parts;
}
