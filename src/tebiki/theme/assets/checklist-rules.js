// The applicability rules, the same interpreter as src/tebiki/data/checklist/conditions.py.
// Keep the two in step: tests run both on every profile and compare the results.
(function (root) {
  "use strict";
  var has = function (obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); };

  // True if `answers` satisfy `condition`; no condition always holds.
  function holds(condition, answers) {
    if (condition === null || condition === undefined) return true;
    if (has(condition, "all")) return condition.all.every(function (c) { return holds(c, answers); });
    if (has(condition, "any")) return condition.any.some(function (c) { return holds(c, answers); });
    return Object.keys(condition).every(function (question) {
      var wanted = condition[question];
      var options = Array.isArray(wanted) ? wanted : [wanted];
      return has(answers, question) && options.indexOf(answers[question]) !== -1;
    });
  }

  // Keep only valid answers to questions that are asked, given the answers before them.
  function effective(questions, answers) {
    var out = {};
    questions.forEach(function (q) {
      var value = has(answers, q.id) ? answers[q.id] : undefined;
      var values = q.options.map(function (o) { return o.value; });
      if (holds(q.ask_if, out) && values.indexOf(value) !== -1) out[q.id] = value;
    });
    return out;
  }

  // True when every question that is asked has an answer.
  function complete(questions, answers) {
    var eff = effective(questions, answers);
    return questions.every(function (q) { return !holds(q.ask_if, eff) || has(eff, q.id); });
  }

  // The first track whose `when` holds; the last track has no `when` and catches the rest.
  function trackOf(tracks, answers) {
    for (var i = 0; i < tracks.length; i++) {
      if (holds(tracks[i].when, answers)) return tracks[i].id;
    }
    throw new Error("no track matched: the last track must have no `when`");
  }

  root.TebikiRules = { holds: holds, effective: effective, complete: complete, trackOf: trackOf };
})(window);
