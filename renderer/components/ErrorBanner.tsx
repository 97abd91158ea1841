/** A refusal or failure shown where it happened, naming what is at fault; nothing when there is none. */
export function ErrorBanner({ error }: { error: string | null }) {
  return error ? (
    <p className="banner banner-bad" role="alert">
      {error}
    </p>
  ) : null;
}
