import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * The one way Formwork configures ajv (definition documents and record data alike).
 *
 * - `allErrors` stays off: with it, a hostile payload (say 100,000 bad rows) makes ajv
 *   build one error object per failure, so memory and time grow with the attacker's input.
 *   Without it ajv stops at the first failure; the record validator gets several field
 *   errors by running one small validator per value instead (bounded by the data it reads).
 * - `$data` stays off: it would let data choose the limits it is checked against.
 * - `strict` is off so our `x-formula`, `x-visible-if`… annotations are accepted as-is.
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: false, $data: false, messages: true });
  addFormats(ajv, ['date', 'date-time', 'email']);
  return ajv;
}
