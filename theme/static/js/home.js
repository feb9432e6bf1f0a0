// Home page: the ZIP form opens the headline action with the ZIP in the address's
// fragment (#zip=…), which browsers never send to a server; action.js reads it there,
// looks it up and removes it. Without JavaScript the form simply opens the action page.
const form = document.querySelector('[data-module="home-zip"]');

if (form) {
  form.addEventListener('submit', (event) => {
    const zip = form.querySelector('input').value.trim().slice(0, 24);
    if (!zip) return;
    event.preventDefault(); // the action page checks the ZIP and says what is wrong
    window.location.assign(`${form.action}#zip=${encodeURIComponent(zip)}`);
  });
}
