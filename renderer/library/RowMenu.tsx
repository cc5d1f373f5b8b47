import { useEffect, useRef, type KeyboardEvent } from 'react';

export type RowAction = 'open' | 'rename' | 'duplicate' | 'trash';

const items: Array<{ action: RowAction; label: string; keys?: string }> = [
  { action: 'open', label: 'Open', keys: 'Enter' },
  { action: 'rename', label: 'Rename…', keys: 'F2' },
  { action: 'duplicate', label: 'Duplicate' },
  { action: 'trash', label: 'Move to Trash…', keys: 'Del' },
];

interface Props {
  x: number;
  y: number;
  title: string;
  onChoose: (action: RowAction) => void;
  onClose: () => void;
}

/** A review's context menu: keyboard first (arrows, Enter, Escape), closed by a click elsewhere. */
export function RowMenu({ x, y, title, onChoose, onClose }: Props) {
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', onPointer, true);
    return () => window.removeEventListener('pointerdown', onPointer, true);
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step) {
      event.preventDefault();
      buttons[(at + step + buttons.length) % buttons.length]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      onClose();
    }
  };

  // Kept inside the window: a menu opened near the bottom or right edge opens up or left.
  const style = {
    left: Math.min(x, window.innerWidth - 200),
    top: Math.min(y, window.innerHeight - 170),
  };
  return (
    <div ref={menu} className="row-menu" role="menu" aria-label={`Actions for ${title}`} style={style} onKeyDown={onKeyDown}>
      {items.map((item) => (
        <button key={item.action} type="button" role="menuitem" className={item.action === 'trash' ? 'danger' : undefined} onClick={() => onChoose(item.action)}>
          <span>{item.label}</span>
          {item.keys && <kbd>{item.keys}</kbd>}
        </button>
      ))}
    </div>
  );
}
