/* The guided mat session page: a live countdown worked out from the start the server keeps
   (so a reload or a locked phone loses nothing), one halfway note, a soft chime at the end
   that the person can turn off, and a screen that stays awake where the browser allows it.
   Without this file the page still shows when the time is up, and its forms work. */
(function () {
  "use strict";

  var box = document.querySelector("[data-session]");
  if (!box) { return; }
  var starts = Date.parse(box.getAttribute("data-starts"));
  var ends = Date.parse(box.getAttribute("data-ends"));
  var left = box.querySelector("[data-session-left]");
  var cue = box.querySelector("[data-session-cue]");
  var awake = box.querySelector("[data-session-awake]");
  var chimeBox = box.querySelector("[data-session-chime-box]");
  var chimeOn = box.querySelector("[data-session-chime]");
  var finished = document.querySelector("[data-session-finished]");
  var KEY = "acumat-session-chime";
  var saidHalf = false;
  var saidEnd = false;
  var lock = null;
  var overAtLoad = false;

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function clock(ms) {
    var s = Math.max(0, Math.round(ms / 1000));
    return Math.floor(s / 60) + ":" + pad(s % 60) + " left";
  }

  function chime() {
    if (chimeOn.checked) { window.acumatChime(3, 523); }
  }

  function keepAwake() {
    if (!("wakeLock" in navigator)) {
      awake.textContent = "This browser cannot keep the screen on here; that is fine, the time is kept by acumat.";
      awake.hidden = false;
      return;
    }
    navigator.wakeLock.request("screen").then(function (sentinel) {
      lock = sentinel;
      awake.textContent = "The screen stays on until the time is up.";
      awake.hidden = false;
    }).catch(function () {
      awake.textContent = "The screen may turn off; that is fine, the time is kept by acumat.";
      awake.hidden = false;
    });
  }

  function tick() {
    var now = Date.now();
    left.textContent = clock(ends - now);
    if (!saidHalf && now >= starts + (ends - starts) / 2 && now < ends) {
      saidHalf = true;
      cue.textContent = cue.getAttribute("data-halfway");
    }
    if (!saidEnd && now >= ends) {
      saidEnd = true;
      cue.textContent = cue.getAttribute("data-end");
      box.classList.add("time-up");
      if (finished) { finished.checked = true; }
      if (lock) { lock.release(); lock = null; }
      if (!overAtLoad) { chime(); }
    }
  }

  chimeOn.checked = window.localStorage.getItem(KEY) !== "off";
  chimeOn.addEventListener("change", function () {
    window.localStorage.setItem(KEY, chimeOn.checked ? "on" : "off");
  });
  chimeBox.hidden = false;
  left.hidden = false;
  overAtLoad = Date.now() >= ends;  /* a reload after the end: no second chime */
  tick();
  window.setInterval(tick, 1000);
  if (Date.now() < ends) { keepAwake(); }
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") {
      tick();
      if (!lock && Date.now() < ends) { keepAwake(); }
    }
  });
}());
