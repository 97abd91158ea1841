import { useMemo } from 'react';
import { LOG_FIELDS, LOG_FIELD_LABELS, type LogField } from '../../../../shared/import/log-fields';
import { DEFAULT_YEARS, LogParser, detectLogSettings, type LogFormat, type LogImportSettings } from '../../../../shared/import/log-import';
import { formatTime } from '../../../format';

interface Props {
  sample: string;
  /** A Parquet log's first rows, read as objects (its format cannot be changed). */
  parquetRows?: Record<string, unknown>[];
  settings: LogImportSettings;
  onChange: (settings: LogImportSettings) => void;
}

const PREVIEW_ROWS = 6;

/** Format, header and field mapping of a log file, with the first rows as they will be imported. */
export function LogSettingsEditor({ sample, parquetRows, settings, onChange }: Props) {
  const preview = useMemo(() => {
    const parser = new LogParser(settings, { caseId: 'preview', sourceId: 'preview' });
    const text = sample.slice(0, sample.lastIndexOf('\n') + 1) || sample;
    const parsed = settings.format === 'parquet' ? parser.pushObjects(parquetRows ?? [], 1) : parser.push(text);
    return { entries: parsed.entries.slice(0, PREVIEW_ROWS), rejections: parsed.rejections.slice(0, 3) };
  }, [sample, parquetRows, settings]);

  const reformat = (format: LogFormat, hasHeader: boolean) => {
    // The columns follow the choice: a header's names, or numbered columns when the first row is data.
    onChange(format === 'jsonl' ? { ...settings, format } : detectLogSettings(sample, { format, hasHeader }));
  };
  const map = (field: LogField, column: string) => {
    const mapping = { ...settings.mapping };
    if (column) mapping[field] = column;
    else delete mapping[field];
    // A column mapped to a field is no longer an identifier of its own.
    const identifiers = (settings.identifiers ?? []).filter((c) => c !== column);
    onChange({ ...settings, mapping, identifiers });
  };
  const mapped = new Set(Object.values(settings.mapping));
  const unmapped = settings.columns.filter((c) => !mapped.has(c));
  const markIdentifier = (column: string, marked: boolean) => {
    const identifiers = (settings.identifiers ?? []).filter((c) => c !== column);
    onChange({ ...settings, identifiers: marked ? [...identifiers, column] : identifiers });
  };

  return (
    <div className="log-settings">
      <div className="field-row compact">
        <label className="field">
          <span className="field-label">Format</span>
          <select value={settings.format} onChange={(e) => reformat(e.target.value as LogFormat, settings.hasHeader)} aria-label="Format" disabled={settings.format === 'parquet'}>
            {settings.format === 'parquet' ? (
              <option value="parquet">Parquet (columns by name)</option>
            ) : (
              <>
                <option value="jsonl">JSON Lines</option>
                <option value="csv">CSV (comma)</option>
                <option value="tsv">TSV (tab)</option>
              </>
            )}
          </select>
        </label>
        {(settings.format === 'csv' || settings.format === 'tsv') && (
          <label className="checkbox">
            <input type="checkbox" checked={settings.hasHeader} onChange={(e) => reformat(settings.format, e.target.checked)} /> First row is a header
          </label>
        )}
      </div>
      <div className="mapping-grid">
        {LOG_FIELDS.map((field) => (
          <label key={field} className="mapping">
            <span>{LOG_FIELD_LABELS[field]}</span>
            <select aria-label={`Column for ${LOG_FIELD_LABELS[field]}`} value={settings.mapping[field] ?? ''} onChange={(e) => map(field, e.target.value)}>
              <option value="">— not mapped —</option>
              {settings.columns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <div className="field-row compact">
        <label className="field">
          <span className="field-label">Times from the year</span>
          <input type="number" aria-label="Times from the year" value={settings.years?.from ?? DEFAULT_YEARS.from} onChange={(e) => onChange({ ...settings, years: { from: Number(e.target.value), to: settings.years?.to ?? DEFAULT_YEARS.to } })} />
        </label>
        <label className="field">
          <span className="field-label">to the year</span>
          <input type="number" aria-label="Times to the year" value={settings.years?.to ?? DEFAULT_YEARS.to} onChange={(e) => onChange({ ...settings, years: { from: settings.years?.from ?? DEFAULT_YEARS.from, to: Number(e.target.value) } })} />
        </label>
        <p className="muted small">A row whose time falls outside these years is rejected with its line: a year 50 or an epoch of 10^20 is a misread column, not a date.</p>
      </div>
      {unmapped.length > 0 && (
        <fieldset className="identifier-columns">
          <legend>Identifier columns</legend>
          <p className="muted small">Columns left unmapped are kept with each row. Mark those that identify who sent a request (an organisation, a payment fingerprint, a device) to filter the log by them as quickly as by account.</p>
          {unmapped.map((column) => (
            <label key={column} className="checkbox">
              <input type="checkbox" checked={settings.identifiers?.includes(column) ?? false} onChange={(e) => markIdentifier(column, e.target.checked)} /> {column}
            </label>
          ))}
        </fieldset>
      )}
      <table className="table preview-table">
        <thead>
          <tr>
            <th>Line</th>
            <th>Time</th>
            <th>Account</th>
            <th>API key</th>
            <th>IP</th>
            <th>Prompt</th>
          </tr>
        </thead>
        <tbody>
          {preview.entries.map((e) => (
            <tr key={e.line}>
              <td className="num">{e.line}</td>
              <td className="mono nowrap">{formatTime(e.ts)}</td>
              <td className="mono">{e.account ?? '—'}</td>
              <td className="mono">{e.apiKey ?? '—'}</td>
              <td className="mono">{e.ip ?? '—'}</td>
              <td className="clip">{e.prompt ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.rejections.map((r) => (
        <p key={r.line} className="field-error">
          Line {r.line}: {r.reason}
        </p>
      ))}
    </div>
  );
}
