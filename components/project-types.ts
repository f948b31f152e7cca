// Shapes of the projects router's answers, for the pages and components that show them.
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/app-router';

type Outputs = inferRouterOutputs<AppRouter>['projects'];
export type ProjectListRow = Outputs['list'][number];
export type ProjectQueueRow = Outputs['queue'][number];
export type ProjectView = Outputs['get'];
