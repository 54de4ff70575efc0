/**
 * Words that name the same thing in the headers of Chinese and English business sheets.
 * Each group is normalised (see `normalizeHeader`) before comparison.
 */
export const BUILT_IN_ALIASES: readonly (readonly string[])[] = [
  ['客户', '客户名称', '客户名', '购货单位', '购买方', 'customer', 'customername', 'client', 'buyer'],
  ['供应商', '供应商名称', '供货单位', 'supplier', 'vendor'],
  ['订单号', '订单编号', '单号', '单据编号', '销售单号', 'orderno', 'ordernumber', 'order', 'orderid', 'po', 'pono'],
  ['日期', '订单日期', '下单日期', '单据日期', 'date', 'orderdate'],
  ['交货日期', '交期', '送货日期', 'deliverydate', 'duedate'],
  ['数量', '订购数量', 'qty', 'quantity', 'count', 'pcs'],
  ['单价', '价格', '售价', 'price', 'unitprice', 'rate'],
  ['金额', '总额', '总金额', '合计', '小计', 'amount', 'total', 'subtotal', 'sum'],
  ['税率', 'taxrate', 'vat', 'vatrate'],
  ['税额', 'tax', 'taxamount'],
  ['产品', '产品名称', '商品', '商品名称', '品名', '物料', '物料名称', 'product', 'productname', 'item', 'itemname', 'description'],
  ['编码', '产品编码', '物料编码', '货号', 'sku', 'code', 'itemcode', 'productcode', 'partno'],
  ['规格', '规格型号', '型号', 'spec', 'specification', 'model'],
  ['单位', '计量单位', 'unit', 'uom'],
  ['电话', '手机', '手机号', '手机号码', '联系电话', '联系方式', 'phone', 'mobile', 'tel', 'telephone', 'cellphone'],
  ['邮箱', '电子邮箱', '电子邮件', '邮件', 'email', 'mail', 'emailaddress'],
  ['联系人', '联系人姓名', 'contact', 'contactname', 'contactperson'],
  ['地址', '联系地址', '送货地址', '收货地址', 'address', 'deliveryaddress', 'shippingaddress'],
  ['统一社会信用代码', '信用代码', '社会信用代码', '税号', '纳税人识别号', 'uscc', 'creditcode', 'taxid', 'taxno'],
  ['部门', '所属部门', '销售部门', 'department', 'dept'],
  ['销售员', '业务员', '销售代表', '负责人', 'salesrep', 'salesperson', 'owner'],
  ['备注', '说明', '附注', 'note', 'notes', 'remark', 'remarks', 'comment', 'comments', 'memo'],
  ['状态', 'status', 'state'],
  ['性别', 'gender', 'sex'],
  ['姓名', '名字', 'name', 'fullname'],
  ['币种', '货币', 'currency'],
  ['折扣', '折扣率', 'discount'],
];
