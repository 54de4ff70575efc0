import { describe, expect, it } from 'vitest';
import { compileForm, FormDefinitionError } from '../../../runtime/core/index.ts';
import { createAjv } from '../../../runtime/core/validate/ajv.ts';
import { salesOrder } from '../definition/fixtures/sales-order.ts';

describe('compileForm', () => {
  const compiled = compileForm(salesOrder());
  const schema = compiled.jsonSchema as any;
  const ui = compiled.uiSchema as any;

  describe('jsonSchema', () => {
    it('is a closed draft 2020-12 object schema with one property per value field', () => {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.type).toBe('object');
      expect(schema.additionalProperties).toBe(false);
      expect(Object.keys(schema.properties)).toEqual(ui['ui:order']);
      for (const layoutKey of ['header', 'delivery', 'note'])
        expect(schema.properties).not.toHaveProperty(layoutKey);
    });

    it('requires required fields that are neither computed nor under a visibility rule', () => {
      expect(schema.required).toEqual(['customer', 'orderDate', 'deliveryAddress', 'items']);
      expect(schema.properties.items.items.required).toEqual(['sku', 'qty', 'price']);
    });

    it('maps each field type to its JSON type and constraints', () => {
      const p = schema.properties;
      expect(p.customer).toMatchObject({ type: 'string', maxLength: 100, title: 'Customer' });
      expect(p.remarks).toMatchObject({
        type: 'string',
        maxLength: 10_000,
        description: 'Anything the warehouse should know',
      });
      expect(p.contactPhone).toMatchObject({ type: 'string', pattern: '^1[3-9]\\d{9}$' });
      expect(p.contactEmail).toMatchObject({ type: 'string', format: 'email' });
      expect(p.customerCode.pattern).toBe('^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$');
      expect(p.orderDate).toMatchObject({ type: 'string', format: 'date' });
      expect(p.status).toMatchObject({
        type: 'string',
        enum: ['draft', 'confirmed', 'shipped'],
        default: 'draft',
      });
      expect(p.tags).toMatchObject({ type: 'array', items: { enum: ['vip', 'export'] }, uniqueItems: true });
      expect(p.isUrgent.type).toBe('boolean');
      expect(p.salesRep).toMatchObject({ type: 'string', maxLength: 128 });
      expect(p.files).toMatchObject({ type: 'array', maxItems: 5 });
      expect(p.files.items).toMatchObject({
        type: 'object',
        required: ['id', 'name', 'size', 'type'],
        properties: { size: { maximum: 10 * 1024 * 1024 } },
        additionalProperties: false,
      });
      expect(p.total).toMatchObject({ type: 'number', readOnly: true, 'x-formula': 'SUM(items.amount)' });
    });

    it('describes line items as an array of closed row objects', () => {
      const items = schema.properties.items;
      expect(items).toMatchObject({
        type: 'array',
        minItems: 1,
        maxItems: 200,
        'x-totals': { qty: 'sum', amount: 'sum' },
      });
      expect(items.items.additionalProperties).toBe(false);
      expect(items.items.properties.qty).toMatchObject({ type: 'number', minimum: 1, 'x-precision': 0 });
      expect(items.items.properties.discount).toMatchObject({
        minimum: 0,
        maximum: 1,
        'x-required-if': 'price > 1000',
      });
      expect(items.items.properties.amount).toMatchObject({
        readOnly: true,
        'x-formula': 'qty * price * (1 - discount)',
      });
    });

    it('turns member, department and multiple variants into id strings or id arrays', () => {
      const def = salesOrder();
      def.fields.push({ key: 'watchers', type: 'member', label: 'Watchers', isMultiple: true });
      const watchers = (compileForm(def).jsonSchema as any).properties.watchers;
      expect(watchers).toMatchObject({ type: 'array', items: { type: 'string' }, uniqueItems: true });
    });

    it('compiles with ajv and accepts a valid order', () => {
      const validate = createAjv().compile(compiled.jsonSchema);
      const order = {
        customer: 'ACME',
        orderDate: '2024-11-26',
        deliveryAddress: 'Fuzhou',
        status: 'confirmed',
        items: [{ sku: 'AB-0001', qty: 2, price: 10, discount: 0.1, amount: 18 }],
        files: [{ id: 'f1', name: 'po.pdf', size: 1200, type: 'application/pdf' }],
        tags: ['vip'],
      };
      expect(validate(order)).toBe(true);
      expect(validate({ ...order, stray: 1 })).toBe(false);
    });
  });

  describe('uiSchema', () => {
    it('names a widget per type', () => {
      const widgets = Object.fromEntries(ui['ui:order'].map((key: string) => [key, ui[key]['ui:widget']]));
      expect(widgets).toMatchObject({
        orderNo: 'serial',
        customer: 'text',
        status: 'radio',
        tags: 'checkboxes',
        remarks: 'textarea',
        total: 'money',
        salesRep: 'member',
        salesDept: 'department',
        files: 'attachment',
        items: 'fw:table',
        isUrgent: 'checkbox',
        orderDate: 'date',
      });
      expect(ui.items.items.discount['ui:widget']).toBe('percent');
    });

    it('marks computed fields read-only and carries titles, help, labels and display options', () => {
      expect(ui.total).toMatchObject({
        'ui:readonly': true,
        'ui:title': 'Total',
        'ui:options': {
          formula: 'SUM(items.amount)',
          precision: 2,
          currency: 'CNY',
          thousandsSeparator: true,
        },
      });
      expect(ui.remarks['ui:help']).toBe('Anything the warehouse should know');
      expect(ui.status['ui:enumNames']).toEqual(['Draft', 'Confirmed', 'Shipped']);
      expect(ui.items.items['ui:order']).toEqual(['sku', 'qty', 'price', 'discount', 'amount']);
      expect(ui.items.items.qty['ui:options']).toEqual({ precision: 0, unit: 'pcs' });
      expect(ui.items.items.amount).toMatchObject({
        'ui:readonly': true,
        'ui:options': { formula: 'qty * price * (1 - discount)' },
      });
      expect(ui.items['ui:options']).toMatchObject({
        minRows: 1,
        maxRows: 200,
        totals: { qty: 'sum', amount: 'sum' },
      });
    });

    it('keeps sections, columns and static text in the layout tree', () => {
      const layout = ui['ui:options'].layout;
      expect(layout[3]).toEqual({
        type: 'columns',
        key: 'header',
        columns: [
          {
            width: 12,
            children: [
              { type: 'field', key: 'orderDate' },
              { type: 'field', key: 'contactPhone' },
            ],
          },
          {
            width: 12,
            children: [
              { type: 'field', key: 'status' },
              { type: 'field', key: 'contactEmail' },
            ],
          },
        ],
      });
      expect(layout[4]).toMatchObject({
        type: 'section',
        key: 'delivery',
        title: 'Delivery details',
        isCollapsible: true,
      });
      expect(layout[4].children).toHaveLength(4);
      expect(layout.find((node: any) => node.type === 'description')).toEqual({
        type: 'description',
        key: 'note',
        content: 'Prices include VAT.',
      });
    });
  });

  describe('fields index', () => {
    it('indexes value fields by name, table columns as table.column, with their definitions', () => {
      expect(Object.getPrototypeOf(compiled.fields)).toBeNull();
      expect(Object.keys(compiled.fields)).toContain('items.qty');
      expect(compiled.fields['items.qty']).toMatchObject({
        key: 'qty',
        name: 'items.qty',
        type: 'number',
        label: 'Quantity',
        min: 1,
        tableKey: 'items',
        isComputed: false,
      });
      expect(compiled.fields.deliveryDate).toMatchObject({ containers: ['delivery'], tableKey: null });
      expect(compiled.fields.total.isComputed).toBe(true);
      expect(compiled.fields).not.toHaveProperty('header');
      expect(compiled.fields).not.toHaveProperty('note');
    });
  });

  describe('formulaModel', () => {
    it('lists fields, tables and rules in the agreed shape', () => {
      const model = compiled.formulaModel;
      expect(model.fields.find((field) => field.key === 'total')).toEqual({
        key: 'total',
        type: 'money',
        formula: 'SUM(items.amount)',
        precision: 2,
      });
      expect(model.fields.find((field) => field.key === 'salesRep')).toEqual({
        key: 'salesRep',
        type: 'other',
      });
      expect(model.fields.find((field) => field.key === 'contactPhone')).toEqual({
        key: 'contactPhone',
        type: 'text',
      });
      expect(model.tables).toEqual([
        {
          key: 'items',
          columns: [
            { key: 'sku', type: 'text' },
            { key: 'qty', type: 'number', precision: 0 },
            { key: 'price', type: 'money', precision: 2 },
            { key: 'discount', type: 'percent', precision: 1 },
            { key: 'amount', type: 'money', formula: 'qty * price * (1 - discount)', precision: 2 },
          ],
        },
      ]);
      expect(model.rules).toEqual([
        { id: 'visible:deliveryDate', formula: 'status = "confirmed"' },
        { id: 'required:items.discount', formula: 'price > 1000', rowTable: 'items' },
        { id: 'readOnly:isUrgent', formula: 'status = "shipped"' },
      ]);
    });

    it('adds visibility rules of layout fields and table columns', () => {
      const def = salesOrder();
      (def.fields[4] as any).visibleIf = 'isUrgent';
      (def.fields[5] as any).columns[2].visibleIf = 'qty > 0';
      const compiledWithRules = compileForm(def);
      expect(compiledWithRules.formulaModel.rules).toEqual(
        expect.arrayContaining([
          { id: 'visible:delivery', formula: 'isUrgent' },
          { id: 'visible:items.price', formula: 'qty > 0', rowTable: 'items' },
        ]),
      );
      // a field under a conditional section is not statically required
      expect((compiledWithRules.jsonSchema as any).required).not.toContain('deliveryAddress');
    });
  });

  it('refuses an invalid definition with a FormDefinitionError', () => {
    const def = salesOrder();
    (def.fields[1] as any).pattern = '(a+)+$';
    expect(() => compileForm(def)).toThrow(FormDefinitionError);
  });

  it('is JSON-serialisable', () => {
    expect(JSON.parse(JSON.stringify(compiled)).jsonSchema).toEqual(compiled.jsonSchema);
  });
});
