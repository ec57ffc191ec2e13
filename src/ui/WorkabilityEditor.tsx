import { useId, useState, type ChangeEvent } from 'react';
import type { WorkabilityScore } from '../io/workabilityCsv';
import { useLanguage } from '../i18n/useLanguage';

export interface WorkabilityEditorProps {
  /** The selected ward's name. */
  wardName: string;
  /** The saved score; null when the ward has no entry. */
  score: WorkabilityScore | null;
  /** The saved note; empty when none. */
  note: string;
  /** Save: called with the chosen score and the note (trimmed). Save needs a score. */
  onChange: (score: WorkabilityScore, note: string) => void;
  /** Remove this ward's entry. */
  onClear: () => void;
  /** Download all entries; the caller builds and saves the file. */
  onExport: () => void;
  /** Read entries from a file the user picked; the caller parses and merges it. */
  onImport: (file: File) => void;
}

const SCORES: readonly WorkabilityScore[] = [1, 2, 3, 4, 5];

/** The field team's judgement of the selected ward: a score from 1 to 5 and a note, saved explicitly. */
export function WorkabilityEditor(props: WorkabilityEditorProps) {
  const { wardName, score, note } = props;
  const id = useId();
  const { t } = useLanguage();
  const [draftScore, setDraftScore] = useState<WorkabilityScore | null>(score);
  const [draftNote, setDraftNote] = useState(note);
  // Another ward, or a saved entry that changed elsewhere (an import), replaces the draft.
  const [shownFor, setShownFor] = useState({ wardName, score, note });
  if (shownFor.wardName !== wardName || shownFor.score !== score || shownFor.note !== note) {
    setShownFor({ wardName, score, note });
    setDraftScore(score);
    setDraftNote(note);
  }
  const changed = draftScore !== score || draftNote.trim() !== note.trim();
  const hasEntry = score !== null || note.trim() !== '';

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    // Cleared so that picking the same file again, after editing it, imports it again.
    event.currentTarget.value = '';
    if (file) props.onImport(file);
  };

  return (
    <section className="panel workability" aria-label={t('workability.label')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (draftScore !== null) props.onChange(draftScore, draftNote.trim());
        }}
      >
        <fieldset className="workability-scores">
          <legend>{t('workability.of', { ward: wardName })}</legend>
          {SCORES.map((s) => (
            <label key={s} className={s === 1 ? 'excluding' : undefined}>
              <input type="radio" name={`${id}-score`} value={s} checked={draftScore === s} onChange={() => setDraftScore(s)} />
              <span className="score">{s}</span> {t(`workability.scores.${s}`)}
            </label>
          ))}
        </fieldset>
        <label className="workability-note" htmlFor={`${id}-note`}>
          {t('workability.note')}
        </label>
        <textarea id={`${id}-note`} rows={3} value={draftNote} onChange={(e) => setDraftNote(e.currentTarget.value)} />
        <div className="workability-actions">
          <button type="submit" className="primary" disabled={draftScore === null || !changed}>
            {t('common.save')}
          </button>
          <button type="button" disabled={!hasEntry} onClick={props.onClear}>
            {t('common.clear')}
          </button>
          <span className="status" aria-live="polite">
            {draftScore === null && draftNote.trim() !== '' ? t('workability.chooseScore') : changed ? t('workability.notSaved') : hasEntry ? t('workability.saved') : ''}
          </span>
        </div>
      </form>
      <div className="workability-transfer">
        <button type="button" className="link-button" onClick={props.onExport}>
          {t('workability.export')}
        </button>
        <label className="file-button">
          {t('workability.import')}
          <input type="file" accept=".csv,.json,.txt,text/csv,application/json" onChange={onFile} />
        </label>
      </div>
    </section>
  );
}
