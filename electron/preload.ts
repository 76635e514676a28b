// The sandboxed preload: exposes window.api (the contract's verbs and the host's capabilities) and
// nothing else. The logic lives in app/preloadApi.ts, where it is unit-tested.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createPreloadApi } from './app/preloadApi.js';

contextBridge.exposeInMainWorld('api', createPreloadApi(ipcRenderer, webUtils));
