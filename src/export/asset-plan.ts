import { dirnameOf, imageTypeOf, normaliseRelative, resolveAssetPath } from '../library/paths';
import type { ExportAsset, ExportInput, StillFacts } from './types';

export interface AssetPlacement {
  /** Output folder the stills go in, e.g. `nosferatu` (then `nosferatu/stills/01.jpg`). */
  dir: string;
  /** How the main file refers to that folder: `''` when the main file is inside it. */
  hrefBase: string;
  /** Flatten every still into `dir` by file name (Jekyll's `assets/<slug>/`). */
  flat?: boolean;
  /**
   * Keep each still's name as the review writes it, using a web derivative only when it has the
   * same type (Hugo: inline images are left as written in the markdown, so names must not move).
   */
  keepNames?: boolean;
}

/** One still as the export uses it. */
export interface PlannedStill {
  /** The reference to write in HTML or a markdown link (URL-encoded). */
  href: string;
  /** The same reference unencoded, for a path a site generator looks up (Hugo's `src`). */
  path: string;
  facts: StillFacts | undefined;
}

/**
 * Decides where each still a review refers to goes in the export and how the text refers to it.
 * Stills keep their path below the review's folder (`stills/01.jpg`); a still from elsewhere in
 * the library goes to `stills/<name>`. A web-size derivative (`01.web.jpg`) is copied in place of
 * the original when the host found one. Remote images and `data:` URIs are left alone.
 */
export class AssetPlan {
  readonly assets: ExportAsset[] = [];
  readonly warnings: string[] = [];
  private readonly planned = new Map<string, PlannedStill>();
  private readonly taken = new Map<string, string>();
  private readonly reviewDir: string;

  constructor(
    private readonly input: Pick<ExportInput, 'reviewPath' | 'stills' | 'inline'>,
    private readonly placement: AssetPlacement,
  ) {
    this.reviewDir = dirnameOf(input.reviewPath);
  }

  /** The reference to write for an image `src` as the pipeline read it (percent-encoded). */
  href(src: string): string {
    return this.still(src)?.href ?? src;
  }

  /**
   * The planned still for `src`, or null for a remote image, one outside the library, or a file
   * that is not an image (an export copies stills, never other files a hostile `src` names).
   */
  still(src: string): PlannedStill | null {
    const libraryPath = resolveAssetPath(this.input.reviewPath, src);
    if (libraryPath === null || imageTypeOf(libraryPath) === null) return null;
    const known = this.planned.get(libraryPath);
    if (known) return known;
    const facts = this.input.stills?.[libraryPath];
    let planned: PlannedStill;
    if (facts && !facts.exists) {
      this.warnings.push(`${libraryPath} was not found, so the export refers to a still it does not have.`);
      planned = { href: src, path: decoded(src), facts };
    } else if (this.input.inline) {
      if (facts?.dataUri) planned = { href: facts.dataUri, path: facts.dataUri, facts };
      else {
        this.warnings.push(`${libraryPath} could not be embedded, so the export refers to it by name.`);
        planned = { href: src, path: decoded(src), facts };
      }
    } else {
      const path = this.copy(libraryPath, facts);
      planned = { href: path.split('/').map(encodeURIComponent).join('/'), path, facts };
    }
    this.planned.set(libraryPath, planned);
    return planned;
  }

  private copy(libraryPath: string, facts: StillFacts | undefined): string {
    const derivative = facts?.derivative && (!this.placement.keepNames || sameType(facts.derivative, libraryPath)) ? facts.derivative : null;
    const inside = this.reviewDir === '' || libraryPath.startsWith(`${this.reviewDir}/`);
    const relative = inside && !this.placement.flat ? libraryPath.slice(this.reviewDir ? this.reviewDir.length + 1 : 0) : `stills/${baseName(libraryPath)}`;
    let name = this.placement.flat ? baseName(libraryPath) : relative;
    // The derivative is JPEG: the copy is named for what it holds.
    if (derivative && !sameType(derivative, libraryPath)) name = name.replace(/\.[^./]+$/, '.jpg');
    const from = derivative ?? libraryPath;
    const to = this.uniqueName(normaliseRelative(`${this.placement.dir}/${name}`) ?? `${this.placement.dir}/still`, from);
    const path = this.pathFor(to);
    this.assets.push({ from, to, href: path });
    return path;
  }

  private uniqueName(to: string, from: string): string {
    let candidate = to;
    for (let n = 2; this.taken.has(candidate) && this.taken.get(candidate) !== from; n++) {
      candidate = to.replace(/(\.[^./]+)?$/, (ext) => `-${n}${ext}`);
    }
    this.taken.set(candidate, from);
    return candidate;
  }

  /** The output path as the main file refers to it, unencoded. */
  private pathFor(to: string): string {
    const below = to.slice(this.placement.dir.length + 1);
    return this.placement.hrefBase ? `${this.placement.hrefBase}/${below}` : below;
  }
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function typeOf(path: string): string {
  const ext = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  return ext === 'jpeg' ? 'jpg' : ext;
}

function sameType(a: string, b: string): boolean {
  return typeOf(a) === typeOf(b);
}

function decoded(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}
