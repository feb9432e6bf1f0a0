// Quick exit: leave for a neutral site without adding this page to the back stack.
// Without JavaScript the button is an ordinary link to the same neutral site.
const link = document.querySelector('[data-module="quick-exit"]');

if (link) {
  const leave = () => window.location.replace(link.href);
  const hint = link.querySelector('.quick-exit__hint');
  if (hint) hint.hidden = false;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    leave();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) leave();
  });
}
