// A car's energy and gearbox: the catalogue's models and the listings both carry them
// (labels under resources.listings).
import type { Enums } from '../types/database';
import { choicesOf } from './choices';

export const ENERGY = ['petrol', 'diesel', 'hybrid', 'phev', 'erev', 'ev', 'fcev'] as const satisfies readonly Enums<'energy_type'>[];
export const GEARBOX = ['manual', 'automatic', 'dct', 'cvt', 'single_speed'] as const satisfies readonly Enums<'gearbox_type'>[];

export const ENERGY_CHOICES = choicesOf(ENERGY, 'resources.listings.energy');
export const GEARBOX_CHOICES = choicesOf(GEARBOX, 'resources.listings.gearbox');
