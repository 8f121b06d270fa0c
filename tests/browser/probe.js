// In-page measurements for tests/test_browser.py, injected with page.add_script_tag: sideways
// overflow, and the visibility and contrast (WCAG 2.x ratios, from computed styles) of progress
// bars, charts and their labels. Defines window.gjProbe; report() returns plain JSON.
(() => {
  "use strict";
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const context = canvas.getContext("2d", { willReadFrequently: true });
  const MARKS = ".gj-actual, .gj-point, .gj-met, .gj-l1, .gj-l2, .gj-l3, .gj-l4, .gj-target, .gj-pace";
  const LABELS = ".gj-metric, .gj-legend, .gj-reason, .gj-status, .gj-caption, .gj-big, .gj-legend-list, .gj-rows, .gj-act__meta, .gj-chips, .gj-hint";
  const HTML_MARKS = ".gj-mark, .gj-dot"; // the bars and dots of the help pages, drawn with CSS

  /** A CSS colour as [r, g, b, a]: r, g, b in 0..255, a in 0..1; anything unpaintable is transparent. */
  function parse(color) {
    const rgb = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(color);
    if (rgb) {
      const alpha = rgb[4] === undefined ? 1 : parseFloat(rgb[4]) / (rgb[5] ? 100 : 1);
      return [+rgb[1], +rgb[2], +rgb[3], alpha];
    }
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = "rgba(0, 0, 0, 0)";
    context.fillStyle = color || "transparent";
    context.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  }

  /** `top` painted over the opaque colour `bottom`. */
  function over(top, bottom) {
    return [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  }

  /** The opaque colour behind an element: every ancestor's background painted over a white canvas. */
  function background(element) {
    const chain = [];
    for (let e = element; e && e.nodeType === 1; e = e.parentElement) chain.push(e);
    return chain.reverse().reduce((below, e) => over(parse(getComputedStyle(e).backgroundColor), below), [255, 255, 255, 1]);
  }

  /** WCAG relative luminance of an opaque colour. */
  function luminance(color) {
    const [r, g, b] = color.slice(0, 3).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }

  /** WCAG contrast ratio of two opaque colours, rounded down to two decimals. */
  function ratio(a, b) {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return Math.floor(((light + 0.05) / (dark + 0.05)) * 100) / 100;
  }

  /** A colour as #rrggbb, for messages. */
  function hex(color) {
    return "#" + color.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");
  }

  /** A short description of an element for messages: tag, classes and the start of its text. */
  function describe(element) {
    const classes = (element.getAttribute("class") || "").trim().split(/\s+/).filter(Boolean);
    const text = (element.textContent || "").trim().replace(/\s+/g, " ").slice(0, 60);
    return element.tagName.toLowerCase() + classes.map((c) => "." + c).join("") + (text ? ` "${text}"` : "");
  }

  /** Whether an element takes up space and is neither hidden nor transparent. */
  function visible(element) {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  }

  /** Whether an ancestor clips the element sideways (a scrolling figure or table is fine on a phone). */
  function clipped(element) {
    for (let e = element.parentElement; e && e !== document.body; e = e.parentElement) {
      if (getComputedStyle(e).overflowX !== "visible") return true;
    }
    return false;
  }

  /** The page's width against the viewport's, and the visible elements that stick out to the right. */
  function overflow() {
    const width = document.documentElement.clientWidth; // innerWidth grows with the overflow on a phone
    const scrollWidth = document.documentElement.scrollWidth;
    const culprits = [];
    if (scrollWidth > width) {
      for (const element of document.body.querySelectorAll("*")) {
        const right = element.getBoundingClientRect().right;
        if (right > width + 0.5 && visible(element) && !clipped(element)) {
          culprits.push(`${describe(element)} ends at ${Math.round(right)}px`);
        }
      }
    }
    return { scrollWidth, width, culprits: culprits.slice(0, 8) };
  }

  /** Text contrast needed: 3:1 for large text (24px, or 18.66px bold), else 4.5:1. */
  function needed(sizePx, weight) {
    return sizePx >= 24 || (sizePx >= 18.66 && weight >= 700) ? 3 : 4.5;
  }

  /** The fill or stroke colour an SVG element is painted with, opacity included. */
  function paint(element, property) {
    const style = getComputedStyle(element);
    const color = parse(style[property]);
    color[3] *= parseFloat(style[property + "Opacity"] || "1") * parseFloat(style.opacity || "1");
    return color;
  }

  /** Every progress bar: visibility of track and fill, and fill contrast against track and surroundings. */
  function bars() {
    return [...document.querySelectorAll(".gj-bar")].map((track) => {
      const fill = track.querySelector(":scope > span");
      const trackColor = background(track);
      const around = background(track.parentElement);
      const fillColor = fill ? over(parse(getComputedStyle(fill).backgroundColor), trackColor) : trackColor;
      const box = fill ? fill.getBoundingClientRect() : { width: 0, height: 0 };
      return {
        label: track.getAttribute("aria-label") || describe(track),
        percent: parseFloat(track.getAttribute("aria-valuenow") || "0"),
        trackVisible: visible(track),
        fillVisible: Boolean(fill) && box.height > 0 && fill.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
        fillWidth: box.width,
        fillVsTrack: ratio(fillColor, trackColor),
        fillVsAround: ratio(fillColor, around),
        colors: `fill ${hex(fillColor)}, track ${hex(trackColor)}, around ${hex(around)}`,
      };
    });
  }

  /** How much bigger than its viewBox units an SVG is drawn. */
  function scale(svg) {
    const view = svg.viewBox && svg.viewBox.baseVal;
    const box = svg.getBoundingClientRect();
    return view && view.width && view.height ? Math.min(box.width / view.width, box.height / view.height) : 1;
  }

  /** Whether an SVG shape has no area to paint (a zero-height bar for an empty month). */
  function empty(shape) {
    if (shape.tagName !== "rect") return false;
    const box = shape.getBBox();
    return box.width === 0 || box.height === 0;
  }

  /** Every chart: visibility, contrast of its data marks (3:1) and text (4.5:1) on its background, text sizes. */
  function charts() {
    return [...document.querySelectorAll("svg.gj-chart")].map((svg) => {
      const behind = background(svg);
      const marks = new Map();
      for (const shape of svg.querySelectorAll(MARKS)) {
        if (empty(shape)) continue;
        const style = getComputedStyle(shape);
        const property = style.fill === "none" || shape.tagName === "line" ? "stroke" : "fill";
        const color = over(paint(shape, property), behind);
        const key = `${shape.getAttribute("class")} ${property} ${hex(color)}`;
        if (!marks.has(key)) marks.set(key, { what: `${describe(shape)} (${key})`, ratio: ratio(color, behind), need: 3 });
      }
      const texts = [...svg.querySelectorAll("text")].map((text) => {
        const style = getComputedStyle(text);
        const color = over(paint(text, "fill"), behind);
        const size = parseFloat(style.fontSize) * scale(svg);
        return {
          what: `${describe(text)} (${hex(color)} on ${hex(behind)}, ${size.toFixed(1)}px)`,
          ratio: ratio(color, behind),
          need: needed(size, parseInt(style.fontWeight, 10)),
          size,
        };
      });
      const box = svg.getBoundingClientRect();
      const width = document.documentElement.clientWidth;
      const now = svg.querySelector(".gj-now");
      const nowBox = now ? now.getBoundingClientRect() : null;
      return {
        label: (svg.querySelector("title") || svg).textContent.trim(),
        visible: visible(svg),
        fits: box.left >= -0.5 && box.right <= width + 0.5,
        todayInView: nowBox ? nowBox.left >= -0.5 && nowBox.right <= width + 0.5 : null,
        marks: [...marks.values()],
        texts,
      };
    });
  }

  /** Text contrast of every piece of text in the labels around bars and charts (metric heads, legends). */
  function labels() {
    const found = [];
    for (const root of document.querySelectorAll(LABELS)) {
      for (const element of [root, ...root.querySelectorAll("*")]) {
        const own = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
        if (!own || !visible(element)) continue;
        const style = getComputedStyle(element);
        const behind = background(element);
        const color = over(parse(style.color), behind);
        found.push({
          what: `${describe(element)} (${hex(color)} on ${hex(behind)})`,
          ratio: ratio(color, behind),
          need: needed(parseFloat(style.fontSize), parseInt(style.fontWeight, 10)),
        });
      }
    }
    return found;
  }

  /** The lowest contrast of the chart marks' colours against the page, for each primary colour of
   * Material's palette (set on the body as Material does), so a theme that follows it stays legible. */
  function primaries(names) {
    const body = document.body;
    const original = body.getAttribute("data-md-color-primary");
    const results = [];
    for (const name of names) {
      body.setAttribute("data-md-color-primary", name);
      for (const shape of document.querySelectorAll(".gj-chart .gj-actual, .gj-chart .gj-l1, .gj-chart .gj-l2, .gj-chart .gj-l3, .gj-chart .gj-l4, .gj-chart .gj-met, .gj-bar > span")) {
        const behind = background(shape.closest("svg") || shape.parentElement);
        const style = getComputedStyle(shape);
        const property = shape.tagName === "SPAN" ? "backgroundColor" : style.fill === "none" ? "stroke" : "fill";
        const color = over(parse(style[property]), behind);
        results.push({ what: `${name}: ${describe(shape)} ${hex(color)} on ${hex(behind)}`, ratio: ratio(color, behind), need: 3 });
      }
    }
    body.setAttribute("data-md-color-primary", original);
    return results;
  }

  /** Contrast (3:1) of each CSS-drawn mark of the help pages against what is behind it, once per colour. */
  function htmlMarks() {
    const found = new Map();
    for (const mark of document.querySelectorAll(HTML_MARKS)) {
      if (!visible(mark)) continue;
      const behind = background(mark.parentElement);
      const color = over(parse(getComputedStyle(mark).backgroundColor), behind);
      const key = `${mark.getAttribute("class")} ${hex(color)} on ${hex(behind)}`;
      if (!found.has(key)) found.set(key, { what: `${describe(mark)} (${key})`, ratio: ratio(color, behind), need: 3 });
    }
    return [...found.values()];
  }

  /** The page title (the article's h1): its text contrast and weight. */
  function heading() {
    const h1 = document.querySelector("article h1");
    if (!h1) return null;
    const style = getComputedStyle(h1);
    const color = over(parse(style.color), background(h1));
    return { what: describe(h1), ratio: ratio(color, background(h1)), weight: parseInt(style.fontWeight, 10) };
  }

  window.gjProbe = {
    primaries,
    report: () => ({
      scheme: document.body.getAttribute("data-md-color-scheme"),
      overflow: overflow(),
      bars: bars(),
      charts: charts(),
      labels: labels(),
      marks: htmlMarks(),
      heading: heading(),
    }),
  };
})();
