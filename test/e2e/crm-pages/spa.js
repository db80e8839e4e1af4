// A stand-in for a CRM's client-side router: links marked data-spa move with history.pushState (or
// replaceState with data-replace) and re-render the header and <title>, as Lightning, HubSpot,
// Dynamics 365 and Twenty do; back/forward re-render on popstate. Nothing here reloads the page.
(() => {
  const suffix = document.documentElement.dataset.titleSuffix ?? '';
  const links = [...document.querySelectorAll('a[data-name]')];
  function render() {
    const here = links.find((a) => a.pathname + a.search === location.pathname + location.search);
    const name = here?.dataset.name ?? 'Home';
    document.title = `${name}${suffix}`;
    document.querySelector('h1').textContent = name;
  }
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-spa]');
    if (!link) return;
    event.preventDefault();
    history[link.hasAttribute('data-replace') ? 'replaceState' : 'pushState']({}, '', link.href);
    render();
  });
  addEventListener('popstate', render);
  render();
})();
