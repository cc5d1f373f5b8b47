import { describe, expect, it } from 'vitest';
import { derivativeName, freeStillName, isDerivativeName, nextStillOrder, stillSlug } from '../../src/stills/naming';

describe('still names', () => {
  it.each([
    ['Lyudmila at home', 'lyudmila-at-home'],
    ['Lyudmila at home.JPG', 'lyudmila-at-home'],
    ['Дорогие товарищи!', 'dorogie-tovarischi'],
    ['Amélie’s café', 'amelies-cafe'],
    ['IMG_2034', 'still'],
    ['DSC01234.jpg', 'still'],
    ['Screenshot 2024-03-01 at 10.11.12.png', 'still'],
    ['image.png', 'still'],
    ['', 'still'],
    ['nul', 'nul-review'],
    ['a'.repeat(200), 'a'.repeat(48)],
    ['trailing dot. ', 'trailing-dot'],
  ])('slug of %j is %j', (label, slug) => {
    expect(stillSlug(label)).toBe(slug);
  });

  it.each([
    [[], 1],
    [['notes.txt'], 1],
    [['01-a.jpg', '01-a.web.jpg', '03-b.png'], 4],
    [['12-z.jpg', '2-a.jpg'], 13],
  ])('the next order after %j is %d', (names, order) => {
    expect(nextStillOrder(names)).toBe(order);
  });

  it('a free name skips names taken in any case, and names whose derivative is taken', () => {
    expect(freeStillName(3, 'march', 'jpg', [])).toBe('03-march.jpg');
    expect(freeStillName(3, 'march', 'jpg', ['03-MARCH.JPG'])).toBe('03-march-2.jpg');
    expect(freeStillName(3, 'march', 'png', ['03-march.web.jpg'])).toBe('03-march-2.png');
    expect(freeStillName(3, 'march', 'jpg', ['03-march.jpg', '03-march-2.jpg'])).toBe('03-march-3.jpg');
    expect(freeStillName(123, 'x', 'gif', [])).toBe('123-x.gif');
  });

  it('derivatives are <name>.web.jpg', () => {
    expect(derivativeName('01-a.png')).toBe('01-a.web.jpg');
    expect(isDerivativeName('01-a.web.jpg')).toBe(true);
    expect(isDerivativeName('01-a.web.JPEG')).toBe(true);
    expect(isDerivativeName('01-web.jpg')).toBe(false);
  });
});
