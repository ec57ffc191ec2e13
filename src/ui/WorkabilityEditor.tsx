import { useId, useState, type ChangeEvent } from 'react';
import type { WorkabilityScore } from '../io/workabilityCsv';

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

const SCORES: { score: WorkabilityScore; meaning: string }[] = [
  { score: 1, meaning: 'not workable (excluded)' },
  { score: 2, meaning: 'difficult' },
  { score: 3, meaning: 'workable with effort' },
  { score: 4, meaning: 'workable' },
  { score: 5, meaning: 'easy' },
];

/** The field team's judgement of the selected ward: a score from 1 to 5 and a note, saved explicitly. */
export function WorkabilityEditor(props: WorkabilityEditorProps) {
  const { wardName, score, note } = props;
  const id = useId();
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
    <section className="panel workability" aria-label="Workability">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (draftScore !== null) props.onChange(draftScore, draftNote.trim());
        }}
      >
        <fieldset className="workability-scores">
          <legend>Workability of {wardName}</legend>
          {SCORES.map(({ score: s, meaning }) => (
            <label key={s} className={s === 1 ? 'excluding' : undefined}>
              <input type="radio" name={`${id}-score`} value={s} checked={draftScore === s} onChange={() => setDraftScore(s)} />
              <span className="score">{s}</span> {meaning}
            </label>
          ))}
        </fieldset>
        <label className="workability-note" htmlFor={`${id}-note`}>
          Note (logistics, reachability, local partners)
        </label>
        <textarea id={`${id}-note`} rows={3} value={draftNote} onChange={(e) => setDraftNote(e.currentTarget.value)} />
        <div className="workability-actions">
          <button type="submit" className="primary" disabled={draftScore === null || !changed}>
            Save
          </button>
          <button type="button" disabled={!hasEntry} onClick={props.onClear}>
            Clear
          </button>
          <span className="status" aria-live="polite">
            {draftScore === null && draftNote.trim() !== '' ? 'Choose a score to save' : changed ? 'Not saved' : hasEntry ? 'Saved' : ''}
          </span>
        </div>
      </form>
      <div className="workability-transfer">
        <button type="button" className="link-button" onClick={props.onExport}>
          Export all workability entries
        </button>
        <label className="file-button">
          Import entries…
          <input type="file" accept=".csv,.json,.txt,text/csv,application/json" onChange={onFile} />
        </label>
      </div>
    </section>
  );
}
