// Progressive enhancement for the Takedown pages. Loaded as a static file: the pages' Content-Security-Policy allows
// no inline script and no inline style, so everything here is wired by class names and data attributes.
(function () {
  'use strict';

  // 1. The viewer's time zone, for dates the server formats (ViewerTime reads the "tz" cookie; UTC without it).
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf('tz=' + encodeURIComponent(zone)) < 0) {
      document.cookie = 'tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; SameSite=Lax';
    }
  } catch (ignored) { /* old browser: dates stay in UTC */ }

  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }

  function typing(event) {
    var t = event.target;
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(t.tagName)) &&
      !(t.tagName === 'INPUT' && t.type === 'checkbox');
  }

  ready(function () {
    // 2. Evidence images: data: URLs only, which make no request (a path typed by a notifier would be fetched with
    //    the moderator's session), blurred until clicked (reviewer wellbeing).
    Array.prototype.forEach.call(document.querySelectorAll('button.evidence-image'), function (button) {
      var src = button.getAttribute('data-src') || '';
      if (src.indexOf('data:image/') !== 0) { return; }
      var img = document.createElement('img');
      img.src = src;
      img.alt = button.getAttribute('aria-label') || '';
      button.textContent = '';
      button.appendChild(img);
      button.setAttribute('aria-pressed', 'false');
      button.addEventListener('click', function () {
        var blurred = button.classList.toggle('blurred');
        button.setAttribute('aria-pressed', blurred ? 'false' : 'true');
      });
    });

    // 3. Reason templates fill the reasons box (the server uses the template when the box is left empty).
    Array.prototype.forEach.call(document.querySelectorAll('select.reason-template'), function (select) {
      select.addEventListener('change', function () {
        var option = select.options[select.selectedIndex];
        var target = document.getElementById(select.getAttribute('data-target'));
        if (target && option && option.getAttribute('data-text')) { target.value = option.getAttribute('data-text'); }
      });
    });

    // 4. Problem summaries take the focus, so a screen reader hears what went wrong.
    var summary = document.getElementById('problem-summary');
    if (summary) { summary.focus(); }

    // 5. Keyboard shortcuts in the moderator console.
    if (!document.body.classList.contains('console')) { return; }
    var help = document.getElementById('shortcuts');
    var rows = Array.prototype.slice.call(document.querySelectorAll('tr.task-row'));
    var current = -1;

    function select(index) {
      if (!rows.length) { return; }
      if (current >= 0 && rows[current]) { rows[current].classList.remove('selected'); rows[current].removeAttribute('aria-selected'); }
      current = Math.max(0, Math.min(rows.length - 1, index));
      var row = rows[current];
      row.classList.add('selected');
      row.setAttribute('aria-selected', 'true');
      row.setAttribute('tabindex', '-1');
      row.focus();
    }

    function click(element) {
      if (element) { element.click(); return true; }
      return false;
    }

    document.addEventListener('keydown', function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event)) { return; }
      var key = event.key;
      var row = current >= 0 ? rows[current] : null;
      if (key === '?') {
        if (help && typeof help.showModal === 'function' && !help.open) { help.showModal(); }
      } else if (key === 'j') {
        select(current + 1);
      } else if (key === 'k') {
        select(current - 1);
      } else if ((key === 'o' || key === 'Enter') && row) {
        if (!click(row.querySelector('a.open-task'))) { return; }
      } else if (key === 'c') {
        if (!click(row ? row.querySelector('form.claim button') : document.querySelector('form.claim button'))) { return; }
      } else if (key === 'n') {
        if (!click(document.getElementById('claim-next'))) { return; }
      } else if (key === 'x' && row) {
        var box = row.querySelector('input.bulk-pick');
        if (!box) { return; }
        box.checked = !box.checked;
      } else if (key === 'a' || key === 'r') {
        if (!click(document.querySelector('form.decision button[data-shortcut="' + key + '"]'))) { return; }
      } else if (key === 'e') {
        if (!click(document.querySelector('form.escalate button[data-shortcut="e"]'))) { return; }
      } else if (key === 'u') {
        var back = document.querySelector('.subnav a');
        if (!back) { return; }
        window.location.href = back.href;
      } else {
        return;
      }
      event.preventDefault();
    });
  });
}());
