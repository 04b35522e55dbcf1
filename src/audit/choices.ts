// The audit list's action and entity filters, from the one table of words (actions.ts): every
// action the database can write is offered, in the user's language.
import { choicesOf } from '../common/choices';
import { ACTION_WORDS, ENTITY_WORDS } from './actions';

export const AUDIT_ACTIONS = Object.keys(ACTION_WORDS);
export const AUDIT_ENTITIES = Object.keys(ENTITY_WORDS);

export const ACTION_CHOICES = choicesOf(AUDIT_ACTIONS, 'audit.actions');
export const ENTITY_CHOICES = choicesOf(AUDIT_ENTITIES, 'audit.entities');
