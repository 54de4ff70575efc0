import json, collections
EN = {
 "title": "Data import", "addRule": "Add a rule", "addRules": "Rules…", "rulesCount": "{{count}} rule(s)",
 "rulesTitle": "Cleansing rules for {{column}}", "rulesHint": "Rules run in order, before the value is converted to the field's type (numbers, dates, options, yes/no).",
 "changedBody": "They were edited after the import. Undo can remove the other records and keep these:",
 "changedTitle": "{{count}} record(s) changed since the import",
 "column": "Column", "commit": "Import {{count}} records", "committed": "Imported: {{inserted}} new, {{updated}} updated.",
 "confidence": "Match", "decimalComma": "Decimal comma (1.234,5)", "decimalPoint": "Decimal point (1,234.5)",
 "downloadErrors": "Error report (.xlsx)", "drop": "Drop a file here or click to choose one", "dropHint": ".xlsx, .xlsm, .xls, .ods or .csv (UTF-8 or GBK), up to 20 MB",
 "dryRun": "Dry run", "errorList": "Errors", "errorRate": "Error rate", "errorRecords": "With errors", "errorsShort": "errors",
 "eta": "about {{seconds}} s left", "existing": "Key already in the form", "field": "Field", "file": "File", "form": "Form",
 "headerRow": "Header row", "inFile": "Key repeated in the file", "inserts": "New", "intoForm": "Into form {{form}}",
 "itemKeyColumn": "Order number column of the line-item sheet", "itemMapping": "Line-item columns of sheet {{sheet}}", "itemSheet": "Line-item sheet",
 "keyColumn": "Order number column", "keyColumnHint": "Rows with the same order number form one record; a blank order number continues the order above.",
 "keyFields": "Key fields (duplicates)", "keyFieldsHint": "Records with the same values in these fields are duplicates.",
 "lineItems": "Line items", "lineNone": "None", "lineRepeated": "Repeated rows of this sheet", "lineSheet": "Rows of another sheet",
 "manual": "Manual", "mapping": "Columns and fields", "message": "Message", "notImported": "Not imported",
 "onMissingError": "Other values are errors", "onMissingKeep": "Keep other values", "options": "Options", "outcomeTitle": "Outcome",
 "overThreshold": "{{rate}}% of the records have errors, above the {{limit}}% threshold: nothing will be written. Fix the file or raise the threshold.",
 "pickForm": "Choose the form to import into", "pickFormFirst": "Choose a form first", "processed": "{{processed}} rows", "processedOf": "{{processed}} of {{total}}",
 "recordStatus": "Status of imported records", "records": "Records", "refuse": "Refuse", "reuse": "Reuse settings of an earlier import",
 "reuseMissing": "Columns not found in this file: {{columns}}", "row": "Row", "rowOutcomes": "Rows", "rule": "Rule", "rules": "Cleansing rules",
 "samples": "Sample values", "sheet": "Sheet", "skips": "Skipped", "stateTitle": "State", "stepCommit": "Import", "stepDryRun": "Dry run", "stepMap": "Map columns",
 "table": "Line-item table", "threshold": "Error threshold", "thresholdHint": "Nothing is written when more records than this have errors.",
 "timeZone": "Time zone", "timeZoneHint": "Date-times without a zone are read as local time here and stored in UTC (IANA name, e.g. Asia/Shanghai).",
 "truncate": "Truncate", "undo": "Undo import", "undoBody": "Removes the {{count}} records this import wrote (updated records get their old values back).",
 "undoConfirm": "Undo this import?", "undoKeepChanged": "Undo, keep changed records",
 "undone": "Undone: {{removed}} removed, {{restored}} restored, {{kept}} kept because they changed.",
 "unmappedRequired": "Required fields with no column: {{fields}}. Every record will fail on them.", "updates": "Updated", "value": "Value",
 "rule": "Rule",
}
ZH = {
 "title": "数据导入", "addRule": "添加规则", "addRules": "规则…", "rulesCount": "{{count}} 条规则",
 "rulesTitle": "{{column}} 的清洗规则", "rulesHint": "规则按顺序执行，然后再转换为字段类型（数字、日期、选项、是/否）。",
 "changedBody": "这些记录在导入后被修改过。撤销可以删除其他记录并保留它们：",
 "changedTitle": "导入后有 {{count}} 条记录被修改",
 "column": "列", "commit": "导入 {{count}} 条记录", "committed": "已导入：新增 {{inserted}} 条，更新 {{updated}} 条。",
 "confidence": "匹配度", "decimalComma": "小数逗号（1.234,5）", "decimalPoint": "小数点（1,234.5）",
 "downloadErrors": "错误报告（.xlsx）", "drop": "将文件拖到此处，或点击选择", "dropHint": ".xlsx、.xlsm、.xls、.ods 或 .csv（UTF-8 或 GBK），不超过 20 MB",
 "dryRun": "试导入", "errorList": "错误", "errorRate": "错误率", "errorRecords": "有错误", "errorsShort": "错误",
 "eta": "约剩 {{seconds}} 秒", "existing": "表单中已有相同键", "field": "字段", "file": "文件", "form": "表单",
 "headerRow": "表头行", "inFile": "文件内键重复", "inserts": "新增", "intoForm": "导入到表单 {{form}}",
 "itemKeyColumn": "明细表中的订单号列", "itemMapping": "工作表 {{sheet}} 的明细列", "itemSheet": "明细工作表",
 "keyColumn": "订单号列", "keyColumnHint": "订单号相同的行合并为一条记录；订单号为空的行接续上一订单。",
 "keyFields": "键字段（查重）", "keyFieldsHint": "这些字段的值都相同的记录视为重复。",
 "lineItems": "明细", "lineNone": "无", "lineRepeated": "本表中的重复行", "lineSheet": "另一张工作表的行",
 "manual": "手动", "mapping": "列与字段", "message": "说明", "notImported": "不导入",
 "onMissingError": "其他值报错", "onMissingKeep": "保留其他值", "options": "选项", "outcomeTitle": "结果",
 "overThreshold": "{{rate}}% 的记录有错误，超过 {{limit}}% 的阈值：不会写入任何数据。请修正文件或提高阈值。",
 "pickForm": "选择要导入的表单", "pickFormFirst": "请先选择表单", "processed": "{{processed}} 行", "processedOf": "{{processed}} / {{total}}",
 "recordStatus": "导入记录的状态", "records": "记录", "refuse": "报错", "reuse": "沿用以前导入的设置",
 "reuseMissing": "本文件中找不到这些列：{{columns}}", "row": "行", "rowOutcomes": "逐行结果", "rule": "规则", "rules": "清洗规则",
 "samples": "示例值", "sheet": "工作表", "skips": "跳过", "stateTitle": "状态", "stepCommit": "导入", "stepDryRun": "试导入", "stepMap": "映射列",
 "table": "明细表", "threshold": "错误阈值", "thresholdHint": "有错误的记录超过此比例时不写入任何数据。",
 "timeZone": "时区", "timeZoneHint": "不带时区的日期时间按此时区读取并以 UTC 保存（IANA 名称，如 Asia/Shanghai）。",
 "truncate": "截断", "undo": "撤销导入", "undoBody": "删除本次导入写入的 {{count}} 条记录（被更新的记录恢复原值）。",
 "undoConfirm": "撤销本次导入？", "undoKeepChanged": "撤销，保留已修改的记录",
 "undone": "已撤销：删除 {{removed}} 条，恢复 {{restored}} 条，{{kept}} 条因已修改而保留。",
 "unmappedRequired": "以下必填字段没有对应的列：{{fields}}。所有记录都会因此出错。", "updates": "更新", "value": "值",
}
NESTED_EN = {
 "rule": None,
}
RULES = ["trim","collapseSpaces","halfWidth","case","number","date","valueMap","boolean","alias","uscc","phone","email","length","required"]
RULE_EN = {"trim":"Trim spaces","collapseSpaces":"Collapse spaces","halfWidth":"Full-width → half-width","case":"Change case","number":"Number","date":"Date","valueMap":"Value map","boolean":"Yes / no","alias":"Alias dictionary","uscc":"USCC check","phone":"Phone check","email":"E-mail check","length":"Length limit","required":"Required"}
RULE_ZH = {"trim":"去首尾空格","collapseSpaces":"合并空格","halfWidth":"全角转半角","case":"大小写","number":"数字","date":"日期","valueMap":"值映射","boolean":"是 / 否","alias":"别名词典","uscc":"统一社会信用代码校验","phone":"手机号校验","email":"邮箱校验","length":"长度限制","required":"必填"}
GROUPS_EN = {
 "ruleType": RULE_EN,
 "case": {"upper":"UPPER CASE","lower":"lower case","title":"Title Case"},
 "method": {"exact":"Exact match","normalized":"Match after normalising","alias":"Match by alias","fuzzy":"Similar label"},
 "policy": {"error":"Report an error","skip":"Skip the row","update":"Update the existing record"},
 "status": {"submitted":"Submitted","approved":"Approved","draft":"Draft"},
 "phase": {"validating":"Dry run","committing":"Importing","undoing":"Undoing"},
 "outcome": {"all":"All","insert":"New","update":"Update","skip":"Skip","error":"Error"},
 "state": {"uploaded":"Uploaded","validating":"Dry run…","validated":"Checked","committing":"Importing…","committed":"Imported","failed":"Failed","undoing":"Undoing…","undone":"Undone"},
}
GROUPS_ZH = {
 "ruleType": RULE_ZH,
 "case": {"upper":"大写","lower":"小写","title":"首字母大写"},
 "method": {"exact":"完全匹配","normalized":"规范化后匹配","alias":"别名匹配","fuzzy":"标签相似"},
 "policy": {"error":"报错","skip":"跳过该行","update":"更新已有记录"},
 "status": {"submitted":"已提交","approved":"已通过","draft":"草稿"},
 "phase": {"validating":"试导入","committing":"导入中","undoing":"撤销中"},
 "outcome": {"all":"全部","insert":"新增","update":"更新","skip":"跳过","error":"错误"},
 "state": {"uploaded":"已上传","validating":"试导入中…","validated":"已检查","committing":"导入中…","committed":"已导入","failed":"失败","undoing":"撤销中…","undone":"已撤销"},
}
def section(flat, groups):
    d = collections.OrderedDict()
    for k in sorted(flat):
        d[k] = flat[k]
    for g, v in groups.items():
        d[g] = collections.OrderedDict(v)
    return d
for path, flat, groups, adminLabel in [("web/i18n/en.json", EN, GROUPS_EN, "Data import"), ("web/i18n/zh-CN.json", ZH, GROUPS_ZH, "数据导入")]:
    with open(path, encoding="utf-8") as f:
        data = json.load(f, object_pairs_hook=collections.OrderedDict)
    data["admin"]["imports"] = adminLabel
    data["imports"] = section(flat, groups)
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
print("ok")
