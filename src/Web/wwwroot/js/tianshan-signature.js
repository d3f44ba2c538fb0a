// Hand-drawn signatures on inspection records (signature_pad, vendored): one pad per canvas, drawn with a finger, stylus
// or mouse; exported as a PNG data URL that the server stores with the record.
window.tianshanSignature = {
  pads: {},

  init: function (canvasId) {
    const canvas = document.getElementById(canvasId);
    if (!canvas || typeof SignaturePad === "undefined") return false;
    // Size the drawing surface to the element and the screen's pixel ratio, so strokes are sharp on a phone.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    canvas.width = canvas.offsetWidth * ratio;
    canvas.height = canvas.offsetHeight * ratio;
    canvas.getContext("2d").scale(ratio, ratio);
    const old = this.pads[canvasId];
    if (old) old.off();
    this.pads[canvasId] = new SignaturePad(canvas, { backgroundColor: "rgb(255,255,255)", penColor: "rgb(0,0,0)" });
    return true;
  },

  clear: function (canvasId) {
    const pad = this.pads[canvasId];
    if (pad) pad.clear();
  },

  // null when nothing has been drawn: the server must not receive a blank signature.
  toPng: function (canvasId) {
    const pad = this.pads[canvasId];
    return pad && !pad.isEmpty() ? pad.toDataURL("image/png") : null;
  },
};
