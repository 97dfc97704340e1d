// Evidence file inputs (data-max-bytes, data-max-files): refuse an over-limit choice before a long upload. The server
// checks the same limits; a body over the container's limit cannot even be read for its CSRF token.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('input[type=file][data-max-bytes]').forEach(input => {
    const problem = input.parentElement.querySelector('.evidence-problem');
    const check = () => {
      const files = Array.from(input.files || []);
      let message = '';
      if (files.length > Number(input.dataset.maxFiles)) {
        message = input.dataset.tooMany;
      } else if (files.some(f => f.size > Number(input.dataset.maxBytes))) {
        message = input.dataset.tooLarge;
      }
      input.setCustomValidity(message);
      if (problem) {
        problem.textContent = message;
        problem.className = message === '' ? 'evidence-problem' : 'field-problem evidence-problem';
      }
      return message === '';
    };
    input.addEventListener('change', check);
    input.form.addEventListener('submit', event => {
      if (!check()) {
        event.preventDefault();
        input.focus();
      }
    });
  });
});
