import type { StillsSettings } from '../../src/contract';
import { TextField } from '../sidebar/TextField';
import { reportError } from '../ui/notices';

interface Props {
  settings: StillsSettings;
  onSave: (change: Partial<StillsSettings>) => Promise<void>;
  disabled: boolean;
}

/** The library's settings for stills: the credit new stills get and the web size of derivatives. */
export function StillsSettingsForm({ settings, onSave, disabled }: Props) {
  const save = (change: Partial<StillsSettings>) => {
    void onSave(change).catch((error) => reportError(error, 'saving the stills settings'));
    return null;
  };
  return (
    <details className="stills-settings">
      <summary>Settings for this library</summary>
      <fieldset disabled={disabled}>
        <TextField
          label="Default credit"
          value={settings.defaultCredit}
          placeholder="Courtesy of {distributor}"
          onCommit={(text) => save({ defaultCredit: text.trim() })}
        />
        <p className="stills-hint">
          Given to each new still. <code>{'{distributor}'}</code>, <code>{'{title}'}</code> and <code>{'{year}'}</code> are filled from the film’s facts;
          leave empty for no credit.
        </p>
        <TextField
          label="Web size (long edge, pixels)"
          value={String(settings.webSize)}
          inputMode="numeric"
          onCommit={(text) => {
            const size = Number(text.trim());
            if (!Number.isInteger(size) || size < 480 || size > 8000) return 'Type a whole number of pixels from 480 to 8000.';
            return save({ webSize: size });
          }}
        />
        <p className="stills-hint">Pictures larger than this get a web-size copy beside them for the preview and exports; the original is kept.</p>
      </fieldset>
    </details>
  );
}
