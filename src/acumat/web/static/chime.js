/* A soft chime made in the browser (no sound file): `beeps` short tones at `pitch` Hz.
   Shared by the care timer and the mat session page; silent where audio is not allowed,
   since the words on screen always say the same. */
window.acumatChime = function (beeps, pitch) {
  "use strict";
  var Context = window.AudioContext || window.webkitAudioContext;
  if (!Context) { return; }
  try {
    var audio = new Context();
    for (var i = 0; i < beeps; i += 1) {
      var start = audio.currentTime + i * 0.4;
      var tone = audio.createOscillator();
      var volume = audio.createGain();
      tone.frequency.value = pitch;
      volume.gain.setValueAtTime(0.12, start);
      volume.gain.exponentialRampToValueAtTime(0.001, start + 0.35);
      tone.connect(volume);
      volume.connect(audio.destination);
      tone.start(start);
      tone.stop(start + 0.35);
    }
  } catch (ignored) { /* no sound: the words on screen still say it */ }
};
