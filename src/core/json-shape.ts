/** Shallow checks of parsed JSON, for validators that run over every stored record. */

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

export function isStringOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}
