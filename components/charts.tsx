'use client';
// The charting library is loaded after the page, in the browser only: the tables render at once and
// the first load of every page stays small.
import dynamic from 'next/dynamic';

const loading = () => <div className="chart-placeholder" aria-hidden="true" />;
export const PriceChart = dynamic(() => import('./dashboard-charts').then((m) => m.PriceChart), { ssr: false, loading });
export const CityChart = dynamic(() => import('./dashboard-charts').then((m) => m.CityChart), { ssr: false, loading });
export const VolumeChart = dynamic(() => import('./dashboard-charts').then((m) => m.VolumeChart), { ssr: false, loading });
export const RankedBars = dynamic(() => import('./dashboard-charts').then((m) => m.RankedBars), { ssr: false, loading });
