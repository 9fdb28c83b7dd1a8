// How every script here launches Debian's Chromium: the tests, the
// screenshots and the first-load benchmark.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// The flags Chromium needs on these machines (no sandbox as root, no GPU, and
// no background traffic towards a network that is not there).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
