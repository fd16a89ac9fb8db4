// tracuu embeddable search box. Another site adds
//   <script src="https://TRACUU-HOST/embed.js" async></script>
//   <div data-tracuu data-tracuu-limit="5" data-placeholder="Tìm văn bản…"></div>
// and gets a search box whose results open in a popover. data-tracuu-cites, -type, -from and
// -to fix filters (the search page's parameters of the same names): the popover, the link to
// all results and the form's submit all keep them, so the full page counts what the box did.
// Everything lives in a shadow root, so the host page's styles do not leak in and ours do
// not leak out. The API is called at this script's own origin (CORS is open for it); results
// link to our pages by absolute URL. Text from the API goes in with textContent; only
// snippet_html (escaped by the server, <b> tags only) is inserted as HTML.
(function () {
  "use strict";

  var DEBOUNCE_MS = 250;
  var DEFAULT_LIMIT = 5;
  var MAX_LIMIT = 20;
  // Filters a portal may fix with data-tracuu-NAME: the search page's and the API's names.
  var FILTERS = ["cites", "type", "from", "to"];

  var script = document.currentScript;
  var origin = (function () {
    try { return new URL(script && script.src ? script.src : "/", window.location.href).origin; }
    catch (e) { return window.location.origin; }
  })();

  var CSS = [
    ":host { all: initial; display: block; position: relative; font: 15px/1.5 'Segoe UI', Roboto, 'Noto Sans', Arial, 'Liberation Sans', sans-serif; color: #1d2129; }",
    "form { display: flex; gap: 6px; margin: 0; }",
    "label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }",
    "input { flex: 1; min-width: 0; font: inherit; color: inherit; padding: 8px 12px; border: 1px solid #b8bfca; border-radius: 8px; background: #fff; }",
    "input:focus { outline: 3px solid rgba(11, 74, 153, 0.25); border-color: #0b4a99; }",
    "button { font: inherit; font-weight: 600; color: #fff; background: #a3122a; border: 0; border-radius: 8px; padding: 8px 14px; cursor: pointer; }",
    "button:focus-visible, a:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }",
    ".popover { position: absolute; left: 0; right: 0; top: calc(100% + 6px); z-index: 2147483000; background: #fff; border: 1px solid #dde1e7; border-radius: 10px; box-shadow: 0 12px 32px rgba(20, 30, 50, 0.18); padding: 6px 0; max-height: 70vh; overflow-y: auto; }",
    ".popover[hidden] { display: none; }",
    "ol { list-style: none; margin: 0; padding: 0; }",
    "li { padding: 8px 14px; border-bottom: 1px solid #eef0f3; }",
    "li:last-child { border-bottom: 0; }",
    "a { color: #0b4a99; text-decoration: none; }",
    "a:hover { text-decoration: underline; }",
    ".title { font-weight: 600; display: block; }",
    ".meta { color: #565e6c; font-size: 12px; }",
    ".snippet { margin: 2px 0 0; color: #333a45; font-size: 13px; }",
    ".snippet b { font-weight: 650; color: #1d2129; background: #fff1b8; }",
    ".status { padding: 6px 14px; color: #565e6c; font-size: 13px; margin: 0; }",
    ".status[hidden] { display: none; }",
    ".searched-for b { color: #1d2129; }",
    ".more { display: block; padding: 8px 14px 4px; font-weight: 600; font-size: 13px; }"
  ].join("\n");

  function el(doc, tag, attrs, text) {
    var node = doc.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function pagePath(prefix, id) {
    var segments = id.split("/");
    var dotted = segments.some(function (s) { return s === "." || s === ".."; });
    return origin + prefix + (dotted ? encodeURIComponent(id) : segments.map(encodeURIComponent).join("/"));
  }

  function viDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? m[3] + "/" + m[2] + "/" + m[1] : "";
  }

  function addStyles(root) {
    // Constructed sheets pass a host page's strict CSP; a <style> element is the fallback.
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } catch (e) {
      root.appendChild(el(document, "style", {}, CSS));
    }
  }

  // The filters the host element fixes, as [name, value] pairs.
  function fixedFilters(host) {
    return FILTERS.map(function (name) {
      return [name, (host.getAttribute("data-tracuu-" + name) || "").trim()];
    }).filter(function (pair) { return pair[1] !== ""; });
  }

  // A query string: what was typed, the fixed filters, then `extra` pairs.
  function query(q, fixed, extra) {
    return new URLSearchParams([["q", q]].concat(fixed, extra)).toString();
  }

  var counter = 0;

  function mount(host) {
    if (host.shadowRoot || host.getAttribute("data-tracuu-ready") !== null) return;
    host.setAttribute("data-tracuu-ready", "");
    counter += 1;
    var id = "tracuu-" + counter;
    var limit = Math.min(MAX_LIMIT, Math.max(1, parseInt(host.getAttribute("data-tracuu-limit"), 10) || DEFAULT_LIMIT));
    var fixed = fixedFilters(host);
    var root = host.attachShadow({ mode: "open" });
    addStyles(root);

    var form = el(document, "form", { role: "search", action: origin + "/", method: "get", target: "_blank" });
    var label = el(document, "label", { for: id + "-q" }, host.getAttribute("data-label") || "Tìm kiếm văn bản");
    var input = el(document, "input", {
      id: id + "-q", name: "q", type: "search", autocomplete: "off",
      placeholder: host.getAttribute("data-placeholder") || "Tìm văn bản, nghị quyết, chỉ thị…",
      "aria-controls": id + "-results", "aria-expanded": "false"
    });
    var button = el(document, "button", { type: "submit" }, "Tìm kiếm");
    var popover = el(document, "div", { id: id + "-results", class: "popover", role: "region", "aria-label": "Kết quả tìm kiếm", hidden: "" });
    var status = el(document, "p", { class: "status", role: "status", "aria-live": "polite" });
    var notice = el(document, "p", { class: "status searched-for", hidden: "" });
    var list = el(document, "ol", { class: "hits" });
    var more = el(document, "a", { class: "more", target: "_blank", rel: "noopener" }, "");
    popover.appendChild(status);
    popover.appendChild(notice);
    popover.appendChild(list);
    popover.appendChild(more);
    form.appendChild(label);
    form.appendChild(input);
    fixed.forEach(function (pair) {
      form.appendChild(el(document, "input", { type: "hidden", name: pair[0], value: pair[1] }));
    });
    form.appendChild(button);
    root.appendChild(form);
    root.appendChild(popover);

    var timer = null;
    var controller = null;

    function open(isOpen) {
      popover.hidden = !isOpen;
      input.setAttribute("aria-expanded", isOpen ? "true" : "false");
    }

    function render(q, body) {
      list.replaceChildren();
      status.textContent = body.total === 0
        ? "Không tìm thấy kết quả cho “" + q + "”."
        : "Tìm thấy " + body.total + " văn bản";
      renderNotice(q, body.searched_for);
      body.hits.forEach(function (hit) {
        var item = el(document, "li", { class: "hit" });
        var link = el(document, "a", { class: "title", href: pagePath("/documents/", hit.id), target: "_blank", rel: "noopener" },
          hit.title && hit.title.trim() ? hit.title : "(Không có tiêu đề)");
        item.appendChild(link);
        if (hit.date) item.appendChild(el(document, "span", { class: "meta" }, viDate(hit.date)));
        var snippet = el(document, "p", { class: "snippet" });
        snippet.innerHTML = hit.snippet_html; // escaped by the server, <b> only
        item.appendChild(snippet);
        list.appendChild(item);
      });
      more.textContent = body.total > body.hits.length ? "Xem tất cả " + body.total + " kết quả →" : "Mở trang tìm kiếm →";
      more.setAttribute("href", origin + "/?" + query(q, fixed, []));
      open(true);
    }

    // The server read the query as Telex or VNI ("nghij quyeets"): say what it searched for
    // and link to a search of exactly what was typed.
    function renderNotice(q, searchedFor) {
      notice.replaceChildren();
      notice.hidden = !searchedFor;
      if (!searchedFor) return;
      notice.appendChild(document.createTextNode("Đang hiển thị kết quả cho "));
      notice.appendChild(el(document, "b", {}, searchedFor));
      notice.appendChild(document.createTextNode(". Tìm chính xác: "));
      notice.appendChild(el(document, "a", {
        href: origin + "/?" + query(q, fixed, [["verbatim", "1"]]),
        target: "_blank", rel: "noopener"
      }, q));
    }

    function search() {
      var q = input.value.trim();
      if (controller) controller.abort();
      if (!q) { open(false); return; }
      controller = new AbortController();
      fetch(origin + "/api/search?" + query(q, fixed, [["limit", String(limit)]]), { signal: controller.signal })
        .then(function (response) {
          return response.json().then(function (body) { return { ok: response.ok, body: body }; });
        })
        .then(function (result) {
          if (result.ok) {
            render(q, result.body);
          } else {
            list.replaceChildren();
            renderNotice(q, null);
            status.textContent = "Không tìm được: " + (result.body.error || "yêu cầu không hợp lệ");
            open(true);
          }
        })
        .catch(function (error) {
          if (error.name === "AbortError") return;
          list.replaceChildren();
          renderNotice(q, null);
          status.textContent = "Không kết nối được máy chủ tra cứu.";
          open(true);
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(search, DEBOUNCE_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { open(false); }
    });
    input.addEventListener("focus", function () {
      if (list.children.length && input.value.trim()) open(true);
    });
    document.addEventListener("click", function (event) {
      if (!event.composedPath().includes(host)) open(false);
    });
  }

  function mountAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-tracuu]"), mount);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
