import { Conflict, NotFound, ValidationError } from '../errors/index.ts';
import { compileForm, type CompiledForm } from '../../runtime/core/index.ts';
import type { Services } from '../services.ts';
import type { FormDoc, FormVersion } from '../store/types.ts';
import type { CompiledCache } from './compiled-cache.ts';
import { assertValidDefinition } from './form-definition-check.ts';
import { formulaProblems, testCaseFailures } from './formula-checks.ts';

/** Turns a form's draft into the next immutable version, and reads versions back. */
const MAX_CACHED_VERSIONS = 1000;

export function createFormPublisher({ store, audit }: Services, cache: CompiledCache) {
  const versions = new Map<string, FormVersion>();
  return {
    async publish(input: {
      form: FormDoc;
      expectedVersion: number;
      userId: string;
      ip?: string;
    }): Promise<FormVersion> {
      const { form } = input;
      const definition = assertValidDefinition(form.draft);
      // refuse before anything is written: the form must compile, its formulas must check, its test cases pass
      let compiled: CompiledForm;
      try {
        compiled = compileForm(definition);
      } catch (err) {
        throw new ValidationError('The form does not compile', [
          { path: 'definition', code: 'compile', message: err instanceof Error ? err.message : String(err) },
        ]);
      }
      const problems = formulaProblems(definition, compiled);
      if (problems.length) {
        throw new ValidationError(
          `The form's formulas have ${problems.length} problem${problems.length > 1 ? 's' : ''}`,
          problems,
        );
      }
      const failures = testCaseFailures(definition, compiled);
      if (failures.length) {
        const failed = new Set(failures.map((failure) => failure.path.split('/')[1])).size;
        throw new ValidationError(`${failed} formula test case${failed > 1 ? 's' : ''} failed`, failures);
      }
      const number = form.publishedVersion + 1;
      // Claim the number on the form first: a stale or concurrent publish fails here with 409.
      await store.forms.updateIfVersion(form.id, input.expectedVersion, { publishedVersion: number });
      const version = await store.formVersions.insert({
        formId: form.id,
        number,
        definition: form.draft,
        publishedBy: input.userId,
      });
      cache.put(version, compiled); // the first submissions need not compile again
      await store.ensureRecordIndexes(form.id, definition.settings?.indexedFields ?? []);
      await audit.write({
        actorId: input.userId,
        action: 'form.publish',
        targetType: 'form',
        targetId: form.id,
        after: { number },
        ip: input.ip,
      });
      return version;
    },

    async getVersion(formId: string, number: number): Promise<FormVersion> {
      const key = `${formId}@${number}`;
      const known = versions.get(key);
      if (known) return known;
      const page = await store.formVersions.list({
        filter: {
          op: 'and',
          items: [
            { op: 'eq', field: 'formId', value: formId },
            { op: 'eq', field: 'number', value: number },
          ],
        },
        limit: 1,
      });
      const version = page.items[0];
      if (!version) throw new NotFound('form version', key);
      // published versions never change, so a submission need not read them again
      if (versions.size >= MAX_CACHED_VERSIONS) versions.delete(versions.keys().next().value as string);
      versions.set(key, version);
      return version;
    },

    async getLatest(form: FormDoc): Promise<FormVersion> {
      if (form.publishedVersion < 1) throw new Conflict(`Form "${form.title}" has no published version yet`);
      return this.getVersion(form.id, form.publishedVersion);
    },
  };
}

export type FormPublisher = ReturnType<typeof createFormPublisher>;
