/* Slides and the live quiz (overrides/presenter.html): one frame at a time, driven by the
   keyboard or the buttons. Everything is in the page already: nothing is fetched, so a
   page opened once keeps working without a network. Without this script every frame
   is shown, answers and notes included, which is also how the page reads without it.

   Two windows: the audience window (projected: the frame only, never the notes) and the
   presenter view (the same page with ?presenter: current and next frame, notes, elapsed
   and planned time). They keep in step through a BroadcastChannel and, where that is not
   shared (some browsers under file://), through postMessage between opener and popup. */
(function () {
  "use strict";
  // Interface strings in the site's language (assets/i18n.js, written by the build).
  var t = window.tebikiT || function (msgid) { return msgid; };

  // Every interface string of this script, in one place (to be moved to the message catalogs).
  var TEXT = {
    slide: t("Slide "),
    revealed: t("Showing the answer"),
    reveal: t("Show the answer (A)"),
    hide: t("Hide the answer (A)"),
    presenterOpened: t("Presenter view opened"),
    presenterBlocked: t("The presenter view could not be opened. Add ?presenter to the end of this page's address and open it in another window."),
    presenterPrefix: t("Presenter view: "),
    current: t("Current slide"),
    next: t("Next slide"),
    nextTitle: t("Next: "),
    noNext: t("Next: (this is the last slide)"),
    notes: t("Notes"),
    answerNotes: t("Answer and explanation"),
    noNotes: t("(no notes)"),
    time: t("Time"),
    elapsed: t("Elapsed"),
    planned: t("Planned"),
    minutes: t(" min"),
    blockLeft: t("Left in this part"),
    blockOver: t("This part is over its planned time"),
    resetTimer: t("Reset the elapsed time (R)"),
    timerReset: t("Elapsed time reset"),
    countdown: t("Time left"),
    seconds: t(" s"),
    timeUp: t("Time is up"),
  };

  var deck = document.getElementById("tebiki-deck");
  var controls = document.querySelector(".tebiki-controls");
  if (!deck || !controls) return;
  var frames = Array.prototype.slice.call(deck.querySelectorAll(".tebiki-frame"));
  if (!frames.length) return;
  var mode = document.body.getAttribute("data-mode");
  var isPresenter = new URLSearchParams(location.search).has("presenter");
  var status = controls.querySelector(".tebiki-controls__status");
  var revealButton = controls.querySelector('[data-action="reveal"]');
  var current = 0;
  var revealed = false;
  var popup = null;
  var peer = isPresenter ? window.opener : null;
  var view = null; // the presenter view's panels, when this window is one

  document.documentElement.classList.remove("no-js");
  document.documentElement.classList.add("js");

  function answerOf(frame) {
    return frame.querySelector(".tebiki-live__answer");
  }

  /* Text scales down until the frame holds it: projectors differ, and a long answer or
     explanation must never run under the control bar. The CSS sizes type to the frame
     (container units); --fit shrinks it further when the content still does not fit. */
  function overflows(box) {
    return box.scrollHeight > box.clientHeight || box.scrollWidth > box.clientWidth;
  }

  function fit(box) {
    if (!box || !box.clientHeight) return;
    // A question is fitted as it looks revealed (answer, explanation, marked choices),
    // so the type does not jump, or overflow, when the answer is shown.
    var answer = answerOf(box);
    var wasHidden = answer ? answer.hidden : false;
    var wasRevealed = box.classList.contains("is-revealed");
    if (answer) {
      answer.hidden = false;
      box.classList.add("is-revealed");
    }
    box.style.setProperty("--fit", "1");
    if (overflows(box)) {
      var lo = 0.2, hi = 1;
      for (var step = 0; step < 9; step++) {
        var mid = (lo + hi) / 2;
        box.style.setProperty("--fit", String(mid));
        if (overflows(box)) hi = mid;
        else lo = mid;
      }
      // A little below the last size that fitted: rounding in layout must not tip it over.
      box.style.setProperty("--fit", String(lo * 0.98));
    }
    if (answer) {
      answer.hidden = wasHidden;
      box.classList.toggle("is-revealed", wasRevealed);
    }
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
      revealButton.textContent = revealed ? TEXT.hide : TEXT.reveal;
    }
    countdown.update();
  }

  function titleOf(frame) {
    var title = frame && frame.querySelector("h1, h2");
    return title ? title.textContent.trim() : "";
  }

  function describe() {
    var text = (isPresenter ? TEXT.presenterPrefix : "") + (mode === "quiz" ? "" : TEXT.slide);
    text += current + 1 + " / " + frames.length;
    if (revealed) text += t(": ") + TEXT.revealed;
    else if (titleOf(frames[current])) text += t(": ") + titleOf(frames[current]);
    return text;
  }

  function show(index, options) {
    options = options || {};
    current = Math.max(0, Math.min(frames.length - 1, index));
    frames.forEach(function (frame, i) {
      frame.hidden = i !== current;
    });
    fit(frames[current]);
    setRevealed(!!options.revealed);
    status.textContent = describe();
    if (!options.fromHash && history.replaceState) {
      history.replaceState(null, "", "#" + frames[current].id);
    }
    countdown.start(frames[current]);
    if (view) view.update();
    if (!options.remote) broadcast();
  }

  /* The hash is the reader's to type: a malformed escape (%E0%A4%A) must not stop the deck. */
  function hashId() {
    var raw = location.hash.slice(1);
    try {
      return decodeURIComponent(raw);
    } catch (error) {
      return raw;
    }
  }

  function frameFromHash() {
    var id = hashId();
    if (!id) return 0;
    var target = document.getElementById(id);
    if (!target) return 0;
    var i = frames.indexOf(target.closest(".tebiki-frame"));
    return i < 0 ? 0 : i;
  }

  /* ---- The other window ---- */
  var channel = null;
  try {
    channel = "BroadcastChannel" in window ? new BroadcastChannel("tebiki-presenter:" + location.pathname) : null;
  } catch (error) {
    channel = null; // an opaque origin may refuse it; postMessage still links opener and popup
  }

  function post(message) {
    if (channel) channel.postMessage(message);
    [peer, popup].forEach(function (w) {
      if (w && !w.closed) {
        try {
          w.postMessage(message, "*");
        } catch (error) {
          /* the other window is gone */
        }
      }
    });
  }

  function broadcast() {
    post({ tebiki: "presenter", index: current, revealed: revealed });
  }

  function receive(message) {
    if (!message || message.tebiki !== "presenter") return;
    if (message.ask) {
      broadcast();
      return;
    }
    if (typeof message.index !== "number" || message.index !== Math.floor(message.index)) return;
    if (message.index === current && !!message.revealed === revealed) return;
    if (message.index !== current) show(message.index, { remote: true, revealed: !!message.revealed });
    else {
      setRevealed(!!message.revealed);
      status.textContent = describe();
      if (view) view.update();
    }
  }

  if (channel) {
    channel.onmessage = function (event) {
      receive(event.data);
    };
  }
  window.addEventListener("message", function (event) {
    if ((peer && event.source === peer) || (popup && event.source === popup)) receive(event.data);
  });

  function openPresenter() {
    var url = location.pathname + "?presenter" + location.hash;
    popup = window.open(url, "tebiki-presenter", "popup,width=1280,height=800");
    status.textContent = popup ? TEXT.presenterOpened : TEXT.presenterBlocked;
  }

  /* ---- Countdown per question (data-countdown, from the kit) ---- */
  var countdown = (function () {
    var timer = null;
    var left = 0;
    var box = null;
    function paint() {
      if (!box) return;
      box.textContent = left > 0 ? TEXT.countdown + " " + left + TEXT.seconds : TEXT.timeUp;
      box.classList.toggle("is-up", left <= 0);
    }
    function stop() {
      if (timer) clearInterval(timer);
      timer = null;
    }
    return {
      start: function (frame) {
        stop();
        box = frame.querySelector(".tebiki-live__countdown");
        if (!box) return;
        left = parseInt(box.getAttribute("data-seconds"), 10) || 0;
        box.hidden = false;
        paint();
        timer = setInterval(function () {
          left -= 1;
          paint();
          if (left <= 0) stop();
        }, 1000);
      },
      update: function () {
        // Once the answer is shown the question is over: the clock goes away.
        if (box && revealed) {
          stop();
          box.hidden = true;
        }
      },
    };
  })();

  /* ---- The presenter view ---- */
  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function clock(seconds) {
    var sign = seconds < 0 ? "-" : "";
    seconds = Math.abs(Math.round(seconds));
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return sign + m + ":" + (s < 10 ? "0" : "") + s;
  }

  /* A copy of a frame for a preview: no ids (they belong to the frame itself), not read twice. */
  function copyOf(node) {
    var copy = node.cloneNode(true);
    [copy].concat(Array.prototype.slice.call(copy.querySelectorAll("*"))).forEach(function (el) {
      el.removeAttribute("id");
      el.removeAttribute("aria-labelledby");
      el.removeAttribute("hidden");
    });
    return copy;
  }

  function presenterView() {
    document.body.classList.add("is-presenter");
    deck.setAttribute("aria-label", TEXT.current);
    var planned = parseInt(deck.getAttribute("data-planned-minutes") || "0", 10);
    var started = Date.now();

    var times = element("section", "tebiki-pv__time");
    times.setAttribute("aria-label", TEXT.time);
    var elapsedLine = element("p", "tebiki-pv__elapsed");
    elapsedLine.appendChild(element("span", "tebiki-pv__caption", TEXT.elapsed + " "));
    var elapsed = element("span", "tebiki-pv__clock", "0:00");
    elapsed.setAttribute("role", "timer");
    elapsed.setAttribute("aria-label", TEXT.elapsed);
    elapsedLine.appendChild(elapsed);
    if (planned) elapsedLine.appendChild(element("span", "tebiki-pv__planned", t(" / ") + TEXT.planned + " " + planned + TEXT.minutes));
    var block = element("p", "tebiki-pv__block");
    var reset = element("button", "", TEXT.resetTimer);
    reset.type = "button";
    reset.setAttribute("data-action", "timer");
    times.appendChild(elapsedLine);
    times.appendChild(block);
    times.appendChild(reset);

    var next = element("section", "tebiki-pv__next");
    next.setAttribute("aria-labelledby", "tebiki-pv-next-title");
    var nextTitle = element("h2", "tebiki-pv__heading");
    nextTitle.id = "tebiki-pv-next-title";
    var preview = element("div", "tebiki-pv__preview");
    preview.setAttribute("aria-hidden", "true"); // its title is read in the heading above
    next.appendChild(nextTitle);
    next.appendChild(preview);

    var notes = element("section", "tebiki-pv__notes");
    notes.setAttribute("aria-labelledby", "tebiki-pv-notes-title");
    var notesTitle = element("h2", "tebiki-pv__heading", mode === "quiz" ? TEXT.answerNotes : TEXT.notes);
    notesTitle.id = "tebiki-pv-notes-title";
    var notesBody = element("div", "tebiki-pv__notes-body");
    notes.appendChild(notesTitle);
    notes.appendChild(notesBody);

    var side = element("div", "tebiki-pv__side");
    side.appendChild(times);
    side.appendChild(next);
    side.appendChild(notes);
    document.body.insertBefore(side, controls);

    // The block of the agenda a frame belongs to: the last divider at or before it.
    function blockOf(index) {
      for (var i = index; i >= 0; i--) {
        if (frames[i].hasAttribute("data-block-minutes")) return frames[i];
      }
      return null;
    }

    function tick() {
      var seconds = (Date.now() - started) / 1000;
      elapsed.textContent = clock(seconds);
      var divider = blockOf(current);
      if (!divider) {
        block.textContent = "";
        return;
      }
      var end = (parseInt(divider.getAttribute("data-block-start"), 10) + parseInt(divider.getAttribute("data-block-minutes"), 10)) * 60;
      var left = end - seconds;
      block.textContent =
        divider.getAttribute("data-block-title") + t(" (") + TEXT.planned + " " + divider.getAttribute("data-block-minutes") + TEXT.minutes + t(")") + t("   ") +
        (left >= 0 ? TEXT.blockLeft + " " + clock(left) : TEXT.blockOver + t(" (") + clock(-left) + t(")"));
      block.classList.toggle("is-over", left < 0);
    }
    setInterval(tick, 1000);

    return {
      update: function () {
        var following = frames[current + 1];
        preview.textContent = "";
        if (following) {
          var copy = copyOf(following);
          copy.classList.remove("tebiki-frame");
          copy.classList.add("tebiki-pv__slide");
          Array.prototype.forEach.call(copy.querySelectorAll(".tebiki-slide__notes, .tebiki-live__answer, .tebiki-live__countdown"), function (el) {
            el.remove();
          });
          preview.appendChild(copy);
          fit(copy);
          nextTitle.textContent = TEXT.nextTitle + titleOf(following);
        } else {
          nextTitle.textContent = TEXT.noNext;
        }
        notesBody.textContent = "";
        var source = frames[current].querySelector(mode === "quiz" ? ".tebiki-live__answer" : ".tebiki-slide__notes");
        if (source) {
          Array.prototype.forEach.call(copyOf(source).childNodes, function (child) {
            notesBody.appendChild(child.cloneNode(true));
          });
        } else {
          notesBody.appendChild(element("p", "", TEXT.noNotes));
        }
        tick();
      },
      reset: function () {
        started = Date.now();
        tick();
        status.textContent = TEXT.timerReset;
      },
    };
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(function () {});
    }
  }

  function act(action) {
    if (action === "next") show(current + 1);
    else if (action === "prev") show(current - 1);
    else if (action === "first") show(0);
    else if (action === "last") show(frames.length - 1);
    else if (action === "fullscreen") toggleFullscreen();
    else if (action === "presenter" && !isPresenter) openPresenter();
    else if (action === "timer" && view) view.reset();
    else if (action === "reveal" && mode === "quiz") {
      setRevealed(!revealed);
      status.textContent = describe();
      if (view) view.update();
      broadcast();
    }
  }

  var KEYS = {
    ArrowRight: "next", PageDown: "next", " ": "next", ArrowDown: "next",
    ArrowLeft: "prev", PageUp: "prev", ArrowUp: "prev",
    Home: "first", End: "last",
    f: "fullscreen", F: "fullscreen", a: "reveal", A: "reveal",
    p: "presenter", P: "presenter", s: "presenter", S: "presenter", r: "timer", R: "timer",
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

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-action]");
    if (button) act(button.getAttribute("data-action"));
  });

  window.addEventListener("hashchange", function () {
    show(frameFromHash(), { fromHash: true });
  });

  window.addEventListener("resize", function () {
    fit(frames[current]);
    if (view) view.update();
  });

  if (isPresenter) {
    view = presenterView();
    var presenterButton = controls.querySelector('[data-action="presenter"]');
    if (presenterButton) presenterButton.remove(); // this window is the presenter view
  }
  // Both before the first fit, so the frame is measured as it will be drawn; nothing is
  // painted in between (this all runs in one task).
  controls.hidden = false;
  document.documentElement.classList.remove("tebiki-pending");
  show(frameFromHash(), { fromHash: true, remote: true });
  if (isPresenter) post({ tebiki: "presenter", ask: true }); // take up where the audience window is
})();
