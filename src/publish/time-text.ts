/**
 * A time from a record or an API (`2026-11-27T16:36:53.519Z`, WordPress's GMT
 * `2026-11-27T16:36:53`) as a critic reads it: `2026-11-27 at 16:36 UTC`. Anything else as it is.
 */
export function readableTime(value: string): string {
  const match = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d)(?::\d\d(?:\.\d+)?)?(Z|[+-]00:?00)?$/.exec(value.trim());
  return match ? `${match[1]} at ${match[2]} UTC` : value;
}
