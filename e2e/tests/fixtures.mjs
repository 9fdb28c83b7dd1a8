// Every end-to-end test runs under a console guard: a panic, an uncaught
// exception, or a console error or warning in any page the test opens (in
// its own context or in contexts it creates) fails the test. A test that provokes an
// HTTP error on purpose (a version conflict, an expired session) says which
// answers it expects with `consoleGuard.allowStatus(412)`; the browser logs
// those as "Failed to load resource". A test of the crash notice, which
// provokes a crash on purpose, excuses exactly its messages with
// `consoleGuard.allowMessage(/…/)`. Nothing else is excused.
import { test as base, expect } from '@playwright/test';

export { expect };

export const test = base.extend({
  consoleGuard: [
    async ({ context, browser }, use) => {
      const problems = [];
      const allowed = new Set();
      const allowedMessages = [];
      const excused = (text) => allowedMessages.some((pattern) => pattern.test(text));
      const watch = (page) => {
        page.on('console', (message) => {
          const kind = message.type();
          if (kind !== 'error' && kind !== 'warning') return;
          const text = message.text();
          const status = text.match(/the server responded with a status of (\d{3})/);
          if (status && allowed.has(Number(status[1]))) return;
          if (excused(text)) return;
          problems.push(`console ${kind} on ${page.url()}: ${text}`);
        });
        page.on('pageerror', (error) => {
          if (excused(`${error.name}: ${error.message}`)) return;
          problems.push(`uncaught exception on ${page.url()}: ${error.message}`);
        });
      };
      const watchContext = (ctx) => {
        ctx.pages().forEach(watch);
        ctx.on('page', watch);
      };
      watchContext(context);
      const newContext = browser.newContext;
      browser.newContext = async (...args) => {
        const created = await newContext.apply(browser, args);
        watchContext(created);
        return created;
      };
      try {
        await use({
          allowStatus: (...statuses) => statuses.forEach((s) => allowed.add(s)),
          allowMessage: (...patterns) => allowedMessages.push(...patterns),
          problems: () => [...problems],
        });
      } finally {
        browser.newContext = newContext;
      }
      expect(problems, 'panics, uncaught exceptions, console errors or warnings in the page').toEqual([]);
    },
    { auto: true },
  ],
});
