import '@testing-library/jest-dom/vitest';
import { afterEach, vi } from 'vitest';
import { cleanup } from '@testing-library/react';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => cleanup());

// A test that renders react-admin's whole context and drives a form takes 1–3 s alone and
// 5–8 s on a busy shared machine: vitest's default 5 s then fails it for being slow.
vi.setConfig({ testTimeout: 30_000 });
