/** The record shape both the real API and the bare baseline answer in the api bench. */
export const orderFormSchema = {
  type: 'object',
  required: ['customer', 'amount'],
  properties: {
    customer: { type: 'string', title: 'Customer' },
    amount: { type: 'number', title: 'Amount', minimum: 0 },
    region: { type: 'string', title: 'Region', enum: ['north', 'south', 'east', 'west'] },
    note: { type: 'string', title: 'Note' },
  },
};

const REGIONS = ['north', 'south', 'east', 'west'];

export function sampleOrder(i: number) {
  return {
    customer: `Customer ${String(i % 500).padStart(3, '0')}`,
    amount: (i * 37) % 10_000,
    region: REGIONS[i % 4],
    note: 'Deliver to the north gate, call ahead. '.repeat(8),
  };
}
