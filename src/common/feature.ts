// What a feature folder tells the app about itself: its resources (menu entry, lazy screens,
// how lists read them) and its messages. Each src/<feature>/index.ts exports one Feature;
// src/features.ts lists them, and the resources, the menu, the data provider's read
// settings and the i18n provider are all built from that list.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { SvgIconComponent } from '@mui/icons-material';
import type { AppResource } from '../providers/access';
import type { ReadSettings } from '../providers/resourceMap';

export type MenuGroup = 'workspace' | 'merchants' | 'trading' | 'service' | 'finance' | 'analytics' | 'system';
export const MENU_GROUPS: readonly MenuGroup[] = ['workspace', 'merchants', 'trading', 'service', 'finance', 'analytics', 'system'];

export type Screen = LazyExoticComponent<ComponentType>;
export interface Screens {
  list?: Screen;
  show?: Screen;
  edit?: Screen;
  create?: Screen;
}

export interface MenuEntry {
  group: MenuGroup;
  icon: SvgIconComponent;
  /** a custom route instead of the resource's list (the dashboard at "/"); no <Resource> then */
  path?: string;
}

export interface ResourceManifest extends ReadSettings {
  name: AppResource;
  menu?: MenuEntry;
  screens?: Screens;
  /** react-admin's recordRepresentation (title of show/edit pages, references) */
  recordRepresentation?: string;
}

/** Each language's messages, with identical keys (merged into react-admin's catalogue). */
export interface Messages {
  zh: object;
  en: object;
}

export interface Feature {
  /** the folder's name */
  name: string;
  /** in menu order */
  resources: ResourceManifest[];
  /** read settings of tables the screens list inline (history rows), which are no menu entries */
  reads?: Record<string, ReadSettings>;
  messages?: Messages;
}

type ScreenModule = Partial<Record<keyof Screens, ComponentType>>;

/**
 * Lazy screens from one module exporting `{ list, show, edit, create }`: the module (and
 * everything it imports) downloads when a screen first renders, not with the login page.
 */
export function lazyScreens(load: () => Promise<ScreenModule>, which: (keyof Screens)[]): Screens {
  const out: Screens = {};
  for (const key of which) {
    out[key] = lazy(async () => {
      const component = (await load())[key];
      if (!component) throw new Error(`screen ${key} missing`);
      return { default: component };
    });
  }
  return out;
}
