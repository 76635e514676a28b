// Boot: connect to the host, install event listeners and live refresh once, load the first data, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectApi } from './api.js';
import { installListeners, loadInitialData } from './boot.js';
import { installLiveRefresh } from './liveRefresh.js';
import { App } from './components/App.js';
import { installShortcuts } from './shortcuts.js';
import { useStore } from './store/index.js';
import './styles.css';

const api = connectApi((connected) => useStore.getState().setConnected(connected));
installListeners(api);
installLiveRefresh();
installShortcuts();
void loadInitialData();

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
