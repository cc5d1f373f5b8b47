import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const corpusDir = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));

export interface PayloadGroup {
  /** File name without extension, e.g. `p1-html`. */
  group: string;
  payloads: string[];
}

/** The hostile corpus, with `ATTACKER` replaced by the loopback attacker's origin. */
export function loadCorpus(attacker = 'http://127.0.0.1:9'): PayloadGroup[] {
  return readdirSync(corpusDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({
      group: name.replace(/\.txt$/, ''),
      payloads: readFileSync(corpusDir + name, 'utf8')
        .split(/^~~~~$/m)
        .map((p) => p.replace(/^\n+|\n+$/g, '').replaceAll('ATTACKER', attacker))
        .filter(Boolean),
    }));
}

const escapeAlt = (text: string) => text.replace(/([\\[\]])/g, '\\$1');
const escapeTitle = (text: string) => text.replace(/(["\\])/g, '\\$1');

/**
 * A review carrying every payload of a group: in the body as its own block, and (one-line
 * payloads) as the alt text and the caption of a figure.
 */
export function hostileReview(group: PayloadGroup): string {
  const parts = [`---\ntitle: "Hostile ${group.group}"\nstatus: draft\n---\n`];
  group.payloads.forEach((payload, i) => {
    parts.push(`Payload ${i + 1} in the body:\n\n${payload}\n`);
    if (!payload.includes('\n')) {
      parts.push(`![${escapeAlt(payload)}](stills/figure-${i + 1}.jpg "${escapeTitle(payload)}")\n`);
    }
  });
  return parts.join('\n');
}
