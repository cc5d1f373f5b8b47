/**
 * Small helpers for drawing the sample stills as SVG. Everything is seeded and rounded, so the
 * same library comes out byte for byte on every machine, which keeps tests and screenshots stable.
 */

/** A seeded pseudo-random generator (mulberry32): returns numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rounds a coordinate to a tenth, so the SVG stays short and identical across platforms. */
export function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** A grey as an SVG colour, from 0 (black) to 1 (white). The scenes are drawn in greys only. */
export function grey(level: number): string {
  const v = Math.max(0, Math.min(255, Math.round(level * 255)));
  const hex = v.toString(16).padStart(2, '0');
  return `#${hex}${hex}${hex}`;
}

type Attributes = Readonly<Record<string, string | number>>;

/** An SVG element. Numbers are rounded with `n`; use `grey` for colours. */
export function el(name: string, attributes: Attributes, children = ''): string {
  let markup = `<${name}`;
  for (const [key, value] of Object.entries(attributes)) {
    markup += ` ${key}="${typeof value === 'number' ? n(value) : value}"`;
  }
  return children ? `${markup}>${children}</${name}>` : `${markup}/>`;
}

/** A stroked, unfilled path: rigging, rails, seams, grass. */
export function line(d: string, colour: string, width: number, attributes: Attributes = {}): string {
  return el('path', { d, stroke: colour, 'stroke-width': width, fill: 'none', ...attributes });
}

/** A gradient stop: offset, then a grey level or a colour, then an opacity if not opaque. */
export type GradientStop = readonly [offset: number, colour: number | string, opacity?: number];

/** A gradient in its own `<defs>`, to be used as `url(#id)`. */
export function gradient(
  kind: 'linear' | 'radial',
  id: string,
  stops: readonly GradientStop[],
  attributes: Attributes = {},
): string {
  const markup = stops
    .map(([offset, colour, opacity]) =>
      el('stop', {
        offset,
        'stop-color': typeof colour === 'number' ? grey(colour) : colour,
        ...(opacity === undefined ? {} : { 'stop-opacity': opacity }),
      }),
    )
    .join('');
  return `<defs>${el(`${kind}Gradient`, { id, ...attributes }, markup)}</defs>`;
}

/** Wraps markup in an SVG document of the given pixel size (and by default, user space). */
export function svgDocument(width: number, height: number, body: string, viewBox = `0 0 ${width} ${height}`): string {
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox }, body);
}
