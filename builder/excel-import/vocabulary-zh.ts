/**
 * Chinese word → English key part, `word=key` separated by spaces (`word=` drops the word).
 * Matched longest first, so `价税合计` wins over `合计`.
 */
export const ZH_WORDS_TEXT = `
统一社会信用代码=uscc 价税合计=grandTotal 规格型号=spec 信用额度=creditLimit 已用额度=creditUsed 可用额度=creditAvailable
付款方式=paymentMethod 付款条件=paymentTerms 电子邮件=email 收货地址=shippingAddress 送货地址=deliveryAddress
联系电话=phone 联系人=contact 业务员=salesperson 销售员=salesperson 经办人=handler 仓管员=warehouseKeeper
签收人=receiver 负责人=owner 审核人=reviewer 制单人=preparer 折扣率=discountRate 起订量=minQty 有效期=validUntil
原订单=originalOrder 订单=order 订购=order 销售=sales 采购=purchase 退货=return 退款=refund 出库=stockOut
入库=stockIn 发货=shipping 收货=receiving 送货=delivery 交货=delivery 客户=customer 供应商=supplier
供货商=supplier 产品=product 商品=product 物料=material 货品=item 品名=productName 名称=name 编号=no 单号=no
号码=number 编码=code 代码=code 序号=lineNo 行号=lineNo 规格=spec 型号=model 单位=unit 数量=qty 单价=price 价格=price
标准=standard 金额=amount 总额=total 合计=total 小计=subtotal 总计=grandTotal 折扣=discount 优惠=discount
税率=taxRate 税额=taxAmount 含税=taxIncl 不含税=taxExcl 运费=freight 费用=fee 日期=date 时间=time 联系=contact
电话=phone 手机=mobile 邮箱=email 地址=address 区域=region 地区=region 省份=province 城市=city 付款=payment
支付=payment 方式=method 条件=terms 账期=paymentTerms 币种=currency 汇率=exchangeRate 仓库=warehouse
库位=location 备注=remarks 说明=notes 原因=reason 状态=status 等级=level 级别=level 类型=type 类别=category
信用=credit 额度=limit 已用=used 可用=available 余额=balance 建档=created 成交=deal 会员=member 重量=weight
体积=volume 批次=batch 批号=batchNo 实退=actualReturn 应退=refundDue 明细=items 清单=list 信息=info
交期=deliveryDate 部门=department 公司=company 开户行=bank 账号=account 发票=invoice 抬头=title 税号=taxNo
邮编=postcode 传真=fax 网址=website 品牌=brand 颜色=color 尺码=size 箱数=cartons 件数=pieces 箱=carton 档=tier
阶梯=tier 级=level 率=rate 额=amount 价=price 量=qty 号=no 人=person 的= 及=and 与=and 和=and 总=total 数=count
已= 所属= 应=due 实=actual 原=original 新=new 旧=old 月=month 年=year 日=day
`;
