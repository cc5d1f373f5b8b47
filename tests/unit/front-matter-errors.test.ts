import { expect, test } from 'vitest';
import { parseFrontMatter } from '../../src/review/front-matter';

// The mistakes critics make in front matter, each reported on its line in words they can act on.
test.each([
  ['a subtitle after a colon', 'title: Nosferatu: A Symphony of Horror', 2, /contains “: ”.*Put the value in quotes/],
  ['a tab for indentation', 'film:\n\ttitle: Vampyr', 3, /tab is used to indent/],
  ['an unclosed quote', 'title: "Vampyr', 2, /quoted value is not closed/],
  ['an unclosed list', 'tags: [horror, silent', 2, /list opened with \[ is not closed/],
  ['an unclosed group', 'film: {title: Vampyr', 2, /group opened with \{ is not closed/],
  ['fields indented unlike their neighbours', 'film:\n  title: Vampyr\n year: 1932', 4, /not indented alike/],
  ['a value starting with @', 'title: @home', 2, /starts with @.*quotes/],
  ['a field written twice', 'title: A\nstatus: draft\ntitle: B', 4, /“title” is written twice/],
])('%s', (_name, yaml, line, message) => {
  const { error, data } = parseFrontMatter(`---\n${yaml}\n---\nBody\n`);
  expect(data).toBeNull();
  expect(error?.line).toBe(line);
  expect(error?.message).toMatch(message);
});
