import { SettingsPage } from './SettingsPage';

export const list = SettingsPage;
