/** Mainland China mobile number: 11 digits, `1` then `3`–`9`. No country code, no separators. */
export const MAINLAND_MOBILE_PATTERN = '^1[3-9]\\d{9}$';
const MAINLAND_MOBILE_REGEX = new RegExp(MAINLAND_MOBILE_PATTERN);

export function isMainlandMobile(value: string): boolean {
  return MAINLAND_MOBILE_REGEX.test(value);
}
