// Moved to the kit; kept so existing imports keep working.
export { BarChart, LineChart, csvOf, type ChartProps, type ChartSeries } from "~/components/ui/chart";
