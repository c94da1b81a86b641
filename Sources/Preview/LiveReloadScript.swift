/// The script `serve` adds to every HTML page it sends (never to files `build` writes): it
/// listens to the server's events, reloads after a rebuild, swaps stylesheets when only CSS
/// changed, and shows build errors in an overlay.
public enum LiveReloadScript {
    /// Where pages listen for rebuilds (Server-Sent Events).
    public static let eventsPath = "/__briefing/events"
    /// The overlay's element id, for tests and user styles.
    public static let overlayID = "briefing-error-overlay"

    /// The `<script>` element for a page served from site build `build`. The page compares it
    /// with the server's current build on connect, so a page loaded just before a rebuild
    /// still catches up.
    public static func tag(build: Int) -> String {
        "<script data-briefing-live-reload>\n" + source.replacingOccurrences(of: "__BUILD__", with: String(build))
            + "</script>\n"
    }

    /// Returns `html` with `tag(build:)` inserted before the last `</body>` (any case), or
    /// appended when the page has none.
    public static func inject(into html: [UInt8], build: Int) -> [UInt8] {
        let script = Array(tag(build: build).utf8)
        guard let index = lastBodyClose(in: html) else { return html + script }
        var result = [UInt8]()
        result.reserveCapacity(html.count + script.count)
        result.append(contentsOf: html[..<index])
        result.append(contentsOf: script)
        result.append(contentsOf: html[index...])
        return result
    }

    /// Byte offset of the last `</body` (ASCII case-insensitive).
    static func lastBodyClose(in html: [UInt8]) -> Int? {
        let needle = Array("</body".utf8)
        guard html.count >= needle.count else { return nil }
        var i = html.count - needle.count
        while i >= 0 {
            var match = true
            for j in 0..<needle.count {
                // OR-ing 0x20 lower-cases ASCII letters and leaves `<` and `/` unchanged.
                if html[i + j] | 0x20 != needle[j] | 0x20 { match = false; break }
            }
            if match { return i }
            i -= 1
        }
        return nil
    }

    // `update` events carry {build, cssOnly, error}. textContent keeps the error text inert.
    static let source = """
        (function () {
          var build = __BUILD__, box = null;
          function show(text) {
            if (!box) {
              box = document.createElement('div');
              box.id = '\(overlayID)';
              box.setAttribute('role', 'alert');
              box.style.cssText = 'position:fixed;left:1rem;right:1rem;top:1rem;z-index:2147483647;' +
                'max-height:80vh;overflow:auto;margin:0;padding:1rem 1.25rem;border-radius:6px;' +
                'background:#2b0d0d;color:#ffd7d7;border:2px solid #e5484d;box-shadow:0 6px 24px rgba(0,0,0,.4);' +
                'font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap;';
              var title = document.createElement('strong');
              title.textContent = 'briefing serve: build error\\n\\n';
              box.appendChild(title);
              box.appendChild(document.createElement('span'));
              document.body.appendChild(box);
            }
            box.lastChild.textContent = text;
          }
          function clear() { if (box) { box.remove(); box = null; } }
          function swapStylesheets(version) {
            document.querySelectorAll('link[rel~="stylesheet"]').forEach(function (link) {
              var url = new URL(link.href);
              url.searchParams.set('v', version);
              link.href = url.href;
            });
          }
          var events = new EventSource('\(eventsPath)');
          events.addEventListener('update', function (message) {
            var update = JSON.parse(message.data);
            if (update.build !== build) {
              if (update.cssOnly && update.build === build + 1 && !update.error) {
                build = update.build;
                swapStylesheets(build);
              } else {
                location.reload();
                return;
              }
            }
            if (update.error) { show(update.error); } else { clear(); }
          });
        })();

        """
}
