// The interactive checklist: profile -> tailored list -> answers -> score, band, next steps.
// Everything stays in this browser: answers in localStorage (versioned, keyed by entry ID),
// the profile also in the URL so it can be shared. Nothing is sent anywhere.
(function () {
  "use strict";
  var source = document.getElementById("tebiki-checklist-data");
  if (!source || !window.TebikiRules) return;
  var DATA = JSON.parse(source.textContent);
  var R = window.TebikiRules;
  var STORAGE_VERSION = 1;
  // One key per checklist page, so two sites on one origin never mix their answers.
  var STORAGE_KEY = "tebiki-checklist:" + location.pathname.replace(/index\.html$/, "");
  var form = document.getElementById("tebiki-cl-form");
  var $ = function (sel, root) { return (root || document).querySelector(sel); };
  var $$ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var has = function (obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); };

  var scaleByValue = {};
  DATA.scale.forEach(function (p) { scaleByValue[p.value] = p; });
  var maxPoints = Math.max.apply(null, DATA.scale.map(function (p) { return p.points || 0; }));
  var trackById = {};
  DATA.tracks.forEach(function (t) { trackById[t.id] = t; });
  var groupTitle = {};
  DATA.groups.forEach(function (g) { groupTitle[g.id] = g.title; });

  // ---- state ---------------------------------------------------------------
  var state = { profile: {}, answers: {}, updated: null };

  function load() {
    try {
      var saved = JSON.parse(localStorage.getItem(STORAGE_KEY) || "null");
      if (saved && saved.version === STORAGE_VERSION) {
        state.profile = saved.profile || {};
        state.answers = saved.answers || {};
        state.updated = saved.updated || null;
      }
    } catch (e) { /* no storage (private mode) or a broken value: start afresh */ }
  }

  function save() {
    state.updated = new Date().toISOString();
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({
        version: STORAGE_VERSION, profile: state.profile, answers: state.answers, updated: state.updated
      }));
    } catch (e) { /* storage full or disabled: the page still works for this visit */ }
  }

  function profileFromUrl() {
    var params = new URLSearchParams(location.search);
    var found = {};
    DATA.questions.forEach(function (q) { if (params.has(q.id)) found[q.id] = params.get(q.id); });
    return Object.keys(found).length ? found : null;
  }

  // Only the profile goes in the URL, never the answers.
  function writeUrl() {
    var eff = R.effective(DATA.questions, state.profile);
    var params = new URLSearchParams();
    DATA.questions.forEach(function (q) { if (has(eff, q.id)) params.set(q.id, eff[q.id]); });
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    var share = $("[data-cl-share-url]");
    share.value = location.origin + location.pathname + (query ? "?" + query : "");
    $("[data-cl-share]").hidden = !query;
  }

  // ---- helpers -------------------------------------------------------------
  function jdate(d) { return d.getFullYear() + "年" + (d.getMonth() + 1) + "月" + d.getDate() + "日"; }

  function applicable(eff) {
    return DATA.entries.filter(function (e) { return R.holds(e.applies_if, eff); });
  }

  function score(entries) {
    var got = 0, max = 0, answered = 0, gaps = 0;
    entries.forEach(function (e) {
      var answer = state.answers[e.id];
      var point = has(scaleByValue, answer) ? scaleByValue[answer] : null;
      if (point) answered++;
      if (point && point.points === null) return; // does not apply: not counted
      max += maxPoints;
      got += point ? point.points : 0; // unanswered counts as not done
      if (e.level === "required" && !(point && point.points === maxPoints)) gaps++;
    });
    var value = max ? Math.round((100 * got) / max) : 100;
    var band = DATA.bands.filter(function (b) {
      return value >= b.min_score && (b.max_required_gaps === null || gaps <= b.max_required_gaps);
    })[0];
    return { value: value, answered: answered, total: entries.length, gaps: gaps, band: band };
  }

  function notDone(entries) {
    var open = entries.filter(function (e) {
      var point = scaleByValue[state.answers[e.id]];
      return !(point && (point.points === null || point.points === maxPoints));
    });
    // Required first, then in list order (Array.prototype.sort is stable).
    return open.sort(function (a, b) { return (a.level === "required" ? 0 : 1) - (b.level === "required" ? 0 : 1); });
  }

  // ---- rendering -----------------------------------------------------------
  function syncForm() {
    DATA.questions.forEach(function (q) {
      $$('input[name="' + q.id + '"]', form).forEach(function (input) {
        input.checked = state.profile[q.id] === input.value;
      });
    });
  }

  function render() {
    var eff = R.effective(DATA.questions, state.profile);
    DATA.questions.forEach(function (q) {
      $('[data-cl-question="' + q.id + '"]').hidden = !R.holds(q.ask_if, eff);
    });
    var ready = R.complete(DATA.questions, eff);
    var track = ready ? trackById[R.trackOf(DATA.tracks, eff)] : null;
    var trackBox = $("[data-cl-track-result]");
    trackBox.textContent = "";
    if (track) {
      var p = document.createElement("p");
      var strong = document.createElement("strong");
      strong.textContent = "あなたの会社は「" + track.label + "」の一覧を使います。";
      p.appendChild(strong);
      p.appendChild(document.createTextNode(" " + track.summary));
      trackBox.appendChild(p);
    }
    $("[data-cl-waiting]").hidden = ready;
    $(".tebiki-cl-result").hidden = !ready;
    var shown = {};
    $$("[data-cl-entry]").forEach(function (el) {
      var entry = entryById[el.getAttribute("data-cl-entry")];
      var applies = ready && R.holds(entry.applies_if, eff);
      var answer = state.answers[entry.id];
      // Set every radio from the saved state, shown or not: the browser may restore stale ones on reload.
      $$("input", el).forEach(function (input) { input.checked = input.value === answer; });
      el.hidden = !applies;
      if (!applies) return;
      shown[entry.group] = true;
      $$("[data-cl-how]", el).forEach(function (how) { how.hidden = how.getAttribute("data-cl-how") !== track.id; });
      $("[data-cl-answer]", el).hidden = false;
      var printed = $("[data-cl-printed]", el);
      printed.hidden = false;
      printed.textContent = "回答：" + (has(scaleByValue, answer) ? scaleByValue[answer].label : "（未回答）");
    });
    $$("[data-cl-group]").forEach(function (el) { el.hidden = !shown[el.getAttribute("data-cl-group")]; });
    renderSummary(eff, track);
    if (ready) renderResult(applicable(eff));
  }

  // The profile as text, for print: the form itself is hidden on paper.
  function renderSummary(eff, track) {
    var box = $("[data-cl-summary]");
    box.textContent = "";
    box.hidden = !track;
    if (!track) return;
    var h = document.createElement("p");
    h.className = "tebiki-cl-summary-title";
    h.textContent = "会社についての答え（" + track.label + "の一覧）";
    box.appendChild(h);
    var dl = document.createElement("dl");
    DATA.questions.forEach(function (q) {
      if (!has(eff, q.id)) return;
      var dt = document.createElement("dt");
      dt.textContent = q.text;
      var dd = document.createElement("dd");
      dd.textContent = q.options.filter(function (o) { return o.value === eff[q.id]; })[0].label;
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    box.appendChild(dl);
  }

  function renderResult(entries) {
    var s = score(entries);
    $("[data-cl-status]").textContent =
      "点数：" + s.value + "点（100点満点）。判定：" + s.band.symbol + " " + s.band.label +
      "。回答済み：" + s.answered + "／" + s.total + "項目。済んでいない必須の項目：" + s.gaps + "件。";
    $("[data-cl-status]").setAttribute("data-band", s.band.id);
    $("[data-cl-advice]").textContent = s.band.advice + (s.answered < s.total ? "（まだ答えていない項目は「" + lowestLabel() + "」として数えています。）" : "");
    var list = $("[data-cl-next]");
    list.textContent = "";
    var open = notDone(entries);
    open.forEach(function (e) {
      var li = document.createElement("li");
      var level = document.createElement("span");
      level.className = "tebiki-cl-level tebiki-cl-level--" + e.level;
      level.textContent = DATA.levels[e.level];
      var link = document.createElement("a");
      link.href = "#" + e.id;
      link.textContent = e.title;
      li.appendChild(level);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(link);
      li.appendChild(document.createTextNode("：" + e.next));
      list.appendChild(li);
    });
    $("[data-cl-next-empty]").hidden = open.length > 0;
    renderDate();
  }

  function lowestLabel() {
    return DATA.scale.filter(function (p) { return p.points === 0; }).map(function (p) { return p.label; })[0] || "0点";
  }

  function renderDate() {
    var text = "印刷日：" + jdate(new Date());
    if (state.updated) text += "　最終更新：" + jdate(new Date(state.updated));
    $("[data-cl-date]").textContent = text;
  }

  // ---- export --------------------------------------------------------------
  function csv() {
    var eff = R.effective(DATA.questions, state.profile);
    var track = trackById[R.trackOf(DATA.tracks, eff)];
    var rows = [["項目ID", "分類", "チェック項目", "必須・推奨", "やり方（" + track.label + "）", "回答", "次にやること"]];
    applicable(eff).forEach(function (e) {
      var answer = state.answers[e.id];
      rows.push([e.id, groupTitle[e.group], e.title, DATA.levels[e.level], e.how[track.id],
        has(scaleByValue, answer) ? scaleByValue[answer].label : "未回答", e.next]);
    });
    var text = rows.map(function (row) {
      return row.map(function (cell) { return '"' + String(cell).replace(/"/g, '""') + '"'; }).join(",");
    }).join("\r\n") + "\r\n";
    // The byte order mark lets spreadsheet software on Japanese Windows read UTF-8.
    var blob = new Blob(["\ufeff" + text], { type: "text/csv;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    var d = new Date();
    a.href = url;
    a.download = "checklist-" + d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" +
      String(d.getDate()).padStart(2, "0") + ".csv";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function reset() {
    if (!window.confirm("会社についての答えと、チェックの結果をすべて消します。よろしいですか。")) return;
    try { localStorage.removeItem(STORAGE_KEY); } catch (e) { /* nothing stored */ }
    state = { profile: {}, answers: {}, updated: null };
    syncForm();
    writeUrl();
    render();
    $("[data-cl-status]").textContent = "答えをすべて消しました。";
    var first = $("input", form);
    if (first) first.focus();
  }

  // ---- start ---------------------------------------------------------------
  var entryById = {};
  DATA.entries.forEach(function (e) { entryById[e.id] = e; });

  load();
  var fromUrl = profileFromUrl();
  if (fromUrl) state.profile = fromUrl;
  state.profile = R.effective(DATA.questions, state.profile);
  $$("[data-cl-nojs]").forEach(function (el) { el.hidden = true; });
  $$("[data-cl-app]").forEach(function (el) { el.hidden = false; });
  syncForm();
  writeUrl();
  render();

  form.addEventListener("change", function (event) {
    var input = event.target;
    if (input.type !== "radio") return;
    state.profile[input.name] = input.value;
    state.profile = R.effective(DATA.questions, state.profile);
    save();
    writeUrl();
    render();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    render();
    var eff = R.effective(DATA.questions, state.profile);
    if (R.complete(DATA.questions, eff)) {
      $("[data-cl-track-result]").focus();
    } else {
      var missing = DATA.questions.filter(function (q) { return R.holds(q.ask_if, eff) && !has(eff, q.id); })[0];
      $('input[name="' + missing.id + '"]', form).focus();
    }
  });
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input.type !== "radio" || input.name.indexOf("answer-") !== 0) return;
    state.answers[input.name.slice("answer-".length)] = input.value;
    save();
    render();
  });
  $("[data-cl-print]").addEventListener("click", function () { window.print(); });
  $("[data-cl-csv]").addEventListener("click", csv);
  $("[data-cl-reset]").addEventListener("click", reset);
  window.addEventListener("beforeprint", renderDate);
})();
