// Server-sent events read with fetch, so the bearer token travels in a header and never in the address.
import * as api from './api.js';

/**
 * Calls onEvent(json) for each event of the stream at `path` until the server ends it or stop() is called;
 * a dropped stream is opened again after a pause. Returns stop().
 */
export function follow(path, onEvent) {
  const control = new AbortController();
  let stopped = false;
  (async function run() {
    while (!stopped) {
      try {
        const response = await api.stream(path, control.signal);
        if (!response.ok) return;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
            if (data) onEvent(JSON.parse(data));
          }
        }
      } catch {
        if (stopped) return;
        await new Promise((r) => { setTimeout(r, 2000); });
      }
    }
  }());
  return () => {
    stopped = true;
    control.abort();
  };
}
