import { describe, expect, it } from 'vitest';
import { transferFiles, type TransferLike } from '../../renderer/stills/transfer-files';

const picture = (name: string) => new File([new Uint8Array([0xff, 0xd8, 0xff])], name, { type: 'image/jpeg' });

function transfer({ files = [], items = [], text = '' }: { files?: File[]; items?: File[]; text?: string }): TransferLike {
  return {
    files,
    items: items.map((file) => ({ kind: 'file', getAsFile: () => file })),
    getData: (format) => (format === 'text/plain' ? text : ''),
  };
}

describe('the files a paste or drop gives the stills', () => {
  it.each([
    ['clipboard image data (a screenshot)', { files: [picture('image.png')] }, ['image.png']],
    ['image data listed only as an item', { items: [picture('image.png')] }, ['image.png']],
    ['a file copied in a file manager, its name as text (macOS)', { files: [picture('still 1.jpg')], text: 'still 1.jpg' }, ['still 1.jpg']],
    ['two files copied, their paths as text', { files: [picture('a.jpg'), picture('b.png')], text: '/home/critic/a.jpg\n/home/critic/b.png\n' }, ['a.jpg', 'b.png']],
    ['a file copied, its URI as text', { files: [picture('Людмила дома.jpg')], text: `file:///home/critic/${encodeURIComponent('Людмила дома.jpg')}` }, ['Людмила дома.jpg']],
    ['a Windows path as text', { files: [picture('a.jpg')], text: 'C:\\Users\\critic\\a.jpg' }, ['a.jpg']],
    ['a copy from a word processor: text and a picture of it', { files: [picture('image.png')], text: 'The workers march.' }, []],
    ['text only', { text: 'Just words' }, []],
    ['nothing at all', {}, []],
  ])('paste: %s', (_, parts, names) => {
    expect(transferFiles(transfer(parts), 'paste').map((f) => f.name)).toEqual(names);
  });

  it('a drop gives its files whatever text comes along (a file manager adds their paths)', () => {
    expect(transferFiles(transfer({ files: [picture('a.jpg')], text: 'anything' }), 'drop').map((f) => f.name)).toEqual(['a.jpg']);
  });

  it('gives nothing without a transfer', () => {
    expect(transferFiles(null, 'paste')).toEqual([]);
  });
});
