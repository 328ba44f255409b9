// What the sidebar hands over when the reader saves or annotates a claim, checked
// before anything is stored. Bad input is refused with a sentence the UI can show.

import { MAX_STANCE_COUNT, type SavedClaim, type StanceSnapshot } from './format';

export interface SaveClaimInput {
  url: string;
  title: string;
  text: string;
  stance: StanceSnapshot;
  note?: string;
}

export class SavedClaimsInputError extends Error {
  override readonly name = 'SavedClaimsInputError';
}

/** Above this a single field is not a claim, title or note any more. */
export const MAX_LOCAL_FIELD_CHARS = 200_000;

/** The fields of a claim to save, trimmed; throws SavedClaimsInputError. */
export function validateClaimInput(input: SaveClaimInput): Omit<SavedClaim, 'id' | 'savedAt' | 'updatedAt'> {
  if (typeof input !== 'object' || input === null) throw new SavedClaimsInputError('Nothing to save.');
  const text = requireText(input.text, 'claim text', true);
  const url = requireText(input.url, 'article link', true);
  const title = requireText(input.title ?? '', 'article title', false);
  const note = requireText(input.note ?? '', 'note', false);
  const stance = input.stance;
  if (typeof stance !== 'object' || stance === null) throw new SavedClaimsInputError('The stance summary is missing.');
  for (const count of [stance.corroborates, stance.conflicts]) {
    if (!Number.isSafeInteger(count) || count < 0 || count > MAX_STANCE_COUNT) {
      throw new SavedClaimsInputError('Stance counts must be whole numbers from 0.');
    }
  }
  const summary = requireText(stance.summary ?? '', 'stance summary', false);
  return { url, title, text, note, stance: { corroborates: stance.corroborates, conflicts: stance.conflicts, summary } };
}

/** A note, trimmed; throws SavedClaimsInputError. */
export function validateNote(note: unknown): string {
  return requireText(note, 'note', false);
}

function requireText(value: unknown, name: string, required: boolean): string {
  if (typeof value !== 'string') throw new SavedClaimsInputError(`The ${name} must be text.`);
  const trimmed = value.trim();
  if (required && trimmed === '') throw new SavedClaimsInputError(`The ${name} is empty.`);
  if (trimmed.length > MAX_LOCAL_FIELD_CHARS) {
    throw new SavedClaimsInputError(`The ${name} is too long (over ${MAX_LOCAL_FIELD_CHARS.toLocaleString('en-US')} characters).`);
  }
  return trimmed;
}
