// Quick exit: leave for a neutral site without adding this page to the back stack.
// Without JavaScript the button is an ordinary link to the same neutral site.
// The shortcut is GOV.UK's "Exit this page" one: Shift pressed three times within five
// seconds. Unlike Esc, it cannot fire while someone types (Esc closes menus and clears
// fields, and lost half-written letters); any other key in between starts the count again.
const link = document.querySelector('[data-module="quick-exit"]');
const PRESSES = 3;
const WINDOW_MS = 5000;

if (link) {
  const leave = () => window.location.replace(link.href);
  const hint = link.querySelector('.quick-exit__hint');
  // Mention the key only where there is a keyboard (a fine pointer that can hover).
  if (hint && window.matchMedia('(hover: hover) and (pointer: fine)').matches) hint.hidden = false;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    leave();
  });
  let presses = [];
  document.addEventListener('keyup', (event) => {
    if (event.key !== 'Shift') {
      presses = [];
      return;
    }
    const now = event.timeStamp;
    presses = [...presses.filter((t) => now - t < WINDOW_MS), now];
    if (presses.length >= PRESSES) leave();
  });
  // A Shift held down to type capitals repeats keydown, not keyup; any other key resets.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Shift') presses = [];
  });
}
