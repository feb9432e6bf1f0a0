// Start Decap CMS by hand: show the site's own stylesheet in the preview pane, and say
// plainly when the editor could not load. Loaded (deferred) before Decap's bundle.
window.CMS_MANUAL_INIT = true;

document.addEventListener("DOMContentLoaded", () => {
  const status = document.getElementById("admin-status");
  const { CMS, initCMS } = window;
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
  initCMS();
});
