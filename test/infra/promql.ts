import { readText, readYaml } from './infra-files';

/** Readers for the monitoring files (dashboard, alert rules) and the metric names their PromQL uses. */

export interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
export interface RuleFile {
  groups: { name: string; rules: AlertRule[] }[];
}
export interface DashboardPanel {
  id: number;
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  targets?: { expr: string; refId: string; datasource?: { uid: string } }[];
  panels?: DashboardPanel[];
}
export interface Dashboard {
  uid: string;
  title: string;
  panels: DashboardPanel[];
}

export const DASHBOARD_PATH = 'monitoring/grafana/dashboards/nexus-overview.json';
export const ALERTS_PATH = 'monitoring/alerts.yml';

export function alertRules(): AlertRule[] {
  return readYaml<RuleFile>(ALERTS_PATH).groups.flatMap((g) => g.rules);
}

export function dashboard(): Dashboard {
  return JSON.parse(readText(DASHBOARD_PATH)) as Dashboard;
}

export function dashboardPanels(): DashboardPanel[] {
  const all: DashboardPanel[] = [];
  const walk = (panels: DashboardPanel[]) => {
    for (const p of panels) {
      all.push(p);
      walk(p.panels ?? []);
    }
  };
  walk(dashboard().panels);
  return all;
}

/** Grafana's interval variables, replaced by what Prometheus would be sent for a 1 h view. */
export function withGrafanaVariables(expr: string): string {
  return expr.replace(/\$__rate_interval/g, '1m').replace(/\$__interval/g, '15s');
}

/** Every PromQL expression of the dashboard and of the alert rules, with where it comes from. */
export function monitoringExpressions(): { source: string; expr: string }[] {
  const fromDashboard = dashboardPanels().flatMap((p) =>
    (p.targets ?? []).map((t) => ({
      source: `dashboard "${p.title}" ${t.refId}`,
      expr: withGrafanaVariables(t.expr),
    })),
  );
  const fromAlerts = alertRules().map((r) => ({ source: `alert ${r.alert}`, expr: r.expr }));
  return [...fromDashboard, ...fromAlerts];
}

const KEYWORDS = new Set([
  'and',
  'or',
  'unless',
  'bool',
  'offset',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'inf',
  'nan',
]);

/**
 * Metric names an expression selects: identifiers that are not functions, aggregations,
 * keywords, label names or label values. Enough of PromQL for the files of this repository.
 */
export function metricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = new Set<string>();
  for (const m of stripped.matchAll(/(?<![\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?/g)) {
    if (m[2]) continue; // a function or aggregation call
    if (KEYWORDS.has(m[1].toLowerCase())) continue;
    names.add(m[1]);
  }
  return [...names].sort();
}

/** `# TYPE name kind` lines of a Prometheus text exposition: name → kind. */
export function exportedFamilies(exposition: string): Map<string, string> {
  const families = new Map<string, string>();
  for (const m of exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)) families.set(m[1], m[2]);
  return families;
}

/** The family a sample name belongs to (`x_bucket` of histogram `x` → `x`), if exported. */
export function familyOf(name: string, families: Map<string, string>): string | undefined {
  if (families.has(name)) return name;
  const m = /^(.*)_(bucket|count|sum)$/.exec(name);
  if (m && ['histogram', 'summary'].includes(families.get(m[1]) ?? '')) return m[1];
  return undefined;
}
