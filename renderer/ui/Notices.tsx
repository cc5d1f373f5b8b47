import { dismissNotice, useNotices } from './notices';

/** Messages for the critic: failures stay until dismissed, information fades. */
export function Notices() {
  const notices = useNotices();
  return (
    <div className="notices" aria-live="assertive">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{notice.message}</span>
          <button type="button" className="quiet" aria-label="Dismiss" onClick={() => dismissNotice(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
