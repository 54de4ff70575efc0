import fs from 'node:fs';
import path from 'node:path';
import type { Services } from '../services.ts';
import type { Json } from '../store/types.ts';
import { createCompiledCache } from '../forms/compiled-cache.ts';
import { createFormPublisher } from '../forms/publish.ts';

const DEMO_DIR = path.resolve(import.meta.dirname, '../../templates/demo');
const DEMO_FORMS = ['sales-order.json', 'customer.json'];

/** Creates and publishes the demo forms, owned by the admin, fillable by everyone. */
export async function seedDemoForms(services: Services): Promise<void> {
  const { store } = services;
  const admin = (
    await store.users.list({ filter: { op: 'eq', field: 'username', value: 'admin' }, limit: 1 })
  ).items[0];
  const publisher = createFormPublisher(services, createCompiledCache());
  for (const file of DEMO_FORMS) {
    const definition = JSON.parse(fs.readFileSync(path.join(DEMO_DIR, file), 'utf8')) as {
      settings: { title: string; description?: string; indexedFields: string[] };
    };
    const form = await store.forms.insert({
      title: definition.settings.title,
      description: definition.settings.description,
      draft: definition as unknown as Json,
      grants: { submit: ['*'], viewAll: ['role:admin'], manage: [`user:${admin.id}`, 'role:designer'] },
      indexedFields: definition.settings.indexedFields,
      publishedVersion: 0,
      createdBy: admin.id,
      isArchived: false,
    });
    await publisher.publish({ form, expectedVersion: form.version, userId: admin.id });
  }
}
