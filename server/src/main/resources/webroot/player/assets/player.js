// Loa's board player: shows the screen the server sends over a WebSocket, entry by entry on the server's clock,
// keeps every frame it fetched (Cache API when the page is a secure context, memory otherwise) so it goes on playing
// when the network drops, reconnects by itself, and reports what it showed (proof of play): reports are kept in
// localStorage until the server acknowledges them, so what played offline is sent on reconnect (the server keeps
// each once). Interrupts cut in at their seconds of every hour; an overlay band lies over whatever plays; a layout's
// further playlist regions (a side column of pictures) each cycle their own entries on the same clock, laid over the frame.
// In a cluster it knows every member's address (ADR 0049) and moves to another member when its own stops answering.
(function () {
  'use strict';
  var boardId = decodeURIComponent(location.pathname.split('/')[2] || '');
  var storeKey = 'loa.player.' + boardId;
  var screen = null;        // the last screen the server sent
  var offset = 0;           // server clock minus ours, in ms
  var shown = null;         // {key, item, kind, since}
  var bannerShown = null;   // {text, since}
  var urls = {};            // frame URL -> object URL of its cached bytes
  var playsKey = storeKey + '.plays';
  var overlayShown = null; // the src of the overlay on screen
  var pending = loadPending(); // proof-of-play reports the server has not acknowledged yet
  var socket = null;
  var retry = 1000;
  var liveUrl = null;       // object URL of the last minute's frame of a layout with a clock (not kept offline)
  var paintedSrc = null;    // the frame URL on screen
  var serversKey = 'loa.player.servers';
  var servers = known();    // the members' web addresses, the page's own first
  var at = 0;               // the member connected to (or tried), in servers
  var frame = document.getElementById('frame');
  var video = document.getElementById('video');
  var text = document.getElementById('text');
  var banner = document.getElementById('banner');
  var bannerFrame = document.getElementById('banner-frame');
  var overlay = document.getElementById('overlay');
  var regionsShown = {};    // region name -> {img, key, item, kind, since}

  function loadPending() {
    try { return JSON.parse(localStorage.getItem(playsKey) || '[]'); } catch (e) { return []; }
  }

  function savePending() {
    try { localStorage.setItem(playsKey, JSON.stringify(pending)); } catch (e) { /* full: the memory copy is sent */ }
  }

  function saved() {
    try { return JSON.parse(localStorage.getItem(storeKey) || 'null'); } catch (e) { return null; }
  }

  function save(s) {
    try { localStorage.setItem(storeKey, JSON.stringify(s)); } catch (e) { /* full: the memory copy still plays */ }
  }

  // The addresses saved from the last list a member gave, after the page's own (it may have died since).
  function known() {
    var list = [location.origin];
    try {
      (JSON.parse(localStorage.getItem(serversKey) || '[]') || []).forEach(function (a) {
        if (list.indexOf(a) < 0) { list.push(a); }
      });
    } catch (e) { /* none saved */ }
    return list;
  }

  // A server path on the member in use: frames and videos come from whichever member the player is on.
  function abs(src) { return src.charAt(0) === '/' ? servers[at] + src : src; }

  function learnServers() {
    fetch(abs('/player/' + encodeURIComponent(boardId) + '/servers')).then(function (r) { return r.json(); })
      .then(function (body) {
        var current = servers[at];
        (body.servers || []).forEach(function (a) { if (servers.indexOf(a) < 0) { servers.push(a); } });
        at = servers.indexOf(current);
        try { localStorage.setItem(serversKey, JSON.stringify(body.servers || [])); } catch (e) { /* full */ }
      }).catch(function () { /* alone, or gone again: the list stays */ });
  }

  function cached(src) {
    if (urls[src]) { return Promise.resolve(urls[src]); }
    var fetched;
    if (window.caches && window.isSecureContext) {
      fetched = caches.open('loa-player').then(function (c) {
        return c.match(src).then(function (hit) {
          return hit || fetch(abs(src)).then(function (r) {
            if (!r.ok) { throw new Error(r.status); }
            return c.put(src, r.clone()).then(function () { return r; });
          });
        });
      });
    } else {
      fetched = fetch(abs(src)).then(function (r) { if (!r.ok) { throw new Error(r.status); } return r; });
    }
    return fetched.then(function (r) { return r.blob(); }).then(function (b) {
      urls[src] = URL.createObjectURL(b);
      return urls[src];
    });
  }

  // Fetches every frame of a screen ahead; data-ready names the version once all of it can play offline.
  function prefetch(s) {
    var all = [];
    [s].concat(s.ahead || []).forEach(function (p) {
      (p.entries || []).concat(p.interrupts || []).forEach(function (e) {
        all.push(cached(e.src));
        if (e.video) { all.push(cached(e.video)); }
      });
      if (p.overlay) { all.push(cached(p.overlay.src)); }
      (p.regions || []).forEach(function (r) { r.entries.forEach(function (e) { all.push(cached(e.src)); }); });
    });
    if (s.banner) { all.push(cached(s.banner.src)); }
    Promise.all(all).then(function () {
      if (screen === s) { document.body.dataset.ready = String(s.version); }
    }).catch(function () {});
  }

  // The part of the schedule playing at `now`: the screen itself until the first change ahead, then that change.
  // Online, the server sends a new screen at each change anyway; offline, the player follows the schedule alone.
  function part(now) {
    var p = screen;
    ((screen && screen.ahead) || []).forEach(function (a) { if (a.from <= now) { p = a; } });
    return p;
  }

  function entryAt(now) {
    var playing = part(now);
    var inHour = ((now % 3600000) + 3600000) % 3600000;
    var cuts = playing && playing.interrupts || [];
    for (var c = 0; c < cuts.length; c++) {
      if (inHour >= cuts[c].at * 1000 && inHour < (cuts[c].at + cuts[c].seconds) * 1000) { return cuts[c]; }
    }
    return cycled(playing && playing.entries || [], now);
  }

  // The entry of a rotation at `now`: every rotation starts at the epoch, as on the server (Screen.entryAt).
  function cycled(entries, now) {
    var cycle = entries.reduce(function (t, e) { return t + e.seconds * 1000; }, 0);
    if (!cycle) { return null; }
    var t = ((now % cycle) + cycle) % cycle;
    for (var i = 0; i < entries.length; i++) {
      t -= entries[i].seconds * 1000;
      if (t < 0) { return entries[i]; }
    }
    return entries[entries.length - 1];
  }

  function report(item, kind, since) {
    var shownAt = new Date(since).toISOString();
    var r = { type: 'played', id: item + '@' + shownAt, item: item, kind: kind, shownAt: shownAt,
      millis: Math.max(0, Date.now() - since) };
    pending.push(r);
    if (pending.length > 5000) { pending.splice(0, pending.length - 5000); }
    savePending();
    send(r);
  }

  function send(r) {
    if (socket && socket.readyState === 1) { socket.send(JSON.stringify(r)); }
  }

  // Everything not yet acknowledged goes again on each new connection; the server keeps each report once.
  function flush() {
    pending.forEach(send);
  }

  function acknowledged(id) {
    pending = pending.filter(function (r) { return r.id !== id; });
    savePending();
    document.body.dataset.pending = String(pending.length);
  }

  function show(e) {
    if (shown) { report(shown.item, shown.kind, shown.since); }
    shown = e ? { key: e.key, item: e.item, kind: e.kind, since: Date.now() } : null;
    document.body.dataset.shown = e ? e.key : '';
    text.textContent = e ? (e.title + (e.body ? '\n' + e.body : '')) : (screen ? screen.board.name : '');
    frame.alt = text.textContent;
    if (!e) { frame.removeAttribute('src'); video.hidden = true; return; }
    paint(e);
    if (e.video) {
      cached(e.video).then(function (u) {
        if (shown && shown.key === e.key) { video.src = u; video.hidden = false; video.play().catch(function () {}); }
      }).catch(function () { video.hidden = true; });
    } else {
      video.hidden = true;
      video.removeAttribute('src');
    }
  }

  // A layout with a clock or a date is redrawn by the server each minute: that frame is fetched live, and the
  // entry's frame cached for offline play (its clock stopped) stands in when the server cannot be reached.
  function frameSrc(e) {
    var playing = part(Date.now() + offset);
    if (!(playing && playing.layout && playing.layout.followsClock)) { return e.src; }
    return e.src + '&at=' + Math.floor((Date.now() + offset) / 60000);
  }

  function paint(e) {
    var src = frameSrc(e);
    paintedSrc = src;
    // data-key names the entry whose picture the frame holds: the previous picture stays complete until the new one
    // is set, so "complete" alone does not say the new slide is painted.
    function put(u) { if (shown && shown.key === e.key && paintedSrc === src) { frame.dataset.key = e.key; frame.src = u; } }
    if (src === e.src) {
      cached(src).then(put).catch(function () { put(abs(src)); });
      return;
    }
    fetch(abs(src)).then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.blob(); }).then(function (b) {
      var old = liveUrl;
      liveUrl = URL.createObjectURL(b);
      put(liveUrl);
      if (old) { URL.revokeObjectURL(old); }
    }).catch(function () { cached(e.src).then(put).catch(function () {}); });
  }

  function showOverlay(o) {
    overlayShown = o ? o.src : null;
    overlay.hidden = !o;
    document.body.dataset.overlay = o ? o.text : '';
    if (!o) { overlay.removeAttribute('src'); return; }
    overlay.alt = o.text;
    overlay.style.left = o.left + '%';
    overlay.style.top = o.top + '%';
    overlay.style.width = o.width + '%';
    overlay.style.height = o.height + '%';
    cached(o.src).then(function (u) { overlay.src = u; }).catch(function () {});
  }

  // Each further playlist region: a picture laid over the frame where the region lies, turning on its own clock.
  function showRegions(now) {
    var list = part(now).regions || [];
    var names = list.map(function (r) { return r.name; });
    Object.keys(regionsShown).forEach(function (name) {
      if (names.indexOf(name) < 0) { regionDone(name); regionsShown[name].img.remove(); delete regionsShown[name]; }
    });
    list.forEach(function (r) {
      var s = regionsShown[r.name];
      if (!s) {
        var img = document.createElement('img');
        img.id = 'region-' + r.name;
        img.className = 'region';
        img.alt = '';
        overlay.parentNode.insertBefore(img, overlay);
        s = regionsShown[r.name] = { img: img, key: null };
      }
      s.img.style.left = r.left + '%';
      s.img.style.top = r.top + '%';
      s.img.style.width = r.width + '%';
      s.img.style.height = r.height + '%';
      var e = cycled(r.entries, now);
      if ((e && e.key) === s.key) { return; }
      regionDone(r.name);
      s.key = e ? e.key : null;
      s.img.hidden = !e;
      if (!e) { delete s.img.dataset.key; s.img.removeAttribute('src'); return; }
      s.item = e.item;
      s.kind = e.kind;
      s.since = Date.now();
      s.img.alt = e.title + (e.body ? '\n' + e.body : '');
      cached(e.src).then(function (u) {
        if (s.key === e.key) { s.img.dataset.key = e.key; s.img.src = u; }
      }).catch(function () {});
    });
  }

  function regionDone(name) {
    var s = regionsShown[name];
    if (s && s.key) { report(s.item, s.kind, s.since); }
  }

  // An emergency banner stays up offline until its own end, not for ever.
  function bannerNow() {
    var b = screen && screen.banner;
    return b && !(b.until && Date.now() + offset >= b.until) ? b : null;
  }

  function showBanner(b) {
    if (bannerShown && (!b || b.text !== bannerShown.text)) {
      report('banner', 'BANNER', bannerShown.since);
      bannerShown = null;
    }
    banner.hidden = !b;
    document.body.dataset.banner = b ? 'on' : 'off';
    if (!b) { return; }
    if (!bannerShown) { bannerShown = { text: b.text, since: Date.now() }; }
    banner.querySelector('p').textContent = b.text;
    bannerFrame.alt = 'KHẨN CẤP: ' + b.text;
    cached(b.src).then(function (u) { bannerFrame.removeAttribute('data-failed'); bannerFrame.src = u; })
      .catch(function () { bannerFrame.setAttribute('data-failed', ''); });
  }

  function tick() {
    if (!screen) { return; }
    var b = bannerNow();
    if ((b && b.text) !== (bannerShown && bannerShown.text)) { showBanner(b); }
    var o = part(Date.now() + offset).overlay;
    if ((o && o.src) !== overlayShown) { showOverlay(o); }
    showRegions(Date.now() + offset);
    var e = entryAt(Date.now() + offset);
    if ((e && e.key) !== (shown && shown.key)) { show(e); } else if (e && frameSrc(e) !== paintedSrc) { paint(e); }
  }

  function receive(s) {
    offset = s.serverTime - Date.now();
    var changed = !screen || s.version !== screen.version;
    screen = s;
    document.body.dataset.version = String(s.version);
    save(s);
    prefetch(s);
    document.getElementById('stage').style.filter = s.brightness < 100 ? 'brightness(' + s.brightness / 100 + ')' : '';
    if (changed) {
      shown && (shown.key = null);
      Object.keys(regionsShown).forEach(function (n) { regionDone(n); regionsShown[n].key = null; });
    }
    showBanner(bannerNow());
    showOverlay(part(Date.now() + offset).overlay);
    tick();
  }

  function connect() {
    var key = /[?&]key=([^&]*)/.exec(location.search);
    var base = servers[at];
    document.body.dataset.server = base;
    var opened = false;
    socket = new WebSocket(base.replace(/^http/, 'ws') + '/player/' + encodeURIComponent(boardId) + '/socket'
        + (key ? '?key=' + key[1] : ''));
    var mine = socket;
    // A member whose host is gone may not even refuse: give up on it after 2 s and try the next.
    var giveUp = setTimeout(function () { if (!opened) { mine.close(); } }, 2000);
    socket.onopen = function () {
      opened = true;
      clearTimeout(giveUp);
      retry = 1000;
      document.body.dataset.online = 'true';
      document.body.dataset.connectedAt = String(Date.now());
      document.getElementById('offline').hidden = true;
      flush();
      learnServers();
    };
    socket.onmessage = function (m) {
      try {
        var s = JSON.parse(m.data);
        if (s.type === 'screen') { receive(s); } else if (s.type === 'ack') { acknowledged(s.id); }
      } catch (e) { /* ignore */ }
    };
    socket.onclose = function () {
      clearTimeout(giveUp);
      document.body.dataset.online = 'false';
      document.getElementById('offline').hidden = false;
      if (servers.length > 1) {
        // Another member at once; only after trying them all does the wait grow.
        at = (at + 1) % servers.length;
        setTimeout(connect, at === 0 ? retry : 250);
        if (at === 0) { retry = Math.min(retry * 2, 10000); }
        return;
      }
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 10000);
    };
  }

  var last = saved();
  if (last) { screen = last; showBanner(bannerNow()); showOverlay(part(Date.now()).overlay); tick(); }
  setInterval(tick, 200);
  connect();
})();
