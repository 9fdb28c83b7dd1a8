// When the app stops on an error (a trap in the wasm, or any uncaught
// error once it runs), reveal the notice the app prepared at start, in
// the language <html lang> names, and log one line. The wasm must not
// be called after a trap, so this is plain script.
(() => {
  let stopped = false;
  const stop = (error) => {
    const notice = document.getElementById("crash-notice");
    if (stopped || !(notice || error instanceof WebAssembly.RuntimeError)) {
      return stopped;
    }
    stopped = true;
    console.error(`The portal stopped after an unexpected error (${error}); reload the page to continue.`);
    if (notice) {
      const lang = document.documentElement.lang;
      const panel = notice.querySelector(`[data-lang="${lang}"]`) || notice.firstElementChild;
      for (const element of document.body.children) {
        element.inert = element !== notice;
      }
      panel.hidden = false;
      notice.hidden = false;
      const reload = panel.querySelector("button");
      reload.addEventListener("click", () => location.reload());
      reload.focus();
    }
    return true;
  };
  addEventListener("error", (event) => {
    if (event.error != null && stop(event.error)) event.preventDefault();
  });
  addEventListener("unhandledrejection", (event) => {
    if (stop(event.reason)) event.preventDefault();
  });
})();
