package report

import (
	"html/template"
	"strconv"

	"github.com/sotcap/sotcap/captions/rules"
)

// pageTemplate parses the page template. Parsing takes well under a
// millisecond, so each WriteHTML call parses its own and the package keeps
// no state.
func pageTemplate() *template.Template {
	return template.Must(template.New("page").Funcs(template.FuncMap{"count": count, "ruleTitle": rules.RuleTitle}).Parse(pageHTML))
}

const pageHTML = `{{define "head" -}}
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
:root { --ok: #2e9e4f; --near: #e3a008; --over: #d7263d; --none: #9aa0a6; --nolimit: #4a7fc1; --cut: #6b21a8; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 1.5em 3em; color: #1f2328; background: #fff; }
h1 { font-size: 1.4em; margin: 0.8em 0 0.3em; }
h2 { font-size: 1.2em; margin: 1.6em 0 0.4em; padding-top: 0.6em; border-top: 2px solid #d0d7de; word-break: break-all; }
h3 { font-size: 1em; margin: 1.2em 0 0.4em; }
.formula, .note { color: #57606a; font-size: 0.9em; max-width: 60em; }
dl.summary { display: grid; grid-template-columns: max-content auto; gap: 0.1em 1em; margin: 0.4em 0; }
dl.summary dt { color: #57606a; }
dl.summary dd { margin: 0; }
.legend span { display: inline-block; margin-right: 1.2em; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; vertical-align: -0.1em; margin-right: 0.3em; border-radius: 2px; }
.timeline { overflow-x: auto; border: 1px solid #d0d7de; border-radius: 4px; padding: 4px 0; }
.row { display: flex; align-items: flex-start; content-visibility: auto; }
.row.lanes-1 { contain-intrinsic-size: auto 34px; }
.row.lanes-2 { contain-intrinsic-size: auto 50px; }
.row.lanes-3 { contain-intrinsic-size: auto 66px; }
.row-label { flex: none; width: 7.5em; font: 11px/1 ui-monospace, Menlo, Consolas, monospace; color: #57606a; padding: 16px 0.5em 0; text-align: right; }
svg { display: block; flex: none; }
svg text { font: 9px ui-monospace, Menlo, Consolas, monospace; fill: #6e7781; }
.tick { stroke: #eaeef2; }
.cps-ok { fill: var(--ok); background: var(--ok); }
.cps-near { fill: var(--near); background: var(--near); }
.cps-over { fill: var(--over); background: var(--over); }
.cps-none { fill: var(--none); background: var(--none); }
.cps-nolimit { fill: var(--nolimit); background: var(--nolimit); }
rect.caption-bar, rect.caption-cont { stroke: #fff; stroke-width: 0.5; }
rect.caption-cont, .swatch.cont { opacity: 0.45; }
rect.flag-agg, .swatch.flag { fill: #1f2328; background: #1f2328; }
.swatch.outline { background: #fff; border: 1.5px solid #1f2328; box-sizing: border-box; }
tr.malformed td { color: #9a1c1c; }
rect.caption-bar.flagged { stroke: #1f2328; stroke-width: 1; }
rect.caption-bar:hover { opacity: 0.7; }
line.shot-change { stroke: var(--cut); stroke-width: 1.5; }
line.cps-limit { stroke: var(--over); stroke-width: 1.5; stroke-dasharray: 4 3; }
.axis { stroke: #8c959f; }
table.violations { border-collapse: collapse; margin-top: 0.4em; }
table.violations th, table.violations td { border-bottom: 1px solid #eaeef2; padding: 0.2em 0.7em; text-align: left; vertical-align: top; }
table.violations td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.violations td.time { font: 12px ui-monospace, Menlo, Consolas, monospace; white-space: nowrap; }
table.violations td.text { white-space: pre-line; max-width: 40em; }
table.violations tr:target { background: #fff8c5; }
ul.warnings { color: #9a6700; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="formula">{{.Formula}}</p>
{{- if not .Files}}
<p>No files were checked.</p>
{{- end}}
{{- if gt (len .Files) 1}}
<ul class="toc">
{{- range .Files}}
<li><a href="#{{.ID}}">{{.File}}</a>: {{count .Captions "caption"}}, {{count .Violations "violation"}}</li>
{{- end}}
</ul>
{{- end}}
{{- end}}

{{define "file-head" -}}
<section class="file" id="{{.ID}}" data-captions="{{.Captions}}" data-cuts="{{.Cuts}}">
<h2>{{.File}}</h2>
<dl class="summary">
<dt>Format</dt><dd>{{if .Format}}{{.Format}}{{else}}unknown{{end}}</dd>
{{- if .Profile}}<dt>Profile</dt><dd>{{.Profile}}{{if .Limit}} (max {{.Limit}} CPS){{end}}</dd>{{else if .Limit}}<dt>CPS limit</dt><dd>{{.Limit}}</dd>{{end}}
<dt>Captions</dt><dd>{{.Captions}}, spanning {{.Duration}} (hours:minutes:seconds)</dd>
<dt>CPS</dt><dd>mean {{.Mean}}, p50 {{.P50}}, p90 {{.P90}}, max {{.Max}} characters per second{{if .Undefined}} ({{.Undefined}} without a duration left out){{end}}</dd>
<dt>Frame rate</dt><dd>{{.FrameRate}}</dd>
<dt>Violations</dt><dd>{{if .Violations}}{{.Violations}}:{{range $i, $r := .ByRule}}{{if $i}},{{end}} {{ruleTitle $r.Rule}} {{$r.Count}}{{end}}{{else}}none{{end}}</dd>
{{- if .Warnings}}<dt>Warnings</dt><dd>{{len .Warnings}}</dd>{{end}}
{{- if .Cuts}}<dt>Shot changes</dt><dd>{{.Cuts}}</dd>{{end}}
</dl>
{{- if .Warnings}}
<h3>Reading warnings</h3>
<ul class="warnings">
{{- range .Warnings}}
<li>{{.String}}</li>
{{- end}}
</ul>
{{- end}}
<h3>Timeline</h3>
{{- if .HasTimeline}}
<p class="legend">
{{- if .Limit}}
<span><i class="swatch cps-ok"></i>≤ 80 % of the limit ({{.CountOK}})</span>
<span><i class="swatch cps-near"></i>≤ limit ({{.CountNear}})</span>
<span><i class="swatch cps-over"></i>over the limit ({{.Over}})</span>
{{- else}}
<span><i class="swatch cps-nolimit"></i>caption (no CPS limit given)</span>
{{- end}}
{{- if .CountNone}}<span><i class="swatch cps-none"></i>CPS undefined ({{.CountNone}})</span>{{end}}
<span><i class="swatch" style="background: var(--cut)"></i>shot change</span>
{{- if .Aggregated}}
<span><i class="swatch flag"></i>under a block: a caption there has violations</span>
<span>{{.Captions}} captions are too many to draw one by one: each block covers {{.RowSpan}} ÷ 150 of a row and takes the colour of the worst caption in it. Each row is {{.RowSpan}}.</span>
{{- else}}
<span><i class="swatch cps-ok cont"></i>pale: a caption continued from the row above</span>
<span><i class="swatch outline"></i>black outline: has violations (click for details). Each row is {{.RowSpan}}.</span>
{{- end}}
</p>
<div class="timeline">
{{- else}}
<p>No captions.</p>
{{- end}}
{{- end}}

{{define "file-middle" -}}
{{if .HasTimeline}}</div>{{end}}
<h3>CPS histogram</h3>
{{- with .Hist}}
{{- if .Empty}}
<p>No caption has a defined CPS.</p>
{{- else}}
<svg class="histogram" width="640" height="180" viewBox="0 0 640 180" role="img" aria-label="Histogram of characters per second">
<line class="axis" x1="40" x2="630" y1="158" y2="158"></line>
<line class="axis" x1="40" x2="40" y1="14" y2="158"></line>
<text x="36" y="18" text-anchor="end">{{.MaxCount}}</text>
<text x="36" y="158" text-anchor="end">0</text>
{{- range .Bars}}
<rect class="{{.Class}}" x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}"><title>{{.Title}}</title></rect>
{{- end}}
{{- range .Labels}}<text x="{{.X}}" y="172" text-anchor="middle">{{.Label}}</text>{{end}}
{{- if .Limit}}
<line class="cps-limit" x1="{{.LimitX}}" x2="{{.LimitX}}" y1="10" y2="158"><title>limit {{.Limit}} CPS</title></line>
<text x="{{.LimitX}}" y="9" text-anchor="middle">limit {{.Limit}}</text>
{{- end}}
</svg>
<p class="note">Captions per CPS range (ranges include their upper bound).</p>
{{- end}}
{{- end}}
<h3>Violations</h3>
{{- if .Violations}}
<details{{if .OpenViolations}} open{{end}}>
<summary>{{count .Violations "violation"}}{{if .Hidden}} (the first 200 of each rule shown){{end}}</summary>
{{- if .Hidden}}
<p class="note">Not shown:{{range $i, $r := .Hidden}}{{if $i}},{{end}} {{$r.Count}} more {{ruleTitle $r.Rule}}{{end}}. The CSV and JSON reports (<code>--format csv</code>, <code>--format json</code>) list every violation.</p>
{{- end}}
<table class="violations">
<thead><tr><th>Caption</th><th>Start</th><th>End</th><th>Rule</th><th>Value</th><th>Limit</th><th>Text</th></tr></thead>
<tbody>
{{- else}}
<p>None.</p>
{{- end}}
{{- end}}

{{define "file-foot" -}}
{{if .Violations}}
</tbody>
</table>
</details>
{{- end}}
</section>
{{end}}

{{define "foot" -}}
</body>
</html>
{{end}}`

// count formats "1 caption", "2 captions".
func count(n int, noun string) string { return strconv.Itoa(n) + " " + noun + plural(n) }
