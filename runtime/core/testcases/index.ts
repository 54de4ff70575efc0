export { describeDifference, runFormTestCases } from './run-test-cases.ts';
export type { TestCaseDifference, TestCaseOptions, TestCaseResult } from './run-test-cases.ts';
export { isSameValue } from './compare.ts';
