// The interactive checklist: profile -> tailored list -> answers -> score, band, per-area summary, next steps.
// Everything stays in this browser: answers in localStorage (versioned, merged across tabs), the profile
// also in the URL's fragment (never sent to the host) so it can be shared. Nothing is sent anywhere.
(function () {
  "use strict";
  // Interface strings in the site's language (assets/i18n.js, written by the build).
  var t = window.tebikiT || function (msgid) { return msgid; };
  var source = document.getElementById("tebiki-checklist-data");
  if (!source || !window.TebikiRules) return;
  var DATA = JSON.parse(source.textContent);
  // What the guideline calls its reader (its profile's `reader`, or the catalog's neutral word):
  // the page's data gives it, so one catalog serves a school's checklist as well as a company's.
  var named = function (text) {
    return text.replace(/\{(readers?)\}/g, function (m, key) { return DATA.reader[key]; });
  };

  // Every interface string this script writes, in one place (for translation).
  var T = {
    // {reader}, {readers}: what the guideline calls its reader, filled in by `named` above.
    trackUses: named(t("Your {reader} uses the “{track}” list.")),
    status: t("Score: {score} out of 100. Rating: {symbol} {band}. Answered: {answered} of {total} entries. Required entries not done: {gaps}."),
    barProgress: t("Answered {answered} of {total}"),
    barScore: t("{score} points"),
    progressLabel: t("Progress of your answers"),
    unansweredNote: t(" (Entries not answered yet count as “{lowest}”.)"),
    unansweredZero: t(" (Entries not answered yet count 0 points.)"),
    profileTitle: named(t("Answers about your {reader} (the “{track}” list)")),
    answerPrefix: t("Answer: "),
    unanswered: t("(not answered)"),
    unansweredCsv: t("not answered"),
    printed: t("Printed: {date}"),
    updated: t("Last updated: {date}"),
    reset: named(t("This clears your answers about your {reader} and all the results of the check. Continue?")),
    resetDone: t("All answers cleared."),
    chartTitle: t("Score by area"),
    chartDesc: t("{areas}."),
    chartArea: t("{area}: {score}"),
    areaScore: t("{score} points"),
    areaNone: t("not counted"),
    notAsked: named(t("Answer all the questions above to see whether this entry applies to your {reader}.")),
    notForYou: named(t("With your answers about your {reader}, this entry is not on your list (no need to answer it).")),
    storageUnavailable: t("This browser cannot keep your answers (in private mode, or when its storage is full, for example). They are lost when the page closes: print them or save a CSV file."),
    storageFull: t("Your answers could not be saved (this browser's storage is full). The last answers are lost when the page closes: print them or save a CSV file."),
    storageNewer: t("Answers saved by a newer version of this page exist, so changes here are not saved. Reload the page."),
    otherTab: t("Answers from another tab were taken in."),
    otherTabReset: t("All answers were cleared in another tab."),
    csvHeader: [t("Kind"), t("Entry ID"), t("Group"), t("Checklist entry"), t("Required or recommended"), t("How ({track})"), t("Answer"), t("Points"), t("Next step")],
    csvKindDate: t("Recorded on"),
    csvKindTotal: t("Total"),
    csvKindArea: t("Area"),
    csvKindProfile: named(t("About the {reader}")),
    csvKindEntry: t("Entry"),
    csvDateName: t("Date recorded"),
    csvUpdatedName: t("Last updated"),
    csvTotalName: t("Total score (out of 100)"),
    csvGapsName: t("Required entries not done"),
    csvAnswered: t("Answered {answered} of {total}"),
    csvFile: "checklist-{date}.csv"
  };

  var R = window.TebikiRules;
  // 1: answers as {id: value}. 2: answers as {id: {value, at}} and the profile's time, for merging tabs.
  var STORAGE_VERSION = 2;
  // One key per checklist page, so two sites on one origin never mix their answers.
  var STORAGE_KEY = "tebiki-checklist:" + location.pathname.replace(/index\.html$/, "");
  var form = document.getElementById("tebiki-cl-form");
  var $ = function (sel, root) { return (root || document).querySelector(sel); };
  var $$ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var has = function (obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); };
  var fmt = function (text, vars) {
    return text.replace(/\{(\w+)\}/g, function (m, key) { return has(vars, key) ? String(vars[key]) : m; });
  };
  var el = function (tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  };
  var SVG = "http://www.w3.org/2000/svg";
  var svg = function (tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  };

  var scaleByValue = {};
  DATA.scale.forEach(function (p) { scaleByValue[p.value] = p; });
  var maxPoints = Math.max.apply(null, DATA.scale.map(function (p) { return p.points || 0; }));
  var trackById = {};
  DATA.tracks.forEach(function (t) { trackById[t.id] = t; });
  var groupTitle = {};
  DATA.groups.forEach(function (g) { groupTitle[g.id] = g.title; });
  var entryById = {};
  DATA.entries.forEach(function (e) { entryById[e.id] = e; });

  // ---- state ---------------------------------------------------------------
  function emptyState() { return { profile: {}, profileAt: null, answers: {}, updated: null }; }
  var state = emptyState();
  var readOnly = false; // storage holds a newer version: never overwrite it
  var targeted = null; // an entry opened from a link (e.g. a search hit), shown even if not on the list

  // A date from storage, or null: a hand-edited or foreign value must never show as NaN.
  function parseDate(value) {
    if (typeof value !== "string") return null;
    var d = new Date(value);
    return isNaN(d.getTime()) ? null : d;
  }
  var later = function (a, b) { return (parseDate(a) || 0) >= (parseDate(b) || 0) ? a : b; };

  // What storage holds, brought to the current version; null if nothing usable.
  function fromStorage(raw) {
    var saved;
    try { saved = JSON.parse(raw || "null"); } catch (e) { return null; }
    if (!saved || typeof saved !== "object") return null;
    var out = emptyState();
    var profile = saved.profile && typeof saved.profile === "object" ? saved.profile : {};
    var answers = saved.answers && typeof saved.answers === "object" ? saved.answers : {};
    var updated = parseDate(saved.updated) ? saved.updated : null;
    if (saved.version === 1) {
      Object.keys(answers).forEach(function (id) {
        if (typeof answers[id] === "string") out.answers[id] = { value: answers[id], at: updated };
      });
      out.profileAt = updated;
    } else if (saved.version === STORAGE_VERSION) {
      Object.keys(answers).forEach(function (id) {
        var a = answers[id];
        if (a && typeof a.value === "string") out.answers[id] = { value: a.value, at: parseDate(a.at) ? a.at : null };
      });
      out.profileAt = parseDate(saved.profileAt) ? saved.profileAt : null;
    } else if (typeof saved.version === "number" && saved.version > STORAGE_VERSION) {
      return { newer: true };
    } else {
      return null;
    }
    Object.keys(profile).forEach(function (q) { if (typeof profile[q] === "string") out.profile[q] = profile[q]; });
    out.updated = updated;
    return out;
  }

  // Two states into one, without losing an answer: per entry, the later answer wins; so does the later profile.
  function merge(a, b) {
    var out = emptyState();
    var newerProfile = (parseDate(b.profileAt) || 0) > (parseDate(a.profileAt) || 0) ? b : a;
    out.profile = newerProfile.profile;
    out.profileAt = newerProfile.profileAt;
    [a, b].forEach(function (s) {
      Object.keys(s.answers).forEach(function (id) {
        var mine = out.answers[id];
        if (!mine || (parseDate(s.answers[id].at) || 0) > (parseDate(mine.at) || 0)) out.answers[id] = s.answers[id];
      });
    });
    out.updated = a.updated && b.updated ? later(a.updated, b.updated) : a.updated || b.updated;
    return out;
  }

  function storageWorks() {
    try {
      var probe = STORAGE_KEY + ":probe";
      localStorage.setItem(probe, "1");
      localStorage.removeItem(probe);
      return true;
    } catch (e) { return false; }
  }

  function tell(message) {
    var box = $("[data-cl-storage]");
    box.textContent = message;
    box.hidden = !message;
  }

  function load() {
    var saved;
    try { saved = fromStorage(localStorage.getItem(STORAGE_KEY)); } catch (e) { saved = null; }
    if (saved && saved.newer) {
      readOnly = true;
      tell(T.storageNewer);
    } else if (saved) {
      state = saved;
    }
  }

  function save() {
    if (readOnly) return;
    state.updated = new Date().toISOString();
    try {
      // Another tab may have saved since this one last heard from it: merge, never overwrite.
      var stored = fromStorage(localStorage.getItem(STORAGE_KEY));
      if (stored && stored.newer) { readOnly = true; tell(T.storageNewer); return; }
      if (stored) state = merge(state, stored);
      localStorage.setItem(STORAGE_KEY, JSON.stringify({
        version: STORAGE_VERSION, profile: state.profile, profileAt: state.profileAt,
        answers: state.answers, updated: state.updated
      }));
    } catch (e) {
      tell(storageWorks() ? T.storageFull : T.storageUnavailable);
    }
  }

  // The shareable profile lives in the fragment, which browsers never send to the host.
  // Links made before that carried it in the query: read those, then move it into the fragment.
  function profileParams(text) {
    var params = new URLSearchParams(text);
    var found = {};
    DATA.questions.forEach(function (q) { if (params.has(q.id)) found[q.id] = params.get(q.id); });
    return Object.keys(found).length ? found : null;
  }
  var isProfileHash = function (hash) { return hash.indexOf("=") !== -1; };

  function profileFromUrl() {
    var hash = location.hash.slice(1);
    return (isProfileHash(hash) && profileParams(hash)) || profileParams(location.search);
  }

  // Only the profile goes in the URL, never the answers.
  function writeUrl() {
    var eff = R.effective(DATA.questions, state.profile);
    var params = new URLSearchParams();
    DATA.questions.forEach(function (q) { if (has(eff, q.id)) params.set(q.id, eff[q.id]); });
    var fragment = params.toString();
    var query = new URLSearchParams(location.search);
    DATA.questions.forEach(function (q) { query.delete(q.id); });
    var rest = query.toString();
    var hash = location.hash.slice(1);
    // A link to an entry keeps its anchor; otherwise the fragment is the profile.
    var keep = hash && !isProfileHash(hash) ? "#" + hash : fragment ? "#" + fragment : "";
    history.replaceState(null, "", location.pathname + (rest ? "?" + rest : "") + keep);
    $("[data-cl-share-url]").value = location.origin + location.pathname + (fragment ? "#" + fragment : "");
    $("[data-cl-share]").hidden = !fragment;
  }

  // ---- scoring -------------------------------------------------------------
  // The day as the page's language writes it (2019年4月1日, April 1, 2019), by the browser's CLDR data.
  function jdate(d) { return new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: "long" }).format(d); }
  function isoDate(d) {
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  function applicable(eff) {
    return DATA.entries.filter(function (e) { return R.holds(e.applies_if, eff); });
  }

  // The scale point of an entry's answer, or null. 「当てはまらない」 is no answer to a required entry:
  // whether it applies is decided by its applicability rule (the profile), not by the reader.
  function pointOf(entry) {
    var answer = state.answers[entry.id];
    var point = answer && has(scaleByValue, answer.value) ? scaleByValue[answer.value] : null;
    if (point && point.points === null && entry.level === "required") return null;
    return point;
  }

  // How an answer reads at a glance: tone (for colour), symbol (shape) and words.
  function rating(entry) {
    var point = pointOf(entry);
    if (!point) return { tone: "none", symbol: t("?"), label: T.unanswered.replace(/[（）()]/g, "") };
    if (point.points === null) return { tone: "na", symbol: t("–"), label: point.label };
    var tone = point.points === maxPoints ? "good" : point.points === 0 ? "poor" : "fair";
    return { tone: tone, symbol: { good: "◎", fair: "△", poor: "✕" }[tone], label: point.label };
  }

  // The bands are data; their colour follows their rank (first = best, last = worst).
  function bandTone(band) {
    var i = DATA.bands.indexOf(band);
    return i === 0 ? "good" : i === DATA.bands.length - 1 ? "poor" : "fair";
  }

  function score(entries) {
    var got = 0, max = 0, answered = 0, gaps = 0;
    entries.forEach(function (e) {
      var point = pointOf(e);
      if (point) answered++;
      if (point && point.points === null) return; // does not apply: left out of the score and of its maximum
      max += maxPoints;
      got += point ? point.points : 0; // unanswered counts as not done
      if (e.level === "required" && !(point && point.points === maxPoints)) gaps++;
    });
    var value = max ? Math.round((100 * got) / max) : null;
    var shown = value === null ? 100 : value;
    var band = DATA.bands.filter(function (b) {
      return shown >= b.min_score && (b.max_required_gaps === null || gaps <= b.max_required_gaps);
    })[0];
    return { value: value, shown: shown, answered: answered, total: entries.length, gaps: gaps, band: band };
  }

  function areas(entries) {
    return DATA.groups.map(function (g) {
      var mine = entries.filter(function (e) { return e.group === g.id; });
      return mine.length ? { id: g.id, title: g.title, score: score(mine) } : null;
    }).filter(Boolean);
  }

  // What to do first: required before recommended, then the biggest gap, then list order.
  function notDone(entries) {
    var gap = function (e) { var p = pointOf(e); return maxPoints - (p ? p.points : 0); };
    var open = entries.filter(function (e) {
      var point = pointOf(e);
      return !(point && (point.points === null || point.points === maxPoints));
    });
    return open.sort(function (a, b) {
      return (a.level === "required" ? 0 : 1) - (b.level === "required" ? 0 : 1) || gap(b) - gap(a);
    });
  }

  // ---- rendering -----------------------------------------------------------
  function syncForm() {
    DATA.questions.forEach(function (q) {
      $$('input[name="' + q.id + '"]', form).forEach(function (input) {
        input.checked = state.profile[q.id] === input.value;
      });
    });
  }

  function badge(r, prefix) {
    var span = el("span", { "class": "tebiki-cl-rating", "data-tone": r.tone });
    span.appendChild(el("span", { "class": "tebiki-cl-rating-symbol", "aria-hidden": "true" }, r.symbol));
    span.appendChild(document.createTextNode(" " + (prefix || "") + r.label));
    return span;
  }

  function bandBadge(band) {
    return badge({ tone: bandTone(band), symbol: band.symbol, label: band.label });
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
      var p = el("p");
      p.appendChild(el("strong", {}, fmt(T.trackUses, { track: track.label })));
      // Two sentences: the page's data gives the language's gap between them (none in Japanese).
      p.appendChild(document.createTextNode(DATA.gap + track.summary));
      trackBox.appendChild(p);
    }
    $("[data-cl-waiting]").hidden = ready;
    $(".tebiki-cl-result").hidden = !ready;
    $("[data-cl-bar]").hidden = !ready;
    var shown = {};
    $$("[data-cl-entry]").forEach(function (node) {
      var entry = entryById[node.getAttribute("data-cl-entry")];
      var applies = ready && R.holds(entry.applies_if, eff);
      var point = pointOf(entry);
      // Set every radio from the saved state, shown or not: the browser may restore stale ones on reload.
      $$("input", node).forEach(function (input) { input.checked = !!point && input.value === point.value; });
      var isTarget = targeted === entry.id;
      node.hidden = !applies && !isTarget;
      var outside = $("[data-cl-outside]", node);
      outside.hidden = applies || !isTarget;
      outside.textContent = ready ? T.notForYou : T.notAsked;
      if (node.hidden) return;
      shown[entry.group] = true;
      $$("[data-cl-how]", node).forEach(function (how) { how.hidden = track ? how.getAttribute("data-cl-how") !== track.id : false; });
      $("[data-cl-answer]", node).hidden = !applies;
      var r = rating(entry);
      node.setAttribute("data-tone", applies ? r.tone : "none");
      var rated = $("[data-cl-rating]", node);
      rated.textContent = "";
      rated.hidden = !applies;
      rated.appendChild(badge(r, T.answerPrefix));
    });
    $$("[data-cl-group]").forEach(function (node) { node.hidden = !shown[node.getAttribute("data-cl-group")]; });
    renderProfile(eff, track);
    if (ready) renderResult(applicable(eff));
  }

  // The profile as text, for the report (the form itself is hidden on paper).
  function renderProfile(eff, track) {
    var box = $("[data-cl-summary]");
    box.textContent = "";
    box.hidden = !track;
    if (!track) return;
    box.appendChild(el("p", { "class": "tebiki-cl-summary-title" }, fmt(T.profileTitle, { track: track.label })));
    var dl = el("dl");
    DATA.questions.forEach(function (q) {
      if (!has(eff, q.id)) return;
      dl.appendChild(el("dt", {}, q.text));
      dl.appendChild(el("dd", {}, q.options.filter(function (o) { return o.value === eff[q.id]; })[0].label));
    });
    box.appendChild(dl);
  }

  function renderResult(entries) {
    var s = score(entries);
    var vars = { score: s.shown, symbol: s.band.symbol, band: s.band.label, answered: s.answered, total: s.total, gaps: s.gaps };
    var status = $("[data-cl-status]");
    status.textContent = fmt(T.status, vars);
    status.setAttribute("data-band", s.band.id);

    var bar = $("[data-cl-bar]");
    bar.setAttribute("data-tone", bandTone(s.band));
    var progress = $("[data-cl-progress]", bar);
    progress.max = s.total;
    progress.value = s.answered;
    $("[data-cl-bar-progress]", bar).textContent = fmt(T.barProgress, vars);
    $("[data-cl-bar-score]", bar).textContent = fmt(T.barScore, vars);
    var barBand = $("[data-cl-bar-band]", bar);
    barBand.textContent = "";
    barBand.appendChild(bandBadge(s.band));

    var headline = $("[data-cl-headline]");
    headline.textContent = "";
    headline.setAttribute("data-tone", bandTone(s.band));
    headline.appendChild(el("span", { "class": "tebiki-cl-headline-score" }, fmt(T.barScore, vars)));
    headline.appendChild(bandBadge(s.band));

    $("[data-cl-advice]").textContent = s.band.advice +
      (s.answered < s.total ? unansweredNote() : "");
    renderAreas(areas(entries));

    var list = $("[data-cl-next]");
    list.textContent = "";
    var open = notDone(entries);
    open.forEach(function (e) {
      var li = el("li");
      li.appendChild(el("span", { "class": "tebiki-cl-level tebiki-cl-level--" + e.level }, DATA.levels[e.level]));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(badge(rating(e)));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("a", { href: "#" + e.id }, e.title));
      li.appendChild(document.createTextNode(t(": ") + e.next));
      list.appendChild(li);
    });
    $("[data-cl-next-empty]").hidden = open.length > 0;
    renderDate();
  }

  // Per area: a bar chart drawn here (no third-party script) and the same figures as a table beside it.
  function renderAreas(list) {
    var chart = $("[data-cl-chart]");
    chart.textContent = "";
    var row = 40, top = 8, width = 320, barX = 0, barW = 250;
    var words = list.map(function (a) {
      return fmt(T.chartArea, { area: a.title, score: a.score.value === null ? T.areaNone : fmt(T.areaScore, { score: a.score.value }) });
    });
    var root = svg("svg", {
      viewBox: "0 0 " + width + " " + (top + row * list.length + 4), role: "img",
      "aria-labelledby": "tebiki-cl-chart-title tebiki-cl-chart-desc", "class": "tebiki-cl-chart-svg"
    });
    root.appendChild(svg("title", { id: "tebiki-cl-chart-title" }, T.chartTitle));
    root.appendChild(svg("desc", { id: "tebiki-cl-chart-desc" }, fmt(T.chartDesc, { areas: words.join(t(", ")) })));
    list.forEach(function (a, i) {
      var y = top + i * row;
      var tone = a.score.value === null ? "na" : bandTone(a.score.band);
      var g = svg("g", { "class": "tebiki-cl-chart-row", "data-tone": tone, "aria-hidden": "true" });
      g.appendChild(svg("text", { x: barX, y: y + 11, "class": "tebiki-cl-chart-label" }, a.title));
      g.appendChild(svg("rect", { x: barX, y: y + 16, width: barW, height: 14, "class": "tebiki-cl-chart-track" }));
      var w = a.score.value === null ? 0 : Math.max(2, (barW * a.score.value) / 100);
      g.appendChild(svg("rect", { x: barX, y: y + 16, width: w, height: 14, "class": "tebiki-cl-chart-bar" }));
      var mark = a.score.value === null ? t("–") : a.score.band.symbol + " " + a.score.value;
      g.appendChild(svg("text", { x: barW + 6, y: y + 28, "class": "tebiki-cl-chart-value" }, mark));
      root.appendChild(g);
    });
    // Band thresholds as dashed guide lines.
    DATA.bands.forEach(function (b) {
      if (!b.min_score) return;
      var x = barX + (barW * b.min_score) / 100;
      root.appendChild(svg("line", { x1: x, x2: x, y1: top + 14, y2: top + row * list.length, "class": "tebiki-cl-chart-guide", "aria-hidden": "true" }));
    });
    chart.appendChild(root);

    var body = $("[data-cl-areas]");
    body.textContent = "";
    list.forEach(function (a) {
      var tr = el("tr");
      tr.appendChild(el("th", { scope: "row" }, a.title));
      tr.appendChild(el("td", {}, a.score.value === null ? T.areaNone : fmt(T.areaScore, { score: a.score.value })));
      var band = el("td");
      if (a.score.value !== null) band.appendChild(bandBadge(a.score.band));
      else band.appendChild(badge({ tone: "na", symbol: t("–"), label: T.areaNone }));
      tr.appendChild(band);
      tr.appendChild(el("td", {}, a.score.answered + t("/") + a.score.total));
      tr.appendChild(el("td", {}, String(a.score.gaps)));
      body.appendChild(tr);
    });
  }

  // Unanswered entries count like the answer worth 0 points; named by its label, or in plain words
  // when the scale has none (a quoted 「0点」 would read as an answer that does not exist).
  function unansweredNote() {
    var zero = DATA.scale.filter(function (p) { return p.points === 0; })[0];
    return zero ? fmt(T.unansweredNote, { lowest: zero.label }) : T.unansweredZero;
  }

  function renderDate() {
    var text = fmt(T.printed, { date: jdate(new Date()) });
    var updated = parseDate(state.updated);
    if (updated) text += t("   ") + fmt(T.updated, { date: jdate(updated) });
    $("[data-cl-date]").textContent = text;
  }

  // ---- export --------------------------------------------------------------
  // A cell a spreadsheet would run as a formula (= + - @, or a leading tab or return) is kept as text.
  function cell(value) {
    var text = String(value === null || value === undefined ? "" : value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return '"' + text.replace(/"/g, '""') + '"';
  }

  function csvRows() {
    var eff = R.effective(DATA.questions, state.profile);
    var track = trackById[R.trackOf(DATA.tracks, eff)];
    var entries = applicable(eff);
    var s = score(entries);
    var now = new Date();
    var updated = parseDate(state.updated);
    var rows = [T.csvHeader.map(function (h) { return fmt(h, { track: track.label }); })];
    var row = function (kind, name, answer, points, group) { return [kind, "", group || "", name, "", "", answer, points, ""]; };
    rows.push(row(T.csvKindDate, T.csvDateName, isoDate(now), ""));
    if (updated) rows.push(row(T.csvKindDate, T.csvUpdatedName, isoDate(updated), ""));
    rows.push(row(T.csvKindTotal, T.csvTotalName, s.band.symbol + " " + s.band.label, s.shown));
    rows.push(row(T.csvKindTotal, T.csvGapsName, fmt(T.csvAnswered, { answered: s.answered, total: s.total }), s.gaps));
    areas(entries).forEach(function (a) {
      rows.push(row(T.csvKindArea, a.title, a.score.value === null ? T.areaNone : a.score.band.symbol + " " + a.score.band.label,
        a.score.value === null ? "" : a.score.value, a.title));
    });
    DATA.questions.forEach(function (q) {
      if (!has(eff, q.id)) return;
      rows.push(row(T.csvKindProfile, q.text, q.options.filter(function (o) { return o.value === eff[q.id]; })[0].label, ""));
    });
    entries.forEach(function (e) {
      var point = pointOf(e);
      rows.push([T.csvKindEntry, e.id, groupTitle[e.group], e.title, DATA.levels[e.level], e.how[track.id],
        point ? point.label : T.unansweredCsv, point && point.points !== null ? point.points : "", e.next]);
    });
    return rows;
  }

  function csv() {
    var text = csvRows().map(function (r) { return r.map(cell).join(","); }).join("\r\n") + "\r\n";
    // The byte order mark lets spreadsheet software on Japanese Windows read UTF-8.
    var blob = new Blob(["\ufeff" + text], { type: "text/csv;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var a = el("a", { href: url, download: fmt(T.csvFile, { date: isoDate(new Date()) }) });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function reset() {
    if (!window.confirm(T.reset)) return;
    try { if (!readOnly) localStorage.removeItem(STORAGE_KEY); } catch (e) { /* nothing stored */ }
    state = emptyState();
    syncForm();
    writeUrl();
    render();
    $("[data-cl-status]").textContent = T.resetDone;
    var first = $("input", form);
    if (first) first.focus();
  }

  // A link into the list (a search hit, a shared anchor) opens its entry even before the profile is answered.
  function linkTarget() {
    var hash = decodeURIComponent(location.hash.slice(1));
    var target = hash && !isProfileHash(hash) && document.getElementById(hash);
    return target && target.closest("[data-cl-entry]") ? target : null;
  }
  function reveal() {
    var target = linkTarget();
    if (!target) return;
    targeted = target.closest("[data-cl-entry]").getAttribute("data-cl-entry");
    render();
    target.scrollIntoView({ block: "start" });
  }
  // The list is laid out by this script, so the position a reload would restore was measured on another
  // layout: the target is placed here instead, and placed again once the page has loaded (late styles and
  // fonts move it) unless the reader has scrolled by then.
  var readerMoved = false;
  if (linkTarget()) {
    if ("scrollRestoration" in history) history.scrollRestoration = "manual";
    ["wheel", "touchstart", "keydown", "pointerdown"].forEach(function (type) {
      window.addEventListener(type, function () { readerMoved = true; }, { once: true, passive: true });
    });
    window.addEventListener("load", function () { if (!readerMoved) reveal(); });
  }

  // The form sent: the list for the profile, focus on its result (or on the first question left).
  function showList() {
    render();
    var eff = R.effective(DATA.questions, state.profile);
    if (R.complete(DATA.questions, eff)) {
      $("[data-cl-track-result]").focus();
    } else {
      var missing = DATA.questions.filter(function (q) { return R.holds(q.ask_if, eff) && !has(eff, q.id); })[0];
      $('input[name="' + missing.id + '"]', form).focus();
    }
  }

  // ---- start ---------------------------------------------------------------
  // The questions show while this script loads (checklist.html): what was picked meanwhile is the
  // newest profile, and a form sent meanwhile was held there (never sent as a query to the host).
  var picked = {};
  $$('input[type="radio"]:checked', form).forEach(function (input) { picked[input.name] = input.value; });
  form.setAttribute("data-cl-ready", "");
  load();
  var fromUrl = profileFromUrl();
  if (fromUrl) state.profile = fromUrl;
  var pickedIds = Object.keys(picked);
  pickedIds.forEach(function (id) { state.profile[id] = picked[id]; });
  var given = fromUrl || pickedIds.length > 0; // a link's or the reader's profile is this browser's from now on
  if (given) state.profileAt = new Date().toISOString();
  state.profile = R.effective(DATA.questions, state.profile);
  if (!readOnly && !storageWorks()) tell(T.storageUnavailable);
  else if (given) save();
  $$("[data-cl-nojs]").forEach(function (node) { node.hidden = true; });
  $$("[data-cl-app]").forEach(function (node) { node.hidden = false; });
  syncForm();
  writeUrl();
  if (document.documentElement.hasAttribute("data-cl-sent")) {
    document.documentElement.removeAttribute("data-cl-sent");
    showList();
  } else {
    render();
  }
  // The list is laid out once the page's pending class is gone (DOMContentLoaded): only then can it scroll.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", reveal);
  else reveal();
  // A shared link opened in this same tab changes only the fragment: take its profile in.
  window.addEventListener("hashchange", function () {
    var hash = location.hash.slice(1);
    var profile = isProfileHash(hash) && profileParams(hash);
    if (!profile) return reveal();
    state.profile = R.effective(DATA.questions, profile);
    state.profileAt = new Date().toISOString();
    save();
    syncForm();
    writeUrl();
    render();
  });

  form.addEventListener("change", function (event) {
    var input = event.target;
    if (input.type !== "radio") return;
    state.profile[input.name] = input.value;
    state.profile = R.effective(DATA.questions, state.profile);
    state.profileAt = new Date().toISOString();
    save();
    writeUrl();
    render();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    showList();
  });
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input.type !== "radio" || input.name.indexOf("answer-") !== 0) return;
    state.answers[input.name.slice("answer-".length)] = { value: input.value, at: new Date().toISOString() };
    save();
    render();
  });
  // Another tab of this page saved or reset: take its answers in, keeping this tab's own.
  window.addEventListener("storage", function (event) {
    if (event.key !== STORAGE_KEY && event.key !== null) return;
    if (event.newValue === null) {
      state = emptyState();
      tell(T.otherTabReset);
    } else {
      var other = fromStorage(event.newValue);
      if (!other) return;
      if (other.newer) { readOnly = true; tell(T.storageNewer); return; }
      state = merge(state, other);
      tell(T.otherTab);
    }
    state.profile = R.effective(DATA.questions, state.profile);
    syncForm();
    writeUrl();
    render();
  });
  $("[data-cl-print]").addEventListener("click", function () { window.print(); });
  $("[data-cl-csv]").addEventListener("click", csv);
  $("[data-cl-reset]").addEventListener("click", reset);
  window.addEventListener("beforeprint", renderDate);
})();
