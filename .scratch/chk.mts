import { validateFormDefinition } from '../runtime/core/index.ts';
import { customerForm } from '../tests/imports/data/fixtures.ts';
console.log(JSON.stringify((validateFormDefinition as any)(customerForm())));
