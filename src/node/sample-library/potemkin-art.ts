import type { StillScene } from './film-still';
import { el, gradient, grey, line, n, seededRandom } from './svg';

/**
 * The Odessa steps seen from one side: treads run level across the frame and the flight
 * descends to the bottom right between two long diagonal parapets.
 */
const flightSlope = 0.78;
const flightWidth = 760;

/** The flight's left parapet at height y; the right one is `flightWidth` further on. */
function flightLeft(y: number): number {
  return -250 + y * flightSlope;
}

/** A point on the steps: `across` from 0 (left parapet) to 1 (right), at height y. */
function onSteps(across: number, y: number): { x: number; y: number } {
  return { x: flightLeft(y) + across * flightWidth, y };
}

/** The top of each tread, from the top of the frame down. */
function treadTops(): number[] {
  const tops: number[] = [];
  let y = -20;
  for (let step = 0; y < 1100; step++) {
    tops.push(y);
    // Nearer steps look deeper; every eleventh is a landing, as on the real staircase.
    y += step % 11 === 10 ? 70 + y * 0.04 : 24 + y * 0.012;
  }
  return tops;
}

function flight(): string {
  const top = -40;
  const bottom = 1120;
  const band =
    `M${n(flightLeft(top))} ${top}L${n(flightLeft(top) + flightWidth)} ${top}` +
    `L${n(flightLeft(bottom) + flightWidth)} ${bottom}L${n(flightLeft(bottom))} ${bottom}Z`;
  let risers = '';
  let nosings = '';
  for (const y of treadTops()) {
    risers += `M-400 ${n(y)}h2400v${n(7 + y * 0.006)}h-2400z`;
    nosings += `M-400 ${n(y)}h2400`;
  }
  const parapet = (offset: number, width: number, tone: number) => {
    const [x0, x1] = [flightLeft(top) + offset, flightLeft(bottom) + offset];
    return el('path', { d: `M${n(x0)} ${top}h${width}L${n(x1 + width)} ${bottom}h${-width}Z`, fill: grey(tone) });
  };
  return (
    `<defs>${el('clipPath', { id: 'flight' }, el('path', { d: band }))}</defs>` +
    el(
      'g',
      { 'clip-path': 'url(#flight)' },
      el('rect', { x: -400, y: top, width: 2400, height: 1200, fill: grey(0.72) }) +
        el('path', { d: risers, fill: grey(0.26) }) +
        line(nosings, grey(0.92), 2),
    ) +
    parapet(-54, 54, 0.22) +
    parapet(-54, 10, 0.6) +
    parapet(flightWidth, 60, 0.34) +
    parapet(flightWidth, 10, 0.7)
  );
}

/** A soldier marching away from us, rifle at the shoulder; feet at the origin. */
const soldier = el('path', {
  d:
    'M-10 -92h20v-7h-20zM-8 -92a8 9 0 0 0 16 0z' + // cap and head
    'M-15 -80h30l3 42h-36z' + // tunic
    'M-12 -38l-4 38h9l7 -30l7 30h9l-4 -38z' + // legs mid-stride
    'M12 -78l6 -46l3 0l-5 46z', // rifle and bayonet
});

/** Someone struck down, lying across a step. */
const fallen = el('ellipse', { cx: 0, cy: -8, rx: 34, ry: 10 }) + el('circle', { cx: 34, cy: -12, r: 9 });

/**
 * A running figure, thick-limbed so that it reads at a small size; feet at the origin. `reach`
 * raises the arms (0 swinging, 1 thrown up); women run in long skirts.
 */
function runner(lean: number, flip: boolean, reach: number, skirt: boolean): string {
  const hand = (side: number) => `${n(side * (18 + 6 * reach))} ${n(-34 - 34 * reach * (side > 0 ? 1 : 0.6))}`;
  const body = skirt ? 'M-10 -57h20l13 55h-46z' : 'M-10 -57h20l5 30h-30z';
  const limbs = (skirt ? '' : 'M-5 -30L-15 0M5 -30L14 -4') + `M-9 -52L${hand(-1)}M9 -52L${hand(1)}`;
  return el(
    'g',
    { transform: `${flip ? 'scale(-1 1) ' : ''}skewX(${n(lean)})` },
    el('circle', { cx: 0, cy: -68, r: 9 }) +
      el('path', { d: body }) +
      line(limbs, 'currentColor', 8, { 'stroke-linecap': 'round' }),
  );
}

/** The pram, hood up, its wheels on the step. */
const pram =
  el('path', { d: 'M-30 -54h56a6 6 0 0 1 6 6v20h-68v-20a6 6 0 0 1 6 -6zM-30 -54a30 30 0 0 1 30 -30v30z' }) +
  line('M26 -50l22 -22', 'currentColor', 5) +
  [-18, 18]
    .map((cx) => el('circle', { cx, cy: -12, r: 11, fill: 'none', stroke: 'currentColor', 'stroke-width': 5 }))
    .join('');

/** The shadow a low sun behind the figure throws down the steps, towards the camera. */
function shadowOf(markup: string, x: number, y: number, length: number): string {
  return el('g', { transform: `matrix(1 0 ${n(-0.35 * length)} ${n(-length)} ${n(x)} ${n(y)})` }, markup);
}

/**
 * The Odessa steps: a line of soldiers at the top, their shadows stretched down the flight;
 * people flee below them, and a pram stands alone among them.
 */
export function odessaSteps(): StillScene {
  const random = seededRandom(1905);
  const ground =
    gradient('linear', 'haze', [
      [0, 0.1],
      [0.55, 0.2],
      [1, 0.62],
    ], { x1: 0, y1: 0, x2: 1, y2: 0.6 }) +
    el('rect', { width: 1440, height: 1080, fill: 'url(#haze)' }) +
    flight();
  let figures = '';
  let shadows = '';
  const place = (markup: string, at: { x: number; y: number }, scale: number, shadow: number) => {
    const scaled = el('g', { transform: `scale(${n(scale)})` }, markup);
    figures += el('g', { transform: `translate(${n(at.x)} ${n(at.y)})` }, scaled);
    if (shadow > 0) shadows += shadowOf(scaled, at.x, at.y, shadow);
  };
  for (let i = 0; i < 9; i++) place(soldier, onSteps(0.08 + i * 0.105, 200 + (i % 2) * 6), 1.1, 2.2);
  // The crowd on a jittered grid, so that nobody stands on anybody; the pram's place is kept.
  for (let row = 0; row < 5; row++) {
    for (let column = 0; column < 3; column++) {
      if (row === 3 && column === 1) continue;
      const y = 340 + row * 124 + (random() - 0.5) * 60;
      const at = onSteps(0.17 + column * 0.33 + (random() - 0.5) * 0.16, y);
      const scale = 0.85 + (y / 1080) * 0.6;
      if (random() < 0.22) place(fallen, at, scale, 0);
      else place(runner(-6 - random() * 16, random() < 0.4, random(), random() < 0.4), at, scale, 1.3);
    }
  }
  place(pram, onSteps(0.5, 740), 1.45, 1.2);
  return {
    layers: [
      { svg: ground },
      { svg: el('g', { fill: '#000', color: '#000', opacity: 0.55 }, shadows), blur: 2.5 },
      { svg: el('g', { fill: grey(0.07), color: grey(0.07) }, figures) },
    ],
    tone: 'silver',
    seed: 1925,
  };
}

/** A tapered gun barrel from breech to muzzle, with a band of light along its top. */
function barrel(x0: number, y0: number, x1: number, y1: number, breech: number, muzzle: number): string {
  const length = Math.hypot(x1 - x0, y1 - y0);
  const [ux, uy] = [(x1 - x0) / length, (y1 - y0) / length];
  // Offsets towards the sky side of the bore (positive) or the sea side (negative).
  const side = (x: number, y: number, half: number) => `${n(x + uy * half)} ${n(y - ux * half)}`;
  const quad = (near: number, far: number, nearInner: number, farInner: number) =>
    `M${side(x0, y0, near)}L${side(x1, y1, far)}L${side(x1, y1, farInner)}L${side(x0, y0, nearInner)}Z`;
  let hoops = '';
  for (const t of [0.3, 0.34, 0.66]) {
    const half = (breech + (muzzle - breech) * t) * 1.12;
    const [x, y] = [x0 + (x1 - x0) * t, y0 + (y1 - y0) * t];
    hoops += `M${side(x, y, half)}L${side(x, y, -half)}`;
  }
  const muzzleEnd = (along: number, rx: number, ry: number, fill: string) => {
    const [cx, cy] = [x1 + ux * along, y1 + uy * along];
    const angle = (Math.atan2(uy, ux) * 180) / Math.PI;
    return el('ellipse', { cx, cy, rx, ry, fill, transform: `rotate(${n(angle)} ${n(cx)} ${n(cy)})` });
  };
  return (
    el('path', { d: quad(breech, muzzle, -breech, -muzzle), fill: grey(0.1) }) +
    el('path', { d: quad(breech * 0.7, muzzle * 0.7, breech * 0.35, muzzle * 0.35), fill: grey(0.42), opacity: 0.8 }) +
    line(hoops, grey(0.04), 12) +
    muzzleEnd(0, muzzle * 0.42, muzzle * 1.06, grey(0.5)) +
    muzzleEnd(3, muzzle * 0.3, muzzle * 0.72, grey(0.02))
  );
}

/** The turret's twin guns swing up against a sky full of funnel smoke. */
export function theGunsTurn(): StillScene {
  const random = seededRandom(1905 * 2);
  const sky =
    gradient('linear', 'overcast', [
      [0, 0.5],
      [0.6, 0.82],
      [1, 0.9],
    ], { x1: 0, y1: 0, x2: 0.3, y2: 1 }) +
    el('rect', { width: 1440, height: 1080, fill: 'url(#overcast)' }) +
    // The sea, low behind the turret.
    el('rect', { y: 930, width: 1440, height: 150, fill: grey(0.42) });
  let smoke = '';
  for (let i = 0; i < 14; i++) {
    const t = random();
    const [cy, rx, ry] = [80 + (1 - t) * 260 + random() * 160, 120 + random() * 200, 60 + random() * 90];
    const [fill, opacity] = [grey(0.2 + random() * 0.25), 0.35 + random() * 0.3];
    smoke += el('ellipse', { cx: 300 + t * 1300, cy, rx, ry, fill, opacity });
  }
  // A mast and its stays behind the turret, and a flag at its head.
  const rigging =
    line('M300 40L-20 560M300 40L620 700M300 90L120 700', grey(0.3), 3) +
    el('path', { d: 'M292 800L300 -20L308 800Z', fill: grey(0.28) }) +
    el('path', { d: 'M304 18C350 4 380 30 430 18L428 84C380 96 350 70 304 84Z', fill: grey(0.2) });
  const armour = 'M-60 720C100 620 420 590 640 640C760 668 840 740 880 840';
  const turret =
    el('path', { d: `${armour}L920 1100L-60 1100Z`, fill: grey(0.14) }) +
    line(armour, grey(0.6), 6) +
    line('M-60 800C100 710 400 684 600 726C720 752 800 810 836 900', grey(0.05), 6);
  let rivets = '';
  for (let i = 0; i < 26; i++) {
    const t = i / 25;
    // Along the armour's top seam, just below its lit edge.
    const cy = 746 - Math.sin(t * Math.PI * 0.82) * 110 + t * t * 120;
    rivets += el('circle', { cx: -40 + t * 880, cy, r: 4, fill: grey(0.42) });
  }
  // The guns are drawn first: they run back into the turret, under its armour.
  const guns = barrel(600, 830, 1330, 250, 50, 38) + barrel(700, 940, 1420, 480, 50, 38);
  return {
    layers: [
      { svg: sky, blur: 6 },
      { svg: smoke, blur: 28 },
      { svg: rigging, blur: 2 },
      { svg: guns + turret + rivets },
    ],
    tone: 'silver',
    seed: 1926,
  };
}

/** A battleship of 1900 in profile, bow to the right: long hull, three funnels, two masts. */
const battleship = el('path', {
  d:
    'M0 0L560 0L600 -30L592 -40L-10 -40L-30 -26Z' + // hull
    'M120 -40L120 -70L420 -70L420 -40Z' + // superstructure
    'M200 -70h26v-70h-26zM250 -70h26v-70h-26zM300 -70h26v-70h-26z' + // funnels
    'M80 -70h6v-170h-6zM470 -70h6v-160h-6z' + // masts
    'M60 -40h70v-24h-70zM430 -40h80v-22h-80z', // turrets
});

/** A fishing lugger, bow to the right: a dark hull, a mast and a lug sail. */
function lugger(scale: number): string {
  return el(
    'g',
    { transform: `scale(${n(scale)})` },
    el('path', { d: 'M-84 -24C-40 -16 40 -16 104 -30C96 -14 86 -4 76 0C20 6 -40 6 -70 0C-76 -8 -80 -14 -84 -24Z' }) +
      el('path', { d: 'M-4 -20h5v-194h-5z' }) +
      el('path', { d: 'M-6 -196L70 -168Q56 -116 50 -58L2 -60Z', opacity: 0.88 }),
  );
}

/** A boat and its reflection, which is fainter and squashed by the water. */
function moored(x: number, y: number, scale: number, tone: number, reflection: number): string {
  return (
    el('g', { transform: `translate(${x} ${y})`, fill: grey(tone) }, lugger(scale)) +
    el(
      'g',
      { transform: `translate(${x} ${y + 6}) scale(1 -0.6)`, fill: grey(tone), opacity: reflection },
      lugger(scale),
    )
  );
}

/** Odessa harbour at dawn, in mist: moored boats, a pale sun and the battleship far out. */
export function mistOverTheHarbour(): StillScene {
  const random = seededRandom(1925 * 3);
  const sun = { cx: 1010, cy: 300 };
  const fog =
    gradient('linear', 'fog', [
      [0, 0.62],
      [0.55, 0.84],
      [0.58, 0.74],
      [1, 0.36],
    ], { x1: 0, y1: 0, x2: 0, y2: 1 }) +
    gradient('radial', 'sun', [
      [0, '#fff'],
      [0.12, '#fff', 0.8],
      [1, '#fff', 0],
    ]) +
    el('rect', { width: 1440, height: 1080, fill: 'url(#fog)' }) +
    el('circle', { ...sun, r: 380, fill: 'url(#sun)', opacity: 0.7 }) +
    el('circle', { ...sun, r: 40, fill: grey(0.97) });
  const far =
    el('g', { transform: 'translate(180 612)', fill: grey(0.6) }, battleship) +
    el('g', { transform: 'translate(180 616) scale(1 -0.6)', fill: grey(0.66), opacity: 0.6 }, battleship);
  const mid = [
    [960, 712, 0.9],
    [1160, 676, 0.6],
    [1330, 740, 1.1],
    [760, 668, 0.5],
  ]
    .map(([x, y, scale]) => moored(x!, y!, scale!, 0.3, 0.4))
    .join('');
  let ripples = '';
  for (let i = 0; i < 110; i++) {
    const depth = random();
    const [x, y] = [random() * 1500 - 60, 640 + depth * depth * 440];
    const fill = random() < 0.5 ? grey(0.9) : grey(0.2);
    const opacity = 0.2 + random() * 0.35;
    ripples += el('rect', { x, y, width: 40 + depth * 240, height: 1.5 + depth * 3, fill, opacity });
  }
  let gulls = '';
  for (const [x, y, s] of [
    [420, 260, 1],
    [470, 300, 0.8],
    [560, 240, 0.7],
  ] as const) {
    gulls += `M${x} ${y}q${12 * s} ${-10 * s} ${24 * s} 0q${12 * s} ${-10 * s} ${24 * s} 0`;
  }
  // Near: a moored lugger, dark and sharp, and three gulls.
  const near =
    moored(130, 930, 2.4, 0.07, 0.5) + line(gulls, grey(0.3), 3);
  return {
    layers: [
      { svg: fog, blur: 8 },
      { svg: far, blur: 5 },
      { svg: mid, blur: 2.2 },
      { svg: ripples, blur: 1.5 },
      { svg: near },
    ],
    tone: 'silver',
    seed: 1927,
  };
}
