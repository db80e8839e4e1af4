import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

// @wxt-dev/storage reads the global `chrome`; WXT's fake browser stands in for it (in-memory storage).
vi.stubGlobal('chrome', fakeBrowser);
vi.stubGlobal('browser', fakeBrowser);

beforeEach(() => fakeBrowser.reset());
afterEach(() => cleanup());
