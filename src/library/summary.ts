import type { ReviewStatus, ReviewSummary } from '../contract';
import { parseFrontMatter } from '../review/front-matter';
import { reviewMeta } from '../review/review-meta';

function firstHeading(body: string): string | null {
  const match = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(body);
  return match ? match[1]!.trim() : null;
}

/**
 * What the Library pane and `intertitle scan` show of a review. Never throws: a review whose
 * front matter does not parse is listed with the problem, so it can still be opened and fixed.
 */
export function summariseReview(path: string, text: string, fallbackName: string): ReviewSummary {
  const frontMatter = parseFrontMatter(text);
  const meta = reviewMeta(frontMatter.data);
  const title = meta.title?.trim() || firstHeading(frontMatter.block.body) || meta.film.title || fallbackName;
  const summary: ReviewSummary = {
    path,
    title,
    status: meta.status as ReviewStatus | null,
    date: meta.date,
    film: { title: meta.film.title, year: meta.film.year },
  };
  if (frontMatter.error) {
    summary.problem = `The front matter does not parse (line ${frontMatter.error.line}: ${frontMatter.error.message})`;
  }
  return summary;
}
