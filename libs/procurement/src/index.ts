/** @larder/procurement — from forecasts to production plans and purchase orders. Pure maths in planning/, Nest services in services/. */
export * from './planning/planning-types';
export * from './planning/planning-catalogue';
export * from './planning/quantile-interpolation';
export * from './planning/newsvendor';
export * from './planning/production-planner';
export * from './planning/recipe-explosion';
export * from './planning/stock-netting';
export * from './planning/order-schedule';
export * from './planning/purchase-planner';
export * from './planning/purchase-orders';
export * from './planning/week-planner';
export * from './planning/seasonal-estimate';

export * from './services/procurement.module';
export * from './services/forecast-source';
export * from './services/plan-demand.service';
export * from './services/plan-store';
export * from './services/plan-views';
export * from './services/plan.service';
export * from './services/planning-data.loader';
export * from './services/planning-clock';
export * from './planning/what-if';
export * from './services/what-if.service';
export * from './planning/replay';
export * from './services/replay.service';
export * from './planning/waste-accounting';
export * from './services/waste-accounting.service';
