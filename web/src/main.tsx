import { render } from 'preact';
import { App } from './App.js';
import './app.css';

// Where the page's own work starts: the first network is measured from here (gg:first-network).
performance.mark('gg:start');
const root = document.getElementById('app');
if (root) render(<App />, root);
