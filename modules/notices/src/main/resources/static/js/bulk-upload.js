// Bulk target upload (notices/targets.html): sends the file by XHR to show the upload's progress, then shows the
// processing progress that htmx polls. Without this script the form posts as usual and the report follows.
(function () {
  'use strict';

  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }

  function fragment(html) {
    var template = document.createElement('template');
    template.innerHTML = html;
    return template.content.firstElementChild;
  }

  ready(function () {
    var form = document.getElementById('bulk-form');
    var input = document.getElementById('bulk-file');
    if (!form || !input || !window.FormData || !window.htmx) { return; }
    var status = document.getElementById('upload-status');
    var bar = document.getElementById('upload-progress');
    var percent = document.getElementById('upload-percent');
    var result = document.getElementById('bulk-result');
    var button = form.querySelector('button[type=submit]');

    function show(value) {
      bar.value = value;
      percent.textContent = value + ' %';
    }

    form.addEventListener('submit', function (event) {
      if (!input.files || !input.files.length) { return; } // the server names the missing file
      event.preventDefault();
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.setRequestHeader('HX-Request', 'true');
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) { show(Math.floor(e.loaded * 100 / e.total)); }
      });
      xhr.upload.addEventListener('load', function () { show(100); });
      xhr.addEventListener('load', function () {
        var answer = fragment(xhr.responseText);
        button.disabled = false;
        if (xhr.status === 202 && answer) {
          form.parentNode.insertBefore(answer, form.nextSibling);
          form.hidden = true;
          window.htmx.process(answer);
        } else {
          result.textContent = '';
          if (answer) { result.appendChild(answer); }
        }
      });
      xhr.addEventListener('error', function () {
        button.disabled = false;
        result.textContent = form.getAttribute('data-network-error') || 'Network error';
      });
      result.textContent = '';
      status.hidden = false;
      show(0);
      button.disabled = true;
      xhr.send(new FormData(form));
    });
  });
}());
