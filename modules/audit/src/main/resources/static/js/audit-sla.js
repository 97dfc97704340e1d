// SLA dashboard charts. Data comes from the data-sla attribute of each chart element (the page has no inline
// script, so a Content-Security-Policy without 'unsafe-inline' holds).
(function () {
  'use strict';
  function draw(element) {
    var sla = JSON.parse(element.getAttribute('data-sla'));
    var which = element.getAttribute('data-series');
    var days = sla.days.map(function (d) { return d.day; });
    var series;
    var title;
    if (which === 'decision') {
      title = 'Time to decision (hours), breaches of ' + sla.target_hours + ' h';
      series = [
        { name: 'median', type: 'line', data: sla.days.map(function (d) { return d.median_hours_to_decision; }) },
        { name: 'p90', type: 'line', data: sla.days.map(function (d) { return d.p90_hours_to_decision; }) },
        { name: 'breaches', type: 'bar', yAxisIndex: 1, data: sla.days.map(function (d) { return d.breaches; }) }
      ];
    } else {
      title = 'Time to measure (hours)';
      series = [
        { name: 'median', type: 'line', data: sla.days.map(function (d) { return d.median_hours_to_measure; }) },
        { name: 'p90', type: 'line', data: sla.days.map(function (d) { return d.p90_hours_to_measure; }) },
        { name: 'measures', type: 'bar', yAxisIndex: 1, data: sla.days.map(function (d) { return d.measures; }) }
      ];
    }
    element.style.height = '320px';
    var chart = echarts.init(element);
    chart.setOption({
      title: { text: title, textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      legend: { top: 24 },
      grid: { top: 64 },
      xAxis: { type: 'category', data: days },
      yAxis: [{ type: 'value', name: 'hours' }, { type: 'value', name: 'count', minInterval: 1 }],
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  document.addEventListener('DOMContentLoaded', function () {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-sla]').forEach(draw);
  });
}());
