#!/usr/bin/env node
// The executable: run the CLI and hand its code to the shell.
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
