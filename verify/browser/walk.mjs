// What the browser walks share: Debian's Chromium started as this machine allows (no sandbox for root, no background
// networking, nothing downloaded), and a tally of named checks that prints each one and decides the exit code.
import { chromium } from 'playwright-core';

export function launch(executablePath = '/usr/bin/chromium') {
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export class Checks {
  constructor() {
    this.passed = 0;
    this.failed = 0;
  }

  check(name, ok, detail = '') {
    if (ok) {
      this.passed += 1;
      console.log(`ok   ${name}`);
    } else {
      this.failed += 1;
      console.log(`FAIL ${name}${detail ? `: ${detail}` : ''}`);
    }
  }

  /** A walk that stopped on an exception counts as one failure. */
  stopped(e) {
    this.failed += 1;
    console.log(`FAIL the walk stopped: ${e.message.split('\n')[0]}`);
  }

  /** Prints the tally and ends the process: 0 when every check passed. */
  finish(label) {
    console.log(`${label}: ${this.passed} passed, ${this.failed} failed`);
    process.exit(this.failed === 0 ? 0 : 1);
  }
}
