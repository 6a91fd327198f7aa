// Small enhancements of the public pages. Every page works without this script; it only helps.
(() => {
  // The error summary: focus it, and let its links focus the field with its label in view.
  const summary = document.getElementById('error-summary');
  if (summary) {
    if (!summary.contains(document.activeElement)) summary.focus();
    summary.addEventListener('click', (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href^="#field-"]') : null;
      const input = link ? document.getElementById(link.getAttribute('href').slice(1)) : null;
      if (!input) return;
      event.preventDefault();
      const label = document.querySelector(`label[for="${input.id}"]`);
      const legend = input.type === 'radio' ? input.closest('fieldset')?.querySelector('legend') : null;
      (legend || label || input).scrollIntoView({ block: 'start' });
      input.focus({ preventScroll: true });
    });
  }

  // Contact details are not asked when the reporter chooses to stay anonymous.
  const details = document.getElementById('contact-details');
  const anonymous = document.querySelector('input[name="contactChoice"][value="anonymous"]');
  const syncContact = () => {
    if (details && anonymous) details.hidden = anonymous.checked;
  };
  for (const radio of document.querySelectorAll('input[name="contactChoice"]'))
    radio.addEventListener('change', syncContact);
  syncContact();

  // One submission per click: pressing "send" again while the first is on its way does nothing.
  for (const form of document.querySelectorAll('form[method="post"]')) {
    form.addEventListener('submit', (event) => {
      if (event.submitter?.name === 'switchLang') return;
      if (form.dataset.submitting) event.preventDefault();
      else form.dataset.submitting = 'true';
    });
  }
  // Back to a page from the history: its forms can be sent again.
  window.addEventListener('pageshow', () => {
    for (const form of document.querySelectorAll('form[data-submitting]')) delete form.dataset.submitting;
  });
})();
