import { css, html, LitElement, type PropertyValues, unsafeCSS } from 'lit';
import uPlot from 'uplot';
import uPlotCss from 'uplot/dist/uPlot.min.css?inline';

export interface ChartSeries {
  label: string;
  color: string;
  values: Array<number | null>;
}

/**
 * A small bar or line chart over labelled categories, drawn by uPlot (canvas, ~20 kB gzipped;
 * see docs/staff.md for why). Redraws when `series` changes and when its width changes.
 *
 * @example
 * html`<lc-chart .labels=${['09:00', '09:15']} .series=${[{ label: 'Arrivals', color: '#0b5cad', values: [3, 5] }]}></lc-chart>`
 */
export class LcChart extends LitElement {
  static override properties = {
    labels: { attribute: false },
    series: { attribute: false },
    format: { attribute: false },
    kind: {},
    heading: {},
    xLabel: {},
  };
  static override styles = [
    unsafeCSS(uPlotCss),
    css`
      :host {
        display: block;
        min-width: 0;
      }
      h3 {
        font-size: 1rem;
        margin: 0 0 0.25rem;
      }
      .plot {
        min-height: 220px;
      }
    `,
  ];
  declare labels: string[];
  declare series: ChartSeries[];
  declare kind: 'bars' | 'line';
  declare heading: string;
  /** What the categories are, for the legend (uPlot would say "Value"). */
  declare xLabel: string;
  /** How a value reads on the axis and in the legend, e.g. `clock` for seconds as m:ss. */
  declare format: ((value: number) => string) | null;
  #plot: uPlot | null = null;
  #resize = new ResizeObserver(() => this.#draw());

  constructor() {
    super();
    this.labels = [];
    this.series = [];
    this.kind = 'bars';
    this.heading = '';
    this.xLabel = '';
    this.format = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    this.#plot?.destroy();
    this.#plot = null;
  }

  override render() {
    return html`<h3>${this.heading}</h3><div class="plot" role="img" aria-label=${this.heading}></div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('series') || changed.has('labels') || changed.has('format') || changed.has('xLabel')) this.#draw();
  }

  #draw(): void {
    const target = this.renderRoot.querySelector<HTMLElement>('.plot');
    const width = Math.floor(this.getBoundingClientRect().width);
    if (!target || width < 50) return;
    this.#plot?.destroy();
    const labels = this.labels;
    const bars = this.kind === 'bars' ? uPlot.paths.bars?.({ size: [0.7, 60] }) : undefined;
    const xs = labels.map((_, i) => i);
    const format = this.format;
    const yValue = (v: number | null) => (v === null ? '–' : format ? format(v) : String(v));
    this.#plot = new uPlot(
      {
        width,
        height: 220,
        scales: { x: { time: false, range: [-0.5, Math.max(0.5, labels.length - 0.5)] } },
        axes: [
          { values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? (labels[v] ?? '') : '')) },
          format ? { values: (_u, splits) => splits.map((v) => format(v)) } : {},
        ],
        series: [
          { label: this.xLabel, value: (_u, v) => (v === null ? '' : (labels[v] ?? '')) },
          ...this.series.map((s) => ({
            label: s.label,
            stroke: s.color,
            fill: this.kind === 'bars' ? `${s.color}aa` : undefined,
            width: this.kind === 'bars' ? 0 : 2,
            ...(bars ? { paths: bars } : {}),
            points: { show: false },
            value: (_u: uPlot, v: number | null) => yValue(v),
          })),
        ],
        legend: { show: this.series.length > 1 },
        cursor: { show: true, drag: { x: false, y: false } },
      },
      [xs, ...this.series.map((s) => s.values)] as uPlot.AlignedData,
      target,
    );
  }
}
customElements.define('lc-chart', LcChart);

declare global {
  interface HTMLElementTagNameMap {
    'lc-chart': LcChart;
  }
}
