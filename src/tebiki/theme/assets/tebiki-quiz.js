// tebiki's small additions to mkdocs-quiz, loaded on quiz pages only (overrides/quiz.html).
// mkdocs-quiz itself is configured in mkdocs.yml; this file adds what it lacks:
//  - fill-in answers are compared after NFKC normalisation (３０ = 30, ＣＰＯ = CPO, ５，０００ = 5000);
//  - Enter in a fill-in box submits its question;
//  - feedback and the final score are announced to screen readers (live regions), and
//    every answer is called right or wrong in words, not only by colour;
//  - a print button on the answer key.
(function () {
  "use strict";
  // Interface strings in the site's language (assets/i18n.js, written by the build).
  var t = window.tebikiT || function (msgid) { return msgid; };
  // mkdocs-quiz's own words for a right or wrong answer, in the site's language (read when
  // needed: its translations are set by a script of its own).
  function genericVerdicts() {
    var words = window.mkdocsQuizTranslations || {};
    return ["Correct answer!", "Incorrect answer. Please try again.", "Incorrect answer."].map(function (key) {
      return words[key] || key;
    });
  }

  // Feedback areas become live regions before mkdocs-quiz writes anything into them.
  // (Their `hidden` state is overridden in tebiki-quiz.css so that they stay in the
  // accessibility tree: a region that appears together with its text is often not announced.)
  document.querySelectorAll(".quiz .quiz-feedback").forEach(function (el) {
    el.setAttribute("role", "status");
    // With per-choice feedback, mkdocs-quiz shows only that text, coloured green or red:
    // say "right" or "wrong" in words first, for screen readers and for anyone who cannot
    // tell the colours apart.
    new MutationObserver(function () {
      var item = el.querySelector(".quiz-feedback-item");
      if (!item || el.querySelector(".tebiki-verdict")) return;
      var right = item.classList.contains("correct");
      var verdict = right ? t("Correct.") : t("Wrong.");
      if (el.textContent.trim().indexOf(verdict) === 0) return; // mkdocs-quiz's own message says it already
      // mkdocs-quiz's generic message (no feedback written for the answer) is a verdict in other
      // words, e.g. "Correct answer!" in English: say tebiki's instead of saying it twice.
      var content = item.querySelector(".quiz-feedback-item-content");
      if (content && genericVerdicts().indexOf(content.textContent.trim()) >= 0) {
        content.textContent = verdict;
        content.classList.add("tebiki-verdict");
        return;
      }
      var p = document.createElement("p");
      p.className = "tebiki-verdict";
      p.textContent = verdict;
      el.insertBefore(p, el.firstChild);
    }).observe(el, { childList: true });
  });

  // What the reader typed, in the form the answers are written in (see canonical_answer in
  // src/tebiki/data/quiz/load.py): NFKC turns full-width digits and letters into half-width ones;
  // digit-grouping commas are dropped. mkdocs-quiz then trims and ignores case.
  function canonical(text) {
    var out = text.normalize("NFKC").trim();
    var grouped = /(\d),(\d{3})(?!\d)/;
    while (grouped.test(out)) out = out.replace(grouped, "$1$2");
    return out;
  }

  // mkdocs-quiz puts a fill-in box outside its form, so Enter in the box would do nothing:
  // make it submit the question, as in any form.
  document.querySelectorAll(".quiz .quiz-blank-input").forEach(function (input) {
    input.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || event.isComposing) return; // Enter also confirms Japanese input (IME)
      var form = input.closest(".quiz").querySelector("form");
      if (form) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
  });

  var submitted = false;

  // Capture phase: this runs before mkdocs-quiz's own submit handler on the form.
  document.addEventListener(
    "submit",
    function (event) {
      var quiz = event.target.closest && event.target.closest(".quiz");
      if (!quiz) return;
      submitted = true;
      quiz.querySelectorAll(".quiz-blank-input").forEach(function (input) {
        input.value = canonical(input.value);
      });
    },
    true
  );

  // The score, announced once the reader has answered every question on the page.
  var status = document.getElementById("tebiki-quiz-status");
  window.addEventListener("quizProgressUpdate", function (event) {
    // mkdocs-quiz also reports progress restored from the browser's storage: stay quiet then.
    if (!status || !submitted) return;
    var p = event.detail;
    if (p.total > 0 && p.answered === p.total) {
      status.textContent =
        t("You have answered all %(total)s questions: %(correct)s right, a score of %(score)s percent.", p);
    } else {
      status.textContent = "";
    }
  });

  document.querySelectorAll(".tebiki-print").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
