// 灾情报送 on the informant's phone (Tianshan). Every filing is first written to localStorage with an idempotency key made
// here, then sent to /api/disaster-reports/filings; it leaves the queue only when the server answers that it is stored
// (201) or was already stored (200, a resend). Network errors, 5xx and an expired login keep it queued and retried when the
// browser reports it is online again and every 15 s. A filing the server refuses (400/404/409) stays on the phone, marked,
// until the informant removes it: nothing written is lost silently.
(function () {
  'use strict';
  var QUEUE = 'tianshan.disaster.queue';
  var form = document.getElementById('filing-form');
  if (!form) return;
  // The page itself opens offline from the service worker's cache (wwwroot/disaster-report-sw.js).
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/disaster-report-sw.js', { scope: '/disaster-report' }).catch(function () { /* still works online */ });
  }
  var sending = false;

  function load() {
    try { return JSON.parse(localStorage.getItem(QUEUE) || '[]'); } catch (e) { return []; }
  }
  function save(queue) { localStorage.setItem(QUEUE, JSON.stringify(queue)); }

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = new Uint8Array(16); crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  var stageNames = { Initial: '初报', Update: '续报', Final: '核报' };

  function render() {
    var queue = load();
    var net = document.getElementById('network-state');
    net.textContent = navigator.onLine ? '网络已连接' : '当前无网络：报告将保存在本机，联网后自动发送';
    net.className = 'net-state ' + (navigator.onLine ? 'online' : 'offline');
    document.getElementById('queue-state').textContent = queue.length ? ('待发送 ' + queue.length + ' 条') : '';
    var list = document.getElementById('queue-list');
    list.innerHTML = '';
    queue.forEach(function (item) {
      var li = document.createElement('li');
      li.className = 'queued' + (item.error ? ' failed' : '');
      li.textContent = stageNames[item.body.stage] + ' · ' + (item.label || '') + ' · 受灾 ' + item.body.affectedPeople + ' 人' +
        (item.error ? ' · 未被接收：' + item.error : ' · 等待发送');
      if (item.error) {
        var remove = document.createElement('button');
        remove.type = 'button'; remove.textContent = '删除';
        remove.onclick = function () { save(load().filter(function (x) { return x.body.idempotencyKey !== item.body.idempotencyKey; })); render(); };
        li.appendChild(remove);
      }
      list.appendChild(li);
    });
    // Reports whose 初报 is still on the phone can already take a 续报/核报.
    var select = document.getElementById('report');
    queue.forEach(function (item) {
      if (item.body.stage !== 'Initial') return;
      var key = item.body.reportKey;
      if (!Array.prototype.some.call(select.options, function (o) { return o.value === key; })) {
        var o = document.createElement('option');
        o.value = key; o.textContent = (item.label || '新灾情') + '（待发送）';
        select.appendChild(o);
      }
    });
  }

  async function flush() {
    if (sending) return;
    sending = true;
    var receivedAny = false;
    try {
      var queue = load();
      for (var i = 0; i < queue.length; i++) {
        var item = queue[i];
        if (item.error) continue;
        var response;
        try {
          response = await fetch('/api/disaster-reports/filings', {
            method: 'POST', credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
            body: JSON.stringify(item.body)
          });
        } catch (e) {
          break; // offline: keep everything, in order
        }
        if (response.status === 200 || response.status === 201) {
          save(load().filter(function (x) { return x.body.idempotencyKey !== item.body.idempotencyKey; }));
          receivedAny = true;
        } else if (response.status === 401) {
          document.getElementById('queue-state').textContent = '登录已过期：请重新登录，报告仍保存在本机，登录后自动发送';
          break;
        } else if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
          var detail = '';
          try { detail = (await response.json()).detail || ''; } catch (e) { detail = '' + response.status; }
          var current = load();
          current.forEach(function (x) { if (x.body.idempotencyKey === item.body.idempotencyKey) x.error = detail || ('' + response.status); });
          save(current);
        } else {
          break; // server trouble: retry later
        }
      }
    } finally {
      sending = false;
      render();
    }
    if (receivedAny && load().length === 0) {
      document.getElementById('queue-state').textContent = '全部已送达';
      document.body.setAttribute('data-sent', String(Date.now()));
    }
  }

  function number(id) { var v = document.getElementById(id).value; return v === '' ? 0 : Number(v); }
  function optional(id) { var v = document.getElementById(id).value; return v === '' ? null : Number(v); }

  function resize(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onerror = reject;
      reader.onload = function () {
        var img = new Image();
        img.onerror = function () { resolve(reader.result); };
        img.onload = function () {
          var scale = Math.min(1, 1280 / Math.max(img.width, img.height));
          var canvas = document.createElement('canvas');
          canvas.width = Math.round(img.width * scale); canvas.height = Math.round(img.height * scale);
          canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
          resolve(canvas.toDataURL('image/jpeg', 0.7));
        };
        img.src = reader.result;
      };
      reader.readAsDataURL(file);
    });
  }

  function syncStage() {
    var isNew = document.getElementById('report').value === '';
    document.getElementById('initial-fields').hidden = !isNew;
    document.getElementById('stage-row').hidden = isNew;
  }

  document.getElementById('report').addEventListener('change', syncStage);
  document.getElementById('locate').addEventListener('click', function () {
    if (!navigator.geolocation) return;
    navigator.geolocation.getCurrentPosition(function (p) {
      document.getElementById('latitude').value = p.coords.latitude.toFixed(6);
      document.getElementById('longitude').value = p.coords.longitude.toFixed(6);
    });
  });

  form.addEventListener('submit', async function (e) {
    e.preventDefault();
    var error = document.getElementById('form-error');
    error.hidden = true;
    var reportKey = document.getElementById('report').value;
    var isNew = reportKey === '';
    var files = Array.prototype.slice.call(document.getElementById('photos').files || []);
    if (files.length > 4) { error.textContent = '每次最多4张照片'; error.hidden = false; return; }
    var fields = ['affectedPeople', 'deaths', 'missing', 'injured', 'relocated', 'housesCollapsed', 'housesDamaged', 'cropsHectares', 'directLossWanYuan'];
    if (fields.some(function (f) { return number(f) < 0 || isNaN(number(f)); })) { error.textContent = '灾情数字不能为负数'; error.hidden = false; return; }
    var photos = [];
    for (var i = 0; i < files.length; i++) photos.push(await resize(files[i]));
    var occurred = document.getElementById('occurredAt').value;
    var select = document.getElementById('report');
    var body = {
      idempotencyKey: uuid(),
      reportKey: isNew ? uuid() : reportKey,
      stage: isNew ? 'Initial' : form.querySelector('input[name=stage]:checked').value,
      type: isNew ? document.getElementById('type').value : null,
      title: isNew ? (document.getElementById('title').value || null) : null,
      occurredAt: isNew && occurred ? new Date(occurred).toISOString() : null,
      narrative: document.getElementById('narrative').value || null,
      latitude: optional('latitude'), longitude: optional('longitude'),
      writtenAt: new Date().toISOString(),
      photos: photos
    };
    fields.forEach(function (f) { body[f] = number(f); });
    var label = isNew ? (body.title || document.getElementById('type').selectedOptions[0].textContent + '灾情')
                      : (select.selectedOptions[0].getAttribute('data-title') || select.selectedOptions[0].textContent);
    var queue = load();
    queue.push({ body: body, label: label, queuedAt: body.writtenAt });
    try { save(queue); } catch (x) { error.textContent = '本机存储已满：请减少照片后重试'; error.hidden = false; return; }
    form.reset();
    syncStage();
    render();
    document.getElementById('queue-state').textContent = navigator.onLine ? '正在发送…' : '已保存在本机，联网后自动发送';
    flush();
  });

  window.addEventListener('online', function () { render(); flush(); });
  window.addEventListener('offline', render);
  setInterval(flush, 15000);
  syncStage();
  render();
  flush();
})();
