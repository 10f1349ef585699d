// Seminar players. Hosted videos (YouTube, Vimeo) sit behind a facade: nothing is
// requested from the provider until the visitor presses play, and only then is the
// privacy-enhanced iframe created. Chapter buttons and links (#chapter-<rec>-<n>,
// or #t=<seconds> on a page with one player) start a recording at the right time.
(function () {
  "use strict";
  // Interface strings in the site's language (assets/i18n.js, written by the build).
  var t = window.tebikiT || function (msgid) { return msgid; };

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
    var values = { title: player.dataset.title, provider: player.dataset.provider, start: clock(start) };
    return start > 0 ? t("Play “%(title)s” from %(start)s (%(provider)s)", values) : t("Play “%(title)s” (%(provider)s)", values);
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
    say(player, t("The %(provider)s video is loaded.", { provider: player.dataset.provider }));
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
      say(player, t("Plays from %(start)s. Pressing play loads it from %(provider)s.", { start: clock(seconds), provider: player.dataset.provider }));
    }
  }

  function playerOf(recordingId) {
    return document.getElementById("player-" + recordingId);
  }

  function followHash() {
    var hash = decodeURIComponent(window.location.hash.slice(1));
    var t = /^t=(\d+)$/.exec(hash);
    var players = document.querySelectorAll("[data-player]");
    if (t && players.length === 1) return seek(players[0], Number(t[1]), false);
    var target = hash && document.getElementById(hash);
    if (target && target.dataset.recording && target.dataset.start) {
      seek(playerOf(target.dataset.recording), Number(target.dataset.start), false);
    }
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
  window.addEventListener("hashchange", followHash);
  followHash();
})();
