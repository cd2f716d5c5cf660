/* acumat's page timer: counts down the minutes a guide suggests, chimes at the end, and puts
   the minutes done into the form that logs it. Without JavaScript the form still works: the
   timer stays hidden and the person types the minutes. The start time is kept in this tab's
   storage, so a reload carries on where it was. */
(function () {
  "use strict";

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function clock(seconds) {
    var s = Math.max(0, Math.round(seconds));
    return Math.floor(s / 60) + ":" + pad(s % 60);
  }

  function setUp(box) {
    var total = parseFloat(box.getAttribute("data-minutes")) * 60;
    var left = box.querySelector("[data-timer-left]");
    var status = box.querySelector("[data-timer-status]");
    var start = box.querySelector("[data-timer-start]");
    var stop = box.querySelector("[data-timer-stop]");
    var minutes = document.querySelector("[data-timer-minutes]");
    var key = "acumat-timer:" + window.location.pathname;
    var ticking = null;

    function done(seconds, words) {
      window.clearInterval(ticking);
      ticking = null;
      window.sessionStorage.removeItem(key);
      if (minutes && seconds >= 30) { minutes.value = Math.max(1, Math.round(seconds / 6) / 10); }
      status.textContent = words;
      start.hidden = false;
      stop.hidden = true;
    }

    function tick() {
      var began = parseInt(window.sessionStorage.getItem(key), 10);
      var gone = (Date.now() - began) / 1000;
      left.textContent = clock(total - gone);
      if (gone >= total) {
        window.acumatChime(2, 660);
        done(total, "Time is up. Finish gently, then log it below.");
      }
    }

    function run() {
      start.hidden = true;
      stop.hidden = false;
      status.textContent = "Started. You can leave this page open.";
      tick();
      ticking = window.setInterval(tick, 1000);
    }

    start.addEventListener("click", function () {
      window.sessionStorage.setItem(key, String(Date.now()));
      run();
    });
    stop.addEventListener("click", function () {
      var began = parseInt(window.sessionStorage.getItem(key), 10);
      var gone = (Date.now() - began) / 1000;
      done(gone, "Stopped after " + clock(gone) + ". Log it below if you like.");
    });

    box.hidden = false;
    if (window.sessionStorage.getItem(key)) { run(); }
  }

  document.querySelectorAll("[data-timer]").forEach(setUp);
}());
