// xxgk's page: reads the reports dropped on it through the local API,
// draws what was read with its evidence, lets a person correct values and
// downloads the exports. Written for the browsers offices have, older
// Chromium-based ones included: no modules, no optional chaining.
(function () {
  'use strict';

  var token = document.querySelector('meta[name="xxgk-token"]').getAttribute('content');
  var names = JSON.parse(document.getElementById('names').textContent);
  var extensions = names.extensions;

  // entries: every file given, in order: {file, name, report, reason, corrections: {key: text}}
  var entries = [];
  var current = null; // {entry, key, kind, td} the evidence panel shows

  function $(id) { return document.getElementById(id); }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function show(msg, isError) {
    var m = $('message');
    m.textContent = msg;
    m.className = 'message' + (isError ? ' error' : '');
    m.hidden = false;
    clearTimeout(show.timer);
    show.timer = setTimeout(function () { m.hidden = true; }, isError ? 12000 : 4000);
  }

  // post sends the given entries' files (and their corrections) to path.
  function post(path, list, extra) {
    var fd = new FormData();
    var corrections = [];
    list.forEach(function (e, i) {
      fd.append('file', e.file, e.name);
      Object.keys(e.corrections).forEach(function (k) {
        corrections.push({ file: i, key: k, value: e.corrections[k] });
      });
    });
    if (corrections.length) { fd.append('corrections', JSON.stringify(corrections)); }
    if (extra) { extra(fd); }
    return fetch(path, { method: 'POST', body: fd, headers: { 'X-XXGK-Token': token }, credentials: 'same-origin' })
      .then(function (resp) {
        if (resp.ok) { return resp; }
        return resp.json().then(function (j) {
          var msg = j.error || ('服务器返回 ' + resp.status);
          (j.files || []).forEach(function (f) { msg += '\n' + f.name + '：' + f.reason; });
          throw new Error(msg);
        }, function () { throw new Error('服务器返回 ' + resp.status); });
      });
  }

  function readable(name) {
    var lower = name.toLowerCase();
    for (var i = 0; i < extensions.length; i++) {
      if (lower.slice(-extensions[i].length) === extensions[i]) { return true; }
    }
    return false;
  }

  // addFiles reads the files one by one, showing progress, then audits
  // the reports together (the carry-over between years of an agency).
  function addFiles(files, fromFolder) {
    var list = [];
    files.forEach(function (f) {
      var name = f.name;
      if (fromFolder && (name.charAt(0) === '.' || name.indexOf('~$') === 0 || !readable(name))) { return; }
      list.push({ file: f, name: name, report: null, reason: '', corrections: {} });
    });
    if (!list.length) {
      show(fromFolder ? '文件夹中没有可读取的报告文件（' + extensions.join(' ') + '）' : '没有选择文件', true);
      return Promise.resolve();
    }
    var done = 0;
    $('progress').hidden = false;
    $('progress-bar').max = list.length;
    function step(i) {
      if (i >= list.length) { return Promise.resolve(); }
      var e = list[i];
      $('progress-text').textContent = '正在读取 ' + (i + 1) + '/' + list.length + '：' + e.name;
      return post('/api/parse?detail=1', [e]).then(function (resp) { return resp.json(); })
        .then(function (res) {
          e.report = res[0].report || null;
          e.reason = res[0].reason || '';
        }, function (err) { e.reason = err.message; })
        .then(function () {
          entries.push(e);
          done++;
          $('progress-bar').value = done;
          return step(i + 1);
        });
    }
    return step(0).then(function () {
      $('progress-text').textContent = '已读取 ' + done + ' 个文件';
      return entries.filter(function (e) { return e.report; }).length > 1 ? recheck() : null;
    }).then(render, function (err) { show(err.message, true); render(); });
  }

  // recheck reads every report again with its corrections, together: the
  // audit across reports is run anew.
  function recheck() {
    var list = entries.filter(function (e) { return e.report; });
    return post('/api/parse?detail=1', list).then(function (resp) { return resp.json(); })
      .then(function (res) {
        res.forEach(function (r, i) { list[i].report = r.report; });
      });
  }

  function yearText(y) { return y ? y + '年度' : '年度未识别'; }

  function valueText(v) { return (v.approx ? '约' : '') + v.value; }

  function place(report, line) {
    var k = report.source.kind;
    return (k === 'docx' || k === 'doc') ? '第' + line + '段' : '第' + line + '行';
  }

  // placeOf names where a value was found, as Evidence.Place does: the
  // page of a PDF, the sheet and cell of a workbook, the line of a text
  // (a web page's lines are not a person's), then the official table's
  // row and column, or the section of a sentence.
  function placeOf(report, v) {
    var parts = [];
    var k = report.source.kind;
    if (v.page) { parts.push('第' + v.page + '页'); }
    else if (v.sheet && v.cell) { parts.push(v.sheet + ' ' + v.cell); }
    else if (v.line && (k === 'text' || k === 'docx' || k === 'doc')) { parts.push(place(report, v.line)); }
    if (v.table) {
      var cell = v.table;
      if (v.row_label && v.col_label) { cell += ' ' + v.row_label + ' · ' + v.col_label; }
      else if (v.row_label || v.col_label) { cell += ' ' + (v.row_label || '') + (v.col_label || ''); }
      parts.push(cell);
    } else if (v.section) { parts.push(v.section); }
    return parts.join(' · ');
  }

  function sourceText(report, v) {
    var s = names.methods[v.method] || v.method;
    var p = placeOf(report, v);
    if (p) { s += ' · ' + p; }
    if (v.manual) { s = (v.original !== undefined ? '人工修改（原值 ' + v.original + '）；' : '') + s; }
    return s;
  }

  var severityOrder = { error: 0, warning: 1, info: 2 };
  function rank(sev) { return severityOrder.hasOwnProperty(sev) ? severityOrder[sev] : 3; }

  function render() {
    var bad = entries.filter(function (e) { return !e.report; });
    var good = entries.filter(function (e) { return e.report; });
    $('bad').hidden = !bad.length;
    var bl = $('bad-list');
    bl.innerHTML = '';
    bad.forEach(function (e) {
      var li = el('li');
      li.appendChild(el('strong', null, e.name));
      li.appendChild(document.createTextNode('：' + e.reason));
      bl.appendChild(li);
    });
    $('rollup').hidden = good.length < 2;
    $('rollup-count').textContent = good.length;
    var box = $('reports');
    box.innerHTML = '';
    good.forEach(function (e) { box.appendChild(drawReport(e)); });
  }

  function drawReport(e) {
    var r = e.report;
    var node = document.importNode($('report-template').content, true);
    var sec = node.querySelector('section');
    sec.entry = e;
    sec.querySelector('.title').textContent = (r.agency || '单位未识别') + '　' + yearText(r.year);
    sec.querySelector('.meta').textContent = '文件：' + e.name + '　格式：' + (names.forms[r.form] || r.form) +
      (r.published ? '　发布：' + r.published : '');
    // findings, errors first
    var fl = sec.querySelector('.findings');
    var fs = (r.findings || []).slice().map(function (f, i) { return { f: f, i: i }; });
    fs.sort(function (a, b) {
      var d = rank(a.f.severity) - rank(b.f.severity);
      return d || a.i - b.i;
    });
    if (!fs.length) { fl.appendChild(el('li', 'ok', '未发现问题。')); }
    var errKeys = {};
    fs.forEach(function (x) {
      var f = x.f;
      var li = el('li', 'sev-' + f.severity);
      li.appendChild(el('span', 'tag', names.severities[f.severity] || f.severity));
      li.appendChild(el('strong', null, (names.rules[f.rule] || '') + '：'));
      li.appendChild(document.createTextNode(f.message));
      if (f.evidence) {
        var at = placeOf(r, { page: f.page, line: f.line });
        li.appendChild(el('div', 'evidence', '原文' + (at ? '（' + at + '）' : '') + '：' + f.evidence));
      }
      fl.appendChild(li);
      if (f.severity === 'error') { (f.keys || []).forEach(function (k) { errKeys[k] = true; }); }
    });
    // figures
    Array.prototype.forEach.call(sec.querySelectorAll('[data-figure]'), function (td) {
      var v = r.figures[td.getAttribute('data-figure')];
      fillValue(td, v, errKeys[td.getAttribute('data-figure')]);
      td.parentNode.querySelector('.src').textContent = v ? sourceText(r, v) : '';
    });
    // the official tables of its form
    var tpl = $('form-' + r.form);
    if (tpl) {
      var forms = sec.querySelector('.forms');
      forms.appendChild(document.importNode(tpl.content, true));
      Array.prototype.forEach.call(forms.querySelectorAll('[data-cell]'), function (td) {
        fillValue(td, r.cells[td.getAttribute('data-cell')], errKeys[td.getAttribute('data-cell')]);
      });
    }
    return node;
  }

  function fillValue(td, v, err) {
    td.textContent = v ? valueText(v) : '';
    td.classList.toggle('manual', !!(v && v.manual));
    td.classList.toggle('err', !!err);
    td.classList.toggle('missing', !v);
    td.title = v ? (v.manual ? '人工修改；' : '') + '点击查看来源' : '报告中没有这个数；点击可补填';
  }

  // The evidence panel: where the value clicked was read, and its correction.
  function openPanel(td) {
    var sec = td.closest('section.report');
    var e = sec.entry, r = e.report;
    var key = td.getAttribute('data-cell') || td.getAttribute('data-figure');
    var kind = td.hasAttribute('data-cell') ? 'cells' : 'figures';
    var v = r[kind][key];
    Array.prototype.forEach.call(document.querySelectorAll('td.selected'), function (x) { x.classList.remove('selected'); });
    td.classList.add('selected');
    current = { entry: e, key: key, kind: kind };
    $('panel-title').textContent = td.getAttribute('data-label');
    var dl = $('panel-facts');
    dl.innerHTML = '';
    function fact(k, val) {
      if (val === undefined || val === null || val === '') { return; }
      dl.appendChild(el('dt', null, k));
      dl.appendChild(el('dd', k === '原文' ? 'evidence' : null, String(val)));
    }
    fact('单位', r.agency || '单位未识别');
    if (!v) {
      fact('数值', '报告中没有读出这个数（不按 0 计）');
    } else {
      fact('数值', valueText(v) + (v.unit ? ' ' + v.unit : ''));
      if (v.manual) { fact('人工修改', v.original !== undefined ? '原值 ' + v.original : '报告中没有，人工填写'); }
      fact('来源', names.methods[v.method] || v.method);
      fact('位置', placeOf(r, v));
      fact('表格行', v.row);
      fact('表格列', v.col);
      if (v.method !== 'derived') { fact('原文', v.evidence); }
      if (v.blank) { fact('说明', '报告此格留空，按 0 计'); }
      if (v.split) { fact('说明', '数字在原文中连写，由勾稽关系拆分'); }
    }
    $('panel-input').value = v ? v.value : '';
    $('panel-undo').hidden = !(v && v.manual);
    $('panel-error').hidden = true;
    $('panel').hidden = false;
    $('panel-input').focus();
  }

  function correct(text) {
    if (!current) { return; }
    var c = current, e = c.entry;
    var before = e.corrections[c.key];
    // Every request reads the files again with all their corrections: an
    // undone correction is simply no longer sent.
    if (text === '') { delete e.corrections[c.key]; } else { e.corrections[c.key] = text; }
    $('panel-error').hidden = true;
    // The server checks the number and re-runs the audit; a refused
    // number leaves the report as it was.
    var list = entries.filter(function (x) { return x.report; });
    return post('/api/parse?detail=1', list).then(function (resp) { return resp.json(); })
      .then(function (res) {
        res.forEach(function (r, i) { list[i].report = r.report; });
        render();
        var td = findCell(e, c.key);
        if (td) { openPanel(td); }
        show(text === '' ? '已恢复原值，已重新核查' : '已修改，已重新核查');
      }, function (err) {
        if (before === undefined) { delete e.corrections[c.key]; } else { e.corrections[c.key] = before; }
        var p = $('panel-error');
        p.textContent = err.message;
        p.hidden = false;
      });
  }

  function findCell(e, key) {
    var secs = document.querySelectorAll('section.report');
    for (var i = 0; i < secs.length; i++) {
      if (secs[i].entry === e) {
        return secs[i].querySelector('[data-cell="' + key + '"]') || secs[i].querySelector('[data-figure="' + key + '"]');
      }
    }
    return null;
  }

  function save(resp, fallback) {
    var name = fallback;
    var cd = resp.headers.get('Content-Disposition') || '';
    var m = /filename\*=utf-8''([^;]+)/i.exec(cd) || /filename="([^"]+)"/.exec(cd);
    if (m) { try { name = decodeURIComponent(m[1]); } catch (err) { name = m[1]; } }
    return resp.blob().then(function (b) {
      var a = document.createElement('a');
      a.href = URL.createObjectURL(b);
      a.download = name;
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 60000);
      show('已下载 ' + name);
    });
  }

  function download(e, kind) {
    var path = kind === 'json' ? '/api/parse' : '/api/' + kind;
    var base = e.name.replace(/\.[^.]*$/, '');
    post(path, [e]).then(function (resp) { return save(resp, base + '.' + kind); })
      .catch(function (err) { show(err.message, true); });
  }

  function downloadRollup(kind) {
    var list = entries.filter(function (x) { return x.report; });
    var name = $('rollup-name').value.trim();
    var roster = $('rollup-roster').files[0];
    post('/api/rollup?format=' + kind, list, function (fd) {
      if (name) { fd.append('name', name); }
      if (roster) { fd.append('roster', roster, roster.name); }
    }).then(function (resp) { return save(resp, (name || '') + '汇总.' + kind); })
      .catch(function (err) { show(err.message, true); });
  }

  // Folders dropped: walk them (where the browser allows).
  function walk(entry, out) {
    if (entry.isFile) {
      return new Promise(function (resolve) {
        entry.file(function (f) { out.push(f); resolve(); }, function () { resolve(); });
      });
    }
    if (!entry.isDirectory) { return Promise.resolve(); }
    if (entry.name.charAt(0) === '.') { return Promise.resolve(); }
    var reader = entry.createReader();
    return new Promise(function (resolve) {
      var all = [];
      (function more() {
        reader.readEntries(function (batch) {
          if (!batch.length) {
            Promise.all(all.map(function (x) { return walk(x, out); })).then(resolve);
            return;
          }
          all = all.concat(Array.prototype.slice.call(batch));
          more();
        }, function () { resolve(); });
      })();
    });
  }

  function onDrop(ev) {
    ev.preventDefault();
    $('drop').classList.remove('over');
    var items = ev.dataTransfer.items;
    if (items && items.length && items[0].webkitGetAsEntry) {
      var roots = [], folder = false;
      for (var i = 0; i < items.length; i++) {
        var en = items[i].webkitGetAsEntry();
        if (en) { roots.push(en); folder = folder || en.isDirectory; }
      }
      var out = [];
      Promise.all(roots.map(function (r) { return walk(r, out); })).then(function () { addFiles(out, folder); });
      return;
    }
    addFiles(Array.prototype.slice.call(ev.dataTransfer.files), false);
  }

  var drop = $('drop');
  ['dragenter', 'dragover'].forEach(function (t) {
    document.addEventListener(t, function (ev) { ev.preventDefault(); drop.classList.add('over'); });
  });
  document.addEventListener('dragleave', function (ev) { if (!ev.relatedTarget) { drop.classList.remove('over'); } });
  document.addEventListener('drop', onDrop);
  $('pick-files').addEventListener('change', function () {
    addFiles(Array.prototype.slice.call(this.files), false);
    this.value = '';
  });
  $('pick-folder').addEventListener('change', function () {
    addFiles(Array.prototype.slice.call(this.files), true);
    this.value = '';
  });
  $('reports').addEventListener('click', function (ev) {
    var t = ev.target;
    var td = t.closest('td[data-cell], td[data-figure]');
    if (td) { openPanel(td); return; }
    var b = t.closest('button[data-download]');
    if (b) { download(b.closest('section.report').entry, b.getAttribute('data-download')); }
  });
  Array.prototype.forEach.call(document.querySelectorAll('button[data-rollup]'), function (b) {
    b.addEventListener('click', function () { downloadRollup(b.getAttribute('data-rollup')); });
  });
  $('panel-close').addEventListener('click', function () { $('panel').hidden = true; current = null; });
  $('panel-save').addEventListener('click', function () {
    var t = $('panel-input').value.trim();
    if (t === '') { $('panel-error').textContent = '请填写数字'; $('panel-error').hidden = false; return; }
    correct(t);
  });
  $('panel-input').addEventListener('keydown', function (ev) { if (ev.key === 'Enter') { $('panel-save').click(); } });
  $('panel-undo').addEventListener('click', function () { correct(''); });

  // The files xxgk was started with (dropped on xxgk.exe).
  fetch('/api/preload', { headers: { 'X-XXGK-Token': token } }).then(function (r) { return r.json(); })
    .then(function (list) {
      if (!list.length) { return; }
      var files = [];
      var bad = [];
      return Promise.all(list.map(function (p, i) {
        if (p.reason) { bad.push({ file: null, name: p.name, report: null, reason: p.reason, corrections: {} }); return null; }
        return fetch('/api/preload/' + i, { headers: { 'X-XXGK-Token': token } })
          .then(function (r) { return r.blob(); })
          .then(function (b) { files[i] = new File([b], p.name); });
      })).then(function () {
        entries = entries.concat(bad);
        return addFiles(files.filter(function (f) { return f; }), false);
      });
    }).catch(function (err) { show(err.message, true); });
})();
