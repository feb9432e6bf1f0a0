// Start Decap CMS by hand: show the site's own stylesheet in the preview pane, preview a
// case highlight as the site shows it (title, date, place, outcome badges, text), and say
// plainly when the editor could not load. Loaded (deferred) before Decap's bundle.
window.CMS_MANUAL_INIT = true;

// The outcome vocabulary, as the build wrote it into the page (content_schema's OUTCOME_LIST).
function outcomeLabels() {
  try {
    return JSON.parse(document.documentElement.dataset.outcomes || "{}");
  } catch {
    return {};
  }
}

function casePreview(h, createClass, labels) {
  return createClass({
    render() {
      const data = this.props.entry.get("data");
      const read = (name) => {
        const value = data.get(name);
        return value === undefined || value === null ? "" : String(value);
      };
      const outcomes = data.get("outcomes");
      const list = outcomes && typeof outcomes.toArray === "function" ? outcomes.toArray() : [];
      return h("article", { className: "prose case" },
        h("p", { className: "eyebrow" }, "Case highlight (preview)"),
        h("h1", {}, read("title")),
        h("dl", { className: "case-facts" },
          h("div", {}, h("dt", {}, "Date"), h("dd", {}, read("date").slice(0, 10))),
          h("div", {}, h("dt", {}, "Place"), h("dd", {}, read("place"))),
          h("div", {}, h("dt", {}, "Outcomes"), h("dd", {},
            h("ul", { className: "badges" }, list.map((slug) => h("li", { key: slug },
              h("span", { className: `badge badge--${String(slug).replace(/[^a-z]/g, "")}` },
                labels[slug] || String(slug)))))))),
        read("content_warning")
          ? h("p", { className: "notice content-warning" },
            h("strong", {}, "Content warning:"), ` ${read("content_warning")}`)
          : null,
        this.props.widgetFor("body"));
    },
  });
}

document.addEventListener("DOMContentLoaded", () => {
  const status = document.getElementById("admin-status");
  const { CMS, initCMS, h, createClass } = window;
  if (!CMS || typeof initCMS !== "function") {
    if (status) {
      status.hidden = false;
      status.textContent =
        "The editor did not load. Reload the page; if it still fails, tell the site's maintainers.";
    }
    return;
  }
  const previewCss = document.documentElement.dataset.previewCss;
  if (previewCss) {
    CMS.registerPreviewStyle(previewCss);
  }
  if (typeof h === "function" && typeof createClass === "function") {
    CMS.registerPreviewTemplate("cases", casePreview(h, createClass, outcomeLabels()));
  }
  initCMS();
});
