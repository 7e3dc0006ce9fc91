/**
 * What an uploaded SVG may contain: elements and attributes by namespace and local name. Anything
 * else is refused (src/core/svgCheck.ts). The lists hold drawing markup only: nothing that runs
 * script, loads another document or embeds one.
 */

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const XLINK_NS = 'http://www.w3.org/1999/xlink';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** SVG elements that draw, group, paint, filter, describe or animate (animation is checked further). */
export const SVG_ELEMENTS: ReadonlySet<string> = new Set([
  'a', 'circle', 'clipPath', 'defs', 'desc', 'ellipse', 'filter', 'g', 'image', 'line', 'linearGradient', 'marker',
  'mask', 'metadata', 'path', 'pattern', 'polygon', 'polyline', 'radialGradient', 'rect', 'stop', 'style', 'svg',
  'switch', 'symbol', 'text', 'textPath', 'title', 'tspan', 'use', 'view',
  'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix', 'feDiffuseLighting',
  'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR',
  'feGaussianBlur', 'feImage', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset', 'fePointLight',
  'feSpecularLighting', 'feSpotLight', 'feTile', 'feTurbulence',
  'animate', 'animateMotion', 'animateTransform', 'set', 'mpath',
]);

/** The animation elements: what they animate (`attributeName`) is checked. */
export const ANIMATION_ELEMENTS: ReadonlySet<string> = new Set(['animate', 'animateMotion', 'animateTransform', 'set']);

/** Attributes without a namespace that SVG elements may carry (besides `aria-*` and `data-*`). */
export const SVG_ATTRIBUTES: ReadonlySet<string> = new Set([
  // core, styling, accessibility, conditional processing
  'id', 'class', 'style', 'lang', 'tabindex', 'role', 'focusable', 'requiredFeatures', 'requiredExtensions',
  'systemLanguage', 'externalResourcesRequired',
  // links and references (their values are checked as URLs)
  'href', 'target', 'hreflang', 'rel', 'referrerpolicy',
  // geometry and the viewport
  'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'fr', 'dx', 'dy', 'width', 'height', 'd',
  'points', 'pathLength', 'viewBox', 'preserveAspectRatio', 'version', 'baseProfile', 'zoomAndPan', 'transform',
  'transform-origin', 'transform-box', 'viewTarget', 'contentStyleType',
  // gradients, patterns, clips, masks, markers
  'gradientUnits', 'gradientTransform', 'spreadMethod', 'offset', 'patternUnits', 'patternContentUnits',
  'patternTransform', 'clipPathUnits', 'maskUnits', 'maskContentUnits', 'mask-type', 'markerUnits', 'markerWidth',
  'markerHeight', 'refX', 'refY', 'orient',
  // filters
  'filterUnits', 'primitiveUnits', 'filterRes', 'in', 'in2', 'result', 'stdDeviation', 'mode', 'type', 'values',
  'tableValues', 'slope', 'intercept', 'amplitude', 'exponent', 'operator', 'k1', 'k2', 'k3', 'k4', 'kernelMatrix',
  'order', 'divisor', 'bias', 'targetX', 'targetY', 'edgeMode', 'preserveAlpha', 'surfaceScale', 'diffuseConstant',
  'specularConstant', 'specularExponent', 'kernelUnitLength', 'azimuth', 'elevation', 'z', 'pointsAtX',
  'pointsAtY', 'pointsAtZ', 'limitingConeAngle', 'scale', 'xChannelSelector', 'yChannelSelector', 'baseFrequency',
  'numOctaves', 'seed', 'stitchTiles', 'radius', 'crossorigin',
  // text
  'textLength', 'lengthAdjust', 'rotate', 'startOffset', 'method', 'spacing', 'side', 'path', 'media',
  // presentation attributes
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin',
  'stroke-miterlimit', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-opacity', 'opacity', 'visibility',
  'display', 'overflow', 'clip', 'clip-path', 'clip-rule', 'mask', 'filter', 'color', 'color-interpolation',
  'color-interpolation-filters', 'color-rendering', 'shape-rendering', 'text-rendering', 'image-rendering',
  'marker', 'marker-start', 'marker-mid', 'marker-end', 'paint-order', 'vector-effect', 'mix-blend-mode',
  'isolation', 'pointer-events', 'cursor', 'enable-background', 'stop-color', 'stop-opacity', 'flood-color',
  'flood-opacity', 'lighting-color', 'font-family', 'font-size', 'font-size-adjust', 'font-stretch', 'font-style',
  'font-variant', 'font-weight', 'letter-spacing', 'word-spacing', 'text-anchor', 'text-decoration',
  'dominant-baseline', 'alignment-baseline', 'baseline-shift', 'writing-mode', 'direction', 'unicode-bidi',
  'glyph-orientation-horizontal', 'glyph-orientation-vertical', 'kerning', 'white-space',
  // animation timing and values
  'attributeName', 'attributeType', 'begin', 'dur', 'end', 'min', 'max', 'restart', 'repeatCount', 'repeatDur',
  'calcMode', 'keyTimes', 'keySplines', 'keyPoints', 'from', 'to', 'by', 'additive', 'accumulate', 'origin',
]);

/** Attributes an animation may not change: references, styling and the animation's own wiring. */
export const NOT_ANIMATABLE: ReadonlySet<string> = new Set(['href', 'style', 'id', 'class', 'attributeName', 'attributeType', 'begin', 'end', 'target', 'type', 'crossorigin']);

/** XLink attributes SVG still reads (`href`, checked as a URL) or ignores. */
export const XLINK_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'title', 'type', 'role', 'arcrole', 'show', 'actuate']);

/** `xml:` attributes that only say how to read text (`xml:base` would change where links point). */
export const XML_ATTRIBUTES: ReadonlySet<string> = new Set(['space', 'lang']);

/**
 * Namespaces that drawing programs use for their own metadata (Inkscape, Sodipodi, RDF and Dublin Core,
 * Creative Commons, Illustrator, Sketch, Affinity). A browser gives their elements and attributes no
 * behaviour; the SVG elements nested inside them are still checked.
 */
export const METADATA_NAMESPACES: ReadonlySet<string> = new Set([
  'http://www.inkscape.org/namespaces/inkscape',
  'http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd',
  'http://inkscape.sourceforge.net/DTD/sodipodi-0.dtd',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  'http://purl.org/dc/elements/1.1/',
  'http://purl.org/dc/terms/',
  'http://creativecommons.org/ns#',
  'http://web.resource.org/cc/',
  'http://ns.adobe.com/AdobeIllustrator/10.0/',
  'http://ns.adobe.com/AdobeSVGViewerExtensions/3.0/',
  'http://ns.adobe.com/Extensibility/1.0/',
  'http://ns.adobe.com/Flows/1.0/',
  'http://ns.adobe.com/GenericCustomNamespace/1.0/',
  'http://ns.adobe.com/Graphs/1.0/',
  'http://ns.adobe.com/ImageReplacement/1.0/',
  'http://ns.adobe.com/SaveForWeb/1.0/',
  'http://ns.adobe.com/Variables/1.0/',
  'http://ns.adobe.com/XPath/1.0/',
  'http://ns.adobe.com/xap/1.0/',
  'http://ns.adobe.com/xap/1.0/mm/',
  'http://ns.adobe.com/xap/1.0/sType/ResourceRef#',
  'http://ns.adobe.com/pdf/1.3/',
  'http://ns.adobe.com/photoshop/1.0/',
  'http://www.bohemiancoding.com/sketch/ns',
  'http://www.serif.com/',
]);

/** Schemes an `<a>` may link to; every other reference must point at an `#id` in the same file. */
export const LINK_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto', 'tel']);
