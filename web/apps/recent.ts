/** The forms this browser opened last, newest first (the "recent" row on the Apps home). */
const KEY = 'formwork.recentForms';
const MAX = 6;

export function recentFormIds(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((id): id is string => typeof id === 'string').slice(0, MAX)
      : [];
  } catch {
    return [];
  }
}

export function rememberForm(id: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify([id, ...recentFormIds().filter((x) => x !== id)].slice(0, MAX)));
  } catch {
    // best effort
  }
}
