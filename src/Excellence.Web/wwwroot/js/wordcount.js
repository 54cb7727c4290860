// 字数 as the word processor counts it; mirrors Domain/WordCount.cs exactly (the server decides,
// this only keeps the live counter honest). Works in the browser and under node (module.exports).
(function (root) {
  "use strict";
  function isLatinOrDigit(cp) {
    return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0xc0 && cp <= 0x24f);
  }
  function isCjk(cp) {
    return (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x2ffff);
  }
  function isFullWidthPunctuation(cp) {
    return (cp >= 0x3001 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef) ||
      cp === 0x2018 || cp === 0x2019 || cp === 0x201c || cp === 0x201d || cp === 0x2026 || cp === 0x2014 || cp === 0xb7;
  }
  function isConnector(cp) { return cp === 0x2e || cp === 0x5f || cp === 0x27 || cp === 0x2d || cp === 0x2f; }

  function count(text) {
    if (!text) return 0;
    var n = 0, inRun = false, i = 0;
    while (i < text.length) {
      var c = text.charCodeAt(i), cp = c;
      // A surrogate pair is one code point, as in the C# (a lone surrogate counts as itself).
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        var d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000; i++; }
      }
      if (isLatinOrDigit(cp)) {
        if (!inRun) n++;
        inRun = true;
        i++;
        continue;
      }
      // An inner connector keeps a run going only when a letter or digit follows (the next UTF-16 unit, as the C# looks).
      if (inRun && isConnector(cp) && i + 1 < text.length && isLatinOrDigit(text.charCodeAt(i + 1))) { i++; continue; }
      inRun = false;
      if (isCjk(cp) || isFullWidthPunctuation(cp)) n++;
      i++;
    }
    return n;
  }

  if (typeof module !== "undefined" && module.exports) module.exports = { count: count };
  else root.WordCount = { count: count };
})(this);
