// Seminar players. Hosted videos (YouTube, Vimeo) sit behind a facade: nothing is
// requested from the provider until the visitor presses play, and only then is the
// privacy-enhanced iframe created. Chapter buttons and links (#chapter-<rec>-<n>,
// or #t=<seconds> on a page with one player) start a recording at the right time.
(function () {
  "use strict";
  // Interface strings of this script, in one place, in the site's language (assets/i18n.js).
  var t = window.tebikiT || function (msgid) { return msgid; };
  var T = {
    from: t(" from {time}"),
    play: t("Play “{title}”{from} ({provider})"),
    loaded: t("The {provider} video is loaded."),
    cued: t("Plays from {time}. Pressing play loads it from {provider}."),
    ready: t("Ready to play from {time}. Press play.")
  };
  var fmt = function (text, vars) { return text.replace(/\{(\w+)\}/g, function (m, k) { return vars[k]; }); };

  function clock(s) {
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    var mm = h ? String(m).padStart(2, "0") : String(m);
    return (h ? h + ":" : "") + mm + ":" + String(sec).padStart(2, "0");
  }

  function say(player, text) {
    var status = player.querySelector("[role=status]");
    if (status) status.textContent = text;
  }

  function labelFor(player) {
    var start = Number(player.dataset.start || 0);
    var from = start > 0 ? fmt(T.from, { time: clock(start) }) : "";
    return fmt(T.play, { title: player.dataset.title, from: from, provider: player.dataset.provider });
  }

  // Replace the poster and button by the provider's player: the first request to the provider.
  function activate(player) {
    var start = Number(player.dataset.start || 0);
    var frame = document.createElement("iframe");
    frame.src = player.dataset.embed + (start > 0 ? player.dataset.startSuffix.replace("{s}", start) : "");
    frame.title = player.dataset.frameTitle;
    frame.className = "tebiki-video__frame";
    frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    player.querySelector(".tebiki-video__stage").replaceChildren(frame);
    player.classList.add("tebiki-video--active");
    frame.focus();
    say(player, fmt(T.loaded, { provider: player.dataset.provider }));
  }

  function seek(player, seconds, play) {
    if (!player) return;
    var video = player.querySelector("video");
    if (video) {
      var go = function () {
        // A hair past the start: at the exact boundary Chromium also shows the cue that ends there.
        video.currentTime = seconds > 0 ? seconds + 0.01 : 0;
        if (play) {
          var playing = video.play();
          if (playing && playing.catch) playing.catch(function () {});
        }
      };
      if (video.readyState >= 1) go();
      else video.addEventListener("loadedmetadata", go, { once: true });
      if (play) video.focus();
      return;
    }
    player.dataset.start = String(seconds);
    if (player.classList.contains("tebiki-video--active")) {
      if (play) activate(player);  // already loaded: restart the provider's player at the new time
      return;
    }
    var label = player.querySelector(".tebiki-video__label");
    if (label) label.textContent = labelFor(player);
    if (play) {
      player.querySelector(".tebiki-video__play").focus();
      say(player, fmt(T.cued, { time: clock(seconds), provider: player.dataset.provider }));
    }
  }

  function playerOf(recordingId) {
    return document.getElementById("player-" + recordingId);
  }

  // A link to a moment (an item's 「解説動画」 link) lands on the chapter list: bring the player itself
  // into view, cued and focused, so that one press plays it. The browser scrolls to the anchor on its
  // own as the page loads; scroll again once it has, or the player would be pushed off-screen.
  function bringIntoView(player) {
    if (!player) return;
    var show = function () {
      player.scrollIntoView({ block: "start" });
      var target = player.querySelector("video, .tebiki-video__play");
      if (target) target.focus({ preventScroll: true });
    };
    show();
    if (document.readyState !== "complete") window.addEventListener("load", show, { once: true });
  }

  function followHash() {
    var hash = decodeURIComponent(window.location.hash.slice(1));
    var t = /^t=(\d+)$/.exec(hash);
    var players = document.querySelectorAll("[data-player]");
    if (t && players.length === 1) {
      seek(players[0], Number(t[1]), false);
      return bringIntoView(players[0]);
    }
    var target = hash && document.getElementById(hash);
    if (target && target.dataset.recording && target.dataset.start) {
      var player = playerOf(target.dataset.recording);
      seek(player, Number(target.dataset.start), false);
      if (player && player.querySelector("video")) say(player, fmt(T.ready, { time: clock(Number(target.dataset.start)) }));
      bringIntoView(player);
    }
  }

  // Captions under the picture, not on it: the browser draws them over the slide (higher still while
  // its controls show, as on a phone), where they hid the headline. In full screen there is no room
  // below, so there the browser draws them again, in the slide's empty bottom band.
  function captionsBelow(video) {
    var element = video.querySelector("track[default]") || video.querySelector("track");
    if (!element) return;
    var track = element.track;
    var box = document.createElement("p");
    box.className = "tebiki-video__captions";
    box.setAttribute("aria-hidden", "true"); // the transcript below carries the same text for screen readers
    video.insertAdjacentElement("afterend", box);
    var on = true;
    var full = function () {
      var f = document.fullscreenElement || document.webkitFullscreenElement;
      return !!f && (f === video || f.contains(video));
    };
    var show = function () {
      box.textContent = "";
      if (!on || full()) return;
      Array.prototype.forEach.call(track.activeCues || [], function (cue, i) {
        if (i) box.appendChild(document.createElement("br"));
        box.appendChild(document.createTextNode(cue.text));
      });
    };
    var place = function () {
      if (on) track.mode = full() ? "showing" : "hidden";
      box.hidden = !on;
      show();
    };
    track.addEventListener("cuechange", show);
    // The browser's own captions menu turns them on or off: follow it.
    video.textTracks.addEventListener("change", function () {
      if (full()) return;
      if (track.mode === "showing") { on = true; track.mode = "hidden"; }
      else if (track.mode === "disabled") on = false;
      box.hidden = !on;
      show();
    });
    document.addEventListener("fullscreenchange", place);
    document.addEventListener("webkitfullscreenchange", place);
    place();
  }

  document.querySelectorAll("[data-player=youtube], [data-player=vimeo]").forEach(function (player) {
    var button = player.querySelector(".tebiki-video__play");
    button.hidden = false;
    button.addEventListener("click", function () { activate(player); });
  });
  document.querySelectorAll("[data-seek]").forEach(function (button) {
    var chapter = button.closest("[data-recording]");
    button.hidden = false;
    button.addEventListener("click", function () {
      seek(playerOf(chapter.dataset.recording), Number(button.dataset.seek), true);
    });
  });
  document.querySelectorAll("[data-player] video").forEach(captionsBelow);
  window.addEventListener("hashchange", followHash);
  followHash();
})();
