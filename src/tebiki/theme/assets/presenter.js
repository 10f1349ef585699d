/* Slides and the live quiz (overrides/presenter.html): one frame at a time, driven by the
   keyboard or the buttons. Everything is in the page already: nothing is fetched, so a
   page opened once keeps working without a network. Without this script every frame
   is shown, answers included, which is also how the page prints. */
(function () {
  "use strict";
  var deck = document.getElementById("tebiki-deck");
  var controls = document.querySelector(".tebiki-controls");
  if (!deck || !controls) return;
  var frames = Array.prototype.slice.call(deck.querySelectorAll(".tebiki-frame"));
  if (!frames.length) return;
  var mode = document.body.getAttribute("data-mode");
  var status = controls.querySelector(".tebiki-controls__status");
  var revealButton = controls.querySelector('[data-action="reveal"]');
  var notesButton = controls.querySelector('[data-action="notes"]');
  var current = 0;
  var revealed = false;

  document.documentElement.classList.remove("no-js");
  document.documentElement.classList.add("js");

  function answerOf(frame) {
    return frame.querySelector(".tebiki-live__answer");
  }

  function setRevealed(on) {
    var answer = answerOf(frames[current]);
    revealed = !!(on && answer);
    frames.forEach(function (frame) {
      var a = answerOf(frame);
      if (a) a.hidden = !(revealed && frame === frames[current]);
      frame.classList.toggle("is-revealed", revealed && frame === frames[current]);
    });
    if (revealButton) {
      revealButton.disabled = !answer;
      revealButton.setAttribute("aria-pressed", String(revealed));
      revealButton.textContent = revealed ? "答えを隠す（A）" : "答えを表示（A）";
    }
  }

  function describe() {
    var frame = frames[current];
    var title = frame.querySelector("h1, h2");
    var text = (mode === "quiz" ? "" : "スライド ") + (current + 1) + " / " + frames.length;
    if (revealed) text += "：答えを表示しています";
    else if (title) text += "：" + title.textContent.trim();
    return text;
  }

  function show(index, fromHash) {
    current = Math.max(0, Math.min(frames.length - 1, index));
    frames.forEach(function (frame, i) {
      frame.hidden = i !== current;
    });
    setRevealed(false);
    status.textContent = describe();
    if (!fromHash && history.replaceState) {
      history.replaceState(null, "", "#" + frames[current].id);
    }
  }

  function frameFromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return 0;
    var target = document.getElementById(id);
    if (!target) return 0;
    var frame = target.closest(".tebiki-frame");
    var i = frames.indexOf(frame);
    return i < 0 ? 0 : i;
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(function () {});
    }
  }

  function toggleNotes() {
    var on = !document.body.classList.contains("show-notes");
    document.body.classList.toggle("show-notes", on);
    if (notesButton) notesButton.setAttribute("aria-pressed", String(on));
    status.textContent = on ? "ノートを表示しています" : "ノートを隠しました";
  }

  function act(action) {
    if (action === "next") show(current + 1);
    else if (action === "prev") show(current - 1);
    else if (action === "first") show(0);
    else if (action === "last") show(frames.length - 1);
    else if (action === "fullscreen") toggleFullscreen();
    else if (action === "notes" && mode === "slides") toggleNotes();
    else if (action === "reveal" && mode === "quiz") {
      setRevealed(!revealed);
      status.textContent = describe();
    }
  }

  var KEYS = {
    ArrowRight: "next", PageDown: "next", " ": "next", ArrowDown: "next",
    ArrowLeft: "prev", PageUp: "prev", ArrowUp: "prev",
    Home: "first", End: "last",
    f: "fullscreen", F: "fullscreen", s: "notes", S: "notes", a: "reveal", A: "reveal",
  };

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    // Space and Enter on a focused button or link do what that control says.
    if ((event.key === " " || event.key === "Enter") && target.closest && target.closest("button, a")) return;
    var action = KEYS[event.key];
    if (!action) return;
    event.preventDefault();
    act(action);
  });

  controls.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (button) act(button.getAttribute("data-action"));
  });

  window.addEventListener("hashchange", function () {
    show(frameFromHash(), true);
  });

  show(frameFromHash(), true);
  controls.hidden = false;  // once its status line is written, so the bar does not grow after it appears
  document.documentElement.classList.remove("tebiki-pending");
})();
