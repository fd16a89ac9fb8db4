// tracuu page script. The pages work without it; with it, results follow the typing
// (~250 ms after the last key) from /api/search, the address stays shareable through
// history.replaceState, and /api/suggest fills an accessible listbox under the search box.
// Text from the server goes in with textContent; only snippet_html (escaped by the server,
// <b> tags only) is inserted as HTML.
(function () {
  "use strict";

  var DEBOUNCE_MS = 250;
  var FILTERS = ["cites", "type", "from", "to"];
  var SIDEBAR_DIRECTIVES = 10;
  var GUIDANCE_DIRECTIVES = 5;
  var HIT_CITATIONS = 4;

  var input = document.getElementById("q");
  if (!input) return;
  var listbox = document.getElementById("suggestions");
  // Live results on the search and home pages only (not on an error page at "/").
  var live = window.location.pathname === "/" &&
    !!(document.getElementById("results-area") || document.querySelector(".hero"));

  // ---- small DOM helpers -------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (attrs[name] !== null && attrs[name] !== undefined) node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" || typeof child === "number"
        ? document.createTextNode(String(child)) : child);
    });
    return node;
  }

  function pathOf(prefix, id) {
    var segments = id.split("/");
    var dotted = segments.some(function (s) { return s === "." || s === ".."; });
    return prefix + (dotted ? encodeURIComponent(id) : segments.map(encodeURIComponent).join("/"));
  }
  function documentUrl(id) { return pathOf("/documents/", id); }
  function directiveUrl(key) { return pathOf("/citations/", key); }

  function viDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? m[3] + "/" + m[2] + "/" + m[1] : iso;
  }

  function dateNode(iso) {
    return iso ? el("time", { datetime: iso }, [viDate(iso)]) : null;
  }

  // ---- the search state, as in the address bar ----------------------------------------

  function currentState() {
    var params = new URLSearchParams(window.location.search);
    var state = { q: input.value, page: 1, limit: params.get("limit") || "" };
    FILTERS.forEach(function (name) { state[name] = params.get(name) || ""; });
    return state;
  }

  function withChanges(state, changes) {
    var next = Object.assign({}, state, { page: 1 });
    return Object.assign(next, changes);
  }

  function href(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    FILTERS.forEach(function (name) { if (state[name]) params.set(name, state[name]); });
    if (state.limit) params.set("limit", state.limit);
    if (state.page > 1) params.set("page", String(state.page));
    if (state.verbatim) params.set("verbatim", "1");
    var query = params.toString();
    return "/" + (query ? "?" + query : "");
  }

  function isEmpty(state) {
    return !state.q.trim() && FILTERS.every(function (name) { return !state[name]; });
  }

  function yearFilter(state) {
    var m = /^(\d{4})-01-01$/.exec(state.from);
    return m && state.to === m[1] + "-12-31" ? m[1] : null;
  }

  // ---- rendering, the same markup as the server's -------------------------------------

  function renderResults(state, data) {
    var perPage = parseInt(state.limit, 10) || 10;
    var pages = Math.ceil(data.total / perPage);
    var summary;
    if (data.total === 0) {
      var quoted = state.q.trim() ? " cho “" + state.q.trim() + "”" : "";
      summary = el("p", { class: "summary", id: "summary", "aria-live": "polite" },
        ["Không tìm thấy kết quả" + quoted + ". Hãy thử từ khóa khác, bớt từ hoặc bỏ bộ lọc."]);
    } else {
      summary = el("p", { class: "summary", id: "summary", "aria-live": "polite" }, [
        "Tìm thấy ", el("strong", {}, [data.total]), " văn bản",
        pages > 1 ? " · trang " + state.page + "/" + pages : null,
        el("span", { class: "muted" }, [" (" + data.took_ms.toFixed(1).replace(".", ",") + " ms)"])
      ]);
    }
    // The engine read the query as Telex or VNI: say so, and offer the query as typed.
    var searchedFor = data.searched_for ? el("p", { class: "searched-for", id: "searched-for" }, [
      "Đang hiển thị kết quả cho ", el("b", {}, [data.searched_for]), ". Tìm chính xác: ",
      el("a", { href: href(Object.assign({}, state, { page: 1, verbatim: true })) }, [state.q.trim()])
    ]) : null;
    var hits = data.hits.length ? el("ol", { class: "hits" }, data.hits.map(renderHit)) : null;
    var results = el("section", { class: "results", id: "results", "aria-labelledby": "results-heading" }, [
      el("h1", { class: "visually-hidden", id: "results-heading" }, ["Kết quả tìm kiếm"]),
      summary,
      searchedFor,
      renderActiveFilters(state, data.facets),
      renderGuidance(data.facets),
      hits,
      renderPager(state, pages)
    ]);
    return [results, renderSidebar(state, data.facets)];
  }

  function renderHit(hit) {
    var snippet = el("p", { class: "hit-snippet" });
    snippet.innerHTML = hit.snippet_html; // escaped by the server, <b> only
    var cites = null;
    if (hit.citations.length) {
      var items = hit.citations.slice(0, HIT_CITATIONS).map(function (key) {
        return el("li", {}, [el("a", { class: "chip", href: directiveUrl(key) }, [key])]);
      });
      var more = hit.citations.length - HIT_CITATIONS;
      if (more > 0) items.push(el("li", { class: "muted" }, ["+" + more]));
      cites = el("ul", { class: "hit-cites", "aria-label": "Văn bản được trích dẫn" }, items);
    }
    return el("li", { class: "hit" }, [
      el("h2", { class: "hit-title" }, [
        el("a", { href: documentUrl(hit.id) }, [hit.title.trim() ? hit.title : "(Không có tiêu đề)"])
      ]),
      el("p", { class: "hit-meta" }, [
        dateNode(hit.date),
        hit.date ? el("span", { class: "sep", "aria-hidden": "true" }, ["·"]) : null,
        el("span", { class: "hit-id" }, [hit.id])
      ]),
      snippet,
      cites
    ]);
  }

  function renderGuidance(facets) {
    if (!facets.citations.length) return null;
    return el("section", { class: "guidance", "aria-labelledby": "guidance-heading" }, [
      el("h2", { id: "guidance-heading" }, ["Văn bản chỉ đạo liên quan"]),
      el("ol", {}, facets.citations.slice(0, GUIDANCE_DIRECTIVES).map(function (c) {
        return el("li", {}, [
          el("a", { href: directiveUrl(c.key) }, [c.label]),
          el("span", { class: "muted" }, [" · " + c.count + " văn bản trích dẫn"])
        ]);
      }))
    ]);
  }

  function renderActiveFilters(state, facets) {
    var chips = [];
    function labelOf(list, field, value) {
      var found = list.filter(function (item) { return item[field] === value; })[0];
      return found ? found.label : value;
    }
    if (state.cites) chips.push(["Trích dẫn " + labelOf(facets.citations, "key", state.cites), { cites: "" }]);
    if (state.type) chips.push(["Trích dẫn " + labelOf(facets.types || [], "type", state.type), { type: "" }]);
    var year = yearFilter(state);
    if (year) {
      chips.push(["Năm " + year, { from: "", to: "" }]);
    } else {
      if (state.from) chips.push(["Từ ngày " + viDate(state.from), { from: "" }]);
      if (state.to) chips.push(["Đến ngày " + viDate(state.to), { to: "" }]);
    }
    if (!chips.length) return null;
    return el("div", { class: "active-filters" }, [el("span", { class: "muted" }, ["Đang lọc:"])].concat(
      chips.map(function (chip) {
        return el("a", { class: "chip removable", href: href(withChanges(state, chip[1])), "aria-label": "Bỏ lọc: " + chip[0] },
          [chip[0], el("span", { "aria-hidden": "true" }, [" ×"])]);
      })));
  }

  function facetLink(target, label, count, active) {
    return el("li", {}, [
      el("a", { class: "facet-link" + (active ? " active" : ""), href: href(target), "aria-current": active ? "true" : null }, [
        el("span", { class: "facet-label" }, [label]),
        el("span", { class: "count" }, [count])
      ])
    ]);
  }

  function renderSidebar(state, facets) {
    var sections = [];
    function section(title, items) {
      if (items.length) sections.push(el("section", { class: "facet" }, [el("h2", {}, [title]), el("ul", {}, items)]));
    }
    section("Văn bản được trích dẫn", facets.citations.slice(0, SIDEBAR_DIRECTIVES).map(function (c) {
      return facetLink(withChanges(state, { cites: c.key }), c.label, c.count, state.cites === c.key);
    }));
    section("Loại văn bản được trích dẫn", (facets.types || []).map(function (t) {
      return facetLink(withChanges(state, { type: t.type }), t.label, t.count, state.type === t.type);
    }));
    var activeYear = yearFilter(state);
    section("Năm", facets.years.map(function (y) {
      var target = withChanges(state, { from: y.year + "-01-01", to: y.year + "-12-31" });
      return facetLink(target, String(y.year), y.count, activeYear === String(y.year));
    }));
    return el("aside", { class: "facets", id: "facets", "aria-label": "Bộ lọc kết quả" }, sections);
  }

  function renderPager(state, pages) {
    if (pages <= 1) return null;
    return el("nav", { class: "pager", "aria-label": "Phân trang" }, [
      state.page > 1 ? el("a", { class: "pager-prev", rel: "prev", href: href(Object.assign({}, state, { page: state.page - 1 })) }, ["← Trang trước"]) : null,
      el("span", { class: "pager-status" }, ["Trang " + state.page + " / " + pages]),
      state.page < pages ? el("a", { class: "pager-next", rel: "next", href: href(Object.assign({}, state, { page: state.page + 1 })) }, ["Trang sau →"]) : null
    ]);
  }

  // ---- live results --------------------------------------------------------------------

  var searchTimer = null;
  var searchAbort = null;

  function area() {
    var existing = document.getElementById("results-area");
    if (existing) return existing;
    // The home page has none yet: results go under the search box.
    var created = el("div", { class: "results-layout", id: "results-area" });
    var hero = document.querySelector(".hero");
    if (hero && hero.parentNode) hero.parentNode.insertBefore(created, hero.nextSibling);
    return created;
  }

  function showMessage(text) {
    var target = area();
    target.replaceChildren(el("section", { class: "results", id: "results" }, [
      el("p", { class: "summary", id: "summary", "aria-live": "polite", role: "status" }, [text])
    ]));
  }

  function runSearch() {
    var state = currentState();
    window.history.replaceState(null, "", href(state));
    var home = document.querySelector(".most-cited");
    if (home) home.hidden = !isEmpty(state);
    var hero = document.querySelector(".hero");
    if (hero) hero.classList.toggle("compact", !isEmpty(state));
    if (searchAbort) searchAbort.abort();
    if (isEmpty(state)) {
      var target = document.getElementById("results-area");
      if (target && hero) target.replaceChildren();
      else showMessage("Nhập từ khóa để tìm kiếm.");
      return;
    }
    searchAbort = new AbortController();
    var params = new URLSearchParams({ q: state.q });
    FILTERS.forEach(function (name) { if (state[name]) params.set(name, state[name]); });
    if (state.limit) params.set("limit", state.limit);
    fetch("/api/search?" + params.toString(), { signal: searchAbort.signal })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (result) {
        if (!result.ok) {
          showMessage("Yêu cầu không hợp lệ: " + (result.body.error || "") + ".");
          return;
        }
        var target = area();
        target.className = "results-layout";
        target.replaceChildren.apply(target, renderResults(state, result.body));
        document.title = (state.q.trim() || "Kết quả tìm kiếm") + " – Tìm kiếm — tracuu";
      })
      .catch(function (error) {
        if (error.name !== "AbortError") showMessage("Không kết nối được máy chủ. Xin thử lại.");
      });
  }

  // ---- suggestions (combobox with a listbox popup) -----------------------------------

  var suggestTimer = null;
  var suggestAbort = null;
  var options = [];
  var active = -1;

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", "suggestions");

  function closeSuggestions() {
    if (!listbox) return;
    listbox.hidden = true;
    listbox.replaceChildren();
    options = [];
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function highlight(index) {
    active = index;
    Array.prototype.forEach.call(listbox.children, function (li, i) {
      li.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    if (index >= 0 && listbox.children[index]) {
      input.setAttribute("aria-activedescendant", listbox.children[index].id);
      listbox.children[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function choose(suggestion) {
    closeSuggestions();
    if (suggestion.kind === "directive" && suggestion.key) {
      window.location.href = directiveUrl(suggestion.key);
    } else if (suggestion.id) {
      window.location.href = documentUrl(suggestion.id);
    }
  }

  function showSuggestions(list) {
    if (!listbox) return;
    options = list;
    active = -1;
    listbox.replaceChildren.apply(listbox, list.map(function (s, i) {
      var kind = s.kind === "directive" ? "Văn bản chỉ đạo" : "Bài viết";
      var li = el("li", { id: "suggestion-" + i, role: "option", "aria-selected": "false" }, [
        el("span", { class: "suggestion-kind" }, [kind]), el("span", {}, [s.text])
      ]);
      li.addEventListener("mousedown", function (event) { event.preventDefault(); });
      li.addEventListener("click", function () { choose(s); });
      return li;
    }));
    listbox.hidden = list.length === 0;
    input.setAttribute("aria-expanded", list.length ? "true" : "false");
  }

  function runSuggest() {
    var q = input.value.trim();
    if (suggestAbort) suggestAbort.abort();
    if (!q) { closeSuggestions(); return; }
    suggestAbort = new AbortController();
    fetch("/api/suggest?" + new URLSearchParams({ q: q }).toString(), { signal: suggestAbort.signal })
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (body) {
        if (document.activeElement === input) showSuggestions(body.suggestions || []);
      })
      .catch(function () { /* a dropped suggestion is harmless */ });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(suggestTimer);
    suggestTimer = window.setTimeout(runSuggest, DEBOUNCE_MS);
    if (live) {
      window.clearTimeout(searchTimer);
      searchTimer = window.setTimeout(runSearch, DEBOUNCE_MS);
    }
  });

  input.addEventListener("keydown", function (event) {
    var open = listbox && !listbox.hidden && options.length > 0;
    if (event.key === "ArrowDown" && open) {
      event.preventDefault();
      highlight((active + 1) % options.length);
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      highlight(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      closeSuggestions();
    }
  });

  input.addEventListener("blur", closeSuggestions);
})();
