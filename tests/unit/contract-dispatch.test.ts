import { describe, expect, it, vi } from 'vitest';
import { createClient, dispatch, HostError, type Handlers, type Transport } from '../../src/contract';
import { requestNames } from '../../src/contract/request-names';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const fail = () => {
    throw new Error('not called in this test');
  };
  const every = Object.fromEntries(requestNames.map((name) => [name, fail])) as unknown as Handlers;
  return {
    ...every,
    'app.info': () => ({ host: 'http', version: '1', canChooseFolder: false, library: null }),
    'review.read': ({ path }) => ({ path, text: 'hi', bom: false, revision: 'r1', readOnly: null }),
    'app.readyToClose': () => null,
    ...overrides,
  };
}

const via = { via: 'direct' } as const;

describe('dispatch', () => {
  it('runs the handler with validated arguments and wraps the value', async () => {
    expect(await dispatch(handlers(), 'review.read', { path: 'a/index.md' }, via)).toEqual({
      ok: true,
      value: { path: 'a/index.md', text: 'hi', bom: false, revision: 'r1', readOnly: null },
    });
  });

  it.each([
    ['an unknown name', 'review.delete', {}],
    ['a prototype key as a name', '__proto__', {}],
    ['a name that is not a string', 42, {}],
    ['a missing argument', 'review.read', {}],
    ['an argument of the wrong type', 'review.read', { path: 7 }],
    ['an extra argument', 'review.read', { path: 'a.md', evil: true }],
    ['a path that is not a review', 'review.read', { path: 'a/secret.txt' }],
    ['a NUL in a path', 'review.read', { path: 'a\0.md' }],
    ['a year out of range', 'review.create', { filmTitle: 'X', year: 1700 }],
    ['a fractional year', 'review.create', { filmTitle: 'X', year: 1922.5 }],
    ['an empty film title', 'review.create', { filmTitle: '   ', year: 1922 }],
    ['arguments that are not an object', 'review.read', 'a.md'],
  ])('answers invalid-args for %s', async (_case, name, args) => {
    const result = await dispatch(handlers(), name, args, via);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid-args');
  });

  it('keeps the code and message of a HostError', async () => {
    const result = await dispatch(
      handlers({
        'review.read': () => {
          throw new HostError('not-found', 'The review a.md no longer exists.');
        },
      }),
      'review.read',
      { path: 'a.md' },
      via,
    );
    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: 'The review a.md no longer exists.' } });
  });

  it('reports a bug to the sink and answers internal without leaking its message', async () => {
    const sink = vi.fn();
    const result = await dispatch(
      handlers({
        'review.read': () => {
          throw new TypeError('secret stack detail');
        },
      }),
      'review.read',
      { path: 'a.md' },
      via,
      sink,
    );
    expect(sink).toHaveBeenCalledOnce();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(result.error.message).not.toContain('secret');
    }
  });
});

describe('client', () => {
  function transport(answer: unknown): Transport {
    return { invoke: async () => answer as never, subscribe: () => () => {}, assetUrl: (p) => `/stills/${p}` };
  }

  it('resolves with the value of an ok envelope', async () => {
    const client = createClient(transport({ ok: true, value: { revision: 'r2' } }));
    await expect(client.call('review.save', { path: 'a.md', text: '', bom: false, baseRevision: 'r1' })).resolves.toEqual({
      revision: 'r2',
    });
  });

  it('rejects with a HostError carrying the code of an error envelope', async () => {
    const client = createClient(transport({ ok: false, error: { code: 'conflict', message: 'changed on disk' } }));
    const error = await client.call('review.read', { path: 'a.md' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe('conflict');
  });

  it('rejects an answer that is not an envelope', async () => {
    const client = createClient(transport({ hello: 'world' }));
    await expect(client.call('app.info', {})).rejects.toMatchObject({ code: 'internal' });
  });

  it('maps image references to host URLs only inside the library', () => {
    const client = createClient(transport(null));
    expect(client.assetUrl('nosferatu-1922/index.md', 'stills/01 stairs.jpg')).toBe('/stills/nosferatu-1922/stills/01 stairs.jpg');
    expect(client.assetUrl('nosferatu-1922/index.md', '../other/stills/a.jpg')).toBe('/stills/other/stills/a.jpg');
    expect(client.assetUrl('nosferatu-1922/index.md', '../../etc/passwd')).toBeNull();
    expect(client.assetUrl('nosferatu-1922/index.md', 'https://example.com/a.jpg')).toBeNull();
    expect(client.assetUrl('nosferatu-1922/index.md', '/etc/passwd')).toBeNull();
    expect(client.assetUrl('nosferatu-1922/index.md', 'file:///etc/passwd')).toBeNull();
  });
});
