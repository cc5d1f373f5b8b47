interface Props {
  /** What the row holds, for the buttons' accessible names ("Move Max Schreck up"). */
  name: string;
  index: number;
  count: number;
  onMove: (to: number, control: 'up' | 'down') => void;
  onRemove: () => void;
}

/** Move up, move down and remove, for one row of a list or table. */
export function RowButtons({ name, index, count, onMove, onRemove }: Props) {
  return (
    <span className="row-buttons">
      <button
        type="button"
        className="icon-button"
        data-control="up"
        aria-label={`Move ${name} up`}
        title="Move up (Alt+↑)"
        disabled={index === 0}
        onClick={() => onMove(index - 1, index - 1 === 0 ? 'down' : 'up')}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon-button"
        data-control="down"
        aria-label={`Move ${name} down`}
        title="Move down (Alt+↓)"
        disabled={index === count - 1}
        onClick={() => onMove(index + 1, index + 1 === count - 1 ? 'up' : 'down')}
      >
        ↓
      </button>
      <button type="button" className="icon-button remove" data-control="remove" aria-label={`Remove ${name}`} title="Remove" onClick={onRemove}>
        ×
      </button>
    </span>
  );
}
