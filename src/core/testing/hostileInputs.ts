/**
 * Hostile HTML for the sanitiser, the body codec and the editor. Every payload, if it ran, would call
 * `alert(…)` or set `window.__pwned = true`; tests assert that neither happens and that what was removed
 * is reported.
 *
 * Names start with a category (`script:`, `handler:`, `svg:`, `math:`, `scheme:`, `iframe:`, `object:`,
 * `css:`, `mxss:`, `comment:`, `isomer:`, `layout:`), so a failure says what kind of trick got through.
 */
export interface HostileInput {
  name: string;
  html: string;
  /**
   * Set on the few inputs that look hostile but are harmless as written (a browser reads them as a
   * relative address), so the sanitiser has nothing to remove. Every other input must report a removal.
   */
  nothingToRemove?: true;
  /**
   * Set on iframes from a host off the allowlist that carry no script: a page that already publishes one
   * keeps it in a locked block (reported), while new markup (paste, edits) still loses it.
   */
  keptAsPublished?: true;
}

const IMG = '<img style="width: 100%" height="auto" width="100%"';

export const hostileInputs: HostileInput[] = [
  // ── <script> in every form ────────────────────────────────────────────────────────────────────────
  { name: 'script: inline', html: '<script>alert(1)</script>' },
  { name: 'script: upper case tag', html: '<SCRIPT>window.__pwned = true</SCRIPT>' },
  { name: 'script: inside a paragraph', html: '<p>Opening hours<script>alert(1)</script> are posted.</p>' },
  { name: 'script: src from a host not on the list', html: '<script src="https://evil.example/x.js"></script>' },
  { name: 'script: protocol-relative src', html: '<script src="//evil.example/pwn.js"></script>' },
  { name: 'script: src javascript:', html: '<script src="javascript:alert(1)"></script>' },
  { name: 'script: src data:', html: '<script src="data:text/javascript,window.__pwned=true"></script>' },
  { name: 'script: type module', html: '<script type="module">window.__pwned = true</script>' },
  { name: 'script: type application/javascript', html: '<script type="application/javascript">alert(1)</script>' },
  { name: 'script: language vbscript', html: '<script language="vbscript">alert(1)</script>' },
  { name: 'script: type text/plain (could be re-typed later)', html: '<script type="text/plain" id="later">alert(1)</script>' },
  { name: 'script: importmap', html: '<script type="importmap">{"imports":{"x":"data:text/javascript,window.__pwned=true"}}</script>' },
  { name: 'script: slash instead of space', html: '<script/xss src="https://evil.example/x.js"></script>' },
  { name: 'script: unclosed', html: '<p>Notice</p><script>alert(1)' },
  { name: 'script: unclosed end tag', html: '<p>Notice</p><script>window.__pwned = true</script' },
  { name: 'script: in svg', html: '<svg><script>alert(1)</script></svg>' },
  { name: 'script: in svg with href', html: '<svg><script href="data:text/javascript,alert(1)"></script></svg>' },
  { name: 'script: in svg with xlink:href', html: '<svg xmlns:xlink="http://www.w3.org/1999/xlink"><script xlink:href="https://evil.example/x.js"></script></svg>' },
  { name: 'script: in svg with the allowed embed src and an evil href', html: '<svg><script src="https://www.instagram.com/embed.js" href="https://evil.example/x.js"></script></svg>' },
  { name: 'script: in math', html: '<math><mi><script>alert(1)</script></mi></math>' },
  { name: 'script: in a table cell', html: '<table><tbody><tr><td><p>Fee</p><script>alert(1)</script></td></tr></tbody></table>' },
  { name: 'script: in template', html: '<template><script>alert(1)</script></template>' },
  { name: 'script: noscript breakout', html: '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>' },
  { name: 'script: noscript hiding a script', html: '<noscript></noscript><script>window.__pwned = true</script>' },
  { name: 'script: textarea breakout', html: '<textarea><img title="</textarea><img src=x onerror=alert(1)>"></textarea>' },
  { name: 'script: title breakout', html: '<title><img title="</title><img src=x onerror=alert(1)>"></title>' },
  { name: 'script: style breakout', html: '<style><img title="</style><img src=x onerror=alert(1)>"></style>' },
  { name: 'script: xmp breakout', html: '<xmp><p title="</xmp><img src=x onerror=window.__pwned=true>"></xmp>' },
  { name: 'script: noembed breakout', html: '<noembed><p title="</noembed><img src=x onerror=alert(1)>"></noembed>' },
  { name: 'script: noframes breakout', html: '<noframes><p title="</noframes><script>alert(1)</script>"></noframes>' },
  { name: 'script: iframe raw text breakout', html: '<iframe><p title="</iframe><img src=x onerror=alert(1)>"></iframe>' },
  { name: 'script: inline with the allowed embed src', html: '<script src="https://www.instagram.com/embed.js">alert(1)</script>' },
  { name: 'script: embed src with a query', html: '<script async src="https://www.instagram.com/embed.js?v=1&x=alert(1)"></script>' },
  { name: 'script: embed src on a lookalike host', html: '<script async src="https://www.instagram.com.evil.example/embed.js"></script>' },
  { name: 'script: embed src as a path on another host', html: '<script async src="https://evil.example/www.instagram.com/embed.js"></script>' },
  { name: 'script: embed src with user info', html: '<script async src="https://www.instagram.com@evil.example/embed.js"></script>' },
  { name: 'script: embed src upper case', html: '<script async src="HTTPS://EVIL.EXAMPLE/EMBED.JS"></script>' },

  // ── Event handlers ────────────────────────────────────────────────────────────────────────────────
  { name: 'handler: img onerror', html: '<img src="x" onerror="alert(1)">' },
  { name: 'handler: img onerror sets a flag', html: '<img src="x" onerror="window.__pwned = true">' },
  { name: 'handler: img onerror with slashes for spaces', html: '<img/src="x"/onerror=alert(1)>' },
  { name: 'handler: mixed-case onerror', html: '<img src=x OnErRoR=alert(1)>' },
  { name: 'handler: onerror with a newline before =', html: '<img src=x onerror\n=window.__pwned=true>' },
  { name: 'handler: img onload', html: '<img src="/images/logo.png" onload="alert(1)">' },
  { name: 'handler: body onload', html: '<body onload="alert(1)"><p>Hello</p></body>' },
  { name: 'handler: body onpageshow', html: '<body onpageshow="window.__pwned = true">' },
  { name: 'handler: body onload between blocks', html: '<p>Intro</p>\n<body onload="alert(1)">\n<p>More</p>' },
  { name: 'handler: html start tag with a handler', html: '<html onmouseover="window.__pwned = true"><p>Hi</p>' },
  { name: 'handler: stray end tags then body onload', html: '<p>Intro</p></div></div><body onload="alert(1)"><p>More</p>' },
  { name: 'handler: svg onload', html: '<svg onload="alert(1)"></svg>' },
  { name: 'handler: div onclick', html: '<div onclick="alert(1)">Click for the timetable</div>' },
  { name: 'handler: link onmouseover', html: '<p><a href="/events/" onmouseover="alert(1)">Events</a></p>' },
  { name: 'handler: input onfocus autofocus', html: '<input onfocus="alert(1)" autofocus>' },
  { name: 'handler: select onfocus autofocus', html: '<select onfocus="window.__pwned = true" autofocus><option>a</option></select>' },
  { name: 'handler: textarea onfocus autofocus', html: '<textarea onfocus="alert(1)" autofocus>x</textarea>' },
  { name: 'handler: contenteditable onfocus', html: '<p contenteditable onfocus="alert(1)" autofocus tabindex="0">Edit me</p>' },
  { name: 'handler: onanimationstart', html: '<style>@keyframes x{}</style><p style="animation-name:x" onanimationstart="alert(1)">Hi</p>' },
  { name: 'handler: ontransitionend', html: '<p style="transition:color 1s" ontransitionend="window.__pwned = true">Hi</p>' },
  { name: 'handler: svg animate onbegin', html: '<svg><animate onbegin="alert(1)" attributeName="x" dur="1s"></animate></svg>' },
  { name: 'handler: svg set onbegin', html: '<svg><set onbegin="window.__pwned = true" attributeName="x" to="1"></set></svg>' },
  { name: 'handler: details ontoggle', html: '<details open ontoggle="alert(1)"><summary>More</summary><p>Text</p></details>' },
  { name: 'handler: video source onerror', html: '<video><source onerror="alert(1)"></video>' },
  { name: 'handler: audio onerror', html: '<audio src="x" onerror="window.__pwned = true"></audio>' },
  { name: 'handler: marquee onstart', html: '<marquee onstart="alert(1)">News</marquee>' },
  { name: 'handler: form onsubmit', html: '<form onsubmit="alert(1)"><button>Send</button></form>' },
  { name: 'handler: button onclick', html: '<button onclick="window.__pwned = true">Open</button>' },
  { name: 'handler: unknown element onclick', html: '<x-card onclick="alert(1)">Card</x-card>' },
  { name: 'handler: heading onpointerenter', html: '<h2 onpointerenter="alert(1)">Facilities</h2>' },
  { name: 'handler: table onmouseover', html: '<table onmouseover="alert(1)"><tbody><tr><td><p>x</p></td></tr></tbody></table>' },
  { name: 'handler: style element onload', html: '<style onload="alert(1)">p{color:red}</style>' },
  { name: 'handler: svg g onclick', html: '<svg><g onclick="window.__pwned = true"><rect width="10" height="10"></rect></g></svg>' },
  { name: 'handler: math onclick', html: '<math onclick="alert(1)"><mi>x</mi></math>' },
  { name: 'handler: image input onerror', html: '<input type="image" src="x" onerror="alert(1)">' },
  { name: 'handler: img srcset onerror', html: '<img srcset="x 1x" onerror="alert(1)">' },
  { name: 'handler: onwheel on a list', html: '<ul onwheel="alert(1)"><li><p>One</p></li></ul>' },
  { name: 'handler: onfocusin on a link', html: '<a href="#top" onfocusin="window.__pwned = true" id="x">Top</a>' },

  // ── SVG tricks ────────────────────────────────────────────────────────────────────────────────────
  { name: 'svg: a xlink:href javascript', html: '<svg xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)"><text x="20" y="20">Click</text></a></svg>' },
  { name: 'svg: a href javascript', html: '<svg><a href="javascript:window.__pwned=true"><text x="20" y="20">Click</text></a></svg>' },
  { name: 'svg: animate href values', html: '<svg><a><animate attributeName="href" values="javascript:alert(1)"></animate><text x="20" y="20">Click</text></a></svg>' },
  { name: 'svg: animate xlink:href to', html: '<svg><a><animate attributeName="xlink:href" begin="0" to="javascript:alert(1)"></animate><text x="20" y="20">Click</text></a></svg>' },
  { name: 'svg: set href', html: '<svg><a><set attributeName="href" to="javascript:window.__pwned=true"></set><text x="20" y="20">Click</text></a></svg>' },
  { name: 'svg: set onmouseover', html: '<svg><rect width="50" height="50"><set attributeName="onmouseover" to="alert(1)"></set></rect></svg>' },
  { name: 'svg: use href data', html: '<svg><use href="data:image/svg+xml,&lt;svg id=\'x\' xmlns=\'http://www.w3.org/2000/svg\'&gt;&lt;image href=\'1\' onerror=\'alert(1)\' /&gt;&lt;/svg&gt;#x"></use></svg>' },
  { name: 'svg: use external href', html: '<svg><use xlink:href="https://evil.example/sprite.svg#x"></use></svg>' },
  { name: 'svg: foreignObject img', html: '<svg><foreignObject><img src="x" onerror="alert(1)"></foreignObject></svg>' },
  { name: 'svg: foreignObject iframe srcdoc', html: '<svg><foreignObject><iframe srcdoc="&lt;script&gt;parent.__pwned=true&lt;/script&gt;"></iframe></foreignObject></svg>' },
  { name: 'svg: image href javascript', html: '<svg><image href="javascript:alert(1)"></image></svg>' },
  { name: 'svg: feImage xlink:href', html: '<svg><filter><feImage xlink:href="javascript:alert(1)"></feImage></filter></svg>' },
  { name: 'svg: discard onbegin', html: '<svg><discard onbegin="alert(1)"></discard></svg>' },
  { name: 'svg: desc escape to html img', html: '<svg><desc><img src="x" onerror="window.__pwned = true"></desc></svg>' },
  { name: 'svg: style with img inside title', html: '<svg><title><style><img src="x" onerror="alert(1)"></style></title></svg>' },
  { name: 'svg: CDATA outside svg is a bogus comment', html: '<p><![CDATA[><img src=x onerror=alert(1)>]]></p>' },
  { name: 'svg: script href from an evil host', html: '<svg><script href="https://evil.example/x.js"></script></svg>' },
  { name: 'svg: data uri as img src', html: '<img src="data:image/svg+xml,&lt;svg xmlns=\'http://www.w3.org/2000/svg\' onload=\'alert(1)\'/&gt;">' },

  // ── MathML tricks ─────────────────────────────────────────────────────────────────────────────────
  { name: 'math: maction xlink:href', html: '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">Click<mtext>x</mtext></maction></math>' },
  { name: 'math: href on math', html: '<math href="javascript:alert(1)"><mi>CLICK</mi></math>' },
  { name: 'math: href on mi', html: '<math><mi href="javascript:window.__pwned=true">x</mi></math>' },
  { name: 'math: mglyph style namespace confusion', html: '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=alert(1)&gt;">' },
  { name: 'math: malignmark style namespace confusion', html: '<math><mtext><table><malignmark><style><!--</style><img title="--&gt;&lt;/malignmark&gt;&lt;img&Tab;src=1&Tab;onerror=alert(1)&gt;">' },
  { name: 'math: form nesting confusion', html: '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>' },
  { name: 'math: annotation-xml html', html: '<math><annotation-xml encoding="text/html"><img src="x" onerror="alert(1)"></annotation-xml></math>' },
  { name: 'math: style with img', html: '<math><style><img src="x" onerror="window.__pwned = true"></style></math>' },
  { name: 'math: mtext svg foreignObject', html: '<math><mtext><svg><foreignObject><img src="x" onerror="alert(1)"></foreignObject></svg></mtext></math>' },

  // ── Bad schemes, spelled every way ────────────────────────────────────────────────────────────────
  { name: 'scheme: href javascript', html: '<p><a href="javascript:alert(1)">Map</a></p>' },
  { name: 'scheme: href mixed case', html: '<p><a href="JaVaScRiPt:alert(1)">Map</a></p>' },
  { name: 'scheme: href leading spaces', html: '<p><a href="   javascript:window.__pwned=true">Map</a></p>' },
  { name: 'scheme: href tab inside scheme', html: '<p><a href="java\tscript:alert(1)">Map</a></p>' },
  { name: 'scheme: href newline inside scheme', html: '<p><a href="java\nscript:alert(1)">Map</a></p>' },
  { name: 'scheme: href carriage return inside scheme', html: '<p><a href="javas\rcript:window.__pwned=true">Map</a></p>' },
  { name: 'scheme: href leading control character \\u0001', html: '<p><a href="\u0001javascript:alert(1)">Map</a></p>' },
  { name: 'scheme: href leading control character \\u001f', html: '<p><a href="\u001fjavascript:alert(1)">Map</a></p>' },
  { name: 'scheme: href control characters \\u0000-\\u001f around', html: `<p><a href="${Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')}javascript:alert(1)">Map</a></p>` },
  { name: 'scheme: href NUL inside scheme', html: '<p><a href="java\u0000script:alert(1)">Map</a></p>' },
  { name: 'scheme: href decimal entity', html: '<p><a href="&#106;avascript:alert(1)">Map</a></p>' },
  { name: 'scheme: href hex entity', html: '<p><a href="&#x6A;avascript:alert(1)">Map</a></p>' },
  { name: 'scheme: href entities without semicolons', html: '<p><a href="&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58window.__pwned=true">Map</a></p>' },
  { name: 'scheme: href zero-padded entities', html: '<p><a href="&#0000106&#0000097vascript:alert(1)">Map</a></p>' },
  { name: 'scheme: href &colon;', html: '<p><a href="javascript&colon;alert(1)">Map</a></p>' },
  { name: 'scheme: href &Tab; inside scheme', html: '<p><a href="java&Tab;script:alert(1)">Map</a></p>' },
  { name: 'scheme: href &NewLine; inside scheme', html: '<p><a href="java&NewLine;script:alert(1)">Map</a></p>' },
  { name: 'scheme: href &#x09; inside scheme', html: '<p><a href="jav&#x09;ascript:alert(1)">Map</a></p>' },
  { name: 'scheme: href entity control character first', html: '<p><a href=" &#14; javascript:alert(1)">Map</a></p>' },
  { name: 'scheme: href out-of-range entity', html: '<p><a href="&amp;#99999999;javascript:alert(1)">Map</a></p>' },
  { name: 'scheme: href double-encoded entity', html: '<p><a href="&amp;#106;avascript:alert(1)">Map</a></p>' },
  { name: 'scheme: href javascript with comment and newline', html: '<p><a href="javascript://%0aalert(1)">Map</a></p>' },
  { name: 'scheme: href URL-encoded scheme is relative', html: '<p><a href="%6Aavascript:alert(1)">Map</a></p>', nothingToRemove: true },
  { name: 'scheme: href vbscript', html: '<p><a href="vbscript:msgbox(1)">Map</a></p>' },
  { name: 'scheme: href VBScript mixed case', html: '<p><a href="VbScRiPt:alert(1)">Map</a></p>' },
  { name: 'scheme: href data text/html', html: '<p><a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">Map</a></p>' },
  { name: 'scheme: href data text/html base64', html: '<p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">Map</a></p>' },
  { name: 'scheme: href data image/svg+xml', html: '<p><a href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">Map</a></p>' },
  { name: 'scheme: img src javascript', html: '<img src="javascript:alert(1)">' },
  { name: 'scheme: img src data svg', html: '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">' },
  { name: 'scheme: img srcset javascript', html: '<img src="/a.png" srcset="javascript:alert(1) 1x">' },
  { name: 'scheme: img srcset second candidate', html: '<img src="/a.png" srcset="/a.png 1x, javascript:window.__pwned=true 2x">' },
  { name: 'scheme: picture source srcset', html: '<picture><source srcset="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"><img src="/a.png"></picture>' },
  { name: 'scheme: form action', html: '<form action="javascript:alert(1)"><button>Send</button></form>' },
  { name: 'scheme: button formaction', html: '<form><button formaction="javascript:window.__pwned=true">Send</button></form>' },
  { name: 'scheme: submit input formaction', html: '<form><input type="submit" formaction="JaVaScRiPt:alert(1)" value="Send"></form>' },
  { name: 'scheme: isindex action', html: '<isindex action="javascript:alert(1)" type="image">' },
  { name: 'scheme: video poster', html: '<video poster="javascript:alert(1)" src="/clip.mp4"></video>' },
  { name: 'scheme: table background', html: '<table background="javascript:alert(1)"><tbody><tr><td><p>x</p></td></tr></tbody></table>' },
  { name: 'scheme: area href', html: '<map name="m"><area shape="rect" coords="0,0,10,10" href="javascript:alert(1)"></map>' },
  { name: 'scheme: blockquote cite', html: '<blockquote cite="javascript:alert(1)"><p>Quote</p></blockquote>' },
  { name: 'scheme: a ping', html: '<p><a href="/x" ping="javascript:alert(1)">x</a></p>' },
  { name: 'scheme: data attribute of object', html: '<object data="javascript:alert(1)"></object>' },
  { name: 'scheme: base href', html: '<base href="javascript:alert(1)//"><p><a href="x">x</a></p>' },

  // ── iframes ───────────────────────────────────────────────────────────────────────────────────────
  { name: 'iframe: host not on the list', html: '<iframe src="https://evil.example/"></iframe>', keptAsPublished: true },
  { name: 'iframe: srcdoc', html: '<iframe srcdoc="&lt;script&gt;parent.alert(1)&lt;/script&gt;"></iframe>' },
  { name: 'iframe: allowed host plus srcdoc', html: '<iframe src="https://www.youtube.com/embed/aBcD3fGh1jK" srcdoc="&lt;img src=x onerror=parent.__pwned=true&gt;"></iframe>' },
  { name: 'iframe: allowed host plus onload', html: '<iframe src="https://www.youtube.com/embed/aBcD3fGh1jK" onload="alert(1)"></iframe>' },
  { name: 'iframe: src javascript', html: '<iframe src="javascript:alert(1)"></iframe>' },
  { name: 'iframe: src data text/html', html: '<iframe src="data:text/html,&lt;script&gt;parent.alert(1)&lt;/script&gt;"></iframe>' },
  { name: 'iframe: protocol-relative evil host', html: '<iframe src="//evil.example/"></iframe>' },
  { name: 'iframe: lookalike host', html: '<iframe src="https://www.youtube.com.evil.example/embed/x"></iframe>', keptAsPublished: true },
  { name: 'iframe: allowed host in the query', html: '<iframe src="https://evil.example/?u=https://www.youtube.com/embed/x"></iframe>', keptAsPublished: true },
  { name: 'iframe: allowed host as user info', html: '<iframe src="https://www.youtube.com@evil.example/embed/x"></iframe>' },
  { name: 'iframe: allowed host with backslash', html: '<iframe src="https://evil.example\\@www.youtube.com/embed/x"></iframe>' },
  { name: 'iframe: http to an evil host', html: '<iframe src="http://evil.example/"></iframe>' },
  { name: 'iframe: off the list with onload', html: '<iframe src="https://docs.google.com/forms/d/e/x/viewform" onload="parent.__pwned=true"></iframe>' },
  { name: 'iframe: off the list with srcdoc', html: '<iframe src="https://docs.google.com/forms/d/e/x/viewform" srcdoc="&lt;script&gt;parent.__pwned=true&lt;/script&gt;"></iframe>' },
  { name: 'iframe: off the list with a javascript style', html: '<iframe src="https://app.powerbi.com/view?r=x" style="background:url(javascript:alert(1))"></iframe>' },
  { name: 'iframe: off the list in a wrapper with onmouseover', html: '<div class="iframe-wrapper"><iframe src="https://app.powerbi.com/view?r=x" onmouseover="alert(1)"></iframe></div>' },
  { name: 'iframe: off the list beside a script', html: '<section><iframe src="https://docs.google.com/forms/d/e/x/viewform"></iframe><script>alert(1)</script></section>' },
  { name: 'iframe: embed wrapper holding an allowed iframe and a script', html: '<div class="iframe-wrapper"><iframe src="https://player.vimeo.com/video/1"></iframe><script>alert(1)</script></div>' },

  // ── object, embed, applet, base, meta, link ───────────────────────────────────────────────────────
  { name: 'object: object from an evil host', html: '<object data="https://evil.example/x.swf" type="application/x-shockwave-flash"></object>' },
  { name: 'object: object data text/html', html: '<object data="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"></object>' },
  { name: 'object: embed javascript', html: '<embed src="javascript:alert(1)">' },
  { name: 'object: embed svg data', html: '<embed src="data:image/svg+xml,&lt;svg onload=alert(1) xmlns=\'http://www.w3.org/2000/svg\'/&gt;" type="image/svg+xml">' },
  { name: 'object: applet', html: '<applet code="X.class" codebase="javascript:alert(1)"></applet>' },
  { name: 'object: base to an evil host', html: '<base href="https://evil.example/"><p><a href="page">Page</a></p>' },
  { name: 'object: meta refresh javascript', html: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">' },
  { name: 'object: meta refresh data', html: '<meta http-equiv="refresh" content="0;url=data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">' },
  { name: 'object: link rel import', html: '<link rel="import" href="https://evil.example/x.html">' },
  { name: 'object: link stylesheet javascript', html: '<link rel="stylesheet" href="javascript:alert(1)">' },
  { name: 'object: portal', html: '<portal src="https://evil.example/"></portal>' },

  // ── CSS ───────────────────────────────────────────────────────────────────────────────────────────
  { name: 'css: style url javascript', html: '<div style="background:url(javascript:alert(1))">x</div>' },
  { name: 'css: style url quoted javascript', html: '<div style="background:url(&quot;javascript:window.__pwned=true&quot;)">x</div>' },
  { name: 'css: style expression', html: '<div style="width: expression(alert(1))">x</div>' },
  { name: 'css: style expression split by a comment', html: '<div style="width: ex/**/pression(alert(1))">x</div>' },
  { name: 'css: style -moz-binding', html: '<div style="-moz-binding:url(https://evil.example/xss.xml#xss)">x</div>' },
  { name: 'css: style behavior', html: '<div style="behavior: url(xss.htc)">x</div>' },
  { name: 'css: style escapes spelling javascript', html: '<div style="background:url(\\6a avascript:alert(1))">x</div>' },
  { name: 'css: style escapes spelling url', html: '<div style="background:\\75 rl(javascript:alert(1))">x</div>' },
  { name: 'css: style out-of-range escape', html: '<p style="background:url(\\ffffff javascript:alert(1))">x</p>' },
  { name: 'css: style url vbscript', html: '<p style="list-style-image:url(vbscript:alert(1))">x</p>' },
  { name: 'css: style url data text/html', html: '<p style="background-image:url(data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;)">x</p>' },
  { name: 'css: @import in style', html: "<style>@import 'https://evil.example/x.css';</style>" },
  { name: 'css: escaped @import in style', html: "<style>@\\69mport 'https://evil.example/x.css';</style>" },
  { name: 'css: url javascript in style element', html: '<style>body{background:url("javascript:alert(1)")}</style>' },
  { name: 'css: expression in style element', html: '<style>p{width:expression(window.__pwned=true)}</style>' },
  { name: 'css: escaped expression in style element', html: '<style>p{width:e\\78pression(alert(1))}</style>' },
  { name: 'css: -moz-binding in style element', html: '<style>p{-moz-binding:url("https://evil.example/x.xml#x")}</style>' },

  // ── Broken nesting, mutation XSS ──────────────────────────────────────────────────────────────────
  { name: 'mxss: svg p style', html: '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">' },
  { name: 'mxss: svg p style sets a flag', html: '<svg></p><style><a id="</style><img src=1 onerror=window.__pwned=true>">' },
  { name: 'mxss: noscript style', html: '<noscript><style></noscript><img src=x onerror=alert(1)>' },
  { name: 'mxss: math mtext table mglyph', html: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>' },
  { name: 'mxss: select template style', html: '<select><template><style><!--</style><a rel="--></style></template></select><img src=x onerror=alert(1)>">' },
  { name: 'mxss: table foster-parenting', html: '<table><tr><td>a</td><img src=x onerror=alert(1)></tr></table>' },
  { name: 'mxss: nested forms', html: '<form><form><img src=x onerror=alert(1)></form></form>' },
  { name: 'mxss: unclosed formatting', html: '<p><b><i>Notice</p><img src=x onerror=window.__pwned=true></b>' },
  { name: 'mxss: attribute closing a comment', html: '<p title="--><img src=x onerror=alert(1)>">x</p>' },
  { name: 'mxss: attribute closing a style', html: '<p title="</style><img src=x onerror=alert(1)>">x</p>' },
  { name: 'mxss: svg style img', html: '<svg><style><img src=x onerror=alert(1)></style></svg>' },
  { name: 'mxss: keygen in select', html: '<select><keygen autofocus onfocus=alert(1)></select>' },
  { name: 'mxss: svg in a link in a table', html: '<table><tr><td><a href="javascript:alert(1)"><svg><p><img src=x onerror=alert(1)></svg></a></td></tr></table>' },

  // ── Comments hiding markup ────────────────────────────────────────────────────────────────────────
  { name: 'comment: abrupt comment end', html: '<!--><img src=x onerror=alert(1)>-->' },
  { name: 'comment: short comment end', html: '<!---><img src=x onerror=window.__pwned=true>-->' },
  { name: 'comment: comment inside attribute', html: '<!--<img src="--><img src=x onerror=alert(1)//">' },
  { name: 'comment: bang-close', html: '<!-- x --!><img src=x onerror=alert(1)>' },
  { name: 'comment: processing instruction', html: '<?xml x="><img src=x onerror=alert(1)>"?>' },
  { name: 'comment: conditional comment', html: '<!--[if gte IE 4]><script>alert(1)</script><![endif]-->' },
  { name: 'comment: comment holding markup', html: '<p>Hi</p><!-- <img src=x onerror=alert(1)> -->' },

  // ── Isomer-looking markup ─────────────────────────────────────────────────────────────────────────
  {
    name: 'isomer: card grid with a javascript card link',
    html:
      '<div class="isomer-card-grid">\n<a class="isomer-card" href="javascript:alert(1)" rel="noopener noreferrer nofollow">\n<div class="isomer-card-body">\n' +
      '<div class="isomer-card-title">Permits</div>\n<div class="isomer-card-link">Read more</div>\n</div>\n</a>\n</div>',
  },
  {
    name: 'isomer: card grid with an entity-spelled javascript link',
    html:
      '<div class="isomer-card-grid">\n<a class="isomer-card" href="&#x6A;ava&Tab;script&colon;window.__pwned=true">\n<div class="isomer-card-body">\n' +
      '<div class="isomer-card-title">Rules</div>\n</div>\n</a>\n</div>',
  },
  {
    name: 'isomer: card image with onerror',
    html:
      `<div class="isomer-card-grid">\n<div class="isomer-card">\n<div class="isomer-card-image">\n<div class="isomer-image-wrapper">\n${IMG} alt="" src="x" onerror="alert(1)">\n</div>\n</div>\n` +
      '<div class="isomer-card-body">\n<div class="isomer-card-title">Quiet hours</div>\n</div>\n</div>\n</div>',
  },
  {
    name: 'isomer: card title with a script',
    html: '<div class="isomer-card-grid">\n<div class="isomer-card">\n<div class="isomer-card-body">\n<div class="isomer-card-title">Bird walk<script>alert(1)</script></div>\n</div>\n</div>\n</div>',
  },
  {
    name: 'isomer: card description with an onclick',
    html: '<div class="isomer-card-grid">\n<div class="isomer-card" onclick="window.__pwned=true">\n<div class="isomer-card-body">\n<div class="isomer-card-description">Picnic tables</div>\n</div>\n</div>\n</div>',
  },
  { name: 'isomer: image wrapper link javascript', html: `<a class="isomer-image-wrapper" href="javascript:alert(1)">\n${IMG} alt="Map" src="/images/map.png">\n</a>` },
  { name: 'isomer: image wrapper link javascript in a div', html: `<div class="isomer-image-wrapper"><a href="javascript:alert(1)">${IMG} alt="Map" src="/images/map.png"></a></div>` },
  { name: 'isomer: image onerror', html: `<div class="isomer-image-wrapper">\n${IMG} alt="A bench" src="/images/missing.png" onerror="alert(1)">\n</div>` },
  { name: 'isomer: image onload sets a flag', html: `<div class="isomer-image-wrapper">\n${IMG} alt="A bench" src="/images/bench.png" onload="window.__pwned=true">\n</div>` },
  { name: 'isomer: image src javascript', html: `<div class="isomer-image-wrapper">\n${IMG} alt="A bench" src="javascript:alert(1)">\n</div>` },
  { name: 'isomer: image src data svg', html: `<div class="isomer-image-wrapper">\n${IMG} alt="A bench" src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;">\n</div>` },
  { name: 'isomer: image style url javascript', html: `<div class="isomer-image-wrapper">\n<img style="width: 100%; background:url(javascript:alert(1))" height="auto" width="100%" alt="A bench" src="/images/bench.png">\n</div>` },
  {
    name: 'isomer: accordion with a javascript link',
    html:
      '<div data-type="detailGroup" class="isomer-accordion isomer-accordion-white">\n<details class="isomer-details">\n<summary>When does the park open?</summary>\n' +
      '<div data-type="detailsContent" class="isomer-details-content">\n<p>See <a href="javascript:alert(1)">the timetable</a>.</p>\n</div>\n</details>\n</div>',
  },
  {
    name: 'isomer: accordion details ontoggle',
    html:
      '<div data-type="detailGroup" class="isomer-accordion isomer-accordion-gray">\n<details class="isomer-details" open ontoggle="window.__pwned=true">\n<summary>Q</summary>\n' +
      '<div data-type="detailsContent" class="isomer-details-content">\n<p>A</p>\n</div>\n</details>\n</div>',
  },
  {
    name: 'isomer: accordion summary with an img onerror',
    html:
      '<div data-type="detailGroup" class="isomer-accordion isomer-accordion-white">\n<details class="isomer-details">\n<summary>Q<img src=x onerror=alert(1)></summary>\n' +
      '<div data-type="detailsContent" class="isomer-details-content">\n<p>A</p>\n</div>\n</details>\n</div>',
  },
  {
    name: 'isomer: table cell with a javascript link',
    html:
      '<table style="minWidth: 100px"><colgroup><col></colgroup><tbody><tr><th rowspan="1" colspan="1"><p>Fee</p></th></tr>' +
      '<tr><td rowspan="1" colspan="1"><p><a href="javascript:alert(1)" rel="noopener noreferrer nofollow" target="_blank">Pay</a></p></td></tr></tbody></table>',
  },
  {
    name: 'isomer: table cell with onmouseover',
    html: '<table><tbody><tr><td rowspan="1" colspan="1" onmouseover="window.__pwned=true"><p>Fee</p></td></tr></tbody></table>',
  },
  { name: 'isomer: iframe wrapper with an evil host', html: '<div class="iframe-wrapper"><iframe src="https://evil.example/embed/x" width="560" height="315" frameborder="0" allowfullscreen="true"></iframe></div>', keptAsPublished: true },
  { name: 'isomer: iframe wrapper with a YouTube lookalike', html: '<div class="iframe-wrapper"><iframe src="https://www.youtube.com.evil.example/embed/x" width="560" height="315"></iframe></div>', keptAsPublished: true },
  { name: 'isomer: iframe wrapper with a javascript src', html: '<div class="iframe-wrapper"><iframe src="javascript:parent.__pwned=true" width="560" height="315"></iframe></div>' },
  { name: 'isomer: iframe wrapper with srcdoc', html: '<div class="iframe-wrapper"><iframe src="https://player.vimeo.com/video/1" srcdoc="&lt;script&gt;parent.alert(1)&lt;/script&gt;"></iframe></div>' },
  {
    name: 'isomer: instagram embed with a script from another host',
    html:
      '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/x/" data-instgrm-version="14"><a href="https://www.instagram.com/p/x/">View</a></blockquote>\n' +
      '<script async src="https://evil.example/embed.js"></script>',
  },
  { name: 'isomer: instagram blockquote onmouseover', html: '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/x/" onmouseover="alert(1)"><p>View</p></blockquote>' },
  { name: 'isomer: list link javascript', html: '<ul data-tight="true" class="tight">\n<li>\n<p><a href="javascript:alert(1)">One</a></p>\n</li>\n</ul>' },
  { name: 'isomer: task list input onfocus', html: '<ul data-type="taskList"><li data-type="taskItem" data-checked="false"><label><input type="checkbox" autofocus onfocus="alert(1)"></label><div><p>Do it</p></div></li></ul>' },
  { name: 'isomer: heading onclick', html: '<h2 onclick="alert(1)">Opening hours</h2>' },
  { name: 'isomer: raw html attribute holding a handler', html: '<div data-raw-html="&lt;img src=x onerror=alert(1)&gt;"></div>' },
  { name: 'isomer: raw html attribute holding a script', html: '<div data-raw-html="&lt;script&gt;window.__pwned=true&lt;/script&gt;"></div>' },
  { name: 'isomer: section wrapper with a script', html: '<section class="bp-section"><div class="bp-container"><script>alert(1)</script><p>Hi</p></div></section>' },
  { name: 'isomer: center with an img onerror', html: '<center><img src="/images/logo.png" onerror="alert(1)"></center>' },
  // ── layouts, bare images, inline markup and page styles (extensions/container, extensions/page-styles) ──
  { name: 'layout: grid with a handler', html: '<div class="people-grid" onmouseover="alert(1)">\n<div class="person">\n<h4>Ada</h4>\n</div>\n</div>' },
  { name: 'layout: bare image onerror in a grid cell', html: '<div class="grid">\n<div class="cell">\n<img src="x" onerror="alert(1)" alt="x">\n<p>Name</p>\n</div>\n</div>' },
  { name: 'layout: linked bare image with javascript:', html: '<div class="logos">\n<a href="javascript:alert(1)"><img src="/images/logo.png" alt="Logo"></a>\n</div>' },
  { name: 'layout: mixed content kept raw holding a handler', html: '<div class="entry">\n<p>Hi</p>\n<div class="meta">By <b onclick="alert(1)">us</b><p>x</p></div>\n</div>' },
  { name: 'layout: inline markup with a handler', html: '<div class="note">Open <span class="x" onfocus="alert(1)" tabindex="0" autofocus>daily</span></div>' },
  { name: 'layout: font with a javascript style', html: '<center><font color="red" style="background:url(javascript:alert(1))">Closed</font></center>' },
  { name: 'layout: figure with a srcset', html: '<figure>\n<img src="/a.png" srcset="javascript:alert(1) 1x" alt="a">\n<figcaption>A</figcaption>\n</figure>' },
  { name: 'layout: page style with a remote font', html: '<style>@font-face { font-family: X; src: url(https://evil.example/x.woff2); }</style>' },
  { name: 'layout: page style with an escaped import', html: '<style>@\\69mport "https://evil.example/x.css";</style>' },
  { name: 'layout: page style closing early', html: '<style>p { color: red; }</style><img src=x onerror="alert(1)">' },
];
