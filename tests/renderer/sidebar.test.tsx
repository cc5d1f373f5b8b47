// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { FrontMatterEdit } from '../../src/review/front-matter-edit';
import { nosferatu } from '../../src/node/sample-library/nosferatu';
import { MetadataSidebar } from '../../renderer/sidebar/MetadataSidebar';
import { emptyView, readView, type FrontMatterView } from '../../renderer/sidebar/sidebar-model';
import { commitDelayMs } from '../../renderer/sidebar/TextField';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const viewOf = (text: string, path = 'nosferatu-1922/index.md') => readView(path, text, emptyView);

function renderSidebar(view: FrontMatterView, options: { locked?: string | null; result?: string | null } = {}) {
  const edits: FrontMatterEdit[] = [];
  const onEdit = vi.fn((edit: FrontMatterEdit, forPath: string | null) => {
    expect(forPath).toBe(view.path);
    edits.push(edit);
    return options.result ?? null;
  });
  const utils = render(<MetadataSidebar view={view} locked={options.locked ?? null} onEdit={onEdit} />);
  const region = screen.getByRole('region', { name: 'Film metadata' });
  return { ...utils, edits, onEdit, region, rerenderView: (next: FrontMatterView) => utils.rerender(<MetadataSidebar view={next} locked={null} onEdit={onEdit} />) };
}

describe('the film-metadata sidebar', () => {
  test('shows the sample review’s facts in three sections', () => {
    const { region } = renderSidebar(viewOf(nosferatu.markdown));
    expect(within(region).getAllByRole('group').length).toBeGreaterThan(3);
    for (const section of ['Film', 'Cast & crew', 'Review']) expect(within(region).getByText(section, { selector: 'summary' })).toBeTruthy();
    expect(within(region).getByLabelText<HTMLInputElement>('Title').value).toBe('Nosferatu');
    expect(within(region).getByLabelText<HTMLInputElement>('Year').value).toBe('1922');
    expect(within(region).getByLabelText<HTMLInputElement>('Director 1').value).toBe('F. W. Murnau');
    expect(within(region).getByLabelText<HTMLInputElement>('Character, row 1').value).toBe('Count Orlok');
    expect(within(region).getByLabelText<HTMLTextAreaElement>('Headline').value).toBe('The shadow goes up the stairs first');
    expect(within(region).getByLabelText<HTMLSelectElement>('Status').value).toBe('ready');
    expect(within(region).getByLabelText<HTMLInputElement>('Date').value).toBe('2024-10-31');
    expect(within(region).getByRole('slider', { name: 'Rating' }).getAttribute('aria-valuetext')).toBe('5 of 5 stars');
    expect(within(region).getByLabelText<HTMLInputElement>('Contains spoilers').checked).toBe(true);
  });

  describe('text fields', () => {
    test('commit on leaving the field, as a number where the field takes one', () => {
      const { region, edits } = renderSidebar(viewOf(nosferatu.markdown));
      const year = within(region).getByLabelText<HTMLInputElement>('Year');
      fireEvent.focus(year);
      fireEvent.change(year, { target: { value: '1921' } });
      expect(edits).toEqual([]);
      fireEvent.blur(year);
      expect(edits).toEqual([{ kind: 'set', path: ['film', 'year'], value: 1921 }]);
    });

    test('commit on Enter, and after a pause in typing (once)', () => {
      vi.useFakeTimers();
      const { region, edits } = renderSidebar(viewOf(nosferatu.markdown));
      const title = within(region).getByLabelText<HTMLInputElement>('Original title');
      fireEvent.focus(title);
      fireEvent.change(title, { target: { value: 'Nosferatu, eine Symphonie' } });
      act(() => void vi.advanceTimersByTime(commitDelayMs - 1));
      expect(edits).toHaveLength(0);
      act(() => void vi.advanceTimersByTime(1));
      expect(edits).toEqual([{ kind: 'set', path: ['film', 'original_title'], value: 'Nosferatu, eine Symphonie' }]);
      fireEvent.keyDown(title, { key: 'Enter' });
      fireEvent.blur(title);
      expect(edits).toHaveLength(1);
      fireEvent.focus(title);
      fireEvent.change(title, { target: { value: 'Nosferatu' } });
      fireEvent.keyDown(title, { key: 'Enter' });
      expect(edits.at(-1)).toEqual({ kind: 'set', path: ['film', 'original_title'], value: 'Nosferatu' });
    });

    test('clearing a field removes it; Escape puts back the file’s value', () => {
      const { region, edits } = renderSidebar(viewOf(nosferatu.markdown));
      const ratio = within(region).getByLabelText<HTMLInputElement>('Aspect ratio');
      fireEvent.focus(ratio);
      fireEvent.change(ratio, { target: { value: '4:3' } });
      fireEvent.keyDown(ratio, { key: 'Escape' });
      expect(ratio.value).toBe('1.33:1');
      fireEvent.blur(ratio);
      expect(edits).toEqual([]);
      fireEvent.focus(ratio);
      fireEvent.change(ratio, { target: { value: '  ' } });
      fireEvent.blur(ratio);
      expect(edits).toEqual([{ kind: 'remove', path: ['film', 'aspect_ratio'] }]);
    });

    test('a change from the text does not replace unsent keystrokes', () => {
      const source = nosferatu.markdown;
      const { region, rerenderView } = renderSidebar(viewOf(source));
      const title = within(region).getByLabelText<HTMLInputElement>('Title');
      title.focus();
      fireEvent.focus(title);
      fireEvent.change(title, { target: { value: 'Nosferatu the Vampyre' } });
      rerenderView(viewOf(source.replace('title: "Nosferatu"', 'title: "Nosferatu (restored)"')));
      expect(title.value).toBe('Nosferatu the Vampyre');
      expect(document.activeElement).toBe(title);
    });

    test('a change from the text while the field has focus shows, keeping focus and caret', () => {
      const source = nosferatu.markdown;
      const { region, rerenderView } = renderSidebar(viewOf(source));
      const title = within(region).getByLabelText<HTMLInputElement>('Title');
      title.focus();
      fireEvent.focus(title);
      title.setSelectionRange(3, 3);
      rerenderView(viewOf(source.replace('title: "Nosferatu"', 'title: "Nosferatu (restored)"')));
      expect(title.value).toBe('Nosferatu (restored)');
      expect(document.activeElement).toBe(title);
      expect([title.selectionStart, title.selectionEnd]).toEqual([3, 3]);
    });

    test('text the file could not take stays in the field with the reason', () => {
      const { region } = renderSidebar(viewOf(nosferatu.markdown), { result: 'The front matter does not parse (line 3): oops.' });
      const title = within(region).getByLabelText<HTMLInputElement>('Title');
      fireEvent.focus(title);
      fireEvent.change(title, { target: { value: 'Kept' } });
      fireEvent.blur(title);
      expect(title.value).toBe('Kept');
      expect(within(region).getByText(/Not written: The front matter does not parse/)).toBeTruthy();
      expect(title.getAttribute('aria-invalid')).toBe('true');
    });
  });

  describe('lists', () => {
    const source = nosferatu.markdown.replace('writers: [Henrik Galeen]', 'writers: [Henrik Galeen, Bram Stoker, {name: Albin Grau, ids: {imdb: "nm0335045"}}]');

    test('add with Enter, keeping the add field ready for the next', () => {
      const { region, edits } = renderSidebar(viewOf(source));
      const add = within(region).getByRole('textbox', { name: 'Add director' });
      fireEvent.change(add, { target: { value: 'Someone Else' } });
      fireEvent.keyDown(add, { key: 'Enter' });
      expect(edits).toEqual([{ kind: 'insert', path: ['film', 'directors'], index: 1, value: 'Someone Else' }]);
      expect(add.getAttribute('value') ?? (add as HTMLInputElement).value).toBe('');
    });

    test('move with the buttons or Alt+arrows, remove with the button or by clearing', () => {
      const { region, edits } = renderSidebar(viewOf(source));
      fireEvent.click(within(region).getByRole('button', { name: 'Move Bram Stoker up' }));
      fireEvent.click(within(region).getByRole('button', { name: 'Move Henrik Galeen down' }));
      fireEvent.keyDown(within(region).getByLabelText('Writer 2'), { key: 'ArrowDown', altKey: true });
      fireEvent.click(within(region).getByRole('button', { name: 'Remove Albin Grau' }));
      const first = within(region).getByLabelText<HTMLInputElement>('Writer 1');
      fireEvent.focus(first);
      fireEvent.change(first, { target: { value: '' } });
      fireEvent.blur(first);
      expect(edits).toEqual([
        { kind: 'move', path: ['film', 'writers'], from: 1, to: 0 },
        { kind: 'move', path: ['film', 'writers'], from: 0, to: 1 },
        { kind: 'move', path: ['film', 'writers'], from: 1, to: 2 },
        { kind: 'remove', path: ['film', 'writers', 2] },
        { kind: 'remove', path: ['film', 'writers', 0] },
      ]);
      expect(within(region).getByRole('button', { name: 'Move Henrik Galeen up' }).hasAttribute('disabled')).toBe(true);
    });

    test('a person written as {name, ids} is renamed in place, keeping the ids', () => {
      const { region, edits } = renderSidebar(viewOf(source));
      const grau = within(region).getByLabelText<HTMLInputElement>('Writer 3');
      expect(grau.value).toBe('Albin Grau');
      fireEvent.focus(grau);
      fireEvent.change(grau, { target: { value: 'A. Grau' } });
      fireEvent.keyDown(grau, { key: 'Enter' });
      expect(edits).toEqual([{ kind: 'set', path: ['film', 'writers', 2, 'name'], value: 'A. Grau' }]);
    });

    test('after a move, focus follows the item', () => {
      const { region, rerenderView } = renderSidebar(viewOf(source));
      const down = within(region).getByRole('button', { name: 'Move Henrik Galeen down' });
      down.focus();
      fireEvent.click(down);
      rerenderView(viewOf(source.replace('Henrik Galeen, Bram Stoker', 'Bram Stoker, Henrik Galeen')));
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Move Henrik Galeen down');
    });
  });

  test('the cast table: edit a character, add a row with Enter', () => {
    const { region, edits } = renderSidebar(viewOf(nosferatu.markdown));
    const cast = within(region).getByRole('group', { name: 'Cast' });
    const character = within(cast).getByLabelText<HTMLInputElement>('Character, row 3');
    expect(character.value).toBe('Ellen Hutter');
    fireEvent.focus(character);
    fireEvent.change(character, { target: { value: 'Ellen' } });
    fireEvent.blur(character);
    fireEvent.change(within(cast).getByLabelText('New cast member: actor'), { target: { value: 'Ruth Landshoff' } });
    const newCharacter = within(cast).getByLabelText('New cast member: character');
    fireEvent.change(newCharacter, { target: { value: 'Ruth' } });
    fireEvent.keyDown(newCharacter, { key: 'Enter' });
    expect(edits).toEqual([
      { kind: 'set', path: ['film', 'cast', 2, 'character'], value: 'Ellen' },
      { kind: 'insert', path: ['film', 'cast'], index: 6, value: { name: 'Ruth Landshoff', character: 'Ruth' } },
    ]);
  });

  test('the rating moves in half stars from the keyboard, on the file’s scale', () => {
    const { region, edits } = renderSidebar(viewOf('---\nrating: 3\nrating_scale: 4\n---\n'));
    const rating = within(region).getByRole('slider', { name: 'Rating' });
    expect(rating.getAttribute('aria-valuemax')).toBe('4');
    expect(rating.querySelectorAll('.star')).toHaveLength(4);
    for (const key of ['ArrowRight', 'ArrowLeft', 'End', 'Home', 'PageDown', 'Delete']) fireEvent.keyDown(rating, { key });
    expect(edits).toEqual([
      { kind: 'set', path: ['rating'], value: 3.5 },
      { kind: 'set', path: ['rating'], value: 2.5 },
      { kind: 'set', path: ['rating'], value: 4 },
      { kind: 'set', path: ['rating'], value: 0 },
      { kind: 'set', path: ['rating'], value: 2 },
      { kind: 'remove', path: ['rating'] },
    ]);
  });

  test('validation messages sit beside their fields; unknown fields are listed', () => {
    const source = '---\nfilm:\n  year: "1922a"\n  budget: 1000\ncast_notes: x\nstills:\n  a.jpg: {credit: 3}\n---\n';
    const { region } = renderSidebar(viewOf(source));
    const year = within(region).getByLabelText('Year');
    expect(year.getAttribute('aria-invalid')).toBe('true');
    const described = document.getElementById(year.getAttribute('aria-describedby')!);
    expect(described?.textContent).toBe('Film › Year must be a whole number such as 2020');
    // Each message sits beside its own field only, not beside every list of the film.
    expect(region.textContent?.split('Film › Year must be').length).toBe(2);
    expect(within(region).getByRole('status').textContent).toBe('2 problems');
    const others = within(region).getByText('Other fields', { selector: 'summary' }).parentElement!;
    expect(others.textContent).toContain('Film › budget is not a field Intertitle knows; it is kept as written.');
    expect(others.textContent).toContain('Review › cast_notes is not a field Intertitle knows');
    expect(others.textContent).toContain('Stills › a.jpg › Credit must be text');
  });

  test('while the YAML does not parse: the error with its line, the last facts, and nothing editable', () => {
    const good = viewOf(nosferatu.markdown);
    const broken = readView(good.path, nosferatu.markdown.replace('year: 1922', 'year: [1922'), good);
    const { region, edits } = renderSidebar(broken);
    expect(within(region).getByRole('alert').textContent).toMatch(/does not parse \(line \d+\)/);
    const year = within(region).getByLabelText<HTMLInputElement>('Year');
    expect(year.value).toBe('1922');
    // Inside a disabled fieldset, every control is disabled.
    expect(year.matches(':disabled')).toBe(true);
    expect(within(region).getByRole('button', { name: /Move Max Schreck down/ }).matches(':disabled')).toBe(true);
    expect(within(region).getByRole('textbox', { name: 'Add director' }).matches(':disabled')).toBe(true);
    const rating = within(region).getByRole('slider', { name: 'Rating' });
    expect(rating.getAttribute('aria-disabled')).toBe('true');
    fireEvent.keyDown(rating, { key: 'ArrowLeft' });
    expect(edits).toEqual([]);
  });

  test('no review open: a note, and nothing editable', () => {
    const { region } = renderSidebar(emptyView, { locked: 'Open a review to see its film’s facts.' });
    expect(region.textContent).toContain('Open a review to see its film’s facts.');
    expect(within(region).getByLabelText<HTMLInputElement>('Title').matches(':disabled')).toBe(true);
  });
});

describe('readView', () => {
  test('typing in the body keeps the same view (no re-render of the sidebar)', () => {
    const first = viewOf(nosferatu.markdown);
    expect(readView(first.path, `${nosferatu.markdown}More words.`, first)).toBe(first);
  });

  test('another review never shows the last one’s facts, even when its YAML is broken', () => {
    const first = viewOf(nosferatu.markdown);
    const other = readView('other.md', '---\ntitle: [\n---\n', first);
    expect(other.data).toEqual({});
    expect(other.error?.line).toBe(2);
  });
});
