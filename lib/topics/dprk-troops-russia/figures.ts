import type { FigureKind } from '../figure-kind';

// The figures this story's reports keep giving and revising, each read from a count a claim
// states (lib/quantities.ts) and where it stands. Order matters: a count of troops near the
// front is "at the front" before it is "sent"; a count of troops anywhere else is "sent"
// (arrived, deployed, planned or possible: lib/timeline.ts keeps those apart as measures).

/** Words after a count of troops that put them at the front ("positioned near the front line", "fighting in Kursk"). */
const AT_THE_FRONT =
  /^[^.;:]{0,60}?\b(?:(?:near|at|on|along|to|in) the (?:front(?: ?lines?)?|frontlines?|battlefield|combat zone)|(?:fighting|deployed|positioned|stationed|engaged) (?:in|near|around) (?:the )?kursk|in combat)\b/;

export const FIGURE_KINDS: readonly FigureKind[] = [
  { id: 'troops-at-front', label: 'Troops at the front', families: ['troops'], near: AT_THE_FRONT, force: 'North Korea' },
  { id: 'troops-sent', label: 'Troops sent', families: ['troops'], force: 'North Korea' },
  { id: 'killed', label: 'Killed', families: ['killed'], force: 'North Korea' },
  { id: 'wounded', label: 'Wounded', families: ['wounded'], force: 'North Korea' },
  { id: 'casualties', label: 'Killed or wounded', families: ['casualties'], force: 'North Korea' },
  { id: 'captured', label: 'Captured', families: ['captured'], force: 'North Korea' },
];
