// The residents' page /nghe/{unit}: live audio per zone and the archive of aired public notices. No sign-in,
// no framework: it must load fast on a cheap phone. Text is set with textContent, never as HTML.
const unit = decodeURIComponent(location.pathname.split('/')[2] || '');
const base = `/nghe/${encodeURIComponent(unit)}`;
const live = document.getElementById('live');
const status = document.getElementById('live-status');
// MP3 wherever it plays (every phone browser): a steady 48 kb/s that browsers start on at once. The zone's Ogg Opus is
// lighter, but between notices it carries a few bytes of silence a second, on which browsers wait minutes to start.
const mp3 = live.canPlayType('audio/mpeg') !== '';

function el(tag, text) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
}

function when(iso) {
  return new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'long', timeStyle: 'short' });
}

async function json(path) {
  const reply = await fetch(path);
  const body = await reply.json();
  if (!reply.ok) throw new Error(body.message || reply.statusText);
  return body;
}

function listen(zone, button) {
  document.querySelectorAll('#zones button').forEach(b => b.setAttribute('aria-pressed', String(b === button)));
  live.src = mp3 ? zone.mp3 : zone.opus;
  status.textContent = `Đang nghe: ${zone.name}`;
  live.play().catch(() => { status.textContent = `Bấm nút phát để nghe ${zone.name}`; });
}

live.addEventListener('error', () => {
  status.textContent = 'Không nghe được lúc này (có thể đang quá đông người nghe). Xin thử lại sau.';
});

async function about() {
  const info = await json(`${base}/thong-tin`);
  document.getElementById('unit').textContent = info.unit.name;
  document.title = `Nghe đài truyền thanh ${info.unit.name}`;
  document.getElementById('kept').textContent = `Thông báo được giữ ${info.archiveDays} ngày sau lần phát cuối.`;
  const zones = document.getElementById('zones');
  if (!info.live) {
    zones.append(el('p', 'Chưa mở nghe trực tiếp qua mạng.'));
    live.hidden = true;
    return;
  }
  for (const zone of info.zones) {
    const button = el('button', zone.name);
    button.type = 'button';
    button.setAttribute('aria-pressed', 'false');
    button.addEventListener('click', () => listen(zone, button));
    zones.append(button);
  }
}

async function notices(q) {
  const list = document.getElementById('notices');
  const found = await json(`${base}/thong-bao${q ? `?q=${encodeURIComponent(q)}` : ''}`);
  list.replaceChildren();
  if (found.notices.length === 0) {
    list.append(el('li', q ? 'Không tìm thấy thông báo nào.' : 'Chưa có thông báo nào.'));
    return;
  }
  for (const n of found.notices) {
    const item = el('li');
    const time = el('time', `Đã phát: ${when(n.aired)}`);
    time.dateTime = n.aired;
    const audio = el('audio');
    audio.controls = true;
    audio.preload = 'none';
    audio.src = n.audio;
    audio.setAttribute('aria-label', `Nghe lại: ${n.title}`);
    item.append(el('h3', n.title), time);
    if (n.text) item.append(el('p', n.text));
    item.append(audio);
    list.append(item);
  }
}

document.getElementById('search').addEventListener('submit', event => {
  event.preventDefault();
  notices(document.getElementById('q').value.trim()).catch(e => { status.textContent = e.message; });
});

about().catch(e => { document.getElementById('unit').textContent = e.message; });
notices('').catch(() => {});
