import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

export interface Notice {
  id: number;
  /** A warning stays until dismissed, as an error does: it asks the user to look before relying on what succeeded. */
  kind: 'success' | 'warning' | 'error';
  text: string;
  /** One thing the user may do about it, as a button on the notice; a brief one (an Undo) goes with the notice, as a plain success does. */
  action?: { label: string; run: () => void; brief?: boolean };
}

type Notify = (kind: Notice['kind'], text: string, action?: Notice['action']) => void;

const NoticeContext = createContext<Notify>(() => undefined);

/** Messages shown at the foot of the window; errors stay until dismissed. */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const dismiss = (id: number) => setNotices((all) => all.filter((n) => n.id !== id));
  const notify = useCallback<Notify>((kind, text, action) => {
    const id = Date.now() + Math.random();
    setNotices((all) => [...all.slice(-3), { id, kind, text, ...(action && { action }) }]);
    if (kind === 'success' && (!action || action.brief)) setTimeout(() => setNotices((all) => all.filter((n) => n.id !== id)), action ? 12_000 : 6000);
  }, []);
  return (
    <NoticeContext.Provider value={notify}>
      {children}
      <div className="notices">
        {notices.map((n) => (
          <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'success' ? 'status' : 'alert'}>
            <span>
              {n.text}
              {n.action && (
                <button
                  type="button"
                  className="notice-action"
                  onClick={() => {
                    n.action!.run();
                    dismiss(n.id);
                  }}
                >
                  {n.action.label}
                </button>
              )}
            </span>
            <button type="button" className="link" onClick={() => dismiss(n.id)} aria-label="Dismiss">
              ×
            </button>
          </div>
        ))}
      </div>
    </NoticeContext.Provider>
  );
}

export const useNotify = (): Notify => useContext(NoticeContext);

/** The message to show for a failure, whatever was thrown. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
