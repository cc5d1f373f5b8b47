import type { StillScene } from './film-still';
import { el, gradient, grey, line, n, seededRandom } from './svg';

/**
 * Orlok in profile, facing right, about 660 units tall: a bald skull with a pointed ear, hooked
 * nose and receding chin (drawn upright, then tipped forward), on a hunched body in a long coat.
 */
const orlokHead =
  'M-2 74C-14 50 -22 26 -24 8C-10 22 4 40 12 58Z' +
  'M-8 120C-30 96 -32 40 -8 14C8 -4 36 -2 50 12C58 22 62 34 64 46C66 52 66 56 62 60' +
  'C74 72 88 88 96 100C98 106 94 110 88 108C82 106 76 104 70 104C72 108 72 112 68 114' +
  'C66 116 66 118 68 122C66 128 62 132 56 134C48 136 42 136 38 140C34 152 24 158 8 156Z';

const orlokBody =
  // The raised front arm, the coat, then the hunched back.
  'M-4 116L36 136C36 150 38 160 40 180C80 168 124 150 156 138L236 92L266 84L272 110L244 122' +
  'L172 170C132 190 92 212 52 228C56 340 66 500 86 660L-56 660C-54 520 -52 400 -52 320' +
  'C-66 230 -44 160 -4 116Z' +
  // The rear arm, lower.
  'M46 246C92 236 136 224 182 212L188 236C140 250 94 264 50 276Z';

/** Long curled fingers, stroked so that they taper into the blur like claws. */
const orlokFingers =
  'M262 88C302 72 340 86 352 124C355 136 352 146 346 152' +
  'M266 96C300 88 328 104 334 136C336 148 333 158 327 162' +
  'M270 104C296 102 314 118 316 146C317 156 313 164 308 168' +
  'M186 216C220 208 248 224 254 254C256 266 252 274 246 278' +
  'M188 226C216 224 234 240 236 266C237 276 233 282 228 286';

/** Orlok's whole silhouette in black, head at the origin, feet 660 units below. */
function orlok(): string {
  return (
    el('path', { d: orlokBody }) +
    el('path', { d: orlokHead, transform: 'rotate(16 10 130)' }) +
    line(orlokFingers, '#000', 8, { 'stroke-linecap': 'round' })
  );
}

/** Where the stairs meet the wall at `t` from 0 to 1: a cubic that steepens as a winding stair does. */
function stairLine(t: number): [number, number] {
  const [p0, p1, p2, p3] = [
    [-40, 1130],
    [520, 1040],
    [980, 860],
    [1480, 520],
  ] as const;
  const u = 1 - t;
  const at = (i: 0 | 1) => u * u * u * p0[i] + 3 * u * u * t * p1[i] + 3 * u * t * t * p2[i] + t * t * t * p3[i];
  return [at(0), at(1)];
}

/** The stairs themselves, in shadow below the lamp, each tread's nosing catching the light. */
function stairs(): string {
  const steps = 17;
  let outline = '';
  let nosings = '';
  for (let i = 0; i <= steps; i++) {
    const [x0, y0] = stairLine(i / steps);
    const [x1, y1] = stairLine(Math.min(1, (i + 1) / steps));
    outline += `${i === 0 ? 'M' : 'L'}${n(x0)} ${n(y0)}`;
    if (i < steps) {
      outline += `L${n(x0)} ${n(y1)}L${n(x1)} ${n(y1)}`;
      nosings += `M${n(x0)} ${n(y1)}L${n(x1)} ${n(y1)}`;
    }
  }
  outline += 'L1480 1100L-40 1100Z';
  return (
    gradient('linear', 'stairSide', [
      [0, 0.3],
      [1, 0.03],
    ], { x1: 0, y1: 0, x2: 0, y2: 1 }) +
    el('path', { d: outline, fill: 'url(#stairSide)' }) +
    line(nosings, grey(0.66), 5, { opacity: 0.75 })
  );
}

/** The banister's shadow on the wall: a rail above the stairs and its balusters. */
function banisterShadow(): string {
  let rail = '';
  let balusters = '';
  for (let i = 0; i <= 40; i++) {
    const [x, y] = stairLine(i / 40);
    rail += `${i === 0 ? 'M' : 'L'}${n(x + 70)} ${n(y - 250)}`;
    if (i % 2 === 0) balusters += `M${n(x + 70)} ${n(y - 250)}L${n(x + 40)} ${n(y - 10)}`;
  }
  return (
    line(rail, '#000', 22) +
    line(balusters, '#000', 9)
  );
}

/** Soft patches of damp and lamp smoke, so that the wall reads as old plaster. */
function plaster(seed: number): string {
  const random = seededRandom(seed);
  let blots =
    gradient('radial', 'damp', [
      [0, '#000'],
      [1, '#000', 0],
    ]) +
    gradient('radial', 'bloom', [
      [0, '#fff'],
      [1, '#fff', 0],
    ]);
  for (let i = 0; i < 26; i++) {
    const fill = random() < 0.55 ? 'url(#damp)' : 'url(#bloom)';
    blots += el('ellipse', {
      cx: random() * 1440,
      cy: random() * 900,
      rx: 60 + random() * 200,
      ry: 40 + random() * 140,
      fill,
      opacity: 0.06 + random() * 0.1,
    });
  }
  return blots;
}

/** Count Orlok's shadow climbs the wall beside a curving staircase, claws first. */
export function shadowOnTheStairs(): StillScene {
  const wall =
    gradient('radial', 'lamp', [
      [0, 0.95],
      [0.35, 0.74],
      [0.75, 0.3],
      [1, 0.1],
    ], { cx: '46%', cy: '40%', r: '66%' }) +
    el('rect', { width: 1440, height: 1080, fill: 'url(#lamp)' });
  const shadows = el(
    'g',
    { opacity: 0.84 },
    banisterShadow() + el('g', { transform: 'translate(560 190) skewX(-6) scale(1.1 1.2)' }, orlok()),
  );
  return {
    layers: [{ svg: wall + plaster(7), blur: 12 }, { svg: shadows, blur: 3.5 }, { svg: stairs() }],
    tone: 'sepia',
    seed: 1922,
  };
}

/** A schooner, bow to the right: low hull, two masts, ragged sails and coffins on deck. */
function schooner(): string {
  const hull =
    'M372 664L396 742C560 770 880 772 1064 740L1118 660C1000 684 840 694 700 694C560 694 450 684 372 664Z' +
    // The deckhouse at the stern, and the bowsprit.
    'M392 668L392 640L476 640L480 676Z' +
    'M1100 668L1276 604L1280 614L1108 684Z';
  let coffins = '';
  for (const [x, width] of [
    [560, 92],
    [664, 104],
    [780, 96],
  ] as const) {
    coffins += `M${x} 694L${x + 10} 664L${x + width - 12} 660L${x + width} 694Z`;
  }
  const masts = 'M636 700L644 150L652 150L660 700Z' + 'M892 696L899 214L906 214L914 696Z';
  const sails =
    // A gaff sail on the main; three square sails on the fore, the lowest torn.
    'M652 178L840 236Q806 350 846 470Q744 556 660 640Z' +
    'M820 262L984 262Q1002 306 996 350Q904 368 812 350Q806 306 820 262Z' +
    'M812 362L1000 362Q1014 410 1010 458Q906 476 804 458Q800 410 812 362Z' +
    'M806 470L1010 470Q1012 496 1000 520L960 548L930 520L880 560L806 560Q796 514 806 470Z';
  const rigging =
    'M648 156L396 652M648 156L903 218M903 218L1272 608M903 218L1120 664' +
    'M648 160L560 690M648 160L740 692M903 222L830 688M903 222L980 684' +
    'M820 262L984 262M812 362L1000 362M806 470L1010 470';
  return (
    el('path', { d: hull + coffins + masts, fill: grey(0.03) }) +
    el('path', { d: sails, fill: grey(0.06), opacity: 0.9 }) +
    line(rigging, grey(0.03), 2.5)
  );
}

/** The Empusa sails under a clouded moon, with no living hand at the wheel. */
export function shipUnderTheMoon(): StillScene {
  const random = seededRandom(31);
  const moon = { x: 1090, y: 250 };
  const sky =
    gradient('linear', 'sky', [
      [0, 0.08],
      [0.5, 0.3],
      [0.635, 0.46],
      [0.64, 0.2],
      [1, 0.05],
    ], { x1: 0, y1: 0, x2: 0, y2: 1 }) +
    el('rect', { width: 1440, height: 1080, fill: 'url(#sky)' }) +
    gradient('radial', 'glow', [
      [0, '#fff', 0.9],
      [0.12, '#fff', 0.55],
      [0.4, '#fff', 0.2],
      [1, '#fff', 0],
    ]) +
    el('circle', { cx: moon.x, cy: moon.y, r: 640, fill: 'url(#glow)' }) +
    el('circle', { cx: moon.x, cy: moon.y, r: 58, fill: grey(0.98) });
  // One long cloud drawn across the moon, the rest scattered by the seed.
  let clouds = el('ellipse', { cx: 1160, cy: 282, rx: 330, ry: 16, fill: grey(0.12), opacity: 0.8 });
  for (let i = 0; i < 9; i++) {
    const y = 120 + random() * 420;
    const x = random() * 1440 - 300;
    const width = 300 + random() * 600;
    const height = 18 + random() * 34;
    const fill = grey(0.1 + random() * 0.1);
    const opacity = 0.5 + random() * 0.35;
    clouds += el('ellipse', { cx: x + width / 2, cy: y, rx: width / 2, ry: height, fill, opacity });
  }
  // Moonlight on the water: short bright strokes, sparse at the horizon, wider nearer.
  let water = '';
  for (let i = 0; i < 140; i++) {
    const depth = random();
    const spread = 30 + depth * 260;
    const x = moon.x + (random() - 0.5) * 2 * spread;
    const width = 10 + depth * 70 * random();
    water += el('rect', {
      x: x - width / 2,
      y: 690 + depth * depth * 390,
      width,
      height: 1.5 + depth * 3,
      fill: grey(0.85),
      opacity: 0.25 + random() * 0.6,
    });
  }
  for (let i = 0; i < 60; i++) {
    const depth = random();
    const y = 690 + depth * depth * 390;
    const x = random() * 1440;
    const opacity = 0.3 + random() * 0.4;
    water += el('rect', { x, y, width: 60 + depth * 260, height: 2 + depth * 6, fill: '#000', opacity });
  }
  // The hull's dark reflection, broken by the swell.
  const reflection = 'M396 742C560 770 880 772 1064 740L1030 800C860 812 560 812 420 790Z';
  water += el('path', { d: reflection, fill: '#000', opacity: 0.45 });
  return {
    layers: [
      { svg: sky, blur: 8 },
      { svg: clouds, blur: 14 },
      { svg: water, blur: 1.2 },
      { svg: el('g', { transform: 'rotate(-2.5 760 700)' }, schooner()) },
    ],
    tone: 'sepia',
    seed: 1838,
  };
}

/** A woman seen from behind, sitting on the sand in a long dress, her hair pinned up. */
function seatedWoman(): string {
  const figure =
    // The skirt spread on the sand, knees drawn up to the right.
    'M-112 0C-100 -30 -60 -70 -30 -100L30 -100C52 -80 74 -56 92 -30C104 -16 118 -8 122 0Z' +
    // Back and sloping shoulders, and the neck.
    'M-30 -98C-36 -124 -42 -150 -40 -162C-36 -178 -18 -184 0 -184C18 -184 36 -178 40 -162' +
    'C42 -150 36 -124 30 -98Z' +
    'M-7 -182L-7 -196L7 -196L7 -182Z';
  return (
    el('path', { d: figure }) +
    el('ellipse', { cx: 0, cy: -214, rx: 21, ry: 25 }) +
    el('circle', { cx: 0, cy: -240, r: 12 })
  );
}

/** Leaning wooden crosses on the dunes: x, foot, height, tilt in degrees. */
const crosses = [
  [170, 930, 330, -7],
  [430, 770, 170, 6],
  [600, 702, 118, -4],
  [760, 724, 136, 9],
  [330, 690, 100, -12],
  [890, 668, 86, 3],
  [1130, 706, 112, -7],
  [1290, 890, 270, 5],
  [1190, 640, 64, -2],
] as const;

function cross(x: number, foot: number, height: number, tilt: number): string {
  const beam = height * 0.075;
  const bar = height * 0.52;
  return el(
    'g',
    { transform: `rotate(${tilt} ${x} ${foot})` },
    el('rect', { x: x - beam / 2, y: foot - height, width: beam, height }) +
      el('rect', { x: x - bar / 2, y: foot - height * 0.74, width: bar, height: beam * 0.9 }),
  );
}

/** Ellen waits on the dunes among the crosses, looking out to sea. */
export function ellenOnTheDunes(): StillScene {
  const random = seededRandom(1838);
  const skyAndSea =
    gradient('linear', 'daySky', [
      [0, 0.46],
      [0.475, 0.9],
      [0.48, 0.36],
      [0.6, 0.5],
    ], { x1: 0, y1: 0, x2: 0, y2: 1 }) +
    el('rect', { width: 1440, height: 1080, fill: 'url(#daySky)' });
  let clouds = '';
  for (let i = 0; i < 10; i++) {
    const y = 60 + random() * 360;
    const [cx, rx, ry] = [random() * 1440, 200 + random() * 400, 20 + random() * 40];
    const fill = random() < 0.5 ? grey(0.95) : grey(0.4);
    clouds += el('ellipse', { cx, cy: y, rx, ry, fill, opacity: 0.25 + random() * 0.3 });
  }
  // Surf: pale lines that bunch towards the shore.
  let sand = '';
  for (let i = 0; i < 26; i++) {
    const depth = random();
    const [y, x] = [522 + depth * 90, random() * 1440];
    const opacity = 0.3 + random() * 0.5;
    sand += el('rect', { x, y, width: 80 + depth * 300, height: 1.5 + depth * 3, fill: grey(0.92), opacity });
  }
  sand +=
    el('path', { d: 'M0 640C300 598 600 624 900 640C1100 650 1300 612 1440 626L1440 1080L0 1080Z', fill: grey(0.6) }) +
    el('path', { d: 'M0 830C250 764 520 790 760 800C1000 810 1240 752 1440 786L1440 1080L0 1080Z', fill: grey(0.8) });
  // Shade on the far side of each crest, soft as sand is.
  const shading =
    el('path', {
      d:
        'M0 650C300 610 600 636 900 652C1100 662 1300 626 1440 638' +
        'L1440 700C1200 690 900 720 600 690C300 670 100 700 0 690Z',
      fill: grey(0.3),
      opacity: 0.5,
    }) +
    el('path', {
      d:
        'M0 845C250 780 520 806 760 816C1000 826 1240 770 1440 802' +
        'L1440 900C1100 870 700 900 300 880C150 872 60 890 0 900Z',
      fill: grey(0.35),
      opacity: 0.45,
    });
  let grass = '';
  for (let i = 0; i < 120; i++) {
    const x = random() * 1440;
    const front = random() < 0.55;
    const base = front ? 800 + Math.sin(x / 300) * 20 : 636 + Math.sin(x / 260) * 10;
    const length = (front ? 30 : 14) * (0.5 + random());
    const lean = (random() - 0.3) * length * 0.8;
    grass += `M${n(x)} ${n(base)}q${n(lean / 3)} ${n(-length / 2)} ${n(lean)} ${n(-length)}`;
  }
  const figures =
    el('g', { fill: grey(0.12) }, crosses.map(([x, foot, height, tilt]) => cross(x, foot, height, tilt)).join('')) +
    line(grass, grey(0.28), 2) +
    el('g', { transform: 'translate(1010 812) scale(0.85)', fill: grey(0.1) }, seatedWoman());
  return {
    layers: [
      { svg: skyAndSea, blur: 6 },
      { svg: clouds, blur: 24 },
      { svg: sand, blur: 1.2 },
      { svg: shading, blur: 18 },
      { svg: figures },
    ],
    tone: 'sepia',
    seed: 1897,
  };
}
